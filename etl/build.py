"""Build the published tables from the sources: documents, sentences, figures, claims,
observations, as CSV and Parquet twins plus ``datapackage.json``.

Stages, after OWID's etl, each a module: ``data/sources/`` (raw snapshots with metadata,
``etl.sources``) -> extraction (``etl.extraction``: ``etl.extract`` per source, cached
under ``data/cache/`` and run on Dask for many sources) -> rows (``etl.rows``: a source's
rows after the people's corrections, as Arrow tables, made where it was extracted) ->
tables (every source's rows sorted by each table's key, and the series, ``etl.series``:
observations reconciled across sources; streamed out of core by ``etl.stream`` for a build
from nothing, or in memory by ``etl.assemble`` when the published version's rows of
unchanged sources are kept) -> files (``etl.tablefiles``: CSV and Parquet twins, written
into a staging folder beside the versions) -> publish (here: the folder hashed into a
version and renamed ``data/published/<dataset>/<version>/``, then ``data/tidy``, a symbolic
link to the current version). The link is swapped with one atomic ``rename``, so a crash at
any point leaves the previous tables whole and readable.
"""

from __future__ import annotations

import filecmp
import hashlib
import json
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import pyarrow as pa

from etl.assemble import Previous, assemble, load_previous, save_keys
from etl.cpi import Cpi, load_cpi
from etl.curation import Curation, load_curations
from etl.extract import Extraction
from etl.extraction import extract_all, extract_source
from etl.rows import (
    ROWS_CACHE,
    RowMaker,
    SourceParts,
    read_cached,
    rows_key,
    source_rows,
    to_parts,
    write_cached,
)
from etl.schema import TABLES, typed
from etl.sourceindex import SourceIndex, signature
from etl.sources import Source, load_source, source_folders
from etl.stream import Spool, write_tables
from etl.tablefiles import PANDAS_TYPES, Twins, write_twins
from etl.txn import atomic_write, crash_point, write_lock

if TYPE_CHECKING:  # the build itself never needs pandas (0.3 s to import)
    import pandas as pd

DATASET = "policy-money-figures"
DATASET_TITLE = "Money figures cited in policy reporting"
TABLE_LICENSE = {
    "name": "CC-BY-4.0",
    "path": "https://creativecommons.org/licenses/by/4.0/",
    "title": "Creative Commons Attribution 4.0 (the tables; source texts keep their own rights)",
}


@dataclass
class Dataset:
    tables: dict[str, pa.Table]
    sources: list[Source]
    cpi: Cpi
    keys: dict[str, str] = field(default_factory=dict)  # source id -> rows key
    twins: Twins | None = None  # the files, being written

    def frame(self, name: str) -> pd.DataFrame:
        """A table as pandas, typed as the dashboard reads it."""
        df = self.tables[name].to_pandas()
        for col in TABLES[name].columns:
            df[col.name] = df[col.name].astype(PANDAS_TYPES[col.type])
        return df


def build_tables(sources: list[Source], cpi: Cpi,
                 progress: Callable[[str], None] | None = None,
                 curations: dict[str, list[Curation]] | None = None,
                 extractions: dict[str, Extraction] | None = None,
                 prepared: dict[str, SourceParts] | None = None,
                 previous: Previous | None = None, reused: frozenset[str] = frozenset(),
                 keys: dict[str, str] | None = None, stage: Path | None = None) -> Dataset:
    """Assemble the tables in memory (no I/O but, with a ``stage`` folder, the twins of each
    table written there as soon as it is final: etl.tablefiles.Twins). A source's rows are
    ``prepared`` (made where it was extracted), or taken from the ``previous`` version when
    its id is in ``reused``, or made here from its extraction (``extractions``, from
    etl.extraction; a source missing there is extracted here) with the people's corrections
    reapplied. Constant-dollar columns use the latest CPI-U year as their base."""
    base_year = cpi.latest
    made = [s for s in sources if s.meta.id not in reused or previous is None]
    parts: dict[str, SourceParts] = {}
    for n, source in enumerate(made, 1):
        meta = source.meta
        part = (prepared or {}).get(meta.id)
        if part is None:
            result = (extractions or {}).get(meta.id) or extract_source(source)
            part = to_parts(source_rows(source, result, (curations or {}).get(meta.id, []),
                                        cpi, base_year))
        parts[meta.id] = part
        if progress is not None:
            for note in part.notes:
                progress(note)
            progress(f"[{n}/{len(made)}] {part.summary}")
    if previous is not None and len(made) < len(sources) and progress is not None:
        progress(f"tables: {len(sources) - len(made)} of {len(sources)} sources' rows "
                 f"unchanged since version {previous.version}")
    twins = Twins(stage)  # the files stage, started on each table as soon as it is final
    tables = assemble(parts, previous if len(made) < len(sources) else None,
                      frozenset(s.meta.id for s in sources if s.meta.id not in parts),
                      progress, twins)
    tables["cpi_u"] = cpi_table(cpi)
    twins("cpi_u", tables["cpi_u"])
    order = ("documents", "sentences", "figures", "claims", "observations",
             "series_figures", "curations", "cpi_u")
    return Dataset(tables={name: tables[name] for name in order}, sources=sources, cpi=cpi,
                   keys=dict(keys or {}), twins=twins)


