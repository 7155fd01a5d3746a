"""An article full of markup stays inert text: in the Sources reader and in tooltips."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from browserkit import ROOT, screenshot, seeded_data, streamlit_server, tooltips, wait_for_text
from playwright.sync_api import Browser

pytestmark = pytest.mark.browser

HOSTILE = (
    "<script>window.__xss = 1</script> Aid <b>bold</b> plan\n\n"
    "The Pentagon gave Mexico $5 million in 2010 <script>window.__xss = 2</script> "
    "<img src=x onerror=\"window.__xss = 3\"> [click me](javascript:window.__xss=4) "
    "&amp; &lt;i&gt; $x^2$ :red[alert] **loud**.\n\n"
    "The Pentagon gave Mexico $7 million in 2011 <iframe src=\"javascript:window.__xss=5\">"
    "</iframe>.\n"
)


@pytest.fixture(scope="module")
def hostile_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    data = seeded_data(tmp_path_factory.mktemp("hostile"), seed=False, sources={
        "test-hostile-article": (HOSTILE, {
            "title": "<script>window.__xss=6</script> [t](x)",
            "publisher": "<b>Evil</b> Daily", "author": "<img src=x onerror=alert(1)>",
            "date_published": "2011-05-01", "date_added": "2026-11-27",
            "rights": "<script>window.__xss=7</script>"})})
    with streamlit_server(ROOT / "dashboard" / "app.py", data_dir=data) as url:
        yield url


def test_markup_stays_text(browser: Browser, hostile_url: str) -> None:
    context = browser.new_context(viewport={"width": 1400, "height": 1400})
    page = context.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))

    page.goto(hostile_url + "/sources")
    page.wait_for_selector("text=Figures in this source", timeout=30_000)
    wait_for_text(page, ":red[alert]")  # the article, rendered
    body = page.locator('[data-testid="stMain"]').inner_text()
    assert "<script>window.__xss = 2</script>" in body  # shown as the characters it is
    assert '<img src=x onerror="window.__xss = 3">' in body
    assert "[click me](javascript:window.__xss=4)" in body
    assert "&amp; &lt;i&gt;" in body and "$x^2$" in body and ":red[alert]" in body
    screenshot(page, "hostile-sources")

    page.goto(hostile_url + "/")
    seen = "".join(tooltips(page))
    assert "<script>window.__xss = 2</script>" in seen
    assert page.locator("#vg-tooltip-element").locator("img, script, iframe, b").count() == 0
    screenshot(page, "hostile-overview")

    ready = {"/": "funding for", "/sources": ":red[alert]",
             "/claims": "Claims and how they check out", "/data": "rows · data version"}
    for path, text in ready.items():
        page.goto(hostile_url + path)
        wait_for_text(page, text)
        assert page.evaluate("window.__xss") is None, path
        main = page.locator('[data-testid="stMain"]')
        assert main.locator("img[onerror], script, iframe, a[href^='javascript']").count() == 0
    assert dialogs == []
    context.close()
