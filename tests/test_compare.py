"""Several sources, one series (issue 11): a second article that agrees with the seed on one
year, is consistent with it on another (a value inside a bound, fiscal against calendar year)
and conflicts on a third. Every figure stays; the reconciliation is by intervals; Overview
and Compare show both sources."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pandas as pd
import pytest
from helpers import DATA, SECOND, SECOND_ID, SEED_ID, run_app

from dashboard.compare import comparisons, figures_by_source
from etl.reconcile import CONFLICT, CONSISTENT, MIXED_YEARS, RULE, Candidate, reconcile

NARCO = "department-of-defense--mexico--counternarcotics--usd"


def test_every_figure_stays_and_is_reconciled(two_sources: Path) -> None:
    obs = pd.read_csv(two_sources / "tidy" / "observations.csv").set_index(
        ["series_id", "year"])
    members = pd.read_csv(two_sources / "tidy" / "series_figures.csv")
    narco = members[members["series_id"] == NARCO]
    # both sources' figures are kept for 2008 and 2010, none overwritten
    assert sorted(narco.groupby("year")["document_id"].nunique().items()) == [(2008, 2),
                                                                             (2010, 2)]
    y2008, y2010 = obs.loc[(NARCO, 2008)], obs.loc[(NARCO, 2010)]
    # 2008: $12.2 million against $15 million: no common amount
    assert y2008["agreement"] == CONFLICT and pd.isna(y2008["reconciled_low"])
    assert set(narco[narco.year == 2008]["role"]) == {"shown", "conflicts"}
    # 2010: $34.2 million lies inside "more than $34 million": consistent, the reconciled
    # range is the point; FY2010 against calendar 2010 is compared and warned
    assert y2010["agreement"] == CONSISTENT
    assert (y2010["reconciled_low"], y2010["reconciled_high"]) == (34.2e6, 34.2e6)
    assert y2010["year_type_warning"] == MIXED_YEARS
    assert y2010["n_sources"] == 2 and y2010["rule"] == RULE
    # the shown figure is chosen by stage, then date: reported beats an estimate
    assert y2010["figure_text"] == "$34.2 million" and "reported" in y2010["shown_because"]
    plans = obs.xs(2011, level="year")
    assert list(plans["agreement"]) == [CONSISTENT] and list(plans["n_sources"]) == [2]


def test_interval_rule() -> None:
    def c(fid: str, amount: float, qualifier: str = "exact", status: str = "reported",
          published: str = "2011-01-01", year_type: str = "calendar") -> Candidate:
        return Candidate(fid, fid, published, 0, amount, None, qualifier, status, year_type)

    inside = reconcile([c("a", 34e6, "lower_bound", "estimated"), c("b", 36e6)])
    assert inside.agreement == CONSISTENT and (inside.low, inside.high) == (36e6, 36e6)
    both_bounds = reconcile([c("a", 30e6, "lower_bound"), c("b", 40e6, "upper_bound")])
    assert (both_bounds.low, both_bounds.high) == (30e6, 40e6)
    below = reconcile([c("a", 34e6, "lower_bound"), c("b", 30e6, published="2012-01-01")])
    assert below.agreement == CONFLICT and below.roles == {"b": "shown", "a": "conflicts"}
    # a request is not wrong because a different amount was appropriated: not compared
    staged = reconcile([c("a", 50e6, status="requested"), c("b", 40e6, status="appropriated")])
    assert staged.shown.figure_id == "b" and staged.roles["a"] == "other stage"
    assert staged.agreement == "one figure"
    fiscal = reconcile([c("a", 5e6, year_type="fiscal"), c("b", 5e6)])
    assert fiscal.agreement == CONSISTENT and fiscal.year_type_warning == MIXED_YEARS


def test_compare_table(two_sources: Path) -> None:
    tidy = two_sources / "tidy"
    table = figures_by_source(pd.read_csv(tidy / "series_figures.csv"),
                              pd.read_csv(tidy / "observations.csv"),
                              pd.read_csv(tidy / "documents.csv"))
    both = comparisons(table)
    by_year = both.groupby("year")["agreement"].first().to_dict()
    assert by_year[2008] == "conflict"
    assert by_year[2010] == "consistent (fiscal and calendar years mixed)"
    assert set(both[both.year == 2010].figure) == {"more than $34 million", "$34.2 million"}
    assert set(both[both.year == 2010].year_label) == {"2010", "FY2010"}


def test_compare_page(two_sources: Path, monkeypatch) -> None:
    import dashboard.data

    monkeypatch.setattr(dashboard.data, "DATA_DIR", two_sources)
    at = run_app("compare")
    assert not at.exception
    assert any("**3** series-years are given by several sources: **1** conflict, **2** are "
               "consistent; **1** mix fiscal and calendar years." in m.value
               for m in at.markdown)
    assert at.get("vega_lite_chart")  # the sources drawn side by side
    shown = at.dataframe[0].value
    assert set(shown.source) == {"The Washington Post, 2010-11-11", "Test Wire, 2011-03-01"}


def test_overview_shows_both_sources(two_sources: Path, monkeypatch) -> None:
    import dashboard.data

    monkeypatch.setattr(dashboard.data, "DATA_DIR", two_sources)
    at = run_app()
    assert not at.exception
    element = at.get("vega_lite_chart")[0]
    spec = json.loads(element.proto.spec)
    import pyarrow as pa

    data = pa.ipc.open_stream(element.proto.datasets[0].data.data).read_all().to_pandas()
    drawn = data[data["drawn"]]
    assert set(drawn["document_id"]) == {SEED_ID, SECOND_ID}
    assert len(drawn[drawn["year"] == 2008]) == 2  # both 2008 figures drawn
    assert "source" in json.dumps(spec["layer"])  # colour says which source
    metrics = {m.label: m.value for m in at.metric}
    assert len(metrics) <= 6
    assert metrics["Sources"] == "2" and metrics["Conflicts"] == "1"
    # one source alone: only its figures
    at.selectbox(key="src").set_value(next(o for o in at.selectbox(key="src").options
                                           if o.startswith("Test Wire"))).run()
    element = at.get("vega_lite_chart")[0]
    data = pa.ipc.open_stream(element.proto.datasets[0].data.data).read_all().to_pandas()
    assert set(data[data["drawn"]]["document_id"]) == {SECOND_ID}


def test_add_check_compares_with_the_corpus(two_sources: Path, tmp_path: Path,
                                           capsys) -> None:
    from etl.__main__ import main

    data = tmp_path / "data"  # the seed alone, built
    shutil.copytree(DATA / "sources", data / "sources")
    shutil.copytree(DATA / "reference", data / "reference")
    assert main(["build", "--data", str(data), "-q"]) == 0
    file = tmp_path / "second.txt"
    file.write_text(SECOND)
    capsys.readouterr()
    assert main(["add", str(file), "--title", "Pentagon widens Mexico role", "--publisher",
                 "Test Wire", "--published", "2011-03-01", "--data", str(data),
                 "--check"]) == 0
    lines = {line.split("\t")[1]: line.split("\t")[4]
             for line in capsys.readouterr().out.splitlines()}
    assert lines["$15 million"] == f"conflicts with 1 source ({SEED_ID})"
    assert lines["$34.2 million"] == f"consistent with 1 source ({SEED_ID})"
    assert lines["$50 million"] == f"consistent with 1 source ({SEED_ID})"
    assert sorted(p.name for p in (data / "sources").iterdir()) == [SEED_ID]  # nothing added


def test_add_page_shows_the_corpus_verdict(editing) -> None:
    import datetime

    at = run_app("add")
    at.text_area(key="add_text").set_value(SECOND)
    at.text_input(key="add_title").set_value("Pentagon widens Mexico role")
    at.text_input(key="add_publisher").set_value("Test Wire")
    at.date_input(key="add_published").set_value(datetime.date(2011, 3, 1))
    at.button[0].click().run()
    assert not at.exception and not at.error
    machine = at.session_state["add_draft"]["machine"].set_index("text")
    assert machine.loc["$15 million", "corpus"] == f"conflicts with 1 source ({SEED_ID})"
    assert machine.loc["$15 million", "see"].endswith(f"/sources?doc={SEED_ID}")
    assert machine.loc["$34.2 million", "corpus"].startswith("consistent with 1 source")


def test_compare_queries_give_the_rows_of_the_whole_tables(two_sources: Path) -> None:
    """The Compare page's DuckDB queries (dashboard/query.py) give the rows
    figures_by_source makes of the whole tables, in its order; their counts and their
    pages of series-years agree with comparisons(); a filter keeps what pandas keeps."""
    from dashboard import query

    tidy = (two_sources / "tidy").resolve()
    obs, docs = (pd.read_parquet(tidy / f"{t}.parquet") for t in ("observations", "documents"))
    whole = figures_by_source(pd.read_parquet(tidy / "series_figures.parquet"), obs, docs)
    at = (str(tidy), "queries-test")
    pd.testing.assert_frame_equal(figures_by_source(query.dated_page(*at), obs, docs), whole)
    both = comparisons(whole)
    years = both[["series_id", "year", "agreement"]].drop_duplicates()
    counts = query.dated_counts(*at)
    assert (counts.figures, counts.several, counts.conflicts, counts.mixed) == (
        len(whole), len(years), 1, 1)
    pages = [comparisons(figures_by_source(query.compared_page(*at, (), i, 1), obs, docs))
             for i in range(len(years))]
    assert all(len(p[["series_id", "year"]].drop_duplicates()) == 1 for p in pages)
    pd.testing.assert_frame_equal(pd.concat(pages, ignore_index=True), both)
    assert query.compared_page(*at, (), len(years), 1).empty
    kept = (("status", ("proposed",)),)
    proposed = whole[whole["status"] == "proposed"].reset_index(drop=True)
    assert len(proposed) and len(proposed) < len(whole)
    pd.testing.assert_frame_equal(
        figures_by_source(query.dated_page(*at, kept), obs, docs), proposed)
    assert query.dated_counts(*at, kept).figures == len(proposed)
    assert query.dated_options(*at, "funder") == sorted(set(whole["funder"]))
    # one way to write a filter for a table and for the Compare page's join, each naming a
    # column it does not have
    with pytest.raises(ValueError, match="the Compare page has no filter 'purpose'"):
        query.dated_counts(*at, (("purpose", ("x",)),))
    with pytest.raises(ValueError, match="the figures table has no column 'nope'"):
        query.Filter(values=(("nope", ("x",)),)).sql("figures")
    assert query.Filter(years=(2008, 2010)).sql("figures") == (
        ' WHERE "year" BETWEEN ? AND ?', [2008, 2010])


def test_compare_page_pages_through_series_years(two_sources: Path, monkeypatch) -> None:
    """One series-year a page (FUNDTRACE_MAX_ITEMS_LISTED=1): page 2 draws and lists the
    second series-year several sources give, and the page number is in the link."""
    import dashboard.data

    monkeypatch.setattr(dashboard.data, "DATA_DIR", two_sources)
    monkeypatch.setenv("FUNDTRACE_MAX_ITEMS_LISTED", "1")
    tidy = two_sources / "tidy"
    both = comparisons(figures_by_source(*(pd.read_parquet(tidy / f"{t}.parquet") for t in (
        "series_figures", "observations", "documents"))))
    second = both[["series_id", "year"]].drop_duplicates().iloc[1]
    at = run_app("compare", query={"page": "2"})
    assert not at.exception
    listed = at.dataframe[0].value
    assert set(listed["year_label"].str[-4:].astype(int)) == {second["year"]}
    assert at.number_input(key="page").value == 2
    assert "(of 3; 1 series-year each" in at.number_input(key="page").label
    # the list of every dated figure is not paged by it
    assert len(at.dataframe[1].value) == len(figures_by_source(*(pd.read_parquet(
        tidy / f"{t}.parquet") for t in ("series_figures", "observations", "documents"))))
