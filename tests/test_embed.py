"""The embed view (issue 15): ``?only=chart`` shows the chart alone with its source line and
a link to the full view, read from the link as every view is; the Share box gives the
iframe snippet."""

from __future__ import annotations

import json

from helpers import markdown_text, run_app


def test_chart_alone_with_its_source_line() -> None:
    at = run_app(query={"only": "chart", "basis": "constant", "base": "2010", "chart": "bars"})
    assert not at.exception
    assert len(at.selectbox) == 0 and len(at.toggle) == 0 and len(at.metric) == 0
    charts = at.get("vega_lite_chart")
    assert len(charts) == 1
    spec = json.loads(charts[0].proto.spec)
    assert any(layer["mark"]["type"] == "bar" for layer in spec["layer"])  # chart=bars
    assert "constant 2010" in json.dumps(spec)  # basis and base year from the link
    caption = " ".join(c.value for c in at.caption).replace("\\", "")  # markdown escapes
    assert "Source: GAO estimates, via The Washington Post, 2010-11-11" in caption
    assert "Constant 2010 U.S. dollars" in caption
    link = markdown_text(at)
    assert "Open this view in full" in link and "basis=constant" in link
    assert "only=chart" not in link


def test_a_bad_link_still_gives_a_chart() -> None:
    at = run_app(query={"only": "chart", "view": "<b>nobody</b>", "base": "1066"})
    assert not at.exception
    assert len(at.get("vega_lite_chart")) == 1


def test_share_box_gives_the_iframe() -> None:
    at = run_app()
    snippets = [c.value for c in at.code if c.value.startswith("<iframe")]
    assert len(snippets) == 1
    assert "only=chart&embed=true" in snippets[0] and 'title="Chart"' in snippets[0]
    at = run_app("data")
    assert not [c.value for c in at.code if c.value.startswith("<iframe")]
