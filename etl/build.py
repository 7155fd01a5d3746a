"""Build the published tables from the sources: documents, sentences, figures, claims,
observations, as CSV and Parquet twins plus ``datapackage.json``.

Stages, after OWID's etl, each a module: ``data/sources/`` (raw snapshots with metadata,
``etl.sources``) -> extraction (``etl.extraction``: ``etl.extract`` per source, cached
under ``data/cache/`` and run on Dask for many sources) -> rows (``etl.rows``: a source's
rows after the people's corrections, as Arrow tables, made where it was extracted) ->
tables (``etl.assemble``: every source's rows, the unchanged ones kept from the published
version, and the series, ``etl.series``: observations reconciled across sources) -> files
(``etl.tablefiles``: CSV and Parquet twins) -> publish (here:
``data/published/<dataset>/<version>/``, then ``data/tidy``, a symbolic link to the current
version). The link is swapped with one atomic ``rename``, so a crash at any point leaves the
previous tables whole and readable.
"""

from __future__ import annotations

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
from etl.sources import Source, load_sources
from etl.tablefiles import PANDAS_TYPES, Twins
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
                 keys: dict[str, str] | None = None) -> Dataset:
    """Assemble the tables (pure: no I/O). A source's rows are ``prepared`` (made where it
    was extracted), or taken from the ``previous`` version when its id is in ``reused``, or
    made here from its extraction (``extractions``, from etl.extraction; a source missing
    there is extracted here) with the people's corrections reapplied. Constant-dollar
    columns use the latest CPI-U year as their base."""
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
    twins = Twins()  # the files stage, started on each table as soon as it is final
    tables = assemble(parts, previous if len(made) < len(sources) else None,
                      frozenset(s.meta.id for s in sources if s.meta.id not in parts),
                      progress, twins)
    tables["cpi_u"] = typed("cpi_u", [{"year": y, "cpi_u": v}
                                      for y, v in sorted(cpi.index.items())])
    twins("cpi_u", tables["cpi_u"])
    order = ("documents", "sentences", "figures", "claims", "observations",
             "series_figures", "curations", "cpi_u")
    return Dataset(tables={name: tables[name] for name in order}, sources=sources, cpi=cpi,
                   keys=dict(keys or {}), twins=twins)


# ---------------------------------------------------------------------------- writing


def render_files(dataset: Dataset) -> dict[str, bytes]:
    """Every published file, name -> bytes. The same inputs give the same bytes. The
    twins are written on two threads (etl.tablefiles.Twins, started by build_tables), the
    version hashed on this one as they come."""
    def descriptor(version: str) -> bytes:
        text = json.dumps(datapackage(dataset, version), indent=2, ensure_ascii=False)
        return (text + "\n").encode("utf-8")

    twins = dataset.twins
    if twins is None or set(twins.names()) != {f"{n}.{kind}" for n in dataset.tables
                                               for kind in ("csv", "parquet")}:
        twins = Twins()
        for name, table in dataset.tables.items():
            twins(name, table)
    files = {f"{name}.{kind}": b"" for name in dataset.tables for kind in ("csv", "parquet")}
    # The version hashes every table and the descriptor (with its version left blank).
    digest = hashlib.sha256()
    for fname in sorted([*files, "datapackage.json"]):
        data = descriptor("") if fname == "datapackage.json" else twins.result(fname)
        files[fname] = data
        digest.update(fname.encode() + b"\0" + data)
    version = digest.hexdigest()[:12]
    files["datapackage.json"] = descriptor(version)
    return files


