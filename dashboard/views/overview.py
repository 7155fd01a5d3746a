"""Overview: the money by year, each point in the look of what the source said."""

from __future__ import annotations

from dataclasses import astuple, dataclass

import pandas as pd
import streamlit as st

from dashboard import query
from dashboard.charts import (
    chart_data,
    chart_frame,
    chart_text,
    describe,
    funding_chart,
    headline,
    picture,
    publishable,
)
from dashboard.common import credit_line, tables_or_stop
from dashboard.compare import series_points, source_labels
from dashboard.downloads import chart_downloads, table_downloads
from dashboard.formatting import (
    escape_markdown,
    pair_key,
    pair_names,
    plain_text,
    ratio_words,
    view_labels,
)
from dashboard.limits import FIGURES_DRAWN
from dashboard.share import allowed_values, base_url, current_values, short_version
from dashboard.state import BASES, CHART_TYPES, UrlState, parse, share_url
from dashboard.style import CHART_BOX, CHART_HEIGHT, CHART_WIDTH
from etl.cpi import Cpi

ALL_SOURCES = "All sources"


def short_credit(text: str, limit: int = 400) -> str:
    """The source line, cut after ``limit`` characters with a count of the rest."""
    parts = text.split("; ")
    kept, size = [], 0
    for part in parts:
        if size + len(part) > limit and kept:
            break
        kept.append(part)
        size += len(part) + 2
    rest = len(parts) - len(kept)
    return "; ".join(kept) + (f"; and {rest} more (see Compare)" if rest else "")


@st.cache_data(show_spinner=False, max_entries=256)
def chart_spec_cached(frame, annotate: bool, kind: str) -> dict:
    """The chart's Vega-Lite spec, built once per view (building and validating an Altair
    chart is most of this page's server time)."""
    return funding_chart(frame, annotate=annotate, kind=kind).to_dict()


@st.cache_data(show_spinner=False, max_entries=256)
def picture_cached(frame, annotate: bool, kind: str) -> str:
    """The chart drawn on the server (``dashboard.charts.picture``)."""
    return picture(chart_spec_cached(frame, annotate, kind), CHART_WIDTH, CHART_HEIGHT)


tables = tables_or_stop()
obs = tables.observations
reported = obs[obs["reported"]]
if reported.empty:
    st.info("The sources give no dated money figures yet, so there is nothing to chart.")
    st.stop()
cpi = Cpi(dict(zip(tables.cpi_u["year"].astype(int), tables.cpi_u["cpi_u"], strict=True)))
TABLES_KEY = tables.key


def series_rows(pair: str) -> tuple[pd.DataFrame, dict[str, str]]:
    """The observations of one payer-recipient pair, and the labels of its sources."""
    return _series_rows(TABLES_KEY, pair)


@st.cache_resource(show_spinner=False, max_entries=64)
def _series_rows(key: str, pair: str) -> tuple[pd.DataFrame, dict[str, str]]:
    # once per data version and pair (``key``: the tables' folder and version); shared,
    # read-only
    rows = obs[[pair_key(f, r) == pair for f, r in zip(obs["funder"], obs["recipient"],
                                                       strict=True)]]
    documents = tables.documents[tables.documents["document_id"].isin(
        pair_figures(rows)["document_id"])]
    return rows, source_labels(documents)


def pair_figures(rows: pd.DataFrame) -> pd.DataFrame:
    """The series-figure rows of the pair's series, queried from the published file (the
    whole table, 725,824 rows at 10,000 documents, is never loaded here)."""
    ids = tuple(sorted(set(rows["series_id"])))
    return query.rows_where_in(tables.folder, tables.version, "series_figures", "series_id",
                               ids)


@dataclass(frozen=True)
class Look:
    """What the chart shows: the series, the source, and how it is drawn."""

    view: str
    src: str
    kind: str
    basis: str
    base_year: int
    annotate: bool


