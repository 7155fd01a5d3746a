"""The year of each figure: explicit, fiscal, relative and spanned years, and the years that
are not the money's (baselines, event dates, law names).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache

from etl import fastre as rx
from etl.extract.common import WINDOW, _clause_of, _clauses, _near
from etl.lexicon import (
    NUMBER_WORDS,
)
from etl.money import Money

# Years a figure can be for: explicit years outside this range are not read as years, and
# relative arithmetic ("1000000 years later") that leaves it gives no year.
YEAR_MIN, YEAR_MAX = 1900, 2100
_YEAR = r"(?:19[5-9]\d|20\d\d)"
_YEAR_RE = rx.compile(
    # the look-ahead lets the engine skip, at one test, every place no alternative can start
    # ("financial year 2024": the fiscal year's name in Commonwealth countries)
    rf"""(?=[0-9FfBb])(?:(?P<fiscal>\b(?:fiscal(?:[- ]years?)?(?:\s+\(FY\))?|financial[- ]years?|FY)
            \s?['’]?(?P<fy>{_YEAR}|\d\d)\b)
      | (?P<fiscal2>\b(?P<fy2>{_YEAR})\s+fiscal\s+year\b)
      | (?P<budget>\b(?P<by>{_YEAR})\s+(?:(?:defense|military|federal|Pentagon|State\s+Department|
            foreign[- ]aid|aid|spending|appropriations?|operating|federal\s+omnibus|omnibus|
            supplemental|general\s+fund)\s+)?
            (?:budget|appropriations?|spending\s+bill|authorization|request|budget\s+request|
            omnibus|supplemental)\b)
      | (?P<budget2>\bbudget\s+(?:request\s+)?for\s+(?P<by2>{_YEAR})\b)
      | (?P<billname>\b(?P<by3>{_YEAR})\s+(?:[A-Z][\w,&-]*\s+){{1,6}}?(?:Funding|Appropriations|
            Spending)\s+(?:Bill|Act|Measure)\b)
      | (?P<cal>(?<![\w$.,-])(?P<cy>{_YEAR})(?![\w$%]|,\d|\.\d|-(?:mile|year|page|member))))
    """,
    re.VERBOSE | re.IGNORECASE,
)
_YEAR_SPAN_RE = rx.compile(
    rf"""\b(?:(?:from|between)\s+)?(?P<fy>(?:fiscal(?:[- ]years?)?|FY)\s?)?'?{_YEAR}\s*
      (?:through|thru|to|and|-|–)\s*(?:(?:fiscal(?:[- ]year)?|FY)\s?)?'?{_YEAR}\b
      | \b(?:since|after|before|by|until|through|beyond)\s+(?:the\s+end\s+of\s+)?
        (?:(?:early|late|mid-?)\s*)?(?:(?P<fy2>fiscal(?:[- ]year)?|FY)\s?)?{_YEAR}\b
      | \bsince\s+(?:January|February|March|April|May|June|July|August|September|October|
        November|December)\s+(?:\d{{1,2}},\s+)?{_YEAR}\b
      | \bsince\s+(?:[\w’'-]+\s+){{1,8}}?(?:on|in)\s+(?:(?:January|February|March|April|May|
        June|July|August|September|October|November|December|Jan\.|Feb\.|Mar\.|Apr\.|Aug\.|
        Sept?\.|Oct\.|Nov\.|Dec\.)\s+(?:\d{{1,2}},\s+)?)?{_YEAR}\b
      # "since the Biden administration came into office": a span from an event
      | \bsince\s+(?:the\s+)?(?:[\w’'.-]+\s+){{1,5}}?(?:came\s+(?:in)?to\s+office|took\s+office|
        (?:was|were)\s+(?:created|established|launched|founded)|began|started)\b
      # "since Russia’s 2022 invasion": a span from a year named by its owner's event
      | \bsince\s+(?:the\s+)?[A-Z][\w.-]*[’']s\s+{_YEAR}\b
      | \b(?P<fy3>fiscal\s+years|FYs?)\s?{_YEAR}(?:,\s*(?:FY\s?)?{_YEAR})*,?\s+(?:and|or)\s+
        (?:FY\s?)?{_YEAR}\b
      | \b(?:in|over|during)\s+(?:the\s+(?:first|past|last|next|previous)\s+)?
        (?:\d{{1,2}}|two|three|four|five|six|seven|eight|nine|ten)\s+years\b
      | \b(?:in|over|during)\s+the\s+(?:past|last|previous)\s+decade\b
      | \bthis\s+year\s+and\s+(?:the\s+)?next(?:\s+year)?\b
      | \bbetween\s+now\s+and\s+(?:the\s+end\s+of\s+)?
        (?:(?:fiscal(?:[- ]year)?|FY)\s?)?{_YEAR}\b
""",
    re.VERBOSE | re.IGNORECASE,
)
# "its M accounts for FY 1984 and before": that year and every one before it
_AND_BEFORE_SPAN = rx.compile(rf"(?P<fy>\b(?:fiscal(?:[- ]years?)?|FY)\s?)?\b{_YEAR}\s+and\s+"
                              r"(?:before|earlier|prior|previous\s+years|later|after)\b",
                              re.IGNORECASE)
# Year mentions that are not the year of the money near them: a baseline ("$2 billion above
# the 2022 level"), the date of an event ("announced in October 2007", "On March 21, 2002,
# President Bush requested"), a law's name ("Foreign Assistance Act of 1961"). They are
# dropped; the figure may then take its year from its context.
_BASELINE_BEFORE = rx.compile(
    r"(?:above|below|over|than|from|versus|vs\.?|compared (?:with|to)|relative to|up from|"
    # "This exceeds FY23 enacted levels by $59 million"
    r"exceed(?:s|ed|ing)?|"
    r"down from|increase (?:from|over)|decrease (?:from|over)|of)\s+(?:the\s+|its\s+)?"
    # "a seven percent increase over enacted fiscal 2006 funding levels"
    r"(?:(?:enacted|requested|appropriated|estimated|projected|current|actual)\s+)?(?:(?:fiscal(?:\s+year)?|FY)\s?)?$",
    re.IGNORECASE)
_BASELINE_AFTER = rx.compile(
    r"^\s*(?:enacted\s+|requested\s+|appropriated\s+|funding\s+|budget\s+)?"
    r"(?:levels?|requests?|amounts?|appropriations?|enacted|budgets?)\b", re.IGNORECASE)
_EVENT_VERB = (r"announc\w*|launch\w*|unveil\w*|sign\w*|establish\w*|creat\w*|began|"
               r"start\w*|introduc\w*|submitt\w*|sent|made|requested|asked|released|"
               r"transmitted|issued|promised|pledged|passed|approved|adopted|enacted|voted|"
               r"reported|imposed")
_MONTHS = (r"January|February|March|April|May|June|July|August|September|October|November|"
           r"December")
_MONTHS_SHORT = r"Jan\.|Feb\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\."  # as datelines write them
_EVENT_BEFORE = rx.compile(
    # "spending caps imposed by Congress in 2023"
    # ("the FY2012 request, sent to Congress on February 14, 2011, includes $X")
    # ("The Merida Initiative, signed by President George W. Bush and Mexican leader Felipe
    # Calderon in 2007, promises helicopters": the day of a signing by two)
    rf"\b(?:{_EVENT_VERB})\s+(?:(?:by|to)\s+(?:the\s+)?(?:[A-Z][\w.]*\s+){{1,4}}"
    rf"(?:and\s+(?:[\w.]+\s+){{1,4}})?)?(?:in|on)\s+"
    rf"(?:(?:early|late|mid-?)\s+)?"
    rf"(?:(?:{_MONTHS})\s+(?:\d{{1,2}},\s+)?)?$", re.IGNORECASE)
_DATE_BEFORE = rx.compile(
    rf"(?:{_MONTHS}|{_MONTHS_SHORT})\s+(?:\d{{1,2}},\s+)?$")
_EVENT_AFTER = rx.compile(rf"^[^$;]{{0,60}}?\b(?:{_EVENT_VERB})\b", re.IGNORECASE)
_LAW_BEFORE = rx.compile(
    # ("the Enhanced Partnership with Pakistan Act of 1 2009": a footnote's number between)
    r"\bAct(?:\s+of|,)\s+(?:\d\s+)?"
    # "section 2(a) of the Act of August 1, 1956": a law named by the day it was enacted
    rf"(?:(?:{_MONTHS})\s+\d{{1,2}}\W{{1,2}}\s*)?$"
    # a page of the Statutes at Large: "PUBLIC LAW 100-202—DEC. 22, 1987"
    r"|\bPUBLIC\s+LAW\s+[\d-]+\s*[—–-]\s*(?:[A-Z]{3,9}\.?\s+(?:\d{1,2}|DD),\s+)?$")
# "Appropriations Act, 2006", "Continuing Appropriations Resolution, 2007": an
# appropriation law's year is the fiscal year of its money
_APPROPRIATION_LAW_BEFORE = rx.compile(r"\bAppropriations?\s+(?:Act|Resolution)(?:\s+of|,)\s+$",
                                       re.IGNORECASE)
# "for the fiscal year ending September 30, 2010": fiscal 2010
_FISCAL_YEAR_ENDING = rx.compile(
    rf"\bfiscal\s+year\s+(?:(?:commencing|beginning|starting)\s[^.;]{{0,40}}?\band\s+)?"
    rf"end(?:ing|s|ed)\s+(?:on\s+)?(?:(?:{_MONTHS})\s+(?:\d{{1,2}},\s+)?)?$",
    re.IGNORECASE)
# "shall remain available until September 30, 2009": a deadline, not the money's year;
# "as of June 1, 2013, State had obligated $463 million": the date a running total was
# read, not the year of the money
# "with a June 12, 2025, ordering period end date", "a Sept. 30, 2021, completion date":
# a date a contract ends by, named before the words that say so
_DEADLINE_AFTER = rx.compile(r"^,?\s+(?:[\w-]+\s+){0,3}?(?:end|completion|expiration)\s+date\b",
                             re.IGNORECASE)
_DEADLINE_BEFORE = rx.compile(
    # ("with an estimated completion date of June 11, 2025": when the work ends)
    rf"\b(?:until|through|by|no\s+later\s+than|as\s+of|(?:completion|end(?:ing)?|expiration)\s+"
    rf"date\s+(?:of|is)|expires?\s+(?:on|in)|"
    # "for the fiscal year commencing July 1, 2023, and ending June 30, 2024": its start
    # ("with an estimated completion date of Aug. 9, 2030")
    rf"(?:commencing|beginning|starting)(?:\s+on)?)\s+(?:(?:{_MONTHS}|{_MONTHS_SHORT})\s+"
    r"(?:\d{1,2},\s+)?)$", re.IGNORECASE)


_BASELINE_PHRASE = rx.compile(
    # "about $10 billion below what the department had originally projected"
    r"\b(?:above|below|over|under|than)\s+what\s+[^.;,$]{0,60}?\b(?:projected|requested|enacted|"
    r"appropriated|proposed|planned|estimated|expected|approved)\b|"
    # ("overseas contingency operations funding of $88.5 billion, the same as the request")
    # ("$1.6 billion for border barriers, in line with the original White House request")
    r"\b(?:above|below|over|under|than|compared\s+(?:with|to)|relative\s+to|versus|vs\.?|"
    r"exceed(?:s|ed|ing)?|same\s+as|in\s+line\s+with)"
    # ("over the annualized Continuing Resolution (CR) level": a name's abbreviation too)
    r"\s+(?:the\s+|last\s+year'?s\s+)?(?:[\w’'.()-]+\s+){0,5}?"
    # ("$411.5 million (1 percent) above the FY 2023 Estimate")
    r"(?:request|level|levels|enacted|appropriations?|budget|amount|allocation|year|"
    r"estimates?)\b"
    r"(?:\s+(?:request|requests|level|levels|enacted|budget|amounts?))*\b"
    # "$3.1 billion above the CBO estimate of the President's request": whose estimate of what
    r"(?:\s+of\s+(?:the\s+)?(?:[\w’'.]+\s+){0,3}?(?:request|budget|proposal)\b)?"
    # (not "the Fiscal 2011 request of $159.3 billion": the words name the figure after them)
    r"(?!\s+of\s+(?:about\s+|nearly\s+|roughly\s+)?(?:US)?[$€£])"
    # "an increase of $404 million over the amount initially requested by the White House"
    r"(?:\s+(?:(?:initially|originally|first|previously)\s+)?(?:requested|proposed|sought|"
    r"enacted|appropriated|approved|provided)(?:\s+by\s+(?:the\s+)?(?:(?-i:[A-Z])[\w.’']*\s?){1,3}"
    # "above the levels provided in the 2000 Interior and Related Agencies Appropriations Act"
    r"|\s+in\s+(?:the\s+)?(?:(?:19|20)\d\d\s+)?(?:(?:(?-i:[A-Z])[\w.’'-]*|and|of|for)\s+){1,10}?"
    r"(?-i:Act|Law)\b)?)?",
    re.IGNORECASE)


@lru_cache(maxsize=64)  # asked once per stage cue and per payer named in the same sentence
def _baseline_spans(sentence: str) -> tuple[tuple[int, int], ...]:
    """The phrases that name what a figure is compared with ("$286 million above the
    President's request", "above fiscal year 2023 enacted levels"): their stage words and
    payers describe the baseline, not the figure."""
    return tuple((m.start(), m.end()) for m in _BASELINE_PHRASE.finditer(sentence))


def _not_money_year(sentence: str, start: int, end: int) -> bool:
    """Whether the year at sentence[start:end] is a baseline, an event's date or part of
    a law's name rather than the year of a figure."""
    return _why_not_money_year(sentence, start, end) is not None


# "With the recent enactment of the FY2010 Supplemental Appropriations Act (...), Congress
# has provided almost $1.8 billion for the Mérida Initiative": the law that brought the total
# to what it is, not the year of the total (etl/extract/kinds.py reads it as one)
_ENACTMENT_OF = rx.compile(r"\b[Ww]ith\s+the\s+(?:recent\s+)?(?:enactment|passage)\s+of\s+"
                           r"(?:the\s+)?$")
_HAS_PROVIDED_AFTER = rx.compile(r"[^$;]{0,140}?,\s+(?:[A-Z][\w.]*\s+){1,3}(?:has|have)\s+"
                                 r"(?:now\s+)?(?:provided|appropriated|made\s+available)\b")


def _why_not_money_year(sentence: str, start: int, end: int) -> str | None:
    """"law", "deadline", "baseline", "prices" or "event" when the year at
    sentence[start:end] is not the year of a figure; None when it may be."""
    before = sentence[max(0, start - 60) : start]
    after = sentence[end : end + 80]
    if _LAW_BEFORE.search(before):
        return "law"
    if _DEADLINE_BEFORE.search(before) or _DEADLINE_AFTER.match(after):
        return "deadline"
    if _ENACTMENT_OF.search(before) and _HAS_PROVIDED_AFTER.match(sentence, end):
        return "event"
    # (an event's verb may stand further back than the other cues: "signed by President
    # George W. Bush and Mexican leader Felipe Calderon in 2007")
    return _baseline_or_event(sentence, before, after, sentence[max(0, start - 120) : start])


# "above the 2012 budget", "less than in 2012", "compared to 2014": the year compared with
_COMPARED_WITH = rx.compile(r"\b(?:above|below|than(?:\s+in)?|versus|compared\s+(?:with|to)|"
                            # "about the same as 2018 and $1 billion more than in 2017"
                            r"(?:the\s+)?same\s+as|"
                            r"relative\s+to)\s+(?:the\s+)?(?:(?:original|enacted|revised|"
                            r"adopted|prior|current|final|proposed)\s+)?"
                            r"(?:(?:fiscal(?:\s+year)?|FY)\s?)?$", re.IGNORECASE)
# "up from 2022", "a decrease of 61 million from the fiscal year 2012"
_CHANGE_FROM = rx.compile(r"\b(?:increase|decrease|cut|reduction|drop|rise|up|down)\b"
                          r"(?:[^.;]|\.(?=\d)){0,40}?\b(?:from|over)\s+(?:the\s+)?(?:(?:fiscal(?:\s+year)?|FY)"
                          r"\s?)?$",
                          re.IGNORECASE)


# "an increase of 39% over the FY2015 appropriation of $899.5 million": the year names the
# figure it is compared with, which is a figure of that year
_NAMES_FIGURE_AFTER = rx.compile(
    r"^\s*(?:enacted\s+|requested\s+|appropriated\s+|funding\s+|budget\s+)?"
    r"(?:levels?|requests?|amounts?|appropriations?|enacted|budgets?)\s+of\s+"
    r"(?:about\s+|nearly\s+|roughly\s+|approximately\s+|some\s+|just\s+)?(?:US)?[$€£]",
    re.IGNORECASE)


# "an increase of $979.9 million above the amounts provided in 2000", "above the levels
# provided in the 2000 Interior and Related Agencies Appropriations Act": the year compared
# with
_PROVIDED_IN_BEFORE = rx.compile(
    # ("a 2.9 percent increase over the net budget authority enacted for 2008")
    # ("$1.375 billion ..., the same amount included in the fiscal 2019 bill")
    r"\b(?:(?:above|below|over|under|than|from|versus)\s+(?:the\s+)?|the\s+same\s+)"
    r"(?:[\w-]+\s+){0,2}?(?:amounts?|"
    r"levels?|funding|appropriations?|sums?|totals?|authority|budget)\s+"
    r"(?:provided|enacted|appropriated|approved|available|included|"
    r"received|requested)\s+(?:in|for)\s+(?:the\s+)?(?:(?:fiscal(?:\s+year)?|FY)\s?)?$",
    re.IGNORECASE)
_FUNDED_AFTER = rx.compile(r"^,?\s+(?:the\s+)?(?:U\.S\.\s+)?Congress\s+(?:\w+\s+)?"
                           r"(?:appropriated|provided|allocated)\b")
# ("The Merida Initiative dates to a 2007 meeting between President George W. Bush and
# Mexican President Felipe Calderón": a meeting's year)
_CAMPAIGN_AFTER = rx.compile(r"\s+(?:presidential\s+|midterm\s+|general\s+|primary\s+)?"
                             r"(?:campaign|elections?|race|primar(?:y|ies)|Olympics|World\s+Cup|"
                             r"meetings?|summit|visit|speech|conference|talks|trip)\b",
                             re.IGNORECASE)
# "over $160 billion (constant 2012 dollars)": the prices the money is counted in, not its year
_PRICE_BASE = rx.compile(r"\b(?:constant|real|inflation-adjusted|current)\s+"
                         r"(?:fiscal\s+(?:year\s+)?|FY\s?)?$|\bin\s+$", re.IGNORECASE)
_DOLLARS_AFTER = rx.compile(r"^\s*(?:U\.S\.\s+|US\s+)?dollars\b", re.IGNORECASE)


def _baseline_or_event(sentence: str, before: str, after: str, wide: str = "") -> str | None:
    if _NAMES_FIGURE_AFTER.match(after):
        return None
    if _DOLLARS_AFTER.match(after) and _PRICE_BASE.search(before):
        return "prices"  # "(constant 2012 dollars)", "in 2012 dollars"
    if _PROVIDED_IN_BEFORE.search(before):
        return "baseline"
    if _DATE_BEFORE.search(before) and _FUNDED_AFTER.match(after):
        return "event"  # "In July 2010, Congress appropriated more than $1.14 billion": the
        # day of the law, not the fiscal year of its money
    if _CAMPAIGN_AFTER.match(after):
        return "event"  # "his main promise during the 2016 campaign"
    if _BASELINE_BEFORE.search(before) and (_BASELINE_AFTER.match(after)
                                            or _COMPARED_WITH.search(before)
                                            or _CHANGE_FROM.search(before)):
        return "baseline"
    if _COMPARED_WITH.search(before):
        return "baseline"  # "$ 124 million less than in 2012", "Compared to 2014, ..."
    if _EVENT_BEFORE.search(wide or before):
        return "event"
    # "in October 2007, the United States and Mexico announced": a dated event
    dated = bool(_DATE_BEFORE.search(before) or re.search(r"\b(?:in|on)\s+$", before)) and \
        bool(_EVENT_AFTER.match(after)) and not re.search(r"\b(?:during|for|in)\s+(?:the\s+)?"
                                                          r"(?:week|month|quarter)", before)
    return "event" if dated else None


def _event_years(sentence: str) -> list[tuple[int, str]]:
    """(year, words) of each date the sentence gives its event ("July 2020: The Government
    of Nepal has signed a financial agreement ... for $450 million")."""
    return [(int(m.group("cy")), m.group()) for m in _YEAR_RE.finditer(sentence)
            if m.group("cy") and _why_not_money_year(sentence, m.start(), m.end()) == "event"]


def _event_dated(sentence: str) -> bool:
    """Whether the sentence dates an event ("On October 22, 2007, ... announced"): it then
    says when, and an earlier sentence's year is not the year of its money."""
    return any(not m.group("fiscal") and _why_not_money_year(sentence, m.start(), m.end())
               == "event" for m in _YEAR_RE.finditer(sentence))


_MAYBE_YEAR = rx.compile(r"(?:19|20)\d\d|\bFY|\d\d\b|\byears?\b|\b(?:last|past)\s+[A-Z]|"
                         r"\b(?:this|next)\s+month\b", re.IGNORECASE)
_EVENT_MONTH_BEFORE = rx.compile(rf"\b(?:{_EVENT_VERB})\s+(?:(?:early|late|earlier|later)\s+)?$",
                                 re.IGNORECASE)
_NUM_WORD = "|".join(sorted((w for w in NUMBER_WORDS if NUMBER_WORDS[w] <= 12), key=len,
                            reverse=True))
_RELATIVE_RE = rx.compile(
    rf"""\b(?:(?P<n>\d+|{_NUM_WORD})\s+(?P<fy1>fiscal\s+)?years?\s+(?P<dir>earlier|before|later|after|prior)
      | the\s+(?P<dir2>previous|prior|preceding|following|next)\s+(?P<fy2>fiscal\s+)?year
      | the\s+(?P<fy3>fiscal\s+)?year\s+(?P<dir3>before|earlier|after|later)
      | (?P<deictic>last|this|next|the\s+current|the\s+(?:up)?coming)\s+(?P<fy4>fiscal\s+)?year
      | (?P<starting>the\s+(?:fiscal\s+)?year\s+(?:starting|beginning|that\s+(?:starts|begins)))
      | (?P<n2>\d+|{_NUM_WORD})\s+years?\s+ago
      | (?:last|this\s+past)\s+(?P<month>(?-i:{_MONTHS}))
      | (?P<rel_month>last|this|next)\s+month)\b""",
    re.VERBOSE | re.IGNORECASE,
)


_FISCAL_RANGE = rx.compile(rf"(?:\b|(?<=FY))(?P<y1>{_YEAR})[-‐‑–/](?P<y2>\d\d|{_YEAR})\b")
_FISCAL_RANGE_AFTER = rx.compile(
    r"\s+(?:(?:state|fiscal|school|academic|general|operating|spending|final|proposed|enacted)"
    r"\s+){0,3}(?:budget|year|spending\s+plan)s?\b", re.IGNORECASE)
_FISCAL_RANGE_BEFORE = rx.compile(r"\b(?:fiscal(?:\s+year)?|financial\s+year|FY)\s*$",
                                  re.IGNORECASE)
# "up $70 million from last year", "more than last year": the year compared with
_RELATIVE_BASELINE = rx.compile(r"\b(?:from|over|than|above|below|since|compared\s+(?:with|to)|"
                                r"relative\s+to|versus|vs\.?)\s+$"
                                # "$3.5 billion more than the Legislature approved last year"
                                r"|\bthan\s+(?:[\w’']+\s+){1,4}$", re.IGNORECASE)


def _year_mentions(
    sentence: str, money: list[Money], ref_year: int | None, ref_month: int | None = None
) -> list[tuple[int, int, int | None, str, str]]:
    """(start, end, year, year type, text) of each year a sentence names, outside amounts
    (``ref_year``, ``ref_month``: the document's date, for "last year", "last December")."""
    taken = [(m.start, m.end) for m in money]

    def inside(a: int, b: int) -> bool:
        return any(a < e and s < b for s, e in taken)

    found: list[tuple[int, int, int | None, str, str]] = []
    if not _MAYBE_YEAR.search(sentence):
        return found
    spans = []
    for m in _FISCAL_RANGE.finditer(sentence):
        first, second = int(m.group("y1")), m.group("y2")
        end = int(second) if len(second) == 4 else first // 100 * 100 + int(second)
        if end == first + 1 and not inside(m.start(), m.end()) and (
                _FISCAL_RANGE_AFTER.match(sentence, m.end())
                # "investing £25 million in 2024-25", "The 2024/25 health and social care
                # revenue spend": a year and the next in short is one financial year (the
                # UK's, India's, Kenya's, Australia's, a school's)
                or len(second) == 2
                or _FISCAL_RANGE_BEFORE.search(sentence[max(0, m.start() - 16) : m.start()])):
            # "the 2016-17 state budget", "the 2008-2009 fiscal budget": one fiscal year,
            # named by the year it ends in
            found.append((m.start(), m.end(), end, "fiscal", m.group()))
            spans.append((m.start(), m.end()))
        elif len(second) == 2 and first + 1 < end <= first + 30 \
                and not sentence.startswith("-", m.end()) and not inside(m.start(), m.end()):
            # "The FY2012-16 Future Years Defense Program": a span of years in short (not
            # a date, "2005-12-01")
            fiscal = bool(_FISCAL_RANGE_BEFORE.search(sentence[max(0, m.start() - 16) : m.start()]))
            found.append((m.start(), m.end(), None, "fiscal" if fiscal else "calendar",
                          m.group()))
            spans.append((m.start(), m.end()))
    for m in (_AND_BEFORE_SPAN.finditer(sentence) if "and" in sentence else ()):
        if not inside(m.start(), m.end()):
            found.append((m.start(), m.end(), None, "fiscal" if m.group("fy") else "calendar",
                          m.group()))
            spans.append((m.start(), m.end()))
    for m in _YEAR_SPAN_RE.finditer(sentence):
        if any(a <= m.start() < b for a, b in spans):
            continue
        if not inside(m.start(), m.end()):
            kind = "fiscal" if (m.group("fy") or m.group("fy2") or m.group("fy3")) else "calendar"
            found.append((m.start(), m.end(), None, kind, m.group()))
            spans.append((m.start(), m.end()))
    for m in _YEAR_RE.finditer(sentence):
        # (not "financial year 2023" of "the financial year 2023/24", read above as one)
        if inside(m.start(), m.end()) or any(a < m.end() and m.start() < b for a, b in spans):
            continue
        if m.group("cy") and (_APPROPRIATION_LAW_BEFORE.search(sentence[max(0, m.start() - 40)
                                                                        : m.start()])
                              or _FISCAL_YEAR_ENDING.search(sentence[max(0, m.start() - 60)
                                                                     : m.start()])):
            found.append((m.start(), m.end(), int(m.group("cy")), "fiscal", m.group()))
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
        elif m.group("billname"):
            # "Republican 2026 State, Foreign Operations Funding Bill": a bill's year
            found.append((m.start(), m.end(), int(m.group("by3")), "fiscal", m.group()))
        else:
            found.append((m.start(), m.end(), int(m.group("cy")), "calendar", m.group()))
    explicit = [y for y in found if y[2] is not None]
    # (every alternative names a year, "ago", or "last"/"this past" before a month: where
    # none of those words is, the scan is skipped)
    low = sentence.lower()
    relative = "year" in low or "ago" in low or "last" in low or "past" in low \
        or "month" in low
    for m in _RELATIVE_RE.finditer(sentence) if relative else ():
        # (not "this year" of "this year and next", read above as a span)
        if inside(m.start(), m.end()) or any(a <= m.start() < b for a, b in spans):
            continue
        fiscal = any(m.group(g) for g in ("fy1", "fy2", "fy3", "fy4"))
        if m.group("month"):
            # "Last December, HUD awarded nearly $1.4 billion", in a release of July 2010:
            # the last December before the document's date
            if ref_year is not None and ref_month is not None:
                month = _MONTHS.split("|").index(m.group("month")) + 1
                found.append((m.start(), m.end(), ref_year - (month >= ref_month),
                              "calendar", m.group()))
            continue
        if m.group("rel_month"):
            # "the aid it spent last month", in a story of May 2024: that month's year (not
            # "the $405.1 million announced last month", "a package signed late last month":
            # the day of an announcement or a law, as with a date written out)
            if ref_year is not None and ref_month is not None and not _EVENT_MONTH_BEFORE.search(
                    sentence, max(0, m.start() - 40), m.start()):
                step = {"last": -1, "this": 0, "next": 1}[m.group("rel_month").lower()]
                found.append((m.start(), m.end(), ref_year + (ref_month + step - 1) // 12,
                              "calendar", m.group()))
            continue
        if m.group("starting"):
            # "the budget for the fiscal year starting Monday", "for the year starting July
            # 1": the fiscal year about to begin
            if ref_year is not None:
                found.append((m.start(), m.end(), ref_year + 1, "fiscal", m.group()))
            continue
        if m.group("deictic") or m.group("n2"):
            if ref_year is None:
                continue
            if _RELATIVE_BASELINE.search(sentence[max(0, m.start() - 50) : m.start()]):
                continue  # "an increase of $70 million from last year": the baseline's year
            if m.group("n2"):
                offset = -_count(m.group("n2"))
            else:
                word = m.group("deictic").lower().split()[-1]
                offset = {"last": -1, "this": 0, "next": 1, "coming": 1,
                          "upcoming": 1}.get(word, 0)
            year = ref_year + offset
            # "the budget for next year", "next year's budget": a budget's year is fiscal
            fiscal = fiscal or bool(
                re.search(r"\bbudget(?:\s+request)?\s+for\s+$",
                          sentence[max(0, m.start() - 25) : m.start()], re.IGNORECASE)
                or re.match(r"['’]s\s+budget\b", sentence[m.end() : m.end() + 12],
                            re.IGNORECASE))
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


# the start of a numbered item in a run-on list: "; (6) ", "; and (13) "
_NEXT_ITEM = rx.compile(r";\s+(?:and\s+|or\s+)?\((?:\d{1,2}|[a-z]|[ivx]{1,4})\)\s")
# between a figure and a later year: the figure's comparison with a level, a request
_COMPARED_LEVEL = rx.compile(
    r"[^$;]*?\b(?:above|below|over|under|than|exceeds?|compared\s+(?:with|to)|relative\s+to|"
    r"versus)\s+(?:the\s+)?[^$;]{0,80}?\b(?:level|levels|request|requests|enacted|amount|"
    r"appropriations?|budget)\b[^$;]*$", re.IGNORECASE)


# "cuts economic development aid from $207.3 million this year to $140 million": the year
# between the two figures of a change is the first's
_FROM_BEFORE = rx.compile(r"\bfrom\s+(?:about\s+|nearly\s+|roughly\s+|approximately\s+|"
                          r"some\s+|just\s+)?$", re.IGNORECASE)
_YEAR_OF_FROM = rx.compile(r"\s+(?:in\s+|for\s+|during\s+)?(?:the\s+)?", re.IGNORECASE)
_FROM_TO_BETWEEN = rx.compile(r",?\s+to\s+(?:about\s+|nearly\s+|roughly\s+|approximately\s+|"
                              r"some\s+|just\s+|more\s+than\s+|over\s+)?", re.IGNORECASE)


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
                if re.search(r"\b(?:to|from|up|down|compared|versus|vs)\b", joined, re.I) or (
                        ys >= fig.end and re.search(r"\b(?:than|includ\w*)\b", joined, re.I)):
                    continue  # that year belongs to the other figure of a change
                # "$450 million for Mexico and $100 million for Central America in the
                # FY2009 request": a year after a coordinated list is the list's
                coordinated = ys >= fig.end and re.fullmatch(
                    r"[^$;]*?\band\s+\S+[^$;]*", joined) and not re.search(r"[;(]", joined)
                score += 300 if coordinated else 1000
            if ys < fig.start and _FROM_TO_BETWEEN.fullmatch(sentence, ye, fig.start) and any(
                    m.end <= ys and _YEAR_OF_FROM.fullmatch(sentence, m.end, ys)
                    and _FROM_BEFORE.search(sentence, max(0, m.start - 30), m.start)
                    for m in money):
                continue  # "from $207.3 million this year to $140 million": the first's year
            if ys >= fig.end and _NEXT_ITEM.search(sentence, fig.end, ys):
                continue  # "...; (6) ... for fiscal year 1988": the next numbered item's
            if ys >= fig.end and _COMPARED_LEVEL.match(sentence, fig.end, ys):
                # "an increase of $279.7 million over the annualized CR level in FY 2017 of
                # $27.5 billion", "$11 million over the President's request for fiscal year
                # 2003": the year of what the figure is compared with
                continue
            if _clause_of(clause_starts, ys) != _clause_of(clause_starts, fig.start):
                score += 500
            if ys < fig.start:
                score += 5  # "$12.2 million in 2008": a following year is the closer reading
            if best_score is None or score < best_score:
                # a span of years ("fiscal years 2008 through 2010", "since 2001") is a
                # cumulative figure: it has a year type but no single year
                best, best_score = (year, kind, text), score
        out.append(best if best else (None, None, None))
    # "In June 2008, Congress appropriated $465 million in the FY2008 act": the calendar
    # year the sentence also names as a fiscal year is that fiscal year
    fiscal = {y[2]: y[4] for y in years if y[2] is not None and y[3] == "fiscal"}
    return [(y, "fiscal", fiscal[y]) if t == "calendar" and y in fiscal else (y, t, w)
            for y, t, w in out]
