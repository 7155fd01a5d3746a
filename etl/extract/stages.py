"""The budget stage of each figure, from cue words (etl.lexicon.STATUS_CUES), list
introductions and compared figures.
"""

from __future__ import annotations

import re

from etl.extract.common import WINDOW, Extraction, _clause_of, _near
from etl.extract.context import CONTEXT_SENTENCES
from etl.extract.years import _baseline_spans
from etl.lexicon import (
    STATUS_CUES,
    WEAK_STATUS_CUES,
)
from etl.money import Money
from etl.segment import Span

# "above FY 2021 enacted levels", "the authorized amounts": the cue describes an amount
# it is compared with, not the stage of the figure
_NOT_A_STAGE_AFTER = r"(?!\s+(?:levels?|amounts?|funds|money|dollars|totals?)\b)"
_STATUS_RES = {
    status: re.compile(r"(?=\w)(?:" + "|".join(cues) + ")" + _NOT_A_STAGE_AFTER,
                       re.IGNORECASE)
    for status, cues in STATUS_CUES.items()
}
# Weak cues count only where a sentence has no other: "the bill provides $64.57 billion"
# is a proposal until a chamber passes it or it becomes law.
_WEAK_STATUS_RES = {
    status: re.compile(r"(?=\w)(?:" + "|".join(cues) + ")", re.IGNORECASE)
    for status, cues in WEAK_STATUS_CUES.items()
}
_STATUS_PRIORITY = ["authorized", "passed_chamber", "obligated", "disbursed", "appropriated",
                    "requested", "proposed", "estimated"]


def _status_cues(sentence: str) -> list[tuple[int, int, str, str]]:
    """Every status cue in the sentence: (start, end, status, words), sorted."""
    baselines = _baseline_spans(sentence)
    strong = sorted((m.start(), m.end(), status, m.group())
                    for status, pattern in _STATUS_RES.items()
                    for m in pattern.finditer(sentence)
                    if not any(a <= m.start() < b for a, b in baselines))
    # a cue inside a longer one is part of it: "authorized to be appropriated" is an
    # authorization, not an appropriation
    strong = [c for c in strong if not any(o is not c and o[0] <= c[0] and c[1] <= o[1]
                                           and o[1] - o[0] > c[1] - c[0] for o in strong)]
    if strong:
        return strong
    return sorted((m.start(), m.end(), status, m.group())
                  for status, pattern in _WEAK_STATUS_RES.items()
                  for m in pattern.finditer(sentence))


def _status(fig: Money, clauses: list[tuple[int, int]], clause_starts: list[int],
            cues: list[tuple[int, int, str, str]], cue_starts: list[int]) -> tuple[str, str | None]:
    """The cue nearest the figure wins, one in the figure's own clause first; ties go to
    the more specific status (appropriated > requested > proposed > estimated)."""
    clause = clauses[_clause_of(clause_starts, fig.start)]
    hits: list[tuple[int, int, str, str]] = []
    for start, end, status, words in _near(cues, cue_starts, fig.start - WINDOW,
                                           fig.end + WINDOW):
        if fig.start <= start < fig.end:
            continue
        same = clause[0] <= start < clause[1]
        dist = fig.start - end if end <= fig.start else start - fig.end
        hits.append((0 if same else 1, dist + _STATUS_PRIORITY.index(status), status, words))
    if not hits:
        return "reported", None
    _, _, status, cue = min(hits)
    return status, cue
_LIST_ITEM = re.compile(r"^\s*(?:[-•*–]|\d+[.)])\s")


def _stage_of_lists(result: Extraction, sentences: list[Span]) -> None:
    """A list item without a stage cue ("- $100 million for USAID to ...") takes the stage
    of the sentence that introduces the list."""
    introduced: dict[int, str | None] = {}  # list item's sentence -> the list's stage
    for f in result.figures:
        i = f.sentence_index
        if f.status_source is not None or not _is_list_item(sentences[i]):
            continue
        if i not in introduced:
            earlier = (_status_cues(sentences[j].text)
                       for j in range(i - 1, max(-1, i - 1 - CONTEXT_SENTENCES), -1))
            introduced[i] = next((cues[-1][2] for cues in earlier if cues), None)
        if introduced[i]:
            f.status, f.status_source = introduced[i], "previous sentence"


_ANAPHORIC_START = re.compile(r"^(?:This|That|It|Which)\s+(?:\w+\s+){0,2}?(?:is|was|represents|"
                              r"amounts to|marks)\b")


def _stage_of_comparisons(result: Extraction, sentences: list[Span]) -> None:
    """A figure that only measures the one before it ("This is $286 million above the
    President's request") has that figure's stage when its own sentence names none."""
    for f in result.figures:
        if f.status_source is not None or f.sentence_index == 0:
            continue
        if not _ANAPHORIC_START.match(sentences[f.sentence_index].text):
            continue
        before = [g for g in result.figures if g.sentence_index == f.sentence_index - 1]
        if before and before[-1].status_source is not None:
            f.status, f.status_source = before[-1].status, "previous sentence"


def _is_list_item(span: Span) -> bool:
    return bool(_LIST_ITEM.match(span.text))
