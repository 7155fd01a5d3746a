"""Extraction throughput of this version against an earlier revision, in one run.

    .venv/bin/python bench/extract_vs_previous.py --base 79834d3 --mb 2 --runs 3

The earlier revision's etl/ is taken from git (git archive) into a temporary folder; both
run in fresh processes, alternately, on the same synthetic corpus (bench/corpus.py), and
the median of each is compared.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tarfile
import tempfile
from io import BytesIO
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from corpus import make_corpus  # noqa: E402
from results import write_section  # noqa: E402

TIMER = """
import sys, time
sys.path.insert(0, sys.argv[1])
from etl.extract import extract
text = open(sys.argv[2], encoding="utf-8").read()
start = time.perf_counter()
n = len(extract(text, "bench").figures)
print(time.perf_counter() - start, n)
"""


def run(code_dir: Path, corpus: Path) -> tuple[float, int]:
    out = subprocess.run([sys.executable, "-c", TIMER, str(code_dir), str(corpus)],
                         capture_output=True, text=True, check=True).stdout.split()
    return float(out[0]), int(out[1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--base", default="79834d3", help="the earlier revision")
    parser.add_argument("--mb", type=float, default=2.0)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        archive = subprocess.run(["git", "archive", args.base, "etl"], cwd=ROOT,
                                 capture_output=True, check=True).stdout
        with tarfile.open(fileobj=BytesIO(archive)) as tar:
            tar.extractall(work / "base", filter="data")
        corpus = work / "corpus.txt"
        text = make_corpus(args.mb)
        corpus.write_text(text, encoding="utf-8")
        mb = len(text.encode("utf-8")) / 1e6
        times: dict[str, list[float]] = {"base": [], "now": []}
        counts: dict[str, int] = {}
        for _ in range(args.runs):
            for name, folder in (("base", work / "base"), ("now", ROOT)):
                seconds, n = run(folder, corpus)
                times[name].append(seconds)
                counts[name] = n
    base, now = statistics.median(times["base"]), statistics.median(times["now"])
    body = "\n".join([
        f"The extractor now against revision {args.base} (before the real-text work of "
        f"issue 12), on the same {mb:.1f} MB synthetic corpus, {args.runs} alternating runs "
        "each in fresh processes (median).", "",
        "| version | seconds | MB/s | figures |", "| --- | --- | --- | --- |",
        f"| {args.base} | {base:.2f} | {mb / base:.2f} | {counts['base']} |",
        f"| this version | {now:.2f} | {mb / now:.2f} | {counts['now']} |", "",
        f"**Time ratio, this version / {args.base}: {now / base:.2f}** (goal: at most 2).",
    ])
    print(body)
    write_section("Extraction against the previous version", body)


if __name__ == "__main__":
    main()
