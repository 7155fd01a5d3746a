"""Attributes a figure takes from before its sentence (earlier sentences, headings, the
document's date) when its own sentence is silent, with their source.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from etl import fastre as rx
from etl.extract.common import Extraction, Figure, _looking_back, _Mention
from etl.extract.roles import _government_of, _not_a_payer
from etl.extract.years import _DATE_BEFORE, _MONTHS, _YEAR_RE
from etl.lexicon import AGENCIES, COUNTRIES, US_STATE_CAPITALS, US_STATES

# Words that place an event at the document's date: "today", "yesterday", and in news
# copy a weekday ("on Tuesday" is the Tuesday of the week the story is dated)
_DEICTIC_NOW = rx.compile(r"\b(?:today|yesterday|this week|tonight|now)\b|\b(?:Monday|Tuesday|"
                          r"Wednesday|Thursday|Friday|Saturday|Sunday)\b"
                          # "The United States Government has announced an additional $53
                          # million": news of the day the story is dated
                          r"|\b(?:has|have)\s+(?:just\s+)?announced\b|\bannounces\b"
                          # "The Senate has passed $95 billion in war aid": that day's vote
                          r"|\b(?:House|Senate|Congress)\s+(?:has|have)\s+(?:just\s+|now\s+)?"
                          r"(?:passed|approved)\b"
                          r"|\bthis\s+(?:morning|afternoon|evening)\b",
                          re.IGNORECASE)
_ITEM_DAY = rx.compile(rf"\s*((?:{_MONTHS})\s+\d{{1,2}})\s*[-–—]\s")
# "a Pentagon official said Tuesday": the day someone spoke, not the year of the money
_SPOKE_BEFORE = rx.compile(r"\b(?:said|says|told|testified|stated|wrote|added|noted|explained|"
                           r"announced\s+on)\s+(?:\w+\s+)?(?:on\s+)?$", re.IGNORECASE)


# A news release's dateline: "WASHINGTON, Aug. 11, 2023 – ", "PORTLAND, Ore., July 31, 2023
# — ": the date of that item, which its "today" means (a page of several releases has one
# per item, and the page's own date is none of theirs)
_DATELINE = rx.compile(
    r"^\s*(?:[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3},\s+(?:[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?,\s+)?)?"
    rf"(?:{_MONTHS}|Jan\.|Feb\.|Mar\.|Apr\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)\s+\d{{1,2}},\s+"
    # ("NEW YORK, Sept. 19, 2022 /PRNewswire/ -- The Rockefeller Foundation announces")
    r"(?P<year>(?:19|20)\d\d)\s*(?:/[\w ]{2,30}/\s*)?(?:[–—]|--?)\s")


def _dateline_year(sentence: str) -> tuple[int, str] | None:
    """The year of the dateline the sentence opens with and the dateline's words, when the
    sentence speaks of that day ("today announced")."""
    m = _DATELINE.match(sentence)
    if m is None or (now := _dated_now(sentence)) is None:
        return None
    return int(m.group("year")), f"{now} ({m.group().strip(' –—-')})"


# In a dated story, what was approved, awarded or signed with no time named is news of
# the story's day: "The World Bank Board of Executive Directors approved $194 million",
# "The US Senate approved a total of $95 billion" (not "previously approved U.S.
# assistance", nor a sentence that dates its own event: "On December 3, 2008, ... signed")
_NEWS_OF_THE_DAY = rx.compile(r"(?<!previously )(?<!already )(?<!earlier )(?<!originally )"
                              # ("Health Resources and Services Administration (HRSA) awarded")
                              r"(?<=[\w)] )(?:approved|awarded|signed|unveiled|launched|"
                              r"granted)\b"
                              # a headline's news: "HHS Awards $374 Million to Programs ..."
                              r"|(?<=[A-Za-z)] )(?:Awards|Approves|Announces|Grants|Invests)"
                              r"(?=\s+(?:More\s+[Tt]han\s+|Over\s+|Nearly\s+|About\s+)?(?:US)?\$)")


def _news_of_the_day(sentence: str) -> str | None:
    m = _NEWS_OF_THE_DAY.search(sentence)
    return m.group() if m else None


def _dated_now(sentence: str) -> str | None:
    """The words that place the sentence's event at the document's date, if any."""
    # a newsletter's item dated by its day alone: "September 18 - The U.S. Department of
    # Health and Human Services' ... awarded over $85 million" (in a newsletter of that week)
    if (item := _ITEM_DAY.match(sentence)) is not None:
        return item.group(1)
    for m in _DEICTIC_NOW.finditer(sentence):
        if not _SPOKE_BEFORE.search(sentence, max(0, m.start() - 30), m.start()):
            return m.group()
    return None


_DATE_YEAR = rx.compile(_DATE_BEFORE.pattern, re.IGNORECASE)  # "July 6, " before a year
_LAW_STAGES = {"authorized", "appropriated"}
_LAW_WORDS = rx.compile(r"authoriz|appropriat|^For\s|continuing\s+resolution|\bsupplemental\b",
                        re.IGNORECASE)
# "President Joe Biden signed a long-delayed national security supplemental securing $60
# billion": the President signs what the Congress appropriates
_PRESIDENT_SIGNED = rx.compile(r"\bPresident\b[^.;$]{0,40}?\bsign(?:ed|s)\b")
# (a continuing resolution, "the annualized CR level", is the U.S. Congress's stopgap law)
_US_LAW = rx.compile(r"\bCongress\b|\bU\.S\.C\.|\b(?i:Public Law)\b|\b(?i:Stat)\.|"
                     r"\bUnited States\b|"
                     r"\bH\.\s?R\.\s?\d|\bS\.\s?\d|\b(?i:continuing\s+resolution|congressional)\b|"
                     r"\bNational\s+Defense\s+Authorization\s+Act\b|\bNDAA\b")
# "New Section 32(b)(2) authorizes the annual appropriation of $10 million": a law's
# section, whoever it tells to spend the money
_STATUTE_AUTHORIZES = rx.compile(r"\b(?:Section|Sec\.|Act|statute|law)\b[^.;$]{0,40}?"
                                 r"\bauthoriz(?:es|ed)\b")
CONTEXT_SENTENCES = 8  # how far back a figure's year or payer is looked for


# "advancing the UN's Sustainable Development Goals": the owner of something other than
# money pays nothing the next sentence gives (but "the Pentagon's budget request" does)
_OWNER_OF_OTHER = rx.compile(
    r"[\x27’]s?\s+(?!(?:[\w()-]+\s+){0,5}?(?:budget|request|funding|funds|aid|assistance|"
    r"contributions?|money|grants?|spending|plan|proposal|package|support)\b)")


# "New Zealand strongly supports the United Nations Security Council resolution",
# "will be delivered through the United Nations": what a sentence without money names as
# an object or a channel pays nothing the next sentence gives
_OBJECT_BEFORE = rx.compile(r"\b(?:supports?|supported|backs?|backed|welcomes?|welcomed|"
                            r"joins?|joined|through|via|with|"
                            # "anti-coca measures recommended by international authorities,
                            # including the United Nations": an example, not a payer
                            r"including|such\s+as)\s+(?:the\s+)?(?:U\.S\.\s+)?$")


@dataclass
class _Context:
    """What a sentence offers the sentences after it: its years (only when it names one
    year of money, not counting baselines and event dates), its payer and its stage."""

    years: list[tuple[int, str, str]]  # (year, year type, words)
    payers: list[tuple[str, str]]  # (canonical name, words)
    heading: bool
    from_date: bool = False  # its year is the document's date ("today", "on Tuesday")
    span: bool = False  # it names a span of years and no single year ("FY2012-16")


_SIGNED_ON = rx.compile(r"\b[Ss]igned\s+into\s+law\b[^.;$]{0,50}?\b(?:in|on)\s+"
                        r"(?:[A-Z][a-z]+\.?\s+(?:\d{1,2},?\s+)?)?$")


def _sentence_context(sentence: str, kind: str,
                      mentions: list[tuple[int, int, int | None, str, str]],
                      agencies: list[_Mention], sources: list[_Mention]) -> _Context:
    # a heading's full date ("[Updated July 6, 2009]") dates the document, not its money;
    # so does one beside a fiscal year ("February 6, 2006 ... his defense budget for fiscal
    # 2007")
    named = [(a, y, t, w) for a, _, y, t, w in mentions if y is not None]
    fiscal = any(t == "fiscal" for _, _, t, _ in named)
    years = [(y, t, w) for a, y, t, w in named
             if not (t == "calendar" and (kind == "heading" or fiscal)
                     and _DATE_YEAR.search(sentence[max(0, a - 16) : a]))
             # "signed into law by President Joe Biden on August 9, 2022": the day a law
             # was signed is not the year of the money the next sentences say it provides
             and not (t == "calendar" and _SIGNED_ON.search(sentence[max(0, a - 80) : a]))]
    distinct = {(y, t) for y, t, _ in years}
    source_spans = [(s.start, s.end) for s in sources]
    payers = [(a.name, sentence[a.start : a.end]) for a in agencies
              if not a.attributed and not _not_a_payer(sentence, a, agencies)
              and not any(s <= a.start < e for s, e in source_spans)
              and not _OWNER_OF_OTHER.match(sentence, a.end)
              and not _OBJECT_BEFORE.search(sentence, max(0, a.start - 40), a.start)]
    if sentence[:1] in _QUOTE_MARKS:
        # a quoted remark ("Having the fire trucks show up in 2012 is not going to be
        # helpful," Gates said): its years and its speaker belong to the remark
        return _Context([], [], kind == "heading")
    return _Context(years if len(distinct) == 1 else [],
                    payers if len({p for p, _ in payers}) == 1 else [], kind == "heading",
                    span=not named and any(y is None for _, _, y, _, _ in mentions))


_THIS_YEAR = rx.compile(r"this\s+year(?:[\x27’]s)?", re.IGNORECASE)
_BUDGET_WORDS = rx.compile(r"\b(?:appropriat\w*|budgets?|requests?|requested|supplemental)\b"
                           r"|\bCongress\b", re.IGNORECASE)
_PROJECTION = rx.compile(r"\b(?:projected|expected)\b", re.IGNORECASE)
# A running total: no year of a sentence before is its year ("this request will bring the
# total ... to", "To date, ... has totaled", "The United States has spent nearly $57 billion")
_BRINGS_TOTAL = rx.compile(r"\bbring(?:s|ing)?\b[^.;]{0,60}?\btotal\b|\bto date\b|\bso far\b|"
                           # "the military assistance to Ukraine, which now amounts to over $50
                           # billion"
                           r"\bnow\s+(?:amounts?|totals?|stands?)\s+(?:to|at)\b|"
                           r"\b(?:has|have)\s+(?:(?:already|now|collectively)\s+)?"
                           r"(?:spent|disbursed)\b|"
                           # "With the recent enactment of the FY2010 ... Act, Congress has
                           # provided almost $1.8 billion": the total the law brought it to
                           r"\bwith\s+the\s+(?:recent\s+)?(?:enactment|passage)\s+of\b",
                           re.IGNORECASE)
# "This PDA package has an estimated value of $1 billion": the payer's package, valued
_ESTIMATED_VALUE = rx.compile(r"\bestimated\s+(?:value|worth)\b", re.IGNORECASE)
# "an authorization of a Presidential Drawdown ... valued at up to $50 million": the
# President's authority, not a law's
_PRESIDENTIAL = rx.compile(r"\bPresident(?:ial)?\b")
_QUOTE_MARKS = "\"“‘'"


def _fiscal_years_named(text: str) -> set[int]:
    """The fiscal years a document names: "fiscal 2016", "FY17", and a year a budget or an
    appropriations law is named by ("the 2017 budget bill", "Consolidated Appropriations
    Act 2016")."""
    named = {int(m.group("fy")) if len(m.group("fy")) == 4 else 2000 + int(m.group("fy"))
             for m in _YEAR_RE.finditer(text) if m.group("fiscal")}
    named |= {int(m.group("by") or m.group("by2") or m.group("by3"))
              for m in _YEAR_RE.finditer(text)
              if m.group("budget") or m.group("budget2") or m.group("billname")}
    named |= {int(m.group(1)) for m in _APPROPRIATIONS_ACT_YEAR.finditer(text)}
    # "appropriations for the fiscal year ending September 30, 2007"
    named |= {int(m.group(1)) for m in _FISCAL_YEAR_ENDING_ON.finditer(text)}
    return named


_FISCAL_YEAR_ENDING_ON = rx.compile(r"\bfiscal\s+year\s+ending\s+(?:September|June|March|"
                                    r"December)\s+\d{1,2},\s+((?:19|20)\d\d)\b", re.IGNORECASE)


def _bill_year(result: Extraction) -> None:
    """A bill's or a committee report's figure (proposed, or passed by one chamber) with no
    year of its own, in a document that names one fiscal year ("making emergency
    supplemental appropriations for the fiscal year ending September 30, 2007"), is of that
    year (source "document"): "The Committee provides $450,000,000 ... for Public Law 480
    Title II grants", pages below the title. (Not a law's: an act's money, read so, spans
    the years the act names, as the CHIPS act's and GAO's accounts of laws do.)"""
    late = [f for f in result.figures if f.year is None and f.kind == "amount"
            and f.funder == "U.S. Congress"
            and f.status in {"proposed", "passed_chamber"}]
    if not late:
        return
    # (named where a title or heading names it, not in a sentence's comparison: "the same
    # amount included in the fiscal 2019 bill" is no title)
    titles = "\n".join(span.text for span in result.sentences if span.kind == "heading")
    named = _fiscal_years_named(titles)
    if len(named) != 1:
        return
    (year,) = named
    for f in late:
        f.year, f.year_type, f.year_source = year, "fiscal", "document"
        f.year_text = f"fiscal year {year} (the only one the document's headings name)"


# a part of the total before: "Of the total savings, $100 billion", "Congress provided $248
# million of that funding", "the vast majority of the funds—roughly $1.5 billion"
_PART_OF_BEFORE = rx.compile(r"^\s*(?:Of|Out\s+of)\s+(?:the|this|that|these|those)\b|"
                             r"\bof\s+(?:that|this|these|those|the)\s+(?:total|funding|funds|"
                             r"amount|money|sum|savings)\b")
_WHOLE_BEFORE = rx.compile(r"\b(?:part|portion|share)\s+of\s+(?:the|its|a|an)\s+"
                           r"(?:(?:about|nearly|almost|more\s+than|over)\s+)?$", re.IGNORECASE)
_APPROPRIATIONS_ACT_YEAR = rx.compile(r"\bAppropriations\s+Acts?,?\s+((?:19|20)\d\d)\b")


# "The Department received", "The Department of the Interior (DOI) will receive": the
# subject of the verb just before the figure receives it
_RECEIVER_BEFORE = rx.compile(
    r"^\s*(?:The\s+)?(?:(?:[A-Z][\w.’'-]*|of|the|and|for)\s+){0,8}?(?:\([A-Z][\w.]*\)\s+)?"
    r"(?:also\s+|will\s+|would\s+|has\s+|have\s+|had\s+)?(?:received|receives|receive|got|gets)\s+"
    r"(?:a\s+total\s+of\s+|about\s+|nearly\s+|more\s+than\s+|over\s+|almost\s+|"
    r"approximately\s+|roughly\s+|some\s+)?$")
# "in direct funding through the Bipartisan Infrastructure Law"
_THROUGH_LAW = rx.compile(r"[^.;$]{0,60}?\b(?:through|from|under)\s+(?:the\s+)?"
                          r"(?P<law>(?:[A-Z][\w’'-]*\s+){1,6}(?:Law|Act)\b)")


def _made_by_law(f: Figure, sentence: str, text: str) -> bool:
    """Whether a figure at a law's stage is named so by the words that make it law ("to be
    appropriated", a statute's section that authorizes, a U.S. law's stage not a President's
    request, a supplemental the President signed), so that the Congress pays it."""
    if f.status not in _LAW_STAGES or not f.status_cue or not _LAW_WORDS.search(f.status_cue):
        return False
    if "to be appropriated" in f.status_cue:
        return True
    if _STATUTE_AUTHORIZES.search(sentence) and not _STATE_STORY.search(text):
        return True
    signed = _PRESIDENT_SIGNED.search(sentence) is not None
    us_law = _US_LAW.search(text) is not None or (f.currency == "USD" and signed)
    return us_law and (signed or not _PRESIDENTIAL.search(sentence))


_SPAN_NEAR = 60  # characters between a figure and the rate or span of years it is read with


def _from_context(result: Extraction, contexts: list[_Context], scoped: list[bool],
                  text: str, reference_date: date | None,
                  dated: list[bool] | None = None,
                  spans: list[list[tuple[int, int]]] | None = None) -> None:
    """Fill a figure's year and payer from the sentences before it when its own sentence
    is silent (and says no span, no "since", no "after"; one that dates its own event,
    "On October 22, 2007, ... announced", only from a heading), and its year from the document's
    date when the sentence speaks of today; each with its source and words."""
    fiscal_named: set[int] | None = None
    for f in result.figures:
        i = f.sentence_index
        if f.year_type == "calendar" and f.year_source == "sentence" and \
                _BUDGET_WORDS.search(result.sentences[i].text):
            # "a request for $250 million in supplemental appropriations this year", in a
            # release that says "fiscal 1996": a budget's year the document names as fiscal
            if fiscal_named is None:
                fiscal_named = _fiscal_years_named(text)
            if f.year in fiscal_named:
                f.year_type = "fiscal"
            elif len(fiscal_named) == 1 and _THIS_YEAR.fullmatch(f.year_text or ""):
                # "this year's Senate appropriations bills", in August 2023 of a release on
                # the "Fiscal Year 2024 (FY24) Senate appropriations bills": this year's
                # budget is the one fiscal year the document names
                (named,) = fiscal_named
                f.year, f.year_type, f.year_source = named, "fiscal", "document"
                f.year_text = f"{f.year_text} (fiscal year {named}, as the document names it)"
        # (a running total, "this request will bring the total ... to more than $20
        # billion", is not of the year a sentence before names)
        # (a sentence that names a year says when, and so does a rate or a span of years
        # near the figure)
        lo, hi = f.start - result.sentences[i].start, f.end - result.sentences[i].start
        said = scoped[i] or (f.kind != "amount" and bool(spans and spans[i])) or any(
            lo - _SPAN_NEAR <= b and a <= hi + _SPAN_NEAR for a, b in (spans[i] if spans else ()))
        if f.year is None and not said and f.kind != "cumulative":
            # the release's own dateline, or for its headline the dateline just below
            here = _dateline_year(result.sentences[i].text)
            below = None
            if here is None and result.sentences[i].kind == "heading" \
                    and i + 1 < len(result.sentences) and not any(
                        g.sentence_index > i and (g.currency, g.amount, g.amount_high)
                        == (f.currency, f.amount, f.amount_high) for g in result.figures):
                # (a headline whose figure the body restates takes what the body says)
                below = _dateline_year(result.sentences[i + 1].text)
            if (line := here or below) is not None:
                f.year, f.year_type, f.year_text = line[0], "calendar", line[1]
                f.year_source = "sentence" if here else "next sentence"
                if here and not contexts[i].years:  # "This includes $56 million ..."
                    contexts[i].years = [(f.year, f.year_type, f.year_text)]
                    contexts[i].from_date = True
        if f.year is None and not said and not (
                f.kind == "cumulative" and _BRINGS_TOTAL.search(result.sentences[i].text)):
            for j in _looking_back(result.sentences, i, CONTEXT_SENTENCES):
                # a sentence that dates its own event takes a year only from a heading
                if dated and dated[i] and not contexts[j].heading:
                    continue
                if contexts[j].from_date and (f.kind == "cumulative" or _WHOLE_BEFORE.search(
                        result.sentences[i].text, 0,
                        f.start - result.sentences[i].start)):
                    break  # a running total is not of the day the story is dated, nor the
                    # whole that day's news is "part of the $3.1 billion to help" from
                if contexts[j].span and _PART_OF_BEFORE.search(result.sentences[i].text):
                    break  # "The FY2012-16 ... plan ... identified $178 billion in savings.
                    # Of the total savings, $100 billion ...": a part of a span's total, or
                    # of a total with no year
                if contexts[j].years:
                    year, year_type, words = contexts[j].years[0]
                    # (not a date: "Yesterday (Mexico City, June 25, 2009)" is a day's year)
                    if year_type == "calendar" and not re.search(_MONTHS, words) \
                            and _BUDGET_WORDS.search(result.sentences[j].text):
                        # "the Obama White House's ... request for post-conflict Colombia in
                        # 2017", in a post on "the 2017 budget bill"
                        if fiscal_named is None:
                            fiscal_named = _fiscal_years_named(text)
                        if year in fiscal_named:
                            year_type = "fiscal"
                    f.year, f.year_type, f.year_text = year, year_type, words
                    f.year_source = "heading" if contexts[j].heading else "previous sentence"
                    break
            sentence = result.sentences[i].text
            # (not a running total: "has now committed $7.6 billion since ...")
            if f.year is None and reference_date is not None and f.kind != "cumulative" \
                    and (now := _dated_now(sentence) or (
                        None if dated and dated[i] else _news_of_the_day(sentence))) is not None:
                if fiscal_named is None:
                    fiscal_named = _fiscal_years_named(text)
                f.year = reference_date.year
                f.year_type = "fiscal" if reference_date.year in fiscal_named else "calendar"
                f.year_text = f"{now} (dated " \
                              f"{reference_date.isoformat()})"
                f.year_source = "document date"
                if not contexts[i].years:  # "This includes $56 million ...": the same day
                    contexts[i].years = [(f.year, f.year_type, f.year_text)]
                    contexts[i].from_date = True
        # ("For expenses necessary to enable the United States to meet its obligations ...,
        # $X", "For necessary expenses of the Department of State, $X": in an
        # appropriation's paragraph whoever is named is what the money is for)
        if (f.funder is None or (f.status_cue and f.status_cue.startswith("For"))) \
                and _made_by_law(f, result.sentences[i].text, text):
            # "There are authorized to be appropriated ... $2,500,000": the law's payer is
            # the Congress that makes it, named by the words that make it law
            f.funder, f.funder_text, f.funder_source = "U.S. Congress", f.status_cue, \
                f.status_source
        # a cost estimate ("CBO estimates ... would cost $X") names no payer; a projection
        # of spending ("$235 million projected by year end") is still the payer's money
        receiver = None
        if f.funder is None:
            sentence = result.sentences[i].text
            receiver = _RECEIVER_BEFORE.search(sentence, 0, f.start - result.sentences[i].start)
        if receiver is not None:
            # "The Department of the Interior (DOI) will receive $30.6 billion over five years
            # in direct funding through the Bipartisan Infrastructure Law", "The Department
            # received $28.1 billion": the sentence says who receives the money, so an
            # earlier sentence's payer is not its payer; a law it comes through is
            law = _THROUGH_LAW.search(sentence, f.end - result.sentences[i].start)
            if law is not None:
                f.funder, f.funder_text, f.funder_source = "U.S. Congress", law.group(
                    "law"), "sentence"
                if f.status == "reported":
                    f.status, f.status_cue, f.status_source = "appropriated", law.group(
                        "law"), "sentence"
        elif f.funder is None and not (f.status == "estimated" and not (
                (f.status_cue and _PROJECTION.search(f.status_cue))
                or _ESTIMATED_VALUE.search(result.sentences[i].text))):
            for j in _looking_back(result.sentences, i, CONTEXT_SENTENCES):
                # (money awarded or spent is an agency's: "Funded by the CARES Act, which
                # provided $345 million for DWGs. This latest award follows six previous
                # waves of funding, bringing the total amount awarded ... to $245,249,950")
                payers = [p for p in contexts[j].payers
                          if not (p[0] == "U.S. Congress" and f.status in _AGENCY_STAGES)]
                if payers:
                    f.funder, f.funder_text = payers[0]
                    f.funder_source = ("heading" if contexts[j].heading
                                       else "previous sentence")
                    break


_AGENCY_STAGES = frozenset({"obligated", "disbursed"})
_SIGNED_BILL = rx.compile(r"sign(?:ed|s)\b.*\b(?:bill|measure|package|legislation|law)$",
                          re.IGNORECASE | re.DOTALL)
_APPEAL_WORDS = rx.compile(r"\bappeal|\brequir", re.IGNORECASE)
_APPLICATIONS = rx.compile(r"\bapplications?\b", re.IGNORECASE)


def _requests_are_fiscal(result: Extraction) -> None:
    """A budget request asks for a fiscal year's money: "its big request for US$1 billion in
    2016 assistance to Central America" is for fiscal 2016, and so is "this $1 billion
    package" after it."""
    for f in result.figures:
        # (not what applicants ask for: "received $3 billion in applications" in 2023)
        # (nor a humanitarian appeal's year: "its global appeal for 2024" is a calendar year)
        if f.year_type == "calendar" and f.status == "requested" \
                and not _APPLICATIONS.search(f.status_cue or "") \
                and not _APPEAL_WORDS.search(f.status_cue or "") \
                and "appeal" not in result.sentences[f.sentence_index].text.lower():
            f.year_type = "fiscal"


def _headline_from_body(result: Extraction) -> None:
    """A headline's (or the lede's) figure restated in the body ("Obama to ask Congress for
    $1 billion", then "will ask Congress in his 2016 budget to approve $1 billion") takes the
    year, stage and payer the body gives it, where the headline is silent; the source says so. One
    backward pass: the nearest later figure of the same amount, kept per amount."""
    sentences = result.sentences
    groups: dict[int, list] = {}
    for g in result.figures:
        groups.setdefault(g.sentence_index, []).append(g)
    dated: dict[tuple, object] = {}
    staged: dict[tuple, object] = {}
    paid: dict[tuple, object] = {}
    # the lede too: "The European Union will direct around €115 million of its €1.8 billion
    # annual humanitarian budget ..." before "... its initial annual humanitarian budget of
    # more than €1.8 billion for this year"
    lede = next((i for i, s in enumerate(sentences) if s.kind != "heading"), None)
    for index in sorted(groups, reverse=True):
        if sentences[index].kind == "heading" or index == lede:
            for f in groups[index]:
                key = (f.currency, f.amount, f.amount_high)
                # (and over a year only the document's date or another heading lent it:
                # "Announces Availability of $12 Million ..." dated by the release, then
                # "$12 million ... under the Fiscal Year 2024 Brownfields Job Training
                # Program")
                lent = f.year_source in ("document date", "heading", "previous sentence")
                if key in dated and ((f.year is None and f.year_source is None) or (lent
                                     and dated[key].year_source == "sentence"
                                     and dated[key].year_type == "fiscal")):
                    g = dated[key]
                    f.year, f.year_type, f.year_text = g.year, g.year_type, g.year_text
                    f.year_source = "later sentence"
                if f.status_source is None and key in staged:
                    f.status, f.status_cue = staged[key].status, staged[key].status_cue
                    f.status_source = "later sentence"
                if f.funder is None and key in paid:
                    f.funder, f.funder_text = paid[key].funder, paid[key].funder_text
                    f.funder_source = "later sentence"
        for g in groups[index]:  # what this sentence tells the headings before it
            key = (g.currency, g.amount, g.amount_high)
            if g.year is not None and g.year_source != "later sentence":
                dated[key] = g  # (a heading that took it passes on what gave it)
            if g.status_source is not None:
                staged[key] = g
            if g.funder is not None:
                paid[key] = g


# "The $750 million is the largest aid allocation in the U.S.'s 2016 budget": the figure
# named with "the" is one said before
_DEFINITE_BEFORE = rx.compile(r"\b(?:the|this|that)\s+(?:(?:full|entire|same)\s+)?$", re.IGNORECASE)


def _restated_from_earlier(result: Extraction) -> None:
    """A figure restated later with a definite article ("Congress approved a new budget ...
    that will allocate a package of $750 million", then "The $750 million is the largest
    aid allocation") is the same money: where its own sentence names no stage, it takes the
    stage the earlier mention was given (source "previous sentence"). One forward pass."""
    staged: dict[tuple, Figure] = {}
    for f in result.figures:
        key = (f.currency, f.amount, f.amount_high)
        sentence = result.sentences[f.sentence_index]
        # (or said again right after in the same words, by the same payer: "announced the
        # award of more than $86 million ...", then in the Secretary's words "By investing more
        # than $86 million in workforce development initiatives")
        if f.status_source is None and key in staged and \
                staged[key].sentence_index < f.sentence_index and (
                    _DEFINITE_BEFORE.search(sentence.text, 0, f.start - sentence.start)
                    or (f.sentence_index - staged[key].sentence_index <= 2
                        and f.qualifier_text and f.qualifier_text == staged[key].qualifier_text
                        and f.funder is not None and f.funder == staged[key].funder)):
            g = staged[key]
            f.status, f.status_cue, f.status_source = g.status, g.status_cue, "previous sentence"
        if f.status_source is not None:
            staged[key] = f


# A story about a state's budget: "Gov. Jerry Brown signed ...", "the state general fund"
_STATE_STORY = rx.compile(r"\b(?:Gov\.|Governor)\s+[A-Z]|\bstate\s+(?:budget|general\s+fund|"
                          r"spending\s+plan|legislature|lawmakers)\b|\bLegislature\b")
# (not "Washington", the federal government's seat, nor "Georgia", also a country)
# (not "Kansas City", "Oklahoma City": a city's name in a story of Missouri's budget)
_STATE_NAMES = rx.compile(r"\b(?:" + "|".join(
    re.escape(s) for s in US_STATES if s not in {"Washington", "Georgia"}) + r")\b(?!\s+City\b)")
# a state capital opening a line as a dateline: "SACRAMENTO –", "(JEFFERSON CITY, MO) –"
_CAPITAL_DATELINE = rx.compile(r"(?m)^\(?(" + "|".join(
    re.escape(c) for c in sorted(US_STATE_CAPITALS, key=len, reverse=True))
    + r")(?:,\s*[A-Z][\w.]*)?\)?\s*[–—-]")
# who a state story's "lawmakers" are
_LEGISLATORS = {"lawmakers", "appropriators", "the legislature", "the bill", "the legislation",
                "the measure", "the house", "the senate"}


def _state_payer(result: Extraction, text: str) -> None:
    """In a story about one state's budget, the state pays where the sentence names no
    other payer, and its "lawmakers" are the state's, not the U.S. Congress: "The budget
    includes $96.3 billion in the state general fund" is the State of California's when the
    story names California and no other state. The payer's source says so ("document")."""
    if not _STATE_STORY.search(text):
        return
    named = {m.group() for m in _STATE_NAMES.finditer(text)}
    if not named:  # ("SACRAMENTO – Governor Gavin Newsom today signed ...")
        named = {US_STATE_CAPITALS[m.group(1)] for m in _CAPITAL_DATELINE.finditer(text)}
    if len(named) != 1:
        return
    state = named.pop()
    for f in result.figures:
        if f.funder is None or (f.funder == "U.S. Congress" and (f.funder_text or "").lower()
                                in _LEGISLATORS):
            f.funder, f.funder_text, f.funder_source = f"State of {state}", state, "document"


# A currency's home country: in a story told in Kenyan shillings, "the Treasury" is Kenya's
_HOME_OF_CURRENCY = {
    "KES": "Kenya", "NGN": "Nigeria", "ZAR": "South Africa", "GHS": "Ghana", "INR": "India",
    "IDR": "Indonesia", "PHP": "Philippines", "MXN": "Mexico", "BRL": "Brazil",
    "COP": "Colombia", "CAD": "Canada", "AUD": "Australia", "JPY": "Japan",
    "GBP": "United Kingdom", "CNY": "China", "TWD": "Taiwan", "CHF": "Switzerland",
    "NZD": "New Zealand"}
# the bare words that name a U.S. body only when the money is U.S. money
_GENERIC_US_BODY = rx.compile(r"^(?:the\s+)?(?:(?:National\s+)?Treasury|Budget|"
                              r"administration|Congress|(?:federal\s+)?government|federal|"
                              r"lawmakers)$", re.IGNORECASE)


_DOLLAR_HOMES = {"Canada", "Australia", "New Zealand", "Taiwan"}  # "$" is theirs and others'
_BUDGET_STORY = rx.compile(r"\b(?:budget|appropriation)", re.IGNORECASE)
_US_BODIES = {"Department of the Treasury", "White House", "U.S. Congress",
               "United States government"}


# Countries whose own currency English writes "$" (and "dollars"): in a story about one of
# them, and not about the United States, "$" is that country's dollar. (Not the peso
# countries: English-language news of aid to Mexico writes U.S. dollars as "$".)
_DOLLAR_HOMES = {country: code for code, country in _HOME_OF_CURRENCY.items()
                 if code in {"CAD", "AUD", "NZD"}}
_COUNTRY_OF_HOME = {n: c for c in _DOLLAR_HOMES for n in COUNTRIES[c]}
_DOLLAR_HOME_RE = rx.compile(r"\b(?:" + "|".join(sorted(
    (re.escape(n) for c in _DOLLAR_HOMES for n in COUNTRIES[c]), key=len, reverse=True))
    + r")\b")
# the United States named, or its government: the story may be about U.S. money
_US_NAMED = rx.compile(r"\b(?:United\s+States|U\.S\.|US|USA|America|Americans?|Congress|"
                       r"Washington|White\s+House|Pentagon|USAID)\b")
_MARKED_DOLLAR = rx.compile(r"US|U\.S\.|USD|American|[A-Z]{1,3}\$")


def _home_dollar(result: Extraction, text: str) -> None:
    """"$" and "dollars" in a story about Canada, Australia or New Zealand (one of them named,
    the United States not) are that country's dollars: "The Canadian government will give
    $8.3 million". The currency's source is the document, its words the country's name."""
    homes = {}
    for m in _DOLLAR_HOME_RE.finditer(text):
        homes.setdefault(_COUNTRY_OF_HOME[m.group()], m.group())
    if len(homes) != 1 or _US_NAMED.search(text):
        return
    (country, words), = homes.items()
    for f in result.figures:
        if f.currency == "USD" and f.currency_source == "sentence" \
                and not _MARKED_DOLLAR.search(f.text):
            f.currency, f.currency_text, f.currency_source = _DOLLAR_HOMES[country], words, \
                "document"


# Where the budget year is the calendar year: the European Union's, the euro area's, and
# these countries' (not the United States', the United Kingdom's, Japan's, India's ...)
_CALENDAR_BUDGET_CURRENCIES = {"EUR", "CHF", "CNY", "BRL", "MXN", "COP", "IDR", "PHP",
                               "NGN", "GHS", "TWD"}
_CALENDAR_BUDGET_PAYERS = {"European Commission", "European Union"}
_SAID_FISCAL = rx.compile(r"\b(?:fiscal|FY|financial\s+year)", re.IGNORECASE)


def _calendar_budget_years(result: Extraction) -> None:
    """A year read from a budget's name ("ECHO's 2003 budget", "the 2010 budget") is a
    fiscal year, except where the budget year is the calendar year: money in euros, or
    paid by the European Union. Not where the words say fiscal ("fiscal 2003")."""
    for f in result.figures:
        if f.year_type == "fiscal" and (f.currency in _CALENDAR_BUDGET_CURRENCIES
                                        or f.funder in _CALENDAR_BUDGET_PAYERS) \
                and not _SAID_FISCAL.search(f.year_text or ""):
            f.year_type = "calendar"


def _home_government(result: Extraction, text: str) -> None:
    """A figure in a country's own currency whose payer is only "the Treasury", "the
    Budget", "the administration" or "Congress" (words every government has, and India a
    party by that name) is paid by that country's government, not a U.S. body: "Treasury
    Cabinet Secretary Njuguna Ndung’u presented the Ksh 3.68 trillion budget". A budget's
    figure in that currency with no payer at all is that government's too, when the story
    names the country (source "document")."""
    for f in result.figures:
        if f.funder == "Government of the United Kingdom" and f.currency != "GBP" and \
                (f.funder_text or "").strip().lower() in {"chancellor", "the chancellor"}:
            # a chancellor of money not in pounds: a German one, a university's
            f.funder = f.funder_text = f.funder_source = None
        home = _HOME_OF_CURRENCY.get(f.currency or "")
        if home and f.funder in _US_BODIES and f.funder_text and \
                _GENERIC_US_BODY.match(f.funder_text.strip()):
            f.funder = _government_of(home)
        elif home and f.funder is None and f.status in {"requested", "appropriated"} and (
                any(re.search(rf"\b{re.escape(n)}\b", text) for n in COUNTRIES.get(home, [home]))
                # (or a story of a budget in a currency that is only that country's: "the
                # Ministry of Defence received the highest allocation of N1.3 trillion")
                or (home not in _DOLLAR_HOMES and _BUDGET_STORY.search(text))):
            # a budget's money in the currency of the country the story names, no payer
            # said: that country's government (as a one-state story's is the state's)
            f.funder, f.funder_text, f.funder_source = _government_of(home), home, "document"


# The executive bodies of the United States: they spend what the President asks for, and a
# request's money is asked for by the President ("$144 billion is requested for the
# Department of Health and Human Services", "DOE funding would rise by $4.126 billion")
_NOT_EXECUTIVE = {"U.S. Congress", "White House", "United States government", "European Commission",
                  "World Bank", "Inter-American Development Bank", "International Monetary Fund",
                  "United Nations", "European Union"}
_US_EXECUTIVE = {n for n in AGENCIES if n not in _NOT_EXECUTIVE and not n.startswith("Government")}
# who asks in a U.S. budget story: the words before its first request ("President Biden
# submitted his FY2024 budget request", "I ask the Congress to consider the enclosed
# appropriations request") name the President, or an agency ("The Pentagon on Monday sent
# Congress a nearly $850 billion budget request", whose figures are the Pentagon's)
_FIRST_REQUEST = rx.compile(r"\brequest(?:s|ed)?\b|\bask(?:s|ed)?\s+(?:the\s+)?Congress\b",
                            re.IGNORECASE)
_PRESIDENT_ASKS = rx.compile(r"\bPresident\b|\bAdministration\b|\bWhite House\b|\bOMB\b|"
                             r"\bI\s+ask\b", re.IGNORECASE)
# the agency's own request: "the Pentagon's $849.8 billion request", "State Department
# budget request", "USAID has requested", "DoD is seeking"
_ASKS_AFTER = rx.compile(r"(?:[\x27’]s?\s+(?:[\w$.,-]+\s+){0,5}?(?:budget|request|proposal)"
                         r"|\s+(?:(?:fiscal|FY|\d{4}|budget)\s+)*(?:request|proposal)"
                         r"|\s+(?:(?:has|have|had|is|are|was|also|now|then|formally)\s+)*"
                         r"(?:request|ask|seek|sought|submit|propos))", re.IGNORECASE)


_BY_BEFORE = rx.compile(r"\bby\s+(?:the\s+)?$")


_BUDGET_REQUEST_NAME = rx.compile(r"\bBudget\s+Request\b")


def _president_asks(text: str) -> str | None:
    """The words of a document's first request when they name the President as the one who
    asks (not an agency sending its own)."""
    m = _FIRST_REQUEST.search(text)
    if m is None:
        return None
    before = text[max(0, m.start() - 150) : m.end()]
    # ("The FY17 Budget Request includes $449.6 million": the President's budget, by name)
    return m.group() if _PRESIDENT_ASKS.search(before) or _BUDGET_REQUEST_NAME.search(before) \
        else None


# the words of an appropriation itself (not an allocation of it: "USAID's spend plan ...
# allocated $7.85 billion" is the agency's)
_APPROPRIATION_CUE = rx.compile(r"appropriat|enacted|continuing\s+resolution|signed\s+into\s+law|"
                                r"\bsigned\s+(?:a|an|the)\s[^$]*\bsupplemental\b|"
                                r"omnibus|Congress", re.IGNORECASE)


def _congress_appropriates(result: Extraction) -> None:
    """An appropriation is the Congress's money, not the agency's it goes to: "USDA had
    obligated $35.7 million of its $143.1 million in appropriated funds", "Congress has
    provided the Department of Defense (DOD) with about $86.8 billion". The payer's words
    are the appropriation's."""
    # (a governor signs a state's budget: not the Congress's money)
    state_story = any(_STATE_STORY.search(s.text) for s in result.sentences)
    for f in result.figures:
        # (or the government a sentence before named: "the United States' continued
        # commitment ... These funds include: an additional $10 million")
        executive = f.status == "appropriated" and f.currency == "USD" and (
            f.funder in _US_EXECUTIVE or (f.funder == "United States government"
                                          and f.funder_source != "sentence")) \
            and bool(f.status_cue) and bool(_APPROPRIATION_CUE.search(f.status_cue or "")) \
            and not _ALLOCATION.search(f.status_cue or "")
        # "the Administration issued its FY2016 budget request, proposing $1.25 billion ...,
        # an increase of 39% over the FY2015 appropriation of $899.5 million": the figure the
        # words name an appropriation is the Congress's, not the requester's
        named = f.funder == "White House" and f.status == "appropriated" \
            and bool(_NAMED_APPROPRIATION.search(f.status_cue or ""))
        # "We were directly appropriated $455 million over five years in BIL funds": money
        # appropriated with no one named is the Congress's
        # ("President Donald Trump signed a $2.2 trillion coronavirus economic relief and
        # stimulus bill": the law's money, the Congress's, not the signer's)
        passive = f.funder is None and f.status == "appropriated" and f.currency == "USD" \
            and f.status_source == "sentence" and (
                (f.status_cue or "").lower() == "appropriated"
                or (bool(_SIGNED_BILL.match(f.status_cue or "")) and not state_story))
        if executive or named or passive:
            f.funder, f.funder_text, f.funder_source = "U.S. Congress", f.status_cue, \
                f.status_source


_NAMED_APPROPRIATION = rx.compile(r"\b(?:appropriations?|level|funding|budget|amount)\s+of\s*$",
                                 re.IGNORECASE)
_ALLOCATION = rx.compile(r"\ballocat|\bset\s+aside\b", re.IGNORECASE)


# an appeal's words: who appeals for money asks donors for it, and pays none of it
_APPEAL = rx.compile(r"\bappeal|\bcall(?:s|ing)?\s+for\b|\brequir", re.IGNORECASE)
_APPEALERS = {"United Nations"}


def _appeals_name_no_payer(result: Extraction) -> None:
    """"The United Nations today launched its global appeal for 2024, calling for US$46.4
    billion": the UN asks donors; the money asked for has no payer yet."""
    for f in result.figures:
        if f.status == "requested" and f.funder in _APPEALERS \
                and _APPEAL.search(f.status_cue or ""):
            f.funder = f.funder_text = f.funder_source = None


def _requester_pays(result: Extraction, text: str) -> None:
    """In a story of the President's budget request, a figure asked for is the President's
    request (the payer the data dictionary gives "requested"), not the agency the money is
    for: "$24.9 billion in the DOD base budget", "DOE funding would rise by $4.126 billion to
    $52.571 billion". An agency that itself asks ("the Pentagon's $849.8 billion request",
    "State and USAID have requested") keeps its figure; so do applicants' requests; and so
    does every figure of a story whose first request is an agency's. A request with no payer
    named in such a story is the President's too. The payer's words are the request's."""
    if _president_asks(text) is None:
        return
    for f in result.figures:
        if f.status != "requested" or f.currency != "USD" \
                or _APPLICATIONS.search(f.status_cue or ""):
            continue
        if f.funder in _US_EXECUTIVE:
            sentence = result.sentences[f.sentence_index].text
            said = f.funder_text or ""
            # ("the largest dollar-figure ever sought by the Pentagon")
            if said and any(_ASKS_AFTER.match(sentence, m.end())
                            or _BY_BEFORE.search(sentence, max(0, m.start() - 8), m.start())
                            for m in re.finditer(re.escape(said), sentence)):
                continue
        elif f.funder is not None and not (f.funder == "U.S. Congress"
                                           and "Congress" not in (f.funder_text or "")):
            continue  # (but "The request was tucked into a $46 billion ... spending bill":
            # the bill the President sent, not the Congress's)
        f.funder, f.funder_text = "White House", f.status_cue
        f.funder_source = f.status_source
