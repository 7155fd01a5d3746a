"""The shared parts of extraction: the Figure, Claim and Extraction records, mentions, clauses
and ids.
"""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field

from etl import fastre as rx
from etl.money import Money
from etl.segment import Span


def literal_alternation(words: Iterable[str]) -> str:
    """A regular expression matching any of ``words`` as a trie of their letters, longer
    words tried before the words they begin with (so the longest that matches wins, as in
    an alternation sorted by length): Python's engine then tries one branch per next letter
    instead of every word at every place (names: 3.7 times faster, the same matches on the
    synthetic corpus and every real-text set)."""
    trie: dict[str, dict] = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def build(node: dict[str, dict]) -> str:
        branches = [re.escape(char) + build(node[char]) for char in sorted(node) if char]
        if not branches:
            return ""
        if len(branches) == 1 and "" not in node:
            return branches[0]
        return "(?:" + "|".join(branches) + ("|" if "" in node else "") + ")"

    return build(trie)


def _names_regex(table: dict[str, list[str]]) -> tuple[re.Pattern[str], dict[str, str]]:
    lookup: dict[str, str] = {}
    for canonical, aliases in table.items():
        for alias in aliases:
            lookup[alias] = canonical
            # "the administration" opens sentences as "The administration"
            lookup.setdefault(alias[0].upper() + alias[1:], canonical)
            if " administration" in alias:
                lookup.setdefault(alias.replace(" administration", " Administration"), canonical)
    pattern = rx.compile(rf"(?<![\w.]){literal_alternation(lookup)}(?![\w]|\.\w)")
    return pattern, lookup
_CLAUSE_BREAK = rx.compile(
    r";|:\s|\s[—–]\s|\s--\s|,\s+(?:and|but|while|whereas|although|though|yet)\s|"
    r"\s(?:while|whereas)\s|"
    # "€15 million already allocated ... plus €6 million earmarked in decisions being
    # prepared": the sum's parts, each with its own words
    r",?\s(?:plus)\s(?=(?:an?\s+)?(?:additional\s+|further\s+|another\s+)?(?:[$€£¥]|\d))",
    re.IGNORECASE,
)


@dataclass
class Figure:
    """One money figure, with offsets into the document text."""

    figure_id: str
    sentence_index: int
    start: int
    end: int
    text: str
    amount: float
    amount_high: float | None
    currency: str
    qualifier: str
    qualifier_text: str | None
    year: int | None
    year_type: str | None
    year_text: str | None
    funder: str | None
    recipient: str | None
    purpose: str | None
    status: str
    status_cue: str | None
    attributed_source: str | None
    curated: str = ""  # attributes a person corrected, or "added"
    # Where the year, payer and stage came from: "sentence", "previous sentence",
    # "heading", "document date", "later sentence" (a headline's figure restated in the
    # body) or "curation", with the words that gave them.
    year_source: str | None = None
    funder_source: str | None = None
    funder_text: str | None = None
    status_source: str | None = None
    kind: str = "amount"  # amount | cumulative | rate | total (a table's total row)
    table_cell: str | None = None  # for a figure read from a table: which cell
    page: int | None = None  # for a figure read from a PDF's table: the table's page
    review: str | None = None  # why a person should check it first (etl.extract.review)
    # where the currency came from when not the figure's own sign or word ("document": a
    # story about one country that writes "$" for its own dollars), with the words
    currency_source: str | None = None
    currency_text: str | None = None

    @property
    def amount_usd(self) -> float | None:
        return self.amount if self.currency == "USD" else None

    @property
    def amount_high_usd(self) -> float | None:
        return self.amount_high if self.currency == "USD" else None


@dataclass
class Claim:
    """A verbal change or comparison claim ("nearly tripled", "a small fraction of")."""

    claim_id: str
    sentence_index: int
    start: int
    end: int
    text: str
    kind: str  # "change" or "comparison"
    claim_qualifier: str | None
    stated_ratio: float | None
    base_figure_id: str | None
    compared_figure_id: str | None
    computed_ratio: float | None
    computed_ratio_qualifier: str | None
    compared_to: str | None
    note: str | None


@dataclass
class Extraction:
    sentences: list[Span]
    figures: list[Figure] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)


# Context is read within this many characters of a figure: real sentences are shorter,
# and the bound keeps a megabyte without full stops linear to process.
WINDOW = 400


def _near(items: list, starts: list[int], lo: int, hi: int) -> list:
    """The items (sorted by start, ``starts`` their starts) that start in [lo, hi)."""
    return items[bisect_left(starts, lo) : bisect_left(starts, hi)]


@dataclass(frozen=True)
class _Mention:
    start: int
    end: int
    name: str
    kind: str
    attributed: bool = False  # named as the one who says or estimates, not who pays


def _stable_id(prefix: str, *parts: object) -> str:
    digest = hashlib.sha1("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()
    return f"{prefix}-{digest[:10]}"


def _clauses(sentence: str) -> list[tuple[int, int]]:
    cuts = [0]
    for m in _CLAUSE_BREAK.finditer(sentence):
        cuts.append(m.end())
    cuts.append(len(sentence))
    return [(cuts[i], cuts[i + 1]) for i in range(len(cuts) - 1)]


def _clause_of(clause_starts: list[int], pos: int) -> int:
    """Index of the clause holding ``pos``, given the clauses' start offsets."""
    return max(0, bisect_right(clause_starts, pos) - 1)


def _distance(m: _Mention, fig: Money) -> int:
    if m.end <= fig.start:
        return fig.start - m.end
    if m.start >= fig.end:
        return m.start - fig.end + 10
    return 0


_LIST_ITEM = rx.compile(r"^\s*(?:[-•*–]|\d+[.)])\s")
_LONGEST_LIST = 100  # items skipped looking back, so a document's cost stays linear


def _is_list_item(span: Span) -> bool:
    return bool(_LIST_ITEM.match(span.text))


def _looking_back(sentences: list[Span], i: int, reach: int) -> range:
    """The sentences before sentence ``i`` whose context it may take, nearest first:
    ``reach`` of them, not counting the other items of a list ``i`` belongs to (the tenth
    line of a list is as near its introduction as the first)."""
    first = i
    while first > max(0, i - _LONGEST_LIST) and _is_list_item(sentences[first]) and \
            _is_list_item(sentences[first - 1]):
        first -= 1
    return range(i - 1, max(-1, first - 1 - reach), -1)
