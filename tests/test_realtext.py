"""The extractor on real public documents (issue 12): tests/realtext/ holds 16 excerpts of
U.S. government works from 8 publishers, annotated by hand before the extractor was run
on them (see tests/realtext/README.md). Run with -s to see the report.

The extractor's year, stage and payer rules were then improved while looking at this set's
errors, so these scores are an upper bound for text nobody here has read."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from etl.evaluate import REALTEXT_ATTRIBUTES, score_documents

HERE = Path(__file__).parent / "realtext"


def load(name: str) -> list[dict]:
    return [json.loads(line) for line in (HERE / name).read_text("utf-8").splitlines()]


@pytest.fixture(scope="module")
def score():
    return score_documents(load("documents.jsonl"), load("gold.jsonl"))


def test_the_set_is_real_and_varied() -> None:
    documents = load("documents.jsonl")
    assert len(documents) >= 15
    assert len({d["publisher"] for d in documents}) >= 4
    assert all(d["url"].startswith("http") and d["retrieved"] for d in documents)
    gold = load("gold.jsonl")
    texts = {d["id"]: d["text"] for d in documents}
    assert all(texts[g["doc"]][g["start"] : g["end"]] == g["text"] for g in gold)


def test_scores(score) -> None:
    print("\n" + score.report())
    for miss in score.misses:
        print(f"  - {miss}")
    assert score.f1 >= 0.97
    for name in REALTEXT_ATTRIBUTES:
        assert score.accuracy(name) >= 0.85, name
        assert score.accuracy(name) > score.baseline(name), name


def test_heldout_set() -> None:
    """Four more documents annotated after the rules above were written. Measured first
    (before any change prompted by them) at year 1.00, year type 1.00, status 0.07, funder
    0.29; the baseline phrases and bill names they exposed were then fixed, so they no
    longer measure unseen text either. Reported, and held above the trivial baselines."""
    score = score_documents(load("heldout_documents.jsonl"), load("heldout_gold.jsonl"))
    print("\n" + score.report())
    assert score.f1 >= 0.97
    for name in ("year", "year_type", "status", "funder"):
        assert score.accuracy(name) > score.baseline(name), name
    assert score.accuracy("kind") >= score.baseline("kind")  # 13 of its 14 are amounts


def test_second_heldout_set() -> None:
    """Twelve more documents from ten publishers and five genres the rules had not seen
    (an embassy release, CRS summaries as transcribed by three sites, a statute page, a
    U.S. Code section, a VOA story, a news digest quoting the State Department), annotated
    before the extractor was run on them. First reading: year 0.65, year type 0.58,
    status 0.58, funder 0.70, kind 0.89, amount F1 0.97 (report numbers read as rand). The
    general errors they showed were then fixed (hard-wrapped lines, a year after "than"
    or "including", coordinated years, event dates, deadlines, appropriation law years,
    statute paragraphs, differences, "In the act"); what is left is reported here and
    held as a floor so that it cannot silently get worse."""
    held_as_floor("heldout2", year=0.9, status=0.8, funder=0.8, kind=0.85)


def held_as_floor(name: str, above: tuple[str, ...] = ("year", "year_type", "status", "funder"),
                  **floors: float) -> None:
    """Score a held-out set, print its report and misses, and hold it above its floors
    and above the trivial baseline of each attribute in ``above``."""
    score = score_documents(load(f"{name}_documents.jsonl"), load(f"{name}_gold.jsonl"))
    print("\n" + score.report())
    for miss in score.misses:
        print(f"  - {miss}")
    assert score.f1 >= 0.97
    for attribute, floor in floors.items():
        assert score.accuracy(attribute) >= floor, attribute
    for attribute in above:
        # above the trivial baseline (a set where the baseline is already perfect: equal)
        assert score.accuracy(attribute) > score.baseline(attribute) or \
            score.accuracy(attribute) == 1.0, attribute


def test_hard_wrapped_lines_are_one_sentence() -> None:
    """Reports, statutes and PDF text wrap lines inside sentences; news copy puts one
    paragraph on a line. A wrapped sentence keeps its verb, its year and its stage."""
    from etl.__main__ import figure_records

    wrapped = ("The Bush Administration requested $500 million for\n"
               "Mexico and $50 million for Central America in FY2008 supplemental "
               "appropriations.\n")
    records = figure_records(wrapped)
    assert [(r["status"], r["year"]) for r in records] == [("requested", 2008)] * 2
    news = "Pentagon plans more help for Mexico\nThe Pentagon will spend $50 million.\n"
    assert figure_records(news)[0]["funder"] == "Department of Defense"
    assert split_count(news) == 2  # the headline stays a heading of its own


def split_count(text: str) -> int:
    from etl.segment import split_sentences

    return len(split_sentences(text))


def test_provenance_of_each_attribute() -> None:
    from etl.__main__ import figure_records

    text = ("Supplemental Appropriations for FY2002\n\n"
            "On March 21, 2002, President Bush requested $27.1 billion in emergency funding. "
            "The Navy has obligated $4.1M so far.\n")
    first, second = figure_records(text)
    # the date the request was made is not the money's year: the heading gives it
    assert (first["year"], first["year_type"], first["year_source"]) == (2002, "fiscal",
                                                                         "heading")
    assert (first["funder"], first["funder_source"], first["funder_text"]) == (
        "White House", "sentence", "President Bush")
    assert (first["status"], first["status_source"]) == ("requested", "sentence")
    assert (second["status"], second["funder"], second["kind"]) == ("obligated",
                                                                     "Department of Defense",
                                                                     "cumulative")


def test_scorer_counts_mistakes() -> None:
    doc = {"id": "d", "text": "The Pentagon spent $5 million in 2009.\n", "date": None}
    gold = [{"doc": "d", "text": "$5 million", "start": 19, "end": 29, "year": 2010,
             "year_type": "calendar", "status": "disbursed", "funder": "Department of Defense",
             "kind": "amount"}]
    score = score_documents([doc], gold)
    assert score.matched == 1 and score.accuracy("year") == 0.0
    assert score.accuracy("funder") == 1.0


def test_statute_stages() -> None:
    """16 U.S.C. 2306 (Pub. L. 95-344): an authorization of appropriations, per fiscal year;
    "remain available until expended" is not a disbursement."""
    from etl.__main__ import figure_records

    text = ("In carrying out the purposes of this chapter, there is hereby authorized to be "
            "appropriated $1,000,000 for fiscal year 1979; $2,000,000 for fiscal year 1980; and "
            "$3,000,000 for fiscal year 1981, which shall remain available until expended.\n")
    records = figure_records(text)
    assert [(r["year"], r["year_type"], r["status"]) for r in records] == [
        (1979, "fiscal", "authorized"), (1980, "fiscal", "authorized"),
        (1981, "fiscal", "authorized")]


def test_third_heldout_set() -> None:
    """Five public-domain documents from two publishers and three genres not read before
    (a White House fact sheet, a CRS Insight, three GAO summaries), annotated before the
    extractor was run on them. First reading: year 0.86, year type 0.86, status 0.27,
    funder 0.50, kind 0.86 ("U.S. Congress" cut in two sentences, "allocated" not a
    stage, a running total "as of June 1, 2013" dated 2013, "U.S. agencies" not a payer).
    After the general fixes: year 1.00, status 0.82, funder 0.59 (the rest are payers named
    jointly, where this set's annotator chose the first agency and the extractor says the
    U.S. government, and a fact sheet whose "plans to provide" the annotator read as the
    appropriation it was)."""
    held_as_floor("heldout3", year=0.9, status=0.8, funder=0.55)


def _third(doc_id: str) -> str:
    return next(d["text"] for d in load("heldout3_documents.jsonl") if d["id"] == doc_id)


def test_us_congress_is_not_a_sentence_end() -> None:
    """White House fact sheet, 2016-01-14: "approved by the U.S. Congress" names the stage
    and the payer of the $750 million, and the list after it shares the stage."""
    from etl.__main__ import figure_records

    records = {r["text"]: r for r in figure_records(_third("wh-factsheet-2016-01-14"))
               if "Under the" in r["sentence"]}
    assert records["$750 million"]["sentence"].startswith("Under the $750 million approved "
                                                          "by the U.S. Congress, the")
    assert (records["$750 million"]["status"], records["$750 million"]["funder"]) == (
        "appropriated", "U.S. Congress")
    assert records["$299 million"]["status"] == "appropriated"


def test_running_totals_allocations_and_joint_payers() -> None:
    """GAO-13-771 highlights: a total "as of June 1, 2013" has no single year; agencies
    that "allocated" money share out appropriations; "State and USAID obligated" is the
    U.S. government paying jointly; "U.S. agencies" pay as the U.S. government."""
    from etl.__main__ import figure_records

    by_text = {r["text"]: r for r in figure_records(_third("gao-13-771-highlights"))}
    total = by_text["$1.2 billion"]
    assert (total["status"], total["funder"], total["kind"]) == (
        "appropriated", "United States government", "cumulative")
    obligated = by_text["$463 million"]
    assert (obligated["year"], obligated["status"], obligated["funder"]) == (
        None, "obligated", "United States government")
    assert by_text["$189 million"]["status"] == "disbursed"


def test_headline_figure_takes_the_year_the_body_gives_it() -> None:
    """CRS Insight IN10237: the title's "$1 Billion" request is the body's "over $1 billion
    ... in FY2016"; the year says where it came from."""
    from etl.__main__ import figure_records

    title = figure_records(_third("crs-in10237-2015-11-25"))[0]
    assert (title["text"], title["year"], title["year_type"], title["year_source"]) == (
        "$1 Billion", 2016, "fiscal", "later sentence")
    assert title["year_text"] == "FY2016"


def test_parts_of_an_adopted_budget_share_its_stage() -> None:
    """European Union humanitarian budget for 2023, as EU4Ukraine published it (2023-01-18,
    quoted with acknowledgement): the budget adopted is appropriated money for one year (not
    a yearly rate, though "annual"); "A total of ... from this budget" and "Another ..." are
    parts of it, several sentences on."""
    from etl.__main__ import figure_records

    text = ("The European Union has adopted its initial annual humanitarian budget of "
            "€1.7 billion for 2023.\nEU humanitarian aid helps those affected by natural "
            "disasters and military conflicts, including forcibly displaced or trapped "
            "populations as well as host communities. Assistance is mainly provided through "
            "the EU Civil Protection Mechanism.\nA total of €207.8 million from this budget "
            "will be directed to Southeast Europe and the European Neighbourhood.\nAnother "
            "€141.5 million will be used to answer sudden onset emergencies in 2023.\n")
    records = figure_records(text)
    assert [(r["text"], r["status"], r["kind"], r["year"]) for r in records] == [
        ("€1.7 billion", "appropriated", "amount", 2023),
        ("€207.8 million", "appropriated", "amount", 2023),
        ("€141.5 million", "appropriated", "amount", 2023)]
    assert [r["status_source"] for r in records] == ["sentence", "previous sentence",
                                                     "previous sentence"]
    assert {r["funder"] for r in records} == {"European Union"}


def test_fourth_heldout_set() -> None:
    """Three public-domain budget releases (the White House's 1996 drug supplemental
    request, the ONDCP's FY2001 drug budget release as the USIA carried it, the ONDCP's
    FY2021 highlights), annotated before the extractor ran on them. First reading: year
    1.00, year type 0.83, status 0.28, funder 0.56: a list introduced by "would fund the
    following:" was a heading and its items took no stage, a payer from "Navy P-3B
    aircraft" (what is bought), "sent the Congress a request" read Congress as a payer,
    "appropriations this year" not read as the fiscal year the release names. After:
    year 1.00, year type 1.00, status 0.83, funder 0.94."""
    held_as_floor("heldout4", year=0.95, year_type=0.95, status=0.8, funder=0.9)


def test_fifth_heldout_set() -> None:
    """Three public-domain announcements (two State Department press statements via
    ReliefWeb, a Voice of America editorial), annotated before the extractor ran on them.
    First reading: year 1.00, status 0.73, funder 0.91, kind 0.91 ("who have sought
    refuge" read as a request, "provided by Congress" not read as appropriated, a total
    "increasing total U.S. assistance to $86 million" given to the figure before it).
    After: status 1.00, funder 0.91, kind 1.00."""
    held_as_floor("heldout5", year=0.95, status=0.9, funder=0.85, kind=0.9)


def test_sixth_heldout_set() -> None:
    """Eight public-domain documents (DHS grant announcements, a Member's statement on the
    FY 2020 bills, two DoD budget releases, two CBO estimates, a USAID release), annotated
    before the extractor ran on them. First reading: year 0.93, status 0.61, funder 0.75,
    kind 0.93 ("intend to help" read as a plan, a proposal in "the President's Budget
    request" not a request, "increase over enacted fiscal 2006 funding levels" taken as the
    year, "received appropriations" read with the agency as payer, "subject to congressional
    approval" not a proposal, "In total" in a one-year bill read as a running total). After:
    year 1.00, year type 1.00, status 0.86, funder 0.89, kind 1.00."""
    held_as_floor("heldout6", year=0.95, year_type=0.95, status=0.8, funder=0.85, kind=0.95)


def test_bills_members_and_lists() -> None:
    """Wording met in the sixth reading, each a general rule: "It funds the Department of
    Commerce at $16.43B" (the bill before is the payer, the department is funded); "increase
    by $70 million to $250 million" is two figures; a Member who "secured" project funding
    names the Congress's appropriation; a long list keeps its introduction's payer; a
    year's "total" is that year's amount."""
    from etl.__main__ import figure_records

    text = ("The House Commerce Justice Science Appropriations subcommittee marked up its "
            "$73.9B FY20 spending bill today. It funds the Department of Commerce at $16.43B "
            "and the Department of Justice at $32B.")
    records = figure_records(text)
    assert [(r["status"], r["funder"], r["year"]) for r in records] == [
        ("proposed", "U.S. Congress", 2020)] * 3
    assert records[1]["status_source"] == "previous sentence"
    two = figure_records("The program will see its funding increase by $70 million to "
                         "$250 million.")
    assert [r["amount_usd"] for r in two] == [70e6, 250e6]
    secured = figure_records("Rep. Colin Allred (TX-32) secured $16.8 million for his "
                             "district.")[0]
    assert (secured["status"], secured["funder"]) == ("appropriated", "U.S. Congress")
    items = "".join(f"- Program {n} – ${n} million\n" for n in range(1, 13))
    listed = figure_records("The Department of Homeland Security announced its fiscal "
                            "year 2022 grants.\nThe allocations are listed below.\n" + items)
    assert {r["funder"] for r in listed} == {"Department of Homeland Security"}
    assert {r["year"] for r in listed} == {2022}
    total = figure_records("Defense\nThe House subcommittee approved its FY20 bill. In total, "
                           "the bill provides $690.2B for the Department of Defense.")[0]
    assert (total["year"], total["kind"]) == (2020, "amount")


def test_requests_baselines_and_carried_currency() -> None:
    """Wording from a ninth reading (news and advocacy on counternarcotics aid, not ours to
    publish; sentences quoted with acknowledgement): The Costa Rica News, 2013-04-11; WOLA,
    2015-02-05; The Washington Post as El Salvador Perspectives quoted it, 2010-10."""
    from etl.__main__ import figure_records

    costa_rica = figure_records(
        "The budget proposal for fiscal year 2014 provides funds to reduce counternarcotics "
        "programs in Mexico and Colombia.\nThe State Department requested $ 232 million for "
        "Plan Colombia – a decrease of 61 million from the fiscal year 2012 – and 205 million "
        "for the Merida Initiative, $ 124 million less than in 2012.\n")
    # the bare figures carry the sentence's dollars; the years compared with are baselines;
    # "Plan Colombia" is a name, not a plan
    assert [(r["text"], r["year"], r["status"]) for r in costa_rica] == [
        ("$ 232 million", 2014, "requested"), ("61 million", 2014, "requested"),
        ("205 million", 2014, "requested"), ("$ 124 million", 2014, "requested")]
    assert {r["currency"] for r in costa_rica} == {"USD"}
    wola = figure_records(
        "On February 2, the State Department sent to Congress more details about its big "
        "request for US$1 billion in 2016 assistance to Central America, as part of next "
        "year’s foreign aid budget proposal. Compared to 2014, this $1 billion package would "
        "mean a tripling of foreign aid budget assistance to the region.")
    # a request is for a fiscal year; "Compared to 2014" is the baseline, not the year
    assert [(r["year"], r["year_type"], r["status"]) for r in wola] == [
        (2016, "fiscal", "requested")] * 2
    spent = figure_records("The U.S. government has spent about $1.8 billion over three "
                           "years to fight drug trafficking in Mexico and Central America "
                           "through the Merida Initiative.")[0]
    assert (spent["status"], spent["kind"], spent["year"]) == ("disbursed", "cumulative", None)
    abroad = figure_records("The draft 2014 budget provides for a total of $ 1.4 billion in "
                            "counternarcotics activities outside the United States.")[0]
    assert abroad["funder"] != "United States government"


def test_seventh_heldout_set() -> None:
    """Two releases of governments other than the United States (the UK's Foreign,
    Commonwealth & Development Office under the Open Government Licence, the European
    Commission's 2024 humanitarian budget), annotated before the extractor ran on them, read
    with five news pieces on British aid not ours to publish. First reading: year 0.67,
    status 0.17, funder 0.83 here, funder 0.00 on the news: no government but the American
    was known as a payer. After: year 0.83, status 0.67, funder 0.83 here, 1.00 on the news."""
    held_as_floor("heldout7", year=0.8, status=0.6, funder=0.8)


def test_other_governments_pay_and_ledes_take_the_body_s_year() -> None:
    """Wording from that reading (Caliber.Az, The Independent News Today, EU4Ukraine; quoted
    with acknowledgement)."""
    from etl.__main__ import figure_records

    uk = figure_records("The United Kingdom has pledged an additional £61 million ($76 "
                        "million) in humanitarian assistance to support vulnerable "
                        "populations in Asia, Africa, and the Middle East.")
    assert {r["funder"] for r in uk} == {"Government of the United Kingdom"}
    package = figure_records("£61 million funding package will support the government’s "
                             "Plan for Change.")[0]
    assert package["funder"] != "U.S. Congress"  # a funding package is nobody's bill
    eu = figure_records(
        "The European Union will direct around €115 million of its €1.8 billion annual "
        "humanitarian budget to Southeast Europe and the European Neighbourhood.\nWith almost "
        "300 million people estimated to need humanitarian assistance in 2024, the EU today "
        "announcedits initial annual humanitarian budget of more than €1.8 billion for this "
        "year.\n", date(2024, 2, 12))
    lede_budget = eu[1]
    assert (lede_budget["year"], lede_budget["year_source"], lede_budget["status"]) == (
        2024, "later sentence", "appropriated")
    merida = figure_records(
        "In October 2007, the United States and Mexico announced the Merida Initiative, a $1.4 "
        "billion counternarcotics and anticrime assistance package.")[0]
    assert merida["funder"] != "Government of Mexico"  # announcing a plan is not paying


