"""Integrity under hostile and faulty input (issue 10): one test per numbered finding.

Each reproduces the finding on a private copy of data/ and checks the fixed behaviour: the
right result, or a one-line message with nothing written.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from datetime import date, timedelta
from pathlib import Path

import pandas as pd
import pytest
from helpers import ROOT, SEED_ID

from etl import build
from etl.__main__ import main
from etl.curation import Curation, append_curations, review_records
from etl.extract import YEAR_MAX, extract
from etl.library import NewSource, add_sources, make_id, validate_meta
from etl.segment import MAX_SENTENCE_CHARS, split_sentences
from etl.sources import SourceError, load_sources


def cli(capsys, *args: str) -> tuple[int, str]:
    """Run the command line in this process; (exit code, standard error)."""
    capsys.readouterr()
    code = main(list(args))
    return code, capsys.readouterr().err


def one_line(err: str) -> None:
    assert err.count("\n") == 1 and err.startswith("error: ") and "Traceback" not in err, err


def tree(data: Path) -> dict[str, bytes]:
    """Every file under the sources, curation and removed folders, with its bytes."""
    out = {}
    for sub in ("sources", "curation", "removed"):
        for p in sorted((data / sub).rglob("*")) if (data / sub).exists() else []:
            if p.is_file():
                out[str(p.relative_to(data))] = p.read_bytes()
    return out


def write(tmp: Path, name: str, text: str) -> Path:
    path = tmp / name
    path.write_text(text, encoding="utf-8")
    return path


def add_args(data: Path, file: Path, title: str = "Aid story",
             published: str = "2011-06-01") -> list[str]:
    return ["add", str(file), "--title", title, "--publisher", "Test Wire", "--published",
            published, "--data", str(data), "-q"]


# 1. one sentence must not put a figure a million years away -------------------------------


@pytest.mark.parametrize("far", ["1000000", "1000000000"])
def test_1_relative_years_stay_plausible(data_copy: Path, tmp_path: Path, capsys,
                                         far: str) -> None:
    text = f"The United States gave Mexico $5 million in 2010 and $6 million {far} years later.\n"
    figures = extract(text).figures
    assert [f.year for f in figures] == [2010, None]
    file = write(tmp_path, "far.txt", text)
    started = time.monotonic()
    code, err = cli(capsys, *add_args(data_copy, file))
    assert code == 0, err
    assert time.monotonic() - started < 60
    obs = pd.read_csv(data_copy / "tidy" / "observations.csv")
    assert obs["year"].max() <= YEAR_MAX and len(obs) < 50
    # A correction cannot put a figure there either: it is refused with the reason.
    append_curations(data_copy, SEED_ID, [Curation(
        action="set", start=_seed_span(data_copy)[0], end=_seed_span(data_copy)[1],
        text="$12.2 million", attribute="year", value=1002010, at="2026-01-01")])
    assert cli(capsys, "build", "--data", str(data_copy), "-q")[0] == 0
    cur = pd.read_csv(data_copy / "tidy" / "curations.csv")
    assert list(cur["status"]) == ["orphaned"] and "year must be" in cur["problem"].iloc[0]


def _seed_span(data: Path) -> tuple[int, int]:
    text = (data / "sources" / SEED_ID / "article.txt").read_text("utf-8")
    start = text.index("$12.2 million")
    return start, start + len("$12.2 million")


# 2. a long line without full stops is linear, not quadratic --------------------------------


@pytest.mark.slow
def test_2_long_line_output_is_linear(data_copy: Path, tmp_path: Path, capsys) -> None:
    line = "word $5 million in 2010 and " * 7200  # 200 KB, no full stop
    assert all(len(s.text) <= MAX_SENTENCE_CHARS for s in split_sentences(line))
    file = write(tmp_path, "long.txt", line + "\n")
    started = time.monotonic()
    capsys.readouterr()
    code = main(["extract", str(file)])
    printed = capsys.readouterr().out
    assert code == 0
    records = [json.loads(x) for x in printed.splitlines()]
    assert len(records) == 7200
    # every figure carries a bounded sentence: output grows with the input, not its square
    assert len(printed.encode()) < 60 * len(line)
    assert all(len(r["sentence"]) <= MAX_SENTENCE_CHARS for r in records)
    code, err = cli(capsys, *add_args(data_copy, file))
    assert code == 0, err
    assert time.monotonic() - started < 120
    size = (data_copy / "tidy" / "figures.csv").stat().st_size
    assert size < 80 * len(line)


# 3. corrections are text, never markdown; " → " in a name breaks nothing ------------------

HOSTILE = "![p](http://127.0.0.2/x.png) [Click](https://evil.example) :red[DEFACED] A → B"


def test_3_hostile_corrections_render_as_text(data_copy: Path, monkeypatch) -> None:
    from helpers import run_app

    import dashboard.data as data_module
    from dashboard.formatting import pair_label

    start, end = _seed_span(data_copy)
    append_curations(data_copy, SEED_ID, [
        Curation(action="set", start=start, end=end, text="$12.2 million", attribute=name,
                 value=HOSTILE, at="2026-01-01")
        for name in ("funder", "recipient", "purpose")])
    assert main(["build", "--data", str(data_copy), "-q"]) == 0
    monkeypatch.setattr(data_module, "DATA_DIR", data_copy)
    hostile = pair_label(HOSTILE, HOSTILE)
    at = run_app()
    for view in (None, hostile):  # the default pair, then the hostile one
        if view:
            at.selectbox(key="view").set_value(view).run()
        assert not at.exception, at.exception
        texts = ([e.value for e in at.subheader] + [e.value for e in at.markdown]
                 + [e.value for e in at.caption] + [m.label for m in at.metric])
        for text in texts:
            assert "![p](" not in text and ":red[" not in text and "[Click](" not in text
    assert at.selectbox(key="view").value == hostile
    assert "\\!\\[p\\]" in at.subheader[0].value  # escaped: shows as the characters typed


# 4. a publication date in the future is refused -------------------------------------------


@pytest.mark.parametrize("published", [(date.today() + timedelta(days=1)).isoformat(),
                                       "2036-01-01", "9999-12-31"])
def test_4_future_dates_are_refused(data_copy: Path, tmp_path: Path, capsys,
                                    published: str) -> None:
    before = tree(data_copy)
    file = write(tmp_path, "f.txt", "Congress gave Mexico $999 million in 2010.\n")
    code, err = cli(capsys, *add_args(data_copy, file, published=published))
    assert code == 2
    one_line(err)
    assert "in the future" in err
    assert tree(data_copy) == before


# 5. crash windows: every step of a replacement and of a save with corrections -------------

_CRASH_SCRIPT = """
import sys
from pathlib import Path
from etl.curation import Curation
from etl.library import NewSource, add_sources, validate_meta
data = Path(sys.argv[1])
text = "The Pentagon gave Belize $7 million in 2011.\\n"
meta = validate_meta({"title": "Belize aid", "publisher": "Test Wire",
                      "date_published": "2011-06-01", "date_added": "2011-06-02",
                      "rights": "test"})
