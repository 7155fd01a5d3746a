"""Stage "tables": every source's rows put together, and the series worked out, as Arrow.

    each source's rows (Arrow, etl.rows.SourceParts) + the previous published version
    -> documents, sentences, figures, claims, curations, observations, series_figures

A build need not assemble from nothing. The version it replaces holds the rows of every
source it was built from; after publishing, a build records (``cache/tables.json``) the
version, this stage's code, the size and time of change of each of its Parquet files, and
each source's rows key (etl.rows.rows_key). Sources whose key is unchanged keep their
published rows (read back from Parquet: slices, not copies); only the rest come from
their parts. A series is worked out again only for the years where a figure of a changed,
added or removed source was or is (the whole series where its first figure or its span of
years moved); the others keep their published rows. So one added document to 10,000
costs a read of the Parquet twins, a sort and the files, not every source's rows again.
What is reused is checked: a file changed since it was published, another code version, or
another version at ``data/tidy``, and the build assembles from the parts alone, as
``--no-cache`` and ``--check`` always do. (Kept as uncompressed Arrow files instead, the
tables were read without decoding but the build was slower: 13-14 s against 11 s at
10,000 documents, the pages faulted in and the 1.1 GB written each time.)
"""

from __future__ import annotations

import itertools
import json
import os
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from etl.rows import ROW_TABLES, SourceParts, code_version, rows_version
from etl.schema import TABLES, arrow_schema, typed
from etl.series import BASE, observations, series_base, year_rows

REUSED = Path("cache") / "tables.json"  # under the data folder; never committed
SERIES_TABLES = ("observations", "series_figures")
REUSABLE = ROW_TABLES + SERIES_TABLES
# The code that decides the published tables beyond each source's rows.
TABLES_FILES = ("assemble.py", "series.py", "reconcile.py", "schema.py", "tablefiles.py")


@lru_cache(maxsize=1)
def tables_version() -> str:
    """The version of this stage's code and of the rows stage's."""
    return code_version(rows_version(), TABLES_FILES)


def sort_rows(name: str, table: pa.Table) -> pa.Table:
    """Sorted by the table's primary key: a few slices when the rows were mostly in order
    (a published table with some rows added), else a copy in that order. The result may
    be in chunks; etl.tablefiles writes the same bytes however it is chunked."""
    keys = [(k, "ascending") for k in TABLES[name].primary_key]
    order = pc.sort_indices(table.select([k for k, _ in keys]), sort_keys=keys)
    return _take(table, order.to_numpy(zero_copy_only=False))


@dataclass
class Previous:
    """The published version a build may reuse rows from."""

    version: str
    keys: dict[str, str]  # source id -> its rows key
    tables: dict[str, pa.Table]


def _stamp(path: Path) -> list[int]:
    """A file's size and time of last change: one written since (by hand, by another
    program) is not the one recorded."""
    stat = path.stat()
    return [stat.st_size, stat.st_mtime_ns]


def load_previous(data_dir: Path) -> Previous | None:
    """The version published at ``data/tidy`` (its Parquet twins) with the keys of the
    sources it was built from; None when there is none to trust: no record, another code
    version, another version published since, or a file changed since it was published."""
    try:
        record = json.loads((data_dir / REUSED).read_text("utf-8"))
        tidy = (data_dir / "tidy").resolve(strict=True)
        if record.get("tables_version") != tables_version() or \
                tidy.name != record.get("version"):
            return None
        tables = {}
        for name in REUSABLE:
            path = tidy / f"{name}.parquet"
            if _stamp(path) != record["files"][name]:
                return None
            tables[name] = pq.read_table(path, schema=arrow_schema(TABLES[name]))
        return Previous(record["version"], dict(record["keys"]), tables)
    except (OSError, ValueError, KeyError, TypeError, pa.ArrowException):
        return None


def save_keys(data_dir: Path, version: str, keys: dict[str, str]) -> None:
    """Record what the version just published was built from (after publishing it). A
    crash leaves the old record (naming another version: nothing reused) or the new one."""
    tidy = data_dir / "tidy"
    record = {"tables_version": tables_version(), "version": version,
              "files": {n: _stamp(tidy / f"{n}.parquet") for n in REUSABLE},
              "keys": dict(sorted(keys.items()))}
    path = data_dir / REUSED
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.parent / f".{path.name}.{os.getpid()}.tmp"
    try:
        tmp.write_text(json.dumps(record), "utf-8")
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _published_dates(documents: pa.Table) -> dict[str, str]:
    return dict(zip(documents.column("document_id").to_pylist(),
                    documents.column("date_published").to_pylist(), strict=True))


