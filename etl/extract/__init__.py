"""From article text to money figures and change claims, each with its provenance.

``extract(text)`` segments the text, finds money amounts in each sentence
(:mod:`etl.money`) and reads the year, funder, recipient, purpose, stage, kind and
attributed source of each: from its own sentence first, and where that is silent from the
sentences before it, a heading or the document's date, recording which (``*_source``).
One module per attribute: ``years``, ``roles`` (payer, recipient, credited source),
``stages``, ``purpose``, ``kinds``, ``claims``; ``context`` fills attributes from before
the sentence; ``common`` holds the records.
"""

from __future__ import annotations

import hashlib
import re
from datetime import date

from etl import fastre as rx
from etl.checks import ratio_qualifier
from etl.extract.claims import _claims
from etl.extract.columns import _stage_of_table_columns
from etl.extract.common import WINDOW, Claim, Extraction, Figure, _clauses, _near, _stable_id
from etl.extract.context import (
    _appeals_name_no_payer,
    _bill_year,
    _calendar_budget_years,
    _congress_appropriates,
    _Context,
    _dateline_year,
    _from_context,
    _headline_from_body,
    _home_dollar,
    _home_government,
    _requester_pays,
    _requests_are_fiscal,
    _restated_from_earlier,
    _sentence_context,
    _state_payer,
)
from etl.extract.kinds import _RATE, _conversions_take_kind, _kind, _parts_take_kind
from etl.extract.purpose import _purpose, _PurposeCues
from etl.extract.review import review
from etl.extract.roles import (
    _AGENCY_RE,
    _attributed_source,
    _currency,
    _funder,
    _funder_mention,
    _mentions,
    _recipient,
    _respective_payers,
    document_aliases,
)
from etl.extract.stages import (
    _ANAPHORIC_START,
    _DIFFERENCE_AFTER,
    _cuts_are_not_enacted,
    _owned_cues,
    _president_proposes,
    _stage_of_comparisons,
    _stage_of_enacted_bill,
    _stage_of_enacted_budget,
    _stage_of_lists,
    _stage_of_parts,
    _stage_of_passed_bill,
    _stage_of_references,
    _stage_of_request_story,
    _stage_of_silent_sentences,
    _status,
    _status_cues,
)
from etl.extract.years import (
    _MAYBE_YEAR,
    _MONTHS,
    YEAR_MAX,
    YEAR_MIN,
    _assign_years,
    _event_dated,
    _event_years,
    _year_mentions,
)
from etl.money import Money, find_money
from etl.segment import split_sentences

__all__ = ["WINDOW", "YEAR_MAX", "YEAR_MIN", "Claim", "Extraction", "Figure", "_stable_id",
           "extract", "ratio_qualifier"]

# "a multi-year proposal for $1.4 billion", "in the past decade", a running total "as of
# June 1, 2013": no single year of money ("over five years", "in the first two years" are
# spans of years already, etl/extract/years.py)
_MULTI_YEAR = rx.compile(
    r"\bmulti-?year\b|\b(?:in|over|during)\s+the\s+(?:past|last|previous)\s+decade\b"
    r"|\b(?:two|three|four|five|six|seven|eight|nine|ten|\d+)-year\s+(?:\w+\s+)?(?:package|"
    r"plan|program|programme|initiative|deal|agreement|commitment)\b"
    # "as of 1st January 2013 for a period of 24 months"
    r"|\b(?:for|over)\s+a\s+period\s+of\s+(?:(?:1[3-9]|[2-9]\d)\s+months|(?:[2-9]|[1-9]\d|two|"
    r"three|four|five|six|seven|eight|nine|ten)\s+years)\b", re.IGNORECASE)
# a running total's date: "As of June 1, 2013, State and USAID obligated at least $463 million"
_AS_OF = rx.compile(rf"\bas\s+of\s+(?:(?:{_MONTHS})\s+(?:\d{{1,2}},\s+)?)?(?:19|20)\d\d\b",
                    re.IGNORECASE)


