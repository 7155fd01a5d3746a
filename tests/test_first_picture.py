"""The Overview's first picture (issue 15, fast first chart): the chart drawn on the
server, sent before the controls, for the look the link asks for; it follows the widgets
on a rerun; the table and the download buttons are made only when opened."""

from __future__ import annotations

import base64
import json
import xml.etree.ElementTree as ET

import pandas as pd
from helpers import run_app

from dashboard.charts import chart_frame, funding_chart, picture
from etl.schema import TABLES

PREFIX = "data:image/svg+xml;base64,"


def svg_of(markdown: str) -> str:
    uri = markdown[markdown.index("](") + 2 : -1]
    assert uri.startswith(PREFIX)
    return base64.b64decode(uri[len(PREFIX):]).decode("utf-8")


def pictures(at) -> list[str]:
    return [m.value for m in at.markdown if PREFIX in m.value]


def test_picture_escapes_what_it_draws() -> None:
    base = {name: None for name in TABLES["observations"].names}
    hostile = "<script>alert(1)</script> gave $5 million"
    rows = [{**base, "series_id": "s", "series_label": "S", "currency": "USD", "year": 2010,
             "value": 5e6, "qualifier": "exact", "status": "reported", "reported": True,
             "sentence": hostile, "figure_text": "$5 million", "figure_start": 33,
             "figure_end": 43, "document_id": "d", "figure_id": "fig-0000000000"}]
    spec = funding_chart(chart_frame(pd.DataFrame(rows)), annotate=True).to_dict()
    uri = picture(spec, 900, 460)
    svg = base64.b64decode(uri[len(PREFIX):]).decode("utf-8")
    root = ET.fromstring(svg)  # well-formed: every text escaped
    assert root.get("width") == "900" and root.get("height") == "460"
    assert not [e for e in root.iter() if e.tag.endswith("script")]
    assert not [k for e in root.iter() for k in e.attrib if k.lower().startswith("on")]
    assert "<script>" not in svg
    texts = " ".join("".join(e.itertext()) for e in root.iter() if e.tag.endswith("text"))
    assert "2010" in texts and "$5M" in texts


def test_the_picture_comes_before_the_controls_and_shows_the_links_look() -> None:
    at = run_app(query={"chart": "bars", "basis": "constant", "base": "2010"})
    assert not at.exception
    # the picture is the page's first markdown, sent before any widget of the page
    assert at.markdown[0].value.startswith("![Chart\\: Department of Defense funding")
    svg = svg_of(pictures(at)[0])
    assert "constant 2010 U.S. dollars" in svg  # the axis as the link's look draws it
    # the interactive chart draws the same look
    spec = json.loads(at.get("vega_lite_chart")[0].proto.spec)
    assert "constant 2010" in json.dumps(spec)


def test_the_picture_follows_the_widgets() -> None:
    at = run_app()
    dots = pictures(at)
    assert len(dots) == 1
    at.get("button_group")[0].set_value("bars").run()  # the Chart control
    bars = pictures(at)
    assert len(bars) == 1 and bars != dots
    # the same picture a link to that look gets first
    assert bars == pictures(run_app(query={"chart": "bars"}))


def test_table_and_downloads_are_made_when_opened() -> None:
    at = run_app()
    assert not at.dataframe and not at.get("download_button")
    at.session_state["tab"] = "Table"
    at.session_state["downloads"] = True
    at.run()
    assert not at.exception
    assert len(at.dataframe) == 1
    assert "Source sentence" in at.dataframe[0].value.columns
    assert {b.label for b in at.get("download_button")} >= {"PNG", "SVG"}
