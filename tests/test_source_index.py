"""Issue 14: a rebuild reads only the articles that changed (etl/sourceindex.py): a source
whose files look as they did keeps its key without its article being read or hashed."""

from __future__ import annotations

import sys
from pathlib import Path

from helpers import ROOT

from etl import build
from etl.build import _plan
from etl.sourceindex import INDEX

sys.path.insert(0, str(ROOT / "bench"))
from corpus import write_sources


def _reads(monkeypatch) -> list[str]:
    read: list[str] = []
    real = build.load_source

    def counted(folder: Path):
        read.append(folder.name)
        return real(folder)

    monkeypatch.setattr(build, "load_source", counted)
    return read


def test_a_rebuild_reads_only_what_changed(data_copy: Path, monkeypatch) -> None:
    write_sources(data_copy, 4, kb=1.0)
    build.run_build(data_copy, quiet=True)
    first = _plan(data_copy, cache=True, reuse=False)
    read = _reads(monkeypatch)
    again = _plan(data_copy, cache=True, reuse=False)
    assert read == [] and again.keys == first.keys
    assert [s.meta for s in again.sources] == [s.meta for s in first.sources]
    # one article edited, another source corrected: those two are read again, re-keyed
    edited, corrected = first.sources[1].meta.id, first.sources[3].meta.id
    article = data_copy / "sources" / edited / "article.txt"
    article.write_text(article.read_text("utf-8") + "\nThe Navy gave Peru $3 million in 2012.\n",
                       "utf-8")
    (data_copy / "curation").mkdir(exist_ok=True)
    (data_copy / "curation" / f"{corrected}.jsonl").write_text("", "utf-8")
    third = _plan(data_copy, cache=True, reuse=False)
    assert sorted(read) == sorted([edited, corrected])
    assert third.keys[edited] != first.keys[edited]
    assert {i: k for i, k in third.keys.items() if i != edited} == {
        i: k for i, k in first.keys.items() if i != edited}


def test_the_index_is_only_a_cache(data_copy: Path, monkeypatch) -> None:
    """A damaged index, or one made by other code, is not used; --no-cache ignores it."""
    build.run_build(data_copy, quiet=True)
    _plan(data_copy, cache=True, reuse=False)
    (data_copy / INDEX).write_bytes(b"not an index")
    read = _reads(monkeypatch)
    _plan(data_copy, cache=True, reuse=False)
    assert len(read) == 1  # the seed, read again; the index is written anew
    read.clear()
    _plan(data_copy, cache=True, reuse=False)
    assert read == []
    monkeypatch.setattr("etl.sourceindex.rows_version", lambda: "other code")
    _plan(data_copy, cache=True, reuse=False)
    assert len(read) == 1
    read.clear()
    _plan(data_copy, cache=False, reuse=False)
    assert len(read) == 1
