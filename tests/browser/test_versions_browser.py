"""Issue 14: a share link made before three rebuilds still shows its own numbers, with a
banner naming its version and a link to the same view on the latest data."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from browserkit import ROOT, seeded_data, streamlit_server, wait_for_chart, wait_for_text
from playwright.sync_api import Browser, Page

# slow: about 30 s each; the everyday run keeps tests/test_versions.py (the same promise
# without a browser) and CI runs this too
pytestmark = [pytest.mark.browser, pytest.mark.slow]

SEED_ID = "wapo-2010-11-11-military-mexico-cartels"


def shows(amount: str) -> str:
    """A chart condition: some text of the chart names this amount."""
    return f"[...svg.querySelectorAll('text')].some(t => t.textContent.includes('{amount}'))"


def test_link_before_three_rebuilds_shows_its_own_numbers(tmp_path: Path, page: Page,
                                                          browser: Browser) -> None:
    data = seeded_data(tmp_path)
    article = data / "sources" / SEED_ID / "article.txt"
    with streamlit_server(ROOT / "dashboard" / "app.py", data) as url:
        page.goto(url + "/")
        wait_for_chart(page, shows("$12.2 million"))
        page.get_by_role("button", name="Share this view").click()
        shared = page.locator('[data-testid="stPopoverBody"] code').first.inner_text().strip()
        assert "v=" in shared
        for amount in ("13.9", "14.9", "15.9"):  # three rebuilds, each a new 2008 figure
            article.write_text(article.read_text("utf-8").replace(
                "$12.2 million" if amount == "13.9" else f"${float(amount) - 1:.1f} million",
                f"${amount} million"), "utf-8")
            subprocess.run([sys.executable, "-m", "etl", "build", "--data", str(data), "-q"],
                           cwd=ROOT, check=True, timeout=120)

        fresh = browser.new_context(viewport={"width": 1400, "height": 1400})
        other = fresh.new_page()
        other.goto(shared)
        wait_for_chart(other, shows("$12.2 million"))
        wait_for_text(other, "the one this link was made with")
        assert "15.9" not in other.locator('[data-testid="stVegaLiteChart"]').first.inner_html()
        latest = other.get_by_role("link", name="The same view on the latest data")
        href = latest.get_attribute("href") or ""
        assert "v=" in href and href.split("v=")[1][:8] != shared.split("v=")[1][:8]
        other.goto(href)  # (the banner's link opens a new tab; follow it here)
        wait_for_chart(other, shows("$15.9 million"))
        assert other.get_by_text("the one this link was made with").count() == 0
        fresh.close()

        page.goto(url + "/")  # and without a version, the latest
        wait_for_chart(page, shows("$15.9 million"))
