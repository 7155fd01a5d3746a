"""Adding a 50-document batch through the CLI: time to add, rebuild time per document.

    .venv/bin/python bench/add_batch.py [--docs 50]

Works on a copy of data/ in a temporary folder; the repository's data are not touched.
"""

from __future__ import annotations

import argparse
import json
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
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--docs", type=int, default=50)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        data = work / "data"
        shutil.copytree(ROOT / "data" / "sources", data / "sources")
        shutil.copytree(ROOT / "data" / "reference", data / "reference")
        paragraphs = make_corpus(args.docs * 0.01, seed=50).split("\n\n")
        per_doc = max(1, len(paragraphs) // args.docs)
        lines = []
        for i in range(args.docs):
            file = work / f"doc{i:03d}.txt"
            file.write_text("\n\n".join(paragraphs[i * per_doc:(i + 1) * per_doc]) + "\n")
            lines.append(json.dumps({"file": file.name, "title": f"Synthetic report {i}",
                                     "publisher": "Bench Wire",
                                     "date_published": "2012-01-01"}))
        manifest = work / "batch.jsonl"
        manifest.write_text("\n".join(lines) + "\n")
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "etl", "add", "--manifest", str(manifest),
                        "--data", str(data), "--no-build"], cwd=ROOT, check=True)
        added = time.perf_counter() - start
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "etl", "build", "--data", str(data)],
                       cwd=ROOT, check=True)
        built = time.perf_counter() - start
        n = args.docs + 1
    body = "\n".join([
        f"{args.docs} synthetic documents (about 10 KB each) added with `python -m etl add "
        "--manifest`, then one rebuild of all "
        f"{n} sources (each a fresh Python process, imports included).", "",
        "| step | total | per document |", "| --- | --- | --- |",
        f"| add (validate, write atomically) | {added:.2f} s | {added / args.docs * 1000:.0f} ms |",
        f"| rebuild all tables | {built:.2f} s | {built / n * 1000:.0f} ms |",
    ])
    print(body)
    write_section("Adding a batch", body)


if __name__ == "__main__":
    main()