def cpi_table(cpi: Cpi) -> pa.Table:
    return typed("cpi_u", [{"year": y, "cpi_u": v} for y, v in sorted(cpi.index.items())])


# ---------------------------------------------------------------------------- writing


@dataclass
class Staged:
    """A version's files written to ``folder`` and hashed, not yet published."""

    folder: Path
    version: str
    keys: dict[str, str] = field(default_factory=dict)  # source id -> rows key

    def names(self) -> list[str]:
        return sorted(p.name for p in self.folder.iterdir())

    def files(self) -> dict[str, bytes]:
        """Every file's bytes (small builds: tests, ``render_files``)."""
        return {name: (self.folder / name).read_bytes() for name in self.names()}


def _finish(folder: Path, sources: list[Source], cpi: Cpi,
            keys: dict[str, str] | None = None) -> Staged:
    """Hash the tables written to ``folder`` into a version and add the descriptor that
    names it. The version hashes every file, name and bytes in the order of their names,
    the descriptor with its version left blank; each file is read a block at a time and
    made durable (fsync) on the way, since the folder is published by a rename."""
    def descriptor(version: str) -> bytes:
        text = json.dumps(datapackage(sources, cpi, version), indent=2, ensure_ascii=False)
        return (text + "\n").encode("utf-8")

    digest = hashlib.sha256()
    for fname in sorted([*(p.name for p in folder.iterdir()), "datapackage.json"]):
        digest.update(fname.encode() + b"\0")
        if fname == "datapackage.json":
            digest.update(descriptor(""))
            continue
        with open(folder / fname, "rb") as fh:
            while block := fh.read(1 << 20):
                digest.update(block)
            os.fsync(fh.fileno())
    version = digest.hexdigest()[:12]
    atomic_write(folder / "datapackage.json", descriptor(version))
    return Staged(folder, version, dict(keys or {}))


def stage_dataset(dataset: Dataset, folder: Path) -> Staged:
    """The tables of a build in memory written to ``folder`` as twins (the writes started
    by build_tables are waited for), hashed into a version."""
    twins, dataset.twins = dataset.twins, None  # started once; a second render starts anew
    if twins is None or not twins.writes_to(folder) or \
            set(twins.names()) != set(dataset.tables):
        twins = Twins()
        for name, table in dataset.tables.items():
            twins(name, table)
    twins.write(folder)
    return _finish(folder, dataset.sources, dataset.cpi, dataset.keys)


def render_files(built: Dataset | Staged) -> dict[str, bytes]:
    """Every published file, name -> bytes (for small builds). The same inputs give the
    same bytes."""
    if isinstance(built, Staged):
        return built.files()
    with tempfile.TemporaryDirectory(prefix="fundtrace-render-") as folder:
        return stage_dataset(built, Path(folder)).files()


