"""Stage "tables", streamed: a build from nothing, in memory that grows far less than the corpus.

    each source's rows (etl.rows.SourceParts, as they come) -> spool (Parquet, unsorted)
    -> DuckDB sorts each table by its primary key, out of core -> the twins, a row group
    at a time (etl.tablefiles.TableWriter)
    -> the charted figures by series and year, out of core -> the series, a batch of whole
    years of a series at a time (etl.series.year_rows) -> the twins

The same rows in the same order as etl.assemble (which holds every table in memory and
is kept for a build that reuses the published version's rows): the twins are byte for
byte those of a build in memory, as tests/test_stream.py checks. DuckDB (an established
engine for queries over Parquet, sorting beyond memory by spilling to disk) does the two
sorts; everything else is Arrow. Memory held: a spool batch per table, DuckDB's limit
(``MEMORY_LIMIT``), a row group per table being written, a batch of whole years of a
series, and a date per document (bench/RESULTS.md: 490 MB at 1,000 documents, 882 MB at
10,000; every table in memory took 950 MB and 5 GB).
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from etl.assemble import SERIES_BATCH, SERIES_INPUT, SERIES_TABLES, first_rows, sort_rows
from etl.rows import ROW_TABLES, SourceParts
from etl.schema import TABLES, arrow_schema, typed
from etl.series import BASE, series_base, year_rows
from etl.tablefiles import TableWriter

SPOOL_BATCH = 20_000  # rows of a table held before they are written to its spool file
# ... or sources' pieces: each is a small Arrow table with a buffer per column, and a
# table of a row per source (documents) would otherwise hold every source's until the end
SPOOL_PIECES = 256
SORT_PART_BYTES = 24 << 20  # rows sorted in memory at a time (their size uncompressed)
SAMPLE_ROWS = 20_000  # keys sampled to cut a table into ranges of that size
MEMORY_LIMIT = "256MB"  # DuckDB's, beyond which it spills to disk


class Spool:
    """Every source's rows, table by table, in the order they come (a Parquet file per
    table in ``folder``), and each document's date of publication (the series need it)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        folder.mkdir(parents=True, exist_ok=True)
        self.dates: dict[str, str] = {}
        self.sources = 0
        self._pending: dict[str, list[pa.Table]] = {name: [] for name in ROW_TABLES}
        self._held = dict.fromkeys(ROW_TABLES, 0)
        self._writers = {name: pq.ParquetWriter(str(self.path(name)),
                                                arrow_schema(TABLES[name]), compression="lz4")
                         for name in ROW_TABLES}

    def path(self, name: str) -> Path:
        return self.folder / f"{name}.parquet"

    def add(self, part: SourceParts) -> None:
        for name in ROW_TABLES:
            table = part.tables[name]
            if table.num_rows:
                self._pending[name].append(table)
                self._held[name] += table.num_rows
                if self._held[name] >= SPOOL_BATCH or \
                        len(self._pending[name]) >= SPOOL_PIECES:
                    self._flush(name)
        documents = part.tables["documents"]
        self.dates.update(zip(documents.column("document_id").to_pylist(),
                              documents.column("date_published").to_pylist(), strict=True))
        self.sources += 1

    def _flush(self, name: str) -> None:
        if self._pending[name]:
            self._writers[name].write_table(pa.concat_tables(self._pending[name]))
        self._pending[name], self._held[name] = [], 0

    def close(self) -> None:
        for name in ROW_TABLES:
            self._flush(name)
            self._writers[name].close()


def _quoted(names: tuple[str, ...] | list[str]) -> str:
    return ", ".join('"' + n.replace('"', '""') + '"' for n in names)


def _parquet(path: Path) -> str:
    """DuckDB's reader of the Parquet file at ``path`` (a folder may be named "o'Brien")."""
    return "read_parquet('" + str(path).replace("'", "''") + "')"


