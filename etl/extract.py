"""From article text to money figures and change claims, each with its provenance.

``extract(text)`` segments the text, finds money amounts in each sentence
(:mod:`etl.money`) and reads, from the same sentence only, the year, funder, recipient,
purpose, status and attributed source of each. Nothing is carried over from other
sentences: a figure whose sentence does not say who paid has ``funder`` None.
"""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from datetime import date

from etl.checks import ratio_qualifier
from etl.lexicon import (
    AGENCIES,
    AMBIGUOUS_CURRENCY_WORDS,
    COUNTRIES,
    NUMBER_WORDS,
    PURPOSE_KEYWORDS,
    PURPOSE_VERBS_GENERIC,
    PURPOSE_VERBS_KEPT,
    SOURCES,
    STATUS_CUES,
    WEAK_STATUS_CUES,
)
from etl.money import Money, find_money
from etl.segment import Span, split_sentences


def _names_regex(table: dict[str, list[str]]) -> tuple[re.Pattern[str], dict[str, str]]:
    lookup: dict[str, str] = {}
    for canonical, aliases in table.items():
        for alias in aliases:
            lookup[alias] = canonical
            # "the administration" opens sentences as "The administration"
            lookup.setdefault(alias[0].upper() + alias[1:], canonical)
            if " administration" in alias:
                lookup.setdefault(alias.replace(" administration", " Administration"), canonical)
    alternation = "|".join(re.escape(a) for a in sorted(lookup, key=len, reverse=True))
    pattern = re.compile(rf"(?<![\w.])(?:{alternation})(?![\w]|\.\w)")
    return pattern, lookup


_AGENCY_RE, _AGENCY_OF = _names_regex(AGENCIES)
_SOURCE_RE, _SOURCE_OF = _names_regex(SOURCES)
_COUNTRY_RE, _COUNTRY_OF = _names_regex(COUNTRIES)
_NOT_AGENCY_AFTER = re.compile(
    r"\s+(?:Post|Office on|Times|Examiner|Institute)\b"
    r"|(?<=military)\s+(?:and\s+\w+\s+)?(?:aid|assistance|financing)\b"
)
# "U.S. aid", "U.S. military and economic aid": the U.S. government pays.
_US_AID_RE = re.compile(
    r"\b(?:U\.S\.|US|American)(?=\s+(?:[a-z-]+\s+(?:and\s+[a-z-]+\s+)?){0,2}"
    r"(?:aid|assistance|funding|funds|money|taxpayers)\b)"
)
# Roles by grammar: "$5 million for the Defense Department" names the recipient; "asked
# Congress for", "sent to Congress" name the addressee; neither pays.
_RECIPIENT_BEFORE = re.compile(r"\b(?:for|to|into|at|about)\s+(?:the\s+)?$",
                               re.IGNORECASE)
_ADDRESSEE_BEFORE = re.compile(
    r"\b(?:ask(?:s|ed|ing)?|urg(?:e|es|ed|ing)|call(?:s|ed)? on|sent to|submitted to|"
    r"transmitted to|told)\s+(?:the\s+)?$", re.IGNORECASE)
_JOINT_AFTER = re.compile(r"\s+and\s+(?:the\s+)?")
# "for the Department of State and the U.S. Agency for International Development": both
# receive
_COORDINATED_RECIPIENT = re.compile(
    r"\b(?:for|to)\s+(?:the\s+)?[A-Z][\w.&'’ ]{1,80}?\s+and\s+(?:the\s+)?$")
# Bills and laws are the Congress acting: "H.R. 2367 would authorize", "S. 1840".
_BILL_RE = re.compile(r"\b(?:H\.\s?R\.|S\.|H\.\s?J\.\s?Res\.|S\.\s?J\.\s?Res\.|"
                      r"P\.\s?L\.|Pub\.\s?L\.|Public Law)\s?\d[\d-]*|"
                      r"\b[Aa]ppropriations\s+(?:[Bb]ill|Act|[Pp]ackage|[Mm]easure)s?\b|"
                      r"\b(?:funding|spending)\s+(?:bill|package|measure)s?\b")

