"""Properties (issue 10): whatever a person types into the Add page's review table, and
whatever a manifest or the command line carries as metadata, the result is a saved source
or a one-line message, never a traceback and never a partial write."""

from __future__ import annotations

import json
import math
import shutil
import tempfile
from contextlib import redirect_stderr
from io import StringIO
from pathlib import Path

from helpers import DATA, SEED_TEXT
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from etl.__main__ import main
from etl.build import build_tables, render_files
from etl.cpi import load_cpi
from etl.curation import EDITABLE, load_curations, review_records
from etl.extract import extract
from etl.library import NewSource, add_sources, validate_meta
from etl.sources import SourceError, load_sources

HOSTILE = ["<script>alert(1)</script>", "![p](http://127.0.0.2/x.png)", ":red[DEFACED]",
           "A → B", "nan", "NaN", "", " ", "\u202eevil", "$$x$$", "1e308", "-5", "inf",
           "2010", "fiscal", "exact", "estimated", "x" * 600, "Mexico", "$12.2 million"]
CELL = st.one_of(st.none(), st.just(float("nan")), st.sampled_from(HOSTILE),
                 st.text(max_size=40), st.integers(-10**6, 10**13),
                 st.floats(allow_nan=True, allow_infinity=True))
META = validate_meta({"title": "Fuzzed", "publisher": "Fuzz Wire",
                      "date_published": "2010-11-11", "date_added": "2010-11-12",
                      "rights": "test"})
MACHINE = [{"keep": True, "text": f.text, "start": f.start, "end": f.end,
            **{name: getattr(f, name) for name in EDITABLE}}
           for f in extract(SEED_TEXT, META.id, META.date_published).figures]
CPI = load_cpi(DATA / "reference")


def fresh_data() -> Path:
    folder = Path(tempfile.mkdtemp(prefix="fuzz-data-"))
    shutil.copytree(DATA / "sources", folder / "sources")
    shutil.copytree(DATA / "reference", folder / "reference")
    return folder


def tree(data: Path) -> dict[str, bytes]:
    return {str(p.relative_to(data)): p.read_bytes() for p in sorted(data.rglob("*"))
            if p.is_file() and not p.name.startswith(".write")}


edits = st.lists(st.tuples(st.integers(0, len(MACHINE) - 1), st.sampled_from(EDITABLE),
                           CELL), max_size=6)
added = st.lists(st.fixed_dictionaries({"text": st.one_of(CELL, st.sampled_from(
    ["$34 million", "$50 million", "billion", "Mexico"]))},
    optional={name: CELL for name in EDITABLE}), max_size=3)


@settings(max_examples=60, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow])
@given(edits=edits, added=added, dropped=st.sets(st.integers(0, len(MACHINE) - 1)),
       unticked=st.sets(st.integers(0, len(MACHINE) - 1)), reason=st.sampled_from(HOSTILE))
def test_review_edits_save_whole_or_not_at_all(edits, added, dropped, unticked,
                                                reason) -> None:
    rows = [dict(r) for r in MACHINE]
    for index, name, value in edits:
        rows[index][name] = value
    for index in unticked:
        rows[index]["keep"] = False
    edited = [r for i, r in enumerate(rows) if i not in dropped]
    edited += [{**a, "keep": True, "start": math.nan, "end": math.nan} for a in added]
    data = fresh_data()
    try:
        before = tree(data)
        try:
            records = review_records(SEED_TEXT, MACHINE, edited, reason, "2026-01-01T00:00")
            add_sources(data, [NewSource(SEED_TEXT, META, records)])
        except SourceError as exc:
            assert "\n" not in str(exc)
            assert tree(data) == before  # nothing written
            return
        # saved: the source and every correction, and the build takes them
        assert (data / "sources" / META.id / "article.txt").read_text() == SEED_TEXT
        assert len(load_curations(data, META.id)) == len(records)
        sources = load_sources(data / "sources")
        dataset = build_tables(sources, CPI, None, {META.id: load_curations(data, META.id)})
        render_files(dataset)
        outcomes = dataset.frame("curations")
        assert set(outcomes["status"]) <= {"applied", "orphaned"}
    finally:
        shutil.rmtree(data, ignore_errors=True)


FIELDS = ["file", "title", "publisher", "date_published", "author", "url", "page", "rights",
          "id", "date_added"]
DATES = ["2011-02-30", "99999-01-01", "0000-01-01", "2011-06-01", "9999-12-31"]
FILES = ["a.txt", "/dev/zero", "missing.txt", "https://x.example/"]
VALUE = st.one_of(st.none(), st.sampled_from([*HOSTILE, *DATES, *FILES]),
                  st.text(max_size=30), st.integers(), st.booleans(),
                  st.lists(st.integers(), max_size=2),
                  st.dictionaries(st.text(max_size=3), st.integers(), max_size=1))
ENTRY = st.one_of(
    st.fixed_dictionaries({"file": st.just("a.txt"), "title": st.just("A story"),
                           "publisher": st.just("Wire"),
                           "date_published": st.just("2011-06-01")},
                          optional={k: VALUE for k in FIELDS[4:]}),
    st.dictionaries(st.sampled_from([*FIELDS, "colour"]), VALUE, max_size=6),
    VALUE)


@settings(max_examples=60, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow])
@given(entries=st.lists(ENTRY, min_size=1, max_size=3))
def test_manifest_fields_add_all_or_nothing(entries) -> None:
    data = fresh_data()
    try:
        (data / "a.txt").write_text("The Pentagon gave Belize $7 million in 2011.\n")
        manifest = data / "m.jsonl"
        manifest.write_text("".join(json.dumps(e) + "\n" for e in entries))
        before = tree(data / "sources")
        err = StringIO()
        with redirect_stderr(err):
            code = main(["add", "--manifest", str(manifest), "--data", str(data),
                         "--no-build"])
        if code == 2:
            assert err.getvalue().count("\n") == 1 and err.getvalue().startswith("error: ")
            assert tree(data / "sources") == before
            assert not (data / "curation").exists()
        else:
            assert code == 0
            added = {p.name for p in (data / "sources").iterdir()} - {
                p.split("/")[0] for p in before}
            assert len(added) == len(entries)
    finally:
        shutil.rmtree(data, ignore_errors=True)
