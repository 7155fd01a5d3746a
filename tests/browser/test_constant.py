"""Constant dollars in a real browser: values and axis title change; the URL keeps it."""

from __future__ import annotations

import re

import pytest
from browserkit import (
    CHART_SVG,
    QUOTES_SHOWN,
    screenshot,
    tooltip_with,
    wait_for_chart,
    wait_for_chart_html,
)
from playwright.sync_api import Browser, Page, expect

pytestmark = pytest.mark.browser


def axis_titles(page: Page) -> str:
    texts = page.eval_on_selector_all(f"{CHART_SVG} .role-axis-title text",
                                      "els => els.map(e => e.textContent)")
    return " | ".join(texts)


def test_switch_to_constant_dollars(page: Page, browser: Browser, base_url: str) -> None:
    page.goto(base_url + "/")
    nominal = wait_for_chart(page, "html.includes('Funding, nominal U.S. dollars')")
    page.get_by_role("radio", name="constant").click()
    expect(page).to_have_url(re.compile(r"basis=constant"))
    constant = wait_for_chart(page, "html.includes('Funding, constant 2024 U.S. dollars') "
                              f"&& {QUOTES_SHOWN}")
    assert constant != nominal
    assert "Funding, constant 2024 U.S. dollars (CPI-U)" in axis_titles(page)
    assert "2008" in tooltip_with(page, "$17.77 million (2024 dollars)")
    screenshot(page, "overview-constant")

    fresh = browser.new_context(viewport={"width": 1400, "height": 1400})
    other = fresh.new_page()
    other.goto(page.url)
    assert wait_for_chart_html(other, constant) == constant
    expect(other.get_by_role("radio", name="constant")).to_have_attribute("aria-checked",
                                                                          "true")
    fresh.close()
