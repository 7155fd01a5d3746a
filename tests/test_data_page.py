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


def test_pages_are_the_tables_rows_in_order(monkeypatch) -> None:
    """The Data page queries the published file a page at a time: page 2 of the sentences
    table at two rows a page is rows 3 and 4 of the table as pandas reads it."""
    import pandas as pd

    import dashboard.data

    monkeypatch.setenv("FUNDTRACE_MAX_ROWS_SHOWN", "2")
    at = run_app("data", query={"table": "sentences", "page": "2"})
    assert not at.exception
    tables = dashboard.data.load_tables()
    whole = pd.read_parquet(f"{tables.folder}/sentences.parquet")
    pd.testing.assert_frame_equal(at.dataframe[0].value.reset_index(drop=True),
                                  whole.iloc[2:4].reset_index(drop=True))
    at.number_input(key="page").set_value(1).run()
    assert list(at.dataframe[0].value["sentence_id"]) == list(whole["sentence_id"][:2])


def test_a_page_past_the_last_shows_the_first() -> None:
    at = run_app("data", query={"table": "figures", "page": "999"})
    assert not at.exception
    assert len(at.dataframe[0].value) == 3  # the seed's figures, from the first page


def test_the_data_page_reads_no_whole_table(monkeypatch) -> None:
    """Filters, counts and the page come from DuckDB: the shared tables object has read
    none of the big tables from disk after the Data page ran (the observations and
    documents the link check needs are small)."""
    import dashboard.data

    dashboard.data._cached_tables.clear()
    at = run_app("data", query={"table": "figures", "f_status": "proposed"})
    assert list(at.dataframe[0].value["status"]) == ["proposed"]
    loaded = set(dashboard.data.load_tables().loaded())
    assert not loaded & {"figures", "sentences", "claims", "series_figures"}, loaded


def test_the_overview_reads_only_what_it_charts() -> None:
    """The Overview's chart, its link check and its claim come from the observations,
    the documents and the CPI; the series' figures and the claim are queried."""
    import dashboard.data

    dashboard.data._cached_tables.clear()
    at = run_app(None)
    assert not at.exception and at.get("vega_lite_chart")
    assert set(dashboard.data.load_tables().loaded()) == {"cpi_u", "documents",
                                                          "observations"}


@pytest.mark.parametrize("page,query", [
    ("sources", {"figure": None}), ("claims", {}), ("compare", {}),
    ("sources", {"claim": None})])
def test_the_other_pages_read_no_whole_table(page: str, query: dict) -> None:
    """Sources (a figure's or a claim's link), Claims and Compare query the figures,
    claims and series' figures they show: none of the big tables is read whole."""
    import pandas as pd

    import dashboard.data

    dashboard.data._cached_tables.clear()
    folder = dashboard.data.load_tables().folder
    for key in query:  # a real id of the seed's: its first figure, its first claim
        table = {"figure": "figures", "claim": "claims"}[key]
        query[key] = pd.read_parquet(f"{folder}/{table}.parquet")[f"{key}_id"].iloc[0]
    dashboard.data._cached_tables.clear()
    at = run_app(page, query=query)
    assert not at.exception and not at.error
    assert at.markdown or at.dataframe
    loaded = set(dashboard.data.load_tables().loaded())
    assert not loaded & {"figures", "sentences", "claims", "series_figures"}, loaded
