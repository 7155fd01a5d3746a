"""Figures no one should believe unread: amounts beyond any budget, and readings that may
have lost digits. They are kept, with the reason, and enter no series (issue 16)."""

from __future__ import annotations

import re

from etl import fastre as rx
from etl.money import Money

# More than any government's budget: the U.S. federal budget is under $7 trillion, the
# world's output about $110 trillion. Currencies whose units are worth less (yen, naira,
# rupiah) get three more orders of magnitude.
MAX_PLAUSIBLE = 1e13
MAX_PLAUSIBLE_SMALL_UNITS = 1e16
_MAJOR = {"USD", "EUR", "GBP", "CHF", "CAD", "AUD", "XXX"}
EXACT_DIGITS = 15  # a float keeps 15 significant digits exactly
_SCIENTIFIC_AFTER = rx.compile(r"[eE][+-]?\d+")


def review(sentence: str, fig: Money, currency: str) -> str | None:
    """Why ``fig`` needs a person's look, or None."""
    exponent = _SCIENTIFIC_AFTER.match(sentence, fig.end)
    if exponent:
        written = sentence[fig.start:exponent.end()]
        return (f"written in scientific notation ({written!r}), of which only the part "
                "before the exponent was read")
    if fig.end < len(sentence) and sentence[fig.end].isdigit():
        return "a number longer than the reader keeps: the digits after it were not read"
    digits = len(re.sub(r"\D", "", sentence[fig.start:fig.end]))
    if digits > EXACT_DIGITS:
        return f"{digits} digits: more than can be read exactly ({EXACT_DIGITS})"
    top = max(fig.amount, fig.amount_high or 0)
    limit = MAX_PLAUSIBLE if currency in _MAJOR else MAX_PLAUSIBLE_SMALL_UNITS
    if top > limit:
        return f"beyond any budget: {top:.3g} {currency} is over {limit:.0e}"
    return None
