"""Chart builders: pure functions from DataFrames to ``alt.Chart`` and to words.

The funding chart gives each kind of figure its own look, so that meaning travels with
the number: an estimate, a lower bound (a marker with an open-ended arrow upward), a
proposal (hollow), a year nobody reported (a grey band labelled "not reported", with no
line through it). Colours are the Okabe-Ito palette, safe for colour-blind readers.
"""

from __future__ import annotations

from dataclasses import dataclass

import altair as alt
import pandas as pd

from dashboard.formatting import (
    STATUS_WORDS,
    amount_with_qualifier,
    plain_text,
    short_quote,
    year_label,
)
from etl.build import DATASET
from etl.checks import ratio_qualifier
from etl.cpi import Cpi

# look -> (colour, shape, filled)
LOOKS: dict[str, tuple[str, str, bool]] = {
    "Reported": ("#009E73", "circle", True),
    "Estimate": ("#0072B2", "circle", True),
    "Approximate": ("#56B4E9", "circle", True),
    "Lower bound (more than)": ("#D55E00", "triangle-up", True),
    "Upper bound (less than)": ("#CC79A7", "triangle-down", True),
    "Range": ("#E69F00", "diamond", True),
    "Appropriated": ("#009E73", "square", True),
    "Obligated or disbursed": ("#009E73", "square", True),
    "Authorized or passed one chamber": ("#56B4E9", "square", False),
    "Requested": ("#CC79A7", "square", False),
    "Proposed": ("#E69F00", "diamond", False),
    "Not reported": ("#999999", "cross", True),
}
_QUALIFIER_LOOK = {"lower_bound": "Lower bound (more than)",
                   "upper_bound": "Upper bound (less than)", "range": "Range",
                   "approximate": "Approximate"}
_STATUS_LOOK = {"estimated": "Estimate", "appropriated": "Appropriated",
                "obligated": "Obligated or disbursed", "disbursed": "Obligated or disbursed",
                "authorized": "Authorized or passed one chamber",
                "passed_chamber": "Authorized or passed one chamber",
                "reported": "Reported"}
TOOLTIP = [
    alt.Tooltip("source:N", title="Source"),
    alt.Tooltip("year_label:N", title="Year"),
    alt.Tooltip("value_label:N", title="Amount"),
    alt.Tooltip("nominal_label:N", title="As reported"),
    alt.Tooltip("basis_label:N", title="Dollars"),
    alt.Tooltip("status_label:N", title="Status"),
    alt.Tooltip("year_type_label:N", title="Year type"),
    alt.Tooltip("purpose_label:N", title="Purpose"),
    alt.Tooltip("credit:N", title="Credited to"),
    alt.Tooltip("sentence:N", title="Source sentence"),
    alt.Tooltip("conversion:N", title="Conversion"),
]


def look_of(status: str | None, qualifier: str | None, reported: bool) -> str:
    """Which look a point takes: not reported, then proposal or request, then its bound,
    then its status."""
    if not reported:
        return "Not reported"
    if status == "proposed":
        return "Proposed"
    if status == "requested":
        return "Requested"
    if qualifier in _QUALIFIER_LOOK:
        return _QUALIFIER_LOOK[qualifier]
    return _STATUS_LOOK.get(status or "reported", "Reported")


def _clean(value: object) -> object:
    return None if pd.isna(value) else value


# Okabe-Ito, then greys: one colour a source
SOURCE_COLOURS = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9",
                  "#000000", "#777777", "#AAAAAA", "#444444"]
# the looks drawn hollow (requests, proposals, authorizations), from LOOKS
HOLLOW_LOOKS = tuple(look for look, (_, _, filled) in LOOKS.items() if not filled)
_HOLLOW = " || ".join(f"datum.look == '{look}'" for look in HOLLOW_LOOKS)
MAX_SOURCE_COLOURS = 8  # more sources than this: one look legend, the source in tooltips
MAX_QUOTES = 10  # more points than this: quotes would cover each other; tooltips keep them
CONFLICT_MARK = "≠"  # above a year whose sources allow no common amount