def datapackage(sources: list[Source], cpi: Cpi, version: str) -> dict:
    """A Frictionless Data Package v2 descriptor for the tables."""
    cited = [{
        "title": s.meta.citation(),
        **({"path": s.meta.url} if s.meta.url else {}),
        "version": s.meta.date_published.isoformat(),
    } for s in sources]
    ref = cpi.meta
    cited.append({"title": ref.citation, "path": ref.url,
                  "version": f"accessed {ref.date_accessed.isoformat()}"})
    resources = []
    for name, table in TABLES.items():
        resources.append({
            "name": name,
            "type": "table",
            "path": f"{name}.csv",
            "scheme": "file",
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8",
            "title": table.title,
            "description": f"{table.description} Parquet twin: {name}.parquet.",
            "schema": {
                "fields": [{"name": c.name, "type": c.type, "description": c.description}
                           for c in table.columns],
                "primaryKey": list(table.primary_key),
                "missingValues": [""],
            },
        })
    latest_added = max((s.meta.date_added for s in sources), default=None)
    return {
        "$schema": "https://datapackage.org/profiles/2.0/datapackage.json",
        "name": DATASET,
        "title": DATASET_TITLE,
        "description": "Money figures extracted from policy reporting, each with its source "
                       "sentence and character span, qualifier, year, funder, recipient, "
                       "purpose and status.",
        "version": version,
        **({"created": f"{latest_added.isoformat()}T00:00:00Z"} if latest_added else {}),
        "licenses": [TABLE_LICENSE],
        "sources": cited,
        "resources": resources,
    }


def version_of(files: dict[str, bytes] | Staged) -> str:
    if isinstance(files, Staged):
        return files.version
    return json.loads(files["datapackage.json"])["version"]


# A superseded version is kept this long (FUNDTRACE_KEEP_SUPERSEDED_SECONDS): share links
# pinned to it (``v=``) show its numbers, and a reader who resolved ``data/tidy`` just
# before a build swapped it can finish reading. 90 days by default; a file that did not
# change between versions is stored once (hard links), so keeping costs little.
KEEP_SUPERSEDED_SECONDS = 90 * 24 * 3600
_SUPERSEDED = ".superseded"


def _keep_seconds() -> float:
    try:
        return float(os.environ.get("FUNDTRACE_KEEP_SUPERSEDED_SECONDS",
                                    KEEP_SUPERSEDED_SECONDS))
    except ValueError:
        return KEEP_SUPERSEDED_SECONDS


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.stat().st_size == b.stat().st_size and filecmp.cmp(a, b, shallow=False)
    except OSError:
        return False


def _intact(folder: Path, staged: Path) -> bool:
    """Whether a version folder holds exactly the files of ``staged``, byte for byte."""
    try:
        names = {p.name for p in folder.iterdir()}
        wanted = {p.name for p in staged.iterdir()}
    except OSError:
        return False
    return names == wanted and all(_same_file(folder / n, staged / n) for n in names)


def stage_folder(data_dir: Path) -> Path:
    """A new, empty folder beside the published versions, for a build to write its files
    into (it is published by renaming it; one left by a killed build is removed by the
    next publish)."""
    releases = data_dir / "published" / DATASET
    releases.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix=".stage-", dir=releases))
    folder.chmod(0o755)
    return folder


def publish(built: Staged | dict[str, bytes], data_dir: Path,
            progress: Callable[[str], None] | None = None) -> Path:
    """Publish a staged version (or files, name -> bytes) and point ``data/tidy`` at it,
    atomically.

    A version folder that exists already is checked byte for byte and written again if it
    was damaged. The version the link pointed at before is kept for a while
    (``KEEP_SUPERSEDED_SECONDS``) so that readers mid-read never find it gone."""
    releases = data_dir / "published" / DATASET
    if isinstance(built, dict):
        folder = stage_folder(data_dir)
        for name, data in built.items():
            (folder / name).write_bytes(data)
        built = Staged(folder, version_of(built))
    elif built.folder.parent.resolve() != releases.resolve():  # elsewhere: copied over
        folder = stage_folder(data_dir)
        for name in built.names():
            shutil.copyfile(built.folder / name, folder / name)
        built = Staged(folder, built.version, built.keys)
    version, tmp = built.version, built.folder
    final = releases / version
    try:
        if final.exists() and _intact(final, tmp):
            shutil.rmtree(tmp, ignore_errors=True)
        else:
            if final.exists() and progress is not None:
                progress(f"version {version} was damaged on disk; writing it again")
            for name, same in _unchanged_files(releases, tmp).items():
                link = tmp / f".{name}.link"
                os.link(same, link)  # stored once across versions
                os.replace(link, tmp / name)
            crash_point("publish-written")
            if final.exists():
                trash = releases / f".{version}-damaged-{os.getpid()}"
                os.replace(final, trash)
                shutil.rmtree(trash, ignore_errors=True)
            os.replace(tmp, final)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    link = data_dir / "tidy"
    previous = link.resolve().name if link.is_symlink() else None
    tmp_link = data_dir / f".tidy-{os.getpid()}"
    if tmp_link.is_symlink() or tmp_link.exists():
        tmp_link.unlink()
    os.symlink(os.path.relpath(final, data_dir), tmp_link)
    if link.exists() and not link.is_symlink():
        shutil.rmtree(link)  # an old real folder: replaced once, by the link
    crash_point("publish-before-swap")
    os.replace(tmp_link, link)
    for stale in data_dir.glob(".tidy-*"):  # links left by builds killed mid-swap
        if stale.is_symlink():
            stale.unlink()
    _retire(releases, version, previous)
    return final