def _sorted(con: duckdb.DuckDBPyConnection, path: Path, columns: list[str] | None,
            where: str, keys: list[str]) -> Iterator[pa.Table]:
    """The rows of the Parquet file at ``path`` that ``where`` keeps, in the order of
    ``keys`` (unique together), a range of ``keys[0]`` at a time: the ranges are cut at
    values sampled from the file so that each holds about ``SORT_PART_BYTES`` of rows,
    and DuckDB sorts one range in memory at a time (a sort of the whole file spilled, and
    its merge needed more than its memory limit at 10,000 documents)."""
    meta = pq.ParquetFile(path).metadata
    size = sum(meta.row_group(i).total_byte_size for i in range(meta.num_row_groups))
    parts = max(1, -(-size // SORT_PART_BYTES))
    source = _parquet(path)
    first = _quoted([keys[0]])
    cuts: list[object] = []
    if parts > 1:
        sample = con.sql(f"SELECT {first} FROM {source} WHERE {where} "
                         f"USING SAMPLE reservoir({SAMPLE_ROWS} ROWS) REPEATABLE (1)"
                         ).fetchall()
        # cut at the sample's quantiles, duplicates kept: a range holds about as many rows
        # as another, not as many distinct values (the series of 10,000 documents are a
        # few hundred figures each, and forty of 17,000 next to each other in the order,
        # which one range held at once: 890 MB, the build's peak)
        values = sorted(row[0] for row in sample)
        cuts = sorted({values[len(values) * k // parts] for k in range(1, parts)}) \
            if values else []
    chosen = _quoted(columns) if columns else "*"
    bounds = [None, *cuts, None]
    for lo, hi in itertools.pairwise(bounds):
        ranged = where + (f" AND {first} >= $lo" if lo is not None else "") + \
            (f" AND {first} < $hi" if hi is not None else "")
        params = {k: v for k, v in (("lo", lo), ("hi", hi)) if v is not None}
        query = f"SELECT {chosen} FROM {source} WHERE {ranged} ORDER BY {_quoted(keys)}"
        yield con.sql(query, params=params or None).to_arrow_table()


def write_tables(spool: Spool, stage: Path,
                 progress: Callable[[str], None] | None = None) -> None:
    """The row tables and the series tables from ``spool``, written to ``stage`` as twins."""
    con = duckdb.connect(config={"memory_limit": MEMORY_LIMIT, "threads": 2,
                                 "temp_directory": str(spool.folder / "duckdb"),
                                 "preserve_insertion_order": False})
    try:
        for name in ROW_TABLES:
            writer = TableWriter(stage, name)
            for rows in _sorted(con, spool.path(name), None, "true",
                                list(TABLES[name].primary_key)):
                writer.write(rows)
            writer.close()
            if progress is not None:
                progress(f"written {name}: {writer.rows} rows")
        _write_series(con, spool, stage, progress)
    finally:
        con.close()


def _write_series(con: duckdb.DuckDBPyConnection, spool: Spool, stage: Path,
                  progress: Callable[[str], None] | None) -> None:
    """The charted figures (etl.series.charted) by series and year, each year of a series
    worked out as etl.series.observations does (etl.series.year_rows), a batch of whole
    years at a time: what a batch holds is bounded by a year's figures, not a series'
    (a series of 10,000 documents may have tens of thousands)."""
    charted = ("year IS NOT NULL AND coalesce(kind, '') <> 'total' "
               "AND coalesce(review, '') = ''")
    writers = {name: TableWriter(stage, name) for name in SERIES_TABLES}
    last: tuple[str, int] | None = None  # the series and year before, for the gaps
    bases: dict[str, dict] = {}

    def emit(figures: pa.Table) -> None:
        nonlocal last
        rows: list[dict] = []
        members: list[dict] = []
        given: list[dict] = []
        for f in [*figures.to_pylist(), None]:  # None: the end, to close the last year
            key = None if f is None else (f["series_id"], f["year"])
            if given and key != (given[0]["series_id"], given[0]["year"]):
                sid, year = given[0]["series_id"], given[0]["year"]
                if last is not None and last[0] == sid:
                    for gap in range(last[1] + 1, year):  # years unreported inside the span
                        year_rows(bases[sid], gap, [], rows, members)
                year_rows(bases[sid], year, given, rows, members)
                last, given = (sid, year), []
            if f is not None:
                f["_published"] = spool.dates[f["document_id"]]
                given.append(f)
        for name, made in zip(SERIES_TABLES, (rows, members), strict=True):
            writers[name].write(sort_rows(name, typed(name, made)))

    for part in _sorted(con, spool.path("figures"), list(SERIES_INPUT), charted,
                        ["series_id", "year", "document_id", "start", "end", "figure_id"]):
        # a range holds whole series: each one's first figure in the order of the text
        # gives its label and columns
        order = ("series_id", "document_id", "start", "end", "figure_id")
        firsts = part.select([*order, *BASE])
        firsts = firsts.take(pc.sort_indices(firsts, [(k, "ascending") for k in order]))
        bases = {sid: series_base(sid, first) for sid, first in first_rows(firsts).items()}
        # batches of whole years of a series
        begin = 0
        while begin < part.num_rows:
            end = min(begin + SERIES_BATCH, part.num_rows)
            if end < part.num_rows:  # on to the end of the year the batch ends in
                same = pc.and_(pc.equal(part.column("series_id").slice(end),
                                        part.column("series_id")[end - 1]),
                               pc.equal(part.column("year").slice(end),
                                        part.column("year")[end - 1]))
                end += int(pc.sum(same).as_py() or 0)
            emit(part.slice(begin, end - begin))
            begin = end
    for writer in writers.values():
        writer.close()
    if progress is not None:
        progress(f"series: {writers['observations'].rows} series years, "
                 f"{writers['series_figures'].rows} figures in them")
