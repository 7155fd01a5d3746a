"""`python -m etl extract FILE|-`: JSON Lines out, exit 2 with one line for bad input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from helpers import DATA, ROOT, SEED_ID, SEED_TEXT

REQUIRED = {"amount_usd", "amount_high_usd", "currency", "qualifier", "year", "year_type",
            "funder", "recipient", "purpose", "status", "sentence", "start", "end"}


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "etl", "extract", *args], input=stdin,
                          capture_output=True, cwd=ROOT, timeout=60)


def test_file_gives_one_object_per_figure() -> None:
    proc = run(str(DATA / "sources" / SEED_ID / "article.txt"))
    assert proc.returncode == 0, proc.stderr
    rows = [json.loads(line) for line in proc.stdout.decode().splitlines()]
    assert len(rows) == 3
    for row in rows:
        assert row.keys() >= REQUIRED
        assert SEED_TEXT[row["start"] : row["end"]] == row["text"]
        assert row["sentence"] in SEED_TEXT
    assert rows[1]["amount_usd"] == 34e6 and rows[1]["qualifier"] == "lower_bound"
    assert rows[2]["year"] == 2011 and rows[2]["year_type"] == "fiscal"


def test_stdin_and_range_and_currency() -> None:
    text = "Spain gave €5 million, and the State Department gave $1.3 billion to $1.6 billion."
    proc = run("-", stdin=text.encode())
    assert proc.returncode == 0
    rows = [json.loads(line) for line in proc.stdout.decode().splitlines()]
    assert [text[r["start"] : r["end"]] for r in rows] == ["€5 million",
                                                           "$1.3 billion to $1.6 billion"]
    assert rows[0]["currency"] == "EUR" and rows[0]["amount_usd"] is None
    assert (rows[1]["amount_usd"], rows[1]["amount_high_usd"]) == (1.3e9, 1.6e9)
    assert rows[1]["qualifier"] == "range"


def test_empty_input_gives_no_figures() -> None:
    proc = run("-", stdin=b"")
    assert (proc.returncode, proc.stdout) == (0, b"")


def check_error(proc: subprocess.CompletedProcess[bytes], needle: str) -> None:
    assert proc.returncode == 2
    assert proc.stdout == b""
    err = proc.stderr.decode()
    assert err.count("\n") == 1 and "Traceback" not in err
    assert needle in err


def test_non_utf8(tmp_path: Path) -> None:
    bad = tmp_path / "latin1.txt"
    bad.write_bytes("Le budget: 5 millions d’€ à Mexico".encode("cp1252"))
    check_error(run(str(bad)), "not UTF-8")
    check_error(run(str(bad)), str(bad))


def test_binary(tmp_path: Path) -> None:
    binary = tmp_path / "x.bin"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    check_error(run(str(binary)), "binary")


def test_unreadable(tmp_path: Path) -> None:
    check_error(run(str(tmp_path / "missing.txt")), "cannot read")
    check_error(run(str(tmp_path)), "is a folder")


def test_too_large_stdin() -> None:
    check_error(run("-", stdin=b"a" * 2_100_000), "limit")
