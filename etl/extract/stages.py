"""The budget stage of each figure, from cue words (etl.lexicon.STATUS_CUES), list
introductions and compared figures.
"""

from __future__ import annotations

import itertools
import re
from collections import defaultdict
from functools import lru_cache

from etl import fastre as rx
from etl.extract.common import (
    WINDOW,
    Extraction,
    Figure,
    _clause_of,
    _is_list_item,
    _looking_back,
    _near,
)
from etl.extract.context import _STATE_STORY, CONTEXT_SENTENCES
from etl.extract.roles import _mentions, _not_a_payer
from etl.extract.years import _baseline_spans
from etl.lexicon import (
    STATUS_CUES,
    WEAK_STATUS_CUES,
)
from etl.money import Money
from etl.segment import Span

# "above FY 2021 enacted levels", "the authorized amounts": the cue describes an amount
# it is compared with, not the stage of the figure
# ("the estimated revenue": what the figure is drawn from)
# (but "the request totals $9.4 billion": a verb, the figure's own)
_NOT_A_STAGE_AFTER = (r"(?!\s+(?:levels?|amounts?|funds|money|dollars|"
                      r"totals?(?!\s+(?:[$€£]|US\$|\d|about|nearly|almost|more|some|over|"
                      r"approximately|roughly|just))|revenues?|receipts)\b)")
# Every cue starts where a word starts: trying the alternatives only there (not at every
# letter) halves the time the cues take (same matches on 6,150 real and synthetic sentences)
_WORD_START = r"(?<!\w)(?=\w)"
_STATUS_RES = {
    status: rx.compile(_WORD_START + "(?:" + "|".join(cues) + ")" + _NOT_A_STAGE_AFTER,
                       re.IGNORECASE)
    for status, cues in STATUS_CUES.items()
}
# Weak cues count only where a sentence has no other: "the bill provides $64.57 billion"
# is a proposal until a chamber passes it or it becomes law.
_WEAK_STATUS_RES = {
    status: rx.compile(_WORD_START + "(?:" + "|".join(cues) + ")", re.IGNORECASE)
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
                    if not any(a <= m.start() < b for a, b in baselines)
                    # "Funding has not yet been appropriated": no stage reached
                    and not _NEGATED.search(sentence, max(0, m.start() - 24), m.start())
                    # "$674.4 billion for our military – consistent with the levels
                    # authorized by the NDAA": what the levels compared with were
                    and not _LEVELS_BEFORE.search(sentence, max(0, m.start() - 40), m.start()))
    # (who asked for a figure, in the clause right after it, only where the figure is named
    # as that: "a far cry from the $5.7 billion Trump requested", not "the bill includes
    # nearly $450 million Democrats sought", nor "5.4 million who have sought refuge")
    strong = [c for c in strong if not (_ASKED_FOR_IT.fullmatch(c[3])
                                        and sentence.endswith(("illion ", "ILLION "), 0, c[0]))
              or _THE_FIGURE_BEFORE.search(sentence, max(0, c[0] - 40), c[0])]
    # "Senator Wong said Australia would provide $21.5 million": what a government is said
    # to provide is its announcement, as "will provide" is (not "the bill would provide")
    strong = [c for c in strong if not (c[2] == "proposed" and c[3].lower().startswith("would")
                                        and _SAID_SUBJECT_BEFORE.search(
                                            sentence, max(0, c[0] - 60), c[0]))]
    # a cue inside a longer one is part of it: "authorized to be appropriated" is an
    # authorization, not an appropriation
    strong = [c for c in strong if not any(o is not c and o[0] <= c[0] and c[1] <= o[1]
                                           and o[1] - o[0] > c[1] - c[0] for o in strong)]
    if strong:
        # "In the President's Fiscal Year 2023 Budget request to Congress, DHS has proposed
        # ... $360 million": a proposal in a budget request is the request
        if _BUDGET_REQUEST.search(sentence):
            strong = [(a, b, "requested" if status == "proposed" and
                       words.lower().startswith("propos") else status, words)
                      for a, b, status, words in strong]
        # "CBO estimates that S. 1069 would authorize an increase ... of $2 million": what
        # the estimate says is estimated
        estimate = _ESTIMATES_THAT.search(sentence)
        if estimate:
            strong = [c for c in strong if c[0] < estimate.start() or c[2] == "estimated"]
        # "the House passed a version of the NDAA that would have authorized $839.3 billion":
        # the bill's stage, not a law's authorization
        if any(c[2] in ("passed_chamber", "proposed") for c in strong):
            strong = [c for c in strong if not (c[2] == "authorized" and _WOULD_BEFORE.search(
                sentence, max(0, c[0] - 12), c[0]))] or strong
        # "President Biden signed into law the FY2023 NDAA, which authorized $847.3 billion":
        # an authorization act enacted authorizes; it appropriates nothing
        if _AUTHORIZATION_ACT.search(sentence) and not _APPROPRIATION_WORD.search(sentence):
            strong = [(a, b, "authorized" if status == "appropriated" else status, words)
                      for a, b, status, words in strong]
        # "Senator John Fetterman secured over $40 million ... after the U.S. Senate passed
        # its first bipartisan FY24 appropriations bill": what a Member secured is at the
        # stage the sentence gives the bill
        if any(c[2] == "passed_chamber" or (c[2] == "proposed" and _COMMITTEE.search(c[3]))
               for c in strong):
            strong = [c for c in strong if not _SECURED.search(c[3])] or strong
        return _both_chambers(sentence, strong)
    return sorted((m.start(), m.end(), status, m.group())
                  for status, pattern in _WEAK_STATUS_RES.items()
                  for m in pattern.finditer(sentence))


_BUDGET_REQUEST = rx.compile(r"\bbudget\s+request", re.IGNORECASE)
_SAID_SUBJECT_BEFORE = rx.compile(r"\b(?:said|says|announced|confirmed)\s+(?:that\s+)?"
                                  r"(?!(?:The|the|This|this|It|it)\b)(?:[A-Z][\w.’\x27-]*\s+){1,4}$")
_FUNDS_BEFORE = rx.compile(r"\b(?:funding|funds|money|amounts?|sums?)\s+$", re.IGNORECASE)
_LEVELS_BEFORE = rx.compile(r"\b(?:consistent\s+with|in\s+line\s+with|within|below|above|"
                            r"under|over|beyond|exceeds?|exceeding|matching|matches)\s+"
                            r"(?:the|its|their|those|these)\s+(?:levels?|amounts?|caps?|limits?)\s+$",
                            re.IGNORECASE)
_SECURED = rx.compile(r"\bsecured$")
_COMMITTEE = rx.compile(r"\b(?:(?:sub)?committee|HASC|SASC)\b", re.IGNORECASE)
_RIGHT_BEFORE = rx.compile(r"\s*(?:(?:about|nearly|almost|approximately|some|more\s+than|over|"
                          r"at\s+least|up\s+to|an?\s+(?:additional|extra|further)|"
                          r"additional|another)\s+)?", re.IGNORECASE)
_NEGATED = rx.compile(r"\b(?:not|never|no\s+longer)\s+(?:yet\s+)?(?:been\s+|be\s+)?$",
                      re.IGNORECASE)
