"""Queries over the published Parquet with DuckDB (issue 14): a page reads only the rows it
shows (a table's filtered page, a series' figures, whether one id exists), not whole tables.

Every function takes the folder the tables were read from and their data version
(``Tables.folder``, ``Tables.version``): results are cached by both, so a new build is a
new key whether it was published to a new folder or (an older layout) over the old one.
Table and column names come from the schema; values are bound as parameters, never
written into the SQL.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pandas as pd
import pyarrow as pa
import streamlit as st

from etl.schema import TABLES, arrow_schema

# the dashboard's DuckDB keeps to a small share of the server (a page needs little)
MEMORY_LIMIT = "256MB"
_local = threading.local()


def _connection() -> duckdb.DuckDBPyConnection:
    """This thread's connection (a DuckDB connection is not shared between threads)."""
    con = getattr(_local, "con", None)
    if con is None:
        con = duckdb.connect(config={"memory_limit": MEMORY_LIMIT, "threads": 2})
        _local.con = con
    return con


def _source(folder: str, table: str, options: str = "") -> str:
    if table not in TABLES:
        raise ValueError(f"no table {table!r}")
    path = str(Path(folder) / f"{table}.parquet").replace("'", "''")
    return f"read_parquet('{path}'{options})"


def _column(table: str, column: str) -> str:
    return _quoted(column, TABLES[table].names, f"the {table} table has no column")


def _quoted(column: str, allowed: tuple[str, ...] | list[str], missing: str) -> str:
    """The column's name quoted for SQL, if it is one of ``allowed`` (names come from the
    schema or a page's own list, never from the request)."""
    if column not in allowed:
        raise ValueError(f"{missing} {column!r}")
    return '"' + column + '"'


@dataclass(frozen=True)
class Filter:
    """Which rows of a table: for some columns, the values kept (each a tuple; an empty one
    keeps all), and a span of years (None: every row, dated or not)."""

    values: tuple[tuple[str, tuple[str, ...]], ...] = ()
    years: tuple[int, int] | None = None

    def sql(self, table: str) -> tuple[str, list[object]]:
        """The WHERE clause (or "") and its parameters, over one of the published tables."""
        condition, params = self.condition(TABLES[table].names, f"the {table} table has no column")
        return ("" if condition == "TRUE" else " WHERE " + condition), params

    def condition(self, allowed: tuple[str, ...] | list[str],
                  missing: str = "no column") -> tuple[str, list[object]]:
        """The condition ("TRUE" when it keeps every row) and its parameters, over rows
        whose columns are ``allowed`` (``missing``: the error's words for another)."""
        parts: list[str] = []
        params: list[object] = []
        for column, kept in self.values:
            name = _quoted(column, allowed, missing)
            if kept:
                parts.append(f"{name} IN ({', '.join('?' * len(kept))})")
                params.extend(kept)
        if self.years is not None:
            parts.append(f"{_quoted('year', allowed, missing)} BETWEEN ? AND ?")
            params.extend(self.years)
        return " AND ".join(parts) or "TRUE", params


def _frame(sql: str, params: list[object]) -> pd.DataFrame:
    return _connection().execute(sql, params).df()


@st.cache_data(show_spinner=False, max_entries=512)
def count(folder: str, version: str, table: str, where: Filter = Filter()) -> int:
    """How many rows of the table ``where`` keeps."""
    clause, params = where.sql(table)
    return int(_connection().execute(
        f"SELECT count(*) FROM {_source(folder, table)}{clause}", params).fetchone()[0])


@st.cache_data(show_spinner=False, max_entries=256)
def page(folder: str, version: str, table: str, where: Filter = Filter(), offset: int = 0,
         limit: int = 1000) -> pd.DataFrame:
    """Rows ``offset`` to ``offset + limit`` of what ``where`` keeps, in the published
    order (the file's own row order), with the table's columns."""
    clause, params = where.sql(table)
    columns = ", ".join(_column(table, c) for c in TABLES[table].names)
    df = _frame(f"SELECT {columns} FROM {_source(folder, table)}{clause} "
                f"LIMIT ? OFFSET ?", [*params, int(limit), int(offset)])
    return _typed(df, table)


