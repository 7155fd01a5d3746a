"""`python -m etl build`: the five tables, stable bytes, --check, atomic publishing."""

from __future__ import annotations

import errno
import json
import os
import subprocess
import sys
from pathlib import Path

import pandas as pd
from helpers import ROOT, SEED_ID

from etl import build, tablefiles
from etl.__main__ import main
from etl.cpi import load_cpi
from etl.schema import TABLES
from etl.sources import load_sources

CPI = load_cpi(ROOT / "data" / "reference")


def run_build(data: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "etl", "build", "--data", str(data), *args],
                          capture_output=True, text=True, cwd=ROOT, timeout=120)


def test_writes_every_table_as_csv_and_parquet(data_copy: Path) -> None:
    assert run_build(data_copy).returncode == 0
    tidy = data_copy / "tidy"
    for name, table in TABLES.items():
        csv = pd.read_csv(tidy / f"{name}.csv")
        parquet = pd.read_parquet(tidy / f"{name}.parquet")
        assert list(csv.columns) == table.names == list(parquet.columns)
        assert len(csv) == len(parquet)
    figures = pd.read_parquet(tidy / "figures.parquet")
    assert len(figures) == 3


def test_observations_mark_the_unreported_year(data_copy: Path) -> None:
    run_build(data_copy)
    obs = pd.read_csv(data_copy / "tidy" / "observations.csv")
    cn = obs[obs.purpose == "counternarcotics"].set_index("year")
    assert list(cn.index) == [2008, 2009, 2010]
    assert pd.isna(cn.loc[2009, "value"])
    assert cn.loc[2009, "missing_reason"] == "not reported in the sources"
    assert not cn.loc[2009, "reported"]
    assert cn.loc[2010, "qualifier"] == "lower_bound"
    assert cn.loc[2008, "value"] == 12.2e6
    border = obs[obs.purpose.str.contains("southern border")]
    assert list(border.year) == [2011] and border.iloc[0].status == "proposed"


def test_same_inputs_same_bytes(tmp_path: Path) -> None:
    sources = load_sources(ROOT / "data" / "sources")
    first = build.render_files(build.build_tables(sources, CPI))
    second = build.render_files(build.build_tables(load_sources(ROOT / "data" / "sources"), CPI))
    assert first == second
    assert set(first) == {f"{n}.{ext}" for n in TABLES for ext in ("csv", "parquet")} | {
        "datapackage.json"}


def test_repo_tables_match_a_fresh_build() -> None:
    proc = run_build(ROOT / "data", "--check")
    assert proc.returncode == 0, proc.stderr


def test_check_fails_when_tables_differ(data_copy: Path) -> None:
    run_build(data_copy)
    target = (data_copy / "tidy" / "figures.csv").resolve()
    text = target.read_text()
    assert "12200000" in text
    target.write_text(text.replace("12200000", "12300000"))
    proc = run_build(data_copy, "--check")
    assert proc.returncode == 1
    assert "figures.csv: differs" in proc.stderr


def test_datapackage_describes_every_column(data_copy: Path) -> None:
    run_build(data_copy)
    pkg = json.loads((data_copy / "tidy" / "datapackage.json").read_text())
    assert pkg["$schema"].endswith("/2.0/datapackage.json")
    assert pkg["licenses"] and pkg["sources"]
    assert "Washington Post" in pkg["sources"][0]["title"]
    names = {r["name"]: r for r in pkg["resources"]}
    assert set(names) == set(TABLES)
    for name, table in TABLES.items():
        fields = names[name]["schema"]["fields"]
        assert [f["name"] for f in fields] == table.names
        assert all(f["description"] and f["type"] for f in fields)


def test_full_disk_mid_write_leaves_previous_tables(data_copy: Path, monkeypatch,
                                                     capsys) -> None:
    """ENOSPC while publishing: one line, exit 2, the previous tables whole, no temp files."""
    run_build(data_copy)
    before = {p.name: p.read_bytes() for p in (data_copy / "tidy").iterdir()}
    # A new input, so that the build has a new version to write.
    article = data_copy / "sources" / SEED_ID / "article.txt"
    article.write_text(article.read_text() + "\nCongress added $9 million in 2012.\n")
    real_write = tablefiles.TableWriter.write
    calls = {"n": 0}

    def failing_write(self, piece):  # the third table's rows find the disk full
        calls["n"] += 1
        if calls["n"] == 3:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), self.name)
        return real_write(self, piece)

    monkeypatch.setattr(tablefiles.TableWriter, "write", failing_write)
    capsys.readouterr()
    assert main(["build", "--data", str(data_copy), "-q"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "No space left on device" in err
    assert "Traceback" not in err
    monkeypatch.undo()
    after = {p.name: p.read_bytes() for p in (data_copy / "tidy").iterdir()}
    assert after == before
    leftovers = [p for p in (data_copy / "published" / build.DATASET).iterdir()
                 if p.name.startswith(".") and p.name != ".superseded"]
    assert leftovers == []
    assert not list(data_copy.rglob("*.tmp"))


def test_progress_lines_for_many_documents(data_copy: Path) -> None:
    seed = data_copy / "sources" / SEED_ID
    for i in range(5):
        copy = data_copy / "sources" / f"copy-{i:02d}"
        copy.mkdir()
        meta = json.loads((seed / "meta.json").read_text())
        meta["id"] = copy.name
        (copy / "meta.json").write_text(json.dumps(meta))
        (copy / "article.txt").write_text((seed / "article.txt").read_text())
    proc = run_build(data_copy)
    assert proc.returncode == 0
    lines = [x for x in proc.stderr.splitlines() if x.startswith("[")]
    assert lines[0].startswith("[1/6] copy-00:") and lines[-1].startswith(f"[6/6] {SEED_ID}:")
    figures = pd.read_csv(data_copy / "tidy" / "figures.csv")
    assert len(figures) == 18 and figures.figure_id.is_unique
    obs = pd.read_csv(data_copy / "tidy" / "observations.csv")
    assert obs.groupby(["series_id", "year"]).size().max() == 1
    assert set(obs[obs.reported].n_figures) == {6}


def test_the_repository_tracks_only_the_current_version() -> None:
    """Superseded versions stay on disk for readers for a while, never in git."""
    tracked = subprocess.run(["git", "ls-files", "data/published"], cwd=ROOT,
                             capture_output=True, text=True, check=True).stdout.split()
    versions = {Path(p).parts[3] for p in tracked if len(Path(p).parts) > 4}
    assert versions == {(ROOT / "data" / "tidy").resolve().name}
