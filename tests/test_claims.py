"""Claim checks: verdicts nominal and real, with the rule used."""

from __future__ import annotations

import json
import math
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from helpers import DATA, ROOT, run_app

from etl.checks import CONSISTENT, INCONSISTENT, NOT_CHECKABLE, Term, check_claim


def test_seed_nearly_tripled_is_consistent_nominal_and_real() -> None:
    claims = pd.read_csv(DATA / "tidy" / "claims.csv")
    c = claims[claims.text == "nearly tripled"].iloc[0]
    assert (c.verdict_nominal, c.verdict_real) == (CONSISTENT, CONSISTENT)
    assert (c.stated_low, c.stated_high) == (2.5, 3.0)
    assert round(c.nominal_low, 2) == 2.79 and pd.isna(c.nominal_high)
    # real: 34/12.2 * cpi(2008)/cpi(2010)
    assert c.real_low == pytest.approx(34 / 12.2 * 215.303 / 218.056, abs=1e-4)
    assert "[2.5, 3)" in c.rule and "at least 2.79" in c.rule


def test_comparison_without_a_second_figure_is_not_checkable() -> None:
    claims = pd.read_csv(DATA / "tidy" / "claims.csv")
    c = claims[claims.kind == "comparison"].iloc[0]
    assert (c.verdict_nominal, c.verdict_real) == (NOT_CHECKABLE, NOT_CHECKABLE)
    assert "no figure" in c.rule


def test_synthetic_doubled_is_inconsistent(tmp_path: Path) -> None:
    """A whole new article through the build: "doubled" from $10 million to $35 million."""
    data = tmp_path / "data"
    source = data / "sources" / "test-2012-01-01-doubled"
    source.mkdir(parents=True)
    (source / "article.txt").write_text(
        "Aid doubled\n\nU.S. funding for police training in Honduras doubled, from $10 "
        "million in 2009 to $35 million in 2011, officials said.\n", encoding="utf-8")
    (source / "meta.json").write_text(json.dumps({
        "id": "test-2012-01-01-doubled", "title": "Aid doubled", "publisher": "Test Daily",
        "date_published": "2012-01-01", "date_added": "2026-11-27",
        "rights": "Written for this test"}))
    (data / "reference").mkdir()
    for name in ("cpi_u_annual.csv", "cpi_u_annual.meta.json"):
        (data / "reference" / name).write_bytes((DATA / "reference" / name).read_bytes())
    proc = subprocess.run([sys.executable, "-m", "etl", "build", "--data", str(data), "-q"],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    claims = pd.read_csv(data / "tidy" / "claims.csv")
    assert list(claims.text) == ["doubled", "doubled"]  # the headline says it too
    headline, c = claims.iloc[0], claims.iloc[1]
    assert headline.verdict_nominal == NOT_CHECKABLE  # no figures in the headline
    assert c.computed_ratio == 3.5
    assert (c.verdict_nominal, c.verdict_real) == (INCONSISTENT, INCONSISTENT)
    assert "within 10% of 2" in c.rule


@pytest.mark.parametrize(
    ("stated", "qualifier", "base", "compared", "verdict"),
    [
        (3.0, "nearly", Term(12.2e6, None, "exact", 2008), Term(34e6, None, "lower_bound", 2010),
         CONSISTENT),
        (3.0, "nearly", Term(10e6, None, "exact", 2008), Term(31e6, None, "exact", 2010),
         INCONSISTENT),  # 3.1 is not "nearly" 3
        (2.0, None, Term(10e6, None, "exact", 2008), Term(21e6, None, "exact", 2010),
         CONSISTENT),
        (2.0, "more than", Term(10e6, None, "exact", 2008), Term(15e6, None, "upper_bound", 2010),
         INCONSISTENT),  # at most 1.5
        (2.0, None, Term(10e6, None, "lower_bound", 2008), Term(20e6, None, "lower_bound", 2010),
         NOT_CHECKABLE),  # two lower bounds bound nothing
        (1.4, None, Term(100e6, None, "exact", 2008), Term(141e6, None, "exact", 2010),
         CONSISTENT),
    ],
)
def test_rules(stated, qualifier, base, compared, verdict) -> None:
    text = "rose 40 percent" if stated == 1.4 else "tripled"
    assert check_claim(stated, qualifier, text, base, compared, 1.0).verdict_nominal == verdict


def test_no_cpi_means_real_is_not_checkable() -> None:
    c = check_claim(2.0, None, "doubled", Term(1, None, "exact", 1990),
                    Term(2, None, "exact", 1995), None)
    assert c.verdict_nominal == CONSISTENT and c.verdict_real == NOT_CHECKABLE
    assert c.real is None and not math.isnan(c.nominal.low)


def test_claims_page_lists_verdicts_and_links_to_sources() -> None:
    at = run_app("claims")
    assert not at.exception
    text = "\n".join(m.value for m in at.markdown)
    assert "**“nearly tripled”** · change · nominal :green-badge[consistent]" in text
    assert ":gray-badge[not checkable from the sources]" in text
    links = [el for el in at.get("page_link")]
    assert any("claim=clm-" in str(el.proto) or "clm-" in str(el.proto) for el in links)


def test_rule_says_why_nearly_and_that_a_bound_leaves_a_side_open() -> None:
    """"nearly tripled" against $12.2 million and "more than $34 million": consistent, and
    the rule says what that cannot show (issue 15)."""
    from etl.checks import Term, check_claim

    check = check_claim(3, "nearly", "nearly tripled", Term(12.2e6, None, "exact", 2008),
                        Term(34e6, None, "lower_bound", 2010), 1.0)
    assert check.verdict_nominal == "consistent"
    assert "short of 3 by less than half a step" in check.rule
    assert "the figures leave the upper side open" in check.rule
    exact = check_claim(3, "nearly", "nearly tripled", Term(12.2e6, None, "exact", 2008),
                        Term(34e6, None, "exact", 2010), 1.0)
    assert exact.verdict_nominal == "consistent" and "side open" not in exact.rule


def test_claims_page_pages_through_the_claims_in_published_order(monkeypatch) -> None:
    """The page queries the claims a page at a time (FUNDTRACE_MAX_ITEMS_LISTED a page):
    at one a page, page n shows the table's n-th claim, and the figures it compares."""
    import dashboard.data
    from dashboard.formatting import escape_markdown

    monkeypatch.setenv("FUNDTRACE_MAX_ITEMS_LISTED", "1")
    claims = pd.read_parquet(f"{dashboard.data.load_tables().folder}/claims.parquet")
    assert len(claims) >= 2
    for number, claim in enumerate(claims.itertuples(), start=1):
        at = run_app("claims", query={"page": str(number)})
        assert not at.exception
        text = "\n".join(m.value for m in at.markdown)
        assert text.count("**“") == 1 and f"**“{escape_markdown(claim.text)}”**" in text
        assert at.number_input(key="page").value == number
        assert any(f"claims {number}–{number} shown" in c.value for c in at.caption)
        if isinstance(claim.base_figure_id, str):  # its figure, looked up by its id
            assert "From: —" not in text
