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


REALTEXT_ATTRIBUTES = ("year", "year_type", "status", "funder", "kind")
BASELINES = {"year": None, "year_type": None, "status": "reported", "funder": None,
             "kind": "amount"}


@dataclass
class DocumentScore:
    """Scores on whole documents: amount F1 by span, and per-attribute accuracy over the
    matched figures with the trivial baseline of each (always empty, always "reported")."""

    matched: int = 0
    missed: int = 0
    spurious: int = 0
    hits: dict[str, int] = field(default_factory=dict)
    baseline_hits: dict[str, int] = field(default_factory=dict)
    misses: list[str] = field(default_factory=list)

    @property
    def f1(self) -> float:
        p = self.matched / (self.matched + self.spurious) if self.matched + self.spurious else 1
        r = self.matched / (self.matched + self.missed) if self.matched + self.missed else 1
        return 2 * p * r / (p + r) if p + r else 0.0

    def accuracy(self, name: str) -> float:
        return self.hits.get(name, 0) / self.matched if self.matched else 1.0

    def baseline(self, name: str) -> float:
        return self.baseline_hits.get(name, 0) / self.matched if self.matched else 1.0

    def report(self) -> str:
        lines = [f"documents' figures: matched {self.matched}, missed {self.missed}, "
                 f"spurious {self.spurious}; amount F1 {self.f1:.3f}",
                 "| attribute | accuracy | trivial baseline |", "| --- | --- | --- |"]
        lines += [f"| {n} | {self.accuracy(n):.2f} | {self.baseline(n):.2f} "
                  f"({BASELINES[n] or 'empty'}) |" for n in REALTEXT_ATTRIBUTES]
        return "\n".join(lines)


def score_documents(documents: list[dict[str, Any]], gold: list[dict[str, Any]]
                    ) -> DocumentScore:
    """Run the ``extract`` command's records on each document (with its date, when known)
    and compare them with the gold figures of that document, matched by span."""
    from etl.__main__ import figure_records

    score = DocumentScore()
    for doc in documents:
        ref = date.fromisoformat(doc["date"]) if doc.get("date") else None
        predicted = figure_records(doc["text"], ref)
        wanted = [g for g in gold if g["doc"] == doc["id"]]
        used: set[int] = set()
        for g in wanted:
            match = next((i for i, p in enumerate(predicted) if i not in used
                          and p["start"] < g["end"] and g["start"] < p["end"]), None)
            if match is None:
                score.missed += 1
                score.misses.append(f"{doc['id']}: missed {g['text']!r}")
                continue
            used.add(match)
            score.matched += 1
            p = predicted[match]
            for name in REALTEXT_ATTRIBUTES:
                hit = p.get(name) == g[name]
                score.hits[name] = score.hits.get(name, 0) + hit
                score.baseline_hits[name] = (score.baseline_hits.get(name, 0)
                                             + (BASELINES[name] == g[name]))
                if not hit:
                    score.misses.append(f"{doc['id']}: {g['text']!r} {name}: want "
                                        f"{g[name]!r}, got {p.get(name)!r}")
        for i, p in enumerate(predicted):
            if i not in used:
                score.spurious += 1
                score.misses.append(f"{doc['id']}: spurious {p['text']!r}")
    return score
