"""Extraction throughput against quantulum3, F1 of both, and hostile-input timings.

    uv sync --group bench        # installs quantulum3, the peer
    .venv/bin/python bench/extract_throughput.py [--mb 5] [--peer-kb 100]

Our extractor runs on the whole synthetic corpus (bench/corpus.py, deterministic). The
peer is about a thousand times slower, so it runs on the corpus' first --peer-kb
kilobytes (the same text, cut at a paragraph) and its rate is reported as measured there.
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from corpus import make_corpus  # noqa: E402
from results import write_section  # noqa: E402

from etl.evaluate import load_corpus, score_corpus  # noqa: E402
from etl.extract import extract  # noqa: E402

TEST_CORPUS = ROOT / "tests" / "corpus" / "figures.jsonl"


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def peer_figures(text: str) -> list[str]:
    from quantulum3 import parser

    return [q.surface for q in parser.parse(text) if q.unit.entity.name == "currency"]


def peer_f1(items: list[dict]) -> tuple[float, float, float]:
    tp = fp = fn = 0
    for item in items:
        got = peer_figures(item["text"])
        gold = [g["text"] for g in item["figures"]]
        for g in gold:
            if g in got:
                got.remove(g)
                tp += 1
            else:
                fn += 1
        fp += len(got)
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return p, r, 2 * p * r / (p + r) if p + r else 0.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--mb", type=float, default=5.0)
    parser.add_argument("--peer-kb", type=int, default=100)
    args = parser.parse_args()
    warnings.simplefilter("ignore")

    corpus = make_corpus(args.mb)
    size_mb = len(corpus.encode("utf-8")) / 1e6
    before = rss_mb()
    start = time.perf_counter()
    result = extract(corpus)
    ours_s = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    ours_mbs = size_mb / ours_s
    lines = [
        f"Synthetic corpus: {size_mb:.2f} MB (bench/corpus.py, seed 2010), "
        f"{len(result.sentences):,} sentences.",
        "",
        "| extractor | text | time | MB/s | figures | figures/s | peak RSS |",
        "| --- | --- | --- | --- | --- | --- | --- |",
        f"| etl.extract | {size_mb:.2f} MB | {ours_s:.2f} s | {ours_mbs:.3f} | "
        f"{len(result.figures):,} | {len(result.figures) / ours_s:,.0f} | {peak:.0f} MB "
        f"(from {before:.0f} MB before) |",
    ]
    score = score_corpus(load_corpus(TEST_CORPUS))
    f1_lines = [f"| etl.extract | {score.precision:.3f} | {score.recall:.3f} | {score.f1:.3f} |"]
    try:
        slice_end = corpus.rfind("\n\n", 0, args.peer_kb * 1000) + 2
        peer_text = corpus[:slice_end]
        start = time.perf_counter()
        n_peer = len(peer_figures(peer_text))
        peer_s = time.perf_counter() - start
        peer_mb = len(peer_text.encode("utf-8")) / 1e6
        peer_mbs = peer_mb / peer_s
        start = time.perf_counter()
        n_ours_slice = len(extract(peer_text).figures)
        ours_slice_s = time.perf_counter() - start
        lines.append(f"| quantulum3 (currency units) | first {peer_mb:.3f} MB | {peer_s:.2f} s | "
                     f"{peer_mbs:.4f} | {n_peer:,} | {n_peer / peer_s:,.0f} | — |")
        lines.append(f"| etl.extract, same slice | first {peer_mb:.3f} MB | {ours_slice_s:.2f} s "
                     f"| {peer_mb / ours_slice_s:.3f} | {n_ours_slice:,} | "
                     f"{n_ours_slice / ours_slice_s:,.0f} | — |")
        lines += ["", f"**Throughput ratio (MB/s, ours on the whole corpus / quantulum3): "
                  f"{ours_mbs / peer_mbs:,.0f}×**; on the same slice: "
                  f"{peer_s / ours_slice_s:,.0f}×. Goal: at least 50×."]
        p, r, f = peer_f1(load_corpus(TEST_CORPUS))
        f1_lines.append(f"| quantulum3 | {p:.3f} | {r:.3f} | {f:.3f} |")
    except ImportError:
        lines += ["", "quantulum3 is not installed (`uv sync --group bench`): no peer figures."]
    lines += ["", "F1 on the project's test corpus (tests/corpus/figures.jsonl; a figure counts "
              "when its text is the gold span). That corpus was written alongside the "
              "extractor, so its own score is an upper bound:", "",
              "| extractor | precision | recall | F1 |",
              "| --- | --- | --- | --- |", *f1_lines]

    hostile = {"1 MB of `$`": "$" * 1_000_000, "1 MB of digits": "7" * 1_000_000,
               "1 MB of `more than `": "more than " * 100_000,
               "1 MB of `U.S. `": "U.S. " * 200_000}
    lines += ["", "Hostile input (no catastrophic backtracking):", "", "| input | time |",
              "| --- | --- |"]
    for name, text in hostile.items():
        start = time.perf_counter()
        extract(text)
        lines.append(f"| {name} | {time.perf_counter() - start:.2f} s |")
    body = "\n".join(lines)
    print(body)
    write_section("Extraction throughput", body)


if __name__ == "__main__":
    main()
