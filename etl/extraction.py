"""Stage "extraction": each source's sentences, figures and claims, before people's
corrections, cached per source and computed in parallel.

    source (text + metadata) -> Extraction -> data/cache/extraction/<key>/*.parquet

The cache key is the SHA-256 of everything the extractor reads from a source (its id,
date, text, tables) and of ``extractor_version()``, a hash of the extractor's own code and
cue files: a build re-extracts only the sources whose text or whose extractor changed.
A cache entry is a folder of three Parquet files (sentences, figures, claims) written in
a temporary folder and renamed into place, so a crash never leaves half an entry; an
entry that cannot be read is extracted again (the cache is never the only copy).

Sources that are not cached are extracted serially, or on Dask when there are enough of
them (``MIN_PARALLEL``) or a scheduler is named: an embedded ``LocalCluster`` with one
single-threaded worker process per core, or the cluster at ``scheduler`` (an address
such as ``tcp://10.0.0.5:8786``). Extraction is deterministic and the results are put
back in source order, so the tables are the same bytes whichever way they were made.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import shutil
import tempfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, fields
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from etl.extract import Claim, Extraction, Figure, extract
from etl.segment import Span
from etl.sources import Source
from etl.tables import with_table_figures
from etl.txn import crash_point

ROOT = Path(__file__).resolve().parent
# The files whose content decides what extraction returns.
EXTRACTOR_FILES = ("extract/*.py", "cues/*.toml", "money.py", "segment.py", "tables.py",
                   "lexicon.py", "extraction.py", "fastre.py")
MIN_PARALLEL = 40  # fewer uncached sources than this are extracted in this process
BATCH = 20  # at most this many sources in one Dask task
_PARTS = {"sentences": Span, "figures": Figure, "claims": Claim}


@lru_cache(maxsize=1)
def extractor_version() -> str:
    """A hash of the extractor's code and cue files (12 hex digits)."""
    digest = hashlib.sha256()
    for pattern in EXTRACTOR_FILES:
        for path in sorted(ROOT.glob(pattern)):
            digest.update(path.relative_to(ROOT).as_posix().encode() + b"\0")
            digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()[:12]


def cache_key(source: Source) -> str:
    """What decides a source's extraction: its id, date, text and tables, and the
    extractor's version."""
    meta = source.meta
    payload = json.dumps([meta.id, meta.date_published.isoformat(), source.tables,
                          source.tables_start, extractor_version()], sort_keys=True)
    digest = hashlib.sha256(payload.encode("utf-8"))
    digest.update(source.text.encode("utf-8"))
    return digest.hexdigest()[:32]


def extract_source(source: Source) -> Extraction:
    """The machine's reading of one source: its sentences' figures, and its tables' cells
    where it has tables."""
    meta = source.meta
    result = extract(source.text, meta.id, meta.date_published)
    with_table_figures(result, source.tables, source.tables_start, meta.id)
    return result


def to_parquet(result: Extraction) -> dict[str, bytes]:
    """An extraction as three Parquet files' bytes."""
    out = {}
    for name, cls in _PARTS.items():
        rows = [asdict(r) for r in getattr(result, name)]
        schema = _schema(cls)
        table = pa.Table.from_pylist(rows, schema=schema)
        buffer = io.BytesIO()
        pq.write_table(table, buffer, compression="zstd")
        out[name] = buffer.getvalue()
    return out


def from_parquet(parts: dict[str, bytes]) -> Extraction:
    """The extraction that :func:`to_parquet` wrote."""
    loaded = {name: [cls(**row) for row in pq.read_table(io.BytesIO(parts[name])).to_pylist()]
              for name, cls in _PARTS.items()}
    return Extraction(sentences=loaded["sentences"], figures=loaded["figures"],
                      claims=loaded["claims"])


@cache
def _schema(cls: type) -> pa.Schema:
    types = {"int": pa.int64(), "float": pa.float64(), "str": pa.string(), "bool": pa.bool_()}
    columns = []
    for f in fields(cls):
        spelled = str(f.type).replace(" ", "")
        base = spelled.split("|")[0]
        columns.append(pa.field(f.name, types.get(base, pa.string()),
                                nullable="None" in spelled))
    return pa.schema(columns)


def _read(folder: Path) -> Extraction | None:
    try:
        return from_parquet({n: (folder / f"{n}.parquet").read_bytes() for n in _PARTS})
    except (OSError, pa.ArrowException, TypeError, ValueError):
        return None  # missing or damaged: extract again


def _write(folder: Path, parts: dict[str, bytes]) -> None:
    folder.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".tmp-", dir=folder.parent))
    try:
        for name, data in parts.items():
            (staging / f"{name}.parquet").write_bytes(data)
        try:
            os.replace(staging, folder)
        except OSError:  # another build wrote the same entry first: same content
            shutil.rmtree(staging, ignore_errors=True)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