# Years a figure can be for: explicit years outside this range are not read as years, and
# relative arithmetic ("1000000 years later") that leaves it gives no year.
YEAR_MIN, YEAR_MAX = 1900, 2100
_YEAR = r"(?:19[5-9]\d|20\d\d)"
_YEAR_RE = re.compile(
    # the look-ahead lets the engine skip, at one test, every place no alternative can start
    rf"""(?=[0-9FfBb])(?:(?P<fiscal>\b(?:fiscal(?:[- ]years?)?|FY)\s?'?(?P<fy>{_YEAR}|\d\d)\b)
      | (?P<fiscal2>\b(?P<fy2>{_YEAR})\s+fiscal\s+year\b)
      | (?P<budget>\b(?P<by>{_YEAR})\s+(?:(?:defense|military|federal|Pentagon|State\s+Department|
            foreign[- ]aid|aid|spending|appropriations?|operating|federal\s+omnibus|omnibus|
            supplemental)\s+)?
            (?:budget|appropriations?|spending\s+bill|authorization|request|budget\s+request|
            omnibus|supplemental)\b)
      | (?P<budget2>\bbudget\s+(?:request\s+)?for\s+(?P<by2>{_YEAR})\b)
      | (?P<cal>(?<![\w$.,-])(?P<cy>{_YEAR})(?![\w$%]|,\d|\.\d|-(?:mile|year|page|member))))
    """,
    re.VERBOSE | re.IGNORECASE,
)
_YEAR_SPAN_RE = re.compile(
    rf"""\b(?:(?:from|between)\s+)?(?P<fy>(?:fiscal(?:[- ]years?)?|FY)\s?)?'?{_YEAR}\s*
      (?:through|thru|to|and|-|–)\s*(?:(?:fiscal(?:[- ]year)?|FY)\s?)?'?{_YEAR}\b
      | \b(?:since|after|before|by|until|through|beyond)\s+(?:the\s+end\s+of\s+)?
        (?:(?P<fy2>fiscal(?:[- ]year)?|FY)\s?)?{_YEAR}\b""",
    re.VERBOSE | re.IGNORECASE,
)
# Year mentions that are not the year of the money near them: a baseline ("$2 billion above
# the 2022 level"), the date of an event ("announced in October 2007", "On March 21, 2002,
# President Bush requested"), a law's name ("Foreign Assistance Act of 1961"). They are
# dropped; the figure may then take its year from its context.
_BASELINE_BEFORE = re.compile(
    r"(?:above|below|over|than|from|versus|vs\.?|compared (?:with|to)|relative to|up from|"
    r"down from|increase (?:from|over)|decrease (?:from|over)|of)\s+(?:the\s+|its\s+)?"
    r"(?:(?:fiscal(?:\s+year)?|FY)\s?)?$", re.IGNORECASE)
_BASELINE_AFTER = re.compile(
    r"^\s*(?:enacted\s+|requested\s+|appropriated\s+|funding\s+|budget\s+)?"
    r"(?:levels?|requests?|amounts?|appropriations?|enacted)\b", re.IGNORECASE)
_EVENT_VERB = (r"announc\w*|launch\w*|unveil\w*|sign\w*|establish\w*|creat\w*|began|"
               r"start\w*|introduc\w*|submitt\w*|sent|made|requested|asked|released|"
               r"transmitted|issued")
_EVENT_BEFORE = re.compile(
    rf"\b(?:{_EVENT_VERB})\s+(?:in|on)\s+(?:(?:early|late|mid-?)\s+)?"
    r"(?:(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December)\s+(?:\d{1,2},\s+)?)?$", re.IGNORECASE)
_DATE_BEFORE = re.compile(
    r"(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Jan\.|Feb\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)\s+(?:\d{1,2},\s+)?$")
_EVENT_AFTER = re.compile(rf"^[^$;]{{0,60}}?\b(?:{_EVENT_VERB})\b", re.IGNORECASE)
_LAW_BEFORE = re.compile(r"\bAct(?:\s+of|,)\s+$")


_BASELINE_PHRASE = re.compile(
    r"\b(?:above|below|over|under|than|compared\s+(?:with|to)|relative\s+to|versus|vs\.?)"
    r"\s+(?:the\s+|last\s+year'?s\s+)?(?:[\w’'.-]+\s+){0,5}?"
    r"(?:request|level|levels|enacted|appropriations?|budget|amount|allocation|year)\b"
    r"(?:\s+(?:request|requests|level|levels|enacted|budget|amounts?))*\b",
    re.IGNORECASE)


def _baseline_spans(sentence: str) -> list[tuple[int, int]]:
    """The phrases that name what a figure is compared with ("$286 million above the
    President's request", "above fiscal year 2023 enacted levels"): their stage words and
    payers describe the baseline, not the figure."""
    return [(m.start(), m.end()) for m in _BASELINE_PHRASE.finditer(sentence)]


def _not_money_year(sentence: str, start: int, end: int) -> bool:
    """Whether the year at sentence[start:end] is a baseline, an event's date or part of
    a law's name rather than the year of a figure."""
    before = sentence[max(0, start - 60) : start]
    after = sentence[end : end + 80]
    if _LAW_BEFORE.search(before):
        return True
    if _BASELINE_BEFORE.search(before) and (_BASELINE_AFTER.match(after)
                                            or re.search(r"\b(?:above|below|than|versus|"
                                                         r"compared|relative)\s+(?:the\s+)?"
                                                         r"(?:(?:fiscal(?:\s+year)?|FY)"
                                                         r"\s?)?$", before, re.IGNORECASE)
                                            or re.search(r"\b(?:increase|decrease|up|down)"
                                                         r"\s+from\s+$", before,
                                                         re.IGNORECASE)):
        return True
    if _EVENT_BEFORE.search(before):
        return True
    # "in October 2007, the United States and Mexico announced": a dated event
    return bool(_DATE_BEFORE.search(before) or re.search(r"\b(?:in|on)\s+$", before)) and \
        bool(_EVENT_AFTER.match(after)) and not re.search(r"\b(?:during|for|in)\s+(?:the\s+)?"
                                                          r"(?:week|month|quarter)", before)


_MAYBE_YEAR = re.compile(r"(?:19|20)\d\d|\bFY|\d\d\b|\byears?\b", re.IGNORECASE)
_NUM_WORD = "|".join(sorted((w for w in NUMBER_WORDS if NUMBER_WORDS[w] <= 12), key=len,
                            reverse=True))
