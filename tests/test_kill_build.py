"""`etl build` killed with SIGKILL at any moment leaves the previous tables whole."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

from helpers import DATA, ROOT, SEED_ID

from dashboard.data import read_tables


def make_data(root: Path, copies: int) -> Path:
    data = root / "data"
    shutil.copytree(DATA / "reference", data / "reference")
    seed = DATA / "sources" / SEED_ID
    for i in range(copies):
        folder = data / "sources" / f"copy-{i:03d}"
        folder.mkdir(parents=True)
        meta = json.loads((seed / "meta.json").read_text())
        meta["id"] = folder.name
        (folder / "meta.json").write_text(json.dumps(meta))
        (folder / "article.txt").write_text((seed / "article.txt").read_text())
    return data


def build(data: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen([sys.executable, "-m", "etl", "build", "--data", str(data), "-q"],
                            cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def snapshot(data: Path) -> dict[str, bytes]:
    tidy = data / "tidy"
    return {p.name: p.read_bytes() for p in sorted(tidy.iterdir())}


def test_sigkill_at_any_moment(tmp_path: Path) -> None:
    data = make_data(tmp_path, 40)
    assert build(data).wait(timeout=300) == 0
    old = snapshot(data)

    # Change every input so that a finished build would publish a different version.
    for article in (data / "sources").glob("*/article.txt"):
        article.write_text(article.read_text() + "\nCongress added $9 million in 2012.\n")
    start = time.perf_counter()
    assert build(data).wait(timeout=300) == 0
    duration = time.perf_counter() - start
    new = snapshot(data)
    assert new != old
    # Back to the old inputs' tables: a build from them is what a kill must leave intact.
    shutil.rmtree(data / "published")
    (data / "tidy").unlink()
    for article in (data / "sources").glob("*/article.txt"):
        article.write_text(article.read_text().replace("\nCongress added $9 million in 2012.\n",
                                                       ""))
    assert build(data).wait(timeout=300) == 0
    assert snapshot(data) == old
    for article in (data / "sources").glob("*/article.txt"):
        article.write_text(article.read_text() + "\nCongress added $9 million in 2012.\n")

    kills = 0
    for i in range(12):  # kill points spread over the whole run, writing phase included
        proc = build(data)
        time.sleep(duration * (0.3 + 0.7 * i / 11))
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGKILL)
            kills += 1
        proc.wait(timeout=60)
        now = snapshot(data)
        assert now in (old, new), f"kill {i}: tables neither old nor new"
        tables = read_tables(data / "tidy")  # loadable, every table
        assert len(tables.figures) in (120, 160)
        if now == new:
            break
    assert kills >= 3
