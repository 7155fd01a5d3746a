"""`python -m etl export` and the bytes behind every download button."""

from __future__ import annotations

import io
import json
import subprocess
import sys
import zipfile
from datetime import date
from pathlib import Path

import pandas as pd
import pytest
from helpers import DATA, ROOT, read_published

from etl.export import FORMATS, bundle_zip, file_name, table_bytes
from etl.schema import TABLES

TIDY = DATA / "tidy"


def export(*args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "etl", "export", *args], capture_output=True,
                          cwd=ROOT, timeout=120)


def read(fmt: str, data: bytes) -> pd.DataFrame:
    buf = io.BytesIO(data)
    return {"csv": pd.read_csv, "json": pd.read_json, "xlsx": pd.read_excel,
            "parquet": pd.read_parquet}[fmt](buf)


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("table", ["figures", "observations"])
def test_cli_export_matches_the_published_table(tmp_path: Path, fmt: str, table: str) -> None:
    out = tmp_path / f"t.{fmt}"
    proc = export("--format", fmt, "--table", table, "--out", str(out))
    assert proc.returncode == 0, proc.stderr
    got = read(fmt, out.read_bytes())
    want = pd.read_csv(TIDY / f"{table}.csv")
    assert list(got.columns) == TABLES[table].names
    assert len(got) == len(want)
    for column in ("year", "amount" if table == "figures" else "value"):
        assert got[column].astype("float64").tolist() == pytest.approx(
            want[column].astype("float64").tolist(), nan_ok=True)


def test_json_is_records_with_nulls() -> None:
    tables, _ = read_published(TIDY)
    records = json.loads(table_bytes(tables["observations"], "json"))
    gap = next(r for r in records if r["year"] == 2009)
    assert gap["value"] is None and gap["missing_reason"] == "not reported in the sources"


def test_zip_bundle_is_a_valid_data_package(tmp_path: Path) -> None:
    from frictionless import Package, validate

    out = tmp_path / "bundle.zip"
    assert export("--format", "zip", "--out", str(out)).returncode == 0
    folder = tmp_path / "unzipped"
    with zipfile.ZipFile(out) as zf:
        assert set(zf.namelist()) == {"README.md", "datapackage.json"} | {
            f"{n}.csv" for n in TABLES}
        zf.extractall(folder)
    descriptor = json.loads((folder / "datapackage.json").read_text())
    assert descriptor["$schema"] == "https://datapackage.org/profiles/2.0/datapackage.json"
    assert list(Package.metadata_validate(descriptor)) == []
    report = validate(str(folder / "datapackage.json"))
    assert report.valid, report.flatten(["type", "note"])
    readme = (folder / "README.md").read_text()
    assert "Military is broadening U.S. effort to help Mexico battle its drug cartels" in readme
    assert "Government Accountability Office (GAO)" in readme
    rights = readme.split("## Rights and license")[1].split("## Tables")[0]
    assert "Creative Commons Attribution 4.0" in rights
    assert "© 2010 The Washington Post Company" in rights
    assert f"retrieved {date.today().isoformat()}" in readme
    for table in TABLES.values():
        for column in table.columns:
            assert f"| {column.name} | {column.type} | {column.description} |" in readme


def test_bundle_is_stable_for_a_given_day() -> None:
    day = date(2026, 1, 2)
    assert bundle_zip(TIDY, day) == bundle_zip(TIDY, day)


def test_bundle_streams_the_published_csvs_with_the_bytes_of_a_table_download(
        tmp_path: Path) -> None:
    """The bundle copies each table's published CSV into the ZIP a part at a time: its
    entries are the CSV bytes the table's own download gives, and `etl export --format
    zip` writes the same ZIP to a file (streamed) as the page's button makes in memory."""
    tables, descriptor = read_published(TIDY)
    day = date.today()
    data = bundle_zip(TIDY, day)
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        assert zf.namelist() == ["README.md", "datapackage.json",
                                 *(f"{name}.csv" for name in TABLES)]
        for name in TABLES:
            assert zf.read(f"{name}.csv") == table_bytes(tables[name], "csv", name), name
        assert json.loads(zf.read("datapackage.json")) == descriptor
    out = tmp_path / "bundle.zip"
    proc = export("--format", "zip", "--out", str(out))
    assert proc.returncode == 0, proc.stderr
    assert out.read_bytes() == data
    assert f"({len(data):,} bytes".encode() in proc.stderr


def test_file_names_carry_dataset_and_version() -> None:
    assert file_name("3a532c46", "figures", "displayed", "csv") == (
        "policy-money-figures-3a532c46-figures-displayed.csv")
    assert file_name("3a532c46", "chart-Department of Defense → Mexico", "chart", "png") == (
        "policy-money-figures-3a532c46-chart-Department-of-Defense-Mexico-chart.png")


def test_bad_arguments_exit_2(tmp_path: Path) -> None:
    proc = export("--format", "csv", "--table", "nope", "--out", str(tmp_path / "x"))
    assert proc.returncode == 2 and b"unknown table" in proc.stderr
    proc = export("--format", "csv", "--data", str(tmp_path), "--out", str(tmp_path / "x"))
    assert proc.returncode == 2 and b"etl build" in proc.stderr
    assert not (tmp_path / "x").exists()
