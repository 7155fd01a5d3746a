"""A build from nothing streams (etl/stream.py): each source's rows spooled as they come,
the tables sorted out of core by DuckDB and written a row group at a time. It publishes
what a build holding every table in memory (etl/assemble.py) does, byte for byte."""

from __future__ import annotations

import sys
from datetime import UTC, datetime
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from helpers import ROOT, SEED_ID

from etl import assemble, extraction, stream, tablefiles
from etl.build import _build_from, render_files, run_build
from etl.curation import Curation, append_curations
from etl.rows import ROW_TABLES, SourceParts
from etl.schema import TABLES
from etl.sources import load_sources

sys.path.insert(0, str(ROOT / "bench"))
from corpus import write_sources


def _tidy(data: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted((data / "tidy").iterdir())}


def _corpus(data: Path) -> None:
    """Synthetic reports beside the seed, and a person's correction of the seed."""
    write_sources(data, 14, kb=1.5)
    text = (data / "sources" / SEED_ID / "article.txt").read_text("utf-8")
    start = text.index("$50 million")
    append_curations(data, SEED_ID, [Curation(
        action="set", start=start, end=start + len("$50 million"), text="$50 million",
        attribute="purpose", value="southern border security", reason="shorter label",
        at=datetime.now(UTC).isoformat())])