_RELATIVE_RE = re.compile(
    rf"""\b(?:(?P<n>\d+|{_NUM_WORD})\s+(?P<fy1>fiscal\s+)?years?\s+(?P<dir>earlier|before|later|after|prior)
      | the\s+(?P<dir2>previous|prior|preceding|following|next)\s+(?P<fy2>fiscal\s+)?year
      | the\s+(?P<fy3>fiscal\s+)?year\s+(?P<dir3>before|earlier|after|later)
      | (?P<deictic>last|this|next|the\s+current)\s+(?P<fy4>fiscal\s+)?year
      | (?P<n2>\d+|{_NUM_WORD})\s+years?\s+ago)\b""",
    re.VERBOSE | re.IGNORECASE,
)
_CLAUSE_BREAK = re.compile(
    r";|:\s|\s[—–]\s|\s--\s|,\s+(?:and|but|while|whereas|although|though|yet)\s|"
    r"\s(?:while|whereas)\s",
    re.IGNORECASE,
)
_ATTRIBUTION_BEFORE = re.compile(
    r"(?:according\s+to|estimates?\s+(?:by|from)|report(?:ed)?\s+by|data\s+(?:from|by)|"
    r"analysis\s+(?:by|from)|audit\s+by|figures\s+from|study\s+by|review\s+by)\s+"
    r"(?:(?:a|an|the|new|recent|\w+'s)\s+)*(?:(?:estimates?|reports?|data|analysis|figures|"
    r"audit|study|review)\s+(?:by|from|of)\s+)?(?:the\s+)?$",
    re.IGNORECASE,
)
_ATTRIBUTION_AFTER = re.compile(
    r"^(?:'s?)?\s+(?:officials?\s+)?(?:said|says|estimated|estimates|reported|reports|found|"
    r"told|noted|calculated|concluded|wrote|testified)\b",
    re.IGNORECASE,
)
_ACCORDING_TO = re.compile(
    r"\baccording\s+to\s+(?:(?:a|an|the|new|recent)\s+)?(?:(?:estimates?|reports?|data|"
    r"analysis|figures|audit|study)\s+(?:by|from|of)\s+)?(?:the\s+)?"
    r"(?P<name>[A-Z][\w&.'-]*(?:\s+(?:of|for|and|on|the)?\s*[A-Z][\w&.'-]*){0,7})"
)
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
_PURPOSE_KW_RE = [(re.compile(rf"\b(?:{k})\b", re.IGNORECASE), v) for k, v in
                  PURPOSE_KEYWORDS.items()]
# All keywords in one pass: group k<rank> says which label (the lower rank wins).
_PURPOSE_LABELS = list(PURPOSE_KEYWORDS.values())
_PURPOSE_KW_ANY = re.compile(
    r"\b(?:" + "|".join(rf"(?P<k{i}>(?:{k})\b)" for i, k in enumerate(PURPOSE_KEYWORDS))
    + ")",
    re.IGNORECASE,
)
_PURPOSE_MODIFIER_RE = re.compile(
    rf"\b(?P<mod>{'|'.join(PURPOSE_KEYWORDS)})\s+(?:funding|funds|aid|assistance|money|"
    r"spending|programs?|support|budget|efforts?|operations?|grants?|package)\b",
    re.IGNORECASE,
)
_VERB_ALT = "|".join(
    re.escape(v) for v in sorted(PURPOSE_VERBS_GENERIC + PURPOSE_VERBS_KEPT, key=len, reverse=True)
)
_PURPOSE_TO_RE = re.compile(
    rf"\b(?:to|for|aimed\s+at|intended\s+to|meant\s+to|designed\s+to|in\s+order\s+to)\s+"
    rf"(?:help\s+(?:to\s+)?)?(?P<verb>{_VERB_ALT})\s+(?P<obj>[^,;:.()\"“”]+)",
    re.IGNORECASE,
)
_PURPOSE_FOR_RE = re.compile(
    r"^(?:\s+(?:in\s+\w+\s+)?(?:funds?|funding|aid|assistance|worth\s+of\s+\w+|a\s+year|"
    r"annually|each\s+year|per\s+year))?"
    r"\s+(?:(?:went|go|goes|going|was|were|is|are|been|be|has\s+been|have\s+been|will\s+be)"
    r"\s+)?(?:(?:spent|earmarked|set\s+aside|allocated|devoted|used|directed|dedicated|"
    r"budgeted|went|goes|go|slated|designated)\s+)?"
    r"(?:for|on|toward|towards|to|in)\s+(?P<obj>[^,;:.()\"“”]+)",
    re.IGNORECASE,
)
_GENERIC_OBJECT = re.compile(
    r"^(?:(?:new|additional|more|other|federal|U\.S\.|US|American|total|annual|its|their|"
    r"the|this|that|these|those|a|an|such)\s+)*(?:funds?|funding|aid|assistance|money|cash|"
    r"dollars|spending|support|program|programs|grants?|loans?|credits?|budget)$",
    re.IGNORECASE,
)
_NOT_PURPOSE_START = re.compile(
    r"^(?:\d|(?:19|20)\d\d|fiscal|FY|the\s+(?:year|period|first|second|third|fourth|last|past|"
    r"next|same)|(?:a|the|each|every|this|next|last)\s+(?:fiscal\s+)?year|January|February|"
    r"March|April|May|June|July|August|September|October|November|December|more|less|about|"
    r"over|under|nearly|roughly|around|some|be|have|date|total|all|each|every|its|his|her|their|"
    r"now|cover|help|make)\b",
    re.IGNORECASE,
)

