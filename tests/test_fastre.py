"""The extractor's patterns run in ASCII mode on ASCII text (etl/fastre.py): the same
matches as in Unicode mode, checked on real documents' sentences, and the same extraction."""

from __future__ import annotations

import json
import re
import sys
from datetime import date
from pathlib import Path

import pytest

from etl import fastre
from etl.extract import extract
from etl.segment import split_sentences

ROOT = Path(__file__).resolve().parent.parent
REALTEXT = ROOT / "tests" / "realtext"
sys.path.insert(0, str(ROOT / "bench"))
from corpus import make_corpus  # noqa: E402


def documents() -> list[dict]:
    return [json.loads(line) for path in sorted(REALTEXT.glob("*documents.jsonl"))
            for line in path.read_text("utf-8").splitlines()]


def with_separators(text: str) -> str:
    """Unicode's \\s matches the file, group, record and unit separators; ASCII's does not."""
    return text.replace(" ", "\x1c", 40).replace("the ", "the\x1f", 20)


def test_space_is_rewritten_to_keep_the_separators() -> None:
    assert fastre.ascii_twin(r"fiscal\s+year") == r"fiscal[\s\x1c-\x1f]+year"
    assert fastre.ascii_twin(r"[^\s$]\S") == r"[^\s\x1c-\x1f$][^\s\x1c-\x1f]"
    assert fastre.ascii_twin(r"\\s") == r"\\s"  # a backslash, then the letter s
    pattern = fastre.compile(r"fiscal\s+year", re.IGNORECASE)
    assert pattern.twin.flags & re.ASCII
    assert pattern.search("FISCAL\x1cyear") is not None
    assert re.search(r"fiscal\s+year", "FISCAL\x1cyear", re.IGNORECASE | re.ASCII) is None


@pytest.mark.parametrize("source, flags", [
    ("\u212a", re.IGNORECASE),  # the Kelvin sign is a k when case is ignored
    ("\u017fum", re.IGNORECASE),  # the long s is an s
    ("(?i:\u0130)", 0),  # the dotted capital I is an i
    ("[\u00c0-\u00ff]", re.IGNORECASE),  # a range that may hold one of them
    (r"[^\S\n]", 0),  # "not not-a-space": no place to add the separators
    ("[abc", 0),  # not a pattern this module can read
])
def test_no_twin_where_the_matches_could_differ(source: str, flags: int) -> None:
    assert fastre.ascii_twin(source, flags) is None


def test_a_twin_where_the_non_ascii_has_no_case() -> None:
    assert fastre.ascii_twin("[$€£¥–—-]\u212a", 0) == "[$€£¥–—-]\u212a"
    assert fastre.ascii_twin(r"[\w’-]+ # a comment [", re.VERBOSE | re.IGNORECASE) \
        == r"[\w’-]+ # a comment ["
    assert fastre.ascii_twin("[a-z’-]x", re.IGNORECASE) == "[a-z’-]x"


@pytest.fixture(scope="module")
def sentences() -> list[str]:
    texts = [d["text"] for d in documents()] + [make_corpus(0.1)]
    found = [s.text for text in texts for s in split_sentences(text) if s.text.isascii()]
    return found + [with_separators(s) for s in found[::10]]


def test_every_twin_matches_as_its_pattern_on_real_sentences(sentences) -> None:
    assert len(fastre.COMPILED) > 200  # the extractor's patterns were made here
    differing = []
    for pattern in fastre.COMPILED:
        if pattern.twin is pattern.unicode:
            continue
        for sentence in sentences:
            ours = [(m.span(), m.groups()) for m in pattern.twin.finditer(sentence)]
            theirs = [(m.span(), m.groups()) for m in pattern.unicode.finditer(sentence)]
            if ours != theirs:
                differing.append((pattern.pattern[:60], sentence[:60]))
                break
    assert differing == []


def test_extraction_is_the_same_without_the_twins() -> None:
    cases = [(d["text"], d.get("date")) for d in documents()]
    cases.append((with_separators(make_corpus(0.05)), None))

    def run() -> list[str]:
        return [repr(result.figures) + repr(result.claims) for result in (
            extract(text, "doc", date.fromisoformat(day[:10]) if day else None)
            for text, day in cases)]

    with_twins = run()
    fastre.use_twins(False)
    try:
        assert all(p.ascii is p.unicode for p in fastre.COMPILED)
        without = run()
    finally:
        fastre.use_twins(True)
    assert sum(text.isascii() for text, _ in cases) > 50
    assert with_twins == without
