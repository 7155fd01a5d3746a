"""Overview: the money by year, each point in the look of what the source said."""

from __future__ import annotations

from urllib.parse import urlencode

import streamlit as st

from dashboard.charts import chart_frame, describe, funding_chart
from dashboard.common import credit_line, tables_or_stop
from dashboard.downloads import chart_downloads, table_downloads
from dashboard.formatting import (
    escape_markdown,
    pair_key,
    pair_names,
    plain_text,
    ratio_words,
    view_labels,
)
from dashboard.share import base_url, short_version
from dashboard.state import BASES, CHART_TYPES
from etl.cpi import Cpi
from etl.extract import ratio_qualifier


@st.cache_data(show_spinner=False, max_entries=256)
def chart_spec_cached(frame, annotate: bool, kind: str) -> dict:
    """The chart's Vega-Lite spec, built once per view (building and validating an Altair
    chart is most of this page's server time)."""
    return funding_chart(frame, annotate=annotate, kind=kind).to_dict()


tables = tables_or_stop()
obs = tables.observations
reported = obs[obs["reported"]]
if reported.empty:
    st.info("The sources give no dated money figures yet, so there is nothing to chart.")
    st.stop()
cpi = Cpi(dict(zip(tables.cpi_u["year"].astype(int), tables.cpi_u["cpi_u"], strict=True)))

views = view_labels(obs["funder"], obs["recipient"], obs["reported"])
c1, c2, c3, c4, c5 = st.columns([3, 1.1, 1.4, 1, 1.2], vertical_alignment="bottom")
view = c1.selectbox("Who pays whom", list(views), key="view", bind="query-params")
kind = c2.segmented_control("Chart", CHART_TYPES, default="dots", key="chart",
                            bind="query-params", required=True) or "dots"
basis = c3.segmented_control("Dollars", BASES, default="nominal", key="basis",
                             bind="query-params", required=True,
                             help="Nominal: as reported. Constant: adjusted for inflation "
                             "with the CPI-U to the base year's dollars.") or "nominal"
base_year = c4.selectbox("Base year", cpi.years[::-1], key="base", bind="query-params",
                         disabled=basis != "constant",
                         help="The year whose dollars constant values are expressed in")
annotate = c5.toggle("Quotes on the chart", value=True, key="notes", bind="query-params",
                     help="Show a short quote from the source sentence beside each point")
constant = basis == "constant"

pair = views[view]
rows = obs[[pair_key(f, r) == pair for f, r in zip(obs["funder"], obs["recipient"],
                                                   strict=True)]]
funder, recipient = pair_names(rows["funder"].iloc[0], rows["recipient"].iloc[0])
frame = chart_frame(rows, cpi if constant else None, base_year if constant else None)
subject = f"{funder} funding for {recipient}"
st.subheader(escape_markdown(subject), anchor=False)

# The chart goes out first (its script is the slowest part of the page to load in the
# browser); the metrics fill the space reserved above it right after.
metrics_area = st.container()
spec = chart_spec_cached(frame, annotate, kind)
description = describe(frame, subject)
st.vega_lite_chart(spec, width="stretch", height=460)

with metrics_area:
    # Headline metrics: each figure in the words its source used, then the change it allows.
    points = frame[frame["reported"]]
    per_row = 3
    for at in range(0, len(points), per_row):
        cols = st.columns(per_row)
        for col, point in zip(cols, points.iloc[at : at + per_row].itertuples(), strict=False):
            col.metric(escape_markdown(f"{point.year_label} · {point.status_label}"),
                       plain_text(point.value_label),
                       help=escape_markdown(f"As reported: {point.nominal_label}. "
                                            f"{point.purpose_label}. “{point.sentence}”"),
                       border=True)
    main = rows[rows["reported"]].groupby("series_id").size().idxmax()
    series = rows[(rows["series_id"] == main) & rows["reported"]].sort_values("year")
    if len(series) >= 2:
        first, last = series.iloc[0], series.iloc[-1]
        bound = ratio_qualifier(first["qualifier"], last["qualifier"])
        ratio = float(last["value"]) / float(first["value"])
        factor = cpi.factor(int(last["year"]), int(first["year"])) if constant else 1.0
        claims = tables.claims[(tables.claims["base_figure_id"] == first["figure_id"])
                               & (tables.claims["compared_figure_id"] == last["figure_id"])]
        change_col, said_col = st.columns([1, 2], vertical_alignment="center")
        if factor is None:
            change_col.metric(f"Change {first['year']}→{last['year']}", "no CPI-U conversion",
                              border=True)
        else:
            change_col.metric(
                escape_markdown(f"Change {first['year']}→{last['year']} "
                                f"({first['purpose'] or 'same series'}, "
                                f"{'real' if constant else 'nominal'})"),
                ratio_words(ratio * factor, bound),
                help=("A ratio computed from a lower bound is itself a lower bound."
                      if bound == "lower_bound" else "Ratio of the two reported values."),
                border=True,
            )
        if len(claims):
            claim = claims.iloc[0]
            verdict = claim["verdict_real" if constant else "verdict_nominal"]
            said_col.markdown(
                f"The source says the funding **{escape_markdown(str(claim['text']))}**: "
                f"{escape_markdown(str(verdict))} "
                f"({'constant' if constant else 'nominal'} dollars). "
                + escape_markdown(str(claim["rule"])))
            said_col.page_link("views/claims.py", label="All claims and how they are checked",
                               icon="🔎")

st.caption("Source: " + escape_markdown(credit_line(tables.documents, rows[rows["reported"]]))
           + ". Hover a point for its source sentence."
           + (" Constant dollars: CPI-U, U.S. Bureau of Labor Statistics; fiscal years are "
              "converted with the calendar-year average of the same number." if constant
              else ""))
st.markdown("**Chart description.** " + escape_markdown(description))

with st.expander("The chart's data", expanded=False):
    base = base_url()
    links = [f"{base}/sources?" + urlencode({"doc": d, "figure": f,
                                             "v": short_version(tables.version)})
             if isinstance(f, str) else None
             for d, f in zip(frame["document_id"], frame["figure_id"], strict=True)]
    shown = frame[["year_label", "value_label", "nominal_label", "status_label",
                   "year_type_label", "purpose_label", "credit", "sentence"]].rename(columns={
        "year_label": "Year", "value_label": "Amount", "nominal_label": "As reported",
        "status_label": "Status", "year_type_label": "Year type", "purpose_label": "Purpose",
        "credit": "Credited to", "sentence": "Source sentence"})
    shown["Source"] = links
    st.dataframe(shown, hide_index=True, width="stretch", column_config={
        "Source": st.column_config.LinkColumn("Source", display_text="open in Sources",
                                              help="The figure, highlighted in its article")})

with st.expander("Download", expanded=False):
    what = "chart-" + pair
    what += f"-constant-{base_year}" if constant else "-nominal"
    chart_downloads(spec, what, short_version(tables.version))
    table_downloads("the chart's data", "observations", rows, obs,
                    short_version(tables.version), "chart")
