"""The chart first as a picture drawn on the server, then the interactive chart in its
place (issue 15's fast first chart; dashboard/style.py): the picture shows while the
interactive chart's code is still loading, and the swap moves nothing."""

from __future__ import annotations

import pytest
from browserkit import CHART_SVG, screenshot
from playwright.sync_api import Browser, Route

from dashboard.style import CHART_BOX, CHART_HEIGHT

pytestmark = pytest.mark.browser
BOX = f".st-key-{CHART_BOX}"
PICTURE = f'{BOX} [data-testid="stMarkdown"] img'
VEGA_CODE = "**/embed.*.js"  # the chunk of Streamlit's bundle that holds vega-embed


@pytest.mark.parametrize("size", [(1400, 900), (390, 844)], ids=["desktop", "phone"])
def test_picture_first_then_the_interactive_chart_in_its_place(
        browser: Browser, base_url: str, size: tuple[int, int]) -> None:
    context = browser.new_context(viewport={"width": size[0], "height": size[1]})
    page = context.new_page()
    held: list[Route] = []

    def hold(route: Route) -> None:
        held.append(route)

    page.route(VEGA_CODE, hold)  # the interactive chart's code waits for us
    page.goto(base_url + "/")
    picture = page.locator(PICTURE)
    picture.wait_for(state="visible", timeout=60_000)
    assert page.locator(CHART_SVG).count() == 0  # the picture did not wait for it
    # the interactive chart arrives (its place is kept by a hidden skeleton) and asks for
    # its code, which is held
    page.locator(f'{BOX} [data-testid="stSkeleton"]').wait_for(state="attached")
    for _ in range(200):
        if held:
            break
        page.wait_for_timeout(50)
    assert held, "the page asked for the interactive chart's code"
    assert page.locator(CHART_SVG).count() == 0
    # once the stylesheet applies, the interactive chart's place is kept hidden behind the
    # picture: the box is the picture's height, nothing below it
    page.wait_for_function(f"() => Math.abs(document.querySelector('{BOX}')"
                           f".getBoundingClientRect().height - {CHART_HEIGHT}) <= 2",
                           timeout=30_000)
    box = page.locator(BOX).bounding_box()
    shown = picture.bounding_box()
    assert box is not None and shown is not None
    assert abs(shown["height"] - CHART_HEIGHT) <= 1
    assert shown["width"] > size[0] * 0.8  # the page's width, not a thumbnail
    screenshot(page, f"first-picture-{size[0]}")
    for route in held:
        route.continue_()
    page.unroute(VEGA_CODE)
    page.locator(CHART_SVG).wait_for(state="visible", timeout=60_000)
    picture.wait_for(state="hidden", timeout=10_000)
    drawn = page.locator(CHART_SVG).bounding_box()
    after = page.locator(BOX).bounding_box()
    assert drawn is not None and after is not None
    assert abs(after["height"] - box["height"]) <= 2  # the box kept its size
    assert abs(drawn["width"] - shown["width"]) <= 2
    context.close()