@dataclass
class Drawn:
    """A look's rows, its chart's frame and its texts."""

    pair: str
    rows: pd.DataFrame
    labels: dict[str, str]
    points: pd.DataFrame
    frame: pd.DataFrame
    subject: str
    # when the sources give the series more figures than a chart can draw: how many
    figures: int | None = None


@st.cache_resource(show_spinner=False, max_entries=16)
def all_views(key: str) -> dict[str, str]:
    """The Overview's choices of who pays whom over all the data (``key``: the tables'
    folder and version), worked out once."""
    return view_labels(obs["funder"], obs["recipient"], obs["reported"])


def drawn(look: Look) -> Drawn:
    """A look's rows, frame and texts, worked out once per data version, look and setting
    of the figures a chart draws, and shared by every session (read-only)."""
    return _drawn(TABLES_KEY, look, FIGURES_DRAWN.value())


@st.cache_resource(show_spinner=False, max_entries=64)
def _drawn(key: str, look: Look, most: int) -> Drawn:
    views = all_views(TABLES_KEY)
    pair = views[look.view]
    rows, labels = series_rows(pair)
    funder, recipient = pair_names(rows["funder"].iloc[0], rows["recipient"].iloc[0])
    points = series_points(rows, pair_figures(rows), tables.documents,
                           labels.get(look.src) if look.src != ALL_SOURCES else None)
    given = points["reported"].fillna(False).astype(bool)
    figures = int(given.sum())
    many = look.src == ALL_SOURCES and figures > most
    if many:
        # thousands of sources' figures (a corpus of 10,000 documents) are more than a
        # reader, or Altair's 5,000 rows, can take: each year's reconciled value is drawn
        # with the range its sources allow; every figure stays on the Data page
        points = points[~given | (points["role"] == "shown")].reset_index(drop=True)
    constant = look.basis == "constant"
    frame = chart_frame(points, cpi if constant else None,
                        look.base_year if constant else None)
    return Drawn(pair, rows, labels, points, frame, f"{funder} funding for {recipient}",
                 figures if many else None)


def look_from_link(state: UrlState) -> Look:
    """The look a link asks for, each value falling back to what the widgets default to."""
    views = all_views(TABLES_KEY)
    view = state.view if state.view in views else next(iter(views))
    labels = series_rows(views[view])[1]
    return Look(view, state.src if state.src in labels else ALL_SOURCES, state.chart,
                state.basis, state.base if state.base in cpi.years else cpi.years[-1],
                state.notes)


def picture_markdown(look: Look, seen: Drawn) -> str:
    """The chart drawn on the server, as a markdown image."""
    return (f"![{escape_markdown('Chart: ' + seen.subject)}]"
            f"({picture_cached(seen.frame, look.annotate, look.kind)})")


@st.cache_data(show_spinner=False, max_entries=256)
def first_picture(version: str, state: UrlState, most: int) -> tuple[tuple, str]:
    """The look a link asks for (as a tuple: the cache keeps plain values) and its
    picture, made once per link, data version and setting of the figures a chart draws
    (``most``: what a new visitor's page sends first)."""
    look = look_from_link(state)
    return astuple(look), picture_markdown(look, drawn(look))


# ?only=chart: the chart alone with its source line, for an iframe (the Share box gives
# the snippet); the view comes from the link, validated as every link is
embedded = st.query_params.get("only") == "chart"
link_state = parse({k: st.query_params.get_all(k) for k in st.query_params},
                   allowed_values(tables)).state
if embedded:
    head = st.container()
    box = st.container(key=CHART_BOX)
    look = look_from_link(link_state)
    seen = drawn(look)
    box.markdown(picture_markdown(look, seen))
