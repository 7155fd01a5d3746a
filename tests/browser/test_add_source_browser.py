"""Add a second article end to end: paste, review, correct one attribute, save; then see
its figure on the Overview chart with the corrected attribute and its own sentence."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest
from browserkit import ROOT, screenshot, streamlit_server, tooltip_with
from playwright.sync_api import Browser

pytestmark = pytest.mark.browser

SENTENCE = ("The State Department gave Guatemala $45 million in 2011 for police training, "
            "officials said.")


@pytest.fixture(scope="module")
def data_and_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str]]:
    data = tmp_path_factory.mktemp("add") / "data"
    shutil.copytree(ROOT / "data" / "sources", data / "sources")
    shutil.copytree(ROOT / "data" / "reference", data / "reference")
    subprocess.run([sys.executable, "-m", "etl", "build", "--data", str(data), "-q"],
                   cwd=ROOT, check=True, timeout=120)
    with streamlit_server(ROOT / "dashboard" / "app.py", data_dir=data) as url:
        yield data, url


def test_add_review_correct_save(browser: Browser, data_and_url: tuple[Path, str]) -> None:
    data, url = data_and_url
    page = browser.new_context(viewport={"width": 1400, "height": 1400}).new_page()
    page.goto(url + "/add")
    page.get_by_label("Article text").fill(f"Guatemala aid grows\n\n{SENTENCE}\n")
    page.get_by_label("Title").fill("Guatemala aid grows")
    page.get_by_label("Publisher").fill("Test Paper")
    for part, value in (("year", "2011"), ("month", "06"), ("day", "01")):
        page.get_by_role("spinbutton", name=f"{part}, Date published").click()
        page.keyboard.type(value)
    page.keyboard.press("Escape")
    page.get_by_role("button", name="Extract figures").click()
    page.wait_for_selector("text=1 figures found", timeout=30_000)

    # Review: the purpose cell of the first figure (column 11 of the grid) gets a new value.
    grid = page.locator('[data-testid="stDataFrame"]').first
    cell = "document.getElementById('glide-cell-11-0')?.textContent"
    page.wait_for_function(f"() => {cell} === 'police training'", timeout=30_000)
    box = grid.bounding_box()
    page.mouse.click(box["x"] + 125, box["y"] + 52)  # the "text" cell of the first row
    for _ in range(9):
        page.keyboard.press("ArrowRight")
    page.keyboard.press("Enter")
    page.wait_for_timeout(300)
    page.keyboard.press("Control+A")
    page.keyboard.type("community policing", delay=20)
    page.keyboard.press("Enter")
    page.wait_for_function(f"() => {cell} === 'community policing'", timeout=10_000)
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
