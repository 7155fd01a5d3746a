"""Fixtures shared by the tests."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from helpers import DATA


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
