"""Claim checks: does "nearly tripled" hold for the figures the sentence gives?

Both sides become intervals. The words: "nearly tripled" is a ratio in [2.5, 3.0),
"doubled" one in [1.8, 2.2], "more than doubled" one above 2 (rules below). The figures:
each term is an interval from its qualifier (exact, a lower or upper bound, about: ±10%,
a range) and the ratio interval follows by interval arithmetic, so a ratio from a lower
bound is itself a lower bound ("more than $34 million" against $12.2 million gives
[2.79, ∞)). The claim is consistent when the two intervals meet, inconsistent when they
do not, and not checkable from the sources when the figures bound nothing.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

CONSISTENT = "consistent"
INCONSISTENT = "inconsistent"
NOT_CHECKABLE = "not checkable from the sources"
INF = math.inf
APPROX = 0.10  # "about" and plain round words: within 10%

_NEARLY = {"nearly", "almost", "close to", "just under"}
_ABOVE = {"more than", "over", "well over", "just over"}
_AT_LEAST = {"at least"}
_BELOW = {"less than"}


@dataclass(frozen=True)
class Interval:
    low: float
    high: float
    low_open: bool = False
    high_open: bool = False

    def meets(self, other: Interval) -> bool:
        lo = max(self.low, other.low)
        hi = min(self.high, other.high)
        if lo < hi:
            return True
        if lo > hi:
            return False
        # touching at one point: both must include it
        def includes(iv: Interval, x: float) -> bool:
            return (iv.low < x or (iv.low == x and not iv.low_open)) and (
                x < iv.high or (x == iv.high and not iv.high_open))
        return includes(self, lo) and includes(other, lo)

    @property
    def bounded(self) -> bool:
        return self.low > 0 or self.high < INF

    def words(self) -> str:
        if self.high == INF:
            return f"{'more than' if self.low_open else 'at least'} {self.low:.2f}"
        if self.low == 0 and not self.low_open:
            return f"{'less than' if self.high_open else 'at most'} {self.high:.2f}"
        if self.low == self.high:
            return f"{self.low:.2f}"
        left = "(" if self.low_open else "["
        right = ")" if self.high_open else "]"
        return f"{left}{self.low:.2f}, {self.high:.2f}{right}"


@dataclass(frozen=True)
class Term:
    """One figure as a checkable quantity."""

    amount: float
    amount_high: float | None
    qualifier: str
    year: int | None


def term_interval(t: Term) -> Interval:
    a = t.amount
    if t.qualifier == "lower_bound":
        return Interval(a, INF)
    if t.qualifier == "upper_bound":
        return Interval(0.0, a)
    if t.qualifier == "approximate":
        return Interval(a * (1 - APPROX), a * (1 + APPROX))
    if t.qualifier == "range" and t.amount_high is not None:
        return Interval(a, t.amount_high)
    return Interval(a, a)


def ratio_interval(base: Term, compared: Term) -> Interval:
    b, c = term_interval(base), term_interval(compared)
    low = c.low / b.high if b.high not in (0, INF) else 0.0
    high = c.high / b.low if b.low > 0 else INF
    return Interval(low, high)


def ratio_qualifier(base: str, compared: str) -> str:
    """How the qualifiers of two figures carry into their ratio compared / base (the
    shape of ``ratio_interval`` for those qualifiers, in one word).

    A ratio whose numerator is a lower bound (or denominator an upper bound) is itself a
    lower bound: "more than $34 million" against $12.2 million is "at least 2.79".
    """
    if "range" in (base, compared):
        return "range"
    if base == compared == "exact":
        return "exact"
    rises = {"lower_bound": 1, "upper_bound": -1}
    direction = rises.get(compared, 0) - rises.get(base, 0)
    if "approximate" in (base, compared):
        return "approximate" if direction == 0 else "unknown"
    if direction > 0 and compared != "upper_bound" and base != "lower_bound":
        return "lower_bound"
    if direction < 0 and compared != "lower_bound" and base != "upper_bound":
        return "upper_bound"
    return "unknown"


def stated_interval(ratio: float, qualifier: str | None, is_percent: bool) -> tuple[Interval,
                                                                                     str]:
    """The ratios the words allow, and the rule in words."""
    q = (qualifier or "").lower()
    decrease = ratio < 1
    if q in _NEARLY:
        if decrease:  # "nearly halved": a little above the stated ratio
            span = 0.05 if is_percent else 0.1
            return (Interval(ratio, ratio + span, low_open=True),
                    f"“{q}” a fall to {ratio:g}× means a ratio in ({ratio:g}, "
                    f"{ratio + span:g}]")
        span = 0.05 if is_percent else 0.5
        return (Interval(ratio - span, ratio, high_open=True),
                f"“{q}” {ratio:g}× means a ratio in [{ratio - span:g}, {ratio:g}): short "
                f"of {ratio:g} by less than {'5 points' if is_percent else 'half a step'} "
                f"(further short, the nearer round word would be used)")
    if q in _ABOVE:
        return (Interval(ratio, INF, low_open=True),
                f"“{q}” {ratio:g}× means a ratio above {ratio:g}")
    if q in _AT_LEAST:
        return Interval(ratio, INF), f"“at least” {ratio:g}× means a ratio of {ratio:g} or more"
    if q in _BELOW:
        return (Interval(0.0, ratio, high_open=True),
                f"“less than” {ratio:g}× means a ratio below {ratio:g}")
    if is_percent:
        return (Interval(ratio - 0.02, ratio + 0.02),
                f"a change of {round((ratio - 1) * 100):g}% means a ratio within 2 points of "
                f"{ratio:g}")
    low, high = ratio * (1 - APPROX), ratio * (1 + APPROX)
    return (Interval(low, high),
            f"{ratio:g}× means a ratio within 10% of {ratio:g}: [{low:.2f}, {high:.2f}]")


@dataclass(frozen=True)
class Check:
    stated: Interval | None
    nominal: Interval | None
    real: Interval | None
    verdict_nominal: str
    verdict_real: str
    rule: str


def _verdict(stated: Interval, computed: Interval | None) -> str:
    if computed is None or not computed.bounded:
        return NOT_CHECKABLE
    return CONSISTENT if stated.meets(computed) else INCONSISTENT


def check_claim(
    stated_ratio: float | None,
    claim_qualifier: str | None,
    claim_text: str,
    base: Term | None,
    compared: Term | None,
    cpi_factor: float | None,
    reason: str | None = None,
) -> Check:
    """Check one claim. ``cpi_factor`` is cpi[base year] / cpi[compared year], or None
    where the CPI table cannot convert both years."""
    if stated_ratio is None:
        why = reason or "the claim states no ratio to check"
        return Check(None, None, None, NOT_CHECKABLE, NOT_CHECKABLE,
                     f"Not checkable: {why}.")
    is_percent = "percent" in claim_text.lower() or "%" in claim_text
    stated, rule = stated_interval(stated_ratio, claim_qualifier, is_percent)
    if base is None or compared is None:
        why = reason or "the sentence gives fewer than two figures to compare"
        return Check(stated, None, None, NOT_CHECKABLE, NOT_CHECKABLE,
                     f"{rule}; not checkable: {why}.")
    nominal = ratio_interval(base, compared)
    real = None
    if cpi_factor is not None:
        real = Interval(nominal.low * cpi_factor, nominal.high * cpi_factor,
                        nominal.low_open, nominal.high_open)
    text = f"{rule}; the figures give {nominal.words()} in nominal dollars"
    if base.qualifier == "lower_bound" or compared.qualifier in {"lower_bound",
                                                                  "upper_bound"}:
        text += " (a ratio computed from a bound is itself a bound)"
    if real is not None:
        text += f" and {real.words()} in constant dollars"
    else:
        text += "; constant dollars: the CPI-U table does not cover both years"
    verdicts = _verdict(stated, nominal), _verdict(stated, real)
    if CONSISTENT in verdicts and (math.isinf(nominal.high) or nominal.low == 0):
        side = "upper" if math.isinf(nominal.high) else "lower"
        text += (f". Consistent means the words and the figures can both be true: the "
                 f"figures leave the {side} side open, so they cannot show the ratio "
                 f"{'stays below' if side == 'upper' else 'reaches'} what the words say")
    return Check(stated, nominal, real, *verdicts, text + ".")
