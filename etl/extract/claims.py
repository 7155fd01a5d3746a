"""Verbal change and comparison claims ("nearly tripled") and the figures they compare."""

from __future__ import annotations

import re

from etl import fastre as rx
from etl.checks import ratio_qualifier
from etl.extract.common import WINDOW, Claim, Figure, _near, _stable_id
from etl.extract.purpose import _clean_phrase

_CLAIM_RE = rx.compile(
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
_COMPARISON_RE = rx.compile(
    r"\b(?P<rel>a\s+(?:small\s+|tiny\s+|large\s+|modest\s+|significant\s+)?(?:fraction|"
    r"portion|share|sliver)\s+of|(?:twice|three\s+times|four\s+times|\d+(?:\.\d+)?\s+times)"
    r"\s+(?:as\s+much\s+as|more\s+than|the)|(?:half|a\s+third|a\s+quarter|the\s+bulk|"
    r"the\s+majority)\s+of|dwarf(?:s|ed)?)\s+(?P<obj>[^,;.]+)",
    re.IGNORECASE,
)
_CLAIM_WORDS = ("doubl", "tripl", "trebl", "quadrupl", "halv", "half", "times", "fold",
                "percent", "per cent", "%")
_MONEY_CONTEXT = rx.compile(
    r"\$|\b(?:money|funding|funds|aid|assistance|budget|spending|dollars|financing)\b",
    re.IGNORECASE,
)
_WORD_NUMS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
              "nine": 9, "ten": 10}


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
