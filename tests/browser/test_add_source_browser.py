"""Add a second article end to end: paste, review, correct one attribute, save; then see
its figure on the Overview chart with the corrected attribute and its own sentence."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest
from browserkit import (
    ROOT,
    edit_cell,
    extract_on_add_page,
    screenshot,
    seeded_data,
    streamlit_server,
    tooltip_with,
)
from playwright.sync_api import Browser

pytestmark = pytest.mark.browser

SENTENCE = ("The State Department gave Guatemala $45 million in 2011 for police training, "
            "officials said.")


@pytest.fixture(scope="module")
def data_and_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str]]:
    data = seeded_data(tmp_path_factory.mktemp("add"))
    with streamlit_server(ROOT / "dashboard" / "app.py", data_dir=data, edit=True) as url:
        yield data, url


def test_add_review_correct_save(browser: Browser, data_and_url: tuple[Path, str]) -> None:
    data, url = data_and_url
    page = browser.new_context(viewport={"width": 1400, "height": 1400}).new_page()
    extract_on_add_page(page, url, f"Guatemala aid grows\n\n{SENTENCE}\n",
                        "Guatemala aid grows", "Test Paper", ("2011", "06", "01"),
                        "1 figures found")
    # Review: the purpose cell of the first figure (column 11 of the grid) gets a new value.
    cell = "document.getElementById('glide-cell-11-0')?.textContent"
    page.wait_for_function(f"() => {cell} === 'police training'", timeout=30_000)
    edit_cell(page, 11, "community policing")
    page.get_by_label("Why these corrections (kept with them)").fill("the minister's words")
    screenshot(page, "add-review")
    page.get_by_role("button", name="Save source").click()
    page.wait_for_selector("text=Saved test-paper-2011-06-01-guatemala-aid-grows",
                           timeout=60_000)

    record = json.loads((data / "curation" / "test-paper-2011-06-01-guatemala-aid-grows.jsonl")
                        .read_text().splitlines()[0])
    assert (record["action"], record["attribute"], record["value"], record["machine_value"],
            record["reason"]) == ("set", "purpose", "community policing", "police training",
                                  "the minister's words")

    page.goto(url + "/?view=" + quote("Department of State → Guatemala"))
    seen = tooltip_with(page, "$45 million")
    assert "community policing" in seen
    assert SENTENCE in " ".join(seen.split())
    screenshot(page, "add-overview")
