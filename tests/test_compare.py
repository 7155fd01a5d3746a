"""Compare page: two sources that give the same series and year differently."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from helpers import DATA, ROOT, run_app

from dashboard.compare import comparisons, figures_by_source

SECOND = ("Pentagon aid questioned\n\nThe Pentagon's counternarcotics funding for Mexico was "
          "$12.2 million in 2008 and $36 million in 2010, according to the Congressional "
          "Research Service.\n")


@pytest.fixture(scope="module")
def two_sources(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data = tmp_path_factory.mktemp("compare") / "data"
    shutil.copytree(DATA / "sources", data / "sources")
    shutil.copytree(DATA / "reference", data / "reference")
    folder = data / "sources" / "test-2011-crs-counternarcotics"
    folder.mkdir()
    (folder / "article.txt").write_text(SECOND)
    (folder / "meta.json").write_text(json.dumps({
        "id": "test-2011-crs-counternarcotics", "title": "Pentagon aid questioned",
        "publisher": "Test Review", "date_published": "2011-03-01",
        "date_added": "2026-11-27", "rights": "Written for this test"}))
    subprocess.run([sys.executable, "-m", "etl", "build", "--data", str(data), "-q"],
                   cwd=ROOT, check=True, timeout=120)
    return data


def test_disagreements_are_flagged(two_sources: Path) -> None:
    figures = pd.read_csv(two_sources / "tidy" / "figures.csv")
    documents = pd.read_csv(two_sources / "tidy" / "documents.csv")
    both = comparisons(figures_by_source(figures, documents))
    by_year = both.groupby("year")["agreement"].first().to_dict()
    # 2010: "more than $34 million" (WaPo) against "$36 million" (CRS via Test Review)
    assert by_year[2010] == "disagree: different values"
    # 2008: both $12.2 million, both exact
    assert by_year[2008] == "agree"
    assert set(both[both.year == 2010].figure) == {"more than $34 million", "$36 million"}


def test_same_value_different_bound_disagrees() -> None:
    table = pd.DataFrame({
        "series_id": ["s", "s"], "year": [2010, 2010], "document_id": ["a", "b"],
        "amount": [34e6, 34e6], "amount_high": [None, None],
        "qualifier": ["exact", "lower_bound"]})
    assert comparisons(table)["agreement"].tolist() == ["disagree: exact vs lower_bound"] * 2


def test_compare_page(two_sources: Path, monkeypatch) -> None:
    import dashboard.data

    monkeypatch.setattr(dashboard.data, "DATA_DIR", two_sources)
    at = run_app("compare")
    assert not at.exception
    assert any("**2** series-years are given by several sources; **1** of them disagree."
               in m.value for m in at.markdown)
    shown = at.dataframe[0].value
    assert "disagree: different values" in set(shown.agreement)
