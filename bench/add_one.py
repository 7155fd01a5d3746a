"""One document added to a built corpus, and the build run again: its wall time and peak
memory, a few times over, each a fresh `etl build` process (as `etl add` runs it). Then a
check that what was published is what assembling every source's rows gives (the build
that reuses nothing published; its rows from the per-source cache).

    .venv/bin/python bench/add_one.py --data /tmp/d10k/data --runs 3

The folder must have been built already (bench/many_sources.py or bench/build_scale.py
make one): the first build here only brings its caches up to date, untimed. Each run
adds a document of another synthetic publisher, so the folder grows by ``--runs``.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT))

from build_scale import _ENV, warm_up  # noqa: E402
from corpus import write_sources  # noqa: E402
from results import write_section  # noqa: E402


def build(data: Path) -> tuple[float, float, str]:
    """(seconds, peak MB of that process, the build's line about reused rows) of one
    `etl build`."""
    start = time.perf_counter()
    with tempfile.TemporaryFile("w+") as err:
        proc = subprocess.Popen([sys.executable, "-m", "etl", "build", "--data", str(data),
                                 "--workers", "2"], cwd=ROOT, env=_ENV,
                                stdout=subprocess.DEVNULL, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        lines = err.read().splitlines()
    if proc.returncode != 0:
        raise SystemExit("\n".join(lines[-5:]))
    line = next((x for x in lines if x.startswith("tables: ")), "none")
    return seconds, usage.ru_maxrss / 1024, line


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, required=True, help="a built data folder")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--kb", type=float, default=10.0)
    args = parser.parse_args()
    data = args.data.resolve()
    warm_up()
    build(data)  # caches brought up to date with this code: not timed
    docs = sum(1 for p in (data / "sources").iterdir() if p.is_dir())
    rows = []
    for run in range(args.runs):
        write_sources(data, 1, kb=args.kb, seed=500 + run,
                      publisher=f"Added Wire {docs + run}")  # a new id each time
        seconds, peak, line = build(data)
        rows.append((docs + run + 1, seconds, peak, line))
        print(rows[-1], flush=True)

    from etl.build import _build_from, render_files

    start = time.perf_counter()
    fresh = render_files(_build_from(data, lambda line: None, workers=2, reuse=False))
    assemble_s = time.perf_counter() - start
    tidy = data / "tidy"
    same = all((tidy / name).read_bytes() == body for name, body in fresh.items())
    table = "\n".join(f"| {n:,} | {s:.1f} | {m:.0f} | {line} |" for n, s, m, line in rows)
    body = f"""
One synthetic document ({args.kb:g} KB) added to a built corpus of {docs:,} documents and
`etl build --workers 2` run again, each a fresh process (`bench/add_one.py --data FOLDER
--runs {args.runs}`):

| documents after | seconds | peak MB | reused |
| --- | --- | --- | --- |
{table}

Same bytes as assembling every source's rows without reusing the published tables
({assemble_s:.0f} s, in this process): **{same}**.
"""
    write_section("Adding one document to a built corpus (issue 14)", body)
    print(body)


if __name__ == "__main__":
    main()
