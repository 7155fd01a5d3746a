"""Share links in a real browser: the link reproduces the view; Back is never trapped."""

from __future__ import annotations

import re

import pytest
from browserkit import CHART_SVG, screenshot
from playwright.sync_api import Browser, Page, expect

pytestmark = pytest.mark.browser


def chart_markup(page: Page) -> str:
    """The chart's SVG once it has stopped changing (reruns and Vega redraws settle)."""
    page.wait_for_selector(CHART_SVG, timeout=30_000)
    last = None
    for _ in range(40):
        page.wait_for_timeout(400)
        now = re.sub(r'(id|clip-path)="[^"]*"', "", page.locator(CHART_SVG).first.inner_html())
        if now == last:
            return now
        last = now
    raise AssertionError("the chart kept changing")


def test_shared_link_reproduces_the_view(page: Page, browser: Browser, base_url: str) -> None:
    page.goto(base_url + "/")
    default_markup = chart_markup(page)
    page.get_by_role("radio", name="bars").click()
    expect(page).to_have_url(re.compile(r"chart=bars"))
    page.get_by_text("Quotes on the chart").click()
    expect(page).to_have_url(re.compile(r"notes=false"))
    markup = chart_markup(page)
    assert markup != default_markup
    page.get_by_role("button", name="Share this view").click()
    shared = page.locator('[data-testid="stPopoverBody"] code').inner_text().strip()
    assert "chart=bars" in shared and "notes=false" in shared and "v=" in shared
    screenshot(page, "share-popover")

    fresh = browser.new_context(viewport={"width": 1400, "height": 1400})
    other = fresh.new_page()
    other.goto(shared)
    assert chart_markup(other) == markup
    expect(other.get_by_role("radio", name="bars")).to_have_attribute("aria-checked", "true")
    expect(other.get_by_role("switch")).not_to_be_checked()
    assert other.locator('[data-testid="stAlert"]').count() == 0  # same data version
    fresh.close()


def test_back_button_is_not_trapped(page: Page, base_url: str) -> None:
    page.goto(base_url + "/sources")
    page.wait_for_selector("text=Figures in this source", timeout=30_000)
    page.get_by_role("link", name="Overview").click()
    page.wait_for_selector(CHART_SVG, timeout=30_000)
    for _ in range(3):  # three reruns by three toggles
        page.get_by_text("Quotes on the chart").click()
        page.wait_for_timeout(700)
    page.get_by_role("radio", name="bars").click()
    page.wait_for_timeout(700)
    page.go_back()
    expect(page).to_have_url(re.compile(r"/sources"), timeout=10_000)