def test_eighth_heldout_set() -> None:
    """Five Department of Defense releases and DOD News stories on security assistance to
    Ukraine, annotated before the extractor ran on them. First reading: year 0.62, status
    0.92, funder 0.38, kind 0.85 ("since the beginning of the Biden Administration" read as
    the White House paying, "This afternoon" not read as the release's date, a Presidential
    drawdown's authorization given to the Congress, a running total dated by "now", the
    speaker "Pentagon Press Secretary ... said" read as the payer). After: year 1.00,
    status 0.92, funder 1.00, kind 1.00."""
    held_as_floor("heldout8", year=0.95, year_type=0.95, status=0.85, funder=0.95, kind=0.95)


def test_a_state_budget_signed() -> None:
    """An eleventh reading, not committed (Associated Press via ABC7, 2013-06-27; EdSource,
    2016-06-29; MyMotherLode, 2008; quoted with acknowledgement): first year 0.07, status
    0.33, funder 0.00 (a state's budget, its fiscal years written "2016-17", "the coming
    fiscal year", its lawmakers read as the U.S. Congress); after 0.87, 0.60, 0.67."""
    from etl.__main__ import figure_records

    ap = ("Governor signs robust state budget with emphasis on education, health care\n\n"
          "The budget includes $96.3 billion in the state general fund.\n\nDeclining tax "
          "revenue during the recession had cut the general fund to as low as $87 billion "
          "just two years ago, requiring lawmakers to make deep spending cuts.\n\nThe budget "
          "for the coming fiscal year adopts a new funding formula for public schools.\n\n"
          "The budget allocates $2.1 billion to begin moving the state to a new formula. "
          "Overall, the budget boosts funding for the University of California.\n")
    general, low, formula = figure_records(ap, date(2013, 6, 27))
    assert (general["year"], general["year_type"], general["status"], general["funder"]) == (
        2014, "fiscal", "appropriated", "State of California")
    assert general["year_source"] == general["status_source"] == "document"
    assert (low["year"], low["status"], low["funder"]) == (2011, "reported",
                                                           "State of California")
    assert (formula["year"], formula["status"]) == (2014, "appropriated")
    named = figure_records("Gov. Jerry Brown on Monday signed the 2016-17 state budget of $171 "
                           "billion. That’s $3.5 billion more than the Legislature approved "
                           "last year.", date(2016, 6, 29))
    assert [(r["year"], r["year_type"]) for r in named] == [(2017, "fiscal")] * 2


def test_ninth_heldout_set() -> None:
    """Two CRS products on the FY2023 and FY2024 NDAA, annotated before the extractor ran on
    them. First reading: F1 0.90 ("$839.3 billion—$37 billion (4.6%) more" read as one
    falling range), year 0.85, status 0.31 (the act's name "Authorization Act" read as the
    stage of the request's parts), funder 0.62. After: F1 1.00, status 1.00, funder 0.94;
    year 0.75: a sentence dated "On July 14, 2022" now lends no year, and the bill's fiscal
    year is not in it."""
    held_as_floor("heldout9", year=0.7, year_type=0.7, status=0.9, funder=0.9)


def test_city_budget_ordinances() -> None:
    """From the city budget documents of the same reading (Richmond, Va.'s budget ordinance;
    Roanoke's recommended budget): a fiscal year "commencing July 1, 2023, and ending June
    30, 2024" is fiscal 2024; "the estimated revenue" is not the stage of what is
    appropriated from it; "an increase of $30.611 million or 9.4% over FY 2023" is compared
    with 2023, not of it."""
    from etl.__main__ import figure_records

    richmond = figure_records(
        "(b) The sum of [$948,923,789] $951,923,789 of the estimated revenue for the fiscal "
        "year commencing July 1, 2023, and ending June 30, 2024, be and is hereby "
        "appropriated.")
    assert [(r["year"], r["year_type"], r["status"]) for r in richmond] == [
        (2024, "fiscal", "appropriated")] * 2
    roanoke = figure_records(
        "The Division of Management and Budget is pleased to present the Recommended Budget "
        "for FY 2024. The General Fund budget includes revenues and expenditures totaling "
        "$355,400,000 which is an increase of $30.611 million or 9.4% over FY 2023.")
    assert [r["year"] for r in roanoke] == [2024, 2024]


def test_news_on_aid_to_mexico() -> None:
    """A thirteenth reading, not committed (McClatchy 2007-10-16, the Sun-Sentinel 2009-03-25,
    The Washington Post as The Boston Globe ran it 2009-04-25; quoted with acknowledgement):
    first year 0.43, status 0.29, funder 0.43; after 0.71, 0.57, 0.57. A plan's money is not
    dated by the day an official "said Tuesday"; "The U.S. portion of the package" is the
    U.S. government's share of a plan; "$700 million from Congress" is appropriated; a
    "three-year aid package" is a total over years."""
    from etl.__main__ import figure_records

    plan = figure_records(
        "WASHINGTON — An ambitious U.S.-Mexico counter-drug plan would involve several "
        "countries in Central America and more than $8 billion, with Mexico providing the "
        "bulk of the money, a Pentagon official said Tuesday.\n\nThe U.S. portion of the "
        "package is about $1.5 billion, though negotiators are working out the exact amount "
        "and the number of years it would cover.\n", date(2007, 10, 16))
    assert [r["year"] for r in plan] == [None, None]
    assert (plan[1]["status"], plan[1]["funder"]) == ("proposed", "United States government")
    funded = figure_records("The plan, to be funded with $700 million from Congress and some "
                            "reshuffling of existing funds, will bolster existing efforts.")[0]
    assert (funded["status"], funded["funder"]) == ("appropriated", "U.S. Congress")
    merida = figure_records("The proposal is being closely monitored by the State Department, "
                            "which administers the $1.4 billion Merida Initiative, a three-year "
                            "aid package to fight drug trafficking.")[0]
    assert (merida["kind"], merida["year"]) == ("cumulative", None)


def test_drawdowns_are_not_laws_but_statutes_still_are() -> None:
    """A Presidential drawdown's "authorization" is not the Congress's law (DOD News, in
    the eighth set); a statute's "authorized to be appropriated to the President" still
    is: the Congress pays, whoever spends."""
    from etl.__main__ import figure_records

    drawdown = figure_records("President Joe Biden has given DOD authorization for a drawdown "
                              "of up to $450 million to meet Ukraine's critical arms needs.")[0]
    assert (drawdown["status"], drawdown["funder"]) == ("authorized", "Department of Defense")
    statute = figure_records("There is authorized to be appropriated to the President "
                             "$50,000,000 for fiscal year 2010 to carry out this section.")[0]
    assert (statute["status"], statute["funder"], statute["year"]) == (
        "authorized", "U.S. Congress", 2010)


def test_tenth_heldout_set() -> None:
    """SIGAR's statement of 2013-04-18, annotated before the extractor ran on it. First
    reading: year 0.67 (a total "this request will bring ... to more than $20 billion" took
    the request's fiscal year), status 0.67, funder 0.33 ("State", an abbreviation the
    document defines as the Department of State, was unknown, so USAID alone was read as
    the requester). After: year 1.00, funder 1.00."""
    held_as_floor("heldout10", year=0.95, status=0.6, funder=0.95)


def test_budget_request_stories() -> None:
    """A fifteenth reading, not committed (Stars and Stripes and Defense Daily 2024-03-11,
    Defense News via Mashaher 2024-03-12, Reuters via Financetom 2025-06-25, Sputnik
    2024-03-07; 22 figures; quoted with acknowledgement): first year 0.68, status 0.55,
    funder 0.86; after 0.68, 0.86, 0.95."""
    from etl.__main__ import figure_records

    story = figure_records(
        "The Pentagon released its fiscal year 2025 funding request, officially beginning "
        "one of the most chaotic budget seasons in recent memory.\nThe top line for national "
        "defense is $895.2 billion, and the Pentagon’s share of that will be just under $850 "
        "billion.\n", date(2024, 3, 12))
    assert [(r["status"], r["status_source"]) for r in story] == [("requested", "document")] * 2
    below = figure_records(
        "The Pentagon on Monday detailed its $849.8 billion budget request for fiscal year "
        "2025, a figure that is about $10 billion below what the department had originally "
        "projected.", date(2024, 3, 11))
    assert [r["status"] for r in below] == ["requested", "requested"]
    plan = figure_records("The 2025 budget proposal came Monday as the White House rolled out "
                          "President Joe Biden’s proposed $7.3 trillion fiscal 2025 federal "
                          "spending plan.")[0]
    assert (plan["status"], plan["funder"], plan["year"]) == ("requested", "White House", 2025)
    asked = figure_records("The insiders claimed that Washington will request that Congress "
                           "approve $167.5 billion for procurement of weapons systems.")[0]
    assert (asked["status"], asked["funder"]) == ("requested", "United States government")
    stalled = figure_records("The White House reportedly considers tapping about $200 million "
                             "in Pentagon funding as its $61 billion funding package remains "
                             "stalled in Congress.")
    assert [r["status"] for r in stalled] == ["proposed", "proposed"]


def test_stage_cues_start_where_words_start() -> None:
    """The stage cues are tried only where a word starts (etl/extract/stages.py); on every
    sentence of the real-text sets they find exactly what trying every letter finds."""
    import re

    from etl.lexicon import STATUS_CUES, WEAK_STATUS_CUES
    from etl.segment import split_sentences

    sentences = [s.text for path in sorted(HERE.glob("*documents.jsonl"))
                 for doc in load(path.name) for s in split_sentences(doc["text"])]
    assert len(sentences) > 300
    for table in (STATUS_CUES, WEAK_STATUS_CUES):
        for status, cues in table.items():
            body = "(?:" + "|".join(cues) + ")"
            anywhere = re.compile(r"(?=\w)" + body, re.IGNORECASE)
            word_start = re.compile(r"(?<!\w)(?=\w)" + body, re.IGNORECASE)
            for s in sentences:
                assert [m.span() for m in anywhere.finditer(s)] == \
                    [m.span() for m in word_start.finditer(s)], (status, s)


def test_eleventh_heldout_set() -> None:
    """USDA news releases (2021, 2023), annotated before the extractor ran on them. First
    reading: year 0.80, year type 0.60, status 0.80, funder 0.70; after: 1.00, 1.00, 1.00,
    0.70 (tests/realtext/README.md)."""
    held_as_floor("heldout11", year=0.95, year_type=0.95, status=0.95, funder=0.65)


def test_datelines_date_their_items() -> None:
    """A page of several releases: each item's dateline dates its "today" (not the page's
    date, and not as an event's date), and a headline takes the dateline below it rather
    than a fiscal year the item before it named (USDA, in the eleventh set)."""
    from etl.__main__ import figure_records

    page = (
        "USDA Announces Cooperative Agreements for Compost and Food Waste Reduction\n\n"
        "WASHINGTON, March 16, 2023 – The U.S. Department of Agriculture (USDA) today "
        "announced the availability of up to $9.5 million for Compost and Food Waste "
        "Reduction (CFWR) pilot projects for fiscal year 2023.\n\n"
        "USDA Announces $29 Million to Increase American-Made Fertilizer Production\n\n"
        "ORLANDO, Fla., March 10, 2023 – U.S. Department of Agriculture (USDA) Secretary Tom "
        "Vilsack today announced that the Department received $3 billion in applications "
        "from more than 350 independent businesses.\n\n"
        "WASHINGTON, July 24, 2023 – The U.S. Department of Agriculture (USDA) announced "
        "today an investment of more than $33 million to support capacity-building efforts "
        "at 1890 Land-grant Universities.\n")
    rows = {r["text"]: r for r in figure_records(page, date(2023, 3, 20))}
    assert (rows["$9.5 million"]["year"], rows["$9.5 million"]["year_type"]) == (2023, "fiscal")
    headline = rows["$29 Million"]
    assert (headline["year"], headline["year_type"], headline["year_source"]) == (
        2023, "calendar", "next sentence")
    applications = rows["$3 billion"]
    assert (applications["status"], applications["year_type"]) == ("requested", "calendar")
    later = rows["$33 million"]
    assert (later["year"], later["year_type"], later["year_source"]) == (
        2023, "calendar", "sentence")
    assert "July 24, 2023" in later["year_text"]


def test_what_proposals_and_statutes_fund() -> None:
    """Money invested "in 100 project proposals" funds them (reported, not proposed); a
    statute's section that "authorizes the annual appropriation" sets a yearly rate that
    the Congress pays, whoever the sentence before named."""
    from etl.__main__ import figure_records

    invested = figure_records(
        "WASHINGTON, March 20, 2023 – Today, Agriculture Secretary Tom Vilsack announced that "
        "the U.S. Department of Agriculture’s Forest Service is investing $197 million in 100 "
        "project proposals benefiting 22 states and seven tribes.")[0]
    assert (invested["status"], invested["year"], invested["year_type"]) == (
        "reported", 2023, "calendar")
    section = figure_records(
        "FQPA requires USDA to establish a minor use grant program. New Section 32(b)(2) "
        "authorizes the annual appropriation of $10 million for the minor use grant "
        "program\n")[0]
    assert (section["status"], section["kind"], section["funder"]) == (
        "authorized", "rate", "U.S. Congress")


def test_a_budget_tabled_in_a_parliament() -> None:
    """An eighteenth reading, not committed (Switch TV and Radio Vuna, Kenya, on the budget
    of 2023/24, 24 figures; quoted with acknowledgement): first year 0.25, year type 0.21,
    status 0.12, funder 0.00; after 0.92, 1.00, 0.83, 0.92. "The financial year 2023/24" is
    fiscal 2024; a budget tabled or presented in a parliament is a request, its allocations
    too, and its year is the budget's; "the Treasury" of a story told in shillings is
    Kenya's; "the administration of justice" is no payer."""
    from etl.__main__ import figure_records

    story = (
        "The Kenya Kwanza administration led by President William Ruto has tabled its first "
        "budget for the financial year 2023/24. The Treasury Cabinet Secretary Njuguna "
        "Ndung’u presented the Ksh 3.68 trillion budget in parliament.\n"
        "Development projects have been allocated a sum of Ksh 718.9 billion which will be "
        "used for infrastructure.\n"
        "The Judiciary’s budget has been set at Ksh 22 billion and will be used to help in "
        "the administration of justice.\n")
    rows = {r["text"]: r for r in figure_records(story, date(2023, 6, 15))}
    for text in ("Ksh 3.68 trillion", "Ksh 718.9 billion", "Ksh 22 billion"):
        row = rows[text]
        assert (row["year"], row["year_type"], row["status"], row["funder"]) == (
            2024, "fiscal", "requested", "Government of Kenya"), text
    assert rows["Ksh 3.68 trillion"]["funder_text"] == "Treasury"
    assert rows["Ksh 718.9 billion"]["status_source"] == "document"


def test_a_budget_in_rupees() -> None:
    """A nineteenth reading, not committed (The Financial Express on India's interim budget
    of 2024, 12 figures; quoted with acknowledgement): first year 0.17, year type 0.08,
    status 0.25, funder 0.00; after 1.00, 1.00, 0.67, 1.00. Amounts in crore are read at
    their size; "2023-24 (BE)" is fiscal 2024; the newest year of a budget presented is
    the one requested, an older one keeps its stage; "the economic survey is estimated to
    be tabled" estimates no money; "The Budget" of a story in rupees is India's."""
    from etl.__main__ import figure_records

    story = ("Finance Minister Nirmala Sitharaman on February presented her sixth Budget in a "
             "row. Sitharaman will once again present the full Union Budget for FY25. The "
             "Budget is likely to be tabled on July 24 at 11 AM, and the economic survey is "
             "estimated to be tabled on July 23.\n"
             "-Under Mahatma Gandhi National Rural Employment Guarantee Scheme, Rs 60,000 "
             "crore was allocated in 2023-24 (BE) and it rose to Rs 86,000 crore in 2024-25 "
             "(BE).\n")
    rows = {r["text"]: r for r in figure_records(story)}
    before, after = rows["Rs 60,000 crore"], rows["Rs 86,000 crore"]
    assert (before["amount"], after["amount"]) == (6e11, 8.6e11)
    assert (before["year"], before["year_type"], before["status"]) == (2024, "fiscal",
                                                                       "appropriated")
    assert (after["year"], after["year_type"], after["status"]) == (2025, "fiscal",
                                                                    "requested")
    assert after["funder"] == "Government of India"


def test_twelfth_heldout_set() -> None:
    """UK public-sector releases (Scottish Government, DLUHC, DCMS, DESNZ via UKPOL; a
    Hansard written statement), Open Government and Open Parliament Licences, annotated
    before the extractor ran on them. First reading: year 0.82, year type 0.86, status
    0.86, funder 0.14; after: 0.91, 0.95, 0.91, 0.77 (tests/realtext/README.md)."""
    held_as_floor("heldout12", year=0.90, year_type=0.90, status=0.90, funder=0.75)


