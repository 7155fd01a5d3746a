"""Stage "files": a table as the bytes of its published twins, CSV and Parquet.

Both come from one Arrow table typed by the schema (etl/schema.py), so the twins hold the
same values. CSV is written by Arrow's CSV writer (C++; on the 1,000-document benchmark
corpus it writes the eight tables in 0.4 s where pandas took 6.4 s): every string quoted,
booleans ``true``/``false``, numbers as Arrow prints them (``12200000``, ``0.5``), nothing
between the commas for a missing value, ``\\n`` line ends. The same inputs give the same bytes.
The dashboard's CSV downloads and ``python -m etl export`` use :func:`csv_bytes` too, so a
full-table download is the published file byte for byte.
"""

from __future__ import annotations

import io
from concurrent.futures import Future, ThreadPoolExecutor
from typing import TYPE_CHECKING

import pyarrow as pa
import pyarrow.csv as pa_csv
import pyarrow.parquet as pq

from etl.schema import TABLES, arrow_schema

if TYPE_CHECKING:  # the build itself never needs pandas (0.4 s to import)
    import pandas as pd

PANDAS_TYPES = {"string": "string", "integer": "Int64", "number": "Float64",
                "boolean": "boolean", "date": "string"}
_CSV_OPTIONS = pa_csv.WriteOptions(quoting_style="needed")


def arrow_table(df: pd.DataFrame | pa.Table, name: str | None = None) -> pa.Table:
    """``df`` as Arrow, typed by the published table ``name``'s schema when it is one."""
    if isinstance(df, pa.Table):
        return df.replace_schema_metadata(None)
    table = TABLES.get(name or "")
    if table is not None and list(df.columns) == table.names:
        arrow = pa.Table.from_pandas(df, schema=arrow_schema(table), preserve_index=False)
    else:
        arrow = pa.Table.from_pandas(df, preserve_index=False)
    return arrow.replace_schema_metadata(None)  # no library versions: byte-stable output


def csv_bytes(df: pd.DataFrame | pa.Table, name: str | None = None) -> bytes:
    buffer = io.BytesIO()
    pa_csv.write_csv(arrow_table(df, name), buffer, _CSV_OPTIONS)
    return buffer.getvalue()


def parquet_bytes(df: pd.DataFrame | pa.Table, name: str) -> bytes:
    buffer = io.BytesIO()
    # in one chunk: Parquet's pages follow the chunks, the bytes must not
    pq.write_table(arrow_table(df, name).combine_chunks(), buffer, compression="zstd",
                   write_statistics=False, store_schema=False)
    return buffer.getvalue()


class Twins:
    """The files stage beside the tables stage: each table's CSV and Parquet twins are
    written on two threads (Arrow's writers leave Python's lock) as soon as the table is
    final, while the build works out the rest."""

    def __init__(self) -> None:
        self._pool = ThreadPoolExecutor(max_workers=2, thread_name_prefix="twins")
        self._jobs: dict[str, Future[bytes]] = {}

    def __call__(self, name: str, table: pa.Table) -> None:
        self._jobs[f"{name}.csv"] = self._pool.submit(csv_bytes, table, name)
        self._jobs[f"{name}.parquet"] = self._pool.submit(parquet_bytes, table, name)

    def names(self) -> list[str]:
        return list(self._jobs)

    def result(self, fname: str) -> bytes:
        return self._jobs[fname].result()
