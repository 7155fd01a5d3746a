"""Cached loaders for the published tables and the source texts."""

from __future__ import annotations

import json
import os
import threading
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import streamlit as st

from dashboard import query
from dashboard.compare import comparisons, figures_by_source
from etl.schema import TABLES
from etl.sources import SourceError, load_source

# FUNDTRACE_DATA points the dashboard at another data folder (tests use it).
DATA_DIR = Path(os.environ.get("FUNDTRACE_DATA")
                or Path(__file__).resolve().parent.parent / "data")
REBUILD_HINT = "Rebuild them with `python -m etl build` (or `bash scripts/dev dashboard`)."


class DataUnavailable(Exception):
    """The tables are missing or unreadable; the message says how to rebuild them."""


class Tables:
    """The published tables of one version. Each is read from its Parquet file the first
    time a page asks for it (``tables.figures``, ``tables.get("figures")``) and then kept,
    shared by every session: a page that queries the files (dashboard/query.py) never
    loads the tables it does not show."""

    def __init__(self, folder: str, version: str, latest: str = "",
                 frames: dict[str, pd.DataFrame] | None = None,
                 lock: threading.Lock | None = None) -> None:
        self.folder = folder  # the version folder the tables are read from
        self.version = version
        self.latest = latest  # the current version, when these are an older one a link asked for
        self._frames: dict[str, pd.DataFrame] = {} if frames is None else frames
        self._lock = lock or threading.Lock()

    @property
    def pinned(self) -> bool:
        """Whether these are an older version than the current one (a link's ``v=``)."""
        return bool(self.latest) and self.latest != self.version

    @property
    def key(self) -> str:
        """What names these tables in a cache: the folder read and its version."""
        return f"{self.folder}@{self.version}"

    def at_latest(self, latest: str) -> Tables:
        """The same tables (and what is read of them) seen from a link to an older version."""
        return Tables(self.folder, self.version, latest, self._frames, self._lock)

    def get(self, name: str) -> pd.DataFrame:
        if name not in TABLES:
            raise KeyError(name)
        frame = self._frames.get(name)
        if frame is None:
            with self._lock:  # one read per table, whichever session asks first
                frame = self._frames.get(name)
                if frame is None:
                    frame = self._frames[name] = _read_table(Path(self.folder), name)
        return frame

    def loaded(self) -> list[str]:
        """The tables read so far (the rest are only on disk)."""
        return sorted(self._frames)

    def __getattr__(self, name: str) -> pd.DataFrame:
        if name in TABLES:
            return self.get(name)
        raise AttributeError(name)


def read_tables(tidy: Path) -> Tables:
    """Check every published table (its file, its columns) and the version, reading no
    rows; DataUnavailable explains any problem."""
    try:
        return _read_tables(tidy)
    except DataUnavailable:
        raise
    except Exception as exc:  # anything else about the files is also "rebuild them"
        raise DataUnavailable(
            f"The tables in {tidy} cannot be used ({type(exc).__name__}). {REBUILD_HINT}"
        ) from None


def _read_tables(tidy: Path) -> Tables:
    if not tidy.exists():
        raise DataUnavailable(f"The tables are missing: there is no {tidy}. {REBUILD_HINT}")
    tidy = tidy.resolve()  # one version for every table, whatever a build swaps meanwhile
    for name, table in TABLES.items():
        path = tidy / f"{name}.parquet"
        try:
            names = pq.read_schema(path).names
        except FileNotFoundError:
            raise DataUnavailable(f"The table {path.name} is missing. {REBUILD_HINT}") from None
        except Exception as exc:  # pyarrow raises several kinds for a damaged file
            raise DataUnavailable(
                f"The table {path.name} cannot be read ({type(exc).__name__}). {REBUILD_HINT}"
            ) from None
        if names != table.names:
            raise DataUnavailable(
                f"The table {path.name} does not have the expected columns. {REBUILD_HINT}"
            )
    try:
        version = json.loads((tidy / "datapackage.json").read_text("utf-8"))["version"]
    except (OSError, ValueError, KeyError):
        raise DataUnavailable(f"datapackage.json is missing or damaged. {REBUILD_HINT}") from None
    return Tables(str(tidy), str(version))


