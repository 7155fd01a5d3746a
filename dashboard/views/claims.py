"""Claims: every quantitative claim, what it states, what the figures compute, a verdict.
The claims are queried from the published Parquet a page at a time (dashboard/query.py),
with the figures they compare: never a whole table."""

from __future__ import annotations

import math

import pandas as pd
import streamlit as st

from dashboard import query
from dashboard.common import page_number, tables_or_stop
from dashboard.formatting import amount_with_qualifier, escape_markdown
from dashboard.limits import ITEMS_LISTED
from dashboard.state import VERDICTS

tables = tables_or_stop()
at = (tables.folder, tables.version)
per_page = ITEMS_LISTED.value()  # each claim is a box of its own: a page of them

st.subheader("Claims and how they check out", anchor=False)
st.caption("A claim is checked against the figures its own sentence gives. A ratio computed "
           "from a bound is itself a bound; “about” allows 10%. Constant dollars use the "
           "CPI-U (U.S. Bureau of Labor Statistics).")
picked = st.multiselect("Verdict", list(VERDICTS), key="verdict", bind="query-params",
                        placeholder="all verdicts")
where = query.Filter((("verdict_nominal", tuple(picked)),))
found = query.count(*at, "claims", where)
number = page_number(found, per_page, "claims", ITEMS_LISTED.variable)
shown = query.page(*at, "claims", where, (number - 1) * per_page, per_page)
if shown.empty:
    st.info("No claims match.")
elif found > per_page:
    first = (number - 1) * per_page + 1
    st.caption(f"{found:,} claims · claims {first:,}–{first + len(shown) - 1:,} shown")
ids = tuple(sorted({i for column in ("base_figure_id", "compared_figure_id")
                    for i in shown[column] if isinstance(i, str)}))
figures = query.rows_where_in(*at, "figures", "figure_id", ids).set_index("figure_id")

BADGE = {"consistent": ":green-badge[consistent]", "inconsistent": ":red-badge[inconsistent]",
         "not checkable from the sources": ":gray-badge[not checkable from the sources]"}


def interval(low: float, high: float) -> str:
    if pd.isna(low):
        return "—"
    if pd.isna(high) or math.isinf(high):
        return f"{low:.2f} or more"
    return f"{low:.2f}" if low == high else f"{low:.2f} to {high:.2f}"


def figure_words(figure_id: object) -> str:
    if not isinstance(figure_id, str) or figure_id not in figures.index:
        return "—"
    f = figures.loc[figure_id]
    year = "" if pd.isna(f["year"]) else f" ({'FY' if f['year_type'] == 'fiscal' else ''}"\
        f"{int(f['year'])})"
    return amount_with_qualifier(f["amount"], f["qualifier"], f["amount_high"],
                                 f["currency"]) + year


for c in shown.itertuples():
    with st.container(border=True):
        st.markdown(f"**“{escape_markdown(c.text)}”** · {c.kind} · nominal "
                    f"{BADGE[c.verdict_nominal]} · constant dollars {BADGE[c.verdict_real]}")
        st.markdown("> " + escape_markdown(c.sentence))
        table = pd.DataFrame([
            {"": "The words state", "ratio": interval(c.stated_low, c.stated_high),
             "verdict": ""},
            {"": "The figures give, nominal", "ratio": interval(c.nominal_low, c.nominal_high),
             "verdict": c.verdict_nominal},
            {"": "The figures give, constant dollars",
             "ratio": interval(c.real_low, c.real_high), "verdict": c.verdict_real},
        ])
        left, right = st.columns([3, 2])
        left.dataframe(table, hide_index=True, width="stretch")
        right.markdown(
            f"From: {escape_markdown(figure_words(c.base_figure_id))}  \n"
            f"To: {escape_markdown(figure_words(c.compared_figure_id))}"
            + (f"  \nCompared with: {escape_markdown(str(c.compared_to))}"
               if isinstance(c.compared_to, str) else ""))
        st.caption(escape_markdown(c.rule))
        st.page_link("views/sources.py", label="Read it in the source", icon="📄",
                     query_params={"doc": c.document_id, "claim": c.claim_id})