# "Of the $9.1 billion in total funds for these provisions, about a third of the funds were
# obligated": what the part became, not the whole
_OF_THE_WHOLE = rx.compile(r"^\s*(?:Of|Out\s+of)\s+(?:the|its|their|this|that)\s+"
                           r"(?:(?:about|nearly|approximately|some|more\s+than|over)\s+)?$",
                           re.IGNORECASE)
_WOULD_BEFORE = rx.compile(r"\bwould\s+(?:have\s+)?$", re.IGNORECASE)
_AUTHORIZATION_ACT = rx.compile(r"\bNDAA\b|\bAuthorization\s+Act\b")
_APPROPRIATION_WORD = rx.compile(r"\bappropriat", re.IGNORECASE)
_ESTIMATES_THAT = rx.compile(r"\bestimates?\s+that\b", re.IGNORECASE)
# ("the initially proposed N27.5 trillion": an adverb between)
_ADJECTIVE_CUE = rx.compile(r"\b(?:the|an?|its|their|his|her|our|this|that|these|those)\s+"
                            r"(?:\w+ly\s+)?$", re.IGNORECASE)


_APPROPRIATION_PARAGRAPH = rx.compile(r"For\s", re.IGNORECASE)


def _owned_cues(sentence: str, money: list[Money], cues: list[tuple[int, int, str, str]]
                ) -> dict[int, set[tuple[int, int]]]:
    """For each figure, the cues that modify another figure as an adjective, "the estimated
    $1.7 billion", "the $750 million approved by Congress": such a cue is the other
    figure's stage, not this one's."""
    # ("... to deal with Covid-19 pressures Estimated £3 billion additional support ...", a
    # list's items run together: a capitalized participle opens its item)
    adjectives = [(c[0], c[1], m.start) for c in cues for m in money
                  if 0 <= m.start - c[1] <= 2 and re.fullmatch(r"[A-Za-z]+ed", c[3])
                  and (_ADJECTIVE_CUE.search(sentence[max(0, c[0] - 24) : c[0]])
                       or (c[3][0].isupper() and c[0] > 0
                           and sentence[c[0] - 2 : c[0]].rstrip().islower()))]
    # "Of the $3.7 billion allocated, about $1.7 billion remained": a participle right
    # after a figure is that figure's
    # ("the $100 million approved for 2012")
    adjectives += [(c[0], c[1], m.start) for c in cues for m in money
                   if 0 <= c[0] - m.end <= 1
                   and re.fullmatch(r"[A-Za-z]+ed(?:\s+for\s+\S+)?", c[3])]
    # "$28 billion, or 3.26 percent, higher than the $858 billion defense budget Congress
    # enacted in FY 2023": the words after a figure compared with describe it, up to the
    # next figure or the clause's end
    for m in money:
        if _THAN_THE_FIGURE.search(sentence, max(0, m.start - 60), m.start):
            stop = next((n.start for n in money if n.start > m.end), len(sentence))
            brk = _CLAUSE_END.search(sentence, m.end, stop)
            stop = brk.start() if brk else stop
            adjectives += [(c[0], c[1], m.start) for c in cues if m.end <= c[0] < stop]
    # "increased from N27.5 trillion, as proposed by President Bola Tinubu, to N28.7
    # trillion": what is said between the two figures of a change is of the first
    for a, b in itertools.pairwise(money):
        if _FROM_BEFORE_FIGURE.search(sentence, max(0, a.start - 30), a.start) \
                and _TO_BEFORE_FIGURE.search(sentence, a.end, b.start):
            adjectives += [(c[0], c[1], a.start) for c in cues if a.end <= c[0] < b.start]
    # "$475 million ... in FY13, a level that would fall to $337 million in the
    # Administration's FY15 budget request": what is said after a new level is its own
    for a, b in itertools.pairwise(money):
        if _CHANGES_TO.search(sentence, a.end, b.start):
            stop = _CLAUSE_END.search(sentence, b.end)
            adjectives += [(c[0], c[1], b.start) for c in cues
                           if b.end <= c[0] < (stop.start() if stop else len(sentence))]
    # "a far cry from the $5.7 billion Trump requested": a clause right after a figure that
    # says who asked for it is that figure's
    adjectives += [(c[0], c[1], m.start) for c in cues for m in money
                   if 0 <= c[0] - m.end <= 1 and _ASKED_FOR_IT.fullmatch(c[3])]
    # "have obligated or committed approximately $19.4 million (51 percent) of the $38
    # million in total ... funds": the verb before a part is the part's; the whole it is a
    # part of was not obligated
    # "the act offers $17 billion in loans to contractors such as Boeing, which had appealed
    # to Congress for $60 billion": a cue right before a later figure is that figure's
    # (not for the figures after it: "appropriated $5 million for A and $3 million for B")
    governs = []
    for c in cues:
        nxt = next((m for m in money if m.start >= c[1]), None)
        if nxt is not None and _RIGHT_BEFORE.fullmatch(sentence, c[1], nxt.start):
            governs.append((c[0], c[1], nxt.start))
    if money and _OF_THE_WHOLE.match(sentence, 0, money[0].start):
        comma = sentence.find(",", money[0].end)
        if comma >= 0:
            part = next((m.start for m in money if m.start > comma), -1)
            adjectives += [(c[0], c[1], part) for c in cues if c[0] > comma]
    for k in range(1, len(money)):
        if _PART_OF_WHOLE.fullmatch(sentence, money[k - 1].end, money[k].start):
            since = money[k - 2].end if k >= 2 else 0  # (the part's own verb, not earlier)
            verb = max((c for c in cues if since <= c[0] and c[1] <= money[k - 1].start),
                       key=lambda c: c[1], default=None)
            if verb is not None:
                adjectives.append((verb[0], verb[1], money[k - 1].start))
    return {m.start: {(a, b) for a, b, owner in adjectives if owner != m.start}
            | {(a, b) for a, b, owner in governs if m.start < a and owner != m.start}
            for m in money}


_FROM_BEFORE_FIGURE = rx.compile(r"\bfrom\s+(?:the\s+)?(?:\w+ly\s+)?(?:\w+\s+)?$",
                                 re.IGNORECASE)
_TO_BEFORE_FIGURE = rx.compile(r"[^$]*?,?\s+to\s+(?:the\s+)?(?:(?:revised|new|final)\s+)?"
                               r"(?:amount\s+of\s+|sum\s+of\s+|total\s+of\s+)?"
                               r"(?:about\s+|nearly\s+|roughly\s+)?$", re.IGNORECASE)
_CHANGES_TO = rx.compile(r"\b(?:fall|rise|drop|increase|decrease|grow|climb|decline|shrink|"
                         r"go|jump|balloon|plunge)\w*\s+to\s+(?:about\s+|nearly\s+|roughly\s+)?$",
                         re.IGNORECASE)
_THAN_THE_FIGURE = rx.compile(
    r"\b(?:(?:less|more|lower|higher|greater|fewer|smaller|larger|bigger)\s+than|"
    r"compared\s+(?:with|to)|versus)\s+(?:the|its|their)\s+(?:[\w-]+\s+){0,2}$", re.IGNORECASE)
