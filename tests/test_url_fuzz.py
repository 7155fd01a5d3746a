"""Hostile and random query strings through AppTest: no exception, a notice for each
rejected value, and nothing of the input rendered (let alone as HTML)."""

from __future__ import annotations

import string

import pytest
from helpers import run_app
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dashboard import style

KEYS = ["view", "notes", "chart", "doc", "figure", "table", "f_funder", "f_recipient",
        "f_status", "f_year", "v"]
HOSTILE = ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "../../etc/passwd",
           "javascript:alert(1)", "%00", "' OR 1=1 --", "$$x$$", ":red[boom]", "[a](b)",
           "9" * 400, "-1", "1e309", "true", "false", "dots", "bars", "figures", "NaN"]
values = st.one_of(st.sampled_from(HOSTILE), st.text(max_size=60),
                   st.integers(-10**12, 10**12).map(str),
                   st.text(string.printable, min_size=1, max_size=12))
keys = st.one_of(st.sampled_from(KEYS), st.text(min_size=1, max_size=12))
queries = st.dictionaries(keys, values, max_size=5)


def check_query(query: dict[str, str]) -> None:
    at = run_app(query=query, timeout=30)
    assert not at.exception, (query, [e.value for e in at.exception])
    rendered = "\n".join([m.value for m in at.markdown] + [w.value for w in at.warning]
                         + [c.value for c in at.caption])
    for key, value in query.items():
        if len(value) >= 6 and value not in {"figures", "Mexico"} and any(
                ch in value for ch in "<>[]:$'%"):
            assert value not in rendered, (key, value)
    # the only HTML on a page is the dashboard's own constant stylesheet
    assert [h.proto.body for h in at.get("html")] == [f"<style>{style.CSS}</style>"]
    notices = " ".join(w.value for w in at.warning)
    for key in query:
        if key in {"chart"} and query[key] not in {"dots", "bars"}:
            assert "“chart”" in notices
        if key == "notes" and query[key].lower() not in {"true", "false"}:
            assert "“notes”" in notices


@settings(max_examples=30, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow])
@given(query=queries)
def test_random_query_strings(query: dict[str, str]) -> None:
    """The property with a budget people run often (bash scripts/dev test)."""
    check_query(query)


@pytest.mark.slow
@settings(max_examples=500, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow])
@given(query=queries)
def test_random_query_strings_exhaustive(query: dict[str, str]) -> None:
    """The same property over 500 cases: CI runs it (CI=true), scripts/dev test skips it."""
    check_query(query)
