"""URL state: one model validates every parameter; bad values fall back with a notice."""

from __future__ import annotations

from helpers import run_app

from dashboard.state import Allowed, parse, share_params, share_url

ALLOWED = Allowed(views=["Department of Defense → Mexico"], docs=["doc-a"],
                  figures=["fig-0123456789"], funders=["Department of Defense"],
                  recipients=["Mexico"], statuses=["estimated", "proposed"],
                  years=(2008, 2011))


def test_valid_state() -> None:
    parsed = parse({"view": ["Department of Defense → Mexico"], "notes": ["false"],
                    "chart": ["bars"], "f_status": ["estimated", "proposed"],
                    "f_year": ["2008", "2010"], "v": ["3a532c46"]}, ALLOWED)
    assert parsed.rejected == []
    s = parsed.state
    assert (s.notes, s.chart, s.f_status, s.f_year, s.v) == (
        False, "bars", ["estimated", "proposed"], [2008, 2010], "3a532c46")


def test_each_bad_value_is_named_and_defaulted() -> None:
    parsed = parse({"chart": ["pie"], "notes": ["maybe"], "view": ["<b>x</b>"],
                    "figure": ["../../etc/passwd"], "f_year": ["2011", "2008"],
                    "v": ["not-hex"], "table": ["secrets"], "doc": ["x" * 5000],
                    "zzz": ["ignored"]}, ALLOWED)
    assert parsed.rejected == ["chart", "doc", "f_year", "figure", "notes", "table", "v",
                               "view"]
    s = parsed.state
    assert (s.chart, s.notes, s.view, s.figure, s.f_year, s.v, s.table) == (
        "dots", True, None, None, [], None, "figures")
    for notice in parsed.notices():
        assert "<b>" not in notice and "passwd" not in notice


def test_share_params_keep_non_defaults_and_version() -> None:
    values = {"view": "Department of Defense → Mexico", "notes": True, "chart": "bars"}
    assert share_params("", values, "3a532c46") == {
        "view": "Department of Defense → Mexico", "chart": "bars", "v": "3a532c46"}
    url = share_url("http://h:1", "data", {"table": "claims", "f_status": ["proposed"]}, "ab12cd34")
    assert url == "http://h:1/data?table=claims&f_status=proposed&v=ab12cd34"


def test_link_from_another_data_version_shows_a_notice() -> None:
    at = run_app(query={"v": "0123abcd"})
    notices = [w.value for w in at.warning]
    assert len(notices) == 1
    assert "data version 0123abcd" in notices[0] and "changed since" in notices[0]


def test_link_at_the_current_version_shows_no_notice() -> None:
    from dashboard.data import load_tables

    at = run_app(query={"v": load_tables().version[:8]})
    assert [w.value for w in at.warning] == []


def test_invalid_widget_value_shows_notice_and_default() -> None:
    at = run_app(query={"chart": "pie", "unknown": "1"})
    assert not at.exception
    assert [w.value for w in at.warning] == [
        "The link's value for “chart” is not valid here; showing the default instead."]
