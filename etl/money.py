"""Find money amounts in a sentence: value, range, currency and qualifier.

Works on one sentence at a time and returns offsets relative to it. Every pattern here is
linear: alternations of fixed words and bounded digit runs, no nested quantifiers, so a
megabyte of ``$$$$`` or of digits is scanned in one pass.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from etl import fastre as rx
from etl.lexicon import (
    CURRENCY_PREFIX_LETTERS,
    CURRENCY_SYMBOLS,
    CURRENCY_WORDS,
    NUMBER_WORDS,
    QUALIFIER_AFTER,
    QUALIFIER_BEFORE,
    SCALES,
)


def _alternation(words: list[str] | set[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_SCALE_WORDS = (r"thousand|million|billion|trillion|mln|mn|bn|bln|tn|trn|mil"
                r"|lakh\s+crores?|crores?|cr|lakhs?")
# Numbers as written in English ("1,234.5") and in the conventions of much of Europe and
# Latin America ("1.234,5", or "2,5" before a scale word: "2,5 billion euros").
_NUM = (r"(?:[0-9]{1,3}(?:\.[0-9]{3})+,[0-9]{1,6}"
        # grouped in India's way: "1,50,000 crore" (bounded, so the scan stays linear)
        r"|[0-9]{1,2}(?:,[0-9]{2}){1,6},[0-9]{3}(?![0-9])"
        rf"|[0-9]{{1,3}},[0-9]{{1,2}}(?![0-9])(?=[ \u00a0-]?(?:{_SCALE_WORDS})\b)"
        r"|(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]{1,15})(?:\.[0-9]{1,6})?|\.[0-9]{1,6})")
# A scale: a word, after an optional space or hyphen (or the line break of a hard-wrapped
# page: "$897\nmillion"), or a single letter stuck to the digits.
_SCALE = (
    rf"(?:(?:[ \u00a0-]|[ \t]*\r?\n[ \t]*)?(?:{_SCALE_WORDS})|(?-i:[kKmMbBT]))(?![A-Za-z0-9])"
)
# Symbols that are a currency only as written: "Rs 500" is rupees, "RS22837" a report
_EXACT_CASE = {"Rs", "Rs."}
_LETTER_SYMBOLS = {k for k in CURRENCY_SYMBOLS if k[0].isalpha()} - _EXACT_CASE
_SIGN_SYMBOLS = {k for k in CURRENCY_SYMBOLS if not k[0].isalpha()}
_SYM = (
    rf"(?:(?<![A-Za-z0-9])(?-i:{_alternation(_EXACT_CASE)})\s?"
    rf"|(?<![A-Za-z0-9])(?:{_alternation(_LETTER_SYMBOLS - {'R'})})\s?"
    rf"|(?<![A-Za-z0-9])(?:R|{_alternation(CURRENCY_PREFIX_LETTERS)})(?=[0-9])"
    rf"|(?:{_alternation(_SIGN_SYMBOLS)}))"
)
# (an ISO code only as written, in capitals: "200 million JPY", not "20 eur")
_CURWORD = "|".join(f"(?-i:{re.escape(w)})" if re.fullmatch(r"[A-Z]{3}", w) else re.escape(w)
                    for w in sorted(CURRENCY_WORDS, key=len, reverse=True))
_TRAILING_DOLLARS = r"(?:\s+(?:U\.S\.\s+|US\s+)?dollars\b)?"

_word_numbers = [w for w in NUMBER_WORDS if w not in {"a", "an", "zero"}]
_NW = rf"(?:{_alternation(_word_numbers)})"
_NW_SEQ = rf"(?:{_NW}(?:(?:[ -]|\s+and\s+){_NW}){{0,6}})"

# One amount with its currency in front: $12.2 million, US$34M, €5bn.
_PREFIXED = rf"(?P<sym>{_SYM})\s?(?P<num>{_NUM})(?P<scale>{_SCALE})?{_TRAILING_DOLLARS}"
# An amount with the currency named after it: 12 million dollars, 2.5 billion pesos.
_SUFFIXED = (
    rf"(?<![\w.,$])(?P<num2>{_NUM})(?P<scale2>{_SCALE})?\s+(?P<cw>{_CURWORD})(?![A-Za-z])"
)
# Number words: fifty million dollars, a billion dollars, half a billion dollars.
_WORDS = (
    rf"(?<![\w-])(?P<words>(?:half\s+an?|an?|{_NW_SEQ})(?:\s+point\s+{_NW})?)"
    rf"(?:\s+(?P<wscale>thousand|million|billion|trillion))?\s+(?P<cw3>{_CURWORD})(?![A-Za-z])"
)
# Case-insensitive, but for single-letter scales: "$5M" is millions, "$5 m..." is not.
_ATOM = rx.compile(rf"{_PREFIXED}|{_SUFFIXED}|{_WORDS}", re.IGNORECASE)

# Between two amounts of one range: "$1.3 billion to $1.6 billion", "$80-100 million".
_RANGE_JOIN = rx.compile(r"\s*(?:to|-|–|—|and)\s*$", re.IGNORECASE)
# A bare number before an amount: "between 80 and 100 million dollars", "$80-100 million".
_BARE_BEFORE = rx.compile(rf"(?P<sym>{_SYM})?(?P<num>{_NUM})\s*(?:to|-|–|—|and)\s*$")
_BARE_AFTER = rx.compile(rf"\s*(?:to|-|–|—)\s*(?P<num>{_NUM})(?P<scale>{_SCALE})")

_CHANGE_WORDS = rx.compile(
    r"\b(?:rose|grew|increased?|jumped|climbed|soared|surged|fell|dropped|declined|decreased|"
    r"shrank|plunged|went|rising|growing|increasing|falling|dropping|swelled|ballooned|"
    r"expanded|cut|slashed|doubled|tripled|trebled|quadrupled|halved|rise|jump|growth|"
    r"decline|drop|reduction|reduced|boosted|raised|up|down)\b",
    re.IGNORECASE,
)

_EXCHANGE_RATE = rx.compile(
    r"\s*(?:to|per|a|for|against)\s+(?:the\s+|one\s+|each\s+|every\s+)?(?:U\.S\.\s+)?"
    r"(?:dollar|euro|peso|pound|yen)\b",
    re.IGNORECASE,
)
_Q_BEFORE = rx.compile(
    rf"(?:^|[^\w])(?P<q>{_alternation(QUALIFIER_BEFORE)})\s+(?:of\s+)?(?:a\s+total\s+of\s+)?$",
    re.IGNORECASE,
)
_Q_AFTER = rx.compile(
    r"^(?:\s*(?P<q>or more|or higher|or less|or fewer|or so|and up)\b|(?P<q2>-plus\b|\+))",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Money:
    """An amount found in a sentence. Offsets are relative to the sentence text."""

    start: int
    end: int
    amount: float
    amount_high: float | None
    currency: str
    qualifier: str
    qualifier_text: str | None
    currency_word: str | None = None  # "pesos" etc., for currencies the sentence settles


def _number(num: str) -> float:
    """ "1,234.5" and "1.234,5" are both 1234.5; "2,5" (before a scale word) is 2.5."""
    if "," in num and (("." in num and num.rfind(",") > num.rfind("."))
                       or ("." not in num and len(num) - num.rfind(",") - 1 <= 2)):
        return float(num.replace(".", "").replace(",", "."))
    return float(num.replace(",", ""))


def _scale(scale: str | None) -> float:
    if not scale:
        return 1.0
    s = re.sub(r"\s+", " ", scale.strip(" \u00a0-\t\r\n"))
    if s in SCALES:
        return SCALES[s]
    return SCALES.get(s.lower(), 1.0)


def words_to_number(words: str) -> float | None:
    """Parse "fifty", "twenty-five", "two hundred and ten", "half a", "a"."""
    w = words.lower().strip()
    if re.fullmatch(r"half\s+an?", w):
        return 0.5
    if w in {"a", "an"}:
        return 1.0
    point = None
    if " point " in w:
        w, point = w.split(" point ", 1)
    total, current = 0, 0
    for token in re.split(r"[\s-]+", w):
        if token == "and" or not token:
            continue
        value = NUMBER_WORDS.get(token)
        if value is None:
            return None
        if value == 100:
            current = max(current, 1) * 100
        else:
            current += value
    total += current
    if point is not None:
        digit = NUMBER_WORDS.get(point.strip())
        if digit is None or digit > 9:
            return None
        return total + digit / 10
    return float(total)


def _atom_value(m: re.Match[str]) -> tuple[float, str, str | None] | None:
    """(value, ISO currency, currency word) of one atom match; None if it is not money."""
    if m.group("num") is not None:
        symbol = re.sub(r"\s+", " ", m.group("sym").strip())
        currency = (CURRENCY_SYMBOLS.get(symbol) or CURRENCY_PREFIX_LETTERS.get(symbol)
                    or CURRENCY_SYMBOLS.get(symbol.upper(), "USD"))
        return _number(m.group("num")) * _scale(m.group("scale")), currency, None
    if m.group("num2") is not None:
        word = m.group("cw")
        num = m.group("num2")
        if not m.group("scale2") and re.fullmatch(r"(?:19|20)\d\d", num):
            return None  # "in 2010 dollars" names a price base, not an amount
        return _number(m.group("num2")) * _scale(m.group("scale2")), _currency_word(word), word
    value = words_to_number(m.group("words"))
    if value is None or (value == 1.0 and not m.group("wscale")):
        return None  # "a dollar", "one dollar": not a reported figure
    word = m.group("cw3")
    return value * _scale(m.group("wscale")), _currency_word(word), word


def _currency_word(word: str) -> str:
    for key, code in CURRENCY_WORDS.items():
        if key.lower() == word.lower():
            return code
    return "USD"


def _qualifier(sentence: str, start: int, end: int) -> tuple[str, str | None]:
    before = _Q_BEFORE.search(sentence[max(0, start - 40) : start])
    if before:
        q = before.group("q")
        return QUALIFIER_BEFORE[q.lower()], q
    after = _Q_AFTER.match(sentence[end : end + 20])
    if after:
        q = after.group("q") or after.group("q2")
        return QUALIFIER_AFTER[q.lower()], q
    return "exact", None


def _is_change_pair(sentence: str, first_start: int) -> bool:
    """"rose from $1 million to $2 million", "will see its funding increase by $70 million to
    $250 million" are two figures, not a range."""
    before = sentence[max(0, first_start - 60) : first_start]
    m = re.search(r"\b(?:from|by)\s+(?:about\s+|nearly\s+|roughly\s+|some\s+)?$", before,
                  re.IGNORECASE)
    if not m:
        return False
    return bool(_CHANGE_WORDS.search(before[: m.start()]))


