"""Adding a long PDF report: `python -m etl add report.pdf` on a generated 200-page PDF
(fpdf2; each page a paragraph of the synthetic corpus), timed end to end, rebuild included.

    .venv/bin/python bench/pdf_add.py --pages 200
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from corpus import make_corpus  # noqa: E402
from results import write_section  # noqa: E402


def main() -> None:
    from fpdf import FPDF

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pages", type=int, default=200)
    args = parser.parse_args()
    paragraphs = make_corpus(args.pages * 0.0025, seed=13).split("\n\n")
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        pdf = FPDF()
        pdf.set_font("helvetica", size=10)
        for n in range(args.pages):
            pdf.add_page()
            text = paragraphs[n % len(paragraphs)]
            pdf.multi_cell(0, 5, text.encode("latin-1", "replace").decode("latin-1"))
        path = work / "report.pdf"
        pdf.output(str(path))
        data = work / "data"
        shutil.copytree(ROOT / "data" / "sources", data / "sources")
        shutil.copytree(ROOT / "data" / "reference", data / "reference")
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "etl", "add", str(path), "--title", "Long report",
                        "--publisher", "Bench Office", "--published", "2012-01-01", "--data",
                        str(data), "-q"], cwd=ROOT, check=True)
        seconds = time.perf_counter() - start
        size = path.stat().st_size
    body = "\n".join([
        f"A generated {args.pages}-page PDF ({size / 1e6:.1f} MB) added with `python -m etl "
        "add report.pdf` (a fresh process: imports, conversion with pypdf, extraction, the "
        "transactional write and the rebuild of all tables).", "",
        "| pages | seconds | goal |", "| --- | --- | --- |",
        f"| {args.pages} | {seconds:.1f} | under 30 |",
    ])
    print(body)
    write_section("Adding a PDF report", body)


if __name__ == "__main__":
    main()