_PHRASE_STOP = re.compile(
    r"\s+(?:in\s+(?:fiscal\s+)?(?:19|20)\d\d|by\s+(?:19|20)\d\d|over\s+(?:the\s+)?(?:next|past)\b|"
    r"according\s+to|officials?\s+said|said|says|and\s+(?:to|for)\s|from\s+(?:19|20)\d\d|"
    r"this\s+year|last\s+year|next\s+year|since|after|before|because|which|that|who|as|"
    r"under\s+(?:a|the)|in\s+the\s+(?:coming|next|past)|through)\b.*$",
    re.IGNORECASE,
)
_CLAIM_RE = re.compile(
    r"""\b(?P<q>nearly|almost|more\s+than|roughly|about|approximately|over|less\s+than|
           just\s+over|just\s+under|close\s+to|at\s+least|well\s+over|some)?\s*
        (?P<claim>
           (?P<fixed>doubled|tripled|trebled|quadrupled|halved|cut\s+in\s+half|fell\s+by\s+half)
         | (?P<verb>rose|grew|increased|jumped|climbed|soared|surged|fell|dropped|declined|
                    decreased|shrank|plunged|multiplied|was\s+cut|were\s+cut|been\s+cut)
           \s+(?:by\s+)?(?P<q2>nearly\s+|almost\s+|about\s+|more\s+than\s+|roughly\s+|some\s+)?
           (?P<n>\d+(?:\.\d+)?|two|three|four|five|six|seven|eight|nine|ten)
           \s?(?P<unit>times|-?fold|percent|per\s+cent|%)
         | (?P<n3>\d+(?:\.\d+)?|two|three|four|five|six|seven|eight|nine|ten)
           -fold\s+(?P<dir3>increase|rise|jump|decrease|decline|drop|reduction)
        )""",
    re.VERBOSE | re.IGNORECASE,
)
_COMPARISON_RE = re.compile(
    r"\b(?P<rel>a\s+(?:small\s+|tiny\s+|large\s+|modest\s+|significant\s+)?(?:fraction|"
    r"portion|share|sliver)\s+of|(?:twice|three\s+times|four\s+times|\d+(?:\.\d+)?\s+times)"
    r"\s+(?:as\s+much\s+as|more\s+than|the)|(?:half|a\s+third|a\s+quarter|the\s+bulk|"
    r"the\s+majority)\s+of|dwarf(?:s|ed)?)\s+(?P<obj>[^,;.]+)",
    re.IGNORECASE,
)
_CLAIM_WORDS = ("doubl", "tripl", "trebl", "quadrupl", "halv", "half", "times", "fold",
                "percent", "per cent", "%")
_MONEY_CONTEXT = re.compile(
    r"\$|\b(?:money|funding|funds|aid|assistance|budget|spending|dollars|financing)\b",
    re.IGNORECASE,
)
_WORD_NUMS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
              "nine": 9, "ten": 10}


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
    # "heading", "document date" (or "curation"), with the words that gave them.
    year_source: str | None = None
    funder_source: str | None = None
    funder_text: str | None = None
    status_source: str | None = None
    kind: str = "amount"  # amount | cumulative (a total over time) | rate (per year)

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


def _year_mentions(
    sentence: str, money: list[Money], ref_year: int | None
) -> list[tuple[int, int, int | None, str, str]]:
    """(start, end, year, year type, text) of each year a sentence names, outside amounts."""
    taken = [(m.start, m.end) for m in money]

    def inside(a: int, b: int) -> bool:
        return any(a < e and s < b for s, e in taken)

    found: list[tuple[int, int, int | None, str, str]] = []
    if not _MAYBE_YEAR.search(sentence):
        return found
    spans = []
    for m in _YEAR_SPAN_RE.finditer(sentence):
        if not inside(m.start(), m.end()):
            kind = "fiscal" if (m.group("fy") or m.group("fy2")) else "calendar"
            found.append((m.start(), m.end(), None, kind, m.group()))
            spans.append((m.start(), m.end()))
    for m in _YEAR_RE.finditer(sentence):
        if inside(m.start(), m.end()) or any(a <= m.start() < b for a, b in spans):
            continue
        if _not_money_year(sentence, m.start(), m.end()):
            continue
        if m.group("fiscal"):
            raw = m.group("fy")
            year = int(raw) if len(raw) == 4 else 2000 + int(raw)
            found.append((m.start(), m.end(), year, "fiscal", m.group()))
        elif m.group("fiscal2"):
            found.append((m.start(), m.end(), int(m.group("fy2")), "fiscal", m.group()))
        elif m.group("budget"):
            found.append((m.start(), m.end(), int(m.group("by")), "fiscal", m.group()))
        elif m.group("budget2"):
            found.append((m.start(), m.end(), int(m.group("by2")), "fiscal", m.group()))
        else:
            found.append((m.start(), m.end(), int(m.group("cy")), "calendar", m.group()))
    explicit = [y for y in found if y[2] is not None]
    for m in _RELATIVE_RE.finditer(sentence):
        if inside(m.start(), m.end()):
            continue
        fiscal = any(m.group(g) for g in ("fy1", "fy2", "fy3", "fy4"))
        if m.group("deictic") or m.group("n2"):
            if ref_year is None:
                continue
            if m.group("n2"):
                offset = -_count(m.group("n2"))
            else:
                offset = {"last": -1, "this": 0, "next": 1}.get(m.group("deictic").lower(), 0)
            year = ref_year + offset
            found.append((m.start(), m.end(), year if YEAR_MIN <= year <= YEAR_MAX else None,
                          "fiscal" if fiscal else "calendar", m.group()))
            continue
        if not explicit:
            continue
        direction = (m.group("dir") or m.group("dir2") or m.group("dir3")).lower()
        sign = -1 if direction in {"earlier", "before", "prior", "previous", "preceding"} else 1
        n = _count(m.group("n")) if m.group("n") else 1
        anchor = min(explicit, key=lambda y: abs(y[0] - m.start()))
        kind = "fiscal" if fiscal or anchor[3] == "fiscal" else "calendar"
        year = anchor[2] + sign * n if anchor[2] else None
        if year is not None and not YEAR_MIN <= year <= YEAR_MAX:
            year = None  # arithmetic past any plausible year: the figure gets no year
        found.append((m.start(), m.end(), year, kind, m.group()))
    return found