def _source_scale(sources: list[str]) -> alt.Scale:
    """One colour a source, in order, the palette repeated past its length."""
    repeats = len(sources) // len(SOURCE_COLOURS) + 1
    return alt.Scale(domain=sources, range=(SOURCE_COLOURS * repeats)[:len(sources)])


def _year_labels(frame: pd.DataFrame) -> str:
    """A Vega expression for the year axis: "FY2011" where every figure of that year is
    for a fiscal year, "2011 / FY2011" where they mix, the plain year otherwise."""
    parts = []
    for year, group in frame[frame["reported"]].groupby("year"):
        kinds = set(group["year_type_label"]) - {"—"}
        if kinds == {"fiscal year"}:
            parts.append((int(year), f"FY{int(year)}"))
        elif "fiscal year" in kinds:
            parts.append((int(year), f"{int(year)} / FY{int(year)}"))
    expr = "datum.label"
    for year, label in parts:
        expr = f"datum.value == {year} ? '{label}' : ({expr})"
    return expr


def _year_title(frame: pd.DataFrame) -> str:
    kinds = set(frame["year_type_label"]) - {"—"}
    if kinds == {"fiscal year"}:
        return "Fiscal year"
    return "Year (FY: fiscal year)" if "fiscal year" in kinds else "Year"


def basis_label(base_year: int | None) -> str:
    if base_year is None:
        return "nominal U.S. dollars"
    return f"constant {base_year} U.S. dollars (CPI-U)"