def extract_all(sources: Iterable[Source], cache_dir: Path | None = None,
                workers: int | None = None, scheduler: str | None = None,
                progress: Callable[[str], None] | None = None,
                then: Callable[[Source, Extraction], Any] | None = None,
                each: Callable[[Source, Any], None] | None = None) -> dict[str, Any]:
    """Each source's extraction by id: from the cache where it holds one, else extracted
    (serially, or on Dask) and cached. ``cache_dir`` None: no cache. ``then``: the next
    stage, run on each extraction where it was made (a Dask worker, or this process) after
    the extraction is cached; the result is then ``then``'s, by id. It must pickle (a
    module-level function or a dataclass instance). ``each``: told of every result as it
    comes (in no set order), which is then not kept: the dict returned is empty, and the
    memory held does not grow with the sources."""
    sources = list(sources)
    results: dict[str, Any] = {}

    def deliver(source: Source, value: Any) -> None:
        if each is not None:
            each(source, value)
        else:
            results[source.meta.id] = value

    todo: list[tuple[Source, Path | None]] = []
    for source in sources:
        folder = cache_dir / cache_key(source) if cache_dir is not None else None
        cached = _read(folder) if folder is not None and folder.is_dir() else None
        if cached is not None:
            deliver(source, then(source, cached) if then is not None else cached)
        else:
            todo.append((source, folder))
    if progress is not None and sources:
        progress(f"extraction: {len(sources) - len(todo)} of {len(sources)} sources cached, "
                 f"{len(todo)} to extract")
    workers = workers or os.cpu_count() or 1
    cache = cache_dir is not None
    if todo and (scheduler or (workers > 1 and len(todo) >= MIN_PARALLEL)):
        done = _on_dask(todo, workers, scheduler, progress, cache, then)
    else:
        done = _serially(todo, progress, cache, then)
    for i, (parts, value) in done:
        source, folder = todo[i]
        if folder is not None and parts is not None:
            _write(folder, parts)
            crash_point("extraction-cached")
        deliver(source, value)
    return results


_Done = tuple[dict[str, bytes] | None, Any]  # (the cache entry's files, the result)


def _serially(todo: list[tuple[Source, Path | None]],
              progress: Callable[[str], None] | None, cache: bool = False,
              then: Callable[[Source, Extraction], Any] | None = None
              ) -> Iterator[tuple[int, _Done]]:
    for n, (source, _) in enumerate(todo, 1):
        yield n - 1, _extract_one(source, cache, then)
        if progress is not None and (n == len(todo) or n % 100 == 0):
            progress(f"extracted {n}/{len(todo)}")


def _extract_one(source: Source, cache: bool,
                 then: Callable[[Source, Extraction], Any] | None) -> _Done:
    """Extract, serialize for the cache (before any later stage changes the extraction),
    then run the next stage."""
    result = extract_source(source)
    parts = to_parquet(result) if cache else None
    return parts, (then(source, result) if then is not None else result)


def _on_dask(todo: list[tuple[Source, Path | None]], workers: int, scheduler: str | None,
             progress: Callable[[str], None] | None, cache: bool = False,
             then: Callable[[Source, Extraction], Any] | None = None
             ) -> Iterator[tuple[int, _Done]]:
    """Each source's result (by its place in ``todo``) as its batch finishes."""
    from dask.distributed import Client, LocalCluster, as_completed

    cluster = None
    if scheduler:
        client = Client(scheduler, timeout="30s")
    else:
        # (silence_logs=CRITICAL: a worker's heartbeat racing the cluster's close logs an
        # ERROR with a traceback after a build that succeeded; a task's own error still
        # reaches the build, raised by future.result())
        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                               dashboard_address=None, silence_logs=50)
        client = Client(cluster)
    try:
        where = scheduler or f"a local Dask cluster of {workers} worker processes"
        if progress is not None:
            progress(f"extracting {len(todo)} sources on {where}")
        # batches of sources, scattered to the workers first: a few dozen tasks per worker
        # keep every core busy without paying the scheduler per document, and a small last
        # one leaves a worker little to finish alone
        size = max(1, min(BATCH, -(-len(todo) // (4 * workers))))
        batches = [[s for s, _ in todo[i : i + size]] for i in range(0, len(todo), size)]
        data = client.scatter(batches)
        futures = client.map(_extract_batch, data, cache=cache, then=then, pure=False)
        index = {f.key: i for i, f in enumerate(futures)}
        del data, batches
        done = 0
        for future in as_completed(futures):
            first = index[future.key] * size
            results = future.result()
            future.release()  # the worker may forget it: results are not held twice
            for j, result in enumerate(results):
                yield first + j, result
            done += len(results)
            if progress is not None:
                progress(f"extracted {done}/{len(todo)}")
    finally:
        client.close()
        if cluster is not None:
            cluster.close()

def _extract_batch(sources: list[Source], cache: bool = False,
                   then: Callable[[Source, Extraction], Any] | None = None) -> list[_Done]:
    """What a Dask worker does with one batch (module level, so that it pickles)."""
    return [_extract_one(s, cache, then) for s in sources]
