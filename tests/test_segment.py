"""Sentence segmentation: offsets into the original text, abbreviations, quotes, furniture."""

from __future__ import annotations

from helpers import SEED_TEXT

from etl.segment import split_sentences


def texts(text: str) -> list[str]:
    return [s.text for s in split_sentences(text)]


def test_offsets_index_the_original_text() -> None:
    for s in split_sentences(SEED_TEXT):
        assert SEED_TEXT[s.start : s.end] == s.text


def test_abbreviations_and_decimals_do_not_split() -> None:
    text = ("The U.S. military spent $12.2 million. Gen. Victor Renuart said so, "
            "according to Sen. John F. Kennedy Jr. of Mass.")
    assert texts(text) == [
        "The U.S. military spent $12.2 million.",
        "Gen. Victor Renuart said so, according to Sen. John F. Kennedy Jr. of Mass.",
    ]


def test_sentence_ending_in_abbreviation_splits_before_an_opener() -> None:
    assert texts("Aid went to the U.S. The Pentagon disagreed.") == [
        "Aid went to the U.S.", "The Pentagon disagreed."]


def test_quotations() -> None:
    text = ('She said they were "morphing into an insurgency." The comment spread. '
            '"We have tried," said Gen. Victor Renuart. "It is historic," he said.')
    assert texts(text) == [
        'She said they were "morphing into an insurgency."',
        "The comment spread.",
        '"We have tried," said Gen. Victor Renuart.',
        '"It is historic," he said.',
    ]


def test_page_furniture_is_not_a_sentence() -> None:
    got = texts(SEED_TEXT)
    assert not any("CONTINUED" in t for t in got)
    assert not any("©" in t or "Washington Post Company" in t for t in got)
    assert got[-1].startswith("One plan under consideration")


def test_headings_are_marked() -> None:
    spans = split_sentences(SEED_TEXT)
    assert spans[0].kind == "heading"  # the headline
    assert spans[0].text.startswith("Military is broadening")
    assert all(s.kind == "body" for s in spans if "$" in s.text)


def test_excellencies_and_numbered_items() -> None:
    """"H.E. Prak Sokhonn, Deputy Prime Minister" is one sentence, and "1. Up to the maximum
    amount of JPY 2,451,000,000" one item (Cambodia News Gazette, 2022)."""
    from etl.segment import split_sentences

    text = ("H.E. Prak Sokhonn, Deputy Prime Minister, signed with H.E. Mikami Masahiro, "
            "Ambassador of Japan to Cambodia, as follows:\n\n1. Up to the maximum amount of "
            "JPY 2,451,000,000 for the Project;\n\n2. Up to maximum amount of JPY 1,150,000,000 "
            "for the Programme.\n")
    texts = [s.text for s in split_sentences(text)]
    assert texts[0].startswith("H.E. Prak Sokhonn") and texts[0].endswith("as follows:")
    assert [t[:2] for t in texts[1:]] == ["1.", "2."]