def _count(word: str) -> int:
    if word.isdigit():  # past six digits the exact count no longer matters: no such year
        return int(word) if len(word) <= 6 else 10**7
    return NUMBER_WORDS.get(word.lower(), 1)


def _assign_years(
    sentence: str, money: list[Money], mentions: list[tuple[int, int, int | None, str, str]]
) -> list[tuple[int | None, str | None, str | None]]:
    years = sorted(mentions)
    year_starts = [y[0] for y in years]
    money_starts = [m.start for m in money]
    clause_starts = [a for a, _ in _clauses(sentence)]
    out: list[tuple[int | None, str | None, str | None]] = []
    for fig in money:
        best, best_score = None, None
        for ys, ye, year, kind, text in _near(years, year_starts, fig.start - WINDOW,
                                              fig.end + WINDOW):
            if ys >= fig.end:
                gap, lo, hi = ys - fig.end, fig.end, ys
            else:
                gap, lo, hi = fig.start - ye, ye, fig.start
            score = gap
            others = bisect_left(money_starts, hi) - bisect_left(money_starts, lo)
            if lo <= fig.start < hi:
                others -= 1
            if others > 0:
                joined = sentence[lo:hi]
                if re.search(r"\b(?:to|from|up|down|compared|versus|vs)\b", joined, re.I):
                    continue  # that year belongs to the other figure of a change
                score += 1000
            if _clause_of(clause_starts, ys) != _clause_of(clause_starts, fig.start):
                score += 500
            if ys < fig.start:
                score += 5  # "$12.2 million in 2008": a following year is the closer reading
            if best_score is None or score < best_score:
                # a span of years ("fiscal years 2008 through 2010", "since 2001") is a
                # cumulative figure: it has a year type but no single year
                best, best_score = (year, kind, text), score
        out.append(best if best else (None, None, None))
    return out


def _mentions(sentence: str) -> tuple[list[_Mention], list[_Mention], list[_Mention]]:
    agencies, sources, countries = [], [], []
    for m in _AGENCY_RE.finditer(sentence):
        if _NOT_AGENCY_AFTER.match(sentence, m.end()):
            continue
        mention = _Mention(m.start(), m.end(), _AGENCY_OF[m.group()], "agency")
        agencies.append(_Mention(m.start(), m.end(), mention.name, "agency",
                                 _is_attribution(sentence, mention)))
    for m in _US_AID_RE.finditer(sentence):
        agencies.append(_Mention(m.start(), m.end(), "United States government", "agency"))
    for m in _BILL_RE.finditer(sentence):
        agencies.append(_Mention(m.start(), m.end(), "U.S. Congress", "agency"))
    agencies.sort(key=lambda a: a.start)
    for m in _SOURCE_RE.finditer(sentence):
        sources.append(_Mention(m.start(), m.end(), _SOURCE_OF[m.group()], "source"))
    for m in _COUNTRY_RE.finditer(sentence):
        countries.append(_Mention(m.start(), m.end(), _COUNTRY_OF[m.group()], "country"))
    return agencies, sources, countries


def _is_attribution(sentence: str, m: _Mention) -> bool:
    before = sentence[max(0, m.start - 80) : m.start]
    return bool(_ATTRIBUTION_BEFORE.search(before) or _ATTRIBUTION_AFTER.match(sentence[m.end :]))


def _distance(m: _Mention, fig: Money) -> int:
    if m.end <= fig.start:
        return fig.start - m.end
    if m.start >= fig.end:
        return m.start - fig.end + 10
    return 0


def _funder(sentence: str, fig: Money, agencies: list[_Mention],
            sources: list[_Mention]) -> str | None:
    source_spans = [(s.start, s.end) for s in sources]
    candidates = [a for a in agencies
                  if not any(s <= a.start < e for s, e in source_spans)
                  and a.name not in SOURCES and not _not_a_payer(sentence, a)]
    if not candidates:
        return None
    plain = [a for a in candidates if not a.attributed]
    pool = plain or candidates

    def score(a: _Mention) -> int:
        s = _distance(a, fig)
        if a.name == "United States government":
            s += 150
        if a.name == "U.S. Congress":
            s += 40
        return s

    best = min(pool, key=score)
    # "through the Department of State and the U.S. Agency for International Development":
    # agencies paying jointly are the government they belong to
    joint = _JOINT_AFTER.match(sentence, best.end)
    if joint and any(a.start == joint.end() and a.name != best.name for a in agencies):
        return "United States government"
    return best.name


def _funder_mention(sentence: str, fig: Money, agencies: list[_Mention],
                    sources: list[_Mention], funder: str | None) -> str | None:
    """The words in the sentence that named the payer ``funder``."""
    if funder is None:
        return None
    named = [a for a in agencies if a.name == funder]
    if not named:
        return funder
    best = min(named, key=lambda a: _distance(a, fig))
    return sentence[best.start : best.end]