_CLAUSE_END = rx.compile(r"[;:]|,\s+(?:and|but|while|which|who)\b|\s[—–-]{1,2}\s")
_ASKED_FOR_IT = rx.compile(r"(?:the\s+)?(?:\w+\s+){0,2}?(?:sought|requested|wanted|asked\s+for)",
                           re.IGNORECASE)
_THE_FIGURE_BEFORE = rx.compile(
    r"\bthe\s+(?:US)?[$€£]\s?[\d.,]+\s+(?:million|billion|trillion)\s+$", re.IGNORECASE)
# ("disbursed $204 million (31 percent) of $651 million in funding": no article either)
_PART_OF_WHOLE = rx.compile(r"\s*(?:\([^()$]{1,30}\)\s*)?(?:of|out\s+of)\s+"
                            r"(?:(?:the|its|their|a|an)\s+)?(?:(?:total|overall|available)\s+)?"
                            r"(?:(?:about|nearly|approximately|some|more\s+than|over)\s+)?",
                            re.IGNORECASE)


_TO_THE_PRESIDENT = rx.compile(
    # (not "before it can be sent to President Joe Biden to be signed": not yet)
    r"(?<!\bbe\s)\b(?:send(?:s|ing)?|sent)\s+(?:it\s+|(?:the|this)\s+(?:legislation|bill|package|measure)\s+)?"
    r"to\s+(?:President\s+[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?|the\s+White\s+House|the\s+[Pp]resident)\b"
    r"|\bto\s+(?:the\s+)?[Pp]resident(?:\s+[A-Z][\w.]*){0,2}[\x27’]s\s+desk\b")


def _both_chambers(sentence: str, cues: list[tuple[int, int, str, str]]
                   ) -> list[tuple[int, int, str, str]]:
    """"The Senate approved ... bills passed by the House": passed by both chambers, the
    money is appropriated (the cues say so together, not one by one)."""
    chambers = {("House" if "house" in c[3].lower() else "Senate") for c in cues
                if c[2] == "passed_chamber"}
    # "The Senate has passed $95 billion in war aid ..., sending the legislation to President
    # Joe Biden": a bill sent to the President has passed both
    if len(chambers) < 2 and not (chambers and _TO_THE_PRESIDENT.search(sentence)):
        return cues
    return [(a, b, "appropriated" if status == "passed_chamber" else status, words)
            for a, b, status, words in cues]


# a relative clause with its own subject and a verb in the perfect, the figure its object
_OWN_RELATIVE = rx.compile(
    r"\b(?:which|whom|where)\s+[^,;$()]{1,40}?\b(?:has|have|had)\s+(?:already\s+|now\s+)?"
    r"(?:pumped|poured|spent|provided|given|sent|invested|contributed|paid|put)\s+"
    r"(?:(?:more\s+than|about|nearly|over|some|almost|roughly|approximately)\s+)?$")


def _status(fig: Money, clauses: list[tuple[int, int]], clause_starts: list[int],
            cues: list[tuple[int, int, str, str]], cue_starts: list[int],
            owned: dict[int, set[tuple[int, int]]] | None = None,
            sentence: str = "") -> tuple[str, str | None]:
    """The cue nearest the figure wins, one in the figure's own clause first; ties go to
    the more specific status (appropriated > requested > proposed > estimated). A cue
    that modifies another figure ("less than the estimated $1.7 billion", ``others`` are
    the other figures' starts) is that figure's alone."""
    clause = clauses[_clause_of(clause_starts, fig.start)]
    hits: list[tuple[int, int, str, str]] = []
    own: int | None = None  # where a relative clause of the figure's own begins, once asked
    for start, end, status, words in _near(cues, cue_starts, fig.start - WINDOW,
                                           fig.end + WINDOW):
        if fig.start <= start < fig.end:
            continue
        if (start, end) in owned.get(fig.start, set()):
            continue
        if start >= fig.end and ";" in sentence[fig.end : start]:
            continue  # "...; the Bureau of Land Management proposes steps": another item's
        if start < fig.start:
            if own is None:
                found = _OWN_RELATIVE.search(sentence, max(0, fig.start - 100), fig.start)
                own = found.start() if found else -1
            if start < own:
                continue  # "awaited the administration's request ..., because Plan Colombia, the
            # program under which Washington has pumped more than $3 billion into Colombia
            # since 2000": the relative clause says what was done with the figure
        same = clause[0] <= start < clause[1]
        dist = fig.start - end if end <= fig.start else start - fig.end
        hits.append((0 if same else 1, dist + _STATUS_PRIORITY.index(status), status, words))
    opening = next((c for c in cues if c[0] == 0 and _APPROPRIATION_PARAGRAPH.match(c[3])), None)
    if opening is not None:  # "For necessary expenses ..., $X": the law appropriates it
        return opening[2], opening[3]
    if not hits:
        return "reported", None
    _, _, status, cue = min(hits)
    return status, cue


def _stage_of_lists(result: Extraction, sentences: list[Span]) -> None:
    """A list item without a stage cue ("- $100 million for USAID to ...", or the line
    after "would fund the following initiatives:") takes the stage of the sentence that
    introduces the list, and its payer where the item names none before its money ("$98
    million to upgrade two excess Navy P-3B aircraft": the Navy is what is bought for)."""
    introduced: dict[int, str | None] = {}  # list item's sentence -> the list's stage
    payers: dict[int, tuple[str, str] | None] = {}
    by_sentence = _by_sentence(result)
    for f in result.figures:
        i = f.sentence_index
        if f.status_source is not None or not _in_list(sentences, i):
            continue
        if i not in introduced:
            earlier = (_status_cues(sentences[j].text) for j in _before_list(sentences, i,
                                                                             by_sentence))
            # the introduction's most specific stage: "The request for fiscal 1996 would
            # fund the following:" is a request
            introduced[i] = next((min((c[2] for c in cues), key=_STATUS_PRIORITY.index)
                                  for cues in earlier if cues), None)
            payers[i] = _payer_before(sentences, i)
        if introduced[i]:
            f.status, f.status_source = introduced[i], "previous sentence"
            if payers[i] and not _names_own_payer(by_sentence[i], sentences[i], f):
                f.funder, f.funder_text = payers[i]
                f.funder_source = "previous sentence"


def _before_list(sentences: list[Span], i: int, by_sentence: dict[int, list[Figure]]
                 ) -> list[int]:
    """The sentences a list item's stage may come from, nearest first: up to its
    introduction (a heading or a line ending in a colon), the items and the sentences with
    figures of their own, not a remark between ("In addition, it provides the latest
    estimates for mandatory programs"); from the introduction on, every sentence."""
    out, introduced = [], False
    for j in _looking_back(sentences, i, CONTEXT_SENTENCES):
        introduced = introduced or _introduces(sentences[j])
        if introduced or by_sentence.get(j) or _in_list(sentences, j):
            out.append(j)
    return out


def _introduces(span: Span) -> bool:
    return span.kind == "heading" or span.text.rstrip().endswith(":")


def _by_sentence(result: Extraction) -> dict[int, list[Figure]]:
    """The figures of each sentence, in order (one pass, so that looking a sentence's
    figures up stays linear in the document)."""
    out: dict[int, list[Figure]] = defaultdict(list)
    for f in result.figures:
        out[f.sentence_index].append(f)
    return out


