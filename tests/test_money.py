"""Money amounts: scales, abbreviations, number words, ranges, qualifiers, currencies."""

from __future__ import annotations

import pytest

from etl.money import find_money


def one(sentence: str):
    found = find_money(sentence)
    assert len(found) == 1, [sentence[m.start : m.end] for m in found]
    m = found[0]
    return sentence[m.start : m.end], m


@pytest.mark.parametrize(
    ("sentence", "text", "amount"),
    [
        ("It cost $12.2 million.", "$12.2 million", 12.2e6),
        ("It cost $34M.", "$34M", 34e6),
        ("It cost $1.6bn.", "$1.6bn", 1.6e9),
        ("It cost $500k.", "$500k", 5e5),
        ("It cost US$3 billion.", "US$3 billion", 3e9),
        ("It cost $1,250,000 in all.", "$1,250,000", 1.25e6),
        ("It cost fifty million dollars.", "fifty million dollars", 5e7),
        ("It cost twenty-five million dollars.", "twenty-five million dollars", 2.5e7),
        ("It cost half a billion dollars.", "half a billion dollars", 5e8),
        ("They made a $50 million plan.", "$50 million", 5e7),
        ("They made a $50-million plan.", "$50-million", 5e7),
        ("It cost 3 trillion dollars.", "3 trillion dollars", 3e12),
        ("It cost $2 thousand.", "$2 thousand", 2e3),
    ],
)
def test_amounts(sentence: str, text: str, amount: float) -> None:
    got, m = one(sentence)
    assert got == text
    assert m.amount == pytest.approx(amount)
    assert m.currency == "USD"
    assert m.qualifier == "exact"


@pytest.mark.parametrize(
    ("sentence", "text", "low", "high"),
    [
        ("It will cost between $80 million and $100 million.", "$80 million and $100 million",
         8e7, 1e8),
        ("Estimates run $1.3 billion to $1.6 billion.", "$1.3 billion to $1.6 billion",
         1.3e9, 1.6e9),
        ("Estimates run $1.3 to $1.6 billion.", "$1.3 to $1.6 billion", 1.3e9, 1.6e9),
        ("Each costs $80-100 million.", "$80-100 million", 8e7, 1e8),
        ("They spent between 80 and 100 million dollars.", "80 and 100 million dollars",
         8e7, 1e8),
    ],
)
def test_ranges(sentence: str, text: str, low: float, high: float) -> None:
    got, m = one(sentence)
    assert got == text
    assert (m.amount, m.amount_high, m.qualifier) == (pytest.approx(low), pytest.approx(high),
                                                      "range")


def test_change_from_to_is_two_figures_not_a_range() -> None:
    found = find_money("Funding rose from $1.3 billion to $1.6 billion.")
    assert [(m.amount, m.amount_high) for m in found] == [(1.3e9, None), (1.6e9, None)]


@pytest.mark.parametrize(
    ("words", "qualifier"),
    [("about", "approximate"), ("nearly", "approximate"), ("roughly", "approximate"),
     ("almost", "approximate"), ("some", "approximate"), ("around", "approximate"),
     ("more than", "lower_bound"), ("over", "lower_bound"), ("at least", "lower_bound"),
     ("upwards of", "lower_bound"), ("less than", "upper_bound"), ("under", "upper_bound"),
     ("up to", "upper_bound"), ("as much as", "upper_bound"),
     ("would not exceed", "upper_bound")],
)
def test_qualifiers(words: str, qualifier: str) -> None:
    _, m = one(f"The program got {words} $5 million last year.")
    assert m.qualifier == qualifier
    assert m.qualifier_text == words


def test_trailing_qualifiers() -> None:
    assert one("It will cost $3 million or more.")[1].qualifier == "lower_bound"
    assert one("It will cost $3 million or less.")[1].qualifier == "upper_bound"


@pytest.mark.parametrize(
    ("sentence", "currency"),
    [("Spain gave €30 million.", "EUR"), ("Spain gave 30 million euros.", "EUR"),
     ("Britain gave £5m.", "GBP"), ("Canada gave C$4 million.", "CAD"),
     ("Mexico spent 2 billion Mexican pesos.", "MXN"), ("Japan gave ¥900 million.", "JPY")],
)
def test_other_currencies_are_not_dollars(sentence: str, currency: str) -> None:
    assert one(sentence)[1].currency == currency


