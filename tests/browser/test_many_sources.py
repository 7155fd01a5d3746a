"""A thousand documents (issue 11): the Overview still opens on its chart, above the fold
at 1400x900, with one row of metrics and a default series whose funder is named."""

from __future__ import annotations

import sys
from collections.abc import Iterator

import pytest
from browserkit import CHART_SVG, ROOT, screenshot, seeded_data, streamlit_server
from playwright.sync_api import Browser

sys.path.insert(0, str(ROOT / "bench"))
from corpus import write_sources

# slow: building a thousand documents takes about 25 s; CI runs it
pytestmark = [pytest.mark.browser, pytest.mark.slow]
DOCUMENTS = 1000


@pytest.fixture(scope="module")
def corpus_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    data = seeded_data(tmp_path_factory.mktemp("many"),
                       add=lambda data: write_sources(data, DOCUMENTS), timeout=600)
    assert len(list((data / "sources").iterdir())) == DOCUMENTS + 1
    with streamlit_server(ROOT / "dashboard" / "app.py", data_dir=data) as url:
        yield url


def test_chart_first_at_a_thousand_documents(browser: Browser, corpus_url: str) -> None:
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    page = context.new_page()
    page.goto(corpus_url + "/")
    chart = page.locator(CHART_SVG).first
    chart.wait_for(timeout=60_000)
    box = chart.bounding_box()
    assert box is not None and box["y"] < 900 - 100  # its top well above the fold
    page.wait_for_selector('[data-testid="stMetric"]', timeout=30_000)
    assert 1 <= page.locator('[data-testid="stMetric"]').count() <= 6
    heading = page.locator("h3").first.inner_text()
    assert "funding for" in heading and "Funder not stated" not in heading
    screenshot(page, "many-sources-overview")
    context.close()