def test_bodies_no_list_names_pay_by_grammar() -> None:
    """Payers the lexicon does not know, read from how the sentence names them (heldout12's
    sentences): the subject of a paying verb, the owner of "support totalling", the body
    money comes "from"; "government funding" in pounds is the UK's; "in 2024-25" is one
    financial year; "could potentially save" estimates."""
    from etl.__main__ import figure_records

    def one(text: str) -> dict:
        (row,) = figure_records(text)
        return row

    assert one("A new package of Scottish Government support totalling over £2.9 million "
               "will focus on conservation.")["funder"] == "Scottish Government"
    assert one("The Levelling Up Fund has awarded £3.5 million to support a new transport "
               "hub in Porth, Rhondda Cynon Taf.")["funder"] == "Levelling Up Fund"
    rows = figure_records(
        "The Government have today announced they are investing £25 million in 2024-25, "
        "complemented with £5 million of additional investment from the Football "
        "Association, to create a new Lionesses Futures Fund.")
    assert [(r["funder"], r["year"], r["year_type"]) for r in rows] == [
        ("Government of the United Kingdom", 2025, "fiscal"),
        ("Football Association", 2025, "fiscal")]
    assert one("Perenna Bank will receive more than £193,000 in government funding to help "
               "develop their mortgage.")["funder"] == "Government of the United Kingdom"
    assert one("Retrofitted properties could potentially save more than £460 a year on "
               "bills.")["status"] == "estimated"
    # the recipient and a place stay what they were
    assert one("A further £200,000 will go to the Green Action Trust to help expand nature "
               "networks.")["funder"] is None
    assert one("The program funds activities in the United States at $5 million.")[
        "funder"] is None


def test_a_uk_budget_briefing() -> None:
    """A twenty-first reading, not committed (The King's Fund on the spring Budget 2024, the
    NHS Confederation on the Autumn Budget 2024 and the Spring Statement 2025; 15 figures
    in pounds; quoted with acknowledgement): first year 0.33, year type 0.27, status 0.13,
    funder 0.13; after 0.40, 0.47, 0.40, 0.53. "this year and next" is a span; "The
    2024/25 ... spend" is fiscal 2025; "a forecast £190.1 billion" is estimated; "the
    Chancellor" of a story in pounds is the UK's; the Autumn Budget's figures are asked of
    Parliament."""
    from datetime import date

    from etl.__main__ import figure_records

    story = ("Autumn Budget 2024: what you need to know\n\nSummary and analysis of the Autumn "
             "Budget and what it means for health and care.\n\n"
             "The Chancellor announced a £22 billion increase in total health and social care "
             "revenue and capital funding as part of a two-phased Spending Review.\n\n"
             "The health and social care capital budget will increase by 9.8 per cent and "
             "12.1 per cent (or £3.1 billion overall) this year and next.\n")
    rows = {r["text"]: r for r in figure_records(story, date(2024, 10, 30))}
    assert rows["£22 billion"]["funder"] == "Government of the United Kingdom"
    assert rows["£3.1 billion"]["year"] is None
    assert rows["£3.1 billion"]["status"] == "requested"
    (spend,) = figure_records("The 2024/25 health and social care revenue spend has "
                              "increased from a forecast £190.1 billion.")
    assert (spend["year"], spend["year_type"], spend["status"]) == (2025, "fiscal",
                                                                    "estimated")
    # a chancellor of dollars is not the UK's
    (campus,) = figure_records("The Chancellor announced $5 million for the new library.")
    assert campus["funder"] is None


def test_thirteenth_heldout_set() -> None:
    """Inspector General summaries, a CRS report, budget highlights and a budget amendment
    letter (U.S. government works), annotated before the extractor ran on them. First
    reading: year 0.75, year type 0.69, status 0.67, funder 0.40; after: 0.77, 0.81, 0.79,
    0.75 (tests/realtext/README.md)."""
    held_as_floor("heldout13", year=0.75, year_type=0.7, status=0.75, funder=0.7, kind=0.95)


def test_who_asks_in_a_budget_request() -> None:
    """Sentences of the thirteenth set (and of the defense news read in session 7): in a
    story of the President's request, the agency a figure is for is not its payer; an
    agency's own request stays its own; what a request "would provide" is requested; "the
    President's 2022 Budget supports" is a request; a continuing resolution is the
    Congress's law."""
    from etl.__main__ import figure_records

    letter = ("THE WHITE HOUSE WASHINGTON March 16, 2017\n\nDear Mr. Speaker:\n\nI ask the "
              "Congress to consider the enclosed appropriations request for Fiscal Year (FY) "
              "2017. The request includes an additional $30 billion for the Department of "
              "Defense (DOD) to rebuild the U.S. Armed Forces. This appropriations request "
              "would provide $24.9 billion in the DOD base budget for urgent warfighting "
              "readiness needs.\n")
    rows = figure_records(letter)
    assert [(r["year"], r["year_type"], r["status"], r["funder"]) for r in rows] == [
        (2017, "fiscal", "requested", "White House")] * 2
    crs = ("President Biden submitted his FY2024 budget request on March 9, 2023. DOE "
           "funding would rise by $4.126 billion (9%), to $52.571 billion, and independent "
           "agencies by $65 million (13%), to $559 million.\n")
    assert {r["funder"] for r in figure_records(crs)} == {"White House"}
    pentagon = ("The Pentagon on Monday sent Congress a nearly $850 billion budget request for "
                "fiscal 2025. The $849.8 billion proposed spending plan represents the largest "
                "dollar-figure ever sought by the Pentagon.\n")
    assert {r["funder"] for r in figure_records(pentagon)} == {"Department of Defense"}
    (ondcp,) = figure_records("In order to curb this epidemic, the President’s 2022 Budget "
                              "supports implementation of the Biden Administration’s Drug "
                              "Policy Priorities through a historic $41.0 billion investment.")
    assert (ondcp["status"], ondcp["year"]) == ("requested", 2022)
    increase, level = figure_records(
        "The President’s FY 2018 Budget Request supports $27.8 billion for drug control. This\n"
        "represents an increase of $279.7 million (1.0 percent) over the annualized "
        "Continuing Resolution\n(CR) level in FY 2017 of $27.5 billion.\n")[1:]
    # the year of the level compared with is not the increase's
    assert increase["year"] is None and level["year"] == 2017
    (naseo,) = figure_records("In contrast to the Administration’s position the U.S. House of "
                              "Representatives and U.S. Senate provided $55 million for SEP "
                              "in FY’19.")
    assert (naseo["year"], naseo["year_type"], naseo["status"], naseo["funder"]) == (
        2019, "fiscal", "appropriated", "U.S. Congress")


def test_who_pays_what_a_law_provides() -> None:
    """Sentences of the thirteenth set: the agencies that administer what a law provides
    do not pay it; the recipients of "to the Department of State (Department) and the U.S.
    Agency for International Development" do not either; a total since a date has no year;
    a part "of the $38 million" is obligated, the whole is not; a bare "the Department" names
    no payer; a wrapped "$897\\nmillion" is millions."""
    from etl.__main__ import figure_records

    law = ("President Biden signed the fifth supplemental appropriation for Ukraine into law "
           "on April 24, 2024. Enacted as part of a larger national security funding bill, "
           "this legislation provides nearly $60.78 billion for the U.S. Government’s Ukraine "
           "response, of which more than $48.43 billion will be administered by the DoD, "
           "nearly $11.62 billion by State and USAID, and approximately $0.73 billion by other "
           "U.S. Government agencies.\n")
    assert {r["funder"] for r in figure_records(law)} == {"U.S. Congress"}
    (total,) = figure_records(
        "(U) Since Russia’s full-scale invasion of Ukraine on February 24, 2022, Congress has "
        "appropriated a combined total of approximately $45.4 billion to the Department of "
        "State (Department) and the U.S. Agency for International Development (USAID) to aid "
        "Ukraine.")
    assert (total["year"], total["kind"], total["funder"]) == (None, "cumulative",
                                                               "U.S. Congress")
    part, whole = figure_records(
        "The Department allocated the funds to 11 principal offices and as of February 1, "
        "2022, these principal offices have obligated or committed approximately $19.4 "
        "million (51 percent) of the $38 million in total pandemic assistance program "
        "administration funds.")
    assert part["status"] == "obligated" and whole["status"] != "obligated"
    assert part["funder"] is None and whole["funder"] is None
    wrapped = figure_records("USACE would be reduced by $897\nmillion (-11%), to $7.413 "
                             "billion.")
    assert [r["amount"] for r in wrapped] == [897e6, 7.413e9]


def test_dollars_of_canada_and_australia() -> None:
    """A story about Canada or Australia (and not the United States) writes its own dollars
    "$": the currency is that country's, from the document, with the words that say so; "The
    Canadian government will give" and "the Manitoba government is contributing" name their
    payers. Sentences of Radio Canada International's funding digest, a Natural Resources
    Canada release and an Australian accountant's budget summary (read, not committed)."""
    from etl.__main__ import figure_records

    rci = ("Beef producers get government help following China ban\n\nThe Canadian government "
           "will give $8.3 million to help the beef industry develop international markets.\n")
    (beef,) = figure_records(rci)
    assert (beef["currency"], beef["currency_source"], beef["currency_text"]) == (
        "CAD", "document", "Canadian")
    assert beef["funder"] == "Government of Canada"
    (manitoba,) = figure_records("Including funds from Efficiency Manitoba, the Manitoba "
                                 "government is contributing up to $2.6 million toward the "
                                 "co-delivery of the OHPA program.")
    assert manitoba["funder"] == "Government of Manitoba"
    assert manitoba["currency"] == "USD"  # no country named: nothing says whose dollars
    budget = ("The 2023-24 Budget Snapshot\n\nThe 2023\u201124 Budget plans to deal with "
              "immediate challenges faced by Australians.\n\nHousing\n\n  \u2022 A $2 billion "
              "increase towards the National Housing Finance and Investment Corporation.\n")
    (housing,) = figure_records(budget)
    assert (housing["currency"], housing["year"], housing["year_type"], housing["status"],
            housing["funder"]) == ("AUD", 2024, "fiscal", "requested",
                                   "Government of Australia")
    # the United States named: "$" stays U.S. dollars
    (us,) = figure_records("Canada and the United States will spend $5 million on the border.")
    assert us["currency"] == "USD" and us["currency_source"] == "sentence"


def test_fourteenth_heldout_set() -> None:
    """GAO products and a NOAA funding notice (U.S. government works), annotated before the
    extractor ran on them. First reading: year 0.58, year type 0.58, status 0.38, funder
    0.42; after: 0.92, 0.92, 0.92, 0.79 (tests/realtext/README.md)."""
    held_as_floor("heldout14", year=0.9, year_type=0.9, status=0.9, funder=0.7, kind=0.9)


def test_obligations_against_appropriations() -> None:
    """Sentences of the fourteenth set: in "had obligated $X of its $Y in appropriated
    funds" the part is obligated by the agency and the whole appropriated by the Congress;
    the next numbered item's subject and year are not this one's; "Of the $9.1 billion ...,
    about a third ... were obligated" does not make the whole obligated; "at the request of
    Members of Congress" is no budget request; what Congress "has provided DOD with" is the
    Congress's; "annual obligations ... $0.2 billion in fiscal year 2001" is that year's."""
    from etl.__main__ import figure_records

    rows = figure_records(
        "In response to a congressional request, GAO provided information on whether selected "
        "executive agencies planned to spend the full amount of appropriated funds designated "
        "for specific projects.\n\nGAO found that: (2) USDA had obligated $35.7 million of "
        "its $143.1 million in appropriated funds; (5) Commerce had obligated $21.1 million "
        "of its $71.8 million in appropriated funds; (6) the Army planned to obligate funds "
        "for all the items with the exception of a system that had no authorized funds for "
        "fiscal year 1988.")
    assert [(r["status"], r["funder"], r["year"]) for r in rows] == [
        ("obligated", "Department of Agriculture", None), ("appropriated", "U.S. Congress", None),
        ("obligated", None, None), ("appropriated", "U.S. Congress", None)]
    (whole,) = figure_records(
        "Of the $9.1 billion in total funds for these provisions, about a third of the funds "
        "were obligated, and almost 2 percent were outlayed.")
    assert whole["status"] not in {"obligated", "disbursed"}
    (designated,) = figure_records(
        "The Consolidated Appropriations Acts, 2022 and 2023, and accompanying joint "
        "explanatory statements, together designated $24.4 billion for 12,196 provisions at "
        "the request of Members of Congress.")
    assert (designated["status"], designated["funder"], designated["year"],
            designated["kind"]) == ("appropriated", "U.S. Congress", None, "cumulative")
    gwot = figure_records(
        "DOD's reported annual obligations for GWOT have shown a steady increase from about "
        "$0.2 billion in fiscal year 2001 to about $139.8 billion in fiscal year 2007. To "
        "continue GWOT operations, the President requested $189.3 billion in appropriations "
        "for DOD in fiscal year 2008. Through December 2007, Congress has provided DOD with "
        "about $86.8 billion of this request, including $16.8 billion for Mine Resistant "
        "Ambush Protected vehicles.")
    assert [(r["year"], r["status"], r["funder"], r["kind"]) for r in gwot] == [
        (2001, "obligated", "Department of Defense", "amount"),
        (2007, "obligated", "Department of Defense", "amount"),
        (2008, "requested", "White House", "amount"),
        (2008, "appropriated", "U.S. Congress", "amount"),
        (2008, "appropriated", "U.S. Congress", "amount")]


def test_chambers_signatures_and_negations() -> None:
    """Sentences of a twenty-fifth reading, not committed (Hispanic Link 2008 and Justice in
    Mexico 2009 on the Merida Initiative, a syndicated column and a Q&A page on funding
    notices; 18 figures; first year 0.89, status 0.33, funder 0.83; after 1.00, 0.67, 0.83):
    a funding bill the President signed is law; "the House of Representatives approved" and
    "the Senate only approved" pass one chamber; "has not yet been appropriated" is no
    stage; "between now and 2026" is a span."""
    from etl.__main__ import figure_records

    signed = figure_records("WASHINGTON, D.C.- President Bush signed June 30 a $162 billion "
                            "war funding bill that included $465 million to fund the Merida "
                            "Initiative.")
    assert [(r["status"], r["funder"]) for r in signed] == [("appropriated",
                                                             "U.S. Congress")] * 2
    house, senate = figure_records(
        "On May 15, the House of Representatives approved an additional $470 million as part "
        "of a supplemental spending bill. For its part, the Senate only approved $66 million "
        "to supply Mexico with two additional Blackhawk helicopters promised by Pres. Obama.")
    assert house["status"] == senate["status"] == "passed_chamber"
    (faq,) = figure_records("Funding has not yet been appropriated beyond the first project "
                            "year. The approximate amount of funding for the 5-year project "
                            "period is $900 million.")
    assert faq["status"] != "appropriated"
    (span,) = figure_records("This program has $1.44 billion to allocate between now and "
                             "2026.")
    assert (span["year"], span["kind"]) == (None, "cumulative")


def test_fifteenth_heldout_set() -> None:
    """Members' press releases on the FY2024 appropriations and DoD contract announcements
    (U.S. government works), annotated before the extractor ran on them. First reading:
    year 0.85, year type 0.85, status 0.15, funder 0.90; after: 0.90, 0.90, 0.85, 0.90
    (tests/realtext/README.md)."""
    held_as_floor("heldout15", year=0.85, year_type=0.85, status=0.8, funder=0.85, kind=0.85)


def test_the_stage_a_bill_reached() -> None:
    """Sentences of the fifteenth set and of a twenty-seventh reading, not committed
    (Aviation Week on the CARES Act, Anadolu on the EU's 2024 humanitarian budget; 11
    figures; first status 0.09, funder 0.09; after 0.55, 1.00): what a Member "secured" is
    at the stage the bill reached; a story of a bill signed into law or sent to the
    President's desk makes "this legislation includes", "The law also provides" and a
    named "... Act" appropriated, by the Congress; a cue right before a later figure is
    that figure's; "this year's Senate appropriations bills" are the fiscal year the release
    names; "has been awarded" obligates."""
    from datetime import date

    from etl.__main__ import figure_records

    (fetterman,) = figure_records(
        "WASHINGTON, DC – Pennsylvania U.S. Senator John Fetterman secured over $40 million in "
        "funding for Pennsylvania after the U.S. Senate passed its first bipartisan FY24 "
        "appropriations bill this afternoon.")
    assert (fetterman["status"], fetterman["year"]) == ("passed_chamber", 2024)
    bennet = figure_records(
        "Today, Colorado U.S. Senator Michael Bennet announced that he secured nearly $74 "
        "million for 78 Colorado projects through the congressionally directed spending (CDS) "
        "process in the Fiscal Year 2024 (FY24) Senate appropriations bills. In total, this "
        "year’s Senate appropriations bills included $79.3 million in funding for projects "
        "across the state. These bills have been approved by the Senate Appropriations "
        "Committee.\n", date(2023, 8, 7))
    assert [(r["status"], r["year"], r["year_type"]) for r in bennet] == [
        ("proposed", 2024, "fiscal")] * 2
    kaine = figure_records(
        "WASHINGTON, D.C. – Today, U.S. Senators Mark R. Warner and Tim Kaine applauded "
        "congressional passage of legislation to avert a partial government shutdown and fund "
        "key of the government for Fiscal Year 2024. This legislation funds major priorities "
        "across several federal departments. Specifically, this legislation includes more "
        "than $467.5 billion in federal funding.\n")
    assert [(r["status"], r["funder"]) for r in kaine] == [("appropriated", "U.S. Congress")]
    cares = figure_records(
        "President Donald Trump signed a $2.2 trillion stimulus bill into law March 27. In "
        "addition to giving businesses numerous incentives to retain employees, the act offers "
        "$17 billion in loans and loan guarantees to national security contractors such as "
        "Boeing, which had appealed to Congress for $60 billion in relief for itself and its "
        "suppliers.\n\nThe law also provides $10.5 billion in new defense spending.\n")
    assert [(r["status"], r["funder"]) for r in cares] == [
        ("appropriated", "U.S. Congress"), ("appropriated", "U.S. Congress"),
        ("requested", None), ("appropriated", "U.S. Congress")]
    (award,) = figure_records("US Foods, Los Angeles, California, has been awarded a maximum "
                              "$525,250,000 firm-fixed-price contract for full-line food "
                              "distribution.")
    assert award["status"] == "obligated"


def test_sixteenth_heldout_set() -> None:
    """The White House's FY17 request for Colombia (a U.S. government work), annotated
    before the extractor ran on it: first status 0.29, funder 0.29; after 0.43, 0.57
    (tests/realtext/README.md). Held above its floors."""
    held_as_floor("heldout16", year=0.85, status=0.4, funder=0.55)


