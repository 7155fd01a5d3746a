"""Browser fixtures: one real streamlit server and one Debian Chromium per session.

CI installs Chromium (scripts/dev test); a missing browser is an error, never a skip.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from browserkit import CHROMIUM, CHROMIUM_ARGS, ROOT, streamlit_server
from playwright.sync_api import Browser, Page, sync_playwright


@pytest.fixture(scope="session")
def base_url() -> Iterator[str]:
    with streamlit_server(ROOT / "dashboard" / "app.py") as url:
        yield url


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: install Debian's chromium (scripts/dev test does)")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1400, "height": 1400})
    pg = context.new_page()
    yield pg
    context.close()

