"""20 concurrent browser sessions on one server: each loads Overview and switches a toggle.

    .venv/bin/python bench/load.py [--sessions 20]

Reports p50/p95 time to chart and to the redrawn chart after the toggle, errors, and the
server's memory (RSS) before and after. Traffic stays on 127.0.0.1.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "browser"))
sys.path.insert(0, str(ROOT / "bench"))

from browserkit import CHART_SVG, CHROMIUM, CHROMIUM_ARGS, streamlit_process  # noqa: E402
from playwright.async_api import async_playwright  # noqa: E402
from results import write_section  # noqa: E402


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


async def session(browser, url: str, results: dict, i: int) -> None:
    context = await browser.new_context(viewport={"width": 1200, "height": 900})
    page = await context.new_page()
    try:
        start = time.perf_counter()
        await page.goto(url + "/", timeout=120_000)
        await page.wait_for_selector(CHART_SVG, state="visible", timeout=120_000)
        results["chart"].append(time.perf_counter() - start)
        errors = await page.locator('[data-testid="stException"]').count()
        start = time.perf_counter()
        await page.get_by_text("Quotes on the chart").click(timeout=60_000)
        await page.wait_for_url("**notes=false**", timeout=60_000)
        await page.wait_for_selector(CHART_SVG, state="visible", timeout=60_000)
        results["toggle"].append(time.perf_counter() - start)
        if errors:
            results["errors"].append(f"session {i}: exception on page")
    except Exception as exc:  # a failed session is a finding, not a crash of the bench
        results["errors"].append(f"session {i}: {type(exc).__name__}: {exc}".splitlines()[0])
    finally:
        await context.close()


async def floor(browser_type, sessions: int) -> float:
    """Median time for the same number of concurrent contexts to show a bare page."""
    times: list[float] = []
    with streamlit_process(ROOT / "bench" / "hello_app.py") as (url, _):
        browser = await browser_type.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)

        async def one() -> None:
            context = await browser.new_context()
            page = await context.new_page()
            start = time.perf_counter()
            await page.goto(url + "/", timeout=120_000)
            await page.wait_for_selector("text=hello", state="visible", timeout=120_000)
            times.append(time.perf_counter() - start)
            await context.close()

        await one()
        times.clear()
        await asyncio.gather(*(one() for _ in range(sessions)))
        await browser.close()
    return statistics.median(times)


async def run(sessions: int) -> str:
    results: dict[str, list] = {"chart": [], "toggle": [], "errors": []}
    with streamlit_process(ROOT / "dashboard" / "app.py") as (url, proc):
        async with async_playwright() as p:
            browser = await p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            warm = await browser.new_context()
            page = await warm.new_page()
            await page.goto(url + "/")
            await page.wait_for_selector(CHART_SVG, state="visible", timeout=60_000)
            await warm.close()
            before = rss_mb(proc.pid)
            start = time.perf_counter()
            await asyncio.gather(*(session(browser, url, results, i) for i in range(sessions)))
            wall = time.perf_counter() - start
            after = rss_mb(proc.pid)
            await browser.close()
            floor_median = await floor(p.chromium, sessions)

    def pct(values: list[float], q: float) -> str:
        if not values:
            return "—"
        ordered = sorted(values)
        return f"{ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]:.2f} s"

    lines = [
        f"{sessions} concurrent sessions (one Chromium, one context each) against one "
        f"`streamlit run`, all on this 2-core machine; wall time {wall:.1f} s.", "",
        "| measure | p50 | p95 | n |", "| --- | --- | --- | --- |",
        f"| navigation to chart visible | {pct(results['chart'], 0.5)} | "
        f"{pct(results['chart'], 0.95)} | {len(results['chart'])} |",
        f"| toggle to redrawn chart | {pct(results['toggle'], 0.5)} | "
        f"{pct(results['toggle'], 0.95)} | {len(results['toggle'])} |", "",
        f"Errors: {len(results['errors'])} (goal: none)"
        + "".join(f"\n- {e}" for e in results["errors"]),
        "",
        f"Server memory (RSS): {before:.0f} MB before, {after:.0f} MB after "
        f"({after - before:+.0f} MB for {sessions} sessions).",
    ]
    if results["chart"]:
        lines.append(
            f"For scale, in the same run: {sessions} concurrent fresh contexts showing a bare "
            f"`st.write('hello')` page take {floor_median:.2f} s (median): on two cores the "
            "one browser rendering twenty pages at once is most of the time.")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sessions", type=int, default=20)
    args = parser.parse_args()
    body = asyncio.run(run(args.sessions))
    print(body)
    write_section("Load", body)


if __name__ == "__main__":
    main()
