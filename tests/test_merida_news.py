"""Years, stages, payers and kinds as news copy on U.S. counterdrug aid words them (issue
12). Found by reading nine stories of 2008-2013 on aid to Mexico and Central America (the
Associated Press, the Washington Post, the San Diego Union-Tribune, CNSNews, Wired, World
Politics Review, Americas Quarterly; not stored here: their text is not ours to publish),
annotated before the extractor ran on them: year 0.86, stage 0.75, payer 0.75, kind 0.79
on their 28 figures then, 0.93, 0.82, 0.89 and 0.89 after. The sentences below keep the
stories' structure with other words and figures."""

from __future__ import annotations

from etl.__main__ import figure_records
from etl.segment import split_sentences


def one(text: str) -> dict:
    (record,) = figure_records(text)
    return record


def test_a_paying_verb_after_an_adverb() -> None:
    record = one("He said that the U.S. has actually spent $180 million but that many "
                 "programs have not yet shown up on the books.")
    assert record["funder"] == "United States government"
    assert record["kind"] == "cumulative"  # spent so far


def test_money_in_us_aid_is_the_governments_not_a_place() -> None:
    record = one("Pastrana worked with President Clinton on the plan, which has spent more "
                 "than $5 billion in U.S. aid since 2001 to fight the rebels.")
    assert record["funder"] == "United States government"


def test_a_word_in_scare_quotes_after_us_does_not_end_the_headline() -> None:
    text = "Violence Persists in Honduras After Nearly $80 Million in U.S. “Aid”"
    assert len(split_sentences(text)) == 1
    assert one(text)["funder"] == "United States government"


def test_a_function_word_after_us_opens_a_sentence() -> None:
    text = ("Cartels move $30 billion worth of drugs each year to the U.S. Beyond support "
            "for Mexico, the U.S. has also committed funds to Central America.")
    assert [s.text[:6] for s in split_sentences(text)] == ["Cartel", "Beyond"]
    assert "U.S. Under Secretary" in split_sentences(
        "He met the U.S. Under Secretary for Political Affairs.")[0].text


def test_the_year_of_a_signing_or_a_meeting_is_not_the_moneys() -> None:
    signed = ("The initiative, signed by President George W. Bush and Mexican leader Felipe "
              "Calderon in 2007, promises helicopters and training. The report found the "
              "U.S. has spent only $30 million.")
    assert one(signed)["year"] is None
    meeting = ("The initiative dates to a 2007 meeting of the two presidents. Yet only 4 "
               "percent of the $700.5 million obligated had been spent, the report said.")
    assert one(meeting)["year"] is None


def test_asking_for_something_quoted_is_not_a_request_for_the_money() -> None:
    record = one("On Thursday, the president asked Congress for “more cooperation” and noted "
                 "that his own government is putting $9 billion a year into the fight.")
    assert record["status"] != "requested"
    assert record["kind"] == "rate"
    assert one("The mayor asked Congress for $9 million.")["status"] == "requested"


def test_spending_right_before_the_money_is_money_spent() -> None:
    record = one("It has built up its program in Central America, too — spending nearly "
                 "$90 million over four years on gear for local forces.")
    assert (record["status"], record["kind"]) == ("disbursed", "cumulative")
    assert one("The department plans on spending $90 million on gear.")["status"] \
        != "disbursed"


def test_promising_money_is_a_pledge() -> None:
    record = one("After promising $1.2 billion last year under a new initiative, the "
                 "government has spent almost none of the money.")
    assert record["status"] == "proposed"
    assert one("It is a promising $5 million program.")["status"] == "reported"


def test_a_total_to_a_date_or_over_years() -> None:
    assert one("Yet only 3 percent of the $700.5 million that has been obligated had been "
               "spent as of Sept. 30, the report said.")["kind"] == "cumulative"
    assert one("Delays limited spending to $20 million in two years, the records "
               "show.")["kind"] == "cumulative"
    assert one("The fund will reach $20 million in two years' time.")["kind"] == "amount"
