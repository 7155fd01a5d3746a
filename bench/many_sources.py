"""The Overview at 1 document and at many (issue 14), in one run: time from navigation to
the chart visible, the two dashboards visited in turn in fresh browser contexts, the
server's memory, and the memory each further visitor's session costs.

    .venv/bin/python bench/many_sources.py --docs 1000 --runs 10
    .venv/bin/python bench/many_sources.py --data /path/to/data --runs 10   # built already

Times as bench/time_to_chart.py takes them: the picture's paint time (Element Timing), the
interactive chart's first visible frame, and Playwright's `visible`. Memory: the server's
resident set (VmRSS) once warm, then with --sessions more visitors' pages open at once;
the difference divided by their number is the cost of a session.
"""

from __future__ import annotations

import argparse
import contextlib
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "browser"))
sys.path.insert(0, str(ROOT / "bench"))

from browserkit import (  # noqa: E402
    CHART_SHOWN,
    CHART_SVG,
    CHROMIUM,
    CHROMIUM_ARGS,
    streamlit_process,
)
from corpus import write_sources  # noqa: E402
from playwright.sync_api import sync_playwright  # noqa: E402
from results import write_section  # noqa: E402
from time_to_chart import PICTURE, timed_visits  # noqa: E402


def status_mb(pid: int, field: str) -> float:
    """A memory figure of /proc/<pid>/status (VmRSS, VmHWM) in MB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(f"{field}:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def data_with(folder: Path, docs: int) -> Path:
    data = folder / f"data-{docs}"
    shutil.copytree(ROOT / "data" / "sources", data / "sources")
    shutil.copytree(ROOT / "data" / "reference", data / "reference")
    if docs > 1:
        write_sources(data, docs - 1)
    subprocess.run([sys.executable, "-m", "etl", "build", "--data", str(data), "-q"],
                   cwd=ROOT, check=True)
    return data


def session_cost(browser, url: str, pid: int, sessions: int) -> tuple[float, float]:
    """(server VmRSS in MB with no page open, MB per session) with ``sessions`` visitors'
    pages open at once, each with its chart drawn."""
    before = status_mb(pid, "VmRSS")
    contexts = []
    for _ in range(sessions):
        ctx = browser.new_context(viewport={"width": 1400, "height": 1000})
        page = ctx.new_page()
        page.goto(url)
        page.wait_for_selector(CHART_SVG, state="visible", timeout=60_000)
        contexts.append(ctx)
    after = status_mb(pid, "VmRSS")
    for ctx in contexts:
        ctx.close()
    return before, (after - before) / sessions


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--docs", type=int, default=1000,
                        help="synthetic corpus size to build (without --data)")
    parser.add_argument("--data", type=Path, help="a data folder built already")
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--sessions", type=int, default=5)
    args = parser.parse_args()
    targets = {"picture": {"css": PICTURE, "wait": CHART_SHOWN},
               "interactive": {"css": CHART_SVG, "wait": CHART_SVG}}
    with (tempfile.TemporaryDirectory() as tmp, sync_playwright() as p,
          contextlib.ExitStack() as servers):
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        one = data_with(Path(tmp), 1)
        many = args.data or data_with(Path(tmp), args.docs)
        docs = sum(1 for _ in (many / "sources").glob("*/meta.json"))
        started = {name: servers.enter_context(streamlit_process(
            ROOT / "dashboard" / "app.py", data)) for name, data in (("1", one), ("many", many))}
        found = timed_visits(browser, {name: (url + "/", targets)
                                       for name, (url, _) in started.items()}, args.runs)
        memory = {name: (*session_cost(browser, url + "/", proc.pid, args.sessions),
                         status_mb(proc.pid, "VmHWM"))
                  for name, (url, proc) in started.items()}
        browser.close()
    base = {how: statistics.median(found["1"]["picture"][how]) for how in
            ("painted", "playwright")}
    base_interactive = statistics.median(found["1"]["interactive"]["frame"])
    rows = []
    for name, label in (("1", "1"), ("many", f"{docs:,}")):
        picture, interactive = found[name]["picture"], found[name]["interactive"]
        painted = statistics.median(picture["painted"])
        seen = statistics.median(picture["playwright"])
        drawn = statistics.median(interactive["frame"])
        rss, per_session, peak = memory[name]
        rows.append(f"| {label} | {painted:.2f} s | {painted / base['painted']:.2f} | "
                    f"{drawn:.2f} s | {drawn / base_interactive:.2f} | {seen:.2f} s | "
                    f"{seen / base['playwright']:.2f} | {rss:.0f} MB | {per_session:.1f} MB | "
                    f"{peak:.0f} MB |")
    body = "\n".join([
        f"The Overview with the seed alone and with {docs:,} documents (the seed plus "
        "synthetic reports from bench/corpus.py), one run, both servers up and visited in "
        f"turn: medians over {args.runs} fresh browser contexts after a warm-up each. "
        "Picture painted: the server's picture of the chart, the browser's own paint time "
        "(Element Timing); interactive: the first frame with the Vega chart drawn; "
        "Playwright: when its `visible` check returned for the picture. Memory: the "
        "server's resident set once warm with no page open, the growth per visitor's "
        f"session with {args.sessions} pages open at once (each chart drawn), and the "
        "peak (VmHWM) over the run.", "",
        "| documents | picture painted | × 1 document | interactive drawn | × 1 document | "
        "Playwright | × 1 document | server RSS | per session | server peak |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
        *rows,
    ])
    print(body)
    write_section("Overview at many documents", body)


if __name__ == "__main__":
    main()
