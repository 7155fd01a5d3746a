"""`etl build` at corpus scale, in one run: N synthetic documents (bench/corpus.py, added
as `etl add --manifest` would), each build a fresh process measured for wall time and
peak memory (ru_maxrss of the child):

- full build, serial (--workers 1 --no-cache): the baseline
- full build on the embedded Dask cluster (--workers 2 --no-cache): the parallel speed-up,
  and a check that both published the same bytes; with --pairs N, N serial and Dask builds
  in turn (the order swapped each pair, so that the machine's drift falls on both alike),
  the speed-up the median of the pairs' ratios
- full build that fills the cache, then: add one document and rebuild (the cache holds
  the rest)

    .venv/bin/python bench/build_scale.py --docs 1000 --kb 10
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from corpus import write_sources  # noqa: E402
from results import write_section  # noqa: E402

# Children cache their bytecode as Python does on a user's machine: this one sets
# PYTHONDONTWRITEBYTECODE, and every build (and every Dask worker) then compiled each module
# again, about 3.5 s a process. warm_up() compiles them once, before anything is timed.
_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def warm_up() -> None:
    subprocess.run([sys.executable, "-c", "import etl.build, etl.extraction, "
                    "dask.distributed, pyarrow.parquet"], cwd=ROOT, check=True, env=_ENV)


def build(data: Path, *args: str) -> tuple[float, float]:
    """(seconds, peak MB) of one `etl build` in a child process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "etl", "build", "--data", str(data), "-q", *args],
                   cwd=ROOT, check=True, env=_ENV)
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    # ru_maxrss of children is the largest so far: report it only when this one set it
    return seconds, (peak / 1024 if peak > before else float("nan"))


def tables(data: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted((data / "tidy").iterdir())}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--kb", type=float, default=10.0, help="text per document")
    parser.add_argument("--pairs", type=int, default=1,
                        help="serial and Dask builds measured in turn, this many of each")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        shutil.copytree(ROOT / "data" / "sources", data / "sources")
        shutil.copytree(ROOT / "data" / "reference", data / "reference")
        write_sources(data, args.docs - 1, kb=args.kb)
        mb = sum(p.stat().st_size for p in (data / "sources").glob("*/article.txt")) / 1e6
        warm_up()
        serial_s, serial_mb = build(data, "--workers", "1", "--no-cache")
        serial = tables(data)
        dask_s, _ = build(data, "--workers", "2", "--no-cache")
        same = tables(data) == serial
        pairs = [(serial_s, dask_s)]
        for n in range(1, args.pairs):
            if n % 2:
                d, _ = build(data, "--workers", "2", "--no-cache")
                s, _ = build(data, "--workers", "1", "--no-cache")
            else:
                s, _ = build(data, "--workers", "1", "--no-cache")
                d, _ = build(data, "--workers", "2", "--no-cache")
            same = same and tables(data) == serial
            pairs.append((s, d))
        serial_s = statistics.median(s for s, _ in pairs)
        dask_s = statistics.median(d for _, d in pairs)
        speedup = statistics.median(s / d for s, d in pairs)
        fill_s, _ = build(data, "--workers", "2")
        write_sources(data, 1, kb=args.kb, seed=99, publisher="Late Wire")
        one_s, _ = build(data, "--workers", "2")
    each = "" if len(pairs) == 1 else (
        f" (median of {len(pairs)} pairs measured in turn: "
        + ", ".join(f"{s:.1f} s / {d:.1f} s = {s / d:.2f}x" for s, d in pairs) + "; seconds "
        "in the table are medians)")
    body = f"""
`etl build` with {args.docs:,} documents ({mb:.1f} MB of text), each build a fresh
process (`bench/build_scale.py --docs {args.docs} --kb {args.kb:g}`):

| build | seconds | peak MB |
| --- | --- | --- |
| full, serial (`--workers 1 --no-cache`) | {serial_s:.1f} | {serial_mb:.0f} |
| full, embedded Dask cluster (`--workers 2 --no-cache`) | {dask_s:.1f} | (in workers) |
| full, filling the extraction cache (`--workers 2`) | {fill_s:.1f} | |
| one document added, the rest cached | {one_s:.1f} | |

Bytecode cached as on a user's machine (this one sets PYTHONDONTWRITEBYTECODE; the
script clears it for the builds and compiles the modules once before timing).

Parallel speed-up on 2 cores: **{speedup:.2f}x**{each}; same bytes as the serial
build: **{same}**. One added document rebuilds in **{one_s / serial_s:.2f}** of a full
serial build.
"""
    write_section(f"Build at {args.docs:,} documents (issue 14)", body)
    print(body)


if __name__ == "__main__":
    main()