def test_restated_and_remaining_figures() -> None:
    """Sentences of a twenty-eighth reading, not committed (an analyst's blog on the 2017
    Colombia appropriation, HNGN and InSight Crime on the $750 million for Central America
    in 2015, DISRN on aid reinstated in 2019, a 2005 page of the Center for International
    Policy; first year type 0.48, status 0.38, funder 0.62; after 0.76, 0.55, 0.69): "The
    $750 million" restated takes the stage said before; "The remaining $59.3 million" is
    the rest of the request; a bill "approved ... by the House of Representatives ... and
    by the Senate" is law, and its "line item" appropriated; a year lent from a sentence
    about a request is the fiscal year the document names ("the 2017 budget bill")."""
    from etl.__main__ import figure_records

    restated = figure_records(
        "Congress approved a new budget last week that will allocate a package of $750 "
        "million to Central America.\n\nThe $750 million is the largest aid allocation in the "
        "U.S.'s 2016 budget, but the funding comes with some conditions.\n")
    assert [r["status"] for r in restated] == ["appropriated", "appropriated"]
    request = figure_records(
        "The FY17 Budget Request includes $449.6 million for Colombia programming, of which "
        "$391.3 million is for bilateral assistance through State and USAID. The remaining "
        "$59.3 million is for other Function 150 programming and DOD’s counternarcotics "
        "program.\n")
    assert [(r["status"], r["funder"]) for r in request] == [("requested", "White House")] * 3
    items = figure_records(
        "The bill was approved on December 18, 2015, by the House of Representatives with 316 "
        "votes to 113, and by the Senate with 65 votes to 33.\n\nAmong the few details given "
        "about where the aid would go was a line item for $4 million for forensic "
        "technology.\n")
    assert [(r["status"], r["funder"]) for r in items] == [("appropriated", "U.S. Congress")]
    (lent,) = figure_records(
        "The table comes from the explanatory statement for the 2017 budget bill. Congress did "
        "not change the White House’s “Peace Colombia” request for Colombia in 2017. It is "
        "probably a majority non-military package, depending on how you count the $21 million "
        "for de-mining.\n")
    assert (lent["year"], lent["year_type"]) == (2017, "fiscal")


def test_seventeenth_heldout_set() -> None:
    """The House Appropriations Democrats on the draft FY2026 State bill and the FY2026
    budget's State table (U.S. government works): first year type 0.83, status 0.67;
    after 1.00, 0.83 (tests/realtext/README.md)."""
    held_as_floor("heldout17", year=0.95, year_type=0.95, status=0.8, funder=0.8)


def test_what_a_request_totals() -> None:
    """Sentences of the seventeenth set and of a twenty-ninth reading, not committed (the
    U.S. Global Leadership Coalition on the FY26 request and agreement, news after POLITICO;
    first status 0.12, after 0.38): "the request totals $9.4 billion" is the request's (a
    verb, not "the requested totals"); "The Budget increases the U.S. International DFC.
    This investment includes $3 billion" is requested; "Republican 2026 State, Foreign
    Operations Funding Bill" names fiscal 2026."""
    from etl.__main__ import figure_records

    (total,) = figure_records("Taken together, the request totals $9.4 billion.")
    assert total["status"] == "requested"
    table = figure_records(
        "Review of the FY26 Department of State Budget Request\n\nDevelopment Finance "
        "Corporation +2,820 The Budget increases the U.S. International DFC. This investment "
        "includes $3 billion for a new revolving fund.\n")
    assert [(r["status"], r["funder"], r["year"]) for r in table] == [
        ("requested", "White House", 2026)]
    (bill,) = figure_records("Republican 2026 State, Foreign Operations Funding Bill Harms "
                             "Women and Includes a $1.7 Billion Slush Fund")
    assert (bill["year"], bill["year_type"]) == (2026, "fiscal")


def test_the_country_that_announces() -> None:
    """Sentences of a thirty-first reading, not committed (AP, CBS and two other stories on
    military aid to Taiwan, 2023-2024; 9 figures; first funder 0.44, kind 0.89; after 0.78,
    1.00): "The U.S. has announced a new $345 million military aid package" names the U.S.
    government as payer (any paying verb, "announced" too); "$3 billion in yearly military
    funding under the 2023 National Defense Authorization Act" is a yearly rate the Congress
    authorizes."""
    from etl.__main__ import figure_records

    (ap,) = figure_records("WASHINGTON (AP) — The U.S. has announced a new $345 million "
                           "military aid package for Taiwan.")
    assert ap["funder"] == "United States government"
    ndaa = figure_records(
        "As part of the Presidential Drawdown Authority, the Defense Department will transfer "
        "weapons and ammunition to Taiwan.\n\nTaiwan will get $3 billion in yearly military "
        "funding under the 2023 National Defense Authorization Act.\n")
    assert [(r["status"], r["funder"], r["kind"]) for r in ndaa] == [
        ("authorized", "U.S. Congress", "rate")]


def test_the_bullets_of_a_budget_story() -> None:
    """The twenty-first reading's King's Fund briefing (not committed; quoted with
    acknowledgement): in a story of the spring Budget, the bullet points of its "Key
    announcements" are the Budget's, requested, and so is what "the Chancellor announced"
    (status on that reading 0.40, now 0.87)."""
    from etl.__main__ import figure_records

    rows = figure_records(
        "Spring Budget 2024: what does it mean for health and care services?\n\nIn this blog, "
        "we recap the key health and care spending announcements from the spring Budget 2024."
        "\n\nKey announcements\n\n  • £45 million of additional funding for medical research "
        "charities in the life sciences sector\n")
    assert [(r["status"], r["status_source"]) for r in rows] == [("requested", "document")]


def test_eighteenth_heldout_set() -> None:
    """Plan Colombia in a State Department fact sheet (2001) and the USIS Washington File
    (2000), U.S. government works: first status 0.55, funder 0.55; after 0.75, 0.75
    (tests/realtext/README.md). Its years are no better than leaving them empty (0.50, the
    baseline: the year of money enacted on the document's own date is not read), so only
    stage and payer are held above floors here; the year is reported."""
    score = score_documents(load("heldout18_documents.jsonl"), load("heldout18_gold.jsonl"))
    print("\n" + score.report())
    assert score.f1 >= 0.97
    assert score.accuracy("year") >= score.baseline("year")
    for attribute, floor in (("status", 0.7), ("funder", 0.65)):
        assert score.accuracy(attribute) >= floor, attribute
        assert score.accuracy(attribute) > score.baseline(attribute), attribute


def test_pledges_calls_and_foreign_armies() -> None:
    """Sentences of the eighteenth set: "$4 billion of Colombian resources" is Colombia's;
    "called on the international community to provide the remaining $3.5 billion" asks;
    "the Colombian Army" is not the U.S. Army; "As passed by both the House and Senate"."""
    from etl.__main__ import figure_records

    pledge, ask = figure_records(
        "President Pastrana has pledged $4 billion of Colombian resources and has called on "
        "the international community to provide the remaining $3.5 billion to assist this "
        "effort.")
    assert (pledge["status"], pledge["funder"]) == ("proposed", "Government of Colombia")
    assert ask["status"] == "requested"
    (helicopters,) = figure_records(
        "About $315 million will go to 18 Blackhawk helicopters -- 30 for the Colombian Army "
        "and 12 for the Colombian National Police.")
    assert helicopters["funder"] != "Department of Defense"
    (passed,) = figure_records("As passed by both the House and Senate, the spending will "
                               "include $1,018 million for Plan Colombia.")
    assert passed["status"] == "appropriated"


def test_bills_signed_and_to_be_signed() -> None:
    """Sentences of a thirty-third reading, not committed (NBC on the March 2022 omnibus,
    Reuters on the April 2024 aid bills, Scripps, EIR and Foreign Policy's World Brief; 21
    figures; first status 0.48, after 0.76): what the Senate passed of a bill the President
    "is expected to sign ... into law" is law; a bill that "can be sent to President Joe
    Biden to be signed into law" is not yet (the AP's "Senate locks in Ukraine funds", read
    in session 2); what the EU "debated" is proposed."""
    from datetime import date

    from etl.__main__ import figure_records

    nbc = figure_records(
        "President Joe Biden is expected to sign the measure into law before government "
        "funding expires Friday night.\n\nThe Senate passed a massive $1.5 trillion spending "
        "bill Thursday that would prevent a government shutdown and provide $13.6 billion in "
        "emergency aid for Ukraine.\n", date(2022, 3, 10))
    assert [r["status"] for r in nbc] == ["appropriated", "appropriated"]
    ap = figure_records(
        "Ukraine will receive $44.9 billion in aid as part of the massive $1.7 trillion "
        "government spending bill. Passed by the Senate with a vote of 68-29, the bill now goes "
        "to the House for a final vote before it can be sent to President Joe Biden to be "
        "signed into law.\n", date(2022, 12, 22))
    assert [r["status"] for r in ap] == ["passed_chamber", "passed_chamber"]
    (eu,) = figure_records("Members of the European Union this week debated a $20 billion "
                           "aid package.")
    assert eu["status"] == "proposed"


def test_a_lenders_commitment() -> None:
    """Sentences of a thirty-fourth reading, not committed (Reuters, Scaling Up Nutrition,
    Prothom Alo and Business Recorder on World Bank loans; 15 figures; first status 0.00,
    after 0.80): a lender's board approving loans, a loan it "agreed to provide" or "will
    extend", commits the money (obligated), the World Bank paying."""
    from etl.__main__ import figure_records

    rows = figure_records(
        "MANILA (Reuters) – The World Bank said on Saturday its board of executive directors "
        "has approved $1.25 billion in loans for the Philippines’ education and public "
        "infrastructure sectors.\n\nIn a statement, the World Bank said it will extend a $500 "
        "million loan for a Philippine project.\n")
    assert [(r["status"], r["funder"]) for r in rows] == [("obligated", "World Bank")] * 2
    (agreed,) = figure_records("The World Bank (WB) has agreed to provide a loan of 2.25 "
                               "billion US dollars to Bangladesh for five development "
                               "projects.")
    assert agreed["status"] == "obligated"


def test_a_humanitarian_appeal() -> None:
    """Sentences of a thirty-fifth reading, not committed (APA after OCHA, UN News as the UN
    in Denmark ran it, OCHA's January 2024 update, on the 2024 global appeal; 14 figures;
    first status 0.07, payer 0.50; after 0.93, 0.86): an appeal "calling for" money, and
    what a region "requires", are requested, for the calendar year named, and the UN that
    appeals pays none of it."""
    from datetime import date

    from etl.__main__ import figure_records

    (appeal,) = figure_records(
        "On behalf of more than 1,900 humanitarian partners worldwide, the United Nations "
        "today launched its global appeal for 2024, calling for US$46.4 billion to help 180.5 "
        "million people with life-saving assistance and protection.", date(2023, 12, 11))
    assert (appeal["status"], appeal["funder"], appeal["year"], appeal["year_type"]) == (
        "requested", None, 2024, "calendar")
    regions = figure_records(
        "The Middle East and North African region requires $13.9 billion, the largest total "
        "for any region in 2024. Asia and the Pacific will require $5.5 billion, Eastern "
        "Europe $4.1 billion.")
    assert [r["status"] for r in regions] == ["requested"] * 3


def test_a_state_budget_bill() -> None:
    """Sentences of a thirty-sixth reading, not committed (The Mercury News 2015, Courthouse
    News 2017 and Fox News 2011 on California's budgets; 12 figures; first status 0.42,
    payer 0.42; after 0.75, 1.00): in a state's story "The bill" is the state's, not the
    U.S. Congress; the "spending plan" the governor signed makes the bill's figures
    appropriated; "The budget also dedicates $711 million" of a signed budget is its money."""
    from datetime import date

    from etl.__main__ import figure_records

    rows = figure_records(
        "California Governor Signs State Budget\n\nSACRAMENTO, Calif. (CN) – Gov. Jerry Brown "
        "on Tuesday signed a $183-billion spending plan.\n\nBrown approved the Golden State’s "
        "largest-ever spending plan without making any vetoes to the budget bill sent to him by "
        "lawmakers on June 16. The bill accelerates nearly $3 billion in infrastructure "
        "spending.\n\nThe budget also dedicates $711 million to Medi-Cal.\n", date(2017, 6, 27))
    assert [(r["status"], r["funder"]) for r in rows] == [
        ("appropriated", "State of California")] * 3


def test_grant_aid_by_exchange_of_notes() -> None:
    """Sentences of a thirty-seventh reading, not committed (Japanese grant aid as the
    Kaselehlie Press, the Maldives High Commission, Japan's embassy in Fiji and the Cambodia
    News Gazette told it; 9 figures; first amount F1 0.71 with every attribute 0.00; after
    F1 1.00, status 1.00, payer 0.67): a grant by exchange of notes is obligated; "the
    Government of Japan shall extend" and "Japanese Grant Aid" name Japan as payer; "This
    ... Grant Aid" refers back to the notes signed."""
    from etl.__main__ import figure_records

    (maldives,) = [r for r in figure_records(
        "Under the terms of the Exchange of Notes the Government of Japan shall extend to the "
        "Government of Maldives, a grant of two hundred and fifty million Japanese Yen.")]
    assert (maldives["status"], maldives["funder"], maldives["currency"]) == (
        "obligated", "Government of Japan", "JPY")
    nauru = figure_records(
        "On 26 March, 2020, H.E. Mr. OMURA Masahiro, Ambassador of Japan, and H.E. Mr. Michael "
        "Aroi, Nauru High Commissioner to Fiji, signed and exchanged notes to formalize the "
        "Grant Aid for Nauru.\nThis 200 million JPY (App. 3 million AUD) Grant Aid will support "
        "the procurement of land rehabilitation equipment.\n")
    assert [r["status"] for r in nauru] == ["obligated", "obligated"]


def test_nineteenth_heldout_set() -> None:
    """Four European Commission texts (two press releases of 2003 on Iraq, DG ECHO's
    allocation for Iraq of 2013, the EU Aid Volunteers news page of 2021; reusable with
    acknowledgement), 16 figures annotated before the extractor ran on them. First reading
    (tests/realtext/README.md): year 0.88, year type 0.69, status 0.50, funder 0.38."""
    score = score_documents(load("heldout19_documents.jsonl"), load("heldout19_gold.jsonl"))
    print("\n" + score.report())
    assert score.f1 >= 0.97
    for attribute, floor in (("year", 0.8), ("year_type", 0.85), ("status", 0.85),
                             ("funder", 0.85)):
        assert score.accuracy(attribute) >= floor, attribute
        assert score.accuracy(attribute) > score.baseline(attribute), attribute


def test_the_commissions_allocations_and_their_parts() -> None:
    """Sentences of the nineteenth set: the Commission's short forms where a document names
    it ("Commission sets aside", "the Commissioner announced"), "EC" and "ECHO"; an
    allocation and money set aside are appropriated; decisions "being prepared" propose,
    and "One of these decisions (€3 million)" takes their stage; a euro budget's year is a
    calendar year; an "emergency budget reserve" is no Chancellor's emergency Budget."""
    from etl.__main__ import figure_records

    head, body = figure_records(
        "Conflict in Iraq: Commission sets aside EUR 21 million of humanitarian funding for "
        "possible victims\n\nBrussels, 20 March 2003 - Poul Nielson, the European "
        "Commissioner for Development and Humanitarian Aid has announced an initial "
        "allocation of €21 million in humanitarian aid.\n", date(2003, 3, 20))
    assert (head["status"], head["funder"]) == ("appropriated", "European Commission")
    assert (body["status"], body["funder"]) == ("reported", "European Commission")
    allocated, earmarked, one, second = figure_records(
        "The aid consists of re-directing €15 million already allocated for Iraq in ECHO's "
        "2003 budget plus €6 million earmarked in two fast-track decisions currently being "
        "prepared. One of these decisions (€3 million) will support emergency relief work "
        "while the second one (also €3 million) focuses on refugees.\n", date(2003, 3, 20))
    assert (allocated["status"], allocated["year"], allocated["year_type"],
            allocated["funder"]) == ("appropriated", 2003, "calendar", "European Commission")
    assert earmarked["status"] == "proposed"
    assert one["status"] == second["status"] == "proposed"
    assert one["status_source"] == "previous sentence"
    requested, before, total = figure_records(
        "In this regard, the Commission decided to make an immediate request to the budgetary "
        "authority to release €79 million from the emergency budget reserve. Combined with "
        "the €21 million announced previously, the immediate response of the Commission now "
        "totals €100 million.\n")
    assert requested["status"] == "requested"
    assert before["status"] == total["status"] == "reported"
    (grant,) = figure_records("The EC has announced an initial grant of €21 million in "
                              "humanitarian aid.\n", date(2003, 3, 24))
    assert grant["funder"] == "European Commission"
    # a sum "for a period of 24 months" takes no single year from the sentence before
    spread, = figure_records("The Commission adopted its humanitarian plan for 2013. It "
                             "allocates €5 million for a period of 24 months.\n")
    one_year, = figure_records("The Commission adopted its humanitarian plan for 2013. It "
                               "allocates €5 million for the year.\n")
    assert (spread["year"], one_year["year"]) == (None, 2013)


def test_twentieth_heldout_set() -> None:
    """Eight releases of the governments of Australia, Canada and New Zealand (ministers'
    media releases via ReliefWeb and Scoop, DFAT's annual report, Global Affairs Canada),
    23 figures annotated before the extractor ran on them. First reading
    (tests/realtext/README.md): year 1.00, status 0.87, funder 0.52 (New Zealand paying
    was not read, "the UN's Sustainable Development Goals" made the UN the next sentence's
    payer, money "to the United Nations Consolidated Appeal for Afghanistan" was read as
    requested)."""
    held_as_floor("heldout20", year=0.9, status=0.9, funder=0.9, kind=0.9)