def chart_frame(observations: pd.DataFrame, cpi: Cpi | None = None,
                base_year: int | None = None) -> pd.DataFrame:
    """Observations -> one row per point with the fields the chart and its tooltips need.

    With ``cpi`` and ``base_year`` the values are constant dollars of that year; a year the
    CPI-U table does not cover is not drawn and says why (nothing is extrapolated)."""
    constant = cpi is not None and base_year is not None
    rows = []
    main_purpose = (observations.loc[observations["reported"].fillna(False), "purpose"]
                    .mode())
    main_purpose = main_purpose.iloc[0] if len(main_purpose) else None
    for r in observations.itertuples():
        reported = bool(r.reported)
        nominal, nominal_high = _clean(r.value), _clean(r.value_high)
        value, high = nominal, nominal_high
        conversion = ""
        if constant and reported:
            if r.currency != "USD":
                value, high, conversion = None, None, "constant dollars apply to USD only"
            else:
                value, conversion = cpi.convert(nominal, int(r.year), base_year, r.year_type)
                high, _ = cpi.convert(nominal_high, int(r.year), base_year, r.year_type)
        drawn = reported and value is not None
        sentence = plain_text(str(_clean(r.sentence) or ""))
        quote = ""
        if reported:
            text = str(_clean(r.figure_text) or "")
            at = sentence.find(text) if text else -1
            quote = short_quote(sentence, at, at + len(text), 14) if at >= 0 else text
        purpose = _clean(r.purpose)
        differs = reported and purpose is not None and purpose != main_purpose
        rows.append({
            "series_id": r.series_id,
            "series_label": plain_text(str(r.series_label)),
            "year": int(r.year),
            "year_label": year_label(r.year, _clean(r.year_type)),
            "value": value,
            "value_high": high,
            "nominal": nominal if reported else None,
            "nominal_high": nominal_high if reported else None,
            "qualifier": _clean(r.qualifier),
            "status": r.status,
            "reported": reported,
            "drawn": drawn,
            "gap_label": "" if drawn else ("not reported" if not reported
                                           else "no constant-dollar value"),
            "look": look_of(_clean(r.status), _clean(r.qualifier), drawn),
            "value_label": (amount_with_qualifier(value, _clean(r.qualifier), high,
                                                  r.currency)
                            + (f" ({base_year} dollars)" if constant else "")
                            if drawn else ("not reported in the sources" if not reported
                                           else conversion)),
            "nominal_label": (amount_with_qualifier(nominal, _clean(r.qualifier),
                                                    nominal_high, r.currency)
                              + (f" in {int(r.year)} dollars" if constant else "")
                              if reported else "—"),
            "basis_label": basis_label(base_year if constant else None),
            "conversion": conversion or "—",
            "status_label": STATUS_WORDS.get(str(r.status), str(r.status)),
            "year_type_label": {"fiscal": "fiscal year", "calendar": "calendar year"}.get(
                _clean(r.year_type) or "", "—"),
            "purpose_label": plain_text(str(purpose)) if purpose else "—",
            "credit": _clean(r.attributed_source) or "—",
            "sentence": sentence if reported else (r.missing_reason or ""),
            "quote": quote,
            "purpose_note": f"{STATUS_WORDS.get(str(r.status), '')}: {purpose}" if differs
            else "",
            "figure_id": _clean(r.figure_id),
            "document_id": _clean(r.document_id),
            "source": plain_text(str(_clean(getattr(r, "source", None)) or "—")),
            "role": _clean(getattr(r, "role", None)) or ("shown" if reported else ""),
            "agreement": _clean(getattr(r, "agreement", None)) or "",
            "band_low": _clean(getattr(r, "band_low", None)),
            "band_high": _clean(getattr(r, "band_high", None)),
        })
    frame = pd.DataFrame(rows)
    if frame.empty:
        return frame
    top = frame["value_high"].fillna(frame["value"]).max()
    top = float(top) if pd.notna(top) and top else 1.0
    reach = 0.18 * top
    frame["arrow_end"] = None
    lower = frame["qualifier"] == "lower_bound"
    upper = frame["qualifier"] == "upper_bound"
    frame.loc[lower, "arrow_end"] = frame.loc[lower, "value"] + reach
    frame.loc[upper, "arrow_end"] = (frame.loc[upper, "value"] - reach).clip(lower=0)
    frame["arrow_end"] = frame["arrow_end"].astype("float64")
    frame["baseline"] = 0.0
    frame["label_y"] = 0.06 * top
    frame["band_top"] = frame["band_high"].astype("float64").fillna(
        frame["band_low"].astype("float64") + reach)
    frame["conflict_y"] = top * 1.08
    # one "not reported" band a year, and only for a year no series of the chart gives
    given = set(frame.loc[frame["drawn"], "year"])
    first_gap = ~frame["drawn"] & ~frame.duplicated("year")
    frame["gap_shown"] = first_gap & ~frame["year"].isin(given)
    if int((frame["drawn"] & (frame["role"] == "shown")).sum()) > MAX_QUOTES:
        frame["purpose_note"] = ""  # too many points for notes: the tooltips keep them
    # two sources' figures of one year shown side by side ("$51 million in fiscal year 2011"
    # beside "$50 million from the Pentagon's 2011 budget"): the lower one's quote goes below
    # it, so that the two quotes do not print over each other
    shown = frame["drawn"] & (frame["role"] == "shown")
    rank = frame.loc[shown].groupby("year")["value"].rank(method="first", ascending=False)
    frame["quote_below"] = False
    frame.loc[rank.index, "quote_below"] = (rank > 1).to_numpy()
    return frame.sort_values(["year", "series_id"], kind="stable").reset_index(drop=True)


LINE_QUALIFIERS = ("exact", "approximate")
LINE_STATUSES = ("reported", "estimated", "appropriated", "obligated", "disbursed")


def _segments(frame: pd.DataFrame) -> pd.DataFrame:
    """Pairs of consecutive years in one series whose shown figures are both values (not a
    bound, not a request or proposal): the only places a line is drawn. A line never runs
    across an unreported year, into a bound or into a plan."""
    parts = []
    joinable = (frame["drawn"] & (frame["role"] == "shown")
                & frame["qualifier"].isin(LINE_QUALIFIERS)
                & frame["status"].isin(LINE_STATUSES))
    for series_id, group in frame[joinable].groupby("series_id", sort=True):
        years = set(group["year"])
        for year in sorted(years):
            if year + 1 in years:
                pair = group[group["year"].isin([year, year + 1])].copy()
                pair["segment"] = f"{series_id}:{year}"
                parts.append(pair)
    return pd.concat(parts) if parts else frame.iloc[0:0].assign(segment="")


