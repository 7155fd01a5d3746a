"""Chart builders: pure functions from DataFrames to ``alt.Chart`` and to words.

The funding chart gives each kind of figure its own look, so that meaning travels with
the number: an estimate, a lower bound (a marker with an open-ended arrow upward), a
proposal (hollow), a year nobody reported (a grey band labelled "not reported", with no
line through it). Colours are the Okabe-Ito palette, safe for colour-blind readers.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from dashboard.formatting import STATUS_WORDS, amount_with_qualifier, plain_text, short_quote
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
    "Requested": ("#CC79A7", "square", False),
    "Proposed": ("#E69F00", "diamond", False),
    "Not reported": ("#999999", "cross", True),
}
_QUALIFIER_LOOK = {"lower_bound": "Lower bound (more than)",
                   "upper_bound": "Upper bound (less than)", "range": "Range",
                   "approximate": "Approximate"}
_STATUS_LOOK = {"estimated": "Estimate", "appropriated": "Appropriated",
                "reported": "Reported"}
TOOLTIP = [
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
            "year_label": f"{'FY' if r.year_type == 'fiscal' else ''}{int(r.year)}",
            "value": value,
            "value_high": high,
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
    return frame.sort_values(["year", "series_id"], kind="stable").reset_index(drop=True)


def _segments(frame: pd.DataFrame) -> pd.DataFrame:
    """Pairs of consecutive reported years in one series: the only places a line is drawn."""
    parts = []
    for series_id, group in frame[frame["drawn"]].groupby("series_id", sort=True):
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
    present = [look for look in LOOKS if look in set(frame["look"])]
    colors = [LOOKS[k][0] for k in present]
    shapes = [LOOKS[k][1] for k in present]
    fills = [LOOKS[k][0] if LOOKS[k][2] else "#FFFFFF" for k in present]
    years = sorted(frame["year"].unique().tolist())
    x = alt.X("year:O", title="Year", scale=alt.Scale(domain=years),
              axis=alt.Axis(labelAngle=0))
    legend = alt.Legend(title="What each mark means", orient="bottom", columns=3,
                        symbolStrokeWidth=2, labelLimit=260)
    color = alt.Color("look:N", scale=alt.Scale(domain=present, range=colors), legend=legend)
    top = float(frame["arrow_end"].fillna(0).max())
    top = max(top, float(frame["value_high"].fillna(frame["value"]).fillna(0).max()))
    y_scale = alt.Scale(zero=True, nice=True, domain=[0, top * 1.12 if top else 1])
    axis = _money_axis(f"Funding, {frame['basis_label'].iloc[0]}")
    base = alt.Chart(frame)
    reported = base.transform_filter("datum.drawn")
    missing = base.transform_filter("!datum.drawn")

    band = missing.mark_rect(color="#999999", opacity=0.18).encode(
        x=x, tooltip=TOOLTIP)
    band_label = missing.mark_text(color="#555555", fontSize=12, fontStyle="italic",
                                   baseline="bottom").encode(
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
    points = base.mark_point(size=170, strokeWidth=2.5, opacity=1).encode(
        x=x,
        y=alt.Y("value:Q", axis=axis, scale=y_scale),
        color=color,
        shape=alt.Shape("look:N", scale=alt.Scale(domain=present, range=shapes),
                        legend=legend),
        fill=alt.Fill("look:N", scale=alt.Scale(domain=present, range=fills), legend=legend),
        tooltip=TOOLTIP,
    ).transform_calculate(value="datum.drawn ? datum.value : datum.baseline")
    if kind == "bars":
        bars = reported.mark_bar(size=46, strokeWidth=2.5).encode(
            x=x,
            y=alt.Y("value:Q", axis=axis, scale=y_scale),
            color=color,
            fill=alt.Fill("look:N", scale=alt.Scale(domain=present, range=fills),
                          legend=legend),
            stroke=alt.Stroke("look:N", scale=alt.Scale(domain=present, range=colors),
                              legend=legend),
            tooltip=TOOLTIP,
        )
        layers = [band, band_label, bars, bounds, ranges, heads]
    else:
        layers = [band, band_label, line, bounds, ranges, heads, points]
    notes = reported.transform_filter("datum.purpose_note != ''").mark_text(
        dy=26, fontSize=11, color="#8A4B00").encode(x=x, y="value:Q", text="purpose_note:N")
    layers.append(notes)
    if annotate:
        # Quotes sit above each point; below it where an upward arrow takes the space.
        for test, dy in (("datum.qualifier != 'lower_bound'", -22),
                         ("datum.qualifier == 'lower_bound'", 26)):
            layers.append(reported.transform_filter(test).mark_text(
                dy=dy, fontSize=11, color="#1F2933", limit=240).encode(
                x=x, y="value:Q", text=alt.Text("quote:N"), tooltip=TOOLTIP))
    chart = alt.layer(*layers).properties(height=380, width="container")
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
        parts.append(f"{r.year_label}: {r.value_label} ({', '.join(bits)}).")
    return " ".join(parts)