def _not_a_payer(sentence: str, m: _Mention) -> bool:
    """An agency named as the recipient ("$5 million for USAID") or the addressee ("asked
    Congress for") of the money, not its payer."""
    before = sentence[max(0, m.start - 40) : m.start]
    if _ADDRESSEE_BEFORE.search(before):
        return True
    if before.endswith("("):  # "(USAID)" restates the name before it, already weighed
        return True
    if any(a <= m.start < b for a, b in _baseline_spans(sentence)):
        return True  # "above the President's request": the baseline's author
    if re.search(r"\b(?:implementing|enacting|under)\s+$", before):
        return True  # "implementing the bill would cost": what is costed, not who pays
    if _COORDINATED_RECIPIENT.search(sentence[max(0, m.start - 120) : m.start]):
        return True
    return bool(_RECIPIENT_BEFORE.search(before)) and m.name != "United States government"


def _recipient(sentence: str, fig: Money, countries: list[_Mention],
               funder: str | None) -> str | None:
    foreign_funder = funder in {"Government of Mexico", "World Bank",
                                "Inter-American Development Bank", "International Monetary Fund",
                                "United Nations", "European Union"}
    pool = []
    for c in countries:
        if c.name == "United States" and not foreign_funder:
            continue
        if funder == "Government of Mexico" and c.name == "Mexico":
            continue
        pool.append(c)
    if not pool:
        return None

    def score(c: _Mention) -> int:
        s = _distance(c, fig)
        before = sentence[max(0, c.start - 12) : c.start].lower()
        if re.search(r"\b(?:to|for|in|into|with)\s+(?:the\s+)?$", before):
            s -= 40
        if sentence[c.end : c.end + 2] in {"'s", "’s"}:
            s -= 20
        return s

    return min(pool, key=score).name


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


def _attributed_source(
    sentence: str, agencies: list[_Mention], sources: list[_Mention]
) -> str | None:
    if sources:
        return sources[0].name
    for a in agencies:
        if a.attributed:
            return a.name
    m = _ACCORDING_TO.search(sentence)
    if m:
        return m.group("name").rstrip(".")
    return None


def _currency(fig: Money, countries: list[_Mention]) -> str:
    if fig.currency_word and fig.currency_word.lower() in AMBIGUOUS_CURRENCY_WORDS:
        table = AMBIGUOUS_CURRENCY_WORDS[fig.currency_word.lower()]
        named = [table[c.name] for c in countries if c.name in table]
        return named[0] if len(set(named)) == 1 else "XXX"
    return fig.currency


def _stated_ratio(m: re.Match[str]) -> float | None:
    fixed = (m.group("fixed") or "").lower()
    if fixed:
        if fixed.startswith("doubl"):
            return 2.0
        if fixed.startswith(("tripl", "trebl")):
            return 3.0
        if fixed.startswith("quadrupl"):
            return 4.0
        return 0.5
    raw = m.group("n") or m.group("n3")
    n = float(raw) if raw[0].isdigit() else float(_WORD_NUMS[raw.lower()])
    unit = (m.group("unit") or "fold").lower()
    verb = (m.group("verb") or m.group("dir3") or "").lower()
    down = bool(re.match(r"fell|dropped|declined|decreased|shrank|plunged|was|were|been|"
                         r"decrease|decline|drop|reduction", verb))
    if unit in {"percent", "per cent", "%"}:
        return 1 - n / 100 if down else 1 + n / 100
    return 1 / n if down else n


def _claims(sentence_index: int, offset: int, sentence: str, figures: list[Figure],
            doc_key: str, sentence_key: str) -> list[Claim]:
    out: list[Claim] = []
    lowered = sentence.lower()
    has_change_word = any(w in lowered for w in _CLAIM_WORDS)
    comparable = [f for f in figures if f.currency == figures[0].currency] if figures else []
    comparable_starts = [f.start - offset for f in comparable]
    for m in (_CLAIM_RE.finditer(sentence) if has_change_word else ()):
        start, end = offset + m.start("claim"), offset + m.end("claim")
        if m.group("q"):
            start = offset + m.start("q")
        q = m.group("q") or m.group("q2")
        same = _near(comparable, comparable_starts, m.start() - WINDOW, m.end() + WINDOW)
        base = compared = None
        computed = cq = None
        note = None
        if len(same) >= 2:
            base, compared = _pair(sentence, offset, same)
            if base.amount:
                computed = round(compared.amount / base.amount, 4)
                cq = ratio_qualifier(base.qualifier, compared.qualifier)
        else:
            note = "the sentence gives fewer than two figures to compare"
        out.append(Claim(
            claim_id=_stable_id("clm", doc_key, sentence_key, m.start(), m.group("claim")),
            sentence_index=sentence_index, start=start, end=end,
            text=sentence[start - offset : end - offset], kind="change",
            claim_qualifier=re.sub(r"\s+", " ", q.strip().lower()) if q else None,
            stated_ratio=_stated_ratio(m),
            base_figure_id=base.figure_id if base else None,
            compared_figure_id=compared.figure_id if compared else None,
            computed_ratio=computed, computed_ratio_qualifier=cq, compared_to=None, note=note,
        ))
    if _MONEY_CONTEXT.search(sentence):
        for m in _COMPARISON_RE.finditer(sentence):
            obj = _clean_phrase(m.group("obj"))
            out.append(Claim(
                claim_id=_stable_id("clm", doc_key, sentence_key, m.start(), m.group()),
                sentence_index=sentence_index, start=offset + m.start(), end=offset + m.end(),
                text=m.group(), kind="comparison", claim_qualifier=None, stated_ratio=None,
                base_figure_id=None, compared_figure_id=None, computed_ratio=None,
                computed_ratio_qualifier=None, compared_to=obj,
                note=None if figures else "the sentence gives no figure for either side",
            ))
    return out


