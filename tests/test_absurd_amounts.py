"""Issue 16: absurd amounts are kept with the reason a person should look at them, and
never charted as plausible values."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from helpers import ROOT

from dashboard.data import read_tables
from etl.__main__ import figure_records

ABSURD = ("The Pentagon gave Mexico $1e308 in 2010, then $999999999999999999 billion in "
          "2011 and $50 trillion in 2012, and $5 million in 2013.")


def test_each_absurd_figure_says_why() -> None:
    reviews = {r["text"]: r["review"] for r in figure_records(ABSURD)}
    assert reviews["$1"].startswith("written in scientific notation ('$1e308')")
    assert reviews["$999999999999999"].startswith("a number longer than the reader keeps")
    assert reviews["$50 trillion"] == "beyond any budget: 5e+13 USD is over 1e+13"
    assert reviews["$5 million"] is None


def test_plausible_large_figures_are_not_flagged() -> None:
    for text in ("Congress passed the $1.7 trillion spending bill in 2022.",
                 "Japan's budget of 114 trillion yen for 2024 was approved.",
                 "The fund holds $123,456,789,012.50 in 2020."):
        assert [r["review"] for r in figure_records(text)] == [None], text


def test_flagged_figures_enter_no_series(data_copy: Path) -> None:
    folder = data_copy / "sources" / "absurd-wire-2014-01-01"
    folder.mkdir()
    (folder / "article.txt").write_text(ABSURD + "\n", "utf-8")
    (folder / "meta.json").write_text(json.dumps({
        "id": folder.name, "title": "Absurd", "publisher": "Absurd Wire",
        "date_published": "2014-01-01", "date_added": "2026-11-29", "rights": "test"}))
    subprocess.run([sys.executable, "-m", "etl", "build", "--data", str(data_copy), "-q"],
                   cwd=ROOT, check=True, timeout=120)
    tables = read_tables(data_copy / "tidy")
    mine = tables.figures[tables.figures["document_id"] == folder.name]
    assert sorted(mine["review"].notna().tolist()) == [False, True, True, True]
    members = tables.series_figures.merge(mine[["figure_id"]], on="figure_id")
    assert len(members) == 1  # the $5 million of 2013 alone
    years = tables.observations[tables.observations["series_id"].isin(
        mine["series_id"])]["year"].tolist()
    assert 2010 not in years and 2013 in years