def _read_table(tidy: Path, name: str) -> pd.DataFrame:
    path = tidy / f"{name}.parquet"
    try:
        return pd.read_parquet(path)
    except Exception as exc:  # gone (a version no longer kept) or damaged past its footer
        raise DataUnavailable(
            f"The table {path.name} cannot be read ({type(exc).__name__}). {REBUILD_HINT}"
        ) from None


# One copy per server process, shared by every session (read-only: no page changes a
# table in place). st.cache_data would hand each call its own unpickled copy: at 10,000
# documents that copy cost seconds on every run of every page (bench/many_sources.py).
@st.cache_resource(show_spinner=False, max_entries=8)
def _cached_tables(tidy: str, stamp: float) -> Tables:
    return read_tables(Path(tidy))


def load_tables(data_dir: Path | None = None, version: str | None = None) -> Tables:
    """The current tables, cached until ``data/tidy`` points somewhere new; or, when the
    link asks for a data version (``v=``, or ``version``) that is still kept, that
    version's tables, with ``latest`` naming the current one."""
    data_dir = data_dir or DATA_DIR
    tidy = data_dir / "tidy"
    try:
        stamp = (tidy / "datapackage.json").stat().st_mtime
        target = str(tidy.resolve())
    except OSError:
        stamp, target = 0.0, str(tidy)
    current = _cached_tables(target, stamp)
    wanted = version if version is not None else _linked_version()
    if not wanted or current.version.startswith(wanted):
        return current
    folder = kept_version(data_dir, wanted)
    if folder is None:
        return current  # not kept: the page shows the latest and says so
    try:
        old = _cached_tables(str(folder), (folder / "datapackage.json").stat().st_mtime)
    except (OSError, DataUnavailable):
        return current
    return old.at_latest(current.version)


def kept_version(data_dir: Path, prefix: str) -> Path | None:
    """The kept version folder whose name starts with ``prefix`` (hex digits), if one does."""
    from etl.build import DATASET

    if not prefix or not all(c in "0123456789abcdef" for c in prefix):
        return None
    releases = data_dir / "published" / DATASET
    try:
        found = [p for p in releases.iterdir()
                 if p.name.startswith(prefix) and not p.name.startswith(".")]
    except OSError:
        return None
    return found[0] if len(found) == 1 and (found[0] / "datapackage.json").is_file() else None


def _linked_version() -> str | None:
    try:
        return st.query_params.get("v")
    except Exception:  # outside a Streamlit run (the command line, plain tests)
        return None


def load_article(document_id: str) -> str:
    """The stored text of a source, as the offsets in the tables index it."""
    return _cached_article(document_id, str(DATA_DIR))


@st.cache_data(show_spinner=False)
def _cached_article(document_id: str, data_dir: str) -> str:
    try:
        return load_source(Path(data_dir) / "sources" / document_id).text
    except SourceError as exc:
        raise DataUnavailable(f"The source text cannot be read: {exc}") from None


def column_help(table: str) -> dict[str, str]:
    return {c.name: c.description for c in TABLES[table].columns}


@st.cache_resource(show_spinner=False, max_entries=64)
def _compare_rows(key: str, kept: tuple, offset: int, limit: int, several: bool,
                  _tables: Tables) -> pd.DataFrame:
    at = (_tables.folder, _tables.version)
    rows = (query.compared_page if several else query.dated_page)(*at, kept, offset, limit)
    table = figures_by_source(rows, _tables.observations, _tables.documents)
    return comparisons(table) if several else table


def compare_rows(tables: Tables, kept: tuple, offset: int, limit: int,
                 several: bool) -> pd.DataFrame:
    """The Compare page's rows for a page of dated figures (``several``: of the series-years
    several sources give), made once per data version and page and shared read-only by
    every session."""
    return _compare_rows(tables.key, kept, offset, limit, several, tables)

