"""Issue 14: published versions are kept (a file that did not change is stored once) and a
link's ``v=`` reads exactly that version's tables while it is kept."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import ROOT, SEED_ID

from dashboard.data import kept_version, load_tables
from etl.build import DATASET, KEEP_SUPERSEDED_SECONDS


def build(data: Path) -> None:
    subprocess.run([sys.executable, "-m", "etl", "build", "--data", str(data), "-q"],
                   cwd=ROOT, check=True, timeout=120, env={**os.environ,
                                                            "PYTHONPATH": str(ROOT)})


def change_2008_figure(data: Path, amount: str) -> None:
    article = data / "sources" / SEED_ID / "article.txt"
    text = article.read_text("utf-8")
    start = text.index(" million in 2008")
    figure_start = text.rindex("$", 0, start)
    article.write_text(text[:figure_start] + f"${amount}" + text[start:], "utf-8")


def amounts_2008(tables) -> list[float]:
    figs = tables.figures
    return sorted(figs.loc[figs["year"] == 2008, "amount"].tolist())


def test_a_link_reads_its_own_version_after_three_rebuilds(data_copy: Path) -> None:
    build(data_copy)
    first = load_tables(data_copy, version="")
    assert amounts_2008(first) == [12_200_000]
    for amount in ("13.9", "14.9", "15.9"):
        change_2008_figure(data_copy, amount)
        build(data_copy)
    latest = load_tables(data_copy, version="")
    assert amounts_2008(latest) == [15_900_000] and latest.version != first.version
    assert not latest.pinned

    pinned = load_tables(data_copy, version=first.version[:8])
    assert pinned.version == first.version and pinned.latest == latest.version
    assert pinned.pinned and amounts_2008(pinned) == [12_200_000]
    assert Path(pinned.folder).name == first.version

    # four versions kept; a version nobody published, or not hex, gives the latest
    releases = data_copy / "published" / DATASET
    assert len([p for p in releases.iterdir() if not p.name.startswith(".")]) == 4
    for unknown in ("deadbeef", "../../etc", "zz"):
        assert kept_version(data_copy, unknown) is None
        assert load_tables(data_copy, version=unknown).version == latest.version


def test_unchanged_files_are_stored_once(data_copy: Path) -> None:
    build(data_copy)
    old = (data_copy / "tidy").resolve()
    change_2008_figure(data_copy, "13.9")
    build(data_copy)
    new = (data_copy / "tidy").resolve()
    assert new != old
    # the CPI table did not change: one file on disk for both versions
    assert (new / "cpi_u.csv").stat().st_ino == (old / "cpi_u.csv").stat().st_ino
    assert (new / "cpi_u.parquet").read_bytes() == (old / "cpi_u.parquet").read_bytes()
    # the figures did: two files
    assert (new / "figures.csv").stat().st_ino != (old / "figures.csv").stat().st_ino
    assert (new / "figures.csv").read_bytes() != (old / "figures.csv").read_bytes()


@pytest.mark.slow
def test_retention_keeps_links_working_by_default(data_copy: Path, monkeypatch) -> None:
    """A version superseded a day ago is still kept by the next build (the default keeps
    them 90 days); with the setting at one hour, it is dropped."""
    build(data_copy)
    first = (data_copy / "tidy").resolve().name
    change_2008_figure(data_copy, "13.9")
    build(data_copy)
    mark = data_copy / "published" / DATASET / ".superseded" / first
    day_ago = mark.stat().st_mtime - 24 * 3600
    os.utime(mark, (day_ago, day_ago))
    change_2008_figure(data_copy, "14.9")
    monkeypatch.delenv("FUNDTRACE_KEEP_SUPERSEDED_SECONDS", raising=False)
    build(data_copy)
    assert kept_version(data_copy, first) is not None
    assert KEEP_SUPERSEDED_SECONDS == 90 * 24 * 3600
    monkeypatch.setenv("FUNDTRACE_KEEP_SUPERSEDED_SECONDS", "3600")
    change_2008_figure(data_copy, "15.9")
    build(data_copy)
    assert kept_version(data_copy, first) is None
