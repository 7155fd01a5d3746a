"""The seed article: exactly three money figures, every attribute, and the claim."""

from __future__ import annotations

from datetime import date

import pytest
from helpers import SEED_TEXT

from etl.extract import extract

S1 = ("The Pentagon's counternarcotics funding for Mexico has nearly tripled, from $12.2 million "
      "in 2008 to more than $34 million in 2010, according to estimates by the Government "
      "Accountability Office.")
S3 = ("One plan under consideration involves using $50 million in funds from the Pentagon's "
      "2011 budget to improve security along Mexico's southern border, officials said.")


@pytest.fixture(scope="module")
def result():
    return extract(SEED_TEXT, "seed", date(2010, 11, 11))


def test_exactly_three_figures(result) -> None:
    assert [f.text for f in result.figures] == ["$12.2 million", "$34 million", "$50 million"]
    for f in result.figures:
        assert SEED_TEXT[f.start : f.end] == f.text


EXPECTED = [
    dict(amount=12_200_000, amount_high=None, currency="USD", qualifier="exact", year=2008,
         status="estimated", funder="Department of Defense", recipient="Mexico",
         purpose="counternarcotics", attributed_source="Government Accountability Office",
         sentence=S1),
    dict(amount=34_000_000, amount_high=None, currency="USD", qualifier="lower_bound",
         qualifier_text="more than", year=2010, status="estimated",
         funder="Department of Defense", recipient="Mexico", purpose="counternarcotics",
         attributed_source="Government Accountability Office", sentence=S1),
    dict(amount=50_000_000, amount_high=None, currency="USD", qualifier="exact", year=2011,
         year_type="fiscal", status="proposed", funder="Department of Defense",
         recipient="Mexico", purpose="security along Mexico's southern border",
         attributed_source=None, sentence=S3),
]


@pytest.mark.parametrize("index", range(3))
def test_figure_attributes(result, index: int) -> None:
    fig = result.figures[index]
    sentence = result.sentences[fig.sentence_index].text
    for name, want in EXPECTED[index].items():
        got = sentence if name == "sentence" else getattr(fig, name)
        assert got == want, f"{fig.text} {name}"
    assert sentence in SEED_TEXT  # verbatim


def test_nearly_tripled_claim(result) -> None:
    change = [c for c in result.claims if c.kind == "change"]
    assert len(change) == 1
    claim = change[0]
    assert claim.text == "nearly tripled"
    assert claim.stated_ratio == 3.0
    assert claim.claim_qualifier == "nearly"
    assert round(claim.computed_ratio, 2) == 2.79
    assert claim.computed_ratio_qualifier == "lower_bound"
    by_id = {f.figure_id: f for f in result.figures}
    assert by_id[claim.base_figure_id].text == "$12.2 million"
    assert by_id[claim.compared_figure_id].text == "$34 million"


def test_state_department_comparison_has_no_figures(result) -> None:
    comparison = [c for c in result.claims if c.kind == "comparison"]
    assert len(comparison) == 1
    assert "State Department" in comparison[0].compared_to
    assert comparison[0].computed_ratio is None
    assert comparison[0].note
