"""Precision, recall, F1 and attribute accuracy on the annotated test corpus.

tests/corpus/figures.jsonl holds sentences written in the styles of GAO and CRS reports
and newspapers, with hard negatives. The report is printed (run pytest -s to see it).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from etl.evaluate import load_corpus, score_corpus

CORPUS = Path(__file__).parent / "corpus" / "figures.jsonl"


@pytest.fixture(scope="module")
def items():
    return load_corpus(CORPUS)


def test_corpus_is_big_enough(items) -> None:
    with_figures = [i for i in items if i["figures"]]
    assert len(with_figures) >= 40
    assert sum(len(i["figures"]) for i in items) >= 60
    assert len(items) - len(with_figures) >= 10  # hard negatives


def test_scores(items) -> None:
    score = score_corpus(items)
    print(f"\nprecision {score.precision:.3f}  recall {score.recall:.3f}  F1 {score.f1:.3f}  "
          f"attribute accuracy {score.attribute_accuracy:.3f} "
          f"({score.attribute_hits}/{score.attribute_checks})")
    for name, (hit, total) in sorted(score.per_attribute.items()):
        print(f"  {name:12s} {hit}/{total}")
    for miss in score.misses:
        print(f"  - {miss}")
    assert score.f1 >= 0.95
    assert score.attribute_accuracy >= 0.90


def test_scoring_counts_mistakes() -> None:
    """The scorer itself: a wrong gold line lowers the scores it reports."""
    wrong = [{"id": "x", "text": "They spent $5 million in 2009 and $7 million.",
              "figures": [{"text": "$5 million", "amount": 5e6, "year": 2010},
                          {"text": "$9 million", "amount": 9e6}]}]
    score = score_corpus(wrong)
    assert (score.true_positives, score.false_positives, score.false_negatives) == (1, 1, 1)
    assert score.attribute_accuracy == 0.5