@st.cache_data(show_spinner=False, max_entries=128)
def distinct(folder: str, version: str, table: str, column: str) -> list:
    """The column's values, sorted, without empties."""
    col = _column(table, column)
    return [row[0] for row in _connection().execute(
        f"SELECT DISTINCT {col} FROM {_source(folder, table)} WHERE {col} IS NOT NULL "
        f"ORDER BY 1").fetchall()]


@st.cache_data(show_spinner=False, max_entries=64)
def span(folder: str, version: str, table: str, column: str = "year") -> tuple[int, int] | None:
    """The smallest and largest value of a numeric column, None when it has none."""
    col = _column(table, column)
    lo, hi = _connection().execute(
        f"SELECT min({col}), max({col}) FROM {_source(folder, table)}").fetchone()
    return None if lo is None else (int(lo), int(hi))


@st.cache_data(show_spinner=False, max_entries=4096)
def has(folder: str, version: str, table: str, column: str, value: str) -> bool:
    """Whether some row of the table has ``value`` in ``column`` (an id in a link)."""
    return _connection().execute(
        f"SELECT 1 FROM {_source(folder, table)} WHERE {_column(table, column)} = ? LIMIT 1",
        [value]).fetchone() is not None


@st.cache_data(show_spinner=False, max_entries=256)
def rows_where_in(folder: str, version: str, table: str, column: str, values: tuple[str, ...]
                  ) -> pd.DataFrame:
    """Every row whose ``column`` is one of ``values`` (a series' figures), in the
    published order."""
    return page(folder, version, table, Filter(((column, tuple(values)),)), 0, 2**62) if values \
        else _typed(pd.DataFrame(columns=TABLES[table].names), table)


def _typed(df: pd.DataFrame, table: str) -> pd.DataFrame:
    """The frame with the dtypes pandas gives the same rows read by pyarrow (DuckDB's own
    differ for strings and nullable integers), so pages and whole tables agree."""
    return pa.Table.from_pandas(df, schema=arrow_schema(TABLES[table]),
                                preserve_index=False).to_pandas()


class Ids:
    """The values of one column, for ``in`` tests only (a link's figure or claim id), asked
    of the Parquet file one value at a time instead of listing every id in memory."""

    def __init__(self, folder: str, version: str, table: str, column: str) -> None:
        self.folder, self.version, self.table, self.column = folder, version, table, column

    def __contains__(self, value: object) -> bool:
        return isinstance(value, str) and has(self.folder, self.version, self.table,
                                              self.column, value)

    def __repr__(self) -> str:
        return f"Ids({self.table}.{self.column})"


# --- the Compare page: dated figures with their series' reconciliation -----------------

COMPARED_BY = ("funder", "recipient", "status")  # the Compare page's filters


def _dated(folder: str) -> str:
    """Every dated figure (series_figures) with its series' funder, recipient and purpose
    ("—" when none), how many sources give its series-year, its source's name, and its row
    in the file: the rows ``dashboard.compare.figures_by_source`` makes, in its order."""
    figures = _source(folder, "series_figures", ", file_row_number = true")
    return (
        "SELECT f.*, coalesce(o.funder, '—') AS funder, coalesce(o.recipient, '—') AS "
        "recipient, coalesce(o.purpose, '—') AS purpose, coalesce(o.n_sources, 1) AS "
        "n_sources, o.agreement AS agreement, o.year_type_warning AS year_type_warning, "
        "coalesce(d.publisher || ', ' || d.date_published, f.document_id) AS source "
        f"FROM {figures} AS f "
        "LEFT JOIN (SELECT series_id, year, funder, recipient, purpose, n_sources, agreement, "
        f"year_type_warning FROM {_source(folder, 'observations')} WHERE reported) AS o "
        "USING (series_id, year) "
        "LEFT JOIN (SELECT document_id, publisher, date_published FROM "
        f"{_source(folder, 'documents')}) AS d USING (document_id)")


_DATED_ORDER = "funder, recipient, purpose, year, source, file_row_number"