def _names_own_payer(same_sentence: list[Figure], span: Span, f: Figure) -> bool:
    """Whether a list item names its payer before its money, with no other figure of its
    sentence between ("USAID: $5 million"), rather than after it or in another item."""
    if f.funder_source != "sentence" or not f.funder_text:
        return False
    at = span.start + span.text.find(f.funder_text)
    return span.start <= at < f.start and not any(at < g.start < f.start
                                                  for g in same_sentence)


def _in_list(sentences: list[Span], i: int) -> bool:
    """A bulleted or numbered item, a sentence right after one that ends in a colon, or the
    rest of such an item cut for length (same paragraph, no full stop between)."""
    if _is_list_item(sentences[i]):
        return True
    while i > 0:
        before = sentences[i - 1].text.rstrip()
        if before.endswith(":"):
            return True
        if sentences[i - 1].paragraph != sentences[i].paragraph or before[-1:] in ".!?":
            return False
        i -= 1
    return False


def _payer_before(sentences: list[Span], i: int) -> tuple[str, str] | None:
    """The payer named by the nearest earlier sentence that names exactly one."""
    for j in _looking_back(sentences, i, CONTEXT_SENTENCES):
        text = sentences[j].text
        named = _mentions(text)[0]
        agencies = [a for a in named if not a.attributed and not _not_a_payer(text, a, named)]
        if len({a.name for a in agencies}) == 1:
            return agencies[0].name, text[agencies[0].start : agencies[0].end]
    return None


# ("However, it is nearly $800 million above the President's request")
_ANAPHORIC_START = rx.compile(r"^(?:(?:However|Still|Yet|But|And|Overall|Also|Instead|"
                              r"In\s+addition|At\s+the\s+same\s+time),?\s+)?"
                              r"(?:[Tt]his|[Tt]hat|[Ii]t|[Ww]hich)\s+(?:\w+\s+){0,2}?(?:is|was|"
                              r"would\s+(?:have\s+)?be(?:en)?|will\s+be|represents|"
                              r"amounts to|marks)\b")
# "$314 million, or 18%, less than ...": the figure is a difference from what follows
_DIFFERENCE_AFTER = rx.compile(r"^(?:,?\s*or\s+[\d.]+\s*(?:%|percent),?)?\s*(?:less|more|"
                               r"lower|higher|greater|fewer|above|below)\b", re.IGNORECASE)


def _stage_of_comparisons(result: Extraction, sentences: list[Span]) -> None:
    """A figure that only measures the one before it ("This is $286 million above the
    President's request") has that figure's stage when its own sentence names none; a
    difference ("That amount would have been $314 million, or 18%, less than the estimated
    $1.7 billion ... in FY2020") has its year, stage and payer too, because the words after
    "than" describe the other figure."""
    by_sentence = _by_sentence(result)
    for f in result.figures:
        if f.sentence_index == 0:
            continue
        sentence = sentences[f.sentence_index]
        if not _ANAPHORIC_START.match(sentence.text):
            continue
        # (past a remark on the same figure with no figure of its own: "The bill provides
        # $17.5 billion ... This is less than the FY23 enacted amount. However, it is nearly
        # $800 million above the President's request.")
        back = f.sentence_index - 1
        while back > 0 and f.sentence_index - back < 3 and not by_sentence.get(back) \
                and sentences[back].paragraph == sentence.paragraph \
                and _ANAPHORIC_START.match(sentences[back].text):
            back -= 1
        before = by_sentence.get(back, [])
        if not before:
            continue
        anchor = before[-1]
        rest = sentence.text[f.end - sentence.start:]
        if _DIFFERENCE_AFTER.match(rest) and f is next(
                g for g in result.figures if g.sentence_index == f.sentence_index):
            if anchor.year is not None:
                f.year, f.year_type, f.year_text = anchor.year, anchor.year_type, anchor.year_text
                f.year_source = "previous sentence"
            if anchor.funder is not None:
                f.funder, f.funder_text = anchor.funder, anchor.funder_text
                f.funder_source = "previous sentence"
            if anchor.status_source is not None:
                f.status, f.status_cue = anchor.status, anchor.status_cue
                f.status_source = "previous sentence"
        elif f.status_source is None and anchor.status_source is not None \
                and not _COMPARED_FIGURE_BEFORE.search(sentence.text, 0, f.start - sentence.start):
            # (not the figure compared with: "less than the $1.7 billion of U.S. assistance
            # the region received in FY2017" is no part of the request before)
            f.status, f.status_source = anchor.status, "previous sentence"


_COMPARED_FIGURE_BEFORE = rx.compile(
    r"\b(?:(?:less|more|lower|higher|greater|fewer|smaller|larger|bigger)\s+than|above|below|"
    r"over|under|compared\s+(?:with|to)|versus|from)\s+(?:the|its|their|this\s+year['’]s|"
    r"last\s+year['’]s)\s+(?:[\w-]+\s+){0,2}$", re.IGNORECASE)


# "In the act, Mexico receives $352 million", "These funds include: ...": the sentence
# goes on about the act, bill or funds of the sentence before
_VEHICLE = (r"act|bill|bills|law|measure|legislation|package|request|budget|agreement|deal|"
            r"resolution|omnibus|funds|funding|money|monies|sums|amounts?|total|investment|"
            r"proposal|grant|grants|aid|loan|loans|assistance")
_REFERS_BACK = rx.compile(
    r"^(?:(?:Among\s+other\s+things|In\s+all|In\s+total|Altogether|Specifically|In\s+particular|"
    r"Overall|Together|Notably|Importantly|Moreover|Also|"
    # "Compared to 2014, this $1 billion package would mean a tripling"
    r"(?:Compared|Relative)\s+(?:to|with)\s+[^,;$]{1,30}),\s+)?"
    rf"(?:(?:In|Under|Of|Out\s+of|Through|With)\s+(?:the|this|that|these)\s+(?:{_VEHICLE})\b"
    # "In addition, 382.2 million euros of EU humanitarian funding will be allocated"
    r"|(?:In\s+addition|Additionally),\s+"
    # "Out of the 1.7 billion, 207.8 million euros will be directed to ...": a part of it
    r"|(?:Of|Out\s+of)\s+the\s+(?:[$€£]|US\$)?[\d.,]+\s+(?:million|billion)\b"
    # "A total of €207.8 million from this budget will be directed to ..."
    rf"|(?:[^.;]|\.(?=\d)){{0,80}}?\b(?:from|of|under|in)\s+(?:this|that|the\s+same)\s+"
    rf"(?:{_VEHICLE})\b"
    # "An additional $18.4 million is from ...": more of the same money
    r"|(?:An?\s+)?(?:additional|further|another)\s+(?=[$€£]|US\$)"
    # "The remaining $59.3 million is for other Function 150 programming": the rest of it
    r"|(?:The\s+)?remaining\s+(?=[$€£]|US\$)"
    # ("This 200 million JPY (App. 3 million AUD) Grant Aid will support")
    rf"|(?:The|This|That|These|Those|Such)\s+(?:[\w.$“”\"'-]+\s+|\([^()]{{1,40}}\)\s+){{0,4}}?"
    rf"[“\"']?(?:{_VEHICLE})\b"
    # "It includes $1 billion", "The largest provides $61 billion": the vehicle named before
    r"|(?:It|They|The\s+(?:largest|smallest|first|second|third|fourth|last|other|rest)|"
    r"A\s+(?:second|third|fourth|fifth))\s+(?:also\s+)?(?:includes?|provides?|contains?|"
    r"allocates?|mandates?|sets\s+aside|earmarks?|adds?|funds|would\s+(?:provide|fund))\b)",
    re.IGNORECASE)


