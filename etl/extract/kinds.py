"""The kind of a figure: an amount, a total over time, or a yearly rate."""

from __future__ import annotations

import itertools
import re

from etl import fastre as rx
from etl.extract.years import _MONTHS, _MONTHS_SHORT
from etl.money import Money

_CUMULATIVE = rx.compile(
    # (not "12 grants totaling $790,405", "5 of the 67 items, totalling $9.7 million": a sum
    # of parts, not a total over time; nor "projects that have total approved costs of")
    r"\b(?:(?<!\ba )total(?!\s+of\b)(?!\s+(?:\w+\s+)?costs?\b)(?:s|ed|led)?\b|in all(?!\s+\w)|"
    r"altogether|"
    # (not "combined": "a combined investment of nearly $5.2 million from the federal and local
    # governments" is several payers' money, not a total over time)
    r"cumulative(?:ly)?|(?:two|three|four|five|six|seven|eight|nine|ten|\d+|multi)-?year|"
    r"so far|to date|since|together(?!\s+with)|between\s+now\s+and)\b|"
    # "the military assistance to Ukraine, which now amounts to over $50 billion"
    r"\bnow\s+(?:amounts?|totals?|stands?)\s+(?:to|at)\b|"
    # "The United States has spent nearly $57 billion on fighting HIV/AIDS" (no year): to date
    # ("He said that the U.S. has actually spent $222 million")
    r"\b(?:has|have)\s+(?:(?:already|now|collectively|actually)\s+)?(?:spent|disbursed)\b|"
    r"\bover the\s+(?:\w+\s+){0,2}(?:period|years)\b|"
    # "By the end of FY2014 the U.S. had given the Mexican government $2.35 billion"
    r"\bby\s+the\s+end\s+of\b|"
    # "over $7.3 billion ... invested in community health centers over the past year"
    r"\bover\s+the\s+(?:past|last)\s+(?:year|twelve\s+months|12\s+months)\b|"
    # "has spent about $1.8 billion over three years"
    r"\bover\s+(?:\d+|two|three|four|five|six|seven|eight|nine|ten)\s+years\b|"
    r"\b(?:in|over|during)\s+the\s+(?:past|last|previous)\s+decade\b|"
    r"(?:19|20)\d\d\s*(?:-|–|through|to)\s*(?:FY)?(?:19|20)\d\d", re.IGNORECASE)
_RATE = rx.compile(
    r"\b(?:a|per|each|every|any given)\s+(?:fiscal\s+)?year\b|\bannually\b|\byearly\b|"
    # (not "its annual humanitarian budget of €1.7 billion for 2023": one year's amount)
    r"\b(?:average\s+)?annual(?:\s+average)?\b(?!\s+(?:[\w-]+\s+){0,2}(?:budgets?|"
    r"appropriations?|requests?|reports?)\b)|\bon average\b|\ba year\b|"
    # "authorizes the annual appropriation of $10 million": each year's, by law
    r"\bauthoriz\w*\s+(?:an?\s+|the\s+)?annual\s+appropriations?\b",
    re.IGNORECASE)


_IN_ITS_YEAR = rx.compile(r"\s+in\s+(?:fiscal\s+year\s+|FY\s?)?(?:19|20)\d\d\b")


# A span of years anywhere between the figures around it, for a figure of no single year:
# "Congress authorized $15 billion to be spent on ... programs between FY2004 and FY2008",
# "for an additional 5 years (FY 2009-FY 2013) at up to $48 billion"
_SPAN_OF_YEARS = rx.compile(
    r"\bbetween\s+(?:fiscal\s+years?\s+|FY\s?)?(?:19|20)\d\d\s+and\s+(?:fiscal\s+year\s+|FY\s?)?"
    r"(?:19|20)\d\d\b|\bFY\s?(?:19|20)\d\d\s*[-–]\s*FY\s?(?:19|20)\d\d\b|"
    r"\bfor\s+(?:an?\s+)?(?:(?:additional|another|further)\s+)?(?:\d+|two|three|four|five|six|"
    r"seven|eight|nine|ten)\s+(?:more\s+)?years\b|"
    # "Since the onset of the Russian invasion in February 2022, the U.S. has committed an
    # impressive $62 billion", "since Russia’s 2022 invasion, ... committing more than $62
    # billion": what a figure of no year adds up since a year
    r"\bsince\s+(?:[\w’'.-]+\s+){0,8}?(?:(?:on|in)\s+)?(?:[A-Z][a-z]{2,8}\.?\s+(?:\d{1,2},\s+)?)?"
    r"(?:19|20)\d\d\b|"
    # "From fiscal year 2014 through 2018, ... allocated about $723 million"
    r"\bfrom\s+(?:fiscal\s+years?\s+|FY\s?)?(?:19|20)\d\d\s+(?:through|to|until)\s+"
    r"(?:fiscal\s+year\s+|FY\s?)?(?:19|20)\d\d\b", re.IGNORECASE)