def extract(text: str, doc_key: str = "", reference_date: date | None = None) -> Extraction:
    """Segment ``text`` and extract its money figures and claims."""
    sentences = split_sentences(text)
    result = Extraction(sentences=sentences)
    ref_year = reference_date.year if reference_date else None
    ref_month = reference_date.month if reference_date else None
    contexts: list[_Context] = []
    scoped: list[bool] = []  # the sentence names a year or a running total's date
    spans: list[list[tuple[int, int]]] = []  # where it names a rate or a span of years
    dated: list[bool] = []
    aliases = document_aliases(text)  # "the Department of State (State)"
    # what each figure's kind was read from, to read it again once context gives a year
    kind_reads: list[tuple[str, Money, bool, int, int]] = []
    repeats: dict[str, int] = {}
    for index, span in enumerate(sentences):
        sentence = span.text
        # IDs hash the sentence's digest, not its text, so that they cost the same per figure
        # however long the sentence is
        sentence_key = hashlib.sha1(sentence.encode("utf-8")).hexdigest()
        # a sentence said again in the document (a summary repeated, boilerplate): its
        # figures and claims are others, with other ids (a table's key is unique)
        repeats[sentence_key] = seen = repeats.get(sentence_key, 0) + 1
        if seen > 1:
            sentence_key = hashlib.sha1(f"{sentence_key}#{seen}".encode()).hexdigest()
        money = find_money(sentence)
        figures: list[Figure] = []
        mentions = (_year_mentions(sentence, money, ref_year, ref_month)
                    if _MAYBE_YEAR.search(sentence)
                    else [])
        # a sentence that states when (even as a span, "since" or "after") lends no year
        scoped.append(bool(mentions) or bool(_AS_OF.search(sentence)))
        # (a rate or a span of years says when for the figures near it: "It allocates €5
        # million for a period of 24 months", not "$17.6 billion, a 1.8 percent increase
        # ..., along with a steady, five-year runout that includes an increase each year")
        spans.append([] if scoped[-1] else [m.span() for pattern in (_RATE, _MULTI_YEAR)
                                             for m in pattern.finditer(sentence)])
        dated.append(not mentions and bool(money) and _event_dated(sentence))
        if not money and not mentions and not _AGENCY_RE.search(sentence):
            contexts.append(_Context([], [], span.kind == "heading"))
        if not money and len(contexts) == index:
            agencies, sources, _ = _mentions(sentence, aliases)
            contexts.append(_sentence_context(sentence, span.kind, mentions, agencies,
                                              sources))
        if not money and not contexts[index].years and (line := _dateline_year(sentence)):
            # "WASHINGTON, March 14, 2019 – The World Bank Board ... today approved financing
            # for the following project: ... IDA Credit: US$70 million": that day's
            contexts[index].years = [(line[0], "calendar", line[1])]
            contexts[index].from_date = True
        if money:
            agencies, sources, countries = _mentions(sentence, aliases)
            agency_starts = [a.start for a in agencies]
            country_starts = [c.start for c in countries]
            clauses = _clauses(sentence)
            clause_starts = [a for a, _ in clauses]
            cues = _status_cues(sentence)
            cue_starts = [c[0] for c in cues]
            # (a lone figure owns every cue but in "Of the $9.1 billion ..., a third ...")
            owned = _owned_cues(sentence, money, cues) if cues and (
                len(money) > 1 or sentence.lstrip()[:3].lower() in {"of ", "out"}) else {}
            credited = _attributed_source(sentence, agencies, sources)
            years = _assign_years(sentence, money, mentions)
            events: list[tuple[int, str]] | None = None
            purpose_cues = _PurposeCues.of(sentence, money)
            respective = _respective_payers(sentence, money, agencies) \
                if "respectively" in sentence else {}
            for k, (fig, (year, year_type, year_text)) in enumerate(zip(money, years,
                                                                      strict=True)):
                lo, hi = fig.start - WINDOW, fig.end + WINDOW
                near_countries = _near(countries, country_starts, lo, hi)
                funder = _funder(sentence, fig, _near(agencies, agency_starts, lo, hi), sources)
                status, cue = _status(fig, clauses, clause_starts, cues, cue_starts, owned,
                                      sentence)
                fig_text = sentence[fig.start : fig.end]
                if year is None and status == "obligated" and cue and _MAYBE_YEAR.search(sentence):
                    # money committed on a dated day is that year's: "July 2020: The
                    # Government of Nepal has signed a financial agreement with the World
                    # Bank for $450 million" (an announcement's date is not: "On October 22,
                    # 2007, ... announced the Merida Initiative, a $1.4 billion ...")
                    if events is None:
                        events = _event_years(sentence)
                    if len({y for y, _ in events}) == 1:
                        year, year_type, year_text = events[0][0], "calendar", events[0][1]
                if year is None:
                    year_type = None  # a span or "since" has no single year to qualify
                funder_mention = _funder_mention(sentence, fig,
                                                 _near(agencies, agency_starts, lo, hi),
                                                 sources, funder)
                if fig.start in respective:  # "$770 million and $148 million, respectively"
                    own = respective[fig.start]
                    funder, funder_mention = own.name, sentence[own.start : own.end]
                figures.append(Figure(
                    figure_id=_stable_id("fig", doc_key, sentence_key, fig.start, fig_text),
                    sentence_index=index,
                    start=span.start + fig.start, end=span.start + fig.end, text=fig_text,
                    amount=fig.amount, amount_high=fig.amount_high,
                    currency=(currency := _currency(fig, near_countries)),
                    currency_source="sentence",
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
                    review=review(sentence, fig, currency),
                    kind=_kind(*(read := (sentence, fig, year is not None,
                                          money[k - 1].end if k else 0,
                                          money[k + 1].start if k + 1 < len(money)
                                          else len(sentence)))),
                ))
                kind_reads.append(read)
            context = _sentence_context(sentence, span.kind, mentions, agencies, sources)
            # a sentence with figures lends the payer it gave them, not every body it names
            # ("...; the Bureau of Land Management proposes steps to increase high-speed
            # internet": no payer of the sentence's money)
            context.payers = [p for p in context.payers
                              if any(f.funder == p[0] for f in figures)]
            if all(f.year is None for f in figures) or (
                    _ANAPHORIC_START.match(sentence)
                    and _DIFFERENCE_AFTER.match(sentence[money[0].end :])):
                # ("This is $13 billion below the ... estimate, ... over the funding ... for
                # FY 2011": a difference's sentence names the years it is measured from)
                # "$3.4 billion over 10 years ... for the Brisbane 2032 Olympic and Paralympic
                # Games": a year its own figures did not take is not the money's, after it
                context.years = []
            if span.continues:
                # the rest of an overlong sentence (a statute's paragraph cut at its length
                # limit): its figures without a stage of their own have the stage before
                before = _status_cues(sentences[index - 1].text)
                for f in figures:
                    if f.status_source is None and before:
                        f.status, f.status_cue = before[-1][2], before[-1][3]
                        f.status_source = "previous sentence"
            # ("Congress has provided almost $1.8 billion": a total with no year is a span)
            context.span = context.span or all(f.kind == "cumulative" and f.year is None
                                               for f in figures)
            contexts.append(context)
        result.figures.extend(figures)
        result.claims.extend(_claims(index, span.start, sentence, figures, doc_key,
                                     sentence_key))
    _parts_take_kind(result.figures, text)
    _from_context(result, contexts, scoped, text, reference_date, dated, spans)
    for f, (sentence, fig, has_year, lo, hi) in zip(result.figures, kind_reads, strict=True):
        # "In total, the bill provides $690.2 billion", in a section on the FY20 bill: a
        # total of one year is that year's amount
        if f.kind == "cumulative" and not has_year and f.year is not None:
            f.kind = _kind(sentence, fig, True, lo, hi)
    _conversions_take_kind(result.figures, text)
    _headline_from_body(result)
    _restated_from_earlier(result)
    _stage_of_lists(result, sentences)
    _stage_of_parts(result, sentences)
    _stage_of_enacted_bill(result, text)
    _stage_of_passed_bill(result, text)
    _stage_of_references(result, sentences)
    _stage_of_comparisons(result, sentences)
    budget_years = [y for c, span in zip(contexts, sentences, strict=True)
                    if re.search(r"\bbudget\b", span.text, re.IGNORECASE) for y in c.years]
    _stage_of_request_story(result, text, budget_years)
    _stage_of_enacted_budget(result, text, budget_years)
    _requests_are_fiscal(result)
    _president_proposes(result)
    _state_payer(result, text)
    _home_dollar(result, text)
    _home_government(result, text)
    _requester_pays(result, text)
    _congress_appropriates(result)
    _appeals_name_no_payer(result)
    _calendar_budget_years(result)
    _stage_of_silent_sentences(result, sentences)
    _stage_of_table_columns(result, text)
    _home_government(result, text)  # (again: for the figures the stages above gave a stage)
    _cuts_are_not_enacted(result)
    _bill_year(result)
    return result
