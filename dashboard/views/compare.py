"""Compare sources: every dated figure by funder, recipient, year and status; the same
series and year from several sources side by side, disagreements flagged."""

from __future__ import annotations

import streamlit as st

from dashboard.common import tables_or_stop
from dashboard.compare import comparisons, figures_by_source

tables = tables_or_stop()
table = figures_by_source(tables.figures, tables.documents)

st.subheader("Compare sources", anchor=False)
both = comparisons(table)
if both.empty:
    st.info("No series and year is given by more than one source yet. Add a source that "
            "covers the same money to compare them.")
else:
    flagged = both[both["agreement"].str.startswith("disagree")]
    n_all = len(both[["series_id", "year"]].drop_duplicates())
    n_flagged = len(flagged[["series_id", "year"]].drop_duplicates())
    st.markdown(f"**{n_all}** series-years are given by several sources; **{n_flagged}** of "
                "them disagree.")
    st.dataframe(
        both[["agreement", "funder", "recipient", "purpose", "year", "source", "figure",
              "status", "sentence"]],
        hide_index=True, width="stretch",
        column_config={"agreement": st.column_config.TextColumn(
            "Agreement", help="agree; disagree: different values; disagree: one exact, "
            "another a bound (the qualifiers differ)")})

st.markdown("**All dated figures, by source**")
cols = st.columns(3)
shown = table
for col, column in zip(cols, ["funder", "recipient", "status"], strict=True):
    picked = col.multiselect(column.capitalize(), sorted(table[column].unique()),
                             key=f"cmp_{column}", bind="query-params", placeholder="all")
    if picked:
        shown = shown[shown[column].isin(picked)]
st.dataframe(shown.drop(columns=["series_id", "document_id", "amount", "amount_high",
                                 "figure_id"]),
             hide_index=True, width="stretch")
