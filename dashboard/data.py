"""Cached loaders for the published tables and the source texts."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import streamlit as st

from etl.schema import TABLES
from etl.sources import SourceError, load_source

# FUNDTRACE_DATA points the dashboard at another data folder (tests use it).
DATA_DIR = Path(os.environ.get("FUNDTRACE_DATA")
                or Path(__file__).resolve().parent.parent / "data")
REBUILD_HINT = "Rebuild them with `python -m etl build` (or `bash scripts/dev dashboard`)."
MODE_VARIABLE = "FUNDTRACE_MODE"


def editing() -> bool:
    """Whether the dashboard was started to edit (FUNDTRACE_MODE=edit): only then does it
    offer pages that write under data/. The default, and any other value, is read-only."""
    return os.environ.get(MODE_VARIABLE, "").strip().lower() == "edit"


class DataUnavailable(Exception):
    """The tables are missing or unreadable; the message says how to rebuild them."""


@dataclass(frozen=True)
class Tables:
    documents: pd.DataFrame
    sentences: pd.DataFrame
    figures: pd.DataFrame
    claims: pd.DataFrame
    observations: pd.DataFrame
    series_figures: pd.DataFrame
    curations: pd.DataFrame
    cpi_u: pd.DataFrame
    version: str

    def get(self, name: str) -> pd.DataFrame:
        return getattr(self, name)


def read_tables(tidy: Path) -> Tables:
    """Read and check every published table; DataUnavailable explains any problem."""
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
    frames = {}
    for name, table in TABLES.items():
        path = tidy / f"{name}.parquet"
        try:
            df = pd.read_parquet(path)
        except FileNotFoundError:
            raise DataUnavailable(f"The table {path.name} is missing. {REBUILD_HINT}") from None
        except Exception as exc:  # pyarrow raises several kinds for a damaged file
            raise DataUnavailable(
                f"The table {path.name} cannot be read ({type(exc).__name__}). {REBUILD_HINT}"
            ) from None
        if list(df.columns) != table.names:
            raise DataUnavailable(
                f"The table {path.name} does not have the expected columns. {REBUILD_HINT}"
            )
        frames[name] = df
    try:
        version = json.loads((tidy / "datapackage.json").read_text("utf-8"))["version"]
    except (OSError, ValueError, KeyError):
        raise DataUnavailable(f"datapackage.json is missing or damaged. {REBUILD_HINT}") from None
    return Tables(**frames, version=str(version))


@st.cache_data(show_spinner=False)
def _cached_tables(tidy: str, stamp: float) -> Tables:
    return read_tables(Path(tidy))


def load_tables(data_dir: Path | None = None) -> Tables:
    """The current tables, cached until ``data/tidy`` points somewhere new."""
    tidy = (data_dir or DATA_DIR) / "tidy"
    try:
        stamp = (tidy / "datapackage.json").stat().st_mtime
        target = str(tidy.resolve())
    except OSError:
        stamp, target = 0.0, str(tidy)
    return _cached_tables(target, stamp)


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
