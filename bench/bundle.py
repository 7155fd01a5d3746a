"""The ZIP bundle of every table at many documents (issue 14): wall time and peak memory
of `python -m etl export --format zip` (streamed to a file) and of the download button's
bytes (`etl.export.bundle_zip`, the ZIP held in memory), each in a fresh process.

    .venv/bin/python bench/bundle.py --data /path/to/data [--base 663fc73]

``--base REV`` runs the same export from a git worktree of an older commit too (the bundle
before it was streamed from the published files).
"""

from __future__ import annotations

import argparse
import ast
import contextlib
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from results import write_section  # noqa: E402

IN_MEMORY = ("import sys; from pathlib import Path; from etl.export import bundle_zip; "
             "sys.stdout.write(str(len(bundle_zip(Path(sys.argv[1]) / 'tidy'))))")


def timed(cmd: list[str], cwd: Path) -> tuple[float, float, str]:
    """Seconds, peak resident MB and stdout of ``cmd`` run alone in a fresh process."""
    wrapper = ("import resource, subprocess, sys, time; t = time.perf_counter(); "
               "p = subprocess.run(sys.argv[1:], capture_output=True, text=True); "
               "print(time.perf_counter() - t, "
               "resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, "
               "p.returncode, repr(p.stdout[-40:]), repr(p.stderr[-300:]))")
    out = subprocess.run([sys.executable, "-c", wrapper, *cmd], cwd=cwd, capture_output=True,
                         text=True, check=True, env={**os.environ, "PYTHONPATH": str(cwd)})
    seconds, peak, code, stdout, stderr = out.stdout.strip().split(" ", 4)
    if code != "0":
        raise SystemExit(f"error: {' '.join(cmd)} failed: {stderr}")
    return float(seconds), float(peak), ast.literal_eval(stdout)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, required=True)
    ap.add_argument("--base", help="an older commit whose export to measure too")
    args = ap.parse_args(argv)
    if not (args.data / "tidy" / "datapackage.json").exists():
        print("error: --data must be a built data folder (with tidy/)", file=sys.stderr)
        return 2
    data = args.data.resolve()
    docs = len(list((data / "sources").iterdir()))
    csv_mb = sum(p.stat().st_size for p in (data / "tidy").glob("*.csv")) / 1e6
    rows = []
    with contextlib.ExitStack() as stack:
        tmp = Path(stack.enter_context(tempfile.TemporaryDirectory()))
        codes = {"now": ROOT}
        if args.base:
            subprocess.run(["git", "worktree", "add", "-f", "--detach", str(tmp / "base"),
                            args.base], cwd=ROOT, check=True, capture_output=True)
            stack.callback(subprocess.run, ["git", "worktree", "remove", "--force",
                                            str(tmp / "base")], cwd=ROOT)
            codes = {f"at {args.base}": tmp / "base", **codes}
        for label, code in codes.items():
            out = tmp / f"{label}.zip"
            seconds, peak, _ = timed([sys.executable, "-m", "etl", "export", "--format", "zip",
                                      "--data", str(data), "--out", str(out)], code)
            rows.append(f"| `etl export --format zip`, {label} | {seconds:.1f} | {peak:.0f} | "
                        f"{out.stat().st_size / 1e6:.1f} |")
            print(rows[-1], flush=True)
            out.unlink()
        seconds, peak, size = timed([sys.executable, "-c", IN_MEMORY, str(data)], ROOT)
        rows.append(f"| the download button's bytes (`bundle_zip`), now | {seconds:.1f} | "
                    f"{peak:.0f} | {int(size) / 1e6:.1f} |")
        print(rows[-1], flush=True)
    table = "\n".join(["| bundle | seconds | peak MB | ZIP MB |", "| --- | --- | --- | --- |",
                       *rows])
    write_section("The ZIP bundle at many documents (issue 14)", f"""
Every table as CSV with its datapackage.json and README, at {docs:,} documents ({csv_mb:,.0f}
MB of published CSV), each in a fresh process (`bench/bundle.py --data FOLDER{
    f" --base {args.base}" if args.base else ""}`):

{table}
""")
    print(table)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
