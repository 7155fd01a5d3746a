"""Words for numbers: amounts that keep their qualifiers, ratios that keep their bounds,
and markdown escaping for untrusted text. Pure functions, no Streamlit."""

from __future__ import annotations

import math
import re

_QUALIFIER_WORDS = {
    "approximate": "about ",
    "lower_bound": "more than ",
    "upper_bound": "less than ",
    "exact": "",
    "range": "",
}
_SYMBOL = {"USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥"}
STATUS_WORDS = {
    "reported": "reported",
    "estimated": "estimate",
    "proposed": "proposal",
    "requested": "request",
    "appropriated": "appropriation",
    "not_reported": "not reported",
}


def _missing(value: object) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value)) or (
        value.__class__.__name__ == "NAType"
    )


def money(amount: float, currency: str = "USD") -> str:
    """12_200_000 -> "$12.2 million"; 500_000 -> "$500,000"."""
    symbol = _SYMBOL.get(currency, "")
    suffix = "" if symbol else f" {currency}"
    for scale, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if abs(amount) >= scale:
            number = f"{amount / scale:,.2f}".rstrip("0").rstrip(".")
            return f"{symbol}{number} {word}{suffix}"
    return f"{symbol}{amount:,.0f}{suffix}"


def amount_with_qualifier(amount: float | None, qualifier: str | None,
                          amount_high: float | None = None, currency: str = "USD") -> str:
    """The amount as the source bounds it: "more than $34 million", never a bare "$34 million"
    where the source said more."""
    if _missing(amount):
        return "not reported"
    if qualifier == "range" and not _missing(amount_high):
        return f"{money(amount, currency)} to {money(amount_high, currency)}"
    return f"{_QUALIFIER_WORDS.get(qualifier or 'exact', '')}{money(amount, currency)}"


def ratio_words(ratio: float, bound: str) -> str:
    prefix = {"lower_bound": "at least ", "upper_bound": "at most ", "approximate": "about ",
              "unknown": "roughly "}.get(bound, "")
    return f"{prefix}{ratio:.2f}×"


_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~:$&^=\"'])")


def escape_markdown(text: str) -> str:
    """Make untrusted text inert in st.markdown: every markdown, HTML, LaTeX ($) and
    directive (:color[...]) character is backslash-escaped; line breaks become spaces."""
    return _MD_SPECIAL.sub(r"\\\1", text.replace("\r", " ").replace("\n", " "))


def short_quote(sentence: str, start: int, end: int, width: int = 36) -> str:
    """A few words around ``sentence[start:end]``, with ellipses where it was cut."""
    left = sentence[max(0, start - width) : start]
    right = sentence[end : end + width]
    if start - width > 0:
        left = "…" + left.split(" ", 1)[-1] if " " in left else "…" + left
    if end + width < len(sentence):
        right = right.rsplit(" ", 1)[0] + "…" if " " in right else right + "…"
    return f"{left}{sentence[start:end]}{right}".strip()
