"""Corrections typed into the Add page's review table are text on every page (issue 10):
markdown, HTML and " → " typed into each editable text cell are saved, shown as the
characters typed, and the pages make no request beyond the dashboard's own server."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote, urlsplit

import pytest
from browserkit import (
    ROOT,
    edit_cell,
    extract_on_add_page,
    screenshot,
    seeded_data,
    streamlit_server,
)
from playwright.sync_api import Browser

from dashboard.formatting import WORD_JOINER, pair_label
from etl.curation import load_curations

pytestmark = pytest.mark.browser

SENTENCE = "The State Department gave Guatemala $45 million in 2011 for police training."
DOC = "test-paper-2011-06-01-guatemala-aid-grows"
# glide-data-grid column of each editable text cell (column 0 is the row marker)
CELLS = {"funder": 9, "recipient": 10, "purpose": 11, "attributed_source": 13}
TYPED = {name: f"![p](http://evil.example/{name}.png) <b>{name}</b> :red[X] A → B"
         for name in CELLS}


@pytest.fixture(scope="module")
def data_and_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str]]:
    data = seeded_data(tmp_path_factory.mktemp("hostile-corrections"))
    with streamlit_server(ROOT / "dashboard" / "app.py", data_dir=data, edit=True) as url:
        yield data, url


def test_typed_markup_is_text_everywhere(browser: Browser,
                                         data_and_url: tuple[Path, str]) -> None:
    data, url = data_and_url
    context = browser.new_context(viewport={"width": 1400, "height": 1400})
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))

    extract_on_add_page(page, url, f"Guatemala aid grows\n\n{SENTENCE}\n",
                        "Guatemala aid grows", "Test Paper", ("2011", "06", "01"),
                        "1 figures found")
    page.wait_for_function(
        "() => document.getElementById('glide-cell-11-0')?.textContent === 'police training'",
        timeout=30_000)
    for name, column in CELLS.items():
        edit_cell(page, column, TYPED[name])
    page.get_by_role("button", name="Save source").click()
    page.wait_for_selector(f"text=Saved {DOC}", timeout=60_000)
    saved = {r.attribute: r.value for r in load_curations(data, DOC)}
    assert saved == TYPED

    pair = quote(pair_label(TYPED["funder"], TYPED["recipient"]))
    checks = {  # page -> text that shows once it has rendered the typed values
        f"/?view={pair}": TYPED["attributed_source"] + " figures, via Test Paper",
        f"/sources?doc={DOC}": "for police training.",
        "/claims": "nearly tripled",
        "/compare": "All dated figures, by source",
        "/data?table=observations": "rows · data version",
    }
    for path, ready in checks.items():
        page.goto(url + path)
        main = page.locator('[data-testid="stMain"]')
        try:
            page.wait_for_function(
                "t => document.querySelector('[data-testid=stMain]')?.innerText"
                ".replaceAll('\\u2060', '').includes(t)", arg=ready, timeout=30_000)
        except Exception:
            screenshot(page, "hostile-corrections-timeout")
            raise AssertionError(f"{path}: {ready!r} not in {main.inner_text()!r}") from None
        shown = main.inner_text().replace(WORD_JOINER, "")
        if path.startswith("/?"):
            for name in ("funder", "recipient"):
                assert TYPED[name] in shown  # in the heading, as typed
            assert TYPED["attributed_source"] in shown  # in the source line
        # no image but the chart's own picture, drawn on the server (a data: URI)
        assert main.locator("img:not(.st-key-chartbox img), iframe, script, "
                            "a[href*='evil']").count() == 0, path
        for src in main.locator("img").evaluate_all("els => els.map(e => e.src)"):
            assert src.startswith("data:image/svg+xml;base64,"), path
        assert main.locator("b, strong").filter(has_text="funder").count() == 0, path
        screenshot(page, "hostile-corrections" + path.split("?")[0].replace("/", "-"))
    own = urlsplit(url).netloc
    outside = [u for u in requests if urlsplit(u).scheme in {"http", "https", "ws", "wss"}
               and urlsplit(u).netloc != own]
    assert outside == []
    context.close()