def _money_axis(title: str = "Funding, nominal U.S. dollars") -> alt.Axis:
    expr = ("abs(datum.value) >= 1e9 ? '$' + format(datum.value / 1e9, '.3~f') + 'B' : "
            "abs(datum.value) >= 1e6 ? '$' + format(datum.value / 1e6, '.3~f') + 'M' : "
            "'$' + format(datum.value, ',.0f')")
    return alt.Axis(labelExpr=expr, title=title, grid=True)


def funding_chart(frame: pd.DataFrame, annotate: bool = False, title: str = "",
                  kind: str = "dots") -> alt.Chart:
    """The main chart: one mark per year, its look saying what kind of figure it is.

    ``kind`` is "dots" (a marker per year) or "bars" (a bar per year; proposals and
    requests hollow). Either way bounds carry arrows and unreported years a grey band.
    """
    # "not reported" is the grey band and its label, never a mark that could read as zero
    present = [look for look in LOOKS if look in set(frame.loc[frame["drawn"], "look"])]
    colors = [LOOKS[k][0] for k in present]
    shapes = [LOOKS[k][1] for k in present]
    fills = [LOOKS[k][0] if LOOKS[k][2] else "#FFFFFF" for k in present]
    years = sorted(frame["year"].unique().tolist())
    x = alt.X("year:O", title=_year_title(frame), scale=alt.Scale(domain=years),
              axis=alt.Axis(labelAngle=0, labelExpr=_year_labels(frame)))
    sources = sorted(set(frame.loc[frame["drawn"], "source"]))
    by_source = 1 < len(sources) <= MAX_SOURCE_COLOURS
    legend = alt.Legend(title="What each mark means", orient="bottom", columns=3,
                        symbolStrokeWidth=2, labelLimit=260)
    if by_source:  # a few sources: colour says which, shape what the words mean
        source_scale = _source_scale(sources)
        color = alt.Color("source:N", title="Source", scale=source_scale,
                          legend=alt.Legend(orient="bottom", columns=1, labelLimit=420))
    else:  # one source: colour and shape both say what the words mean (the key's legend)
        color = alt.Color("look:N", scale=alt.Scale(domain=present, range=colors),
                          legend=None)
    # The look legend comes from a layer of no marks that draws its symbols as the chart
    # draws its marks: hollow where they are hollow, in the look's colour (dark where
    # colour says the source), so the legend can never disagree with the chart.
    ink = ["#1F2933"] * len(present) if by_source else colors
    key_fills = [c if LOOKS[k][2] else "#FFFFFF" for k, c in zip(present, ink, strict=True)]
    key = alt.Chart(frame).transform_filter("false").mark_point(
        size=120, strokeWidth=2, opacity=1, filled=True).encode(
        x=x, y=alt.Y("value:Q"),
        shape=alt.Shape("look:N", scale=alt.Scale(domain=present, range=shapes),
                        legend=legend),
        fill=alt.Fill("look:N", scale=alt.Scale(domain=present, range=key_fills),
                      legend=legend),
        stroke=alt.Stroke("look:N", scale=alt.Scale(domain=present, range=ink),
                          legend=legend),
        tooltip=TOOLTIP)  # no marks to hover; every point layer says what a tooltip holds
    top = float(frame["arrow_end"].fillna(0).max())
    top = max(top, float(frame["value_high"].fillna(frame["value"]).fillna(0).max()))
    y_scale = alt.Scale(zero=True, nice=True, domain=[0, top * 1.12 if top else 1])
    axis = _money_axis(f"Funding, {frame['basis_label'].iloc[0]}")
    base = alt.Chart(frame)
    reported = base.transform_filter("datum.drawn")
    missing = base.transform_filter("datum.gap_shown")

    band = missing.mark_rect(color="#999999", opacity=0.18).encode(
        x=x, tooltip=TOOLTIP)
    # every label fits its year's column (the chart's width over its years), so labels of
    # neighbouring years never run into each other or past the plot, at any screen width
    column = alt.ExprRef(expr=f"max(36, width / {max(len(years), 1)} - 12)")
    band_label = missing.mark_text(color="#555555", fontSize=12, fontStyle="italic",
                                   baseline="bottom", limit=column).encode(
        x=x, y=alt.Y("label_y:Q"), text="gap_label:N", tooltip=TOOLTIP)
    bounds = reported.transform_filter("isValid(datum.arrow_end)").mark_rule(
        strokeWidth=2, strokeDash=[4, 3]).encode(
        x=x, y="value:Q", y2="arrow_end:Q",
        color=color,
        tooltip=TOOLTIP)
    heads = reported.transform_filter("isValid(datum.arrow_end)").mark_point(
        filled=True, size=70, opacity=1).encode(
        x=x, y="arrow_end:Q",
        shape=alt.condition("datum.qualifier == 'lower_bound'", alt.value("triangle-up"),
                            alt.value("triangle-down")),
        color=color,
        tooltip=TOOLTIP)
    ranges = reported.transform_filter("isValid(datum.value_high)").mark_rule(
        strokeWidth=3).encode(
        x=x, y="value:Q", y2="value_high:Q",
        color=color,
        tooltip=TOOLTIP)
    line = alt.Chart(_segments(frame)).mark_line(color="#0072B2", strokeWidth=2).encode(
        x=x, y="value:Q", detail="segment:N")
    fill = (alt.condition(_HOLLOW, alt.value("#FFFFFF"), alt.Fill("source:N", legend=None,
                                                                 scale=source_scale))
            if by_source else
            alt.Fill("look:N", scale=alt.Scale(domain=present, range=fills), legend=None))
    points = base.mark_point(size=170, strokeWidth=2.5, opacity=1).encode(
        x=x,
        y=alt.Y("value:Q", axis=axis, scale=y_scale),
        color=color,
        shape=alt.Shape("look:N", scale=alt.Scale(domain=present, range=shapes),
                        legend=None),
        fill=fill,
        tooltip=TOOLTIP,
    ).transform_filter("datum.drawn")
    agreed = reported.transform_filter("datum.role == 'shown' && isValid(datum.band_low) "
                                       "&& datum.agreement == 'consistent'")
    reconciled = agreed.mark_bar(size=34, color="#0072B2", opacity=0.13).encode(
        x=x, y="band_low:Q", y2="band_top:Q", tooltip=TOOLTIP)
    conflicts = reported.transform_filter(
        "datum.role == 'shown' && datum.agreement == 'conflict'").mark_text(
        color="#B00020", fontSize=18, fontWeight="bold", baseline="bottom").encode(
        x=x, y=alt.Y("conflict_y:Q"), text=alt.value(CONFLICT_MARK), tooltip=TOOLTIP)
    if kind == "bars":
        bars = reported.mark_bar(size=46, strokeWidth=2.5).encode(
            x=x,
            y=alt.Y("value:Q", axis=axis, scale=y_scale),
            color=color,
            fill=alt.Fill("look:N", scale=alt.Scale(domain=present, range=fills),
                          legend=None),
            stroke=alt.Stroke("look:N", scale=alt.Scale(domain=present, range=colors),
                              legend=None),
            tooltip=TOOLTIP,
        )
        layers = [band, band_label, reconciled, bars, bounds, ranges, heads, conflicts, key]
    else:
        layers = [band, band_label, reconciled, line, bounds, ranges, heads, points,
                  conflicts, key]
    # an upward arrow, or a higher figure of the same year above: the quote goes below
    below = "(datum.qualifier == 'lower_bound' || datum.quote_below)"
    for test, dy in ((f"!({below})", 26), (below, 26 + (14 if annotate else 0))):
        layers.append(reported.transform_filter(f"datum.purpose_note != '' && {test}")
                      .mark_text(dy=dy, fontSize=11, color="#8A4B00", limit=column)
                      .encode(x=x, y="value:Q", text="purpose_note:N"))
    if annotate and int((frame["drawn"] & (frame["role"] == "shown")).sum()) <= MAX_QUOTES:
        # Quotes sit above each point; below it where an upward arrow takes the space.
        # one quote a year: the shown figure's (the others' are in their tooltips)
        quoted = reported.transform_filter("datum.role == 'shown'")
        for test, dy in ((f"!({below})", -22), (below, 26)):
            layers.append(quoted.transform_filter(test).mark_text(
                dy=dy, fontSize=11, color="#1F2933", limit=column).encode(
                x=x, y="value:Q", text=alt.Text("quote:N"), tooltip=TOOLTIP))
    # the key's fill and stroke scales are its own (the marks' fill may say the source)
    chart = alt.layer(*layers).resolve_scale(
        fill="independent", stroke="independent", shape="independent",
    ).properties(height=380, width="container")
    if title:
        chart = chart.properties(title=alt.TitleParams(title, anchor="start"))
    return chart.configure_view(stroke=None).configure_axis(labelFontSize=12, titleFontSize=12)


