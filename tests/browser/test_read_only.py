"""Read-only by default (issue 16, first part): a dashboard started as `scripts/dev
dashboard` starts it offers no page that writes, and requests aimed at one change nothing
under data/."""

from __future__ import annotations

import hashlib
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from browserkit import ROOT, seeded_data, streamlit_server
from playwright.sync_api import Browser

pytestmark = pytest.mark.browser


def snapshot(data: Path) -> dict[str, str]:
    return {str(p.relative_to(data)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(data.rglob("*")) if p.is_file() and p.name != ".write.lock"}


def assert_upload_refused(url: str) -> None:
    """An upload sent straight to the server, without a page that asked for it, fails."""
    request = urllib.request.Request(
        url + "/_stcore/upload_file/no-session/no-widget", method="PUT",
        data=b"--x\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n"
             b"\r\nThe Pentagon gave $9 billion.\r\n--x--\r\n",
        headers={"Content-Type": "multipart/form-data; boundary=x"})
    with pytest.raises(urllib.error.HTTPError):
        urllib.request.urlopen(request, timeout=10)


@pytest.fixture(scope="module")
def read_only(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str]]:
    data = seeded_data(tmp_path_factory.mktemp("read-only"))
    with streamlit_server(ROOT / "dashboard" / "app.py", data_dir=data) as url:
        yield data, url


def test_no_write_control_anywhere(browser: Browser, read_only: tuple[Path, str]) -> None:
    data, url = read_only
    before = snapshot(data)
    page = browser.new_context(viewport={"width": 1400, "height": 900}).new_page()
    page.goto(url + "/")
    nav = page.locator('[data-testid="stTopNavLink"], [data-testid="stSidebarNavLink"]')
    nav.first.wait_for(timeout=30_000)
    titles = nav.all_inner_texts()
    assert "Data" in " ".join(titles) and not any("Add" in t for t in titles)
    for path in ("/", "/sources", "/claims", "/compare", "/data"):
        page.goto(url + path)
        page.locator('[data-testid="stMain"]').first.wait_for(timeout=30_000)
        assert page.locator('[data-testid="stFileUploader"]').count() == 0, path
        assert page.get_by_role("button", name="Save source").count() == 0, path
    # the Add page's address leads nowhere that writes
    page.goto(url + "/add")
    page.wait_for_selector("text=funding for", timeout=30_000)
    assert page.get_by_label("Article text").count() == 0
    # an upload aimed at the server without the page is refused
    assert_upload_refused(url)
    assert snapshot(data) == before


def test_deployment_without_sign_in_writes_nothing(browser: Browser,
                                                   tmp_path: Path) -> None:
    """Started to edit for signed-in editors (FUNDTRACE_MODE=edit): a visitor who has not
    signed in finds the Add page, but no form on it, only the way to sign in; an upload
    aimed at the server changes nothing."""
    data = seeded_data(tmp_path)
    before = snapshot(data)
    with streamlit_server(ROOT / "dashboard" / "app.py", data_dir=data, edit="edit") as url:
        page = browser.new_context(viewport={"width": 1400, "height": 900}).new_page()
        page.goto(url + "/add")
        page.wait_for_selector("text=Sign in as an editor to add sources.", timeout=30_000)
        # the button is drawn after the message, and the page stops right after it
        page.get_by_role("button", name="Sign in").wait_for(timeout=30_000)
        assert page.get_by_role("button", name="Sign in").count() == 1
        assert page.get_by_label("Article text").count() == 0
        assert page.locator('[data-testid="stFileUploader"]').count() == 0
        assert_upload_refused(url)
    assert snapshot(data) == before
