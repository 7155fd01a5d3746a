"""Curation records: corrections survive a rebuild; an orphaned one is reported."""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pandas as pd
from helpers import ROOT, SEED_ID, SEED_TEXT

from etl.curation import Curation, append_curations


def build(data: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "etl", "build", "--data", str(data)],
                          capture_output=True, text=True, cwd=ROOT, timeout=120)


def record(action: str, text: str, **kw) -> Curation:
    start = kw.pop("start", SEED_TEXT.index(text))
    return Curation(action=action, start=start, end=start + len(text), text=text,
                    at=datetime.now(UTC).isoformat(), **kw)


def test_corrections_survive_a_rebuild(data_copy: Path) -> None:
    append_curations(data_copy, SEED_ID, [
        record("set", "$50 million", attribute="purpose", value="southern border security",
               machine_value="security along Mexico's southern border",
               reason="shorter label"),
        record("drop", "$12.2 million", reason="testing a drop"),
        record("add", "hundreds", attributes={"amount": 300, "currency": "USD",
                                              "year": 2010, "purpose": "training"},
               reason="testing an add"),
    ])
    for _ in range(2):  # the second rebuild reruns the machine and reapplies the records
        proc = build(data_copy)
        assert proc.returncode == 0, proc.stderr
        figures = pd.read_csv(data_copy / "tidy" / "figures.csv").set_index("text")
        assert figures.loc["$50 million", "purpose"] == "southern border security"
        assert figures.loc["$50 million", "curated"] == "purpose"
        assert "$12.2 million" not in figures.index
        assert figures.loc["hundreds", "amount"] == 300 and figures.loc["hundreds",
                                                                        "curated"] == "added"
        curations = pd.read_csv(data_copy / "tidy" / "curations.csv")
        assert set(curations.status) == {"applied"} and len(curations) == 3


def test_orphaned_correction_is_reported(data_copy: Path) -> None:
    append_curations(data_copy, SEED_ID, [
        record("set", "$50 million", attribute="status", value="appropriated",
               reason="checked the budget"),
    ])
    article = data_copy / "sources" / SEED_ID / "article.txt"
    article.write_text(article.read_text().replace("$50 million", "$60 million"))
    proc = build(data_copy)
    assert proc.returncode == 0
    assert "curation no longer applies" in proc.stderr and "'$50 million'" in proc.stderr
    curations = pd.read_csv(data_copy / "tidy" / "curations.csv")
    assert curations.iloc[0].status == "orphaned"
    assert "no longer '$50 million'" in curations.iloc[0].problem
    figures = pd.read_csv(data_copy / "tidy" / "figures.csv").set_index("text")
    assert figures.loc["$60 million", "status"] == "proposed"  # the machine's, not applied


def test_bad_value_is_reported_not_applied(data_copy: Path) -> None:
    append_curations(data_copy, SEED_ID, [
        record("set", "$50 million", attribute="qualifier", value="roughly-ish")])
    proc = build(data_copy)
    assert proc.returncode == 0 and "qualifier must be one of" in proc.stderr


def test_a_corrected_currency_says_a_person_set_it() -> None:
    """The currency's provenance, like the year's, stage's and payer's, names the person's
    correction once one is applied."""
    from etl.curation import apply_curations
    from etl.extract import extract

    text = "The Canadian government will give $8.3 million to help the beef industry.\n"
    figures = extract(text).figures
    assert (figures[0].currency, figures[0].currency_source) == ("CAD", "document")
    fixed, outcomes = apply_curations(text, "d", figures, lambda _: 0, [
        Curation(action="set", start=text.index("$"), end=text.index("$") + 12,
                 text="$8.3 million", attribute="currency",
                 value="USD", reason="the digest reprints a U.S. figure",
                 at=datetime.now(UTC).isoformat())])
    assert [o.status for o in outcomes] == ["applied"]
    assert (fixed[0].currency, fixed[0].currency_source) == ("USD", "curation")