def _unchanged_files(releases: Path, staged: Path) -> dict[str, Path]:
    """Files of the staged version that the current version holds byte for byte: name ->
    that file, to hard-link instead of keeping a second copy."""
    link = releases.parent.parent / "tidy"
    current = link.resolve() if link.is_symlink() else None
    if current is None or current.parent != releases.resolve():
        return {}
    return {p.name: current / p.name for p in staged.iterdir()
            if p.name != "datapackage.json" and _same_file(current / p.name, p)}


def _retire(releases: Path, current: str, previous: str | None) -> None:
    """Mark the version just replaced as superseded; drop versions superseded longer ago
    than the grace period, and temporary folders of earlier builds (builds hold the write
    lock, so none is in use)."""
    marks = releases / _SUPERSEDED
    marks.mkdir(exist_ok=True)
    (marks / current).unlink(missing_ok=True)
    if previous and previous != current and (releases / previous).is_dir():
        (marks / previous).touch()
    now, keep = time.time(), _keep_seconds()
    for old in releases.iterdir():
        if old.name in {current, _SUPERSEDED}:
            continue
        mark = marks / old.name
        if old.name.startswith("."):
            shutil.rmtree(old, ignore_errors=True)
        elif not mark.exists():
            mark.touch()  # superseded before marks were kept: the grace period starts now
        elif now - mark.stat().st_mtime >= keep:
            shutil.rmtree(old, ignore_errors=True)
            mark.unlink(missing_ok=True)
    for mark in marks.iterdir():
        if not (releases / mark.name).exists():
            mark.unlink(missing_ok=True)


def check(built: Staged | dict[str, bytes], data_dir: Path) -> list[str]:
    """Names of published files that differ from a fresh build (empty when in step)."""
    current = data_dir / "tidy"
    names = built.names() if isinstance(built, Staged) else sorted(built)
    problems = []
    for name in names:
        path = current / name
        if not path.exists():
            problems.append(f"{name}: missing")
        elif isinstance(built, Staged):
            if not _same_file(path, built.folder / name):
                problems.append(f"{name}: differs")
        elif path.read_bytes() != built[name]:
            problems.append(f"{name}: differs")
    if current.is_dir():
        extra = sorted(p.name for p in current.iterdir() if p.name not in names)
        problems += [f"{name}: not produced by the build" for name in extra]
    return problems


def converter_drift(data_dir: Path) -> list[str]:
    """Sources kept as PDFs whose stored text is no longer what converting the original
    gives (a new converter, a changed file): ``build --check`` names them."""
    from etl.pdf import SNAPSHOT_FILE, pdf_text

    problems = []
    for snapshot in sorted((data_dir / "sources").glob(f"*/{SNAPSHOT_FILE}")):
        folder = snapshot.parent
        record = json.loads(snapshot.read_text("utf-8"))
        if record.get("media_type") != "application/pdf":
            continue  # web pages: the extractor of the day is recorded, not rerun here
        original = (folder / record["file"]).read_bytes()
        if hashlib.sha256(original).hexdigest() != record["sha256"]:
            problems.append(f"sources/{folder.name}/{record['file']}: differs from the "
                            "SHA-256 in its snapshot")
            continue
        fresh = pdf_text(original, record["file"]).text
        if fresh != (folder / "article.txt").read_text("utf-8"):
            problems.append(f"sources/{folder.name}/article.txt: differs from converting "
                            f"{record['file']} now ({record['converter']} then); run "
                            "`python -m etl reconvert`")
    return problems


CACHE = Path("cache") / "extraction"  # under the data folder; never committed


