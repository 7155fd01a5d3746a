"""Overview: the money by year, each point in the look of what the source said."""

from __future__ import annotations

import re
from urllib.parse import urlencode

import streamlit as st

from dashboard.charts import chart_frame, describe, funding_chart
from dashboard.common import credit_line, tables_or_stop
from dashboard.downloads import chart_downloads, table_downloads
from dashboard.formatting import escape_markdown, ratio_words
from dashboard.share import base_url, short_version
from dashboard.state import CHART_TYPES
from etl.extract import ratio_qualifier

tables = tables_or_stop()
obs = tables.observations
reported = obs[obs["reported"]]
if reported.empty:
    st.info("The sources give no dated money figures yet, so there is nothing to chart.")
    st.stop()

pairs = (reported.assign(pair=reported["funder"].fillna("Funder not stated") + " → "
                         + reported["recipient"].fillna("recipient not stated"))
         .groupby("pair").size().sort_values(ascending=False, kind="stable"))
left, middle, right = st.columns([3, 1, 1], vertical_alignment="bottom")
pair = left.selectbox("Who pays whom", list(pairs.index), key="view", bind="query-params")
kind = middle.segmented_control("Chart", CHART_TYPES, default="dots", key="chart",
                                bind="query-params", required=True) or "dots"
annotate = right.toggle("Quotes on the chart", value=True, key="notes", bind="query-params",
                        help="Show a short quote from the source sentence beside each point")

funder, recipient = pair.split(" → ", 1)
rows = obs[(obs["funder"].fillna("Funder not stated") == funder)
           & (obs["recipient"].fillna("recipient not stated") == recipient)]
frame = chart_frame(rows)
subject = f"{funder} funding for {recipient}"
st.subheader(subject)

# Headline metrics: each figure in the words its source used, then the change it allows.
points = frame[frame["reported"]]
per_row = 3
for at in range(0, len(points), per_row):
    cols = st.columns(per_row)
    for col, point in zip(cols, points.iloc[at : at + per_row].itertuples(), strict=False):
        col.metric(f"{point.year_label} · {point.status_label}", point.value_label,
                   help=escape_markdown(f"{point.purpose_label}. “{point.sentence}”"),
                   border=True)
main = rows[rows["reported"]].groupby("series_id").size().idxmax()
series = rows[(rows["series_id"] == main) & rows["reported"]].sort_values("year")
if len(series) >= 2:
    first, last = series.iloc[0], series.iloc[-1]
    bound = ratio_qualifier(first["qualifier"], last["qualifier"])
    claims = tables.claims[(tables.claims["base_figure_id"] == first["figure_id"])
                           & (tables.claims["compared_figure_id"] == last["figure_id"])]
    change_col, said_col = st.columns([1, 2], vertical_alignment="center")
    change_col.metric(
        f"Change {first['year']}→{last['year']} ({first['purpose'] or 'same series'})",
        ratio_words(float(last["value"]) / float(first["value"]), bound),
        help=("A ratio computed from a lower bound is itself a lower bound."
              if bound == "lower_bound" else "Ratio of the two reported values."),
        border=True,
    )
    if len(claims):
        said_col.markdown(
            "The source says the funding "
            f"**{escape_markdown(str(claims.iloc[0]['text']))}**; the figures give "
            f"{escape_markdown(ratio_words(float(last['value']) / float(first['value']), bound))}"
            " (stated, not checked here).")

chart = funding_chart(frame, annotate=annotate, kind=kind)
st.altair_chart(chart, width="stretch", height=460, alt=describe(frame, subject))
st.caption("Source: " + escape_markdown(credit_line(tables.documents, rows[rows["reported"]]))
           + ". Hover a point for its source sentence.")
st.markdown("**Chart description.** " + escape_markdown(describe(frame, subject)))

with st.expander("The chart's data", expanded=False):
    base = base_url()
    links = [f"{base}/sources?" + urlencode({"doc": d, "figure": f,
                                             "v": short_version(tables.version)})
             if isinstance(f, str) else None
             for d, f in zip(frame["document_id"], frame["figure_id"], strict=True)]
    shown = frame[["year_label", "value_label", "status_label", "year_type_label",
                   "purpose_label", "credit", "sentence"]].rename(columns={
        "year_label": "Year", "value_label": "Amount", "status_label": "Status",
        "year_type_label": "Year type", "purpose_label": "Purpose",
        "credit": "Credited to", "sentence": "Source sentence"})
    shown["Source"] = links
    st.dataframe(shown, hide_index=True, width="stretch", column_config={
        "Source": st.column_config.LinkColumn("Source", display_text="open in Sources",
                                              help="The figure, highlighted in its article")})

with st.expander("Download", expanded=False):
    what = "chart-" + re.sub(r"[^a-z0-9]+", "-", pair.lower()).strip("-")
    chart_downloads(chart, what, short_version(tables.version))
    table_downloads("the chart's data", "observations", rows, obs,
                    short_version(tables.version), "chart")
