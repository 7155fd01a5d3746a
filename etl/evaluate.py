"""Score the extractor against an annotated corpus (JSON Lines, one sentence a line).

Each line: ``{"id", "text", "figures": [{"text", "amount", ...}], "reference_date"?}``.
A predicted figure matches a gold one when their texts are the same span of the sentence.
Attribute accuracy counts, over matched figures, each attribute the gold line states;
``purpose`` matches when one phrase, lower-cased, contains the other.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from etl.extract import Figure, extract

ATTRIBUTES = (
    "amount", "amount_high", "currency", "qualifier", "year", "year_type", "funder",
    "recipient", "purpose", "status", "source",
)


@dataclass
class Score:
    true_positives: int = 0
    false_positives: int = 0
    false_negatives: int = 0
    attribute_checks: int = 0
    attribute_hits: int = 0
    misses: list[str] = field(default_factory=list)
    per_attribute: dict[str, list[int]] = field(default_factory=dict)

    @property
    def precision(self) -> float:
        d = self.true_positives + self.false_positives
        return self.true_positives / d if d else 1.0

    @property
    def recall(self) -> float:
        d = self.true_positives + self.false_negatives
        return self.true_positives / d if d else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def attribute_accuracy(self) -> float:
        return self.attribute_hits / self.attribute_checks if self.attribute_checks else 1.0


def _predicted(fig: Figure, name: str) -> Any:
    if name == "source":
        return fig.attributed_source
    return getattr(fig, name)


def _same(name: str, gold: Any, got: Any) -> bool:
    if name in {"amount", "amount_high"}:
        if gold is None or got is None:
            return gold is got
        return math.isclose(float(gold), float(got), rel_tol=1e-9)
    if name == "purpose":
        if not gold or not got:
            return gold == got
        g, p = str(gold).lower(), str(got).lower()
        return g in p or p in g
    return gold == got


def load_corpus(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


def score_corpus(items: list[dict[str, Any]]) -> Score:
    score = Score()
    for item in items:
        ref = date.fromisoformat(item["reference_date"]) if item.get("reference_date") else None
        figures = extract(item["text"], item["id"], ref).figures
        by_text = {}
        for f in figures:
            by_text.setdefault(f.text, []).append(f)
        gold_texts = [g["text"] for g in item["figures"]]
        for g in item["figures"]:
            found = by_text.get(g["text"])
            if not found:
                score.false_negatives += 1
                score.misses.append(f"{item['id']}: missed {g['text']!r}")
                continue
            fig = found.pop(0)
            score.true_positives += 1
            for name in ATTRIBUTES:
                if name not in g:
                    continue
                hit = _same(name, g[name], _predicted(fig, name))
                score.attribute_checks += 1
                score.attribute_hits += hit
                tally = score.per_attribute.setdefault(name, [0, 0])
                tally[0] += hit
                tally[1] += 1
                if not hit:
                    score.misses.append(
                        f"{item['id']}: {g['text']!r} {name}: want {g[name]!r}, "
                        f"got {_predicted(fig, name)!r}"
                    )
        for text, rest in by_text.items():
            for _ in rest:
                if text not in gold_texts or rest:
                    score.false_positives += 1
                    score.misses.append(f"{item['id']}: spurious {text!r}")
    return score
