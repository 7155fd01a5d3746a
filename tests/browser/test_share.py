"""Share links in a real browser: the link reproduces the view; Back is never trapped."""

from __future__ import annotations

import re

import pytest
from browserkit import (
    CHART_SVG,
    QUOTES_HIDDEN,
    QUOTES_SHOWN,
    screenshot,
    wait_for_chart,
    wait_for_chart_html,
)
from playwright.sync_api import Browser, Page, expect

pytestmark = pytest.mark.browser


def test_shared_link_reproduces_the_view(page: Page, browser: Browser, base_url: str) -> None:
    page.goto(base_url + "/")
    default_markup = wait_for_chart(page, QUOTES_SHOWN)
    page.get_by_role("radio", name="bars").click()
    expect(page).to_have_url(re.compile(r"chart=bars"))
    page.get_by_text("Quotes", exact=True).click()
    expect(page).to_have_url(re.compile(r"notes=false"))
    # bars drawn (one more layer of rectangles than the dots view) and the quotes gone
    rects = default_markup.count("mark-rect")
    markup = wait_for_chart(page, f"{QUOTES_HIDDEN} "
                            f"&& html.split('mark-rect').length - 1 > {rects}")
    assert markup != default_markup
    page.get_by_role("button", name="Share this view").click()
    shared = page.locator('[data-testid="stPopoverBody"] code').first.inner_text().strip()
    assert "chart=bars" in shared and "notes=false" in shared and "v=" in shared
    screenshot(page, "share-popover")

    fresh = browser.new_context(viewport={"width": 1400, "height": 1400})
    other = fresh.new_page()
    other.goto(shared)
    assert wait_for_chart_html(other, markup) == markup
    expect(other.get_by_role("radio", name="bars")).to_have_attribute("aria-checked", "true")
    expect(other.get_by_role("switch")).not_to_be_checked()
    assert other.locator('[data-testid="stAlert"]').count() == 0  # same data version
    fresh.close()

    # the embed snippet: the same chart alone, no controls, its source line under it
    snippet = page.locator('[data-testid="stPopoverBody"] code').nth(1).inner_text()
    src = re.search(r'src="([^"]+)"', snippet).group(1)
    assert "only=chart" in src and "chart=bars" in src
    frame = browser.new_context(viewport={"width": 700, "height": 640})
    embedded = frame.new_page()
    embedded.goto(src)
    wait_for_chart(embedded, f"{QUOTES_HIDDEN} && html.split('mark-rect').length - 1 > {rects}")
    expect(embedded.get_by_text("Open this view in full")).to_be_visible()
    assert embedded.locator('[data-testid="stSelectbox"]').count() == 0
    assert embedded.locator('[data-testid="stMetric"]').count() == 0
    screenshot(embedded, "embedded-chart")
    frame.close()


def test_back_button_is_not_trapped(page: Page, base_url: str) -> None:
    page.goto(base_url + "/sources")
    page.wait_for_selector("text=Figures in this source", timeout=30_000)
    page.get_by_role("link", name="Overview").click()
    page.wait_for_selector(CHART_SVG, timeout=30_000)
    for notes in ("false", "true", "false"):  # three reruns by three toggles
        page.get_by_text("Quotes", exact=True).click()
        if notes == "false":
            expect(page).to_have_url(re.compile(r"notes=false"))
        else:
            expect(page).not_to_have_url(re.compile(r"notes="))
    page.get_by_role("radio", name="bars").click()
    expect(page).to_have_url(re.compile(r"chart=bars"))
    page.go_back()
    expect(page).to_have_url(re.compile(r"/sources"), timeout=10_000)