_ANY_DIGIT = rx.compile(r"[0-9]")
_CURRENCY_WORD_RE = rx.compile(rf"(?:{_CURWORD})(?![A-Za-z])", re.IGNORECASE)


# A letter symbol stuck to four or more plain digits, with no scale: a code, not money.
_IS_CODE = rx.compile(rf"(?:R|{_alternation(CURRENCY_PREFIX_LETTERS)})[0-9]{{4,}}")


def find_money(sentence: str) -> list[Money]:
    """All money amounts in ``sentence``, in order, ranges merged."""
    if not _ANY_DIGIT.search(sentence) and not _CURRENCY_WORD_RE.search(sentence):
        return []  # nothing can be an amount: no digits and no currency words
    atoms: list[tuple[int, int, float, str, bool, str | None]] = []
    for m in _ATOM.finditer(sentence):
        parsed = _atom_value(m)
        if parsed is None:
            continue
        value, currency, word = parsed
        has_scale = bool(m.group("scale") or m.group("scale2") or m.group("wscale"))
        if _IS_CODE.fullmatch(m.group()):
            continue  # "R46514", "N2000": a report or item number, not rand or naira
        atoms.append((m.start(), m.end(), value, currency, has_scale, word))

    # "13 pesos to the dollar" is an exchange rate, not an amount
    atoms = [a for a in atoms if not _EXCHANGE_RATE.match(sentence, a[1])]
    atoms = _carried_over(sentence, atoms)
    out: list[Money] = []
    i = 0
    while i < len(atoms):
        start, end, value, currency, has_scale, word = atoms[i]
        # "$80-100 million": the second number has no currency sign of its own.
        tail = _BARE_AFTER.match(sentence, end) if not has_scale else None
        if tail and _number(tail.group("num")) >= value:
            high = _number(tail.group("num")) * _scale(tail.group("scale"))
            low = value * _scale(tail.group("scale"))
            if not _is_change_pair(sentence, start):
                out.append(_range(sentence, start, tail.end(), low, high, currency, word))
                i += 1
                # "US$12 to 15 billion": the range's second number is not an amount of its own
                while i < len(atoms) and atoms[i][0] < tail.end():
                    i += 1
                continue
        # "$1.3 billion to $1.6 billion", "between $80 million and $100 million"
        if i + 1 < len(atoms):
            n_start, n_end, n_value, n_currency, n_scale, n_word = atoms[i + 1]
            join = sentence[end:n_start]
            # (not "$839.3 billion—$37 billion (4.6%) more than": a range rises)
            if n_currency == currency and _RANGE_JOIN.fullmatch(join) and len(join) <= 6 \
                    and (n_value >= value or not n_scale):
                low = value
                if not has_scale and n_scale:
                    inherited = n_value / _unit_of(sentence, atoms[i + 1])
                    if value <= inherited:
                        low = value * (n_value / inherited)
                is_and = join.strip().lower() == "and"
                between = re.search(r"\bbetween\s+$", sentence[max(0, start - 12) : start], re.I)
                if (is_and and between) or (not is_and and not _is_change_pair(sentence, start)):
                    out.append(_range(sentence, start, n_end, low, n_value, currency, n_word))
                    i += 2
                    continue
                if low != value:  # two figures, the first sharing the second's scale
                    atoms[i] = (start, end, low, currency, True, word)
                    value = low
        # "between 80 and 100 million dollars": the first number stands bare.
        bare = _BARE_BEFORE.search(sentence[max(0, start - 30) : start])
        if bare and bare.group("sym") is None and has_scale:
            b_start = start - (len(sentence[max(0, start - 30) : start]) - bare.start())
            raw_low = _number(bare.group("num"))
            unit = _unit_of(sentence, atoms[i])
            is_and = sentence[b_start:start].rstrip().lower().endswith("and")
            between = re.search(r"\bbetween\s+$", sentence[max(0, b_start - 12) : b_start], re.I)
            prior_end = out[-1].end if out else -1
            if raw_low * unit <= value and b_start >= prior_end and (not is_and or between):
                out.append(_range(sentence, b_start, end, raw_low * unit, value, currency, word))
                i += 1
                continue
        qualifier, qtext = _qualifier(sentence, start, end)
        out.append(Money(start, end, value, None, currency, qualifier, qtext, word))
        i += 1
    return out


