"""Compare sources: every figure of a series and year as each source gives it, drawn side
by side, with the verdict of the reconciliation (intervals that meet, or a conflict). The
figures are queried from the published Parquet (dashboard/query.py) a page of series-years
at a time: the page never reads the series' figures whole."""

from __future__ import annotations

import streamlit as st

from dashboard import query
from dashboard.charts import compare_chart
from dashboard.common import page_number, tables_or_stop
from dashboard.data import compare_rows
from dashboard.limits import ITEMS_LISTED, ROWS_SHOWN
from etl.reconcile import RULE

tables = tables_or_stop()
at = (tables.folder, tables.version)
per_page = ITEMS_LISTED.value()  # series-years drawn and listed at once


st.subheader("Compare sources", anchor=False)
cols = st.columns(3)
kept = []
for col, column in zip(cols, query.COMPARED_BY, strict=True):
    picked = col.multiselect(column.capitalize(), query.dated_options(*at, column),
                             key=f"cmp_{column}", bind="query-params", placeholder="all")
    kept.append((column, tuple(picked)))
kept = tuple(kept)
counts = query.dated_counts(*at, kept)

if not counts.several:
    st.info("No series and year here is given by more than one source. Add a source that "
            "covers the same money to compare them.")
else:
    st.markdown(f"**{counts.several}** series-years are given by several sources: "
                f"**{counts.conflicts}** conflict, **{counts.several - counts.conflicts}** are "
                "consistent"
                + (f"; **{counts.mixed}** mix fiscal and calendar years." if counts.mixed
                   else "."))
    number = page_number(counts.several, per_page, "series-years", ITEMS_LISTED.variable)
    both = compare_rows(tables, kept, (number - 1) * per_page, per_page, True)
    st.vega_lite_chart(compare_chart(both).to_dict(), width="stretch")
    st.caption("Each source in its own colour; a vertical line spans the amounts its words "
               "allow (an arrow: no upper end). " + RULE)
    st.dataframe(
        both[["agreement", "funder", "recipient", "purpose", "year_label", "source", "figure",
              "status", "role", "sentence"]],
        hide_index=True, width="stretch",
        column_config={"agreement": st.column_config.TextColumn(
            "Agreement", help="consistent: the figures' intervals share a part; conflict: "
            "they do not; one figure: nothing to compare"),
            "year_label": st.column_config.TextColumn("Year")})

st.markdown("**All dated figures, by source**")
size = ROWS_SHOWN.value()
shown = compare_rows(tables, kept, 0, size, False)
if counts.figures > len(shown):
    st.caption(f"The first {len(shown):,} of {counts.figures:,} ({ROWS_SHOWN.variable}); "
               "the Data page pages through all of them and downloads them (the "
               "series_figures table).")
st.dataframe(shown[["funder", "recipient", "purpose", "year_label", "source", "figure",
                    "status", "role", "agreement", "sentence"]],
             hide_index=True, width="stretch",
             column_config={"year_label": st.column_config.TextColumn("Year")})