def describe(frame: pd.DataFrame, subject: str) -> str:
    """Alt text: what the chart shows, in words, from the same rows."""
    if frame.empty:
        return f"{subject}: no figures to chart."
    years = frame["year"]
    parts = [f"Chart of {subject} by year, {years.min()}–{years.max()}, in "
             f"{frame['basis_label'].iloc[0]}."]
    several = frame.loc[frame["drawn"], "source"].nunique() > 1
    for r in frame.itertuples():
        if not r.reported:
            parts.append(f"{r.year}: not reported in the sources (no value drawn).")
            continue
        if not r.drawn:
            parts.append(f"{r.year_label}: reported as {r.nominal_label}; {r.value_label} "
                         "(not drawn).")
            continue
        bits = [r.status_label]
        if r.year_type_label != "—":
            bits.append(r.year_type_label)
        if r.purpose_label != "—":
            bits.append(r.purpose_label)
        if several:
            bits.append(f"{r.source}" + (f", {r.agreement}" if r.role == "shown"
                                         and r.agreement not in ("", "one figure") else ""))
        parts.append(f"{r.year_label}: {r.value_label} ({', '.join(bits)}).")
    return " ".join(parts)


def compare_chart(table: pd.DataFrame) -> alt.FacetChart:
    """Sources side by side: for each series (a row of panels) and year, one mark per
    source in its own colour, shaped by what its words mean, with a vertical line over the
    amounts those words allow (an arrow where they set no upper end)."""
    frame = table.copy()
    frame["series"] = [plain_text(f"{f} → {r}" + (f": {p}" if p != "—" else ""))
                       for f, r, p in zip(frame["funder"], frame["recipient"],
                                          frame["purpose"], strict=True)]
    frame["look"] = [look_of(s, q, True) for s, q in zip(frame["status"], frame["qualifier"],
                                                           strict=True)]
    frame["sentence"] = frame["sentence"].map(lambda s: plain_text(str(s)))
    top = float(frame[["value", "interval_high"]].max(axis=1).max() or 1.0)
    frame["open_high"] = frame["interval_high"].isna()
    frame["rule_high"] = frame["interval_high"].fillna(frame["value"] + 0.15 * top)
    frame["reported"] = True
    frame["year_type_label"] = ["fiscal year" if str(label).startswith("FY") else
                                "calendar year" for label in frame["year_label"]]
    x = alt.X("year:O", title=_year_title(frame),
              axis=alt.Axis(labelAngle=0, labelExpr=_year_labels(frame)))
    offset = alt.XOffset("source:N")
    sources = sorted(set(frame["source"]))
    color = alt.Color("source:N", title="Source",
                      scale=_source_scale(sources),
                      legend=alt.Legend(orient="bottom", labelLimit=320))
    tooltip = [alt.Tooltip("source:N", title="Source"),
               alt.Tooltip("figure:N", title="Figure"),
               alt.Tooltip("year_label:N", title="Year"),
               alt.Tooltip("status:N", title="Status"),
               alt.Tooltip("role:N", title="Role"),
               alt.Tooltip("agreement:N", title="Sources"),
               alt.Tooltip("sentence:N", title="Source sentence")]
    y = alt.Y("value:Q", title="Amount", axis=_money_axis("Amount, nominal"))
    base = alt.Chart()  # the data sit on the layer, as faceting needs
    rules = base.mark_rule(strokeWidth=3, opacity=0.6).encode(
        x=x, xOffset=offset, y=y, y2="rule_high:Q", color=color, tooltip=tooltip)
    arrows = base.transform_filter("datum.open_high").mark_point(
        shape="triangle-up", filled=True, size=60).encode(
        x=x, xOffset=offset, y="rule_high:Q", color=color, tooltip=tooltip)
    points = base.mark_point(size=120, filled=True, opacity=1).encode(
        x=x, xOffset=offset, y=y, color=color, tooltip=tooltip,
        shape=alt.Shape("look:N", title="What the words mean",
                        scale=alt.Scale(domain=[k for k in LOOKS if k in set(frame["look"])],
                                        range=[v[1] for k, v in LOOKS.items()
                                               if k in set(frame["look"])])))
    return (alt.layer(rules, arrows, points, data=frame)
            .properties(height=200, width=820)
            .facet(row=alt.Row("series:N", title=None,
                               header=alt.Header(labelAngle=0, labelAlign="left",
                                                 labelAnchor="start", labelOrient="top")))
            .resolve_scale(y="independent"))


