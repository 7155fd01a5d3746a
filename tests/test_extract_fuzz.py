"""The extractor against arbitrary and hostile text: no exception, sane offsets, and no
catastrophic backtracking (timings are printed by bench/extract_throughput.py)."""

from __future__ import annotations

import math
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from etl.extract import extract

TOKENS = ["$", "US$", "€", "1", "12.2", "1,000", "million", "billion", "bn", "M", "k", "to",
          "-", "between", "and", "more than", "nearly", "in", "2010", "fiscal", "FY",
          "Pentagon", "U.S.", "Gen.", ".", "\"", "doubled", "tripled", "percent", "from",
          "a year earlier", "pesos", "dollars", "fifty", "\n", " ", "“", "<script>"]


def check(text: str) -> None:
    result = extract(text, "fuzz")
    for s in result.sentences:
        assert text[s.start : s.end] == s.text
    for f in result.figures:
        assert text[f.start : f.end] == f.text
        assert math.isfinite(f.amount) and f.amount >= 0
        assert f.amount_high is None or f.amount_high >= f.amount
    for c in result.claims:
        assert text[c.start : c.end] == c.text


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.text(max_size=3000))
def test_arbitrary_unicode(text: str) -> None:
    check(text)


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.lists(st.sampled_from(TOKENS), max_size=400).map(" ".join))
def test_money_like_token_soup(text: str) -> None:
    check(text)


@settings(max_examples=50, deadline=None, derandomize=True)
@given(st.sampled_from(TOKENS), st.integers(1, 5000))
def test_deeply_repeated_tokens(token: str, times: int) -> None:
    check((token + " ") * times)


def test_huge_numbers() -> None:
    text = f"It cost ${'9' * 400} trillion and {'8' * 300} dollars and $1e308 billion."
    check(text)


@pytest.mark.parametrize("text", ["$" * 1_000_000, "7" * 1_000_000,
                                  "more than " * 100_000],
                         ids=["dollar-signs", "digits", "more-than"])
def test_a_megabyte_of_pathological_text_is_fast(text: str) -> None:
    start = time.perf_counter()
    extract(text)
    elapsed = time.perf_counter() - start
    assert elapsed < 5.0, f"{elapsed:.2f} s"  # about 0.5 s measured; generous for CI
