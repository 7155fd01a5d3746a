"""Issue 16: writing needs an editor. In a shared deployment (FUNDTRACE_MODE=edit) the Add
page shows its form and saves only for a signed-in editor (Streamlit's st.user, seeded
here through AppTest.user as the OIDC sign-in would set it); anyone else reads only."""

from __future__ import annotations

import datetime
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import APP, ROOT

import dashboard.data
from dashboard.auth import may_write

EDITOR = "editor@example.org"


@pytest.fixture
def deployment(data_copy: Path, monkeypatch) -> Path:
    subprocess.run([sys.executable, "-m", "etl", "build", "--data", str(data_copy), "-q"],
                   cwd=ROOT, check=True, timeout=120)
    monkeypatch.setattr(dashboard.data, "DATA_DIR", data_copy)
    monkeypatch.setenv("FUNDTRACE_MODE", "edit")
    monkeypatch.setenv("FUNDTRACE_EDITORS", f"someone@example.org, {EDITOR.upper()}")
    return data_copy


def add_page(user: dict):
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(APP, default_timeout=60)
    at.user = user
    at.run()
    at.switch_page("views/add.py").run()
    assert not at.exception
    return at


def sources(data: Path) -> list[str]:
    return sorted(p.name for p in (data / "sources").iterdir())


def test_signed_in_editor_adds_a_source(deployment: Path) -> None:
    before = sources(deployment)
    at = add_page({"is_logged_in": True, "email": EDITOR})
    assert "Signed in as editor@example.org, an editor." in [c.value for c in at.caption]
    at.text_area(key="add_text").set_value("The Pentagon gave Mexico $7 million in 2011.")
    at.text_input(key="add_title").set_value("Signed in")
    at.text_input(key="add_publisher").set_value("Test Wire")
    at.date_input(key="add_published").set_value(datetime.date(2011, 6, 1))
    at.button[0].click().run()
    assert not at.error
    at.button(key="add_save").click().run()
    assert not at.exception and not at.error
    added = sorted(set(sources(deployment)) - set(before))
    assert len(added) == 1 and "signed-in" in added[0]


@pytest.mark.parametrize("user", [
    {},  # not signed in
    {"is_logged_in": False, "email": EDITOR},
    {"is_logged_in": True, "email": "reader@example.org"},  # signed in, not an editor
])
def test_anyone_else_gets_no_form_and_writes_nothing(deployment: Path, user: dict) -> None:
    before = sources(deployment)
    at = add_page(user)
    assert not at.text_area and not at.date_input  # no form to fill
    message = " ".join(i.value for i in at.info)
    if user.get("is_logged_in"):
        assert "reader@example.org, who is not an editor" in message
        assert not [b for b in at.button if b.key == "add_sign_in"]
    else:
        assert "Sign in as an editor" in message
        assert [b for b in at.button if b.key == "add_sign_in"]
    assert sources(deployment) == before


def test_a_draft_from_before_cannot_be_saved_after_losing_the_role(deployment: Path,
                                                                   monkeypatch) -> None:
    at = add_page({"is_logged_in": True, "email": EDITOR})
    at.text_area(key="add_text").set_value("The Pentagon gave Mexico $7 million in 2011.")
    at.text_input(key="add_title").set_value("Revoked")
    at.text_input(key="add_publisher").set_value("Test Wire")
    at.date_input(key="add_published").set_value(datetime.date(2011, 6, 1))
    at.button[0].click().run()
    before = sources(deployment)
    monkeypatch.setenv("FUNDTRACE_EDITORS", "someone@example.org")
    at.button(key="add_save").click().run()
    assert sources(deployment) == before


def test_modes(monkeypatch) -> None:
    monkeypatch.delenv("FUNDTRACE_MODE", raising=False)
    assert not may_write({"is_logged_in": True, "email": EDITOR}).allowed
    monkeypatch.setenv("FUNDTRACE_MODE", "local")
    assert may_write({}).allowed
    monkeypatch.setenv("FUNDTRACE_MODE", "EDIT")
    monkeypatch.delenv("FUNDTRACE_EDITORS", raising=False)
    assert not may_write({"is_logged_in": True, "email": EDITOR}).allowed  # no editors named
    monkeypatch.setenv("FUNDTRACE_MODE", "anything")
    assert not may_write({}).allowed