@pytest.mark.parametrize(
    "sentence",
    [
        "The military has trained hundreds of Mexican officers.",
        "Some 34 million people live in the region.",
        "They patrol a 2,000-mile border.",
        "Seizures rose 10 percent.",
        "Prices are 3.5 times higher than in 2008.",
        "The figures are in constant 2010 dollars.",
        "Millions of dollars were wasted.",
        "The peso traded at 13 pesos to the dollar.",
        "It happened in 2010 and 2011.",
    ],
)
def test_hard_negatives(sentence: str) -> None:
    assert find_money(sentence) == []


@pytest.mark.parametrize(("sentence", "expected"), [
    # decimal commas, as much of Europe and Latin America writes them
    ("The budget is EUR 2,5 billion for roads.", [("EUR 2,5 billion", 2.5e9, "EUR")]),
    ("It cost 1.234,5 million euros.", [("1.234,5 million euros", 1.2345e9, "EUR")]),
    ("He paid $1,234.50 in fees.", [("$1,234.50", 1234.5, "USD")]),
    # the currency carried over from earlier in the sentence
    ("The EU pledged 300 million euros in 2019, then 200 million in 2020.",
     [("300 million euros", 3e8, "EUR"), ("200 million", 2e8, "EUR")]),
    ("It gave $5 million to Mexico and 3 million to Guatemala.",
     [("$5 million", 5e6, "USD"), ("3 million", 3e6, "USD")]),
    # ... but not to a count of people
    ("Some 34 million people live there, and $5 million went to aid.",
     [("$5 million", 5e6, "USD")]),
    # symbols and codes
    ("Nigeria will spend N5 billion on roads and KSh 2 billion in Kenya.",
     [("N5 billion", 5e9, "NGN"), ("KSh 2 billion", 2e9, "KES")]),
    ("Brazil spent R$ 4 billion.", [("R$ 4 billion", 4e9, "BRL")]),
    # India: lakh (10^5), crore (10^7), lakh crore (10^12), digits grouped in twos, "Rs."
    ("Defence received ₹6.2 lakh crore and MGNREGS ₹86,000 crore.",
     [("₹6.2 lakh crore", 6.2e12, "INR"), ("₹86,000 crore", 8.6e11, "INR")]),
    ("Each family gets Rs. 1,50,000 and the scheme Rs 45 lakh.",
     [("Rs. 1,50,000", 1.5e5, "INR"), ("Rs 45 lakh", 4.5e6, "INR")]),
    # ... and "RS22837", a report's number, is no rupee amount
    ("See CRS Report RS22837 for Rs 2,200 cr in all.", [("Rs 2,200 cr", 2.2e10, "INR")]),
])
def test_numbers_and_currencies_as_written_elsewhere(sentence, expected) -> None:
    found = [(sentence[m.start:m.end], m.amount, m.currency) for m in find_money(sentence)]
    assert found == expected


def test_a_scale_word_wrapped_to_the_next_line() -> None:
    """CRS R47553, hard-wrapped as its HTML transcription is: "$897\nmillion" is millions
    (it was read as $897), a blank line between is no longer one amount."""
    found = [(m.amount, m.currency) for m in find_money(
        "USACE would be reduced by $897\nmillion (-11%), to $7.413 billion.")]
    assert found == [(897e6, "USD"), (7.413e9, "USD")]
    assert [m.amount for m in find_money("It cost $5\n\nmillion people")] == [5.0]


def test_a_currency_named_by_its_country_or_its_code() -> None:
    """Japanese grant aid as embassies announce it (a thirty-seventh reading): "two hundred
    million Japanese Yen", "200 million JPY (App. 3 million AUD)"; an ISO code after the
    amount counts only in capitals."""
    def found(text: str) -> list[tuple[str, float, str]]:
        return [(text[m.start:m.end], m.amount, m.currency) for m in find_money(text)]

    assert found("This project in the amount of two hundred million Japanese Yen will be "
                 "utilized") == [("two hundred million Japanese Yen", 2e8, "JPY")]
    assert found("This 200 million JPY (App. 3 million AUD) Grant Aid will support") == [
        ("200 million JPY", 2e8, "JPY"), ("3 million AUD", 3e6, "AUD")]
    assert found("It weighs 20 eur units") == []
