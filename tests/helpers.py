"""Helpers the tests share: paths, the seed text, and running the dashboard in AppTest."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
SEED_ID = "wapo-2010-11-11-military-mexico-cartels"
SEED_TEXT = (DATA / "sources" / SEED_ID / "article.txt").read_text("utf-8")


APP = str(ROOT / "dashboard" / "app.py")


def run_app(page: str | None = None, query: dict[str, str] | None = None, timeout: float = 60):
    """An AppTest of the dashboard, run once, on ``page`` (a file under dashboard/views)."""
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(APP, default_timeout=timeout)
    for key, value in (query or {}).items():
        at.query_params[key] = value
    at.run()
    if page is not None:
        at.switch_page(f"views/{page}.py").run()
    return at


def markdown_text(at) -> str:
    return "\n".join(m.value for m in at.markdown)