def test_other_governments_pay_and_the_places_money_goes() -> None:
    """Sentences of the twentieth set's reading: another country's government by its own
    name and its ministers; a list after "to" receives; an appeal by its name is where
    money goes; a count's "estimated" is not a stage; "in all four countries" is no total;
    a conversion in brackets has its figure's kind."""
    from etl.__main__ import figure_records

    (aus,) = figure_records("The Australian Government has announced $11 million in "
                            "humanitarian aid for civilians in Gaza.", None)
    assert (aus["funder"], aus["recipient"]) == ("Government of Australia", None)
    nz = figure_records(
        "To help meet these needs, New Zealand is providing $1 million to the World Food "
        "Programme, and half a million dollars each to the Red Cross, the UN High "
        "Commission for Refugees (UNHCR) and the UN's children's agency, UNICEF.", None)
    assert [r["funder"] for r in nz] == ["Government of New Zealand"] * 2
    (appeal,) = figure_records(
        "Prime Minister Helen Clark announced today that New Zealand will contribute $1 "
        "million to the United Nations Consolidated Appeal for Afghanistan.", None)
    assert (appeal["status"], appeal["funder"]) == ("reported", "Government of New Zealand")
    (asked,) = figure_records("The UN issued an appeal for $4.4 billion.", None)
    assert asked["status"] == "requested"
    (goal,) = figure_records(
        "It is a chance to highlight ways to advance the UN's Sustainable Development Goals. "
        "Global Affairs Canada today announced a total of $23.4 million in funding.", None)
    assert goal["funder"] == "Government of Canada"
    people = figure_records(
        "The number of people in need has surged from 1 million to an estimated 14.4 "
        "million.\nThe package of support builds on $480 million provided since 2017.", None)
    assert [r["status"] for r in people] == ["reported"]
    (four,) = figure_records("In 2016, Canada provided over $100 million in humanitarian "
                             "assistance to people in all four countries.", None)
    assert (four["kind"], four["year"]) == ("amount", 2016)
    nzd, usd = figure_records(
        "This brought New Zealand's total contribution so far to 10 million NZ dollars "
        "(six million U.S. dollars).", None)
    assert (nzd["currency"], nzd["kind"], usd["kind"]) == ("NZD", "cumulative", "cumulative")


def test_twenty_first_heldout_set() -> None:
    """Five EPA press releases on grants (as blogs reposted them) and a CRS In Focus on
    PEPFAR (as HeinOnline's raw text shows it), 21 figures annotated before the extractor
    ran on them. First reading (tests/realtext/README.md): year 0.62, status 0.81, funder
    0.76, kind 0.81 ("EPA is seeking applications" and "The Request for Application" read
    as requests, "President Biden's ... Agenda" as the payer, "The Bipartisan
    Infrastructure Law provides $98 million" as no stage, a total "between FY2004 and
    FY2008" and what "has spent" to date as amounts of one year)."""
    held_as_floor("heldout21", year=0.85, status=0.9, funder=0.85, kind=0.95)


def test_a_footnote_number_ends_its_sentence() -> None:
    """Fact sheets and reports print a footnote's number right after the full stop
    (KFF's PEPFAR fact sheet: "... for the Global Fund).2 The President requested"); the
    next sentence's year and requester are not the figures' before it."""
    from etl.__main__ import figure_records

    text = ("U.S. funding for PEPFAR grew from $1.9 billion in FY 2004 to $6.9 billion in FY "
            "2023; FY 2023 funding includes $4.8 billion provided for bilateral HIV efforts "
            "and $2.05 billion for multilateral efforts ($50 million for UNAIDS and $2.0 "
            "billion for the Global Fund).2 The President requested $6.8 billion for PEPFAR "
            "in FY 2024.")
    got = [(r["text"], r["year"], r["status"], r["funder"]) for r in figure_records(text)]
    assert got[2:6] == [(t, 2023, "reported", "United States government") for t in
                        ("$4.8 billion", "$2.05 billion", "$50 million", "$2.0 billion")]
    assert got[6] == ("$6.8 billion", 2024, "requested", "White House")


def test_the_parts_of_a_total_over_years_are_totals() -> None:
    """A total over time, and the parts it includes, have no single year (KFF on the
    Lantos-Hyde Act; CRS's "has spent nearly $57 billion ..., including more than $10
    billion on the Global Fund")."""
    from etl.__main__ import figure_records

    text = ("In 2008, PEPFAR was reauthorized for an additional 5 years (FY 2009-FY 2013) at "
            "up to $48 billion, including $39 billion for HIV and the Global Fund, $4 billion "
            "for TB, and $5 billion for malaria. It was first proposed in 2003. The United "
            "States has spent nearly $57 billion on fighting HIV/AIDS worldwide through "
            "PEPFAR, including more than $10 billion on the Global Fund.")
    got = [(r["text"], r["year"], r["kind"]) for r in figure_records(text)]
    assert got == [(t, None, "cumulative") for t in ("$48 billion", "$39 billion", "$4 billion",
                                                    "$5 billion", "$57 billion", "$10 billion")]


def test_twenty_second_heldout_set() -> None:
    """Four FEMA releases and notices (as reposted) and a Department of Transportation
    bulletin, 13 figures annotated before the extractor ran on them. First reading
    (tests/realtext/README.md): status 0.62, funder 0.15, kind 0.77 (FEMA read as the
    Department of Homeland Security, "is being awarded" as no stage, "12 grants totaling
    $790,405" as a total over time)."""
    held_as_floor("heldout22", year=0.8, status=0.65, funder=0.6, kind=0.9)


def test_a_sum_of_parts_is_not_a_total_over_time() -> None:
    """"Totaling" after grants or items sums them; it is not a total over years (FEMA's
    "12 grants totaling $790,405", GAO's "5 of the 67 items, totalling $9.7 million"), and
    a project's "total approved costs" are its cost."""
    from etl.__main__ import figure_records

    text = ("FEMA has announced 12 grants totaling $790,405 toward projects that have total "
            "approved costs of $1,053,877. The program's funding totaled $4 million since "
            "2006.")
    got = [(r["text"], r["kind"]) for r in figure_records(text)]
    assert got == [("$790,405", "amount"), ("$1,053,877", "amount"), ("$4 million", "cumulative")]


def test_a_component_agency_pays_as_itself_unless_named_as_its_departments() -> None:
    """FEMA, the Federal Transit Administration or the Army Corps of Engineers named as the
    payer is that agency (as the CDC and NOAA are); "the U.S. Department of Agriculture's
    Forest Service is investing $197 million" (USDA, March 2023) is the department's."""
    from etl.__main__ import figure_records

    def payer(text: str) -> str | None:
        return figure_records(text)[0]["funder"]

    assert payer("FEMA announced today more than $12.5 million is being awarded.") == \
        "Federal Emergency Management Agency"
    assert payer("The Federal Transit Administration awarded $25 million in 2023.") == \
        "Federal Transit Administration"
    assert payer("The U.S. Army Corps of Engineers spent $40 million on the levee.") == \
        "U.S. Army Corps of Engineers"
    assert payer("The Forest Service is investing $197 million in 100 projects.") == \
        "U.S. Forest Service"
    assert payer("the U.S. Department of Agriculture’s Forest Service is investing $197 "
                 "million in 100 project proposals.") == "Department of Agriculture"


def test_twenty_third_heldout_set() -> None:
    """An encyclopedia article: two revisions of Wikipedia's "CHIPS and Science Act" lead
    (CC BY-SA 4.0, as mirrors serve them), 8 figures annotated before the extractor ran on
    them. First reading (tests/realtext/README.md): year 0.00 (the day the act was
    "signed into law by President Joe Biden on August 9, 2022" dated every figure after
    it), funder 0.50 (the President who signed it read as the payer)."""
    held_as_floor("heldout23", year=1.0, status=0.75, funder=0.85, kind=1.0)


def test_twenty_fourth_heldout_set() -> None:
    """Four HUD releases and remarks on homeless assistance grants (2010-2023), 8 figures
    annotated before the extractor ran on them. First reading (tests/realtext/README.md):
    year 0.62 ("since early 2020" lent its year to the next sentences), status 0.50 ("HUD
    awarded nearly $1.4 billion" read as no stage)."""
    held_as_floor("heldout24", year=1.0, status=0.75, funder=1.0, kind=1.0)


def test_last_month_is_the_last_before_the_document_date() -> None:
    """"Last December, HUD awarded nearly $1.4 billion" in HUD's release of July 7, 2010
    is December 2009; "last March" in it would be March 2010; undated, neither has a
    year."""
    from etl.__main__ import figure_records

    text = ("Last December, HUD awarded nearly $1.4 billion through its Continuum of Care "
            "programs. Last March, HUD awarded $5 million.")
    assert [r["year"] for r in figure_records(text, date(2010, 7, 7))] == [2009, 2010]
    assert [r["year"] for r in figure_records(text)] == [None, None]


def test_a_bill_sent_to_the_president_has_passed_both_chambers() -> None:
    """Sentences of a reading not committed (France 24, Sardis Markets and La Voce di New
    York on the $95 billion aid package of 2024; 19 figures; first status 0.37, after 0.63):
    what the Senate passed "sending the legislation to President Joe Biden" is law; "The US
    Senate approved" and "The Democratic-majority U.S. Senate on Tuesday approved" are a
    chamber's votes; a bill that "can be sent to" the President is not yet law (test above)."""
    from etl.__main__ import figure_records

    final = figure_records(
        "The Senate has passed $95 billion in war aid to Ukraine, Israel and Taiwan, sending "
        "the legislation to President Joe Biden after months of delays.", date(2024, 4, 24))
    assert [r["status"] for r in final] == ["appropriated"]
    february = figure_records(
        "The Democratic-majority U.S. Senate on Tuesday approved a $95 billion package "
        "containing aid for Ukraine, Israel and Taiwan.", date(2024, 2, 13))
    assert [(r["status"], r["funder"]) for r in february] == [("passed_chamber", "U.S. Congress")]
    # (and the vote that "has passed" it is news of the story's date)
    assert [r["year"] for r in final] == [2024]


def test_twenty_fifth_heldout_set() -> None:
    """CRS Insight IN12447 on the FY2025 request for the military, 3 figures annotated
    before the extractor ran on it; every attribute right on first reading (as on Stars
    and Stripes' story of the same request, 4 figures, read and not committed)."""
    held_as_floor("heldout25", year=1.0, status=1.0, funder=1.0, kind=1.0)


def test_twenty_sixth_heldout_set() -> None:
    """The seed's own subject from other publishers: a Member's post and two U.S. Embassy
    Mexico releases on the Merida Initiative (2009) and the State Department's INCSR 2012
    line on its deliveries, 9 figures annotated before the extractor ran on them (read
    with eight news stories on the same aid, 24 figures, not committed)."""
    held_as_floor("heldout26", year=0.77, status=0.66, funder=0.66, kind=0.88)


def test_aid_to_mexico_in_the_news() -> None:
    """Sentences of the news read with the twenty-sixth set, not committed (first funder
    0.42, status 0.62; after 0.79, 0.83): the White House that "wants Congress to
    allocate" asks for the money; a headline's "U.S. Gives" pays; "has been spent" is paid
    out; a baseline "requested by the White House" lends neither stage nor payer; a span
    "From fiscal year 2014 through 2018" makes a total; each clause's payer pays its own
    money; an installment of a multi-year program is an amount."""
    from etl.__main__ import figure_records

    asked = figure_records(
        "The White House said it wants Congress to immediately allocate $500 million for "
        "Mexico and $50 million for Central America.\n")
    assert [(r["status"], r["funder"]) for r in asked] == [("requested", "White House")] * 2
    (headline, spent) = figure_records(
        "U.S. Gives Mexico $214 Million in Aid to Fight Cartels\n\n"
        "The first $50 million has been spent on helicopters that will be delivered to the "
        "Mexican military this fall.\n")
    assert headline["funder"] == "United States government"
    assert spent["status"] == "disbursed"
    approved, increase = figure_records(
        "The U.S. House of Representatives, Committee on Appropriations, approved a "
        "supplemental appropriation of $470 million toward the Mérida Initiative yesterday.\n\n"
        "The funding approved by the Committee on Appropriations represents an increase of "
        "$404 million over the amount initially requested by the White House.\n")
    assert [(r["status"], r["funder"]) for r in (approved, increase)] == [
        ("proposed", "U.S. Congress")] * 2
    total, _of_it, inl, usaid = figure_records(
        "From fiscal year 2014 through 2018, the Department of State and the U.S. Agency for "
        "International Development (USAID) allocated about $723 million for the Mérida "
        "Initiative.\n\nOf the $723 million, State’s Bureau of International Narcotics and "
        "Law Enforcement Affairs (INL) allocated about $542 million and USAID allocated about "
        "$182 million.\n")
    assert (total["kind"], total["year"], total["funder"]) == (
        "cumulative", None, "United States government")
    assert (inl["funder"], usaid["funder"]) == (
        "Department of State", "U.S. Agency for International Development")
    first, installment = figure_records(
        "The Bush administration on Monday announced a $1.4 billion, multi-year initiative to "
        "help Mexico.\n\nThe $500 million would be the initial installment of a two- or "
        "three-year program, officials said.\n")
    assert (first["kind"], installment["kind"]) == ("cumulative", "amount")
    helped = figure_records(
        "Under the Merida Initiative, the United States is providing $400 million in fiscal "
        "year 2008 funds and $720 million in fiscal year 2009 funds to support the Government "
        "of Mexico’s security forces.\n")
    assert [r["funder"] for r in helped] == ["United States government"] * 2


def test_twenty_seventh_heldout_set() -> None:
    """CRS R41349's summaries of 2010 and 2017 and GAO-08-215T's highlights on aid to
    Mexico, 7 figures annotated before the extractor ran on them: totals over years and
    their parts (first year 0.43, kind 0.29)."""
    held_as_floor("heldout27", year=1.0, status=0.85, funder=0.85, kind=0.55)


def test_defense_budgets_in_think_tank_prose() -> None:
    """Sentences of the think-tank and trade-press pieces read with the twenty-seventh set,
    not committed (CSBA, Heritage, CNAS, Council for a Livable World, Defense Media Network,
    Air & Space Forces, ASMC on the FY2012 defense request; 54 figures; first year 0.80,
    status 0.89, funder 0.89; after 0.87, 0.93, 0.91): a difference's sentence lends none
    of its baseline's years; "non-Pentagon" names no payer; "the estimated FY 2011 budget"
    is a baseline; "the Fiscal 2011 request of $159.3 billion" describes the figure after
    it; "FY2012-16" is a span, and a part "Of the total savings" is of that span; a total
    "With the recent enactment of" a law has the law's year neither for it nor its parts;
    what "had been delivered" "As of March 2017" is paid out to date."""
    from etl.__main__ import figure_records

    request, difference, oco = figure_records(
        "For Fiscal Year (FY) 2012, the Obama Administration has requested a base budget of "
        "$553 billion for the Department of Defense (DOD). This is $13 billion below the "
        "Pentagon’s Future Years Defense Program (FYDP) estimate, released last year, but "
        "represents about 3 percent in real growth over the funding the department would "
        "receive for FY 2011 under the current continuing resolution. In addition, the "
        "Administration has requested $117.6 billion for Overseas Contingency Operations.\n")
    assert [f["year"] for f in (request, difference, oco)] == [2012] * 3
    _total, other = figure_records(
        "In addition to an initial $670 billion for the Pentagon’s base budget, the "
        "Administration has requested $7 billion for additional non-Pentagon defense related "
        "activities.\n")
    assert other["funder"] == "White House"
    _asked, below = figure_records(
        "The Administration has requested a $702.8 billion defense budget for FY 2012, which "
        "is at least $36.5 billion below the estimated FY 2011 budget.\n")
    assert (below["year"], below["status"]) == (2012, "requested")
    _portion, earlier = figure_records(
        "The OCO portion is $41.5 billion below the Fiscal 2011 request of $159.3 billion.\n")
    assert earlier["status"] == "requested"
    savings, part = figure_records(
        "The FY2012-16 Future Years Defense Program (FYDP) budget plan implements Sec. Gates’ "
        "efficiencies proposal that identified $178 billion in savings.  Of the total savings, "
        "$100 billion was reallocated to higher priorities.\n", date(2011, 2, 14))
    assert [(f["year"], f["kind"]) for f in (savings, part)] == [(None, "cumulative")] * 2
    total, share = figure_records(
        "With the recent enactment of the FY2010 Supplemental Appropriations Act (H.R. 4899/"
        "P.L. 111-212), Congress has provided almost $1.8 billion for the Mérida Initiative. "
        "Congress provided $248 million of that funding to Central America.\n")
    assert (total["year"], total["kind"], share["year"]) == (None, "cumulative", None)
    (delivered,) = figure_records(
        "As of March 2017, more than $1.6 billion of Mérida assistance had been delivered to "
        "Mexico.\n")
    assert (delivered["status"], delivered["kind"], delivered["year"]) == (
        "disbursed", "cumulative", None)


def test_twenty_eighth_heldout_set() -> None:
    """Statutes as OCR gives them: three pages of the Statutes at Large (1971, 1973, 1987,
    as Wikisource transcribes them), 22 U.S.C. 2291a and a Member's floor remarks in the
    Congressional Record; 18 figures annotated before the extractor ran on them (first
    year 0.50, status 0.72, funder 0.39)."""
    held_as_floor("heldout28", year=1.0, status=0.88, funder=0.88, kind=1.0)


def test_statute_pages_as_ocr_gives_them() -> None:
    """A page's running head "PUBLIC LAW 100-202—DEC. 22, 1987" (and Wikisource's "MMMM. DD,
    1987") is the law's date, one sentence; "the Act of August 1, 1956" is a law's name;
    "Provided further. That" goes on with the proviso; "may be expended" and "expenses
    authorized by section 2(a)" are a law's permissions, not stages; the rest of a
    paragraph cut at the sentence length limit keeps the paragraph's stage."""
    from etl.__main__ import figure_records
    from etl.segment import MAX_SENTENCE_CHARS, split_sentences

    head = ("101 STAT. 1329-146\nPUBLIC LAW 100-000—MMMM. DD, 1987\n\n"
            "PUBLIC LAW 100-202—DEC. 22, 1987\n")
    assert [s.text for s in split_sentences(head)][1:] == [
        "PUBLIC LAW 100-000—MMMM. DD, 1987", "PUBLIC LAW 100-202—DEC. 22, 1987"]
    purposes = "; ".join(["hire of passenger motor vehicles as authorized by law"] * 20)
    paragraph = (
        "For expenses necessary to enable the Secretary of State to provide a contribution; "
        f"{purposes}; $346,450,000: Provided, That not less than $25,000,000 shall be "
        "available for refugees resettling in Israel: Provided further. That not less than "
        "$8,000,000 shall be available for educational facilities.\n")
    assert len(paragraph) > MAX_SENTENCE_CHARS
    records = figure_records(head + "\n" + paragraph)
    assert [(r["year"], r["status"], r["funder"]) for r in records] == [
        (None, "appropriated", "U.S. Congress")] * 3
    (allowance,) = figure_records(
        "PUBLIC LAW 92-77-AUG. 10, 1971\n\nexpenses authorized by section 2(a) of the Act of "
        "August 1, 1956, as amended (22 U.S.C. 2669); not to exceed a total of $70,000 may be "
        "expended for representation allowances.\n")
    assert (allowance["year"], allowance["status"]) == (None, "reported")