@dataclass(frozen=True)
class Headline:
    """What the Overview's one row of metrics says."""

    latest: object | None  # the frame row of the latest value shown
    change: tuple[object, object, float, str] | None  # first, last, ratio, its bound
    n_sources: int
    n_conflicts: int


def headline(frame: pd.DataFrame) -> Headline:
    """The latest value, the change between the first and last years of the main series
    (values only: never to or from a request or a proposal), sources and conflicts."""
    if frame.empty:
        return Headline(None, None, 0, 0)
    drawn = frame[frame["drawn"]]
    values = drawn[(drawn["role"] == "shown") & drawn["status"].isin(LINE_STATUSES)]
    latest = change = None
    if len(values):
        latest = values.sort_values(["year", "series_id"], kind="stable").iloc[-1]
        main = values.groupby("series_id").size().sort_values(
            ascending=False, kind="stable").index[0]
        series = values[values["series_id"] == main].sort_values("year", kind="stable")
        first, last = series.iloc[0], series.iloc[-1]
        if first["year"] != last["year"] and first["value"]:
            change = (first, last, float(last["value"]) / float(first["value"]),
                      ratio_qualifier(first["qualifier"], last["qualifier"]))
    shown = frame[frame["role"] == "shown"]
    return Headline(latest, change, int(drawn["document_id"].nunique()),
                    int((shown["agreement"] == "conflict").sum()))


