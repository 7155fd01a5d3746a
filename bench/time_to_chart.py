"""Time from navigation to the Overview chart visible, in fresh browser contexts.

Prints the median and spread over --runs contexts, and the same for a bare
`st.write("hello")` page (the framework's floor), then the ratio. Not a test: run it as
    .venv/bin/python bench/time_to_chart.py --runs 10
"""

from __future__ import annotations

import argparse
import platform
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "browser"))

from browserkit import CHART_SVG, CHROMIUM, CHROMIUM_ARGS, streamlit_server  # noqa: E402
from playwright.sync_api import sync_playwright  # noqa: E402


def measure(browser, url: str, selector: str, runs: int) -> list[float]:
    # One warm-up visit so that the server's first-run work is not counted as the user's.
    ctx = browser.new_context()
    ctx.new_page().goto(url)
    ctx.pages[0].wait_for_selector(selector, state="visible", timeout=60_000)
    ctx.close()
    times = []
    for _ in range(runs):
        ctx = browser.new_context(viewport={"width": 1400, "height": 1000})
        page = ctx.new_page()
        start = time.perf_counter()
        page.goto(url)
        page.wait_for_selector(selector, state="visible", timeout=60_000)
        times.append(time.perf_counter() - start)
        ctx.close()
    return times


def summary(name: str, times: list[float]) -> str:
    q = statistics.quantiles(times, n=20) if len(times) >= 2 else times * 2
    return (f"{name:28s} median {statistics.median(times):.2f} s   "
            f"min {min(times):.2f} s   p95 {q[-1]:.2f} s   (n={len(times)})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        with streamlit_server(ROOT / "dashboard" / "app.py") as url:
            chart = measure(browser, url + "/", CHART_SVG, args.runs)
        with streamlit_server(ROOT / "bench" / "hello_app.py") as url:
            floor = measure(browser, url + "/", "text=hello", args.runs)
        browser.close()
    print(f"machine: {platform.machine()}, {platform.system()}, Python "
          f"{platform.python_version()}")
    print(summary("Overview chart visible", chart))
    print(summary("st.write('hello') visible", floor))
    print(f"ratio (median chart / median floor): "
          f"{statistics.median(chart) / statistics.median(floor):.2f}")


if __name__ == "__main__":
    main()