@dataclass
class _Plan:
    """What a build starts from: the sources, their corrections, the CPI-U, each source's
    rows key, and the published version whose rows it may reuse (with the sources whose
    rows did not change since)."""

    sources: list[Source]
    curations: dict[str, list[Curation]]
    cpi: Cpi
    keys: dict[str, str]
    previous: Previous | None
    reused: frozenset[str]


def _plan(data_dir: Path, cache: bool, reuse: bool) -> _Plan:
    with ThreadPoolExecutor(max_workers=1) as pool:  # Arrow reads while Python loads
        loading = pool.submit(load_previous, data_dir) if cache and reuse else None
        cpi = load_cpi(data_dir / "reference")
        sources: list[Source] = []
        curations: dict[str, list[Curation]] = {}
        keys: dict[str, str] = {}
        rows_dir = data_dir / ROWS_CACHE
        index = SourceIndex(data_dir, cpi) if cache else None
        for folder in source_folders(data_dir / "sources"):
            sig = signature(data_dir, folder) if index is not None else ()
            known = index.known(folder.name, sig) if index is not None else None
            if known is not None and (rows_dir / f"{known[0]}.pickle").is_file():
                # its files look as they did when its key was made (etl.sourceindex):
                # nothing of it is read (its text and corrections only if its cached rows
                # prove unreadable, etl.build._rows)
                keys[folder.name] = known[0]
                sources.append(Source(meta=known[1], text=""))
                continue
            s = load_source(folder)
            curations[s.meta.id] = load_curations(data_dir, s.meta.id)
            # a source whose text, corrections, CPI-U and code are unchanged keeps its rows
            keys[s.meta.id] = rows_key(s, curations[s.meta.id], cpi, cpi.latest)
            if index is not None:
                index.record(s.meta.id, sig, keys[s.meta.id], s.meta)
            if cache and (rows_dir / f"{keys[s.meta.id]}.pickle").is_file():
                # its rows are cached: its text is read again only if they are unreadable
                # (etl.build._rows), so that a build never holds every text at once
                s.text = ""
            sources.append(s)
        if index is not None:
            index.save()
        previous = loading.result() if loading is not None else None
    reused = frozenset(i for i, k in keys.items()
                       if previous is not None and previous.keys.get(i) == k)
    return _Plan(sources, curations, cpi, keys, previous, reused)


def _rows(plan: _Plan, data_dir: Path, progress: Callable[[str], None], workers: int | None,
          scheduler: str | None, cache: bool,
          each: Callable[[Source, SourceParts], None] | None = None) -> dict[str, SourceParts]:
    """Each source's rows but the reused ones': from the rows cache, or extracted (cached
    per source, in parallel) with the rows made where it was extracted. With ``each``, told
    of each source's rows as they come, none kept (the dict returned is empty)."""
    rows_dir = data_dir / ROWS_CACHE
    out: dict[str, SourceParts] = {}

    def take(source: Source, part: SourceParts, fresh: bool = True) -> None:
        if cache and fresh:
            write_cached(rows_dir, plan.keys[source.meta.id], part)
            crash_point("rows-cached")
        if each is not None:
            each(source, part)
        else:
            out[source.meta.id] = part

    todo, cached = [], 0
    for s in plan.sources:
        if s.meta.id in plan.reused:
            continue
        found = read_cached(rows_dir, plan.keys[s.meta.id]) if cache else None
        if found is None:
            if not s.text:  # let go while its rows were thought cached (etl.build._plan)
                s = load_source(data_dir / "sources" / s.meta.id)
                plan.curations[s.meta.id] = load_curations(data_dir, s.meta.id)
            todo.append(s)
        else:
            cached += 1
            take(s, found, fresh=False)
    if cache:
        progress(f"rows: {cached + len(plan.reused)} of {len(plan.sources)} sources cached")
    # each source's rows are made where it is extracted (on the Dask workers for many)
    extract_all(todo, data_dir / CACHE if cache else None, workers, scheduler, progress,
                then=RowMaker(plan.curations, plan.cpi, plan.cpi.latest), each=take)
    return out