@dataclass(frozen=True)
class ChartText:
    """The words a chart carries wherever it goes (on the page, in PNG, SVG and embeds):
    what it shows, in which dollars, whose figures, what its marks mean, which data."""

    title: str
    subtitle: str
    source: str
    notes: tuple[str, ...]
    version: str
    link: str

    def footer(self) -> list[str]:
        lines = [f"Source: {self.source}."] if self.source else []
        lines += list(self.notes)
        lines += [f"Data: {DATASET}, version {self.version}.", f"View: {self.link}"]
        return lines


_NOTE_WORDS = {
    "hollow": "Hollow marks: money requested, proposed or authorized, not money provided.",
    "bound": "Arrow: the source gives a bound (\u201cmore than\u201d, \u201cless than\u201d); "
             "the amount lies beyond the mark.",
    "band": "Shaded bar: the range that every source's words allow.",
    "gap": "Grey band: a year no source reports (not a zero).",
    "conflict": f"{CONFLICT_MARK}: the sources' figures for that year allow no common amount.",
}


def chart_text(frame: pd.DataFrame, subject: str, credit: str, base_year: int | None,
               version: str, link: str) -> ChartText:
    """The chart's title, subtitle, source line and notes, from the rows it draws."""
    shown = frame[frame["drawn"]] if len(frame) else frame
    looks = set(shown["look"]) if len(shown) else set()
    notes = []
    if looks & set(HOLLOW_LOOKS):
        notes.append(_NOTE_WORDS["hollow"])
    if len(shown) and shown["qualifier"].isin(["lower_bound", "upper_bound"]).any():
        notes.append(_NOTE_WORDS["bound"])
    if len(shown) and ((shown["agreement"] == "consistent") & shown["band_low"].notna()).any():
        notes.append(_NOTE_WORDS["band"])
    if len(frame) and frame["gap_shown"].any():
        notes.append(_NOTE_WORDS["gap"])
    if len(shown) and (shown["agreement"] == "conflict").any():
        notes.append(_NOTE_WORDS["conflict"])
    if base_year is not None:
        notes.append(f"Constant {base_year} dollars: CPI-U, U.S. Bureau of Labor Statistics; "
                     "fiscal years converted with the calendar-year average of the same "
                     "number.")
        subtitle = f"Constant {base_year} U.S. dollars (adjusted for inflation with the CPI-U)"
    else:
        subtitle = "Nominal U.S. dollars, as the sources report them"
    return ChartText(title=subject, subtitle=subtitle, source=credit, notes=tuple(notes),
                     version=version, link=link)