@pytest.fixture
def small_batches(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every batch tiny: many spool writes, many key ranges sorted one at a time, Parquet
    row groups, and series batches that end where a series would go on."""
    monkeypatch.setattr(stream, "SPOOL_BATCH", 5)
    monkeypatch.setattr(stream, "SORT_PART_BYTES", 4000)  # many ranges sorted apart
    monkeypatch.setattr(stream, "SAMPLE_ROWS", 50)
    monkeypatch.setattr(assemble, "SERIES_BATCH", 3)
    monkeypatch.setattr(stream, "SERIES_BATCH", 3)
    monkeypatch.setattr(tablefiles, "ROW_GROUP", 11)


def test_streamed_build_is_the_build_in_memory(data_copy: Path, small_batches: None) -> None:
    _corpus(data_copy)
    assert run_build(data_copy, quiet=True, workers=1, cache=False) == 0
    streamed = _tidy(data_copy)
    in_memory = render_files(_build_from(data_copy, lambda line: None, workers=1,
                                         cache=False))
    assert streamed == in_memory
    figures = pq.ParquetFile(data_copy / "tidy" / "figures.parquet")
    assert figures.metadata.num_rows > 100
    assert figures.num_row_groups == -(-figures.metadata.num_rows // 11)  # exactly 11 each
    assert pq.read_table(data_copy / "tidy" / "curations.parquet").num_rows == 1
    for name, table in TABLES.items():  # each key unique: one order, however rows came
        keys = pq.read_table(data_copy / "tidy" / f"{name}.parquet",
                             columns=list(table.primary_key)).to_pylist()
        assert len({tuple(k.values()) for k in keys}) == len(keys), name
    # the spool and DuckDB's files are gone; nothing is left beside the versions
    assert not (data_copy / "cache" / "spool").exists()
    releases = data_copy / "published" / "policy-money-figures"
    assert sorted(p.name for p in releases.iterdir() if p.name.startswith(".")) == \
        [".superseded"]


def test_streamed_with_a_cache_and_on_a_dask_cluster(data_copy: Path) -> None:
    """Filling the caches, reading them back, and extracting on a dask.distributed
    LocalCluster started here: the same bytes as the serial build without a cache."""
    from dask.distributed import LocalCluster

    _corpus(data_copy)
    assert run_build(data_copy, quiet=True, workers=1, cache=False) == 0
    serial = _tidy(data_copy)
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                      dashboard_address=None) as cluster:
        (data_copy / "tidy").unlink()  # no version to reuse rows from: streamed
        assert run_build(data_copy, quiet=True, cache=True,
                         scheduler=cluster.scheduler_address) == 0
    assert _tidy(data_copy) == serial
    (data_copy / "tidy").unlink()
    assert run_build(data_copy, quiet=True, workers=1) == 0  # every source's rows cached
    assert _tidy(data_copy) == serial


def test_extraction_results_are_handed_on_not_kept(data_copy: Path) -> None:
    """With ``each``, every source's result is handed on as it comes and none is kept:
    what a build holds does not grow with the sources."""
    write_sources(data_copy, 5, kb=1.0)
    sources = load_sources(data_copy / "sources")
    seen: list[str] = []
    kept = extraction.extract_all(sources, None, workers=1,
                                  each=lambda source, result: seen.append(source.meta.id))
    assert kept == {}
    assert sorted(seen) == sorted(s.meta.id for s in sources)


def test_the_spool_holds_less_than_a_batch(data_copy: Path, tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    """Rows wait in memory until a table has a batch of them (or of sources' pieces), then
    go to its spool file; the spool keeps every row and each document's date."""
    monkeypatch.setattr(stream, "SPOOL_BATCH", 20)
    monkeypatch.setattr(stream, "SPOOL_PIECES", 3)  # documents: a row per source
    write_sources(data_copy, 6, kb=1.5)
    dataset = _build_from(data_copy, lambda line: None, workers=1, cache=False)
    spool = stream.Spool(tmp_path / "spool")
    held = []
    for source in dataset.sources:  # each source's rows, one source at a time
        rows = {}
        for name in ROW_TABLES:
            table = dataset.tables[name]
            ids = table.column("document_id").to_pylist()
            rows[name] = table.take(pa.array([i for i, d in enumerate(ids)
                                              if d == source.meta.id], pa.int64()))
        spool.add(SourceParts(rows))
        held.append((max(spool._held.values()), max(map(len, spool._pending.values()))))
    spool.close()
    assert 0 < max(rows for rows, _ in held) < 20
    assert max(pieces for _, pieces in held) < 3
    for name in ROW_TABLES:
        assert pq.read_table(spool.path(name)).num_rows == dataset.tables[name].num_rows
    assert spool.dates == {s.meta.id: s.meta.date_published.isoformat()
                           for s in dataset.sources}


def test_ids_are_unique_when_a_sentence_is_said_twice() -> None:
    """A document that says the same sentence twice (a summary repeated, boilerplate, the
    synthetic reports) gives two figures and two claims, each with its own id: the tables'
    keys are unique, so sorting by them gives one order however the rows came."""
    from etl.extract import extract

    said = ("Aid rose 10 percent, from $10 million in 2010 to $11 million in 2011, "
            "officials said.")
    result = extract(f"{said}\n\nSomething else happened.\n\n{said}\n", "doc")
    assert len(result.figures) == 4 and len(result.claims) == 2
    assert len({f.figure_id for f in result.figures}) == 4
    assert len({c.claim_id for c in result.claims}) == 2
    again = [c for c in result.claims if c.start > len(said)]
    assert {again[0].base_figure_id, again[0].compared_figure_id} == \
        {f.figure_id for f in result.figures if f.start > len(said)}


def test_a_data_folder_with_a_quote_in_its_name(tmp_path: Path) -> None:
    """The spool's paths reach DuckDB's SQL as quoted literals: a folder named "o'Brien"
    builds like any other."""
    import shutil

    from helpers import DATA

    data = tmp_path / "o'Brien's data"
    shutil.copytree(DATA / "sources", data / "sources")
    shutil.copytree(DATA / "reference", data / "reference")
    assert run_build(data, quiet=True, workers=1, cache=False) == 0
    assert pq.read_table(data / "tidy" / "figures.parquet").num_rows == 3


def test_ranges_hold_rows_not_values(tmp_path: Path, monkeypatch) -> None:
    """The ranges a table is sorted in are cut at the rows' quantiles: series that hold
    most of the rows and sit next to each other in the order (the synthetic corpus's forty
    "u-s-congress--unknown--..." series of 17,000 figures each) are sorted one or two at a
    time, not all in one range (890 MB, the peak of a build of 10,000 documents)."""
    import duckdb

    keys = [f"light-{i:02d}" for i in range(40) for _ in range(10)]
    keys += [f"m-heavy-{i}" for i in range(5) for _ in range(400)]
    path = tmp_path / "t.parquet"
    pq.write_table(pa.table({"k": sorted(keys), "n": list(range(len(keys)))}), path)
    monkeypatch.setattr(stream, "SORT_PART_BYTES",
                        pq.ParquetFile(path).metadata.row_group(0).total_byte_size // 10)
    con = duckdb.connect()
    parts = list(stream._sorted(con, path, None, "true", ["k", "n"]))
    assert sum(p.num_rows for p in parts) == len(keys)
    assert [k for p in parts for k in p.column("k").to_pylist()] == sorted(keys)
    assert max(p.num_rows for p in parts) <= 2 * 400