def assemble(parts: dict[str, SourceParts], previous: Previous | None = None,
             reused: frozenset[str] = frozenset(),
             progress: Callable[[str], None] | None = None,
             ready: Callable[[str, pa.Table], None] | None = None) -> dict[str, pa.Table]:
    """The row and series tables from the ``parts`` of the sources made in this build and,
    for the sources in ``reused``, their rows in ``previous`` (unchanged since). ``ready``
    is told of each table as soon as it is final (the files stage starts on it)."""
    def done(name: str, table: pa.Table) -> pa.Table:
        if ready is not None:
            ready(name, table)
        return table

    tables: dict[str, pa.Table] = {}
    keep = pa.array(sorted(reused), pa.string())
    for name in ROW_TABLES:
        pieces = [p.tables[name] for p in parts.values()]
        if previous is not None and len(keep):
            old = previous.tables[name]
            pieces.insert(0, _take(old, np.flatnonzero(
                pc.is_in(old.column("document_id"), keep).to_numpy(zero_copy_only=False))))
        tables[name] = done(name, sort_rows(name, _concat(name, pieces)))
    dates = _published_dates(tables["documents"])
    if previous is None or not len(keep):
        made = series_tables(tables["figures"], dates)
        made = {name: sort_rows(name, made[name]) for name in SERIES_TABLES}
    else:
        old = previous.tables["figures"]
        gone = old.filter(pc.invert(pc.is_in(old.column("document_id"), keep)))
        changed = _concat("figures", [gone, *(p.tables["figures"] for p in parts.values())])
        made = _update_series(tables["figures"], changed, previous, dates, progress)
    return {**tables, **{name: done(name, made[name]) for name in SERIES_TABLES}}


def _concat(name: str, pieces: list[pa.Table]) -> pa.Table:
    return pa.concat_tables(pieces) if pieces else arrow_schema(TABLES[name]).empty_table()


def _take(table: pa.Table, indices: np.ndarray) -> pa.Table:
    """``table.take(indices)``, but as slices of the runs of consecutive indices when they
    are few (a sorted table with rows added or taken out: no copy of the rest)."""
    if len(indices) == 0:
        return table.slice(0, 0)
    breaks = np.flatnonzero(np.diff(indices) != 1) + 1
    if len(breaks) > 1000:
        return table.take(pa.array(indices))
    bounds = [0, *breaks.tolist(), len(indices)]
    return pa.concat_tables([table.slice(int(indices[a]), b - a)
                             for a, b in itertools.pairwise(bounds)])


def _pair_keys(table: pa.Table) -> pa.Array:
    """"series id\x1fyear" per row (null where the year is)."""
    return pc.binary_join_element_wise(table.column("series_id"),
                                       pc.cast(table.column("year"), pa.string()), "\x1f")


def _charted(figures: pa.Table) -> pa.ChunkedArray:
    """Which figures enter a series (etl.series.charted), as an Arrow mask."""
    kind = pc.fill_null(pc.not_equal(figures.column("kind"), "total"), True)
    review = pc.fill_null(pc.equal(figures.column("review"), ""), True)  # none, or ""
    return pc.and_(pc.is_valid(figures.column("year")), pc.and_(kind, review))


