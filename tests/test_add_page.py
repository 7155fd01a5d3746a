"""Add-a-source page (AppTest): clear messages for missing or bad input, no traceback."""

from __future__ import annotations

import datetime

import pytest
from helpers import run_app

pytestmark = pytest.mark.usefixtures("editing")  # the Add page exists in editing mode only


def submit(text: str, title: str = "T", publisher: str = "P",
           published: datetime.date | None = datetime.date(2011, 6, 1)):
    at = run_app("add")
    at.text_area(key="add_text").set_value(text)
    at.text_input(key="add_title").set_value(title)
    at.text_input(key="add_publisher").set_value(publisher)
    if published is not None:
        at.date_input(key="add_published").set_value(published)
    at.button[0].click().run()
    assert not at.exception
    return at


def test_nothing_pasted() -> None:
    at = submit("")
    assert [e.value for e in at.error] == ["paste the article\\'s text or upload a file first"]


def test_missing_date() -> None:
    at = submit("The Pentagon gave $5 million.", published=None)
    assert [e.value for e in at.error] == ["give the date the article was published"]


def test_bad_metadata_names_the_field() -> None:
    at = submit("The Pentagon gave $5 million.", title="")
    assert at.error and "title" in at.error[0].value


def test_review_table_shows_the_machine_figures() -> None:
    at = submit("The Pentagon gave Mexico more than $5 million in 2010.")
    assert not at.error
    assert "1 figures found" in " ".join(m.value for m in at.markdown)
    machine = at.session_state["add_draft"]["machine"]
    assert machine[["text", "qualifier", "year", "funder", "recipient"]].values.tolist() == [
        ["$5 million", "lower_bound", 2010, "Department of Defense", "Mexico"]]


def test_review_table_shows_each_figures_sentence() -> None:
    at = submit("The Pentagon gave Mexico more than $5 million in 2010. It was welcome.")
    machine = at.session_state["add_draft"]["machine"]
    assert list(machine["sentence"]) == ["The Pentagon gave Mexico more than $5 million in 2010."]
    assert machine["page"].isna().all()  # pasted text has no pages
