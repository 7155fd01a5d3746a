"""Compare sources: every figure of a series and year as each source gives it, drawn side
by side, with the verdict of the reconciliation (intervals that meet, or a conflict)."""

from __future__ import annotations

import streamlit as st

from dashboard.charts import compare_chart
from dashboard.common import tables_or_stop
from dashboard.compare import comparisons, figures_by_source
from etl.reconcile import RULE

tables = tables_or_stop()
table = figures_by_source(tables.series_figures, tables.observations, tables.documents)

st.subheader("Compare sources", anchor=False)
cols = st.columns(3)
shown = table
for col, column in zip(cols, ["funder", "recipient", "status"], strict=True):
    counts = table[column].value_counts()
    picked = col.multiselect(column.capitalize(), sorted(counts.index), key=f"cmp_{column}",
                             bind="query-params", placeholder="all")
    if picked:
        shown = shown[shown[column].isin(picked)]

both = comparisons(shown)
if both.empty:
    st.info("No series and year here is given by more than one source. Add a source that "
            "covers the same money to compare them.")
else:
    years = both[["series_id", "year", "agreement"]].drop_duplicates()
    n_conflicts = int(years["agreement"].str.startswith("conflict").sum())
    n_mixed = int(years["agreement"].str.contains("mixed").sum())
    st.markdown(f"**{len(years)}** series-years are given by several sources: "
                f"**{n_conflicts}** conflict, **{len(years) - n_conflicts}** are consistent"
                + (f"; **{n_mixed}** mix fiscal and calendar years." if n_mixed else "."))
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
st.dataframe(shown[["funder", "recipient", "purpose", "year_label", "source", "figure",
                    "status", "role", "agreement", "sentence"]],
             hide_index=True, width="stretch",
             column_config={"year_label": st.column_config.TextColumn("Year")})
