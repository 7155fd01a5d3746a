"""Issue 14: extraction is a stage of its own, cached per source (Parquet, keyed by the
source and the extractor's version) and run on Dask; the tables are the same bytes
whichever way they were made."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import ROOT

from etl import extraction
from etl.build import CACHE, _build_from, render_files
from etl.extraction import extract_all, extract_source, from_parquet, to_parquet
from etl.rows import ROWS_CACHE
from etl.sources import load_sources

sys.path.insert(0, str(ROOT / "bench"))
from corpus import write_sources


def _files(data_dir: Path, **kwargs) -> dict[str, bytes]:
    return render_files(_build_from(data_dir, lambda line: None, **kwargs))


def test_parquet_round_trip_is_exact(data_copy: Path) -> None:
    source = load_sources(data_copy / "sources")[0]
    result = extract_source(source)
    again = from_parquet(to_parquet(result))
    assert again == result
    assert [f.amount for f in again.figures] == [12_200_000, 34_000_000, 50_000_000]


def test_a_rebuild_extracts_only_what_changed(data_copy: Path) -> None:
    write_sources(data_copy, 30, kb=1.0)
    lines: list[str] = []
    first = render_files(_build_from(data_copy, lines.append, workers=1))
    assert "extraction: 0 of 31 sources cached, 31 to extract" in lines
    entries = sorted(p.name for p in (data_copy / CACHE).iterdir())
    assert len(entries) == 31 and all((data_copy / CACHE / e / "figures.parquet").is_file()
                                      for e in entries)
    assert "rows: 0 of 31 sources cached" in lines
    assert len(list((data_copy / ROWS_CACHE).glob("*.pickle"))) == 31
    lines.clear()
    assert render_files(_build_from(data_copy, lines.append, workers=1)) == first
    # every source's rows are cached: nothing is read from the extraction cache either
    assert "rows: 31 of 31 sources cached" in lines
    assert not any(line.startswith("extraction:") for line in lines)
    write_sources(data_copy, 1, kb=1.0, seed=77, publisher="Other Wire")
    lines.clear()
    second = render_files(_build_from(data_copy, lines.append, workers=1))
    assert "rows: 31 of 32 sources cached" in lines
    assert "extraction: 0 of 1 sources cached, 1 to extract" in lines
    assert second != first
    # and it is what a build without any cache makes
    assert render_files(_build_from(data_copy, lambda line: None, workers=1, cache=False)) \
        == second


def test_a_new_extractor_version_invalidates_the_cache(data_copy: Path, monkeypatch) -> None:
    sources = load_sources(data_copy / "sources")
    cache = data_copy / CACHE
    extract_all(sources, cache, workers=1)
    lines: list[str] = []
    monkeypatch.setattr(extraction, "extractor_version", lambda: "another")
    extract_all(sources, cache, workers=1, progress=lines.append)
    assert lines[0] == "extraction: 0 of 1 sources cached, 1 to extract"


def test_a_damaged_cache_entry_is_extracted_again(data_copy: Path) -> None:
    sources = load_sources(data_copy / "sources")
    cache = data_copy / CACHE
    want = extract_all(sources, cache, workers=1)
    (entry,) = list(cache.iterdir())
    (entry / "figures.parquet").write_bytes(b"not parquet")
    lines: list[str] = []
    assert extract_all(sources, cache, workers=1, progress=lines.append) == want
    assert "1 to extract" in lines[0]


@pytest.mark.slow
def test_dask_cluster_gives_the_same_bytes(data_copy: Path) -> None:
    """A dask.distributed LocalCluster started here, used through --scheduler as a real
    cluster would be, and the embedded cluster: the same bytes as a serial build."""
    from dask.distributed import LocalCluster

    write_sources(data_copy, 60, kb=1.0)
    serial = _files(data_copy, workers=1, cache=False)
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                      dashboard_address=None) as cluster:
        lines: list[str] = []
        on_cluster = render_files(_build_from(data_copy, lines.append, cache=False,
                                              scheduler=cluster.scheduler_address))
    assert on_cluster == serial
    assert any(cluster.scheduler_address in line for line in lines)
    embedded = _files(data_copy, workers=2, cache=False)
    assert embedded == serial


def test_build_command_takes_workers_and_scheduler(data_copy: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    ok = subprocess.run([sys.executable, "-m", "etl", "build", "--data", str(data_copy),
                         "--workers", "1", "--no-cache"], capture_output=True, text=True,
                        env=env, cwd=ROOT, timeout=120)
    assert ok.returncode == 0, ok.stderr
    assert "0 of 1 sources cached" in ok.stderr
    bad = subprocess.run([sys.executable, "-m", "etl", "build", "--data", str(data_copy),
                          "--workers", "none"], capture_output=True, text=True, env=env,
                         cwd=ROOT, timeout=60)
    assert bad.returncode == 2 and "'none' is not a whole number" in bad.stderr
    assert "Traceback" not in bad.stderr


def test_rows_follow_metadata_and_corrections(data_copy: Path) -> None:
    """A source's cached rows are made again when its metadata (its title, its rights) or
    its corrections change, though its text and extraction did not."""
    lines: list[str] = []
    _build_from(data_copy, lines.append, workers=1)
    meta_path = next((data_copy / "sources").glob("*/meta.json"))
    meta = json.loads(meta_path.read_text("utf-8"))
    meta["title"] = "A corrected title"
    meta_path.write_text(json.dumps(meta), "utf-8")
    lines.clear()
    dataset = _build_from(data_copy, lines.append, workers=1)
    assert "rows: 0 of 1 sources cached" in lines
    assert "extraction: 1 of 1 sources cached, 0 to extract" in lines
    assert list(dataset.frame("documents")["title"]) == ["A corrected title"]


def test_a_build_holds_only_the_texts_it_extracts(data_copy: Path) -> None:
    """A source whose rows are cached has its text let go as soon as its key is made (a
    build of 10,000 documents held every text, 100 MB, until it spooled them); if its
    cached rows turn out unreadable, the text is read again and extracted."""
    from etl.build import _plan, _rows

    write_sources(data_copy, 5, kb=1.0)
    first = _files(data_copy, workers=1)
    plan = _plan(data_copy, cache=True, reuse=False)
    assert [s.text for s in plan.sources] == [""] * 6
    victim = plan.sources[2]
    (data_copy / ROWS_CACHE / f"{plan.keys[victim.meta.id]}.pickle").write_bytes(b"not rows")
    made = _rows(plan, data_copy, lambda line: None, 1, None, True)
    text = (data_copy / "sources" / victim.meta.id / "article.txt").read_text("utf-8")
    assert len(made) == 6
    assert made[victim.meta.id].tables["documents"].column("chars").to_pylist() == [len(text)]
    assert _files(data_copy, workers=1) == first