_COUNT_AFTER = rx.compile(r"\s+(?:about\s+|some\s+)?\d[\d.,]*"
                          r"(?:\s+(?:million|billion|thousand))?\b")


def _stage_of_references(result: Extraction, sentences: list[Span]) -> None:
    """A figure whose sentence names no stage but refers back to the act, bill or funds
    of the sentence before takes that sentence's stage."""
    by_sentence = _by_sentence(result)
    for f in result.figures:
        i = f.sentence_index
        if (f.status_source is not None and not _weak(f)) or i == 0 \
                or not _REFERS_BACK.match(sentences[i].text):
            continue
        if _LEFT_OUT.search(sentences[i].text, 0, f.start - sentences[i].start):
            continue  # "it does not include $22 billion": not the bill's money
        for j in range(i - 1, max(-1, i - 1 - CONTEXT_SENTENCES), -1):
            # the stage a figure of that sentence was given ("Another €141.5 million ...",
            # after a figure that took its stage the same way; "The requested amount ...
            # was", after "Of that amount, $802.4 billion fell within the scope of the
            # National Defense Authorization Act": the request's, not the act's name's)
            staged = [g for g in by_sentence.get(j, ()) if g.status_source is not None]
            if staged:
                f.status, f.status_cue = staged[-1].status, staged[-1].status_cue
                f.status_source = "previous sentence"
                break
            # (not a count's qualifier: "surged from 1 million to an estimated 14.4 million"
            # people, in a sentence with no money of its own)
            text = sentences[j].text
            cues = [c for c in _status_cues(text) if not _COUNT_AFTER.match(text, c[1])]
            # (not a cue that only describes some funds the bill holds: "The bill includes
            # full-year funding ..., as well as critical emergency and supplemental funding
            # requested by the President. In total, it provides $1.163 trillion": the bill's)
            described = [c for c in cues if _FUNDS_BEFORE.search(text, max(0, c[0] - 12), c[0])]
            if described and len(described) == len(cues):
                cues = sorted((m.start(), m.end(), status, m.group())
                              for status, pattern in _WEAK_STATUS_RES.items()
                              for m in pattern.finditer(text))
            if cues:
                f.status, f.status_cue = cues[-1][2], cues[-1][3]
                f.status_source = "previous sentence"
                break
    # "... as part of the $1.7 trillion spending bill. Passed by the Senate with a vote of
    # 68-29, the bill now goes to the House": the next sentence, about the same bill and
    # giving no figure of its own, says where the bill stands
    for f in result.figures:
        i = f.sentence_index
        if (f.status_source is not None and not _weak(f)) or i + 1 >= len(sentences) or \
                not _NAMES_BILL.search(sentences[i].text):
            continue
        # (past a sentence that gives more figures of the same bills: "In total, this
        # year's Senate appropriations bills included $79.3 million. These bills have been
        # approved by the Senate Appropriations Committee.")
        for k in range(i + 1, min(i + 3, len(sentences))):
            after = sentences[k].text
            if "$" in after and _NAMES_BILL.search(after):
                continue
            if "$" in after or not _SAME_BILL_NEXT.match(after):
                break
            cues = _status_cues(after)
            if cues:
                f.status, f.status_cue = cues[0][2], cues[0][3]
                f.status_source = "next sentence"
            break


_NAMES_BILL = rx.compile(r"\b(?:bills?|measures?|packages?|legislation)\b", re.IGNORECASE)
# ("These bills have been approved by the Senate Appropriations Committee")
_SAME_BILL_NEXT = rx.compile(r"^[^.;]{0,80}?\b(?:the|that|this|these|those)\s+(?:bills?|"
                             r"measures?|packages?|legislation)\b", re.IGNORECASE)


def _weak(f: Figure) -> bool:
    """Whether the figure's stage came from a weak cue of its own sentence ("the
    legislation includes", "Senator ... secured"): words that yield to what the sentences
    around say of the same bill."""
    if f.status_source != "sentence" or not f.status_cue:
        return False
    weak = _WEAK_STATUS_RES.get(f.status)
    return bool((weak and weak.fullmatch(f.status_cue)) or _SECURED.search(f.status_cue))


_ENACTED_BUDGET = rx.compile(
    r"\bsign(?:ed|s)\s+(?:(?:the|a|an|its|his|her)\s+)?(?:[\w$.,-]+\s+){0,4}?(?:budget|"
    r"spending\s+plan)\b|\badopt(?:s|ed)\s+(?:its|the|an?)\s+(?:[\w-]+\s+){0,3}budget\b|"
    r"\benacted\s+budget\b", re.IGNORECASE)
_THE_BUDGET = rx.compile(r"\bthe\s+(?:state\s+)?(?:budget|spending\s+plan|general\s+fund)\b",
                         re.IGNORECASE)
_BUDGET_CONTAINS = rx.compile(r"\bbudget\s+(?:(?:also|still|then)\s+)?(?:provides|includes|"
                              r"reflects|would|supports|invests|funds|dedicates|devotes|"
                              r"delivers|increases|adds|creates|expands|maintains)\b",
                              re.IGNORECASE)


# A bill become law, or passed by both chambers: "signed a $2.2 trillion stimulus bill into
# law", "is now headed to the President's desk", "applauded congressional passage of
# legislation"
_ENACTED_BILL = rx.compile(
    # ("Gov. Mike Dunleavy signed the Fiscal Year 2024 state operating and capital budgets
    # into law")
    r"\bsign(?:ed|s)\s+(?:[\w$.,()-]+\s+){0,9}?into\s+law\b|\bsigned\s+into\s+law\b|"
    # "President Donald Trump signed a $2.2 trillion coronavirus economic relief and stimulus
    # bill on Friday": a funding bill signed is law
    r"\bsign(?:ed|s)\s+(?:(?:the|a|an|its|his|her)\s+)?(?:[\w$.,-]+\s+){0,7}?(?:funding|"
    r"spending|appropriations?|supplemental|omnibus|stimulus|relief)\s+(?:bill|measure|"
    r"package|legislation)\b|"
    # "Governor Mike Parson signed the Fiscal Year 2024 (FY24) state operating and capital
    # improvement budget bills"
    r"\bsign(?:ed|s)\s+(?:(?:the|a|an|its|his|her)\s+)?(?:[\w$.,()-]+\s+){0,9}?budget\s+"
    r"(?:bills?|legislation|act)\b|"
    r"\b(?:sent|send|headed|heads|go(?:es)?|going)\s+to\s+(?:the\s+)?President(?:[\x27’]s)?\s+"
    r"(?:\w+[\x27’]s\s+)?desk\b|\bpassed\s+both\s+(?:houses|chambers)\b|"
    r"\b(?:approval|passage)\s+(?:from|by|of|in)\s+both\s+(?:houses|chambers)\b|"
    r"\b(?:final\s+)?congressional\s+passage\b|\bCongress\s+pass(?:es|ed)\b|"
    r"\bcleared\s+Congress\b|\bgave\s+final\s+(?:passage|approval)\b|"
    # "President Joe Biden is expected to sign the measure into law", "will be signed by Biden"
    r"\b(?:is\s+expected\s+to|will|plans\s+to|(?:has\s+)?promised\s+to)\s+sign\s+(?:[\w$.,-]+\s+){0,6}?"
    r"into\s+law\b|\bwill\s+be\s+signed\b|"
    # "The measure now goes to President Clinton for his signature"
    r"\b(?:goes|go|sent|going|heads)\s+to\s+(?:the\s+)?President(?:\s+\w+)?\s+for\s+(?:his|her)\s+"
    r"signature\b|"
    # "The bill was approved on December 18, 2015, by the House of Representatives with 316
    # votes to 113, and by the Senate with 65 votes to 33"
    r"\b(?:approved|passed)\b[^.;]{0,80}?\bby\s+the\s+(?:House|Senate)\b[^.;]{0,80}?\band\s+"
    r"(?:by\s+)?the\s+(?:House|Senate)\b", re.IGNORECASE)