def datapackage(dataset: Dataset, version: str) -> dict:
    """A Frictionless Data Package v2 descriptor for the tables."""
    sources = [{
        "title": s.meta.citation(),
        **({"path": s.meta.url} if s.meta.url else {}),
        "version": s.meta.date_published.isoformat(),
    } for s in dataset.sources]
    ref = dataset.cpi.meta
    sources.append({"title": ref.citation, "path": ref.url,
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
    latest_added = max((s.meta.date_added for s in dataset.sources), default=None)
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
        "sources": sources,
        "resources": resources,
    }


def version_of(files: dict[str, bytes]) -> str:
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


def _intact(folder: Path, files: dict[str, bytes]) -> bool:
    """Whether a version folder holds exactly these files, byte for byte."""
    try:
        names = {p.name for p in folder.iterdir()}
        return names == set(files) and all((folder / n).read_bytes() == d
                                           for n, d in files.items())
    except OSError:
        return False


def publish(files: dict[str, bytes], data_dir: Path,
            progress: Callable[[str], None] | None = None) -> Path:
    """Write ``files`` as a new version and point ``data/tidy`` at it, atomically.

    A version folder that exists already is checked byte for byte and rewritten if it was
    damaged. The version the link pointed at before is kept for a while
    (``KEEP_SUPERSEDED_SECONDS``) so that readers mid-read never find it gone."""
    version = version_of(files)
    releases = data_dir / "published" / DATASET
    releases.mkdir(parents=True, exist_ok=True)
    final = releases / version
    if not final.exists() or not _intact(final, files):
        if final.exists() and progress is not None:
            progress(f"version {version} was damaged on disk; writing it again")
        tmp = Path(tempfile.mkdtemp(prefix=f".{version}-", dir=releases))
        tmp.chmod(0o755)
        try:
            same = _unchanged_files(releases, files)

            def store(name: str) -> None:
                try:
                    os.link(same[name], tmp / name)  # stored once across versions
                except (KeyError, OSError):
                    atomic_write(tmp / name, files[name])

            with ThreadPoolExecutor(max_workers=2) as pool:  # the disk waits overlap
                list(pool.map(store, files))
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


def _unchanged_files(releases: Path, files: dict[str, bytes]) -> dict[str, Path]:
    """Files of the new version that a kept version (the current one first) holds byte
    for byte: name -> that file, to hard-link instead of writing again."""
    link = releases.parent.parent / "tidy"
    current = link.resolve() if link.is_symlink() else None
    folders = [current] if current is not None and current.parent == releases else []
    out: dict[str, Path] = {}
    for folder in folders:
        for name, data in files.items():
            path = folder / name
            if name in out or name == "datapackage.json" or not path.is_file():
                continue
            try:
                if path.stat().st_size == len(data) and path.read_bytes() == data:
                    out[name] = path
            except OSError:
                continue
    return out


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


def check(files: dict[str, bytes], data_dir: Path) -> list[str]:
    """Names of published files that differ from a fresh build (empty when in step)."""
    current = data_dir / "tidy"
    problems = []
    for name, data in sorted(files.items()):
        path = current / name
        if not path.exists():
            problems.append(f"{name}: missing")
        elif path.read_bytes() != data:
            problems.append(f"{name}: differs")
    if current.is_dir():
        extra = sorted(p.name for p in current.iterdir() if p.name not in files)
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


def _build_from(data_dir: Path, progress: Callable[[str], None], workers: int | None = None,
                scheduler: str | None = None, cache: bool = True,
                reuse: bool = False) -> Dataset:
    """The stages in order: sources -> extraction (cached per source, parallel) -> rows
    (where each source was extracted) -> tables and series. With ``reuse`` (and ``cache``),
    the sources unchanged since the published version keep its rows (etl.assemble)."""
    with ThreadPoolExecutor(max_workers=1) as pool:  # Arrow reads while Python loads
        loading = pool.submit(load_previous, data_dir) if cache and reuse else None
        sources = load_sources(data_dir / "sources")
        curations = {s.meta.id: load_curations(data_dir, s.meta.id) for s in sources}
        cpi = load_cpi(data_dir / "reference")
        # a source whose text, corrections, CPI-U and code are unchanged keeps its rows
        keys = {s.meta.id: rows_key(s, curations[s.meta.id], cpi, cpi.latest)
                for s in sources}
        previous = loading.result() if loading is not None else None
    maker = RowMaker(curations, cpi, cpi.latest)
    rows_dir = data_dir / ROWS_CACHE
    reused = frozenset(i for i, k in keys.items()
                       if previous is not None and previous.keys.get(i) == k)
    prepared = {}
    if cache:
        for s in sources:
            if s.meta.id not in reused:
                found = read_cached(rows_dir, keys[s.meta.id])
                if found is not None:
                    prepared[s.meta.id] = found
    todo = [s for s in sources if s.meta.id not in prepared and s.meta.id not in reused]
    if progress is not None and cache:
        progress(f"rows: {len(prepared) + len(reused)} of {len(sources)} sources cached")
    # each source's rows are made where it is extracted (on the Dask workers for many)
    made = extract_all(todo, data_dir / CACHE if cache else None, workers, scheduler,
                       progress, then=maker)
    if cache:
        for s in todo:
            write_cached(rows_dir, keys[s.meta.id], made[s.meta.id])
            crash_point("rows-cached")
    return build_tables(sources, cpi, progress, prepared={**prepared, **made},
                        previous=previous, reused=reused, keys=keys)


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
            files = render_files(_build_from(data_dir, progress, workers, scheduler, cache))
        problems = check(files, data_dir) + converter_drift(data_dir)
        if problems:
            print("data/tidy is out of date with a fresh build; run `python -m etl build`:",
                  file=sys.stderr)
            for p in problems:
                print(f"  {p}", file=sys.stderr)
            return 1
        progress(f"data/tidy matches a fresh build (version {version_of(files)})")
        return 0
    with write_lock(data_dir):  # one build publishes at a time, after every pending save
        dataset = _build_from(data_dir, progress, workers, scheduler, cache, reuse=True)
        files = render_files(dataset)
        final = publish(files, data_dir, progress)
        if cache:
            crash_point("published-unrecorded")
            save_keys(data_dir, final.name, dataset.keys)
    progress(f"published version {final.name} to {final} ({len(files)} files)")
    return 0
