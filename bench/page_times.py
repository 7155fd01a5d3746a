"""Each dashboard page's server time and memory at 1 document and at many (issue 14), in
one run: a page's script run in Streamlit's AppTest (the server's work for a visit, no
browser), first visit and a warm one, in a fresh process per page and data folder, with
the tables it read whole and how much the process grew.

    .venv/bin/python bench/page_times.py --data /path/to/data            # built already
    .venv/bin/python bench/page_times.py --data /path/to/data --base 663fc73

``--base REV`` runs the same pages from a git worktree of an older commit too (the pages
before they queried), each stopped after --timeout seconds. The 1-document dashboard is
the bundled data (data/).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from results import write_section  # noqa: E402

PAGES = ("overview", "sources", "claims", "compare", "data")


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def child(page: str) -> None:
    """Run one page twice in this process (the code of the current directory) and print
    its figures as JSON."""
    sys.path.insert(0, os.getcwd())
    from streamlit.testing.v1 import AppTest

    import dashboard.data

    app = AppTest.from_file(str(Path.cwd() / "dashboard" / "app.py"), default_timeout=3600)
    if page == "overview":
        before = rss_mb()
        start = time.perf_counter()
        app.run()
    else:
        app.run()  # the app's own start (the Overview's first run) is not the page's
        before = rss_mb()
        start = time.perf_counter()
        app.switch_page(f"views/{page}.py").run()
    first = time.perf_counter() - start
    start = time.perf_counter()
    app.run()
    warm = time.perf_counter() - start
    print(json.dumps({"first": first, "warm": warm, "grew": rss_mb() - before,
                      "error": bool(app.exception),
                      "loaded": dashboard.data.load_tables().loaded()}))


def measure(code: Path, data: Path, page: str, timeout: float) -> dict:
    env = {**os.environ, "FUNDTRACE_DATA": str(data), "PYTHONWARNINGS": "ignore"}
    try:
        proc = subprocess.run([sys.executable, str(Path(__file__).resolve()), "--child", page],
                              cwd=code, env=env, capture_output=True, text=True,
                              timeout=timeout)
    except subprocess.TimeoutExpired:
        return {"timeout": timeout}
    lines = [ln for ln in proc.stdout.splitlines() if ln.startswith("{")]
    return json.loads(lines[-1]) if lines else {"failed": proc.stderr[-300:]}


def cell(r: dict) -> str:
    if "timeout" in r:
        return f"not done in {r['timeout']:.0f} s"
    if "failed" in r:
        return "failed"
    return f"{r['first']:.2f} s / {r['warm']:.2f} s" + (" (error shown)" if r["error"] else "")


BIG = {"figures", "sentences", "claims", "series_figures"}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, help="a built data folder with many documents")
    ap.add_argument("--base", help="an older commit whose pages to measure too")
    ap.add_argument("--timeout", type=float, default=300)
    ap.add_argument("--child", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child:
        child(args.child)
        return 0
    if args.data is None or not (args.data / "tidy").exists():
        print("error: --data must be a built data folder (with tidy/)", file=sys.stderr)
        return 2
    docs = len(list((args.data / "sources").iterdir()))
    with contextlib.ExitStack() as stack:
        codes = {"now": ROOT}
        if args.base:
            tmp = Path(stack.enter_context(tempfile.TemporaryDirectory()))
            subprocess.run(["git", "worktree", "add", "-f", "--detach", str(tmp / "base"),
                            args.base], cwd=ROOT, check=True, capture_output=True)
            stack.callback(subprocess.run, ["git", "worktree", "remove", "--force",
                                            str(tmp / "base")], cwd=ROOT)
            codes = {f"at {args.base}": tmp / "base", **codes}
        rows = []
        for page in PAGES:
            one = measure(ROOT, ROOT / "data", page, args.timeout)
            row = [page, cell(one)]
            for label, code in codes.items():
                r = measure(code, args.data, page, args.timeout)
                whole = sorted(set(r.get("loaded", [])) & BIG)
                ratio = (f"{r['warm'] / one['warm']:.2f}" if "warm" in r and "warm" in one
                         else "—")
                row += [cell(r), ratio, ", ".join(whole) or "none",
                        f"{r['grew']:.0f} MB" if "grew" in r else "—"]
                print(page, label, r, flush=True)
            rows.append(row)
    head = ["page", "1 document: first / warm"]
    for label in codes:
        head += [f"{docs:,} documents, {label}: first / warm", "warm × 1 document",
                 "big tables read whole", "process grew"]
    table = "\n".join("| " + " | ".join(r) + " |" for r in [head, ["---"] * len(head), *rows])
    write_section("Pages at many documents (issue 14)", f"""
Each page's server time for a visit (Streamlit's AppTest running the page's script: the
first visit, then a warm one), each page in a fresh process, at the bundled data (1
document) and at {docs:,} documents (`bench/page_times.py --data FOLDER`{
    f" --base {args.base}" if args.base else ""}). "Big tables read whole": which of the
figures, sentences, claims and series' figures the page loaded into memory (the rest it
queried with DuckDB); "process grew": the resident set after the visits less before the
page's first run.

{table}
""")
    print(table)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
