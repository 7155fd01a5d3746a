"""Stages as news and commentary on the relief law of March 2020 word them (issue 12). Found
by reading three pieces (Radio.com, DISRN, the Peter G. Peterson Foundation; not stored
here: their text is not ours to publish), annotated before the extractor ran on them:
stage 0.57 and payer 0.79 on their 14 figures then, 1.00 and 0.93 after. The sentences
below keep the pieces' structure with other words and figures."""

from __future__ import annotations

from datetime import date

from etl.__main__ import figure_records


def test_a_relief_bill_signed_is_law_and_so_are_its_parts() -> None:
    records = figure_records(
        "President Donald Trump signed a $1.9 trillion coronavirus economic relief and "
        "stimulus bill on Friday in a ceremony in the Oval Office.\n\nThe bill is meant to "
        "help the American economy.\n\nIncluded in the bill is $90 billion to help hospitals "
        "and $300 billion for small businesses.\n", date(2020, 3, 27))
    assert [r["status"] for r in records] == ["appropriated"] * 3
    assert [r["funder"] for r in records] == ["U.S. Congress"] * 3


def test_what_a_measure_will_cost_is_an_estimate() -> None:
    [record] = figure_records("This new, temporary deduction will cost $80 billion over the "
                              "next four years.\n")
    assert (record["status"], record["kind"]) == ("estimated", "cumulative")
