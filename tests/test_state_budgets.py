"""Stages and payers as governors' releases and news on state budgets word them (issue
12). Found by reading four texts of 2023-2024 on Alaska's, Missouri's and California's
budgets (the Anchorage Press; the Governors of Missouri and California as local sites
carried their releases; not stored here), annotated before the extractor ran on them:
stage 0.38 and payer 0.00 on their 13 figures then, 0.92 and 0.38 after. The sentences
below keep their structure with other words and figures."""

from __future__ import annotations

from datetime import date

from etl.__main__ import figure_records


def test_what_a_governor_vetoed_or_cut_is_not_enacted() -> None:
    records = figure_records(
        "Gov. Mike Smith signed the Fiscal Year 2024 state operating and capital budgets into "
        "law but vetoed about $150 million, much of it for schools. Reductions include about "
        "$100 million in operating funds and $50 million in state capital projects. The "
        "biggest reduction was in the Legislature’s appropriation of $170 million in one-time "
        "funding.\n", date(2023, 6, 19))
    assert [r["status"] for r in records] == ["reported"] * 3 + ["appropriated"]
    assert all(r["funder"] != "U.S. Congress" for r in records)


def test_a_budget_signed_and_its_state_named_or_datelined() -> None:
    [missouri] = figure_records(
        "(JEFFERSON CITY, MO) – Today, Governor Mike Smith signed the Fiscal Year 2024 (FY24) "
        "state operating and capital improvement budget bills.\nThe Missouri FY24 state "
        "operating budget is approximately $50.1 billion, with roads from Kansas City to St. "
        "Louis.\n", date(2023, 6, 30))
    assert (missouri["status"], missouri["funder"]) == ("appropriated", "State of Missouri")
    [california] = figure_records(
        "SACRAMENTO – Governor Jane Smith today signed 2024 state budget legislation.\n\nIt "
        "also maintains $20.5 billion in total reserves at the end of the 2024-25 fiscal "
        "year.\n")
    assert california["funder"] == "State of California"