def _update_series(figures: pa.Table, changed: pa.Table, previous: Previous,
                   dates: dict[str, str], progress: Callable[[str], None] | None = None
                   ) -> dict[str, pa.Table]:
    """The series tables after the ``changed`` figures (of the sources changed, added or
    taken out, old rows and new) moved: the series years they were or are in are worked
    out again, and whole series whose first figure or span of years moved; the rest of
    the previous rows stay."""
    pairs = pc.unique(pc.drop_null(_pair_keys(changed)))
    touched = pc.unique(changed.filter(pc.is_valid(changed.column("year")))
                        .column("series_id"))
    now = figures.select(list(SERIES_INPUT))
    now = now.filter(pc.and_(pc.is_in(now.column("series_id"), touched),
                             _charted(now))).combine_chunks()
    order = [(k, "ascending") for k in ("series_id", "document_id", "start", "end",
                                         "figure_id")]
    now = now.take(pc.sort_indices(now.select([k for k, _ in order]), sort_keys=order))
    first = first_rows(now)
    before = previous.tables["observations"]
    before = before.filter(pc.is_in(before.column("series_id"), touched))
    before_first = first_rows(before)
    spans_now = {r["series_id"]: (r["year_min"], r["year_max"]) for r in
                 now.group_by("series_id").aggregate([("year", "min"), ("year", "max")])
                 .to_pylist()}
    spans_before = {r["series_id"]: (r["year_min"], r["year_max"]) for r in
                    before.group_by("series_id").aggregate([("year", "min"), ("year", "max")])
                    .to_pylist()}
    whole, part = [], []
    for sid in touched.to_pylist():
        same = (sid in first and sid in before_first and spans_now.get(sid) ==
                spans_before.get(sid) and series_base(sid, first[sid]) ==
                {k: before_first[sid][k] for k in ("series_id", "series_label", *BASE)})
        (part if same else whole).append(sid)
    # whole series: as a build from nothing works them out
    whole_arr = pa.array(whole, pa.string())
    made = series_tables(now.filter(pc.is_in(now.column("series_id"), whole_arr)), dates)
    # series kept but for some years
    part_arr = pa.array(part, pa.string())
    partial = set(part)
    redo = pa.array([k for k in pairs.to_pylist() if k.split("\x1f")[0] in partial],
                    pa.string())
    given = now.filter(pc.is_in(_pair_keys(now), redo)).to_pylist()
    by_pair: dict[tuple[str, int], list[dict]] = {}
    for f in given:
        f["_published"] = dates[f["document_id"]]
        by_pair.setdefault((f["series_id"], f["year"]), []).append(f)
    rows: list[dict] = []
    members: list[dict] = []
    for key in redo.to_pylist():
        sid, year = key.split("\x1f")
        lo, hi = spans_now[sid]
        if lo <= int(year) <= hi:
            year_rows(series_base(sid, first[sid]), int(year),
                      by_pair.get((sid, int(year)), []), rows, members)
    if progress is not None:
        progress(f"series: {len(whole)} worked out again whole, {len(rows)} years of "
                 f"{len(part)} others")
    fresh = {"observations": rows, "series_figures": members}
    out = {}
    for name in SERIES_TABLES:
        old = previous.tables[name]
        drop = pc.or_(pc.is_in(old.column("series_id"), whole_arr),
                      pc.and_(pc.is_in(old.column("series_id"), part_arr),
                              pc.is_in(_pair_keys(old), redo)))
        kept = _take(old, np.flatnonzero(pc.invert(drop).to_numpy(zero_copy_only=False)))
        out[name] = sort_rows(name, pa.concat_tables([kept, made[name],
                                                      typed(name, fresh[name])]))
    return out


def _starts(table: pa.Table) -> np.ndarray:
    """Where a new series begins in ``table`` (sorted by series), the first row aside."""
    ids = table.column("series_id").combine_chunks()
    if len(ids) < 2:
        return np.zeros(0, dtype=np.int64)
    change = pc.not_equal(ids.slice(1), ids.slice(0, len(ids) - 1))
    return np.flatnonzero(change.to_numpy(zero_copy_only=False)) + 1


def first_rows(table: pa.Table) -> dict[str, dict]:
    """The first row of each series in ``table`` (sorted by series), by series id."""
    if table.num_rows == 0:
        return {}
    starts = [0, *_starts(table).tolist()]
    return {r["series_id"]: r for r in table.take(pa.array(starts)).to_pylist()}


SERIES_BATCH = 10_000  # figures made Python objects at a time, whole series each time
SERIES_INPUT = ("figure_id", "document_id", "start", "end", "text", "amount", "amount_high",
                 "qualifier", "year", "year_type", "status", "kind", "review", "funder",
                 "recipient", "purpose", "currency", "attributed_source",
                 "amount_constant_usd", "amount_high_constant_usd", "constant_base_year",
                 "constant_note", "series_id", "sentence_id", "sentence")


def series_tables(figures: pa.Table, dates: dict[str, str]) -> dict[str, pa.Table]:
    """etl.series.observations over ``figures``, a batch of whole series at a time (its
    figures as dicts are several times their Arrow size)."""
    figures = figures.select(list(SERIES_INPUT))
    figures = figures.take(pc.sort_indices(figures, [("series_id", "ascending")]))
    starts = _starts(figures)
    out: dict[str, list[pa.Table]] = {name: [] for name in SERIES_TABLES}
    begin = 0
    while begin < figures.num_rows:
        cut = int(np.searchsorted(starts, begin + SERIES_BATCH))
        end = int(starts[cut]) if cut < len(starts) else figures.num_rows
        rows = figures.slice(begin, end - begin).to_pylist()
        for f in rows:
            f["_published"] = dates[f["document_id"]]
        for name, made in zip(SERIES_TABLES, observations(rows), strict=True):
            out[name].append(typed(name, made))
        begin = end
    return {name: pa.concat_tables(t) if t else typed(name, []) for name, t in out.items()}