# "300 million euros, then 200 million": a bare scaled number right after an amount, in a
# list or contrast, is money in that amount's currency. Followed by a noun ("34 million
# people") it is not.
_BARE_SCALED = rx.compile(
    rf"(?<![\w.,$€£¥])(?P<num>{_NUM})[ \u00a0]?(?P<scale>million|billion|trillion|bn|mn)\b"
    r"(?=\s*(?:[,.;:)–—]|$|(?:for|in|to|on|from|over|this|last|next|a year|per|each|and|or|"
    r"while|but|by|at|under|during|through|above|below|more|less|compared)\b))",
    re.IGNORECASE)
_CARRY_JOIN = rx.compile(
    r"^[^$€£¥.;]{0,80}?\b(?:then|and|or|while|but|compared with|against|versus|to|from|"
    r"of which|including|(?:in|de)crease of|cut of|reduction of)\b[^$€£¥.;]{0,30}$"
    # "$ 162 million, 26 million above the 2012 budget"
    r"|^\s*,\s*$", re.IGNORECASE)


def _carried_over(sentence: str, atoms: list[tuple[int, int, float, str, bool, str | None]]
                  ) -> list[tuple[int, int, float, str, bool, str | None]]:
    if not atoms:
        return atoms
    taken = [(a[0], a[1]) for a in atoms]
    out = list(atoms)
    for m in _BARE_SCALED.finditer(sentence, atoms[0][1]):
        if any(a < m.end() and m.start() < b for a, b in taken):
            continue
        prior = [a for a in out if a[1] <= m.start()]
        if not prior:
            continue
        last = max(prior, key=lambda a: a[1])
        if not _CARRY_JOIN.match(sentence[last[1] : m.start()]):
            continue
        value = _number(m.group("num")) * _scale(m.group("scale"))
        out.append((m.start(), m.end(), value, last[3], True, last[5]))
        taken.append((m.start(), m.end()))
    return sorted(out)


def _unit_of(sentence: str, atom: tuple[int, int, float, str, bool, str | None]) -> float:
    """The scale factor an atom was written with (1e6 for "$100 million")."""
    m = _ATOM.match(sentence, atom[0])
    if m is None:
        return 1.0
    return _scale(m.group("scale") or m.group("scale2") or m.group("wscale"))


def _range(
    sentence: str, start: int, end: int, low: float, high: float, currency: str, word: str | None
) -> Money:
    _, qtext = _qualifier(sentence, start, end)
    return Money(start, end, low, high, currency, "range", qtext, word)