# the bill or law a sentence speaks of ("this legislation includes", "The law also
# provides", "The Transportation, Housing and Urban Development, and Related Agencies Act
# secured over $42 million", "the 2024 Fiscal Year legislation")
_THE_LAW = rx.compile(r"\b(?:the|this|that|an?)\s+(?:[\w$.,-]+\s+){0,4}?(?:act|law|bill|"
                      r"legislation|package|measure|line\s+item|spending|funding|budget)\b|\b(?-i:[A-Z][\w,]*\s+(?:Agencies\s+)?Act)\b",
                      re.IGNORECASE)


_NOT_YET = rx.compile(r"\b(?:before|can\s+be|could\s+be|would\s+be|to\s+be|if|unless|once|"
                      r"would|could)\b", re.IGNORECASE)
_LEFT_OUT = rx.compile(r"\b(?:not|never)\s+(?:\w+\s+){0,2}?(?:include|includes|including|provide|"
                       r"provides|fund|funds)\s+(?:[^$]{0,30})$|\bwithout\s+[^$]{0,30}$",
                       re.IGNORECASE)


@lru_cache(maxsize=4)  # (asked by the stages of enacted and of passed bills, of one text)
def _enacted_story(text: str) -> tuple[re.Match[str] | None, bool]:
    """The first words that say the story's bill became law (not "before it can be sent to
    President Joe Biden to be signed into law": to come), and whether any words say so."""
    said = False
    for m in _ENACTED_BILL.finditer(text):
        said = True
        if not _NOT_YET.search(text, max(0, m.start() - 40), m.end()):
            return m, True
    return None, said


def _stage_of_enacted_bill(result: Extraction, text: str) -> None:
    # (and a figure with no payer named is the Congress's, unless the story is a state's)
    """In a story about a bill that became law or passed both chambers, a figure whose
    sentence names no stage of its own (or a weak one: "this legislation includes", a
    Member "secured") but speaks of the act, law, bill or legislation is appropriated, the
    story's words its cue (source "document")."""
    enacted, _ = _enacted_story(text)
    if enacted is None:
        return
    state = _STATE_STORY.search(text) is not None
    for f in result.figures:
        sentence = result.sentences[f.sentence_index]
        if not _THE_LAW.search(sentence.text):
            continue
        if _LEFT_OUT.search(sentence.text, 0, f.start - sentence.start):
            continue  # "it does not include $22 billion that the Biden administration said"
        # what the bill "would fund" and what one chamber "passed" of a bill that became
        # law ("The Senate passed a massive $1.5 trillion spending bill Thursday", "after it
        # received House approval Wednesday") are the law's
        conditional = (f.status == "proposed" and (f.status_cue or "").lower().startswith(
            "would")) or f.status == "passed_chamber"
        if (f.status_source is None or _weak(f) or conditional) and not (
                f.status_source == "sentence" and f.status == "appropriated"):
            f.status, f.status_cue, f.status_source = "appropriated", enacted.group(), \
                "document"
        if f.status == "appropriated" and f.funder is None and f.currency == "USD" \
                and not state:
            f.funder, f.funder_text, f.funder_source = "U.S. Congress", enacted.group(), \
                "document"


# "signed the Fiscal Year 2024 ... budgets into law but vetoed about $200 million",
# "Reductions include about $145 million", "$10 million dollars were cut from", "201
# line-item vetoes, totaling $555.3 million": money a signing took out is not enacted
_CUT_BEFORE = rx.compile(r"\b(?:vetoed|vetoing|cut|cuts|cutting|(?:vetoes|reductions?|cuts)"
                         r"(?:\s+(?:include|includes|of|totall?ing)|,\s+totall?ing))\s+"
                         r"(?:(?:about|nearly|almost|some|approximately|more\s+than|over)\s+)?$",
                         re.IGNORECASE)
_AND_NEXT = rx.compile(r"[^$.;]{0,40}?(?:,\s*|\s+and\s+)(?:(?:about|nearly|some)\s+)?")
_CUT_AFTER = rx.compile(r"\s*(?:dollars\s+)?(?:were|was|is|are|has\s+been|have\s+been)\s+"
                        r"(?:cut|vetoed|reduced|eliminated)\b", re.IGNORECASE)


def _cuts_are_not_enacted(result: Extraction) -> None:
    """An amount vetoed or cut is not what the law appropriates: the story's signing, or a
    law's word in its sentence, gives it no stage (its source and cue cleared)."""
    cut: Figure | None = None  # the last figure found cut
    for f in result.figures:
        sentence = result.sentences[f.sentence_index]
        lo, hi = f.start - sentence.start, f.end - sentence.start
        # ("Reductions include about $145 million in operating funds and $56 million in
        # state capital projects": the cut's second figure)
        joined = cut is not None and cut.sentence_index == f.sentence_index and \
            bool(_AND_NEXT.fullmatch(sentence.text, cut.end - sentence.start, lo))
        if _CUT_BEFORE.search(sentence.text, max(0, lo - 60), lo) or _CUT_AFTER.match(
                sentence.text, hi) or joined:
            cut = f
            if f.status == "appropriated":
                f.status, f.status_cue, f.status_source = "reported", None, None


_BUDGET_WORD = rx.compile(r"\b(?:budget|appropriation)", re.IGNORECASE)


def _president_proposes(result: Extraction) -> None:
    """What the President proposes for a fiscal year is his budget request: "would Biden use
    the $813 billion he originally proposed for FY2023 as a base?"."""
    for f in result.figures:
        if f.status != "proposed" or not (f.status_cue or "").lower().startswith("propos"):
            continue
        # (and another country's President's, or a government's: "increased from N27.5
        # trillion, as proposed by President Bola Tinubu", in its budget's story)
        foreign = f.funder != "U.S. Congress" and f.currency not in (None, "USD") and bool(
            _BUDGET_WORD.search(result.sentences[f.sentence_index].text))
        if (f.funder == "White House" and f.year_type == "fiscal") or foreign:
            f.status = "requested"


