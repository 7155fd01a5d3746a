"""A figure's link scrolls to the figure (issue 15): the Overview's table links to Sources
with the figure's anchor, and the browser brings the figure's paragraph into view."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser

from dashboard.data import load_tables
from dashboard.state import share_url

pytestmark = pytest.mark.browser

IN_VIEW_JS = """(id) => {
  const el = document.getElementById(id);
  if (!el) return false;
  const r = el.getBoundingClientRect();
  return r.top >= 0 && r.bottom <= window.innerHeight;
}"""


def test_a_figure_link_scrolls_to_the_figure(browser: Browser, base_url: str) -> None:
    tables = load_tables()
    figures = tables.figures
    row = figures.loc[figures.text == "$50 million"].iloc[0]  # the article's last figure
    link = share_url(base_url, "sources", {"doc": row.document_id, "figure": row.figure_id},
                     tables.version[:8])
    assert link.endswith(f"#{row.figure_id}")
    context = browser.new_context(viewport={"width": 1400, "height": 700})
    page = context.new_page()
    page.goto(link)
    page.wait_for_selector(f"#{row.figure_id}", state="attached", timeout=60_000)
    page.wait_for_function(IN_VIEW_JS, arg=row.figure_id, timeout=30_000)
    # the page scrolled to it (Streamlit scrolls its main area, not the window)
    scrolled = page.evaluate("""(id) => {
      let most = window.scrollY;
      for (let e = document.getElementById(id); e; e = e.parentElement)
        most = Math.max(most, e.scrollTop);
      return most;
    }""", row.figure_id)
    assert scrolled > 300
    context.close()
