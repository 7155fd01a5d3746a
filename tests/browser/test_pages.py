"""Each page in a real browser against a real server: loads, chart, tooltip, highlights."""

from __future__ import annotations

import pytest
from browserkit import CHART_SVG, screenshot, tooltip_with
from playwright.sync_api import Page, expect

SENTENCE = ("The Pentagon's counternarcotics funding for Mexico has nearly tripled, from $12.2 "
            "million in 2008 to more than $34 million in 2010, according to estimates by the "
            "Government Accountability Office.")

pytestmark = pytest.mark.browser


@pytest.mark.parametrize(
    ("path", "name", "ready"),
    [("/", "overview", CHART_SVG),
     ("/sources", "sources", "text=Figures in this source"),
     ("/data", "data", '[data-testid="stDataFrame"]'),
     ("/claims", "claims", "text=Claims and how they check out")],
)
def test_page_loads(page: Page, base_url: str, path: str, name: str, ready: str) -> None:
    page.goto(base_url + path)
    page.wait_for_selector(ready, timeout=30_000)
    page.wait_for_timeout(500)
    assert page.locator('[data-testid="stException"]').count() == 0
    shot = screenshot(page, name)
    assert shot.stat().st_size > 10_000


def test_hovering_2010_shows_its_sentence(page: Page, base_url: str) -> None:
    page.goto(base_url + "/")
    hit = tooltip_with(page, "more than $34 million")
    assert "2010" in hit
    assert SENTENCE in " ".join(hit.split())
    screenshot(page, "overview-tooltip-2010")


def test_sources_highlights_each_figure(page: Page, base_url: str) -> None:
    page.goto(base_url + "/sources")
    page.wait_for_selector("text=Figures in this source", timeout=30_000)
    marks = page.locator(".stMarkdownColoredBackground strong")
    expect(marks).to_have_count(3)
    assert [m.inner_text() for m in marks.all()] == ["$12.2 million", "$34 million",
                                                      "$50 million"]
