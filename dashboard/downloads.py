"""Download buttons: tables in four formats (displayed and full), the ZIP bundle, and
charts as PNG, SVG and Vega-Lite JSON. Files are made on click (deferred), named with the
dataset, its version and what they hold."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass

import altair as alt
import pandas as pd
import streamlit as st

from dashboard.limits import (
    EXPORTS_PER_MINUTE,
    ROWS_DOWNLOADED,
    message,
    session_id,
    take,
    wait_seconds,
)
from etl.export import FORMATS, MIME, bundle_zip, file_name, table_bytes

EXPORT_WIDTH = 900


def chart_spec(chart: alt.Chart | dict) -> dict:
    """The chart's Vega-Lite spec with a fixed width, as files need one (a chart made
    publishable, ``dashboard.charts.publishable``, has its width already)."""
    spec = dict(chart if isinstance(chart, dict) else chart.to_dict())
    if "vconcat" not in spec:
        spec["width"] = EXPORT_WIDTH
    return spec


def chart_bytes(chart: alt.Chart | dict, fmt: str) -> bytes:
    import vl_convert as vlc

    spec = chart_spec(chart)
    if fmt == "png":
        return vlc.vegalite_to_png(spec, scale=2)
    if fmt == "svg":
        return vlc.vegalite_to_svg(spec).encode("utf-8")
    if fmt == "vl.json":
        return (json.dumps(spec, indent=2, ensure_ascii=False) + "\n").encode("utf-8")
    raise ValueError(fmt)


def _button(col, label: str, make: Callable[[], bytes], name: str, ext: str, key: str,
            disabled: bool = False) -> None:
    col.download_button(label, data=make, file_name=name, mime=MIME[ext], key=key,
                        on_click="ignore", width="stretch", disabled=disabled)


def _limited(make: Callable[[], bytes], session: str) -> Callable[[], bytes]:
    """``make``, counted against the visitor's export limit when the file is made."""
    def counted() -> bytes:
        take(EXPORTS_PER_MINUTE, session)
        return make()
    return counted


def _export_wait(session: str) -> float:
    """Seconds until this visitor may export again; says so on the page when not 0."""
    wait = wait_seconds(EXPORTS_PER_MINUTE, session)
    if wait:
        st.caption(message(EXPORTS_PER_MINUTE, wait))
    return wait


@dataclass(frozen=True)
class Rows:
    """Rows a download will hold: how many, and how to read them when a button is pressed
    (the Data page queries them from the published file then, not before)."""

    count: int
    read: Callable[[], pd.DataFrame]


def table_downloads(title: str, what: str, displayed: pd.DataFrame | Rows,
                    full: pd.DataFrame | Rows | None, version: str, key: str) -> None:
    """A row of buttons per scope (as displayed, and in full unless ``full`` is None):
    CSV, JSON, XLSX, Parquet."""
    st.markdown(f"**Download {title}**")
    cap = ROWS_DOWNLOADED.value()
    scopes = [("displayed", displayed)] + ([("full", full)] if full is not None else [])
    for scope, rows in scopes:
        if isinstance(rows, pd.DataFrame):
            rows = Rows(len(rows), lambda df=rows: df)
        cols = st.columns([1.3, 1, 1, 1, 1])
        too_many = rows.count > cap
        cols[0].caption(f"{scope.capitalize()} data ({rows.count} rows)" + (
            f": over the {cap:,} rows one download may hold ({ROWS_DOWNLOADED.variable}); "
            "filter, or take the ZIP bundle" if too_many else ""))
        for col, fmt in zip(cols[1:], FORMATS, strict=True):
            _button(col, fmt.upper(),
                    lambda read=rows.read, fmt=fmt: table_bytes(read(), fmt, what),
                    file_name(version, what, scope, fmt), fmt, f"dl-{key}-{scope}-{fmt}",
                    disabled=too_many)


def bundle_download(tidy, version: str, view: str, key: str = "dl-bundle") -> None:
    """The ZIP of every table; its README names the ``view`` (a link) it came from."""
    def make() -> bytes:
        return bundle_zip(tidy, view=view)

    session = session_id()
    wait = _export_wait(session)
    st.download_button("All tables as a ZIP (CSV, datapackage.json, README with citation)",
                       data=_limited(make, session),
                       file_name=file_name(version, "all-tables", "", "zip"),
                       mime=MIME["zip"], key=key, on_click="rerun", disabled=bool(wait))


def chart_downloads(chart: alt.Chart | dict, what: str, version: str) -> None:
    session = session_id()
    wait = _export_wait(session)
    cols = st.columns([1.3, 1, 1, 1, 1])
    cols[0].caption("This chart")
    for col, (fmt, label) in zip(cols[1:], [("png", "PNG"), ("svg", "SVG"),
                                            ("vl.json", "Vega-Lite")], strict=False):
        make = lambda fmt=fmt: chart_bytes(chart, fmt)  # noqa: E731
        image = fmt in {"png", "svg"}  # rendering an image is the costly part
        _button(col, label, _limited(make, session) if image else make,
                file_name(version, what, "chart", fmt), fmt, f"dl-chart-{fmt}",
                disabled=bool(wait) and image)
