"""Stages and payers as news copy words them (issue 12). Found by reading four wire
stories on aid bills (AP, Reuters, AFP; not stored here: their text is not ours to
publish): the sentences below keep their structure with other words and figures."""

from __future__ import annotations

from etl.__main__ import figure_records


def one(text: str, **kwargs) -> dict:
    (record,) = figure_records(text, **kwargs)
    return record


def test_congress_acting_with_words_between() -> None:
    for text in ("The Congress on Monday approved $4.1 billion for flood relief.",
                 "Congress gave final approval to a bill sending $2 billion to the states.",
                 "US Congress passes farm bill worth $9 billion"):
        assert one(text)["status"] == "appropriated", text


def test_both_chambers_in_one_sentence() -> None:
    text = ("The Senate approved by 60 to 38 the bill passed by the House last week, "
            "clearing $7 billion for the ports.")
    assert one(text)["status"] == "appropriated"
    assert one("The Senate approved $7 billion for the ports.")["status"] == "passed_chamber"


def test_who_signs_a_law_does_not_pay_under_it() -> None:
    text = ("Congress gave final approval Friday to a stopgap bill and President Biden "
            "signed it soon afterward, sending about $3.2 billion to the states.")
    record = one(text)
    assert record["funder"] == "U.S. Congress"
    assert record["status"] == "appropriated"


def test_it_and_the_largest_refer_to_the_package_before() -> None:
    text = ("The Senate passed the package by 80 to 19 after the House passed it, ending a "
            "month of delay. It includes $2 billion for bridges. The largest provides "
            "$5 billion for ports; a second provides $1 billion for rail.")
    stages = [r["status"] for r in figure_records(text)]
    assert stages == ["appropriated"] * 3
