"""Issue 16: limits on what one visitor can make the server do. Each limit is a named
setting with a default (dashboard/limits.py); each is hit here, with its message checked
and nothing written."""

from __future__ import annotations

import datetime
import fcntl
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from helpers import ROOT, run_app

import dashboard.data
import dashboard.downloads
from dashboard import limits
from dashboard.limits import EXPORTS_PER_MINUTE, LIMITS, LimitReached, take, wait_seconds
from etl.txn import lock_busy


def test_each_limit_is_a_named_setting_with_a_default(monkeypatch) -> None:
    for limit in LIMITS:
        assert limit.variable.startswith("FUNDTRACE_") and limit.default >= 1
        monkeypatch.setenv(limit.variable, "7")
        assert limit.value() == 7
        for bad in ("", "none", "0", "-3"):
            monkeypatch.setenv(limit.variable, bad)
            assert limit.value() == limit.default


def test_rate_limit_counts_per_visitor_and_per_minute(monkeypatch) -> None:
    monkeypatch.setenv(EXPORTS_PER_MINUTE.variable, "2")
    take(EXPORTS_PER_MINUTE, "a", now=1000.0)
    take(EXPORTS_PER_MINUTE, "a", now=1001.0)
    with pytest.raises(LimitReached, match=r"at most 2 ZIP bundles .*FUNDTRACE_EXPORTS_PER_"
                                           r"MINUTE.*try again in 59 s"):
        take(EXPORTS_PER_MINUTE, "a", now=1001.5)
    take(EXPORTS_PER_MINUTE, "b", now=1001.5)  # another visitor is not held up
    assert wait_seconds(EXPORTS_PER_MINUTE, "a", now=1060.5) == 0  # a minute later


def extract(at, text: str):
    at.text_area(key="add_text").set_value(text)
    at.text_input(key="add_title").set_value("Limits")
    at.text_input(key="add_publisher").set_value("Test Wire")
    at.date_input(key="add_published").set_value(datetime.date(2011, 6, 1))
    at.button[0].click().run()
    assert not at.exception
    return at


@pytest.mark.usefixtures("editing")
def test_extractions_per_minute(monkeypatch) -> None:
    monkeypatch.setenv("FUNDTRACE_EXTRACTIONS_PER_MINUTE", "2")
    at = run_app("add")
    for amount in ("1", "2"):
        extract(at, f"The Pentagon gave Mexico ${amount} million in 2011.")
        assert not at.error
    first = at.session_state["add_draft"]["machine"]["text"].tolist()
    extract(at, "The Pentagon gave Mexico $3 million in 2011.")
    assert [e.value for e in at.error] == [
        "Limit reached: at most 2 extractions (Extract figures, fetch a web page) per visitor "
        "per minute (FUNDTRACE_EXTRACTIONS_PER_MINUTE); try again in 60 s."]
    assert at.session_state["add_draft"]["machine"]["text"].tolist() == first == ["$2 million"]


@pytest.fixture
def one_visitor(monkeypatch) -> str:
    monkeypatch.setattr(dashboard.downloads, "session_id", lambda: "visitor")
    limits._uses.pop((EXPORTS_PER_MINUTE.variable, "visitor"), None)
    return "visitor"


def test_exports_per_minute(monkeypatch, one_visitor: str) -> None:
    monkeypatch.setenv("FUNDTRACE_EXPORTS_PER_MINUTE", "1")
    at = run_app("data")
    zip_button = next(b for b in at.get("download_button") if b.key == "dl-bundle")
    assert not zip_button.disabled
    take(EXPORTS_PER_MINUTE, one_visitor)  # one ZIP made
    at.run()
    zip_button = next(b for b in at.get("download_button") if b.key == "dl-bundle")
    assert zip_button.disabled
    assert any(c.value.startswith("Limit reached: at most 1 ZIP bundles")
               for c in at.caption)


def test_rows_shown_and_downloaded(monkeypatch) -> None:
    monkeypatch.setenv("FUNDTRACE_MAX_ROWS_SHOWN", "2")
    monkeypatch.setenv("FUNDTRACE_MAX_ROWS_DOWNLOADED", "1")
    at = run_app("data", {"table": "sentences"})
    n = len(dashboard.data.load_tables().sentences)
    assert len(at.dataframe[0].value) == 2
    # the rest a page away: the page number's label names the setting
    (number,) = at.number_input
    assert number.key == "page" and number.max == -(-n // 2)
    assert "FUNDTRACE_MAX_ROWS_SHOWN" in number.label
    assert any(c.value.startswith(f"{n:,} of {n:,} rows · rows 1–2 shown") for c in at.caption)
    buttons = {b.key: b for b in at.get("download_button")}
    assert buttons["dl-sentences-full-csv"].disabled
    assert any("over the 1 rows one download may hold (FUNDTRACE_MAX_ROWS_DOWNLOADED)"
               in c.value for c in at.caption)


def test_a_second_save_waits_for_the_rebuild_running(data_copy: Path, monkeypatch,
                                                     editing) -> None:
    subprocess.run([sys.executable, "-m", "etl", "build", "--data", str(data_copy), "-q"],
                   cwd=ROOT, check=True, timeout=120)
    monkeypatch.setattr(dashboard.data, "DATA_DIR", data_copy)
    at = extract(run_app("add"), "The Pentagon gave Mexico $7 million in 2011.")
    before = {p.name for p in (data_copy / "sources").iterdir()}
    lock = open(data_copy / ".write.lock", "a+")  # noqa: SIM115
    fcntl.flock(lock.fileno(), fcntl.LOCK_EX)
    assert lock_busy(data_copy)
    threading.Timer(3.0, lambda: (fcntl.flock(lock.fileno(), fcntl.LOCK_UN),
                                  lock.close())).start()
    start = time.monotonic()
    at.button(key="add_save").click().run(timeout=120)
    assert time.monotonic() - start >= 2.5  # it waited for the other writer
    assert not at.exception and not at.error
    assert "Another save is rebuilding the tables" in " ".join(i.value for i in at.info)
    assert not lock_busy(data_copy)
    added = {p.name for p in (data_copy / "sources").iterdir()} - before
    assert len(added) == 1 and "limits" in added.pop()  # saved once the lock was free
