"""Data page (AppTest): each table, its filters and its column descriptions."""

from __future__ import annotations

import pytest
from helpers import run_app

from etl.schema import TABLES


@pytest.mark.parametrize("table", list(TABLES))
def test_each_table_renders_with_its_columns(table: str) -> None:
    at = run_app("data", query={"table": table})
    assert not at.exception and not at.error
    frame = at.dataframe[0].value
    assert list(frame.columns) == TABLES[table].names


def test_status_filter() -> None:
    at = run_app("data", query={"table": "figures"})
    at.multiselect(key="f_status").select("proposed").run()
    frame = at.dataframe[0].value
    assert list(frame["status"]) == ["proposed"]
    assert any("1 of 3 rows" in c.value for c in at.caption)
