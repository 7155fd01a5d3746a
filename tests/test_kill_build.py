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

import pytest
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


def build(data: Path, *extra: str, env: dict[str, str] | None = None
          ) -> subprocess.Popen[bytes]:
    # --no-cache by default: every build does the whole work, so kill points spread over
    # a known duration (the cached and parallel paths have their own tests below)
    args = list(extra) or ["--no-cache", "--workers", "1"]
    return subprocess.Popen([sys.executable, "-m", "etl", "build", "--data", str(data), "-q",
                             *args], cwd=ROOT, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, env=env)


def snapshot(data: Path) -> dict[str, bytes]:
    tidy = data / "tidy"
    return {p.name: p.read_bytes() for p in sorted(tidy.iterdir())}


@pytest.mark.slow
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


@pytest.mark.slow
def test_killed_while_caching_or_on_dask(tmp_path: Path) -> None:
    """Killed after writing part of the extraction cache, while a local Dask cluster
    extracts, or after writing part of the rows cache: the previous tables stay whole, and
    the next build publishes what a build from scratch would."""
    data = make_data(tmp_path, 45)
    assert build(data, "--workers", "1").wait(timeout=300) == 0
    old = snapshot(data)
    for article in (data / "sources").glob("*/article.txt"):
        article.write_text(article.read_text() + "\nCongress added $9 million in 2012.\n")

    env = {**os.environ, "FUNDTRACE_CRASH_AT": "extraction-cached"}
    assert build(data, "--workers", "1", env=env).wait(timeout=300) == -signal.SIGKILL
    assert snapshot(data) == old
    cache = data / "cache" / "extraction"
    entries = [p for p in cache.iterdir() if not p.name.startswith(".")]
    assert len(entries) == 45 + 1  # the old build's, and the first new one

    proc = build(data, "--workers", "2")  # 44 uncached sources: on a local Dask cluster
    time.sleep(4)
    if proc.poll() is None:
        os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=60)
    after_kill = snapshot(data)
    assert len(read_tables(data / "tidy").figures) in (3 * 45, 4 * 45)

    assert build(data, "--workers", "2").wait(timeout=300) == 0
    cached = snapshot(data)

    # every title revised: each source's rows are made again from its cached extraction;
    # killed after writing the first of them, the tables stay as they were
    for meta_path in (data / "sources").glob("*/meta.json"):
        meta = json.loads(meta_path.read_text("utf-8"))
        meta["title"] += " (revised)"
        meta_path.write_text(json.dumps(meta), "utf-8")
    env = {**os.environ, "FUNDTRACE_CRASH_AT": "rows-cached"}
    assert build(data, "--workers", "2", env=env).wait(timeout=300) == -signal.SIGKILL
    assert snapshot(data) == cached
    assert not list((data / "cache" / "rows").glob(".*.tmp"))  # no half-written entry
    assert build(data, "--workers", "2").wait(timeout=300) == 0
    revised = snapshot(data)

    shutil.rmtree(data / "published")
    (data / "tidy").unlink()
    assert build(data).wait(timeout=300) == 0  # from scratch, serially, no cache
    assert snapshot(data) == revised != cached != old
    assert after_kill in (old, cached)  # the kill left the old tables or the finished new


@pytest.mark.slow
def test_killed_between_publishing_and_recording(tmp_path: Path) -> None:
    """A build that reuses the published rows of unchanged sources (etl/assemble.py),
    killed after publishing but before recording what the version was built from: the new
    version is whole, and the next build, finding the record naming another version,
    reuses nothing and publishes what a build from scratch would."""
    data = make_data(tmp_path, 6)
    assert build(data, "--workers", "1").wait(timeout=300) == 0
    record = data / "cache" / "tables.json"
    first = json.loads(record.read_text("utf-8"))
    (data / "sources" / "copy-000" / "article.txt").write_text(
        "Congress added $9 million in 2012.\n")
    env = {**os.environ, "FUNDTRACE_CRASH_AT": "published-unrecorded"}
    assert build(data, "--workers", "1", env=env).wait(timeout=300) == -signal.SIGKILL
    published = snapshot(data)
    assert len(read_tables(data / "tidy").figures) == 5 * 3 + 1
    assert json.loads(record.read_text("utf-8")) == first  # still names the old version
    assert build(data, "--workers", "1").wait(timeout=300) == 0
    assert snapshot(data) == published
    assert json.loads(record.read_text("utf-8"))["version"] != first["version"]

    shutil.rmtree(data / "published")
    (data / "tidy").unlink()
    assert build(data).wait(timeout=300) == 0  # from scratch, serially, no cache
    assert snapshot(data) == published


@pytest.mark.parametrize("point", ["extraction-cached", "rows-cached", "spooled",
                                   "publish-written", "publish-before-swap"])
def test_killed_at_each_stage_of_a_streamed_build(tmp_path: Path, point: str) -> None:
    """A build from nothing streams its tables (etl/stream.py): killed at each stage (the
    caches, the spool written, the version staged, the link about to move), the previous
    tables stay whole, and the next build publishes what a finished one would."""
    data = make_data(tmp_path, 4)
    assert build(data, "--workers", "1").wait(timeout=300) == 0
    old = snapshot(data)
    for article in (data / "sources").glob("*/article.txt"):
        article.write_text(article.read_text() + "\nCongress added $9 million in 2012.\n")
    (data / "cache" / "tables.json").unlink()  # nothing to reuse: the streamed path
    env = {**os.environ, "FUNDTRACE_CRASH_AT": point}
    assert build(data, "--workers", "1", env=env).wait(timeout=300) == -signal.SIGKILL
    assert snapshot(data) == old
    assert len(read_tables(data / "tidy").figures) == 4 * 3
    assert build(data, "--workers", "1").wait(timeout=300) == 0
    assert len(read_tables(data / "tidy").figures) == 4 * 4
    releases = data / "published" / "policy-money-figures"
    assert not [p for p in releases.iterdir() if p.name.startswith(".stage-")]
    assert not (data / "cache" / "spool").exists()