# "With the recent enactment of the FY2010 Supplemental Appropriations Act (...), Congress
# has provided almost $1.8 billion for the Mérida Initiative": the total the law brought it to
_ENACTED_TOTAL = rx.compile(r"\b[Ww]ith\s+the\s+(?:recent\s+)?(?:enactment|passage)\s+of\b"
                            r"[^$;]{0,160}?,\s+(?:[A-Z][\w.]*\s+){1,3}(?:has|have)\s+(?:now\s+)?"
                            r"(?:provided|appropriated|made\s+available)\s+(?:(?:about|almost|"
                            r"nearly|more\s+than|over|roughly|some|approximately)\s+)?$")
# "As of March 2017, more than $1.6 billion of Mérida assistance had been delivered": what
# had been paid by a date (not "As of February 2008, Congress has not taken action on the
# remaining $102.5 billion")
_AS_OF = rx.compile(r"\bas\s+of\s+(?:the\s+end\s+of\s+)?(?:January|February|March|April|May|"
                    r"June|July|August|September|October|November|December)\s+"
                    r"(?:\d{1,2},\s+)?(?:19|20)\d\d\b", re.IGNORECASE)
_BEEN_AFTER = rx.compile(r"[^$.;]{0,60}?\b(?:had|has|have)\s+(?:already\s+)?been\b")
# "only 2 percent of the $830.42 million that has been obligated under Merida had been spent
# as of Sept. 30": the date after, its year left to the document
_AS_OF_AFTER = rx.compile(rf"[^$;]{{0,100}}?\bas\s+of\s+(?:the\s+end\s+of\s+)?(?:{_MONTHS}|"
                          rf"{_MONTHS_SHORT})\s+(?:\d{{1,2}}\b|(?:19|20)\d\d\b)", re.IGNORECASE)
# "After bureaucratic tie-ups limited spending to $26 million in two years": a total of those
# years (not "in two years' time")
_IN_N_YEARS_AFTER = rx.compile(r"\s+in\s+(?:the\s+(?:first|last|past)\s+)?(?:\d+|two|three|"
                               r"four|five|six|seven|eight|nine|ten)\s+years\b(?!['’]|\s+time)",
                               re.IGNORECASE)
# "The FY2012-16 Future Years Defense Program ... identified $178 billion in savings": a
# span of years in short (a year and the next, "2024-25", is one fiscal year)
_SHORT_SPAN = rx.compile(r"(?:\b|(?<=FY))(?:19|20)(\d\d)[-–](\d\d)\b(?!-)")
# "The $500 million would be the initial installment of a two- or three-year program": a
# part of the total, itself an amount
# "In the first stage of the multi-year Merida Initiative, the U.S. is providing $400 million"
_PART_OF_TOTAL = rx.compile(r"\b(?:installment|instalment|tranche|down\s+payment|stage|phase|"
                            r"part|portion|share)\s+of\s+(?:the\s+|an?\s+)?"
                            r"(?:[\w-]+\s+(?:or\s+)?){0,2}$", re.IGNORECASE)


# For a figure of one year, "total funding" is its amount; a running total says so.
_TOTAL_WORDS = rx.compile(
    r"\b(?:bring(?:s|ing)? the total|cumulative(?:ly)?|so far|to date|in all(?!\s+\w)|"
    r"now\s+(?:amounts?|totals?|stands?)\s+(?:to|at))\b",
    re.IGNORECASE)


# "This brings funding for the Merida Initiative in Mexico to $1.12 billion": a new total
_BRINGS_TO = rx.compile(r"\bbring(?:s|ing)?\b[^$.;]{0,80}?\bto\s+(?:(?:about|nearly|almost|"
                        r"more\s+than|over|some)\s+)?$", re.IGNORECASE)


# ("This extra £1.6 billion takes the total given to councils to help their communities
# through this crisis to over £3.2 billion")
_TOTAL_OF_NEXT = rx.compile(r"\btotal\b[^$£€;]{0,100}?\bto\s+(?:(?:about|nearly|almost|more\s+than|"
                            r"over|some)\s+)?(?:US)?$", re.IGNORECASE)


