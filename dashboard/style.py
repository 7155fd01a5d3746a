"""The dashboard's one stylesheet, a constant (no visitor's text ever reaches it).

The chart is drawn twice in one box: a picture made on the server, which the browser shows
as soon as it arrives, and the interactive chart, whose code takes a second or more to load
in a new browser. Once the interactive chart has drawn its marks, the picture is hidden and
the interactive chart is in its place.
"""

from __future__ import annotations

import streamlit as st

CHART_BOX = "chartbox"  # the key of the container holding both (class st-key-chartbox)
CHART_HEIGHT = 460  # pixels, the interactive chart's and the picture's
CHART_WIDTH = 1240  # pixels the page gives the chart in a 1400-pixel window
DRAWN = '[data-testid="stVegaLiteChart"] svg.marks'  # the interactive chart has drawn

CSS = f"""
.st-key-{CHART_BOX} {{ position: relative; }}
.st-key-{CHART_BOX} [data-testid="stMarkdown"] img {{
  width: 100%; height: {CHART_HEIGHT}px; object-fit: contain; object-position: left top;
}}
.st-key-{CHART_BOX}:not(:has({DRAWN})) > [data-testid="stElementContainer"]:last-child {{
  position: absolute; top: 0; left: 0; width: 100%; visibility: hidden;
}}
.st-key-{CHART_BOX}:has({DRAWN}) > [data-testid="stElementContainer"]:first-child {{
  display: none;
}}
"""


def apply() -> None:
    """Add the stylesheet to the page (it takes no space)."""
    st.html(f"<style>{CSS}</style>")
