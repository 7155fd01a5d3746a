"""Time from navigation to the Overview chart visible, in fresh browser contexts.

The chart is first shown as a picture drawn on the server, then as the interactive chart
that takes its place (dashboard/style.py); both times are measured. Prints the median and
spread over --runs contexts, and the same for a bare `st.write("hello")` page (the
framework's floor), then the ratio. Not a test: run it as
    .venv/bin/python bench/time_to_chart.py --runs 10
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "browser"))

from browserkit import CHART_SHOWN, CHART_SVG, CHROMIUM, CHROMIUM_ARGS, streamlit_server  # noqa: E402
from playwright.sync_api import sync_playwright  # noqa: E402

sys.path.insert(0, str(ROOT / "bench"))
from results import write_section  # noqa: E402

SIMPLE_CHART_APP = ROOT / "bench" / "simple_chart_app.py"


def measure(browser, url: str, selector: str, runs: int, *later: str
            ) -> list[float] | tuple[list[float], ...]:
    # One warm-up visit so that the server's first-run work is not counted as the user's.
    ctx = browser.new_context()
    ctx.new_page().goto(url)
    ctx.pages[0].wait_for_selector(selector, state="visible", timeout=60_000)
    ctx.close()
    times: list[list[float]] = [[] for _ in (selector, *later)]
    for _ in range(runs):
        ctx = browser.new_context(viewport={"width": 1400, "height": 1000})
        page = ctx.new_page()
        start = time.perf_counter()
        page.goto(url)
        for found, each in zip(times, (selector, *later), strict=True):
            page.wait_for_selector(each, state="visible", timeout=60_000)
            found.append(time.perf_counter() - start)
        ctx.close()
    return tuple(times) if later else times[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        with streamlit_server(ROOT / "dashboard" / "app.py") as url:
            chart, interactive = measure(browser, url + "/", CHART_SHOWN, args.runs,
                                         CHART_SVG)
        with streamlit_server(ROOT / "bench" / "hello_app.py") as url:
            floor = measure(browser, url + "/", "text=hello", args.runs)
        with streamlit_server(SIMPLE_CHART_APP) as url:
            simple = measure(browser, url + "/", CHART_SVG, args.runs)
        browser.close()
    floor_median = statistics.median(floor)
    body = "\n".join([
        "From navigation (a fresh browser context each time, after one warm-up visit) to "
        "the element visible, in headless Chromium against a local `streamlit run`.",
        "",
        "| page | median | min | p95 | n | × floor |",
        "| --- | --- | --- | --- | --- | --- |",
        *[row(name, times, floor_median) for name, times in (
            ("Overview chart visible (the server's picture)", chart),
            ("Overview interactive chart drawn", interactive),
            ("floor: `st.write('hello')` visible", floor),
            ("a one-layer Altair chart visible (bench/simple_chart_app.py)", simple))],
        "",
        f"**Ratio, Overview chart / floor: {statistics.median(chart) / floor_median:.2f}** "
        "(goal: at most 1.3); the interactive chart that replaces the picture: "
        f"{statistics.median(interactive) / floor_median:.2f}. A bare one-layer Altair "
        f"chart costs {statistics.median(simple) / floor_median:.2f}× the floor here: "
        "loading and starting Vega in a fresh browser, which the picture does not wait for.",
    ])
    print(body)
    write_section("Time to chart", body)


def row(name: str, times: list[float], floor: float) -> str:
    q = statistics.quantiles(times, n=20)[-1] if len(times) >= 2 else times[0]
    return (f"| {name} | {statistics.median(times):.2f} s | {min(times):.2f} s | {q:.2f} s | "
            f"{len(times)} | {statistics.median(times) / floor:.2f} |")


if __name__ == "__main__":
    main()
