"""Word lists the extractor reads: agencies, countries, cue words.

Kept apart from the matching code so that a reviewer can see, and extend, every name the
extractor knows without reading regular expressions. The names, the budget stages with
their cues and the purpose cues are data files in etl/cues/ (TOML); the short tables of
currencies, numbers and qualifiers stay here.
"""

from __future__ import annotations

import tomllib
from pathlib import Path


def _cues(name: str) -> dict:
    """A cue-phrase data file of etl/cues/ (TOML)."""
    return tomllib.loads((_CUES / name).read_text("utf-8"))


_CUES = Path(__file__).resolve().parent / "cues"
_NAMES, _STAGES, _PURPOSES = _cues("names.toml"), _cues("stages.toml"), _cues("purposes.toml")

# Canonical payer name -> the ways reporting refers to it; bodies that report or estimate;
# countries and the words that point at them (etl/cues/names.toml).
AGENCIES: dict[str, list[str]] = _NAMES["agencies"]
SOURCES: dict[str, list[str]] = _NAMES["sources"]
COUNTRIES: dict[str, list[str]] = _NAMES["countries"]
US_STATES: list[str] = _NAMES["states"]["names"]
US_STATE_CAPITALS: dict[str, str] = _NAMES["states"]["capitals"]
# Budget stages with their meaning, and the cues that name them (etl/cues/stages.toml).
STAGES: dict[str, str] = _STAGES["stages"]
STATUS_CUES: dict[str, list[str]] = _STAGES["cues"]
WEAK_STATUS_CUES: dict[str, list[str]] = _STAGES["weak_cues"]
# What money is for (etl/cues/purposes.toml).
PURPOSE_KEYWORDS: dict[str, str] = _PURPOSES["keywords"]
PURPOSE_VERBS_GENERIC: tuple[str, ...] = tuple(_PURPOSES["verbs_generic"])
PURPOSE_VERBS_KEPT: tuple[str, ...] = tuple(_PURPOSES["verbs_kept"])




# Currency words and symbols -> ISO 4217 code. "$" alone is read as U.S. dollars (but in a
# story about Canada, Australia or New Zealand as theirs: etl/extract/context._home_dollar).
CURRENCY_SYMBOLS: dict[str, str] = {
    "US$": "USD", "U.S.$": "USD", "U.S. $": "USD", "USD": "USD", "$": "USD",
    "C$": "CAD", "CA$": "CAD", "CAD": "CAD", "A$": "AUD", "AU$": "AUD", "AUD": "AUD",
    "HK$": "HKD", "NZ$": "NZD",
    "NT$": "TWD", "R$": "BRL", "MX$": "MXN", "Mex$": "MXN", "MXN": "MXN",
    "€": "EUR", "EUR": "EUR", "£": "GBP", "GBP": "GBP", "¥": "JPY", "JPY": "JPY",
    "₹": "INR", "INR": "INR", "CHF": "CHF", "CNY": "CNY", "RMB": "CNY", "COP": "COP",
    "KSh": "KES", "Ksh": "KES", "KES": "KES", "₦": "NGN", "NGN": "NGN", "ZAR": "ZAR",
    "GH₵": "GHS", "₵": "GHS", "Rp": "IDR", "₱": "PHP", "R": "ZAR", "Rs.": "INR", "Rs": "INR",
    # the IMF's unit of account, in which World Bank (IDA) credits are written: "an IDA
    # credit of SDR 15.7 million ($20 million)"
    "SDR": "XDR", "XDR": "XDR",
}
# Letters that are a currency only when digits follow at once: "N5 billion" (naira).
CURRENCY_PREFIX_LETTERS: dict[str, str] = {"N": "NGN"}
CURRENCY_WORDS: dict[str, str] = {
    "dollars": "USD", "dollar": "USD", "U.S. dollars": "USD", "US dollars": "USD",
    "American dollars": "USD", "Canadian dollars": "CAD", "Australian dollars": "AUD",
    "Hong Kong dollars": "HKD", "Mexican pesos": "MXN", "Colombian pesos": "COP",
    "Argentine pesos": "ARS", "Chilean pesos": "CLP", "Philippine pesos": "PHP",
    "euros": "EUR", "euro": "EUR", "pounds sterling": "GBP", "British pounds": "GBP",
    "yen": "JPY", "yuan": "CNY", "renminbi": "CNY", "rupees": "INR", "Indian rupees": "INR",
    "rubles": "RUB", "roubles": "RUB", "Swiss francs": "CHF", "reais": "BRL", "quetzales": "GTQ",
    "lempiras": "HNL", "pesos": "MXN",
    # a country's adjective before its currency: "two hundred million Japanese Yen"
    "Japanese yen": "JPY", "Chinese yuan": "CNY", "Kenyan shillings": "KES",
    "Nigerian naira": "NGN", "South African rand": "ZAR", "New Zealand dollars": "NZD",
    "NZ dollars": "NZD",
    "Singapore dollars": "SGD", "Russian rubles": "RUB", "Brazilian reais": "BRL",
    # an ISO 4217 code after the amount: "This 200 million JPY (App. 3 million AUD) Grant Aid"
    "USD": "USD", "EUR": "EUR", "GBP": "GBP", "JPY": "JPY", "CAD": "CAD", "AUD": "AUD",
    "CHF": "CHF", "CNY": "CNY", "INR": "INR", "MXN": "MXN", "KES": "KES", "NGN": "NGN",
    "ZAR": "ZAR", "NZD": "NZD", "SDR": "XDR", "XDR": "XDR",
}
# "pesos" alone is Mexican only when the sentence is about Mexico; otherwise the figure is
# kept with currency "XXX" (ISO 4217's code for "no currency known") rather than guessed.
AMBIGUOUS_CURRENCY_WORDS: dict[str, dict[str, str]] = {
    "pesos": {"Mexico": "MXN", "Colombia": "COP", "Argentina": "ARS", "Chile": "CLP",
              "Philippines": "PHP", "Cuba": "CUP", "Dominican Republic": "DOP"},
}