record = Curation(action="set", start=text.index("$7"), end=text.index("$7") + 10,
                  text="$7 million", attribute="purpose", value="radar", at="2026-01-01")
add_sources(data, [NewSource(text, meta, [record])])
"""


def _run(args: list[str], crash_at: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "FUNDTRACE_CRASH_AT": crash_at or ""}
    return subprocess.run([sys.executable, *args], capture_output=True, text=True, cwd=ROOT,
                          env=env, timeout=120)


CRASH_POINTS = ["txn-staged", "txn-committed", "txn-move-0", "txn-move-1", "txn-move-2"]


# the first point runs always; every point runs in CI (the slow marker)
@pytest.mark.parametrize("point", [CRASH_POINTS[0], *(pytest.param(p, marks=pytest.mark.slow)
                                                     for p in CRASH_POINTS[1:])])
def test_5_replace_killed_at_each_step(data_copy: Path, tmp_path: Path, point: str) -> None:
    old = write(tmp_path, "old.txt", "The Pentagon gave Belize $7 million in 2011.\n")
    args = ["-m", "etl", "add", "--title", "Belize aid", "--publisher", "Test Wire",
            "--published", "2011-06-01", "--data", str(data_copy), "-q", "--no-build"]
    assert _run([*args, str(old)]).returncode == 0
    new = write(tmp_path, "new.txt", "The Pentagon gave Belize $8 million in 2011.\n")
    killed = _run([*args, "--replace", str(new)], crash_at=point)
    assert killed.returncode == -9, killed.stderr  # SIGKILL at that point
    built = _run(["-m", "etl", "build", "--data", str(data_copy), "-q"])
    assert built.returncode == 0, built.stderr
    figures = pd.read_csv(data_copy / "tidy" / "figures.csv")
    belize = figures[figures["document_id"].str.contains("belize")]
    assert len(belize) == 1  # never lost, never twice
    committed = point != "txn-staged"
    assert belize["text"].iloc[0] == ("$8 million" if committed else "$7 million")
    kept = list((data_copy / "removed").rglob("article.txt"))
    if committed:  # the replaced text is kept, not deleted
        assert [p.read_text() for p in kept] == [old.read_text()]
    assert not (data_copy / ".txn").exists() or not any((data_copy / ".txn").iterdir())


@pytest.mark.parametrize("point", [CRASH_POINTS[1], *(pytest.param(p, marks=pytest.mark.slow)
                                                     for p in (CRASH_POINTS[0],
                                                               *CRASH_POINTS[2:4]))])
def test_5_source_and_corrections_land_together(data_copy: Path, point: str) -> None:
    killed = _run(["-c", _CRASH_SCRIPT, str(data_copy)], crash_at=point)
    assert killed.returncode == -9, killed.stderr
    assert _run(["-m", "etl", "build", "--data", str(data_copy), "-q"]).returncode == 0
    figures = pd.read_csv(data_copy / "tidy" / "figures.csv")
    belize = figures[figures["document_id"].str.contains("belize")]
    if point == "txn-staged":  # before the commit: nothing of it, and a retry works
        assert belize.empty
        again = _run(["-c", _CRASH_SCRIPT, str(data_copy)])
        assert again.returncode == 0, again.stderr
        assert _run(["-m", "etl", "build", "--data", str(data_copy), "-q"]).returncode == 0
        figures = pd.read_csv(data_copy / "tidy" / "figures.csv")
        belize = figures[figures["document_id"].str.contains("belize")]
    assert list(belize["purpose"]) == ["radar"]  # the source came with its correction


# 6. corrections attach to nothing they were not made for ----------------------------------


def test_6_empty_added_row_is_no_figure() -> None:
    text = "The maintenance budget grew to $5 million in 2010.\n"
    machine = [{"keep": True, "text": "$5 million", "start": 31, "end": 41, "year": 2010}]
    edited = [*machine, {"keep": True, "text": float("nan"), "start": float("nan")},
              {"keep": None, "text": None, "start": None}, {"text": "  "}]
    assert review_records(text, machine, edited, "", "2026-01-01") == []


def test_6_removed_source_takes_its_corrections(data_copy: Path, tmp_path: Path,
                                                capsys) -> None:
    start, end = _seed_span(data_copy)
    append_curations(data_copy, SEED_ID, [Curation(
        action="set", start=start, end=end, text="$12.2 million", attribute="purpose",
        value="fixed by hand", at="2026-01-01")])
    code, err = cli(capsys, "remove", SEED_ID, "--reason", "test", "--data", str(data_copy),
                    "--no-build")
    assert code == 0, err
    assert not (data_copy / "curation" / f"{SEED_ID}.jsonl").exists()
    kept = list((data_copy / "removed" / SEED_ID).rglob("curation.jsonl"))
    assert len(kept) == 1 and "fixed by hand" in kept[0].read_text()
    # the same article added again starts clean
    article = next((data_copy / "removed" / SEED_ID).rglob("article.txt"))
    meta = json.loads(next((data_copy / "removed" / SEED_ID).rglob("meta.json")).read_text())
    add_sources(data_copy, [NewSource(article.read_text(), validate_meta(meta))])
    assert main(["build", "--data", str(data_copy), "-q"]) == 0
    figures = pd.read_csv(data_copy / "tidy" / "figures.csv")
    assert "fixed by hand" not in set(figures["purpose"].dropna())


# 7. a manifest lands whole or not at all --------------------------------------------------


def test_7_bad_manifest_entry_writes_nothing(data_copy: Path, tmp_path: Path, capsys) -> None:
    assert main(["build", "--data", str(data_copy), "-q"]) == 0
    before = tree(data_copy)
    lines = []
    for n, published in enumerate(["2011-02-01", "2011-02-02", "2011-02-30"]):
        write(tmp_path, f"{n}.txt", f"The Pentagon gave Belize ${n + 1} million in 2011.\n")
        lines.append(json.dumps({"file": f"{n}.txt", "title": f"Story {n}",
                                 "publisher": "Wire", "date_published": published}))
    manifest = write(tmp_path, "batch.jsonl", "\n".join(lines) + "\n")
    code, err = cli(capsys, "add", "--manifest", str(manifest), "--data", str(data_copy))
    assert code == 2
    one_line(err)
    assert "line 3" in err and "date_published" in err
    assert tree(data_copy) == before
    assert main(["build", "--check", "--data", str(data_copy), "-q"]) == 0


# 8. a damaged current version is repaired by the next build -------------------------------


def test_8_damaged_version_is_rewritten(data_copy: Path, capsys) -> None:
    assert main(["build", "--data", str(data_copy), "-q"]) == 0
    damaged = data_copy / "tidy" / "figures.parquet"
    good = damaged.read_bytes()
    damaged.write_bytes(good[: len(good) // 2])
    assert main(["build", "--check", "--data", str(data_copy), "-q"]) == 1
    assert main(["build", "--data", str(data_copy)]) == 0
    assert "damaged" in capsys.readouterr().err
    assert damaged.read_bytes() == good
    assert main(["build", "--check", "--data", str(data_copy), "-q"]) == 0


# 9. readers never find the tables gone while builds publish -------------------------------


def test_9_readers_during_rebuilds(data_copy: Path) -> None:
    from dashboard.data import DataUnavailable, read_tables

    sources = load_sources(data_copy / "sources")
    cpi = build.load_cpi(data_copy / "reference")
    versions = []
    for n in range(3):  # three distinct versions to publish in turn
        text = sources[0].text + f"\nThe Pentagon gave Belize ${n + 1} million in 2011.\n"
        variant = [sources[0].model_copy(update={"text": text})]
        versions.append(build.render_files(build.build_tables(variant, cpi)))
    build.publish(versions[0], data_copy)
    failures: list[str] = []
    reads = 0
    stop = threading.Event()

    def reader() -> None:
        nonlocal reads
        while not stop.is_set():
            try:
                read_tables(data_copy / "tidy")
                reads += 1
            except DataUnavailable as exc:
                failures.append(str(exc))

    thread = threading.Thread(target=reader)
    thread.start()
    try:
        for n in range(12):
            build.publish(versions[(n + 1) % 3], data_copy)
            time.sleep(0.05)
    finally:
        stop.set()
        thread.join()
    assert reads > 0 and failures == []


def test_9_superseded_versions_go_after_the_grace_period(data_copy: Path,
                                                         monkeypatch) -> None:
    assert main(["build", "--data", str(data_copy), "-q"]) == 0
    releases = data_copy / "published" / build.DATASET
    first = (data_copy / "tidy").resolve().name
    article = data_copy / "sources" / SEED_ID / "article.txt"
    article.write_text(article.read_text() + "\nCongress added $9 million in 2012.\n")
    assert main(["build", "--data", str(data_copy), "-q"]) == 0
    assert (releases / first).is_dir()  # still there for readers mid-read
    monkeypatch.setenv("FUNDTRACE_KEEP_SUPERSEDED_SECONDS", "0")
    assert main(["build", "--data", str(data_copy), "-q"]) == 0
    assert not (releases / first).exists()


# 10. tracebacks where one line is promised ------------------------------------------------


@pytest.mark.parametrize("published", ["2010-02-30", "99999-01-01", "0000-01-01"])
def test_10_bad_dates_get_one_line(data_copy: Path, tmp_path: Path, capsys,
                                   published: str) -> None:
    file = write(tmp_path, "a.txt", "The Pentagon gave Belize $7 million in 2011.\n")
    before = tree(data_copy)
    code, err = cli(capsys, *add_args(data_copy, file, published=published))
    assert code == 2
    one_line(err)
    assert "date_published" in err
    assert tree(data_copy) == before


@pytest.mark.parametrize("line", ['[1, 2]', '"str"', 'null', '{"file": 5}',
                                  '{"file": "a.txt", "title": 123, "publisher": "W", '
                                  '"date_published": "2011-01-01"}', '{"file": "a.txt", '
                                  '"title": "T", "publisher": "W", "date_published": '
                                  '"2011-01-01", "colour": "red"}', '{not json'])
def test_10_bad_manifest_lines_get_one_line(data_copy: Path, tmp_path: Path, capsys,
                                            line: str) -> None:
    write(tmp_path, "a.txt", "The Pentagon gave Belize $7 million in 2011.\n")
    manifest = write(tmp_path, "m.jsonl", line + "\n")
    before = tree(data_copy)
    code, err = cli(capsys, "add", "--manifest", str(manifest), "--data", str(data_copy))
    assert code == 2
    one_line(err)
    assert "line 1" in err
    assert tree(data_copy) == before


def test_10_endless_file_is_not_read_whole(data_copy: Path, capsys) -> None:
    started = time.monotonic()
    code, err = cli(capsys, *add_args(data_copy, Path("/dev/zero")))
    assert code == 2
    one_line(err)
    assert "limit" in err and time.monotonic() - started < 10


def test_10_overlong_added_figure_is_a_message() -> None:
    text = "x " * 600
    with pytest.raises(SourceError, match="at most 500"):
        review_records(text, [], [{"text": text.strip(), "start": None}], "", "2026-01-01")


# 11. smaller findings ---------------------------------------------------------------------


def test_11_links_and_bidi_controls_stay_text() -> None:
    from dashboard.charts import chart_frame
    from dashboard.formatting import WORD_JOINER, escape_markdown

    for raw in ("see https://evil.example/x", "mail bob@evil.example", "www.evil.example"):
        escaped = escape_markdown(raw)
        assert WORD_JOINER in escaped
        assert escaped.replace(WORD_JOINER, "").replace("\\", "") == raw
    assert "\u202e" not in escape_markdown("a \u202eevil\u202c b")
    obs = pd.DataFrame([{"series_id": "s", "series_label": "A → B", "funder": "A",
                         "recipient": "B", "purpose": "x\u202ey", "currency": "USD",
                         "year": 2010, "year_type": None, "value": 5e6, "value_high": None,
                         "value_constant": None, "value_high_constant": None,
                         "constant_base_year": None, "constant_note": None,
                         "qualifier": "exact", "status": "reported", "reported": True,
                         "figure_id": "fig-0123456789", "figure_text": "$5 million",
                         "n_figures": 1, "attributed_source": None, "document_id": "d",
                         "sentence_id": "d.s0000", "missing_reason": None,
                         "sentence": "They gave \u202e$5 million\u202c in 2010."}])
    frame = chart_frame(obs, None, None)
    for column in ("sentence", "quote", "purpose_label"):
        assert not any("\u202e" in str(v) for v in frame[column])


def test_11_titles_without_latin_letters_get_distinct_ids() -> None:
    day = date(2011, 6, 1)
    a, b = make_id("Жэньминь", day, "Помощь Мексике"), make_id("Жэньминь", day, "Другое")
    assert a != b and a.startswith("source-2011-06-01-t")
    assert validate_meta({"title": "援助", "publisher": "新华社", "date_published": "2011-06-01",
                          "date_added": "2011-06-02", "rights": "r"}).id
    assert make_id("Le Monde", day, "L'aide à Mexico") == "le-monde-2011-06-01-l-aide-a-mexico"


def test_11_messages_name_no_server_path() -> None:
    from dashboard.common import public_message
    from dashboard.data import DATA_DIR

    message = public_message(SourceError(f"{DATA_DIR}/sources/x/meta.json: invalid"))
    assert str(DATA_DIR.parent) not in message and "sources" in message


def test_11_written_files_follow_the_umask(data_copy: Path, tmp_path: Path, capsys) -> None:
    old = os.umask(0o022)
    try:
        assert main(["build", "--data", str(data_copy), "-q"]) == 0
        out = tmp_path / "figures.csv"
        assert main(["export", "--format", "csv", "--out", str(out), "--data",
                     str(data_copy)]) == 0
        start, end = _seed_span(data_copy)
        append_curations(data_copy, SEED_ID, [Curation(
            action="drop", start=start, end=end, text="$12.2 million", at="2026-01-01")])
    finally:
        os.umask(old)
    for path in (out, data_copy / "curation" / f"{SEED_ID}.jsonl",
                 data_copy / "tidy" / "figures.csv"):
        assert path.stat().st_mode & 0o777 == 0o644, path


def test_10_full_disk_leaves_no_temporary_curation_file(data_copy: Path, monkeypatch) -> None:
    import errno

    import etl.txn

    start, end = _seed_span(data_copy)
    record = Curation(action="drop", start=start, end=end, text="$12.2 million",
                      at="2026-01-01")
    append_curations(data_copy, SEED_ID, [record])
    before = (data_copy / "curation" / f"{SEED_ID}.jsonl").read_bytes()

    def full(fd: int, *args, **kwargs):
        os.close(fd)
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(etl.txn.os, "fdopen", full)
    with pytest.raises(OSError):
        append_curations(data_copy, SEED_ID, [record])
    monkeypatch.undo()
    assert sorted(p.name for p in (data_copy / "curation").iterdir()) == [f"{SEED_ID}.jsonl"]
    assert (data_copy / "curation" / f"{SEED_ID}.jsonl").read_bytes() == before