def _stage_of_passed_bill(result: Extraction, text: str) -> None:
    """In a story about a bill one chamber passed ("The Senate passed a massive spending bill
    Tuesday"), and that no story of the law's enactment follows, a figure whose sentence
    names no stage of its own, or only the bill's ("The $854 billion bill will be taken up
    by the House", "the Pentagon budget ... under the current version of the bill is"), but
    speaks of the bill, is what that chamber passed; the story's words are its cue (source
    "document")."""
    if _enacted_story(text)[1]:
        return
    passed = _CHAMBER_PASSED.search(text)
    if passed is None:
        return
    for f in result.figures:
        sentence = result.sentences[f.sentence_index]
        if f.start < passed.start() or not _THE_LAW.search(sentence.text):
            continue
        if f.status_source is None or _weak(f) or (
                f.status == "appropriated" and f.status_source != "sentence"):
            f.status, f.status_cue, f.status_source = "passed_chamber", passed.group(), \
                "document"


# (case as written, each alternative starting with a literal word: one scan of the story)
_CHAMBER_PASSED = rx.compile(
    r"(?:House|Senate)\b(?:\s+(?:(?:on\s+\w+day|\w+day|has|had|overwhelmingly|narrowly|just)\s+)*"
    r"(?:passed|approved)\s+(?:a|an|the)\s+(?:[\w$.,-]+\s+){0,4}?(?:spending\s+)?"
    r"(?:bill|measure|package|legislation)\b|[\x27’]s\s+passage\s+of\b)"
    r"|(?:bill|measure|package|legislation)\s+passed\s+the\s+(?:House|Senate)\b")


def _stage_of_enacted_budget(result: Extraction, text: str,
                             budget_years: list[tuple[int, str, str]]) -> None:
    """In a story about a budget signed into law ("Gov. Jerry Brown signed a state spending
    plan"), "The budget includes $96.3 billion" is that law's money, not a request, and so
    is what "the budget" of a sentence without a stage boosts or allocates; the stage's
    words are the signing's. Such a figure without a year takes the budget's, when the
    story names one fiscal year for it (``budget_years``: the fiscal years of its sentences
    that speak of the budget)."""
    enacted = _ENACTED_BUDGET.search(text)
    if enacted is None:
        return
    fiscal = {(y, t) for y, t, _ in budget_years if t == "fiscal"}
    for f in result.figures:
        sentence = result.sentences[f.sentence_index].text
        # (not "had cut the general fund to as low as $87 billion just two years ago")
        of_budget = f.status_source is None and _THE_BUDGET.search(sentence) and (
            f.year is None or (f.year, f.year_type) in fiscal)
        # (and a "spending plan" signed: "Brown approved the Golden State's largest-ever
        # spending plan ... The bill accelerates nearly $3 billion")
        if ((f.status == "requested" and f.status_cue and _BUDGET_CONTAINS.search(f.status_cue))
                or of_budget
                or (f.status == "proposed" and (f.status_cue or "").lower() == "plan"
                    and f.status_source != "sentence")):
            f.status, f.status_cue = "appropriated", enacted.group()
            f.status_source = "document"
        if f.year is None and f.kind == "amount" and len(fiscal) == 1 and \
                _THE_BUDGET.search(sentence):
            year, words = next((y, w) for y, t, w in budget_years if t == "fiscal")
            f.year, f.year_type, f.year_text, f.year_source = year, "fiscal", words, "document"


# "Of the $910.8 billion requested in the FY2024 President’s budget, $874.2 billion fell
# within the scope of the proposed National Defense Authorization Act", "Of that amount,
# $802.4 billion ...": the parts have the whole's stage and payer, whatever else the
# sentence names (here an act's name and its "proposed")
_PART_OF = rx.compile(r"^(?:Of|Out\s+of)\s+(?:the|that|this|these|those)\s+"
                      r"(?P<what>[^,;]{1,160}?),\s", re.IGNORECASE)
_PART_VERB = rx.compile(r"\s+(?:\([^()]{1,30}\)\s+)?(?:fell|falls|was|were|is|are|went|goes|"
                        r"remained|remains)\b")
_WHOLE_WORDS = rx.compile(r"(?:amount|total|sum|request|funding|money|package)\b", re.IGNORECASE)


# "... plus €6 million earmarked in two fast-track decisions currently being prepared. One
# of these decisions (€3 million) will support ...": the parts of what the sentence before
# gave last, at its stage, where they name none
_ONE_OF_THESE = rx.compile(r"^(?:One|Each|Some|Part|Both|All|Two|Three)\s+of\s+(?:these|those)\b",
                           re.IGNORECASE)


def _stage_of_parts(result: Extraction, sentences: list[Span]) -> None:
    by_sentence = _by_sentence(result)
    for i, figures in by_sentence.items():
        span = sentences[i]
        m = _PART_OF.match(span.text)
        if m is None:
            before = by_sentence.get(i - 1)
            if before and _ONE_OF_THESE.match(span.text) and before[-1].status_source:
                source = before[-1]
                for f in figures:
                    if f.status_source is None:
                        f.status, f.status_cue = source.status, source.status_cue
                        f.status_source = "previous sentence"
            continue
        cut = span.start + m.end()
        parts = [f for f in figures if f.start >= cut]
        # only where the part says no more than where it went ("$802.4 billion fell within
        # the scope of ..."), not "the Senate bill would provide $675.3 million"
        if not parts or not _PART_VERB.match(span.text, parts[0].end - span.start):
            continue
        whole = [f for f in figures if f.end <= cut]
        if whole:
            source, where = whole[0], "sentence"
            if source.status_source != "sentence":
                continue
        elif _WHOLE_WORDS.match(m.group("what")) and by_sentence.get(i - 1):
            source, where = by_sentence[i - 1][-1], "previous sentence"
        else:
            continue
        for f in figures:
            if f.start < cut:
                continue
            f.status, f.status_cue, f.status_source = source.status, source.status_cue, where
            if source.funder is not None:
                f.funder, f.funder_text, f.funder_source = source.funder, source.funder_text, where


