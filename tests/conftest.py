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