FOOTER_CHARS = 150  # characters a footer line holds at the export width
FOOTER_LINE_PX = 15


def publishable(spec: dict, text: ChartText, width: int = 900) -> dict:
    """The chart as a file carries it: ``spec`` at ``width`` pixels under its title and
    subtitle, with the source line, the notes and the data version and link below."""
    import copy
    import textwrap

    inner = copy.deepcopy(spec)
    top = {key: inner.pop(key) for key in ("$schema", "config", "datasets") if key in inner}
    inner["width"] = width
    lines = [part for line in text.footer()
             for part in textwrap.wrap(line, FOOTER_CHARS, break_long_words=True)]
    footer = {
        "data": {"values": [{"n": i, "line": line} for i, line in enumerate(lines)]},
        "mark": {"type": "text", "align": "left", "baseline": "top", "fontSize": 11,
                 "color": "#333333", "limit": width},
        "encoding": {"x": {"value": 0},
                     "y": {"field": "n", "type": "ordinal", "axis": None},
                     "text": {"field": "line", "type": "nominal"}},
        "width": width, "height": FOOTER_LINE_PX * len(lines),
    }
    return {**top,
            "title": {"text": text.title, "subtitle": text.subtitle, "anchor": "start",
                      "fontSize": 16, "subtitleFontSize": 12, "subtitleColor": "#333333"},
            "vconcat": [inner, footer], "spacing": 14, "padding": 12}


def chart_data(frame: pd.DataFrame) -> pd.DataFrame:
    """The chart's data as a table, in the dollars the chart shows (with the nominal amount
    the source gave beside it): one row per figure drawn or year left unreported."""
    if frame.empty:
        return pd.DataFrame()
    out = pd.DataFrame({
        "year": frame["year"],
        "year_type": frame["year_type_label"].replace("—", None),
        "value": frame["value"].astype("Float64"),
        "value_high": frame["value_high"].astype("Float64"),
        "dollars": frame["basis_label"],
        "nominal_as_reported": frame["nominal"].astype("Float64"),
        "nominal_high_as_reported": frame["nominal_high"].astype("Float64"),
        "qualifier": frame["qualifier"],
        "status": frame["status"].where(frame["reported"]),
        "reported": frame["reported"],
        "source": frame["source"].replace("—", None),
        "role": frame["role"].replace("", None),
        "agreement": frame["agreement"].replace("", None),
        "conversion": frame["conversion"].replace("—", None),
        "sentence": frame["sentence"],
        "figure_id": frame["figure_id"],
        "document_id": frame["document_id"],
    })
    return out.reset_index(drop=True)


def picture(spec: dict, width: int, height: int) -> str:
    """The chart drawn on the server as an SVG ``data:`` URI, ``width`` by ``height``
    pixels in all (axes and legend included, as the page fits the chart): shown at once
    while the browser loads the interactive chart, which then takes its place
    (``dashboard.style``). An ``<img>`` runs no script, and vl-convert escapes every text
    it draws."""
    import base64

    import vl_convert as vlc

    # (no ARIA labels on its marks: an image's text is its alt text, and a label per mark,
    # each with its tooltip's words, made the picture of 10,000 documents' series 3.4
    # times the size, 724 KB against 215 KB; the interactive chart keeps them)
    drawn = {**spec, "width": width, "height": height,
             "autosize": {"type": "fit", "contains": "padding"},
             "config": {**spec.get("config", {}), "aria": False}}
    svg = vlc.vegalite_to_svg(drawn).encode("utf-8")
    return "data:image/svg+xml;base64," + base64.b64encode(svg).decode("ascii")
