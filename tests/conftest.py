"""Shared fixtures: paths to the repository's data and the seed source."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
SEED_ID = "wapo-2010-11-11-military-mexico-cartels"
SEED_TEXT = (DATA / "sources" / SEED_ID / "article.txt").read_text("utf-8")


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A private copy of data/sources (no published tables yet)."""
    target = tmp_path / "data"
    shutil.copytree(DATA / "sources", target / "sources")
    return target