def _kept(kept: tuple[tuple[str, tuple[str, ...]], ...]) -> tuple[str, list[object]]:
    """The Compare page's filters as a condition on the dated figures."""
    return Filter(values=kept).condition(COMPARED_BY, "the Compare page has no filter")


@st.cache_data(show_spinner=False, max_entries=64)
def dated_options(folder: str, version: str, column: str) -> list[str]:
    """The values of one of the Compare page's filters among the dated figures, sorted."""
    if column not in COMPARED_BY:
        raise ValueError(f"the Compare page has no filter {column!r}")
    return [row[0] for row in _connection().execute(
        f'SELECT DISTINCT "{column}" FROM ({_dated(folder)}) WHERE "{column}" IS NOT NULL '
        "ORDER BY 1").fetchall()]


@dataclass(frozen=True)
class DatedCounts:
    figures: int  # dated figures the filters keep
    several: int  # series-years among them that several sources give
    conflicts: int  # of those, how many conflict
    mixed: int  # of those, how many mix fiscal and calendar years


@st.cache_data(show_spinner=False, max_entries=256)
def dated_counts(folder: str, version: str,
                 kept: tuple[tuple[str, tuple[str, ...]], ...] = ()) -> DatedCounts:
    """How many dated figures the filters keep, and the series-years several sources give."""
    clause, params = _kept(kept)
    # one scan of the join: the figures kept, then their series-years that several sources
    # give (a series-year's agreement and warning are the same on each of its figures)
    figures, several, conflicts, mixed = _connection().execute(
        "WITH kept AS MATERIALIZED (SELECT series_id, year, n_sources, agreement, "
        "year_type_warning "
        f"FROM ({_dated(folder)}) WHERE {clause}), "
        "years AS (SELECT DISTINCT series_id, year, agreement, year_type_warning FROM kept "
        "WHERE n_sources > 1) "
        "SELECT (SELECT count(*) FROM kept), count(*), "
        "count(*) FILTER (WHERE agreement LIKE 'conflict%'), "
        "count(*) FILTER (WHERE year_type_warning IS NOT NULL) FROM years", params).fetchone()
    return DatedCounts(int(figures), int(several), int(conflicts or 0), int(mixed or 0))


def _series_figures(df: pd.DataFrame) -> pd.DataFrame:
    return _typed(df[list(TABLES["series_figures"].names)], "series_figures")


@st.cache_data(show_spinner=False, max_entries=128)
def dated_page(folder: str, version: str, kept: tuple[tuple[str, tuple[str, ...]], ...] = (),
               offset: int = 0, limit: int = 1000) -> pd.DataFrame:
    """Rows ``offset`` to ``offset + limit`` of the dated figures the filters keep (the
    series_figures table's columns), in the Compare page's order."""
    clause, params = _kept(kept)
    return _series_figures(_frame(
        f"SELECT * FROM ({_dated(folder)}) WHERE {clause} ORDER BY {_DATED_ORDER} "
        "LIMIT ? OFFSET ?", [*params, int(limit), int(offset)]))


@st.cache_data(show_spinner=False, max_entries=128)
def compared_page(folder: str, version: str,
                  kept: tuple[tuple[str, tuple[str, ...]], ...] = (), offset: int = 0,
                  limit: int = 25) -> pd.DataFrame:
    """Every dated figure the filters keep of series-years ``offset`` to ``offset +
    limit`` among those several sources give (in the Compare page's order): the
    series_figures table's columns."""
    clause, params = _kept(kept)
    dated = f"SELECT * FROM ({_dated(folder)}) WHERE n_sources > 1 AND {clause}"
    return _series_figures(_frame(
        f"WITH kept AS ({dated}), picked AS (SELECT DISTINCT funder, recipient, purpose, "
        "year, series_id FROM kept ORDER BY funder, recipient, purpose, year, series_id "
        "LIMIT ? OFFSET ?) SELECT kept.* FROM kept SEMI JOIN picked USING (series_id, year) "
        f"ORDER BY {_DATED_ORDER}", [*params, int(limit), int(offset)]))
