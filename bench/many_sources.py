"""Overview at 1 and at 1,000 documents, in one run: time from navigation to the chart
visible (fresh browser contexts), and the server's peak memory (VmHWM) after the visits.

    .venv/bin/python bench/many_sources.py --docs 1000 --runs 5
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "browser"))
sys.path.insert(0, str(ROOT / "bench"))

from browserkit import CHART_SVG, CHROMIUM, CHROMIUM_ARGS, streamlit_process  # noqa: E402
from corpus import write_sources  # noqa: E402
from playwright.sync_api import sync_playwright  # noqa: E402
from results import write_section  # noqa: E402
from time_to_chart import measure  # noqa: E402


def peak_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    results = []
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for docs in (1, args.docs):
            data = data_with(Path(tmp), docs)
            with streamlit_process(ROOT / "dashboard" / "app.py", data) as (url, proc):
                times = measure(browser, url + "/", CHART_SVG, args.runs)
                results.append((docs, statistics.median(times), min(times), peak_mb(proc.pid)))
        browser.close()
    base = results[0][1]
    body = "\n".join([
        f"The Overview with the seed alone and with {args.docs} documents (the seed plus "
        "synthetic reports from bench/corpus.py), one run: median time from navigation to "
        f"the chart visible over {args.runs} fresh browser contexts after a warm-up, and "
        "the server's peak resident memory after those visits.", "",
        "| documents | median | min | × 1 document | server peak RSS |",
        "| --- | --- | --- | --- | --- |",
        *[f"| {d} | {m:.2f} s | {lo:.2f} s | {m / base:.2f} | {mb:.0f} MB |"
          for d, m, lo, mb in results],
    ])
    print(body)
    write_section("Overview at many documents", body)


if __name__ == "__main__":
    main()
