"""A benchmark writing its section of bench/RESULTS.md keeps the notes written under it."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
import results  # noqa: E402


def test_a_section_written_again_keeps_its_notes(tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(results, "RESULTS", tmp_path / "RESULTS.md")
    results.write_section("Speed", "| run | 1.0 s |")
    results.write_section("Other", "left alone")
    text = results.RESULTS.read_text("utf-8")
    results.RESULTS.write_text(text.replace(
        "| run | 1.0 s |\n", "| run | 1.0 s |\n\n" + results.NOTES
        + "\n\nSession 1: tried `\\w+` and kept it.\n"), "utf-8")
    results.write_section("Speed", "| run | 2.0 s |")
    text = results.RESULTS.read_text("utf-8")
    assert "| run | 2.0 s |" in text and "| run | 1.0 s |" not in text
    assert "Session 1: tried `\\w+` and kept it." in text  # a backslash stays as it was
    assert text.count("## Speed") == 1 and "left alone" in text
    assert text.index("| run | 2.0 s |") < text.index(results.NOTES) < text.index("## Other")


def test_a_section_without_notes_is_replaced_whole(tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(results, "RESULTS", tmp_path / "RESULTS.md")
    results.write_section("Speed", "first")
    results.write_section("Speed", "second")
    text = results.RESULTS.read_text("utf-8")
    assert "second" in text and "first" not in text and results.NOTES not in text