def test_a_silent_sentence_goes_on_with_the_stage_before() -> None:
    """A figure whose sentence names no stage has the stage of the sentence before when the
    two agree on year and payer (sentences of heldout22 and heldout6): not another year's
    money, nor money "announced previously"."""
    from etl.__main__ import figure_records

    _awarded, grant = figure_records(
        "To date, the Biden-Harris Administration has awarded more than $2.2 billion from the "
        "RAISE discretionary grant program to 162 different infrastructure projects across "
        "the country. Today’s funding includes a nearly $23 million grant to build a "
        "pedestrian bridge.\n")
    assert (grant["status"], grant["status_source"]) == ("obligated", "previous sentence")
    _authorized, used = figure_records(
        "The bill would authorize the appropriation $4 million annually over the 2020-2024 "
        "period for NOAA to implement the program. In 2019, NOAA used $2 million of "
        "appropriated funds to carry out the program.\n")
    assert used["status"] == "reported"
    _released, earlier, _total = figure_records(
        "The Commission has made an immediate request to the budgetary authority to release "
        "€79 million from the emergency budget reserve. Combined with the €21 million "
        "announced previously, the immediate response of the Commission now totals €100 "
        "million.\n")
    assert earlier["status"] == "reported"


def test_an_appropriation_the_government_before_named() -> None:
    """An appropriation whose payer only a sentence before names, as "the United States",
    is the Congress's (heldout2's Embassy release of June 25, 2009: 0.86 -> 1.00 on its
    three law-enforcement figures)."""
    from etl.__main__ import figure_records

    records = figure_records(
        "Yesterday, President Barack Obama signed into law a Supplemental Appropriations Act "
        "that includes $420 million in funding for the Merida Initiative in Mexico. These "
        "funds will deepen the cooperation between the United States and Mexico. These funds "
        "include: an additional $10 million for the U.S. Marshal Service.\n",
        date(2009, 6, 25))
    assert [(r["status"], r["funder"]) for r in records] == [
        ("appropriated", "U.S. Congress")] * 2


def test_a_request_is_not_the_bill_it_rides_in() -> None:
    """In a story of the President's request, a figure asked for whose only payer is a bill
    ("The request was tucked into a $46 billion ... spending bill") is the White House's
    (the McClatchy story read with the twenty-sixth set, and heldout9's "The requested amount
    within the scope of the FY2023 NDAA was $34.2 billion")."""
    from etl.__main__ import figure_records

    _asked, _also, tucked = figure_records(
        "The White House said it wants Congress to immediately allocate $500 million for "
        "Mexico and $50 million for Central America. The request was tucked into a $46 billion "
        "Iraq-Afghanistan supplemental spending bill unveiled Monday.\n")
    assert (tucked["status"], tucked["funder"]) == ("requested", "White House")


def test_lenders_and_the_news_of_the_day() -> None:
    """Sentences of World Bank releases and news of its loans read as a twenty-ninth set,
    not committed (32 figures; first year 0.15, status 0.48, funder 0.81; after 0.65, 0.58,
    0.97): an IDA credit in SDR is money, the World Bank's; a lender's approval and a
    financing agreement commit money, in the year the sentence dates them; a dateline's
    "today" dates the lines after it; what a dated story says was approved, with no time
    named, is news of its day (not "previously approved", nor an event the sentence dates)."""
    from etl.__main__ import figure_records

    sdr, dollars = figure_records(
        "Benin will use an IDA credit of SDR 15.7 million ($20 million) to carry out a rural "
        "development project.\n")
    assert (sdr["currency"], sdr["amount"], sdr["funder"]) == ("XDR", 15.7e6, "World Bank")
    assert dollars["funder"] == "World Bank"
    (nepal,) = figure_records(
        "July 2020: The Government of Nepal has signed a financial agreement with the World "
        "Bank for $450 million to improve the efficiency and safety of transport.\n")
    assert (nepal["status"], nepal["year"]) == ("obligated", 2020)
    (uganda,) = figure_records(
        "To boost service delivery through local governments in Uganda, the World Bank "
        "announced that it has approved approximately $300 million.\n")
    assert uganda["status"] == "obligated"
    (credit,) = figure_records(
        "WASHINGTON, March 14, 2019 – The World Bank Board of Executive Directors today "
        "approved financing for the following project:\nSri Lanka - Local Development Support "
        "Project\nIDA Credit: US$70 million\n", date(2019, 3, 14))
    assert (credit["year"], credit["year_source"]) == (2019, "previous sentence")
    (balochistan,) = figure_records(
        "ISLAMABAD: The World Bank Board of Executive Directors approved $194 million for two "
        "projects in Balochistan.\n", date(2025, 6, 26))
    assert (balochistan["year"], balochistan["year_source"]) == (2025, "document date")
    (earlier,) = figure_records(
        "Adding to previously approved U.S. assistance to Colombia of over $330 million, the "
        "package is large.\n", date(2001, 3, 14))
    assert earlier["year"] is None


def test_a_request_sent_on_a_day_and_officials_who_pledge() -> None:
    """The issue's own classes: the day a request was sent is not its money's year ("the
    FY2012 request, sent to Congress on February 14, 2011, includes $X"), and "US officials
    pledged" names the United States as payer."""
    from etl.__main__ import figure_records

    (sent,) = figure_records("The FY2012 request, sent to Congress on February 14, 2011, "
                             "includes $12 million for Mexico.\n")
    assert (sent["year"], sent["year_type"], sent["status"]) == (2012, "fiscal", "requested")
    (pledge,) = figure_records("US officials pledged $100 million.\n")
    assert pledge["funder"] == "United States government"


def test_thirtieth_heldout_set() -> None:
    """CRS RS22837 of March 18, 2008 and GAO-10-253R as quoted, on the Merida Initiative's
    requests, 5 figures annotated before the extractor ran on them (first year 1.00, status
    0.80, funder 0.80); read with two pages not ours to publish, where "It asks the U.S.
    Congress to appropriate $550 million" and "solicited congress for" name the Congress
    as the addressee of a request."""
    held_as_floor("heldout30", year=1.0, status=0.8, funder=0.8, kind=0.8)
    from etl.__main__ import figure_records

    (asked,) = figure_records("It asks the U.S. Congress to appropriate $550 million in an "
                              "emergency supplemental bill for FY08.\n")
    assert asked["funder"] != "U.S. Congress"
    (solicited,) = figure_records(
        "On Monday, the United States Government solicited congress for the allocation of "
        "410 million dollars to Latin America for the fiscal year 2011.\n")
    assert (solicited["status"], solicited["funder"]) == ("requested", "United States government")


def test_aid_packages_for_ukraine_in_the_news() -> None:
    """Sentences of a thirty-first reading, not committed (wire and web news on U.S. aid
    packages for Ukraine, 27 figures; first status 0.67, funder 0.70, kind 0.81; after 0.85,
    0.85, 0.93): "Ukraine aid" is aid to Ukraine; "since Russia’s 2022 invasion" and "since
    the onset of the Russian invasion in February 2022" make totals; weapons "Ukraine has
    been asking for" ask for no money; "will soon announce" is not yet announced (but "I am
    happy to announce" is); a supplemental the President signed appropriates; money a story
    says was announced keeps its own stage."""
    from etl.__main__ import figure_records

    (approved,) = figure_records(
        "The US has been announcing regular packages for Ukraine since Congress passed "
        "legislation that approved nearly $61 billion in Ukraine aid earlier this year.\n")
    assert approved["funder"] == "U.S. Congress"
    (committed,) = figure_records(
        "Since the onset of the Russian invasion in February 2022, the U.S. has committed an "
        "impressive $62 billion in security aid to Ukraine.\n")
    assert (committed["year"], committed["kind"]) == (None, "cumulative")
    (soon,) = figure_records("Defense Secretary Lloyd Austin said Tuesday that the US will "
                             "soon announce more than $2.3 billion in military aid for Ukraine.\n")
    assert (soon["status"], soon["funder"]) == ("proposed", "United States government")
    (package, supplemental, earlier) = figure_records(
        "The US announced on Friday a new $400 million military aid package to Ukraine. The "
        "package includes weapons Ukraine has been asking for, among other equipment. The "
        "announcement marks the second package since President Joe Biden signed a "
        "long-delayed national security supplemental securing $60 billion in funding for "
        "Ukraine. Last month, the US announced a $1 billion PDA package to Ukraine.\n")
    assert package["status"] == "reported"
    assert (supplemental["status"], supplemental["funder"]) == ("appropriated", "U.S. Congress")
    assert earlier["status"] == "reported"


def test_thirty_second_heldout_set() -> None:
    """USAID's page on the FY2025 request and CRS R48231's summary (January 6, 2025), 11
    figures annotated before the extractor ran on them (first status 0.55, funder 0.82)."""
    held_as_floor("heldout32", year=0.8, status=0.8, funder=1.0, kind=0.9)


def test_thirty_fourth_heldout_set() -> None:
    """The U.S. Embassy in El Salvador's release and the Secretary of State's statement on
    $252 million for Central America (June 2020), 10 figures annotated before the extractor
    ran on them (first year type 0.40, status 0.20, funder 0.50)."""
    held_as_floor("heldout34", year=0.8, year_type=0.8, status=0.5, funder=0.7, kind=0.9)


def test_thirty_fifth_heldout_set() -> None:
    """Releases and remarks of the House Committee on Appropriations (2012, 2015, 2019),
    19 figures annotated before the extractor ran on them (first status 0.58, funder
    0.68)."""
    held_as_floor("heldout35", year=1.0, year_type=1.0, status=0.85, funder=0.65, kind=1.0)


def test_a_committee_recommendation_and_what_it_is_compared_with() -> None:
    """The thirty-fifth set's remarks: "The recommendation for FY 2013 provides" is the
    committee's proposal; "the CBO estimate of the President's request" and "the same as
    the request" are what a figure is compared with, not its stage."""
    from etl.__main__ import figure_records

    legislative, *_ = figure_records(
        "The recommendation for FY 2013 provides $3.3 billion, excluding Senate items.\n")
    assert (legislative["year"], legislative["status"]) == (2013, "proposed")
    defense = figure_records(
        "Before us today is the Subcommittee recommendation for the fiscal year 2013 "
        "Department of Defense budget. This recommendation includes base funding of $519.2 "
        "billion, which is $3.1 billion above the CBO estimate of the President's request, "
        "and overseas contingency operations funding of $88.5 billion, the same as the "
        "request.\n")
    assert [(r["year"], r["status"], r["funder"]) for r in defense] == [
        (2013, "proposed", "U.S. Congress")] * 3


def test_a_table_written_as_text() -> None:
    """A table's figures take their column's year, stage and payer from its header, and
    say so ("table header"): the USGLC's budget snapshot read with the thirty-second set
    (not committed; status 0.35 -> 0.90 on its 21 figures)."""
    from etl.__main__ import figure_records

    records = figure_records(
        "INTERNATIONAL AFFAIRS BUDGET SNAPSHOT\n\n"
        " FY24 Enacted*  FY25 Request*  FY25 House  FY25 Senate FY25 Full-Year CR\n"
        "Non-Emergency $57.5 billion $63.1 billion  $52.7 billion $57.5 billion $58.6 billion\n"
        "Base Emergency $2.5 billion  $2.8 billion $0 $5.9 billion $2.5 billion\n\n"
        "*Excludes $26.8 billion in emergency funding.\n")
    table = [(r["year"], r["status"], r["funder"]) for r in records[:10]]
    columns = [(2024, "appropriated", "U.S. Congress"), (2025, "requested", "White House"),
               (2025, "proposed", "U.S. Congress"), (2025, "proposed", "U.S. Congress"),
               (2025, "appropriated", "U.S. Congress")]
    assert table == columns * 2
    assert {r["year_source"] for r in records[:10]} == {"table header"}
    assert records[1]["status_cue"] == "FY25 Request"
    # a hard-wrapped line of prose that names years is no header
    wrapped = figure_records(
        "The law authorized funds for the program for fiscal years 2010 through 2014, and the\n"
        "Congress provided $50 million and $20 million for its two parts.\n")
    assert {r["year_source"] for r in wrapped} != {"table header"}
    # a budget function's name is no President's Budget; an estimate compared with is a
    # baseline
    (function,) = figure_records("Notably, funding for the FY25 International Affairs Budget "
                                 "would increase by 1.8% ($1.1 billion).\n")
    assert function["status"] != "requested"
    total, above = figure_records(
        "The President’s Fiscal Year (FY) 2025 Budget Request for the Department of State and "
        "the United States Agency for International Development (USAID) is $42.8 billion for "
        "foreign assistance, which is $411.5 million (1 percent) above the FY 2023 Estimate.\n")
    assert [(r["status"], r["funder"]) for r in (total, above)] == [
        ("requested", "White House")] * 2


def test_explainers_of_foreign_aid() -> None:
    """Sentences of a fifty-third reading, not committed (explainers of U.S. foreign aid:
    USAFacts, World Population Review, Reference.com, U.S. News; 27 figures; first year
    0.93, year type 0.89, status 0.70; after 0.96, 0.96, 0.78): "fiscal year (FY) 2024" is a
    fiscal year; "about the same as 2018" is a baseline; what the U.S. "spends" and what it
    is "distributing" are paid out; "each year, which amounted to about $40 billion in 2013"
    is that year's amount."""
    from etl.__main__ import figure_records

    (israel,) = figure_records("In fiscal year (FY) 2024 — the most recent fully-reported year — "
                               "Israel received $6.82 billion, the most of any country.\n")
    assert (israel["year"], israel["year_type"]) == (2024, "fiscal")
    _spent, more = figure_records(
        "In 2019, the U.S. spent over $47 billion on foreign aid – about the same as 2018 and "
        "$1 billion more than in 2017.\n")
    assert (more["year"], more["status"]) == (2019, "disbursed")
    (yearly,) = figure_records(
        "The United States spends around 1 percent of the federal budget on foreign aid each "
        "year, which amounted to about $40 billion in 2013.\n")
    assert (yearly["year"], yearly["kind"], yearly["status"]) == (2013, "amount", "disbursed")


def test_central_america_aid_of_2020() -> None:
    """Rules the thirty-fourth set showed, on its own sentences: what aid "seeks to" do is
    its aim, not a request; an "intent to provide" is a proposal; the Office of INL is the
    State Department's; the whole a clause opens with ("Of the $58.2 million ..., USAID
    will direct $41.2 million") is not its subject's to pay; departments named as a list
    pay jointly, as the U.S. government."""
    from etl.__main__ import figure_records

    embassy = figure_records(
        "U.S. announces an additional $58.2 million in foreign assistance for El Salvador\n\n"
        "Secretary of State Mike Pompeo announced that the United States had allocated $252 "
        "million in additional foreign aid for El Salvador, Guatemala and Honduras. The aid "
        "seeks to provide critical and vital assistance to these countries.\n\n"
        "Of the $58.2 million specifically designated for El Salvador, the United States "
        "Agency for International Development (USAID) will direct $41.2 million toward "
        "improving security. The Office of International Narcotics and Law Enforcement "
        "Affairs (INL) will allocate $1.8 million for regional and local security efforts.\n",
        date(2020, 6, 25))
    by_text = {r["text"]: r for r in embassy}  # (the body's $58.2 million, not the headline's)
    assert by_text["$58.2 million"]["start"] > 100
    assert by_text["$58.2 million"]["status"] != "requested"
    assert by_text["$58.2 million"]["funder"] == "United States government"
    assert by_text["$41.2 million"]["funder"] == "U.S. Agency for International Development"
    assert by_text["$1.8 million"]["funder"] == "Department of State"
    [statement] = figure_records(
        "Recently, I informed Congress of the Administration’s intent to provide $252 "
        "million in additional U.S. foreign assistance for El Salvador, Guatemala, and "
        "Honduras.\n", date(2020, 6, 24))
    assert (statement["status"], statement["funder"]) == ("proposed", "White House")
    [gao] = figure_records(
        "Key U.S. government agencies, consisting of the Departments of State (State), "
        "Agriculture, and Defense, and the U.S. Agency for International Development (USAID) "
        "allocated a total of about $3.7 billion in assistance for Central America from "
        "fiscal years 2013 through 2018.\n")
    assert gao["funder"] == "United States government"


def test_thirty_sixth_heldout_set() -> None:
    """Interior's and Justice's own pages on grants and the infrastructure law, and two
    CRS summaries on the Millennium Challenge Corporation: 25 figures annotated before the
    extractor ran on them (first year 0.88, status 0.68, funder 0.52)."""
    held_as_floor("heldout36", year=0.9, year_type=0.9, status=0.9, funder=0.8, kind=1.0)


def test_receivers_list_items_and_a_figure_named_an_appropriation() -> None:
    """The thirty-sixth set's sentences: who receives money does not pay it, and an earlier
    sentence's payer is not lent to it (a law it comes through is its payer); a later item
    of a semicolon list is another item's subject; "the FY2015 appropriation of $899.5
    million" names that figure's year and stage, the Congress's."""
    from etl.__main__ import figure_records

    fws = figure_records(
        "The U.S. Fish and Wildlife Service was directly appropriated $455 million over five "
        "years in Bipartisan Infrastructure Law funding.\n\nThe Department of the Interior "
        "(DOI) will receive $30.6 billion over five years in direct funding through the "
        "Bipartisan Infrastructure Law.\n")
    assert (fws[1]["funder"], fws[1]["status"]) == ("U.S. Congress", "appropriated")
    assert fws[1]["funder_source"] == "sentence"
    [received] = figure_records(
        "Interior Secretary Deb Haaland visited the Department of the Interior's field "
        "offices.\n\nThe Department received $28.1 billion across our bureaus and offices.\n")
    assert received["funder"] is None
    weekly = figure_records(
        "This Week: the Bipartisan Infrastructure Law makes a $45 million investment in "
        "Tribal communities; the Bureau of Land Management proposes steps to increase "
        "high-speed internet for communities.\nInterior this week announced a $45 million "
        "investment in Tribal communities through the President’s Bipartisan Infrastructure "
        "Law.\n")
    assert weekly[0]["funder"] != "Bureau of Land Management"
    assert weekly[0]["status"] != "proposed"
    assert weekly[1]["funder"] == "Department of the Interior"
    [law] = figure_records("The Bipartisan Infrastructure Law contains $28.1 billion for the "
                           "Department’s initiatives.\n")
    assert (law["status"], law["funder"]) == ("appropriated", "U.S. Congress")
    [awards] = figure_records(
        "The Department of Justice’s Office of Justice Programs (OJP) announced grant awards "
        "totaling nearly $444 million to support a wide range of violence reduction "
        "efforts.\n")
    assert (awards["status"], awards["funder"]) == ("obligated", "Department of Justice")
    request, enacted = figure_records(
        "On February 2, 2015, the Administration issued its FY2016 budget request, proposing "
        "$1.25 billion for the MCC, an increase of 39% over the FY2015 appropriation of "
        "$899.5 million.\n", date(2015, 3, 11))
    assert (request["year"], request["status"], request["funder"]) == (
        2016, "requested", "White House")
    assert (enacted["year"], enacted["status"], enacted["funder"]) == (
        2015, "appropriated", "U.S. Congress")


