"""Stages, payers and kinds as British government releases on councils' funding word them
(issue 12). Found by reading four texts of 2020 (a Ministry of Housing, Communities and
Local Government release, a written ministerial statement in Hansard, the Rural Services
Network, the Slough Express; the two news pieces not stored here, their text not ours to
publish): first year 0.63, stage 0.68, payer 0.26 on their 19 figures, then 0.63, 0.79,
0.79. The sentences below keep their structure with other words and figures."""

from __future__ import annotations

from etl.__main__ import figure_records


def test_a_minister_s_title_names_the_government() -> None:
    records = figure_records(
        "Local Government Secretary confirms £40.1 billion package of funding for local "
        "services Represents £1.9 billion increase in core spending Estimated £2 billion "
        "additional support for councils.\n")
    assert [r["funder"] for r in records] == ["Government of the United Kingdom"] * 3
    # a capitalized participle opens its own item: the estimate is the last figure's
    assert [r["status"] for r in records] == ["reported", "reported", "estimated"]
    [said] = figure_records("Councils will be given more money, the communities secretary "
                            "announced. He said that £1.2 billion would be provided.\n")
    assert said["funder"] == "Government of the United Kingdom"


def test_what_takes_the_total_to_a_figure_is_an_amount() -> None:
    extra, total = figure_records(
        "This extra £1.2 billion takes the total given to councils to help their communities "
        "through this crisis to over £2.4 billion.\n")
    assert (extra["kind"], total["kind"]) == ("amount", "cumulative")


def test_an_american_department_s_title_is_not_a_british_minister_s() -> None:
    [record] = figure_records("The Education Secretary announced £30 million for schools.\n")
    assert record["funder"] != "Department of Education"
