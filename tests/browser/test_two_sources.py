"""Two sources in a real browser (issue 11): the Overview draws both, each in its colour,
the conflict marked; Compare draws them side by side."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from browserkit import (
    CHART_SVG,
    ROOT,
    SECOND_SOURCE,
    screenshot,
    seeded_data,
    streamlit_server,
    tooltip_with,
)
from helpers import SEED_ID
from playwright.sync_api import Browser

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    data = seeded_data(tmp_path_factory.mktemp("two"), sources=SECOND_SOURCE)
    with streamlit_server(ROOT / "dashboard" / "app.py", data_dir=data) as base:
        yield base


def test_overview_and_compare_show_both_sources(browser: Browser, url: str) -> None:
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    page = context.new_page()
    page.goto(url + "/")
    chart = page.locator(CHART_SVG).first
    chart.wait_for(timeout=60_000)
    svg_text = " ".join(page.locator(f"{CHART_SVG} text").all_text_contents())
    assert "Test Wire, 2011-03-01" in svg_text and "The Washington Post, 2010-11-11" in svg_text
    assert "≠" in svg_text  # 2008: $12.2 million against $15 million
    assert "$15 million" in tooltip_with(page, "Test Wire")
    metrics = page.locator('[data-testid="stMetric"]')
    assert metrics.count() <= 6
    screenshot(page, "two-sources-overview")
    page.goto(url + "/compare")
    page.wait_for_selector("text=1 conflict", timeout=30_000)
    page.locator(CHART_SVG).first.wait_for(timeout=30_000)
    svg_text = " ".join(page.locator(f"{CHART_SVG} text").all_text_contents())
    assert "Test Wire, 2011-03-01" in svg_text
    screenshot(page, "two-sources-compare")
    context.close()


def test_sources_picker_lists_titles_and_the_link_keeps_the_id(browser: Browser,
                                                                url: str) -> None:
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    page = context.new_page()
    page.goto(url + "/sources")  # the first source by id: the second article
    page.wait_for_selector("h3:has-text('Pentagon widens Mexico role')", timeout=60_000)
    picker = page.locator('[data-testid="stSelectbox"]').filter(has_text="Source").first
    picker.click()
    title = ("Military is broadening U.S. effort to help Mexico battle its drug cartels · "
             "The Washington Post, 2010-11-11")
    page.get_by_role("option", name=title).click()
    page.wait_for_function("d => new URLSearchParams(location.search).get('doc') === d",
                           arg=SEED_ID, timeout=30_000)
    page.wait_for_selector("h3:has-text('Military is broadening')", timeout=30_000)
    page.get_by_text("Share this view").click()
    shared = page.locator('[data-testid="stCode"]').first
    shared.wait_for(timeout=30_000)
    assert f"doc={SEED_ID}" in shared.inner_text()
    screenshot(page, "two-sources-sources-picker")
    context.close()