def test_news_of_a_president_s_budget_request() -> None:
    """News of budget requests for Colombia read with the thirty-sixth set and not committed
    (The Colombian Herald, 2020; the Miami Herald, 2005; Inside Defense, 2003; Reuters via
    Devex; The Crime Report, 2017; 19 figures): first year 0.74, status 0.53, payer 0.32.
    "Bush is asking Congress" and "Bush proposed ... in fiscal 2006" are the President's
    request in a story of the budget request "released Monday"; a running total "pumped ...
    since 2000" in a relative clause of its own is not the request; the request's fiscal
    year dates the story's other requests; a year between "from $X" and "to $Y" is $X's;
    what a President's budget was "requested in" names who asked."""
    from etl.__main__ import figure_records

    herald = figure_records(
        "WASHINGTON - The Bush administration is proposing to keep military counter-drug aid "
        "to Colombia almost unchanged in the next fiscal year, according to its budget "
        "request released Monday.\nBush is asking Congress to allot $550 million to combat "
        "drugs in Colombia in fiscal 2006, with the military and police receiving more than "
        "$393 million -- about $10 million less than in fiscal 2005, a State Department "
        "official said.\nLatin America analysts awaited the administration's request with "
        "interest, because Plan Colombia, the broad counter-drug program under which "
        "Washington has pumped more than $3 billion into Colombia since 2000, is due to "
        "expire Sept. 30.\nBush proposed $735 million for the Andean Counterdrug Initiative "
        "in fiscal 2006, $4 million more than 2005.\n")
    assert [(r["year"], r["status"], r["funder"]) for r in herald if r["kind"] == "amount"] \
        == [(2006, "requested", "White House")] * 5
    pumped = herald[3]
    assert (pumped["kind"], pumped["status"], pumped["funder"]) == (
        "cumulative", "reported", "United States government")
    colombia = figure_records(
        "Trump’s budget request, released Monday, nearly doubles Colombian anti-narcotics "
        "funding, from $125 million this year to $237.5 million for the upcoming fiscal year "
        "which starts Oct. 1.\n\nBut rather than adopt anti-coca measures recommended by "
        "international authorities, including the United Nations, his proposal aims to "
        "further build the military and police machinery.\n\nColombia would get more "
        "anti-narcotics security aid than any other country, nearly four times the $60 "
        "million asked for Afghanistan, the second largest.\n\nMeanwhile, the proposal cuts "
        "economic development aid from $207.3 million this year to $140 million, a reduction "
        "of 32%.\n", date(2020, 2, 11))
    by_text = {r["text"]: r for r in colombia}
    assert (by_text["$237.5 million"]["year"], by_text["$237.5 million"]["status"]) == (
        2021, "requested")
    for text in ("$60 million", "$140 million"):
        assert (by_text[text]["year"], by_text[text]["year_source"]) == (2021, "document")
        assert by_text[text]["funder"] != "United Nations"
    assert by_text["$207.3 million"]["year"] == 2020
    [restore] = figure_records(
        "The Defense Department wants defense appropriators to restore $57.9 million in "
        "counternarcotics support to Colombia requested in President Bush's fiscal year 2004 "
        "budget plan.\n")
    assert (restore["year"], restore["status"], restore["funder"]) == (
        2004, "requested", "White House")


def test_thirty_seventh_heldout_set() -> None:
    """Agency heads' statements on their budget requests (the Secretary of the Interior,
    2000; NASA, 2004-2022) and two CRS summaries on aid to Latin America, 15 figures
    annotated before the extractor ran on them (first year 0.60, payer 0.47)."""
    held_as_floor("heldout37", year=0.95, year_type=0.95, status=0.9, funder=0.75, kind=1.0)


def test_a_department_s_own_request_and_the_years_it_is_compared_with() -> None:
    """The thirty-seventh set's sentences: "the Department" of a statement naming one
    department is that one, and its request its own; the Subcommittee a witness appears
    before, or whose jurisdiction a program is under, does not pay; "the amounts provided in
    2000", "the net budget authority enacted for 2008" and "(constant 2012 dollars)" are
    not the money's years; a figure compared with is no part of the request before it."""
    from etl.__main__ import figure_records

    interior = figure_records(
        "Statement of Bruce Babbitt Secretary of the Interior Before the House Appropriations "
        "Subcommittee on Interior and Related Agencies\n\nI am pleased to present the fiscal "
        "year 2001 budget for the Department of the Interior.\n\nThe Department's 2001 "
        "request for appropriations is $9.2 billion, an increase of $979.9 million above the "
        "amounts provided in 2000.\n\nFor Department programs that are under the "
        "jurisdiction of the Subcommittee, the request for annual appropriations is $8.4 "
        "billion, an increase of $946.2 million above the levels provided in the 2000 "
        "Interior and Related Agencies Appropriations Act.\n", date(2000, 2, 29))
    assert [(r["year"], r["status"], r["funder"]) for r in interior] == [
        (2001, "requested", "Department of the Interior")] * 4
    [nasa] = figure_records(
        "Thank you for the opportunity to appear today to discuss the President’s FY 2009 "
        "budget request for NASA. The President’s budget request for NASA is $17.6 billion, "
        "a 2.9 percent increase over the net budget authority enacted for 2008, along with a "
        "steady, five-year runout commensurate with inflation.\n", date(2008, 2, 27))
    assert (nasa["year"], nasa["year_type"], nasa["status"]) == (2009, "fiscal", "requested")
    [since] = figure_records(
        "Since 1946, the United States has provided over $160 billion (constant 2012 "
        "dollars) in assistance to the region.\n", date(2014, 9, 10))
    assert (since["year"], since["kind"]) == (None, "cumulative")
    _request, less, received = figure_records(
        "For FY2018, the Trump Administration requested $1.1 billion to be provided to Latin "
        "America and the Caribbean. That would have been $617 million, or 36%, less than the "
        "$1.7 billion of U.S. assistance the region received in FY2017.\n", date(2018, 5, 9))
    assert (less["year"], less["status"]) == (2018, "requested")
    assert (received["year"], received["status"]) == (2017, "reported")


def test_thirty_eighth_heldout_set() -> None:
    """The Senate Appropriations Committee's release on the Senate's passage of the FY2019
    border security package (3 figures; first status 0.00)."""
    held_as_floor("heldout38", year=1.0, year_type=1.0, status=0.6, funder=1.0, kind=1.0)


def test_bills_one_chamber_passed_and_what_was_asked_instead() -> None:
    """News of the 2018-2019 spending bills and the border wall read with the thirty-eighth
    set and not committed (usahitman, The Washington Post, henryliveusa, the Washington
    Examiner, the Boston Globe running AP, the San Diego Union-Tribune, The Week; 21
    figures; with the release, first status 0.58 -> 0.88): a bill one chamber passed is
    at that stage where its story's sentences name none of their own; "the $5.7 billion
    Trump requested" is the request, not the bill's; "The legislation allocates" is the
    bill's; "in line with the original White House request" is a baseline; the year of
    "the same amount included in the fiscal 2019 bill" and of "the 2016 campaign" are not
    the money's."""
    from etl.__main__ import figure_records

    senate = figure_records(
        "The Senate passed a massive spending bill Tuesday that would keep the government "
        "running until December.\n\nThe $854 billion bill will be taken up by the House next "
        "week.\n\nTrump will likely relish the fact that the Pentagon budget for 2019 under "
        "the current version of the bill is $606.5 billion, a $17 billion boost compared with "
        "this year.\n", date(2018, 9, 18))
    assert [r["status"] for r in senate] == ["passed_chamber"] * 3
    assert senate[1]["status_source"] == "document"
    bill, asked = figure_records(
        "The bill provides just $1.375 billion for fencing at the US-Mexico border, a far cry "
        "from the $5.7 billion Trump requested.\n")
    assert bill["status"] != "requested"
    assert (asked["status"], asked["funder"]) == ("requested", "White House")
    [included] = figure_records(
        "But the bill includes nearly $450 million Democrats sought to provide services.\n")
    assert included["status"] == "proposed"
    allocates, later = figure_records(
        "The Senate Appropriations Committee has passed a Homeland Security spending bill for "
        "2019.\n\nThe legislation allocates $1.6 billion for border barriers, in line with the "
        "original White House request but less than the $2.2 billion the administration "
        "later asked for.\n")
    assert (allocates["status"], allocates["funder"]) == ("proposed", "U.S. Congress")
    assert (later["status"], later["funder"]) == ("requested", "White House")
    [same] = figure_records(
        "The homeland security bill includes $1.375 billion for physical barriers along the "
        "U.S.-Mexico border, the same amount included in the fiscal 2019 bill.\n")
    assert same["year"] is None
    _plan, sought = figure_records(
        "WASHINGTON — Congress plans to vote Thursday on a spending bill to avert another "
        "government shutdown while giving President Trump only part of the money he seeks to "
        "build a border wall.\n\nTrump signaled he’ll probably accept the plan though he "
        "hasn’t committed to signing it. "
        "The plan provides $1.375 billion for 55 new miles of border fencing, far short of the "
        "$5.7 billion the president sought to build the wall on the U.S.-Mexico border, his "
        "main promise during the 2016 campaign.\n", date(2019, 2, 14))
    assert (sought["status"], sought["funder"], sought["year"]) == (
        "requested", "White House", None)


def test_thirty_ninth_heldout_set() -> None:
    """GAO summaries on aid to Haiti and Pakistan and on AID's expired accounts, 11 figures
    annotated before the extractor ran on them (first year 0.55, status 0.82, payer 0.55).
    Its years stay below the trivial baseline (9 of its 11 figures have none): two plans
    "to allocate" take the year of an earthquake's date four sentences before. Held as a
    floor, stage and payer above their baselines."""
    held_as_floor("heldout39", above=("status", "funder"), year=0.8, year_type=0.8,
                  status=0.9, funder=0.9, kind=1.0)


def test_respective_payers_law_days_and_spans_before() -> None:
    """The thirty-ninth set's sentences: "USAID and State plan to allocate $770 million and
    $148 million, respectively" gives each its payer; "In July 2010, Congress appropriated"
    dates the law, not its money; "for FY 1984 and before" is a span; "of $651 million in
    funding ... from the Supplemental Appropriations Act, 2010" is the whole a part was
    disbursed of; "sufficient time to disburse $420 million" is not paid out yet."""
    from etl.__main__ import figure_records

    haiti = figure_records(
        "In July 2010, Congress appropriated more than $1.14 billion in supplemental funds for "
        "reconstruction assistance, most of which was provided to the U.S. Agency for "
        "International Development (USAID) and the Department of State (State). USAID and "
        "State plan to allocate $770 million and $148 million, respectively, to projects in "
        "three geographic regions of Haiti.\n", date(2011, 5, 19))
    assert (haiti[0]["year"], haiti[0]["status"], haiti[0]["funder"]) == (
        None, "appropriated", "U.S. Congress")
    assert [r["funder"] for r in haiti[1:]] == [
        "U.S. Agency for International Development", "Department of State"]
    obligated, disbursed, whole = figure_records(
        "As of March 31, 2013, the U.S. Agency for International Development (USAID) had "
        "obligated $293 million (45 percent) and disbursed $204 million (31 percent) of $651 "
        "million in funding for Haiti from the Supplemental Appropriations Act, 2010 (the "
        "Act).\n")
    assert (obligated["status"], disbursed["status"]) == ("obligated", "disbursed")
    assert (whole["year"], whole["status"], whole["funder"]) == (
        2010, "appropriated", "U.S. Congress")
    [pending] = figure_records(
        "AID was concerned that it would not have sufficient time to disburse $420 million in "
        "its M accounts for FY 1984 and before.\n")
    assert (pending["year"], pending["status"]) == (None, "reported")
    [law] = figure_records(
        "In October 2009, Congress passed the Enhanced Partnership with Pakistan Act of 1 2009, "
        "which authorizes up to $1.5 billion a year for civilian assistance to Pakistan for "
        "fiscal years 2010 through 2014.\n")
    assert (law["year"], law["status"], law["kind"]) == (None, "authorized", "rate")


def test_fortieth_heldout_set() -> None:
    """CRS R47582 (May 2023) on the FY2024 defense request, 9 figures annotated before the
    extractor ran on them: all right on first reading."""
    held_as_floor("heldout40", year=1.0, year_type=1.0, status=1.0, funder=1.0, kind=1.0)


def test_commentary_on_a_defense_budget() -> None:
    """Commentary on the FY2024 defense request read with the fortieth set and not
    committed (The National Interest, the National Taxpayers Union Foundation; 14 figures,
    first status 0.70 -> 0.87 with the set, payer 0.65 -> 0.91): what the President
    "proposed for FY2023" is his request; "approved in the National Defense Authorization
    Act" is the Congress's authorization; "the congressionally approved FY2023 level of
    $858 billion" its appropriation; what comes after "higher than the $858 billion" says
    who made that figure, not the others; "since the Biden administration came into office"
    is a span; "now amounts to" a running total; "the federal government" pays."""
    from etl.__main__ import figure_records

    korb = figure_records(
        "First, in deciding on the size of his FY2024 defense budget increase, would Biden use "
        "the $813 billion he originally proposed for FY2023 as a base? Or would Biden use the "
        "$860 billion, which was approved in the National Defense Authorization Act (NDAA) "
        "for FY2023?\nFor FY2024, Biden used the latter—the congressionally approved FY2023 "
        "level of $858 billion—as a base and proposed a total budget for FY2024 of $886 "
        "billion, an increase of 3.2 percent.\n")
    assert [(r["year"], r["status"], r["funder"]) for r in korb] == [
        (2023, "requested", "White House"), (2023, "authorized", "U.S. Congress"),
        (2023, "appropriated", "U.S. Congress"), (2024, "requested", "White House")]
    request, difference, enacted = figure_records(
        "President Biden’s defense budget request for fiscal year (FY) 2024 includes a record "
        "$886 billion for the national defense budget.\n\nThe $886 billion for defense is $28 "
        "billion, or 3.26 percent, higher than the $858 billion defense budget Congress "
        "enacted in FY 2023.\n")[1:]
    assert (request["status"], request["funder"]) == ("requested", "White House")
    assert (difference["status"], difference["funder"]) == ("requested", "White House")
    assert (enacted["status"], enacted["funder"]) == ("appropriated", "U.S. Congress")
    grown, ukraine, retirement = figure_records(
        "Even if Congress does not add to his FY2024 proposal, which appears unlikely, this "
        "would mean that, since the Biden administration came into office, the defense budget "
        "will have grown by $146 billion, or 20 percent. This is exclusive of the military "
        "assistance to Ukraine, which now amounts to over $50 billion. Moreover, it does not "
        "include the $100 billion the federal government spends each year.\n")
    assert grown["year"] is None
    assert (ukraine["year"], ukraine["kind"]) == (None, "cumulative")
    assert (retirement["funder"], retirement["kind"]) == ("United States government", "rate")


def test_a_committee_s_recommendation_and_money_appropriated_to_an_agency() -> None:
    """The committed sets' last payers left empty where the Congress pays: a committee's
    "recommendation" (the House Appropriations Committee's remarks of the thirty-fifth set)
    and money an agency "was directly appropriated" (the Fish and Wildlife Service's page of
    the thirty-sixth)."""
    from etl.__main__ import figure_records

    [recommended] = figure_records(
        "The recommendation for FY 2013 provides $3.3 billion, excluding Senate items.\n")
    assert (recommended["status"], recommended["funder"]) == ("proposed", "U.S. Congress")
    [fws] = figure_records(
        "We were directly appropriated $455 million over five years in BIL funds for programs "
        "related to the President’s America the Beautiful initiative.\n")
    assert (fws["status"], fws["funder"]) == ("appropriated", "U.S. Congress")


def test_a_budget_in_naira_proposed_approved_and_shared_out() -> None:
    """News of Nigeria's 2024 budget read with the fortieth set and not committed (GWG.ng,
    VerifiedGist, Naija News; 21 figures): first status 0.33, payer 0.14 (the Ministry of
    Interior read as the U.S. Department of the Interior) -> 0.90, 0.90. A budget "laid ...
    to the National Assembly" is requested; "as proposed by President Bola Tinubu" between
    "from" and "to" is the first figure's; approval "from both chambers" and "the approved
    budget" are the budget's law; a ministry "was allocated", "received" or "secured" money
    it does not pay; a budget's money in naira is the Nigerian government's."""
    from etl.__main__ import figure_records

    [laid] = figure_records(
        "The federal government has given the green light to a whopping N27.5 trillion for "
        "the 2024 budget which is expected to be laid down as the Appropriation Bill to the "
        "National Assembly.\n", date(2023, 11, 27))
    assert (laid["year"], laid["status"], laid["funder"]) == (
        2024, "requested", "Government of Nigeria")
    proposed, passed = figure_records(
        "The budget was passed after its size was increased from N27.5 trillion, as proposed "
        "by President Bola Tinubu, to N28.7 trillion.\n")
    assert passed["status"] != "requested"
    assert proposed["status"] == "requested"
    story = figure_records(
        "The 10th Senate passed the 2024 appropriation bill on Saturday.\n\nThis updated "
        "Appropriation Bill received approval from both chambers of the National Assembly.\n\n"
        "In the approved budget, Naija News gathered that the Ministry of Defence received "
        "the highest allocation of N1.3 trillion.\n\nThe Ministry of Health and Social "
        "Welfare was allocated N667.577 billion.\n\nThe Ministry of Interior was granted "
        "N362.552 billion.\n\nThe Ministry of Foreign Affairs secured N140.456 billion.\n",
        date(2023, 12, 31))
    assert [(r["year"], r["status"], r["funder"]) for r in story] == [
        (2024, "appropriated", "Government of Nigeria")] * 4


