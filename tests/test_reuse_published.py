"""Issue 14: a build keeps the published rows of the sources that did not change
(etl/assemble.py), and what it publishes is what a build from nothing publishes."""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import pytest
from helpers import ROOT

from etl import assemble
from etl.build import run_build

sys.path.insert(0, str(ROOT / "bench"))
from corpus import write_sources


def _tables(data: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted((data / "tidy").iterdir())}


def _build(data: Path, capsys: pytest.CaptureFixture[str], *, cache: bool = True
           ) -> list[str]:
    capsys.readouterr()
    assert run_build(data, workers=1, cache=cache) == 0
    return capsys.readouterr().err.splitlines()


def _from_nothing(data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
                  ) -> dict[str, bytes]:
    fresh = tmp_path / "fresh"
    shutil.rmtree(fresh, ignore_errors=True)
    shutil.copytree(data / "sources", fresh / "sources")
    shutil.copytree(data / "reference", fresh / "reference")
    if (data / "curation").is_dir():
        shutil.copytree(data / "curation", fresh / "curation")
    _build(fresh, capsys, cache=False)
    return _tables(fresh)


def _reused(lines: list[str]) -> str | None:
    return next((x for x in lines if x.startswith("tables: ")), None)


def test_added_changed_and_removed_sources(data_copy: Path, tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    write_sources(data_copy, 12, kb=1.5)
    first = _build(data_copy, capsys)
    assert _reused(first) is None  # nothing recorded yet: assembled from every source
    version = json.loads((data_copy / "tidy" / "datapackage.json").read_text())["version"]

    write_sources(data_copy, 1, kb=1.5, seed=7, publisher="Late Wire")
    lines = _build(data_copy, capsys)
    assert _reused(lines) == (f"tables: 13 of 14 sources' rows unchanged since version "
                              f"{version}")
    assert [x for x in lines if x.startswith("[")] == [
        next(x for x in lines if x.startswith("[1/1] late-wire-"))]
    assert _tables(data_copy) == _from_nothing(data_copy, tmp_path, capsys)

    # one source's text changed (its figures move series), another taken away
    folders = sorted(p for p in (data_copy / "sources").iterdir()
                     if p.name.startswith("bench-wire"))
    article = folders[0] / "article.txt"
    article.write_text(article.read_text("utf-8").replace("Congress", "The Senate"), "utf-8")
    shutil.rmtree(folders[1])
    lines = _build(data_copy, capsys)
    assert _reused(lines).startswith("tables: 12 of 13 sources' rows unchanged")
    assert _tables(data_copy) == _from_nothing(data_copy, tmp_path, capsys)


def _add(data: Path, folder: str, text: str) -> None:
    seed = next((data / "sources").glob("wapo-*"))
    meta = json.loads((seed / "meta.json").read_text("utf-8"))
    meta.update(id=folder, title=f"Copy {folder}", rights="Public domain")
    (data / "sources" / folder).mkdir()
    (data / "sources" / folder / "meta.json").write_text(json.dumps(meta), "utf-8")
    (data / "sources" / folder / "article.txt").write_text(text, "utf-8")


def _series_line(lines: list[str]) -> str:
    return next(x for x in lines if x.startswith("series: "))


def test_series_worked_out_again_by_year_or_whole(data_copy: Path, tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    """A changed source's series years are worked out again; a whole series where its span
    of years moved; and each time the tables are those of a build from nothing."""
    write_sources(data_copy, 6, kb=1.5)
    _build(data_copy, capsys)
    seed_text = next((data_copy / "sources").glob("wapo-*/article.txt")).read_text("utf-8")
    steps = [
        ("add", "a-copy", seed_text),  # same series, same years: years again
        # the seed's sentence, its second year moved past the series' span
        ("add", "z-late", next(line for line in seed_text.splitlines() if "12.2" in line)
                          .replace("in 2010", "in 2031") + "\n"),
        ("remove", "a-copy", ""),
        ("remove", "z-late", ""),  # the span shrinks back
    ]
    seen = []
    for action, folder, text in steps:
        if action == "add":
            _add(data_copy, folder, text)
        else:
            shutil.rmtree(data_copy / "sources" / folder)
        lines = _build(data_copy, capsys)
        seen.append(_series_line(lines))
        assert _tables(data_copy) == _from_nothing(data_copy, tmp_path, capsys), folder
    # the copy touches years of the seed's series; the late year moves a span
    assert seen[0] == seen[2] == "series: 0 worked out again whole, 3 years of 2 others"
    assert seen[1] == seen[3] == "series: 1 worked out again whole, 0 years of 0 others"


def test_a_source_edited_in_place_is_read_again(data_copy: Path, tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    """A source whose metadata was edited since the published version (its text and
    extraction the same) gets its rows made again, and its new title is published."""
    write_sources(data_copy, 5, kb=1.5)
    _build(data_copy, capsys)
    meta_path = sorted((data_copy / "sources").glob("bench-wire-*/meta.json"))[2]
    meta = json.loads(meta_path.read_text("utf-8"))
    meta["title"] = "A corrected title"
    meta_path.write_text(json.dumps(meta), "utf-8")
    lines = _build(data_copy, capsys)
    assert _reused(lines).startswith("tables: 5 of 6 sources' rows unchanged")
    assert [x.split(":")[0] for x in lines if x.startswith("[")] == [f"[1/1] {meta['id']}"]
    published = (data_copy / "tidy" / "documents.csv").read_text("utf-8")
    assert "A corrected title" in published
    assert _tables(data_copy) == _from_nothing(data_copy, tmp_path, capsys)


def test_published_files_not_as_recorded_are_not_reused(
        data_copy: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    write_sources(data_copy, 4, kb=1.5)
    _build(data_copy, capsys)
    # a published Parquet file changed by hand (its bytes, not its rows' meaning)
    target = (data_copy / "tidy" / "figures.parquet").resolve()
    target.chmod(0o644)
    target.write_bytes(target.read_bytes() + b"\0")
    write_sources(data_copy, 1, kb=1.5, seed=8, publisher="Late Wire")
    lines = _build(data_copy, capsys)
    assert _reused(lines) is None
    assert any(x.startswith("[6/6] ") for x in lines)
    assert _tables(data_copy) == _from_nothing(data_copy, tmp_path, capsys)

    # the tables stage's code changed since: nothing reused either
    write_sources(data_copy, 1, kb=1.5, seed=9, publisher="Later Wire")
    monkeypatch.setattr(assemble, "tables_version", lambda: "another")
    lines = _build(data_copy, capsys)
    assert _reused(lines) is None


def test_check_never_reuses(data_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`build --check` compares data/tidy with a build from the sources, not with itself."""
    write_sources(data_copy, 3, kb=1.5)
    _build(data_copy, capsys)
    capsys.readouterr()
    assert run_build(data_copy, check_only=True, workers=1) == 0
    assert _reused(capsys.readouterr().err.splitlines()) is None


def test_series_worked_out_a_batch_at_a_time_are_the_same(
        data_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from etl.build import _build_from, render_files

    write_sources(data_copy, 6, kb=1.5)
    whole = render_files(_build_from(data_copy, lambda line: None, workers=1))
    monkeypatch.setattr(assemble, "SERIES_BATCH", 3)  # a few series per batch
    assert render_files(_build_from(data_copy, lambda line: None, workers=1)) == whole


def test_series_the_same_however_the_figures_are_chunked(data_copy: Path) -> None:
    """The series stage finds where each series begins by the ids themselves, so rows in
    many chunks (slices of the published table and new parts) give the same tables."""
    import pyarrow as pa

    from etl.build import _build_from

    write_sources(data_copy, 6, kb=1.5)
    dataset = _build_from(data_copy, lambda line: None, workers=1)
    figures = dataset.tables["figures"].combine_chunks()
    dates = dict(zip(dataset.tables["documents"].column("document_id").to_pylist(),
                     dataset.tables["documents"].column("date_published").to_pylist(),
                     strict=True))
    chunked = pa.concat_tables([figures.slice(i, 7) for i in range(0, figures.num_rows, 7)])
    assert chunked.column("series_id").num_chunks > 10
    whole, pieces = assemble.series_tables(figures, dates), assemble.series_tables(chunked, dates)
    for name in assemble.SERIES_TABLES:
        assert assemble.sort_rows(name, pieces[name]).equals(
            assemble.sort_rows(name, whole[name])), name
