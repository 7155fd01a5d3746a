"""Chart builders and formatting: pure functions, tested on small frames."""

from __future__ import annotations

import pandas as pd
import pytest

from dashboard.charts import chart_frame, describe, funding_chart, look_of
from dashboard.formatting import (
    WORD_JOINER,
    amount_with_qualifier,
    escape_markdown,
    money,
    ratio_words,
)
from etl.schema import TABLES


def observations(rows: list[dict]) -> pd.DataFrame:
    base = {name: None for name in TABLES["observations"].names}
    return pd.DataFrame([{**base, "series_id": "s", "series_label": "S", "currency": "USD",
                          **r} for r in rows])


@pytest.mark.parametrize(
    ("amount", "qualifier", "high", "words"),
    [(12.2e6, "exact", None, "$12.2 million"), (34e6, "lower_bound", None,
                                                 "more than $34 million"),
     (5e6, "upper_bound", None, "less than $5 million"),
     (1.3e9, "range", 1.6e9, "$1.3 billion to $1.6 billion"),
     (2.5e5, "approximate", None, "about $250,000"), (None, None, None, "not reported")],
)
def test_amounts_keep_qualifiers(amount, qualifier, high, words) -> None:
    assert amount_with_qualifier(amount, qualifier, high) == words


def test_money_other_currency() -> None:
    assert money(3e7, "EUR") == "€30 million"
    assert money(2.5e9, "MXN") == "2.5 billion MXN"


def test_ratio_words() -> None:
    assert ratio_words(34 / 12.2, "lower_bound") == "at least 2.79×"
    assert ratio_words(2.0, "exact") == "2.00×"


def test_escape_markdown_makes_markup_inert() -> None:
    raw = "<script>alert(1)</script> [x](http://e.vil) $5 :red[x] &amp; **b**"
    escaped = escape_markdown(raw)
    for token in ("<", "[", "$", ":", "&", "*", "("):
        assert f"\\{token}" in escaped
    assert escaped.replace("\\", "").replace(WORD_JOINER, "") == raw  # bare URL: no link


def test_looks() -> None:
    assert look_of("estimated", "exact", True) == "Estimate"
    assert look_of("estimated", "lower_bound", True) == "Lower bound (more than)"
    assert look_of("proposed", "exact", True) == "Proposed"
    assert look_of("not_reported", None, False) == "Not reported"


def test_no_line_through_an_unreported_year() -> None:
    frame = chart_frame(observations([
        {"year": 2008, "value": 1e6, "qualifier": "exact", "status": "reported",
         "reported": True, "sentence": "It was $1 million.", "figure_text": "$1 million"},
        {"year": 2009, "status": "not_reported", "reported": False,
         "missing_reason": "not reported in the sources"},
        {"year": 2010, "value": 2e6, "qualifier": "exact", "status": "reported",
         "reported": True, "sentence": "It was $2 million.", "figure_text": "$2 million"},
        {"year": 2011, "value": 3e6, "qualifier": "exact", "status": "reported",
         "reported": True, "sentence": "It was $3 million.", "figure_text": "$3 million"},
    ]))
    spec = funding_chart(frame).to_dict()
    lines = [layer for layer in spec["layer"] if layer["mark"]["type"] == "line"]
    assert len(lines) == 1
    line_data = spec["datasets"][lines[0]["data"]["name"]]
    assert sorted({row["year"] for row in line_data}) == [2010, 2011]  # not 2008-2009-2010
    assert frame.loc[frame.year == 2009, "value"].isna().all()


def test_describe_says_what_is_missing() -> None:
    frame = chart_frame(observations([
        {"year": 2008, "value": 1e6, "qualifier": "lower_bound", "status": "estimated",
         "reported": True, "year_type": "fiscal", "sentence": "x", "figure_text": "y"},
        {"year": 2009, "status": "not_reported", "reported": False},
    ]))
    text = describe(frame, "Aid")
    assert "FY2008: more than $1 million (estimate, fiscal year)" in text
    assert "2009: not reported in the sources" in text


def test_no_line_into_a_bound_or_a_plan() -> None:
    frame = chart_frame(observations([
        {"year": 2009, "value": 1e6, "qualifier": "exact", "status": "reported",
         "reported": True, "sentence": "x", "figure_text": "x"},
        {"year": 2010, "value": 2e6, "qualifier": "lower_bound", "status": "reported",
         "reported": True, "sentence": "x", "figure_text": "x"},
        {"year": 2011, "value": 3e6, "qualifier": "exact", "status": "reported",
         "reported": True, "sentence": "x", "figure_text": "x"},
        {"year": 2012, "value": 4e6, "qualifier": "exact", "status": "proposed",
         "reported": True, "sentence": "x", "figure_text": "x"},
    ]))
    spec = funding_chart(frame).to_dict()
    lines = [layer for layer in spec["layer"] if layer["mark"]["type"] == "line"]
    assert all(not spec["datasets"][layer["data"]["name"]] for layer in lines)


def test_two_sources_quotes_of_one_year_do_not_overlap() -> None:
    """Two sources' figures of one year, both shown ($51 million reported, $50 million
    proposed for fiscal 2011): the lower figure's quote goes below its mark."""
    frame = chart_frame(observations([
        {"year": 2011, "value": 51e6, "qualifier": "exact", "status": "reported",
         "reported": True, "role": "shown", "source": "A", "document_id": "a",
         "sentence": "to $51 million in fiscal year 2011", "figure_text": "$51 million"},
        {"year": 2011, "value": 50e6, "qualifier": "exact", "status": "proposed",
         "reported": True, "role": "shown", "source": "B", "document_id": "b",
         "sentence": "using $50 million in funds", "figure_text": "$50 million"},
        {"year": 2010, "value": 34e6, "qualifier": "exact", "status": "reported",
         "reported": True, "role": "shown", "source": "B", "document_id": "b",
         "sentence": "more than $34 million in 2010", "figure_text": "$34 million"},
    ]))
    below = dict(zip(frame["value"], frame["quote_below"], strict=True))
    assert below == {51e6: False, 50e6: True, 34e6: False}
    spec = funding_chart(frame, annotate=True).to_dict()
    quotes = [layer for layer in spec["layer"] if layer["mark"].get("type") == "text"
              and layer["encoding"].get("text", {}).get("field") == "quote"]
    filters = [str(layer.get("transform")) for layer in quotes]
    assert any("quote_below" in f for f in filters)
    placed = {layer["mark"]["dy"] for layer in quotes}
    assert placed == {-22, 26}  # above for the higher figure, below for the lower
