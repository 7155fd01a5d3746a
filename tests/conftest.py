"""Fixtures shared by the tests."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import DATA, ROOT, SECOND, SECOND_ID


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A private copy of data/sources (no published tables yet)."""
    target = tmp_path / "data"
    shutil.copytree(DATA / "sources", target / "sources")
    shutil.copytree(DATA / "reference", target / "reference")
    return target


@pytest.fixture
def editing(monkeypatch) -> None:
    """The dashboard started to edit on one's own machine (FUNDTRACE_MODE=local)."""
    monkeypatch.setenv("FUNDTRACE_MODE", "local")


@pytest.fixture(autouse=True)
def _fresh_visitor_limits() -> None:
    """Every test starts with nothing counted against the per-visitor limits (the AppTest
    sessions of one pytest process share them, so a fast run of earlier tests could make a
    later one hit "Limit reached")."""
    from dashboard import limits

    limits._uses.clear()


@pytest.fixture(scope="module")
def two_sources(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Published data of the seed and a second article on its series (helpers.SECOND)."""
    data = tmp_path_factory.mktemp("compare") / "data"
    shutil.copytree(DATA / "sources", data / "sources")
    shutil.copytree(DATA / "reference", data / "reference")
    folder = data / "sources" / SECOND_ID
    folder.mkdir()
    (folder / "article.txt").write_text(SECOND)
    (folder / "meta.json").write_text(json.dumps({
        "id": SECOND_ID, "title": "Pentagon widens Mexico role", "publisher": "Test Wire",
        "date_published": "2011-03-01", "date_added": "2026-11-27",
        "rights": "Written for this test"}))
    subprocess.run([sys.executable, "-m", "etl", "build", "--data", str(data), "-q"],
                   cwd=ROOT, check=True, timeout=120)
    return data