_REQUEST_STORY = rx.compile(
    r"\b(?:sent|released|submitted|unveiled|rolled\s+out|detailed|delivered)\s+(?:[\w$.,'’-]+\s+)"
    r"{0,6}?(?:budget|funding|spending)\s+request\b"
    # "according to its budget request released Monday", "Trump’s budget request, released
    # Monday, nearly doubles ..."
    r"|\b(?:budget|funding|spending)\s+request,?\s+(?:was\s+|is\s+)?(?:sent|released|submitted|"
    r"unveiled|rolled\s+out|delivered)\b"
    # where a parliament receives the government's budget: "has tabled its first budget for
    # the financial year 2023/24", "presented the Ksh 3.68 trillion budget in parliament",
    # "the Budget ... was read before the National Assembly"
    r"|\btabl(?:ed|es|e|ing)\s+(?:[\w$.,'’/-]+\s+){0,6}?budget\b"
    r"|\bpresent(?:ed|s)\s+(?:[\w$.,'’/-]+\s+){0,6}?budget\b"
    # "the 2024 budget which is expected to be laid down as the Appropriation Bill to the
    # National Assembly"
    r"|\b(?:laid|lay)\s+(?:down\s+)?(?:as\s+[^.;]{0,40}?\s+)?(?:before|to)\s+(?:the\s+)?"
    r"(?:National\s+Assembly|[Pp]arliament|[Ll]egislature)\b"
    # the UK's fiscal events, the Chancellor's statements to the Commons: "the spring
    # Budget 2024", "Summary and analysis of the Autumn Budget"
    r"|\b(?:spring|autumn|summer|emergency)\s+budget\b(?!\s+(?:reserve|line|aid|support))"
    r"|\bbudget\b[^.;]{0,80}?\bwas\s+read\s+(?:before|in|to)\s+(?:the\s+)?"
    r"(?:parliament|National\s+Assembly)\b", re.IGNORECASE)
_OF_THE_REQUEST = rx.compile(r"\b(?:request|budget|top\s?line|ask)\b", re.IGNORECASE)
# what the proposal would do: "This year, total aid would fall by a much smaller amount, $36
# million or 8%"
_WOULD = rx.compile(r"\bwould\b", re.IGNORECASE)
_ANNOUNCED = rx.compile(r"\bannounc(?:ed|es|ing|ements?)\b", re.IGNORECASE)
# what a proposed budget sets aside is the proposal's: "Development projects have been
# allocated a sum of Ksh 718.9 billion" in a story about the budget tabled
_ALLOCATED = rx.compile(r"\ballocat|\bset\s+aside\b", re.IGNORECASE)


def _stage_of_request_story(result: Extraction, text: str,
                            budget_years: list[tuple[int, str, str]]) -> None:
    """In a story about a budget request sent or released ("The Pentagon released its fiscal
    year 2025 funding request"), or a budget tabled in a parliament, a figure whose sentence
    names no stage but speaks of the budget, the request or its top line ("The top line for
    national defense is $895.2 billion") is requested; the stage's words are the story's.
    When the story names fiscal years for its budget (``budget_years``), so is every
    figure of the newest (the one proposed) that names no stage, or only an allocation; and
    when it names one, a figure without a year takes it."""
    story = _REQUEST_STORY.search(text)
    if story is None:
        return
    fiscal = {(y, t) for y, t, _ in budget_years if t == "fiscal"}
    one = next((y, w) for y, t, w in budget_years if t == "fiscal") if len(fiscal) == 1 \
        else None
    # the newest fiscal year the story gives its budget is the one proposed ("rose to Rs
    # 86,000 crore in 2024-25 (BE)" beside 2023-24's allocation)
    newest = max((y for y, _ in fiscal), default=None)
    for f in result.figures:
        sentence = result.sentences[f.sentence_index].text
        of_year = f.kind == "amount" and (
            (one is not None and f.year is None)
            or (newest is not None and (f.year, f.year_type) == (newest, "fiscal")))
        # (not a year before the one proposed: "BE for 2023-24 at Rs 79,590 crore")
        earlier = newest is not None and f.year_type == "fiscal" and f.year is not None \
            and f.year < newest
        # (and the bullet points of the budget's announcements, and what "the Chancellor
        # announced": "Key announcements - £3.4 billion long-term capital investment over three
        # years" in a story of the spring Budget)
        # ("Bush proposed $735 million for the Andean Counterdrug Initiative in fiscal 2006":
        # what the President proposes in his budget is his request)
        if f.status == "proposed" and f.funder == "White House" and not earlier \
                and (f.status_cue or "").lower().startswith("propos") \
                and f.status_source == "sentence":
            f.status = "requested"
            continue
        # (not a running total: "Plan Colombia, ... under which Washington has pumped more
        # than $3 billion into Colombia since 2000")
        if (f.status_source is None and not earlier and f.kind != "cumulative"
                and (_OF_THE_REQUEST.search(sentence) or of_year or _WOULD.search(sentence)
                     or _is_list_item(result.sentences[f.sentence_index])
                     or _ANNOUNCED.search(sentence))) or (
                of_year and f.status == "appropriated" and f.status_cue
                and _ALLOCATED.search(f.status_cue)):
            f.status, f.status_cue, f.status_source = "requested", story.group(), "document"
        if of_year and f.year is None and f.status == "requested" and one is not None:
            f.year, f.year_type, f.year_text, f.year_source = one[0], "fiscal", one[1], \
                "document"
    # the fiscal year the story's own requests name, when they name one: "$237.5 million for
    # the upcoming fiscal year which starts Oct. 1" dates "nearly four times the $60 million
    # asked for Afghanistan" in the same story
    asked = {(f.year, f.year_text) for f in result.figures if f.status == "requested"
             and f.year_type == "fiscal" and f.year_source == "sentence"}
    if len({y for y, _ in asked}) == 1:
        year, words = min(asked, key=lambda a: a[1] or "")
        for f in result.figures:
            if f.year is None and f.status == "requested" and f.kind == "amount":
                f.year, f.year_type, f.year_text, f.year_source = year, "fiscal", words, \
                    "document"


_ANNOUNCED = rx.compile(r"\bannounc(?:ed|es|ing)\b", re.IGNORECASE)
_EARLIER_MONEY = rx.compile(r"\b(?:previously|earlier|already|prior)\b", re.IGNORECASE)
# "Combined with the €21 million announced previously, the ... response now totals €100
# million": a sum of money at several stages
_COMBINED = rx.compile(r"\s*(?:Combined|Together|Taken\s+together)\s+with\b")


def _stage_of_silent_sentences(result: Extraction, sentences: list[Span]) -> None:
    """A figure whose sentence names no stage goes on with the stage of the last figure of
    the sentence before, when that one has a stage from its own sentence or, in a chain,
    from the one before it, and the two agree on year and payer: "The administration has
    awarded more than $2.2 billion ... Today's funding includes a nearly $23 million
    grant"; not "In 2019, NOAA used $2 million" after "would
    authorize ... $4 million annually over the 2020-2024 period" (another year), nor a
    figure another payer pays, nor "the €21 million announced previously"."""
    by_sentence = _by_sentence(result)
    for i, figures in by_sentence.items():
        before = by_sentence.get(i - 1)
        # (a headline's stage is its own: the body says it again in its words)
        if not before or before[-1].status_source not in ("sentence", "previous sentence") \
                or sentences[i - 1].kind == "heading":
            continue
        span = sentences[i]
        if _COMBINED.match(span.text) or _ANNOUNCED.search(span.text):
            continue  # ("the US announced a $1 billion PDA package": news, reported)
        source = before[-1]
        for f in figures:
            if f.status_source is not None:
                continue
            if f.year is not None and source.year is not None and f.year != source.year:
                continue
            if f.funder is not None and source.funder is not None and f.funder != source.funder:
                continue
            near = span.text[max(0, f.start - span.start - 40) : f.end - span.start + 40]
            if _EARLIER_MONEY.search(near):
                continue
            f.status, f.status_cue, f.status_source = source.status, source.status_cue, \
                "previous sentence"