def _kind(sentence: str, fig: Money, has_year: bool, lo: int, hi: int) -> str:
    """A total over time, a yearly rate, or an amount, from the words around the figure,
    not reaching past the figures before and after it (``lo``, ``hi``); a span of years
    makes a total only of a figure that has no single year."""
    end = min(hi, fig.end + 80)
    # "$25 million in additional aid, increasing total U.S. assistance to more than $86
    # million": that total is the next figure's
    of_next = _TOTAL_OF_NEXT.search(sentence, fig.end, hi) if hi < len(sentence) else None
    if of_next:
        end = min(end, of_next.start())
    near = sentence[max(lo, fig.start - 80) : end]
    start = max(lo, fig.start - 120)
    for m in _RATE.finditer(sentence, start, min(hi, fig.end + 60)):
        # "annual obligations ... from about $0.2 billion in fiscal year 2001 to about
        # $139.8 billion in fiscal year 2007": one year's amount of an annual series
        if has_year and re.match(r"(?:average\s+)?annual\b", m.group(), re.IGNORECASE):
            continue
        # "from $3 million per year before 2009 to $51 million": the rate right after the
        # figure before is that figure's
        # ("spends ... on foreign aid each year, which amounted to about $40 billion in
        # 2013": that year's amount)
        if has_year and _IN_ITS_YEAR.match(sentence, fig.end):
            continue
        if not (lo and m.end() <= fig.start and not sentence[lo : m.start()].strip()):
            return "rate"
    if _BRINGS_TO.search(sentence[max(lo, fig.start - 100) : fig.start]):
        return "cumulative"
    near_start = max(lo, fig.start - 80)
    for m in (_TOTAL_WORDS if has_year else _CUMULATIVE).finditer(near):
        # "to about $6.3 billion since the start of ... and consists of $350 million": the
        # words right after the figure before are that figure's
        if lo and m.end() + near_start <= fig.start and \
                not sentence[lo : near_start + m.start()].strip(" ,"):
            continue
        if _PART_OF_TOTAL.search(sentence, max(lo, near_start + m.start() - 60),
                                 near_start + m.start()):
            continue
        return "cumulative"
    if not has_year and _ENACTED_TOTAL.search(sentence, max(lo, fig.start - 240), fig.start):
        return "cumulative"
    if not has_year and _BEEN_AFTER.match(sentence, fig.end) and (
            _AS_OF.search(sentence, max(lo, fig.start - 80), fig.start)
            or _AS_OF_AFTER.match(sentence, fig.end, hi)):
        return "cumulative"
    if not has_year and _IN_N_YEARS_AFTER.match(sentence, fig.end):
        return "cumulative"
    if not has_year and (_SPAN_OF_YEARS.search(sentence, lo, hi) or any(
            int(m.group(1)) % 100 + 1 < int(m.group(2)) <= int(m.group(1)) % 100 + 30
            for m in _SHORT_SPAN.finditer(sentence, lo, hi))):
        return "cumulative"
    return "amount"


# "10 million NZ dollars (six million U.S. dollars)", "€21 million (about US $22.3
# million)": the same money in another currency
_CONVERSION_BETWEEN = rx.compile(r"\s*\(\s*(?:about|approx\.?|approximately|around|roughly|some|"
                                 r"or|equivalent\s+to|App\.)?\s*")


def _conversions_take_kind(figures: list, text: str) -> None:
    """A figure in brackets right after another is that figure converted: its kind is the
    other's (``figures`` in document order, offsets into ``text``)."""
    for before, f in itertools.pairwise(figures):
        if before.sentence_index == f.sentence_index and before.end <= f.start and \
                _CONVERSION_BETWEEN.fullmatch(text, before.end, f.start):
            f.kind = before.kind


# "has spent nearly $57 billion on fighting HIV/AIDS worldwide through PEPFAR, including more
# than $10 billion on the Global Fund", "at up to $48 billion, including $39 billion for HIV
# and the Global Fund, $4 billion for TB, and $5 billion for malaria": the parts of a total
# over time are totals over the same time
_INCLUDING = rx.compile(r"[^$.;]{0,80}?\bincluding\s+(?:(?:about|nearly|almost|approximately|some|"
                        r"more\s+than|over|up\s+to)\s+)?", re.IGNORECASE)
_NEXT_IN_LIST = rx.compile(r"[^$.;()]{0,80}?,\s*(?:and\s+)?(?:(?:about|nearly|almost|some|"
                           r"more\s+than|over)\s+)?", re.IGNORECASE)


def _parts_take_kind(figures: list, text: str) -> None:
    """A figure "including" others that is a total over time makes them totals too, and
    the items of the list that follows (``figures`` in document order, offsets into
    ``text``)."""
    chain = False
    for before, f in itertools.pairwise(figures):
        if before.sentence_index != f.sentence_index or before.end > f.start:
            chain = False
            continue
        if before.kind == "cumulative" and _INCLUDING.fullmatch(text, before.end, f.start):
            chain = True
        elif not (chain and _NEXT_IN_LIST.fullmatch(text, before.end, f.start)):
            chain = False
        if chain and f.kind == "amount" and f.year is None:
            f.kind = "cumulative"
