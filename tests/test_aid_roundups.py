"""Years as round-ups of foreign aid word them (issue 12). Found by reading The Hill's
"Where the US spends the most on foreign aid" (May 2024) and Stacker's list of aid
recipients (not stored here: their text is not ours to publish; 9 figures, year 0.56 first,
0.78 after). The sentences below keep their structure with other words and figures."""

from __future__ import annotations

from datetime import date

from etl.__main__ import figure_records


def test_a_month_named_by_the_story_s_date() -> None:
    [spent] = figure_records("The department spent $5 million on repairs last month.\n",
                             date(2024, 1, 12))
    assert (spent["year"], spent["year_type"]) == (2023, "calendar")
    [coming] = figure_records("It will award $3 million next month.\n", date(2024, 12, 12))
    assert coming["year"] == 2025


def test_the_month_of_an_announcement_is_not_the_money_s() -> None:
    text = ("The department today announced $1.6 billion for eight Fiscal Year 2022 "
            "preparedness grant programs. This funding is in addition to the $405.1 million "
            "announced last month for emergency management.\n")
    assert [r["year"] for r in figure_records(text, date(2022, 2, 28))] == [2022, 2022]


def test_what_a_government_is_said_to_provide_is_announced() -> None:
    """Australian news of 2022-2024 on humanitarian aid (The New Daily, Medcom, the Senate
    Hansard; 8 figures, not stored here): stage 0.62 first, then 1.00."""
    [said] = figure_records("Senator Wong said Australia would provide $12.5 million for "
                            "refugees in the region.\n")
    assert said["status"] == "reported"
    [bill] = figure_records("The senator said the bill would provide $12.5 million for "
                            "refugees.\n")
    assert bill["status"] == "proposed"