def _build_from(data_dir: Path, progress: Callable[[str], None], workers: int | None = None,
                scheduler: str | None = None, cache: bool = True,
                reuse: bool = False) -> Dataset:
    """The stages in order, every table in memory: sources -> extraction (cached per source,
    parallel) -> rows (where each source was extracted) -> tables and series. With
    ``reuse`` (and ``cache``), the sources unchanged since the published version keep its
    rows (etl.assemble)."""
    return _in_memory(_plan(data_dir, cache, reuse), data_dir, progress, workers, scheduler,
                      cache)


def _in_memory(plan: _Plan, data_dir: Path, progress: Callable[[str], None],
               workers: int | None, scheduler: str | None, cache: bool,
               stage: Path | None = None) -> Dataset:
    made = _rows(plan, data_dir, progress, workers, scheduler, cache)
    dataset = build_tables(plan.sources, plan.cpi, progress, prepared=made,
                           previous=plan.previous, reused=plan.reused, keys=plan.keys,
                           stage=stage)
    return dataset


def _streamed(plan: _Plan, data_dir: Path, stage: Path, progress: Callable[[str], None],
              workers: int | None, scheduler: str | None, cache: bool) -> Staged:
    """The stages in order, streamed (etl.stream): each source's rows spooled as they come,
    the tables sorted and written out of core. Memory does not grow with the corpus."""
    spool_root = data_dir / "cache" / "spool"
    shutil.rmtree(spool_root, ignore_errors=True)  # left by a killed build (we hold the lock)
    spool = Spool(spool_root)
    try:
        def each(source: Source, part: SourceParts) -> None:
            spool.add(part)
            # its text is let go: the rest of the build needs only its metadata
            source.text = ""
            for note in part.notes:
                progress(note)
            progress(f"[{spool.sources}/{len(plan.sources)}] {part.summary}")

        _rows(plan, data_dir, progress, workers, scheduler, cache, each=each)
        spool.close()
        crash_point("spooled")
        write_tables(spool, stage, progress)
    finally:
        shutil.rmtree(spool_root, ignore_errors=True)
    write_twins(stage, "cpi_u", cpi_table(plan.cpi))
    return _finish(stage, plan.sources, plan.cpi, plan.keys)


def _stage(data_dir: Path, progress: Callable[[str], None], workers: int | None,
           scheduler: str | None, cache: bool, reuse: bool) -> Staged:
    """A fresh build's files, staged beside the published versions: reusing the published
    version's rows when (``reuse``) some sources are unchanged since it, which holds its
    tables in memory; else streamed, in memory that does not grow with the corpus."""
    plan = _plan(data_dir, cache, reuse)
    stage = stage_folder(data_dir)
    try:
        if plan.previous is not None and plan.reused:
            dataset = _in_memory(plan, data_dir, progress, workers, scheduler, cache, stage)
            return stage_dataset(dataset, stage)
        plan.previous = None
        return _streamed(plan, data_dir, stage, progress, workers, scheduler, cache)
    except BaseException:
        shutil.rmtree(stage, ignore_errors=True)
        raise


def run_build(data_dir: Path, check_only: bool = False, quiet: bool = False,
              workers: int | None = None, scheduler: str | None = None,
              cache: bool = True) -> int:
    """The ``python -m etl build`` command. Returns the exit code. ``workers`` and
    ``scheduler``: where extraction runs (etl.extraction.extract_all); ``cache`` False
    re-extracts every source."""
    def progress(line: str) -> None:
        if not quiet:
            print(line, file=sys.stderr, flush=True)

    if check_only:
        with write_lock(data_dir):  # finishes any write a crash interrupted first
            staged = _stage(data_dir, progress, workers, scheduler, cache, reuse=False)
            try:
                problems = check(staged, data_dir) + converter_drift(data_dir)
            finally:
                shutil.rmtree(staged.folder, ignore_errors=True)
        if problems:
            print("data/tidy is out of date with a fresh build; run `python -m etl build`:",
                  file=sys.stderr)
            for p in problems:
                print(f"  {p}", file=sys.stderr)
            return 1
        progress(f"data/tidy matches a fresh build (version {staged.version})")
        return 0
    with write_lock(data_dir):  # one build publishes at a time, after every pending save
        staged = _stage(data_dir, progress, workers, scheduler, cache, reuse=True)
        count = len(staged.names())
        final = publish(staged, data_dir, progress)
        if cache:
            crash_point("published-unrecorded")
            save_keys(data_dir, final.name, staged.keys)
    progress(f"published version {final.name} to {final} ({count} files)")
    return 0