def test_forty_first_heldout_set() -> None:
    """The Health Resources and Services Administration's newsletters (2018-2022) and a
    Federal Register notice of its awards, 18 figures annotated before the extractor ran on
    them (first year 0.44, status 0.61)."""
    held_as_floor("heldout41", year=0.85, year_type=0.85, status=0.9, funder=0.85, kind=0.85)


def test_a_newsletter_s_dated_items_and_names_that_are_no_plans() -> None:
    """The forty-first set's sentences: an item dated "September 18 -" in a newsletter of
    September 19, 2019 is that year's news; "HHS Awards $374 Million" a headline's award;
    "HHS, through the Health Resources and Services Administration (HRSA), announced" is
    HHS's; "the American Rescue Plan to Expand" is a law's name, not a plan; "$293 million
    in awards" and "33 awards for $17,248,966" are awards (not "EPA will award")."""
    from etl.__main__ import figure_records

    item = figure_records(
        "HHS Awards $374 Million to Programs Supporting Maternal and Child Health\n\n"
        "September 12 - The U.S. Department of Health and Human Services (HHS) announced "
        "approximately $351 million in funding to 56 states.\n", date(2019, 9, 19))
    assert [(r["year"], r["year_type"]) for r in item] == [(2019, "calendar")] * 2
    assert (item[0]["status"], item[1]["status"]) == ("obligated", "reported")
    [rescue] = figure_records(
        "Today, the U.S. Department of Health and Human Services (HHS), through the Health "
        "Resources and Services Administration (HRSA), announced the availability of $14.2 "
        "million from the American Rescue Plan to expand pediatric mental health care.\n",
        date(2021, 5, 20))
    assert (rescue["status"], rescue["funder"]) == (
        "reported", "Department of Health and Human Services")
    awards, notice = figure_records(
        "HRSA announced $293 million in awards to primary health care clinicians.\n\n"
        "Amount of Non-Competitive Awards: 33 awards for $17,248,966.\n")
    assert awards["status"] == notice["status"] == "obligated"
    [future] = figure_records("EPA will award up to $150 million in grants to EFCs over the "
                              "next five years.\n")
    assert future["status"] != "obligated"


def test_advocacy_on_aid_to_mexico() -> None:
    """Advocacy and commentary on U.S. aid to Mexico read with the forty-first set and not
    committed (CUSLAR, the USGLC, Small Wars Journal, Hearing Asylum, The Texas Tribune; 9
    figures): first status 0.78, payer 0.67, kind 0.89 -> 0.89, 0.78, 1.00. What is said
    after a new level ("would fall to $337 million in the Administration's FY15 budget
    request") is that level's; the government "given" money is not its payer; "By the end
    of FY2014 ... had given" is a running total; "Mexico's $10 billion defense budget" is
    Mexico's."""
    from etl.__main__ import figure_records

    now, then = figure_records(
        "The United States provided about $475 million in overall foreign assistance to "
        "Central America and Mexico in FY13, a level that would fall to $337 million in the "
        "Administration’s FY15 budget request.\n")
    assert (now["year"], now["status"]) == (2013, "reported")
    assert (then["year"], then["status"]) == (2015, "requested")
    [given] = figure_records("By the end of FY2014 the U.S. had given the Mexican government "
                             "$2.35 billion in aid.\n")
    assert (given["year"], given["kind"], given["funder"]) == (
        None, "cumulative", "United States government")
    [budget] = figure_records(
        "The amount of U.S. monetary aid being funneled into Mexico is significant, making up "
        "roughly 2 percent of Mexico’s $10 billion defense budget.\n")
    assert budget["funder"] == "Government of Mexico"


def test_forty_second_heldout_set() -> None:
    """The Senate's and the House's appropriations committee reports on the emergency
    supplemental of March 2007, 8 figures annotated before the extractor ran on them
    (first year 0.88, status 0.62)."""
    held_as_floor("heldout42", year=1.0, year_type=1.0, status=1.0, funder=1.0, kind=1.0)


def test_forty_third_heldout_set() -> None:
    """The House Appropriations Committee's floor statements and remarks on bills for fiscal
    2013, 2017, 2019 and 2024, 17 figures annotated before the extractor ran on them (first
    year 0.88, status 0.65, payer 0.94)."""
    held_as_floor("heldout43", year=0.85, year_type=0.85, status=0.8, funder=1.0, kind=0.85)


def test_a_floor_statement_s_bill_its_comparisons_and_its_congress() -> None:
    """The forty-third set's sentences: "During the last Congress" is a time, not a payer;
    "this Conference Report provides" proposes; "consistent with the levels authorized by
    the NDAA" is what the levels compared with were; "However, it is nearly $800 million
    above the President's request" measures the bill's figure two sentences before; "In
    total, it provides" after "funding requested by the President" is the bill's, not the
    request's."""
    from etl.__main__ import figure_records

    [spent] = figure_records("During the last Congress, three trillion dollars was spent "
                             "outside of the normal appropriations process.\n")
    assert spent["funder"] is None and spent["status"] == "disbursed"
    [agent] = figure_records("The $5 billion was approved by the 118th Congress.\n")
    assert agent["funder"] == "U.S. Congress"  # (a Congress as the agent pays)
    [report] = figure_records(
        "In total, this Conference Report provides $674.4 billion for our military – "
        "consistent with the levels authorized by the NDAA.\n")
    assert report["status"] == "proposed"
    bill, above = figure_records(
        "The bill provides $17.5 billion for military construction. This is less than the "
        "FY23 enacted amount. However, it is nearly $800 million above the President's "
        "request.\n")
    assert bill["status"] == above["status"] == "proposed"
    [total] = figure_records(
        "The bill includes full-year funding for the remaining 11 annual Appropriations "
        "bills, as well as critical emergency and supplemental funding requested by the "
        "President.\n\nIn total, it provides $1.163 trillion in base funding.\n")
    assert total["status"] == "proposed"


def test_forty_fourth_heldout_set() -> None:
    """The Department of Transportation's and the Department of Labor's grant releases and
    bulletins, 2015-2025, 22 figures annotated before the extractor ran on them (first
    status 0.50, payer 0.50)."""
    held_as_floor("heldout44", year=0.9, year_type=0.9, status=0.95, funder=0.85, kind=0.95)


def test_grant_releases_award_and_a_law_s_own_money() -> None:
    """The forty-fourth set's sentences: "announced today the award of $145 million" and "the
    award of three Dislocated Worker Grants (DWGs) totaling $6,268,512" are awards (not "cash
    awards of up to $5 million" on offer); "The department awarded ... Fund grants to the
    following recipients:" gives its list its stage and its payer, not the fund's; "the
    CARES Act, which provided $345 million" and "the Bipartisan Infrastructure Law (BIL)'s
    $26.5 billion" are the Congress's; a Secretary's title names the department; a total
    awarded is an agency's, not the law's before it; the same figure said again in a
    Secretary's words keeps its stage."""
    from etl.__main__ import figure_records

    award, = figure_records("The U.S. Department of Labor announced today the award of $145 "
                            "million in the H-1B One Workforce Grant Program.\n")
    assert (award["status"], award["funder"]) == ("obligated", "Department of Labor")
    [offer] = figure_records("The Department of State offers cash awards of up to $5 million "
                             "for information leading to an arrest.\n")
    assert offer["status"] != "obligated"
    listed = figure_records(
        "The U.S. Department of Labor today announced grants to 14 states.\n"
        "The department awarded Industry-Driven Skills Training Fund grants to the following "
        "recipients:\n- Arizona Department of Economic Security: $5 million to support "
        "advanced manufacturing.\n")
    assert (listed[0]["status"], listed[0]["funder"]) == ("obligated", "Department of Labor")
    law, total = figure_records(
        "The U.S. Department of Labor today announced the award of three Dislocated Worker "
        "Grants (DWGs). Funded by the Coronavirus Aid, Relief and Economic Security (CARES) "
        "Act, which provided $345 million for DWGs. This latest award follows six previous "
        "waves, bringing the total amount awarded to states to $245,249,950.\n")
    assert (law["status"], law["funder"]) == ("appropriated", "U.S. Congress")
    assert (total["status"], total["funder"], total["kind"]) == (
        "obligated", "Department of Labor", "cumulative")
    [bil] = figure_records("It is funded under the Bipartisan Infrastructure Law (BIL)’s $26.5 "
                           "billion Bridge Formula Program.\n")
    assert (bil["status"], bil["funder"]) == ("appropriated", "U.S. Congress")
    [headline] = figure_records("U.S. Transportation Secretary Pete Buttigieg Announces $1.8 "
                                "Billion in Infrastructure Grants\n")
    assert headline["funder"] == "Department of Transportation"
    [joint] = figure_records(
        "U.S. Transportation Secretary Pete Buttigieg and White House Deputy Chief of Staff "
        "Natalie Quillian held a virtual news conference to announce $1.8 billion in awards.\n")
    assert joint["funder"] == "Department of Transportation"
    said = figure_records(
        "The U.S. Department of Labor today announced the award of more than $86 million in "
        "grants to 14 states. “By investing more than $86 million in workforce development, "
        "we are carrying out our responsibility,” said the Secretary.\n")
    assert [r["status"] for r in said] == ["obligated", "obligated"]


def test_forty_fifth_heldout_set() -> None:
    """The Government of Canada's news releases as the Canada News Centre feed and a news
    aggregator listed them, 15 figures annotated before the extractor ran on them (first
    payer 0.53, kind 0.73). No figure has a year, so its years stay below the trivial
    baseline ("the 2024 cohort of Applied Public Health Chairs, ... with an investment of
    $13.8 million" is read as that year's); held as a floor, payer above its baseline."""
    held_as_floor("heldout45", above=("funder",), year=0.9, year_type=0.9, status=1.0,
                  funder=0.6, kind=1.0)


def test_federal_money_and_joint_investments() -> None:
    """The forty-fifth set's sentences: "a federal investment of approximately $7.9 million",
    in a story of Canada's, is the Government of Canada's; "a combined investment of nearly
    $5.2 million from the federal and local governments" is several payers' money, not a
    total over time."""
    from etl.__main__ import figure_records

    [federal] = figure_records(
        "Today, the Minister of Energy and Natural Resources and the Manitoba Environment "
        "Minister announced a federal investment of approximately $7.9 million toward a heat "
        "pump program in Manitoba and across Canada.\n")
    assert federal["funder"] == "Government of Canada"
    [combined] = figure_records(
        "The retrofit of four community facilities on Vancouver Island will improve energy "
        "efficiency, after a combined investment of nearly $5.2 million from the federal and "
        "local governments.\n")
    assert combined["kind"] == "amount"


def test_a_contract_s_completion_date_and_the_defense_logistics_agency() -> None:
    """The Department of Defense's contract announcements of August 10, 2020 (read with the
    forty-fifth set, 4 figures: year 0.50 first, then 1.00): "with an estimated completion
    date of Aug. 9, 2030" is when the work ends, in a month written short, and lends no
    year to the award after it; "The contracting activity is the Defense Logistics Agency
    Troop Support" names the Department of Defense (two committed figures of the fifteenth
    set took no payer before)."""
    from etl.__main__ import figure_records

    first, second = figure_records(
        "Sierra Nevada Corp., Sparks, Nevada, was awarded a $318,952,224 contract for key "
        "loader production. Work locations and funding will be determined with each order, "
        "with an estimated completion date of Aug. 9, 2030.\n\nRemotec Inc., Clinton, "
        "Tennessee, was awarded a $48,600,000 contract for the reset of robots.\n",
        date(2020, 8, 10))
    assert (first["year"], second["year"]) == (2020, 2020)
    _, after_dla = figure_records(
        "US Foods, Los Angeles, California, has been awarded a maximum $525,250,000 contract "
        "for food distribution. The contracting activity is the Defense Logistics Agency "
        "Troop Support.\n\nSysco, Suffolk, Virginia, has been awarded a maximum $377,791,948 "
        "contract for food distribution.\n")
    assert after_dla["funder"] == "Department of Defense"


def test_forty_sixth_heldout_set() -> None:
    """The Congressional Budget Office's cost estimates for H.R. 3029 (June 24, 2025) and
    H.R. 9722, with their tables as the pages flatten them, 6 figures annotated before the
    extractor ran on them (first payer 0.83: "the bill's reporting requirements" read as
    the Congress paying)."""
    held_as_floor("heldout46", year=1.0, year_type=1.0, status=1.0, funder=1.0, kind=1.0)


def test_money_in_a_law_s_funding_is_the_congress_s() -> None:
    """Recovery.gov's page of Inspectors General findings of 2009 (read with the forty-sixth
    set and two Justice Department inspector general's semiannual highlights, 8 figures;
    payer 0.88 first, then 1.00): "the $50 million in Recovery Act funding for the
    Aquaculture Grant Program" is the law's money, not the Department of Transportation's
    of the paragraph before (its stage stays the sentence's, as the twenty-first set's "$30
    million in Bipartisan Infrastructure Law funding" is announced news)."""
    from etl.__main__ import figure_records

    dot, usda = figure_records(
        "The Department of Transportation (DOT) will distribute approximately $37 billion "
        "through major grants programs.\n\nAs part of its ongoing oversight of the $50 million "
        "in Recovery Act funding for the Aquaculture Grant Program, the Office of Inspector "
        "General reviewed draft agreements.\n")
    assert dot["funder"] == "Department of Transportation"
    assert usda["funder"] == "U.S. Congress"


def test_a_committee_report_recommends_for_its_title_s_year() -> None:
    """The forty-second set's sentences: "The Committee recommends", "The Committee provides"
    and "The bill recommended by the Committee includes" are proposals; a committee
    report's figure pages below its title takes the one fiscal year the title names, and
    a year named only in a comparison ("the same amount included in the fiscal 2019 bill")
    dates nothing."""
    from etl.__main__ import figure_records

    report = figure_records(
        "MAKING EMERGENCY SUPPLEMENTAL APPROPRIATIONS FOR THE FISCAL YEAR ENDING SEPTEMBER 30, "
        "2007, AND FOR OTHER PURPOSES\n\nThe Committee on Appropriations reports the "
        "original bill (S. 965) making emergency supplemental appropriations for the fiscal "
        "year ending September 30, 2007, and for other purposes, reports favorably thereon "
        "and recommends that the bill do pass.\n\nThe Committee recommends $121,664,084,000 in "
        "supplemental appropriations.\n\nTITLE I\n\nCHAPTER 1\n\nDEPARTMENT OF AGRICULTURE\n\n"
        "FOREIGN AGRICULTURAL SERVICE\n\nPUBLIC LAW 480 TITLE II GRANTS\n\nThe Committee "
        "provides $450,000,000, to remain available until expended, for Public Law 480 Title "
        "II grants.\n\nCHAPTER 2\n\nDEPARTMENT OF JUSTICE\n\nLEGAL ACTIVITIES\n\nSALARIES AND "
        "EXPENSES\n\nThe recommendation includes $1,648,000 for General Legal Activities.\n")
    assert [(r["year"], r["status"], r["funder"]) for r in report] == [
        (2007, "proposed", "U.S. Congress")] * 3
    assert report[2]["year_source"] == "document"
    [same] = figure_records(
        "The homeland security bill includes $1.375 billion for physical barriers, the same "
        "amount included in the fiscal 2019 bill.\n")
    assert same["year"] is None


def test_foundations_pledge_and_commit() -> None:
    """Foundations' pledges read with the forty-second set and not committed (Philanthropy
    News Digest on the Gates Foundation, 2022; the Rockefeller Foundation's release; a
    Global Health Council release of 2003; 13 figures): first status 0.54, payer **0.08**
    -> 1.00, 0.85. "Pledges", "will commit", "in ... commitments" are proposals; "aims to
    raise" a target asked for; "The Bill & Melinda Gates Foundation" is one name; "United
    Nations General Assembly week" names no payer."""
    from etl.__main__ import figure_records

    gates = figure_records(
        "The Bill & Melinda Gates Foundation has announced $1.27 billion in health and "
        "development commitments.\nAnnounced during United Nations General Assembly week, "
        "the commitments include a $912 million pledge to the Global Fund to Fight AIDS, "
        "Tuberculosis and Malaria.\n")
    assert [(r["status"], r["funder"]) for r in gates] == [
        ("proposed", "Bill & Melinda Gates Foundation")] * 2
    [rockefeller] = figure_records(
        "The Rockefeller Foundation announces it will commit US$15 million to the Global "
        "Fund to Fight AIDS, tuberculosis, and malaria.\n")
    assert (rockefeller["status"], rockefeller["funder"]) == (
        "proposed", "Rockefeller Foundation")
    [target] = figure_records("This year, the Global Fund partnership aims to raise US$18 "
                              "billion to protect hard-fought gains.\n")
    assert target["status"] == "requested"


def test_laws_named_across_a_line_break() -> None:
    """The words a law's name is looked for after may be split by a hard-wrapped line (as
    the CRS and GAO texts of these sets are): the Congress still pays what "the Bipartisan
    Infrastructure Law\\nprovides" and what a law "authorized\\nby" the act gives, and "for FY
    1984\\nand before" is still a span."""
    from etl.__main__ import figure_records

    [law] = figure_records("The Bipartisan Infrastructure Law\nprovides $98 million for the "
                           "program.\n")
    assert (law["status"], law["funder"]) == ("appropriated", "U.S. Congress")
    [act] = figure_records(
        "PEPFAR was authorized\nby the United States Leadership Against HIV/AIDS, Tuberculosis "
        "and Malaria Act of 2003, which provides $15 billion.\n")
    assert act["funder"] == "U.S. Congress"
    [span] = figure_records("AID had to disburse $420 million in its M accounts for FY 1984\n"
                            "and before.\n")
    assert span["year"] is None