else:
    # The chart box is laid out under the controls but filled first: a new visitor's
    # browser shows the server's picture of the chart before it has loaded the controls'
    # code, let alone the interactive chart's (bench/time_to_chart.py). The look is
    # read from the link, as the bound widgets will read it; on a rerun or with search
    # filters the widgets decide, and the picture follows them.
    head = st.container()
    chart_tab, table_tab = st.tabs(["Chart", "Table"], key="tab", on_change="rerun")
    box = chart_tab.container(key=CHART_BOX)
    slot = box.empty()
    guessed = None
    if "view" not in st.session_state and not any(
            (link_state.s_funder, link_state.s_recipient, link_state.s_purpose,
             link_state.s_status)):
        fields, first = first_picture(tables.version, link_state, FIGURES_DRAWN.value())
        guessed = Look(*fields)
        slot.markdown(first)
        # the page's data for that look, made while the browser shows the picture
        guessed_seen = drawn(guessed)
    facets = {"funder": "Funder", "recipient": "Recipient", "purpose": "Purpose",
              "status": "Status"}
    with head.expander("Find a series", expanded=False):
        cols = st.columns(len(facets))
        matches = obs[obs["reported"].fillna(False).astype(bool)]
        for col, (column, title) in zip(cols, facets.items(), strict=True):
            counts = matches[column].value_counts()  # most figures first
            picked = col.multiselect(f"{title} ({len(counts)})", list(counts.index),
                                     key=f"s_{column}", bind="query-params", placeholder="any")
            if picked:
                matches = matches[matches[column].isin(picked)]
        st.caption(f"{matches['series_id'].nunique()} of {obs['series_id'].nunique()} series "
                   "match. Type in the box below to search the pairs.")
    searched = any(st.session_state.get(f"s_{column}") for column in facets)
    pool = matches if len(matches) else obs
    views = (view_labels(pool["funder"], pool["recipient"], pool["reported"])
             if searched and len(matches) else all_views(TABLES_KEY))
    # one row of controls on a desktop; on a phone they wrap two to a line instead of
    # taking a screen each, so the chart starts on the first screen
    controls = head.container(horizontal=True, vertical_alignment="bottom", gap="medium")
    view = controls.selectbox("Who pays whom", list(views), key="view", bind="query-params",
                              width=320)
    labels = series_rows(views[view])[1]
    src = controls.selectbox("Sources", [ALL_SOURCES, *labels], key="src",
                             bind="query-params", width=240,
                             help="All sources, each in its own colour with the reconciled "
                             "range, or one source's figures alone")
    kind = controls.segmented_control("Chart", CHART_TYPES, default="dots", key="chart",
                                      bind="query-params", required=True) or "dots"
    basis = controls.segmented_control("Dollars", BASES, default="nominal", key="basis",
                                       bind="query-params", required=True,
                                       help="Nominal: as reported. Constant: adjusted for "
                                       "inflation with the CPI-U to the base year's dollars."
                                       ) or "nominal"
    base_year = controls.selectbox("Base year", cpi.years[::-1], key="base",
                                   bind="query-params", width=110,
                                   disabled=basis != "constant",
                                   help="The year whose dollars constant values are "
                                   "expressed in")
    annotate = controls.toggle("Quotes", value=True, key="notes", bind="query-params",
                               help="Show a short quote from the source sentence beside "
                               "each point")
    look = Look(view, src, kind, basis, base_year, annotate)
    seen = guessed_seen if look == guessed else drawn(look)
    if look != guessed:
        slot.markdown(picture_markdown(look, seen))
view, src, kind, basis, base_year, annotate = (look.view, look.src, look.kind, look.basis,
                                               look.base_year, look.annotate)
pair, rows, labels, points, frame = seen.pair, seen.rows, seen.labels, seen.points, seen.frame
constant = basis == "constant"
# the view as a link holds it
values = ({"view": view, "src": src, "chart": kind, "basis": basis, "base": base_year,
           "notes": annotate} if embedded else current_values())

subject = seen.subject
version = short_version(tables.version)
text = chart_text(frame, subject,
                  short_credit(credit_line(tables.documents, points[points["reported"]])),
                  base_year if constant else None, version,
                  share_url(base_url(), "", values, version))