SCALES: dict[str, float] = {
    "thousand": 1e3, "k": 1e3, "K": 1e3,
    "million": 1e6, "mln": 1e6, "mn": 1e6, "m": 1e6, "M": 1e6, "mil": 1e6,
    "billion": 1e9, "bn": 1e9, "bln": 1e9, "b": 1e9, "B": 1e9,
    "trillion": 1e12, "tn": 1e12, "trn": 1e12, "T": 1e12,
    # India and South Asia: a lakh is 100,000, a crore ten million, a lakh crore 10^12
    "lakh crore": 1e12, "lakh crores": 1e12, "crore": 1e7, "crores": 1e7, "cr": 1e7,
    "lakh": 1e5, "lakhs": 1e5,
}

NUMBER_WORDS: dict[str, int] = {
    "zero": 0, "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "dozen": 12,
}

# Words before an amount -> qualifier. Longest phrases are tried first.
QUALIFIER_BEFORE: dict[str, str] = {
    "about": "approximate", "nearly": "approximate", "roughly": "approximate",
    "almost": "approximate", "some": "approximate", "around": "approximate",
    "approximately": "approximate", "close to": "approximate", "an estimated": "approximate",
    "circa": "approximate", "approx.": "approximate", "just about": "approximate",
    "more than": "lower_bound", "over": "lower_bound", "at least": "lower_bound",
    "upwards of": "lower_bound", "upward of": "lower_bound", "in excess of": "lower_bound",
    "no less than": "lower_bound", "not less than": "lower_bound", "a minimum of": "lower_bound",
    "just over": "lower_bound", "well over": "lower_bound", "exceeding": "lower_bound",
    "as little as": "lower_bound", "above": "lower_bound", "a little more than": "lower_bound",
    "slightly more than": "lower_bound", "well above": "lower_bound",
    "less than": "upper_bound", "under": "upper_bound", "up to": "upper_bound",
    "as much as": "upper_bound", "would not exceed": "upper_bound", "not to exceed": "upper_bound",
    "not exceed": "upper_bound", "no more than": "upper_bound", "not more than": "upper_bound",
    "a maximum of": "upper_bound", "at most": "upper_bound", "below": "upper_bound",
    "capped at": "upper_bound", "just under": "upper_bound", "fewer than": "upper_bound",
    "slightly less than": "upper_bound", "a little less than": "upper_bound",
    "will not exceed": "upper_bound", "cannot exceed": "upper_bound", "as high as": "upper_bound",
}
QUALIFIER_AFTER: dict[str, str] = {
    "or more": "lower_bound", "or higher": "lower_bound", "-plus": "lower_bound",
    "plus": "lower_bound", "+": "lower_bound", "and up": "lower_bound",
    "or less": "upper_bound", "or fewer": "upper_bound", "at most": "upper_bound",
    "or so": "approximate",
}




# Short names readers know: "GAO estimates, via The Washington Post".
SOURCE_ABBREVIATIONS: dict[str, str] = {
    "Government Accountability Office": "GAO",
    "Congressional Research Service": "CRS",
    "Congressional Budget Office": "CBO",
}