def _pair(sentence: str, offset: int, figs: list[Figure]) -> tuple[Figure, Figure]:
    """Which two figures a change claim compares: "from A ... to B", else by year, else order."""
    froms = [f for f in figs
             if re.search(r"\bfrom\s+(?:\w+\s+){0,2}$", sentence[max(0, f.start - offset - 25):
                                                               f.start - offset], re.I)]
    if froms:
        base = froms[0]
        rest = [f for f in figs if f is not base]
        return base, min(rest, key=lambda f: abs(f.start - base.start))
    dated = [f for f in figs if f.year is not None]
    if len(dated) >= 2 and len({f.year for f in dated}) >= 2:
        ordered = sorted(dated, key=lambda f: (f.year, f.start))
        return ordered[0], ordered[-1]
    return figs[0], figs[1]


_CUMULATIVE = re.compile(
    r"\b(?:total(?:s|ed|ing|led|ling)?|in all|altogether|cumulative(?:ly)?|combined|"
    r"so far|to date|since)\b|\bover the\s+(?:\w+\s+){0,2}(?:period|years)\b|"
    r"(?:19|20)\d\d\s*(?:-|–|through|to)\s*(?:FY)?(?:19|20)\d\d", re.IGNORECASE)
_RATE = re.compile(
    r"\b(?:a|per|each|every|any given)\s+(?:fiscal\s+)?year\b|\bannually\b|"
    r"\b(?:average\s+)?annual(?:\s+average)?\b|\bon average\b|\ba year\b",
    re.IGNORECASE)
_DEICTIC_NOW = re.compile(r"\b(?:today|yesterday|this week|tonight|now)\b", re.IGNORECASE)
_LIST_ITEM = re.compile(r"^\s*(?:[-•*–]|\d+[.)])\s")
CONTEXT_SENTENCES = 8  # how far back a figure's year or payer is looked for


# For a figure of one year, "total funding" is its amount; a running total says so.
_TOTAL_WORDS = re.compile(
    r"\b(?:bring(?:s|ing)? the total|cumulative(?:ly)?|so far|to date|in all)\b",
    re.IGNORECASE)


def _kind(sentence: str, fig: Money, has_year: bool, lo: int, hi: int) -> str:
    """A total over time, a yearly rate, or an amount, from the words around the figure,
    not reaching past the figures before and after it (``lo``, ``hi``); a span of years
    makes a total only of a figure that has no single year."""
    near = sentence[max(lo, fig.start - 80) : min(hi, fig.end + 80)]
    if _RATE.search(sentence[max(lo, fig.start - 120) : min(hi, fig.end + 60)]):
        return "rate"
    if (_TOTAL_WORDS if has_year else _CUMULATIVE).search(near):
        return "cumulative"
    return "amount"


@dataclass
class _Context:
    """What a sentence offers the sentences after it: its years (only when it names one
    year of money, not counting baselines and event dates), its payer and its stage."""

    years: list[tuple[int, str, str]]  # (year, year type, words)
    payers: list[tuple[str, str]]  # (canonical name, words)
    heading: bool


def _sentence_context(sentence: str, kind: str,
                      mentions: list[tuple[int, int, int | None, str, str]],
                      agencies: list[_Mention], sources: list[_Mention]) -> _Context:
    years = [(y, t, w) for _, _, y, t, w in mentions if y is not None]
    distinct = {(y, t) for y, t, _ in years}
    source_spans = [(s.start, s.end) for s in sources]
    payers = [(a.name, sentence[a.start : a.end]) for a in agencies
              if not a.attributed and not _not_a_payer(sentence, a)
              and not any(s <= a.start < e for s, e in source_spans)]
    return _Context(years if len(distinct) == 1 else [],
                    payers if len({p for p, _ in payers}) == 1 else [], kind == "heading")


def _fiscal_years_named(text: str) -> set[int]:
    return {int(m.group("fy")) if len(m.group("fy")) == 4 else 2000 + int(m.group("fy"))
            for m in _YEAR_RE.finditer(text) if m.group("fiscal")}


def _from_context(result: Extraction, contexts: list[_Context], scoped: list[bool],
                  text: str, reference_date: date | None) -> None:
    """Fill a figure's year and payer from the sentences before it when its own sentence
    is silent (and says no span, no "since", no "after"), and its year from the document's
    date when the sentence speaks of today; each with its source and words."""
    fiscal_named: set[int] | None = None
    for f in result.figures:
        i = f.sentence_index
        if f.year is None and not scoped[i]:
            for j in range(i - 1, max(-1, i - 1 - CONTEXT_SENTENCES), -1):
                if contexts[j].years:
                    year, year_type, words = contexts[j].years[0]
                    f.year, f.year_type, f.year_text = year, year_type, words
                    f.year_source = "heading" if contexts[j].heading else "previous sentence"
                    break
            sentence = result.sentences[i].text
            if f.year is None and reference_date is not None and _DEICTIC_NOW.search(sentence):
                if fiscal_named is None:
                    fiscal_named = _fiscal_years_named(text)
                f.year = reference_date.year
                f.year_type = "fiscal" if reference_date.year in fiscal_named else "calendar"
                f.year_text = f"{_DEICTIC_NOW.search(sentence).group()} (dated " \
                              f"{reference_date.isoformat()})"
                f.year_source = "document date"
        if f.funder is None and f.status != "estimated":
            for j in range(i - 1, max(-1, i - 1 - CONTEXT_SENTENCES), -1):
                if contexts[j].payers:
                    f.funder, f.funder_text = contexts[j].payers[0]
                    f.funder_source = ("heading" if contexts[j].heading
                                       else "previous sentence")
                    break


