"""Words for numbers: amounts that keep their qualifiers, ratios that keep their bounds,
and markdown escaping for untrusted text. Pure functions, no Streamlit."""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Iterable

from etl.curation import is_missing

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
    "authorized": "authorization",
    "passed_chamber": "passed one chamber",
    "obligated": "obligation",
    "disbursed": "disbursement",
    "not_reported": "not reported",
}


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
    if is_missing(amount):
        return "not reported"
    if qualifier == "range" and not is_missing(amount_high):
        return f"{money(amount, currency)} to {money(amount_high, currency)}"
    return f"{_QUALIFIER_WORDS.get(qualifier or 'exact', '')}{money(amount, currency)}"


def ratio_words(ratio: float, bound: str) -> str:
    prefix = {"lower_bound": "at least ", "upper_bound": "at most ", "approximate": "about ",
              "unknown": "roughly "}.get(bound, "")
    return f"{prefix}{ratio:.2f}×"


_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~:$&^=\"'])")
# Bidirectional overrides and isolates: a U+202E in an article would reverse what follows.
_BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")
# GFM turns bare URLs, www. names and e-mail addresses into links after escapes are read;
# an invisible word joiner at the trigger keeps them text.
_AUTOLINK = re.compile(r"(?i)(?<=://)|(?<=\bwww)(?=\.)|(?=@)")
WORD_JOINER = "\u2060"


def plain_text(text: str) -> str:
    """Untrusted text for any place that shows it (chart labels too): no bidirectional
    control characters, line breaks as spaces."""
    return _BIDI_CONTROLS.sub("", text.replace("\r", " ").replace("\n", " "))


def escape_markdown(text: str) -> str:
    """Make untrusted text inert in st.markdown: every markdown, HTML, LaTeX ($) and
    directive (:color[...]) character is backslash-escaped, bare URLs and e-mail addresses
    stay text, bidirectional controls are dropped, line breaks become spaces."""
    text = _AUTOLINK.sub(WORD_JOINER, plain_text(text))
    return _MD_SPECIAL.sub(r"\\\1", text)


def short_quote(sentence: str, start: int, end: int, width: int = 36) -> str:
    """A few words around ``sentence[start:end]``, with ellipses where it was cut."""
    left = sentence[max(0, start - width) : start]
    right = sentence[end : end + width]
    if start - width > 0:
        left = "…" + left.split(" ", 1)[-1] if " " in left else "…" + left
    if end + width < len(sentence):
        right = right.rsplit(" ", 1)[0] + "…" if " " in right else right + "…"
    return f"{left}{sentence[start:end]}{right}".strip()


FUNDER_MISSING = "Funder not stated"
RECIPIENT_MISSING = "recipient not stated"


def pair_key(funder: object, recipient: object) -> str:
    """A URL-safe id for a funder -> recipient pair: readable words plus a short hash of
    the exact names, so that no name (" → " in it, another script, markdown) can break it
    or make two pairs one."""
    names = ["" if is_missing(v) else str(v) for v in (funder, recipient)]
    words = "--".join("-".join(re.findall(r"[a-z0-9]+", n.lower())[:6]) or "none"
                      for n in names)
    digest = hashlib.sha1("\x1f".join(names).encode("utf-8")).hexdigest()[:6]
    return f"{words}-{digest}"


def pair_names(funder: object, recipient: object) -> tuple[str, str]:
    """The funder and recipient as shown, with words where the sources name none."""
    return (FUNDER_MISSING if is_missing(funder) else str(funder),
            RECIPIENT_MISSING if is_missing(recipient) else str(recipient))


def pair_label(funder: object, recipient: object) -> str:
    return " → ".join(pair_names(funder, recipient))


def view_labels(funders: Iterable[object], recipients: Iterable[object],
                reported: Iterable[object]) -> dict[str, str]:
    """The Overview's choices of who pays whom: label shown (and kept in the URL) -> pair
    id, the pairs with the most reported years first. Labels are made unique, so that a
    name holding " → " can neither break the page nor merge two pairs. Pairs with a named
    funder come first."""
    counts: Counter[str] = Counter()
    names: dict[str, str] = {}
    unnamed: set[str] = set()
    for funder, recipient, shown in zip(funders, recipients, reported, strict=True):
        key = pair_key(funder, recipient)
        names[key] = plain_text(pair_label(funder, recipient))
        if is_missing(funder) or is_missing(recipient):
            unnamed.add(key)
        if not is_missing(shown) and bool(shown):
            counts[key] += 1
    out: dict[str, str] = {}
    # pairs that name both parties first (the default view is never "Funder not stated"),
    # then those with a named funder, then the most reported years
    funderless = {k for k in unnamed if names[k].startswith(FUNDER_MISSING)}
    for key in sorted(counts, key=lambda k: (k in funderless, k in unnamed, -counts[k],
                                             names[k])):
        label, n = names[key], 2
        while label in out:
            label, n = f"{names[key]} ({n})", n + 1
        out[label] = key
    return out


def year_label(year: object, year_type: object = None) -> str:
    """2011 -> "2011", a fiscal 2011 -> "FY2011"; never "2011.0"; "—" when missing."""
    if is_missing(year):
        return "—"
    return f"{'FY' if year_type == 'fiscal' else ''}{int(float(year))}"  # type: ignore[arg-type]