head.subheader(escape_markdown(text.title), anchor=False)
spec = chart_spec_cached(frame, annotate, kind)
description = describe(frame, subject)
if embedded:
    st.caption(escape_markdown(" ".join([f"{text.subtitle}.", *text.footer()[:-1]])))
    st.markdown(f"[Open this view in full]({text.link})")
    box.vega_lite_chart(spec, width="stretch", height=CHART_HEIGHT)
    st.stop()
# the table is made only when its tab is open (Streamlit runs the page again on a switch)
if table_tab.open:
    with table_tab:
        links = [share_url(base_url(), "sources", {"doc": d, "figure": f}, version)
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

# One row of headline metrics under the chart: the latest value, the change it allows
# (never to or from a request or proposal), how many sources, how many conflicts.
summary = headline(frame)
cards = st.columns(4)
if summary.latest is not None:
    cards[0].metric(escape_markdown(f"Latest · {summary.latest.year_label}"),
                    plain_text(summary.latest.value_label),
                    help=escape_markdown(f"{summary.latest.status_label}, "
                                         f"{summary.latest.source}"), border=True)
if summary.change is not None:
    first, last, ratio, bound = summary.change  # the frame is in the dollars shown
    cards[1].metric(escape_markdown(f"Change {first.year_label}→{last.year_label} "
                                    f"({'real' if constant else 'nominal'})"),
                    ratio_words(ratio, bound),
                    help=("A ratio computed from a lower bound is itself a lower bound."
                          if bound == "lower_bound" else "Ratio of the two values shown."),
                    border=True)
else:
    cards[1].metric("Change", "—", border=True,
                    help="A change needs values for two years of one series (a request or "
                    "a proposal is not a value)")
cards[2].metric("Sources", summary.n_sources, border=True,
                help="Documents that give a figure drawn here")
cards[3].metric("Conflicts", summary.n_conflicts, border=True,
                help="Years whose sources' figures allow no common amount")
if summary.change is not None:
    first, last, _, _ = summary.change
    claims = query.page(tables.folder, tables.version, "claims", query.Filter((
        ("base_figure_id", (first.figure_id,)), ("compared_figure_id", (last.figure_id,)))),
        0, 1)
    if len(claims):
        claim = claims.iloc[0]
        verdict = claim["verdict_real" if constant else "verdict_nominal"]
        st.markdown(
            f"The source says the funding **{escape_markdown(str(claim['text']))}**: "
            f"{escape_markdown(str(verdict))} "
            f"({'constant' if constant else 'nominal'} dollars). "
            + escape_markdown(str(claim["rule"])))
        st.page_link("views/claims.py", label="All claims and how they are checked", icon="🔎")

if seen.figures is not None:
    st.caption(f"The sources give this series {seen.figures:,} figures, more than one chart "
               f"can show (setting `{FIGURES_DRAWN.variable}`): each year is drawn as its "
               "reconciled value with the range its sources allow. Pick one source above to "
               "see its figures; every figure is on the Data page.")
st.caption(escape_markdown(" ".join([f"{text.subtitle}.", *text.footer()[:-2],
                                      "Hover a point for its source sentence."])))
st.markdown("**Chart description.** " + escape_markdown(description))

# the buttons are made only when the box is open (Streamlit runs the page again on opening)
downloads = st.expander("Download", expanded=False, key="downloads", on_change="rerun")
if downloads.open:
    with downloads:
        # the file names say which view: the series, the dollars and the source shown
        what = "-".join([pair, f"constant-{base_year}" if constant else "nominal",
                         *([] if src == ALL_SOURCES else [f"source-{src}"])])
        chart_downloads(publishable(spec, text), what, version)
        table_downloads("the chart's data", what + "-data", chart_data(frame), None, version,
                        "chart")

# Last, the interactive chart, in the box above, where it takes the picture's place once
# drawn (dashboard/style.py): sent after the rest so that a new visitor's browser has shown
# the picture before it starts on the interactive chart's code.
box.vega_lite_chart(spec, width="stretch", height=CHART_HEIGHT)