def extract(text: str, doc_key: str = "", reference_date: date | None = None) -> Extraction:
    """Segment ``text`` and extract its money figures and claims."""
    sentences = split_sentences(text)
    result = Extraction(sentences=sentences)
    ref_year = reference_date.year if reference_date else None
    contexts: list[_Context] = []
    scoped: list[bool] = []
    for index, span in enumerate(sentences):
        sentence = span.text
        # IDs hash the sentence's digest, not its text, so that they cost the same per figure
        # however long the sentence is
        sentence_key = hashlib.sha1(sentence.encode("utf-8")).hexdigest()
        money = find_money(sentence)
        figures: list[Figure] = []
        mentions = (_year_mentions(sentence, money, ref_year) if _MAYBE_YEAR.search(sentence)
                    else [])
        # a sentence that states when (even as a span, "since" or "after") lends no year
        scoped.append(bool(mentions) or bool(_RATE.search(sentence)))
        if not money and not mentions and not _AGENCY_RE.search(sentence):
            contexts.append(_Context([], [], span.kind == "heading"))
        if not money and len(contexts) == index:
            agencies, sources, _ = _mentions(sentence)
            contexts.append(_sentence_context(sentence, span.kind, mentions, agencies,
                                              sources))
        if money:
            agencies, sources, countries = _mentions(sentence)
            agency_starts = [a.start for a in agencies]
            country_starts = [c.start for c in countries]
            clauses = _clauses(sentence)
            clause_starts = [a for a, _ in clauses]
            cues = _status_cues(sentence)
            cue_starts = [c[0] for c in cues]
            credited = _attributed_source(sentence, agencies, sources)
            years = _assign_years(sentence, money, mentions)
            purpose_cues = _PurposeCues.of(sentence, money)
            for k, (fig, (year, year_type, year_text)) in enumerate(zip(money, years,
                                                                      strict=True)):
                lo, hi = fig.start - WINDOW, fig.end + WINDOW
                near_countries = _near(countries, country_starts, lo, hi)
                funder = _funder(sentence, fig, _near(agencies, agency_starts, lo, hi), sources)
                status, cue = _status(fig, clauses, clause_starts, cues, cue_starts)
                fig_text = sentence[fig.start : fig.end]
                if year is None:
                    year_type = None  # a span or "since" has no single year to qualify
                funder_mention = _funder_mention(sentence, fig,
                                                 _near(agencies, agency_starts, lo, hi),
                                                 sources, funder)
                figures.append(Figure(
                    figure_id=_stable_id("fig", doc_key, sentence_key, fig.start, fig_text),
                    sentence_index=index,
                    start=span.start + fig.start, end=span.start + fig.end, text=fig_text,
                    amount=fig.amount, amount_high=fig.amount_high,
                    currency=_currency(fig, near_countries),
                    qualifier=fig.qualifier, qualifier_text=fig.qualifier_text,
                    year=year, year_type=year_type, year_text=year_text,
                    funder=funder,
                    recipient=_recipient(sentence, fig, near_countries, funder),
                    purpose=_purpose(sentence, fig, purpose_cues),
                    status=status, status_cue=cue,
                    attributed_source=credited,
                    year_source="sentence" if year is not None else None,
                    funder_source="sentence" if funder is not None else None,
                    funder_text=funder_mention,
                    status_source="sentence" if cue else None,
                    kind=_kind(sentence, fig, year is not None,
                               money[k - 1].end if k else 0,
                               money[k + 1].start if k + 1 < len(money) else len(sentence)),
                ))
            contexts.append(_sentence_context(sentence, span.kind, mentions, agencies,
                                              sources))
        result.figures.extend(figures)
        result.claims.extend(_claims(index, span.start, sentence, figures, doc_key,
                                     sentence_key))
    _from_context(result, contexts, scoped, text, reference_date)
    _stage_of_lists(result, sentences)
    _stage_of_comparisons(result, sentences)
    return result


def _stage_of_lists(result: Extraction, sentences: list[Span]) -> None:
    """A list item without a stage cue ("- $100 million for USAID to ...") takes the stage
    of the sentence that introduces the list."""
    by_sentence: dict[int, str | None] = {}
    for f in result.figures:
        line_start = result_text_line_start(sentences[f.sentence_index])
        if f.status_source is not None or not line_start:
            continue
        stage = by_sentence.get(f.sentence_index)
        if f.sentence_index not in by_sentence:
            stage = None
            for j in range(f.sentence_index - 1, max(-1, f.sentence_index - 1
                                                         - CONTEXT_SENTENCES), -1):
                cues = _status_cues(sentences[j].text)
                if cues:
                    stage = cues[-1][2]
                    break
            by_sentence[f.sentence_index] = stage
        if stage:
            f.status, f.status_source = stage, "previous sentence"


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


def result_text_line_start(span: Span) -> bool:
    return bool(_LIST_ITEM.match(span.text))
