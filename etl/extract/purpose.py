"""What the money is for, read from the figure's sentence."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from etl import fastre as rx
from etl.extract.common import WINDOW, _near
from etl.extract.roles import _AGENCY_RE, _COUNTRY_RE
from etl.lexicon import (
    PURPOSE_KEYWORDS,
    PURPOSE_VERBS_GENERIC,
    PURPOSE_VERBS_KEPT,
)
from etl.money import Money

_PURPOSE_KW_RE = [(rx.compile(rf"\b(?:{k})\b", re.IGNORECASE), v) for k, v in
                  PURPOSE_KEYWORDS.items()]
# All keywords in one pass: group k<rank> says which label (the lower rank wins).
_PURPOSE_LABELS = list(PURPOSE_KEYWORDS.values())
_PURPOSE_KW_ANY = rx.compile(
    r"\b(?:" + "|".join(rf"(?P<k{i}>(?:{k})\b)" for i, k in enumerate(PURPOSE_KEYWORDS))
    + ")",
    re.IGNORECASE,
)
_PURPOSE_MODIFIER_RE = rx.compile(
    rf"\b(?P<mod>{'|'.join(PURPOSE_KEYWORDS)})\s+(?:funding|funds|aid|assistance|money|"
    r"spending|programs?|support|budget|efforts?|operations?|grants?|package)\b",
    re.IGNORECASE,
)
_VERB_ALT = "|".join(
    re.escape(v) for v in sorted(PURPOSE_VERBS_GENERIC + PURPOSE_VERBS_KEPT, key=len, reverse=True)
)
_PURPOSE_TO_RE = rx.compile(
    rf"\b(?:to|for|aimed\s+at|intended\s+to|meant\s+to|designed\s+to|in\s+order\s+to)\s+"
    rf"(?:help\s+(?:to\s+)?)?(?P<verb>{_VERB_ALT})\s+(?P<obj>[^,;:.()\"“”]+)",
    re.IGNORECASE,
)
_PURPOSE_FOR_RE = rx.compile(
    r"^(?:\s+(?:in\s+\w+\s+)?(?:funds?|funding|aid|assistance|worth\s+of\s+\w+|a\s+year|"
    r"annually|each\s+year|per\s+year))?"
    r"\s+(?:(?:went|go|goes|going|was|were|is|are|been|be|has\s+been|have\s+been|will\s+be)"
    r"\s+)?(?:(?:spent|earmarked|set\s+aside|allocated|devoted|used|directed|dedicated|"
    r"budgeted|went|goes|go|slated|designated)\s+)?"
    r"(?:for|on|toward|towards|to|in)\s+(?P<obj>[^,;:.()\"“”]+)",
    re.IGNORECASE,
)
_GENERIC_OBJECT = rx.compile(
    r"^(?:(?:new|additional|more|other|federal|U\.S\.|US|American|total|annual|its|their|"
    r"the|this|that|these|those|a|an|such)\s+)*(?:funds?|funding|aid|assistance|money|cash|"
    r"dollars|spending|support|program|programs|grants?|loans?|credits?|budget)$",
    re.IGNORECASE,
)
_NOT_PURPOSE_START = rx.compile(
    r"^(?:\d|(?:19|20)\d\d|fiscal|FY|the\s+(?:year|period|first|second|third|fourth|last|past|"
    r"next|same)|(?:a|the|each|every|this|next|last)\s+(?:fiscal\s+)?year|January|February|"
    r"March|April|May|June|July|August|September|October|November|December|more|less|about|"
    r"over|under|nearly|roughly|around|some|be|have|date|total|all|each|every|its|his|her|their|"
    r"now|cover|help|make)\b",
    re.IGNORECASE,
)

_PHRASE_STOP = rx.compile(
    r"\s+(?:in\s+(?:fiscal\s+)?(?:19|20)\d\d|by\s+(?:19|20)\d\d|over\s+(?:the\s+)?(?:next|past)\b|"
    r"according\s+to|officials?\s+said|said|says|and\s+(?:to|for)\s|from\s+(?:19|20)\d\d|"
    r"this\s+year|last\s+year|next\s+year|since|after|before|because|which|that|who|as|"
    r"under\s+(?:a|the)|in\s+the\s+(?:coming|next|past)|through)\b.*$",
    re.IGNORECASE,
)


def _clean_phrase(phrase: str) -> str | None:
    phrase = _PHRASE_STOP.sub("", phrase).strip()
    phrase = re.sub(r"\s+", " ", phrase)
    words = phrase.split(" ")
    if len(words) > 9:
        words = words[:9]
    phrase = " ".join(words).strip(" -–—'\"")
    phrase = re.sub(r"^(?:the|a|an)\s+", "", phrase, flags=re.IGNORECASE)
    return phrase or None


def _keyword_label(phrase: str) -> str | None:
    for pattern, label in _PURPOSE_KW_RE:
        if pattern.search(phrase):
            return label
    return None


@dataclass
class _PurposeCues:
    """Per-sentence positions the purpose of each figure is read from (found once)."""

    money_starts: list[int]
    modifiers: list[tuple[int, str]]  # (start, modifier words) of "X funding"
    modifier_starts: list[int]
    keywords: list[tuple[int, int, str]]  # (start, priority, label)
    keyword_starts: list[int]

    @classmethod
    def of(cls, sentence: str, money: list[Money]) -> _PurposeCues:
        mods = [(m.start(), m.group("mod")) for m in _PURPOSE_MODIFIER_RE.finditer(sentence)]
        kws = sorted((m.start(), int(m.lastgroup[1:]), _PURPOSE_LABELS[int(m.lastgroup[1:])])
                     for m in _PURPOSE_KW_ANY.finditer(sentence))
        return cls([m.start for m in money], mods, [m[0] for m in mods], kws,
                   [k[0] for k in kws])


def _purpose(sentence: str, fig: Money, cues: _PurposeCues) -> str | None:
    """What the money is for, read from this sentence only (None when it does not say).

    In order: a purpose clause right after the amount ("to improve security along the
    border"); a keyword modifier ("counternarcotics funding"); an object after "for", "on",
    "went to", "in" ("$500k set aside for environmental studies"), reduced to a keyword
    label when it contains one; a keyword anywhere near the figure in the sentence.
    """
    at = bisect_right(cues.money_starts, fig.start)
    next_start = cues.money_starts[at] if at < len(cues.money_starts) else len(sentence)
    after = sentence[fig.end : min(next_start, fig.end + WINDOW)]
    to = _PURPOSE_TO_RE.search(after)
    if to and to.start() < 120:
        verb = to.group("verb").lower()
        obj = _clean_phrase(to.group("obj"))
        if obj:
            return obj if verb in PURPOSE_VERBS_GENERIC else f"{verb} {obj}"
    lo, hi = fig.start - WINDOW, fig.end + WINDOW
    mods = _near(cues.modifiers, cues.modifier_starts, lo, hi)
    if mods:
        nearest = min(mods, key=lambda m: abs(m[0] - fig.start))
        label = _keyword_label(nearest[1])
        if label:
            return label
    fr = _PURPOSE_FOR_RE.match(after)
    if fr and not _NOT_PURPOSE_START.match(fr.group("obj")):
        obj = _clean_phrase(fr.group("obj"))
        if obj and not _is_only_place_or_time(obj) and not _GENERIC_OBJECT.match(obj):
            return _keyword_label(obj) or obj
    near = _near(cues.keywords, cues.keyword_starts, lo, hi)
    return min(near, key=lambda k: k[1])[2] if near else None


def _is_only_place_or_time(phrase: str) -> bool:
    stripped = re.sub(r"^(?:the\s+)?", "", phrase, flags=re.IGNORECASE)
    if _COUNTRY_RE.fullmatch(stripped) or _AGENCY_RE.fullmatch(stripped):
        return True
    if re.fullmatch(r"(?:fiscal\s+)?(?:year\s+)?(?:19|20)\d\d|(?:each|every|a|the|this|next|"
                    r"last)\s+(?:fiscal\s+)?year|\w+\s+years?", stripped, re.IGNORECASE):
        return True
    return not re.search(r"[a-z]", stripped)
