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
from pathlib import Path
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
_PARQUET_OPTIONS = {"compression": "zstd", "write_statistics": False, "store_schema": False}
# Rows per Parquet row group: a table is written a row group at a time, so this bounds the
# memory a build holds for it (etl.stream), and readers can skip the groups they need not.
ROW_GROUP = 50_000


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


class TableWriter:
    """A table's twins written to ``folder`` as its rows come, in any number of pieces:
    the CSV as each piece arrives, the Parquet in row groups of exactly ``ROW_GROUP`` rows
    (its pages follow its row groups, so the bytes do not depend on the pieces). The same
    rows give the CSV bytes of :func:`csv_bytes`, and the memory held
    is one row group, however long the table."""

    def __init__(self, folder: Path, name: str) -> None:
        self.name = name
        self.schema = arrow_schema(TABLES[name])
        self.rows = 0
        self._csv = pa_csv.CSVWriter(str(folder / f"{name}.csv"), self.schema,
                                     write_options=_CSV_OPTIONS)
        self._parquet = pq.ParquetWriter(str(folder / f"{name}.parquet"), self.schema,
                                         **_PARQUET_OPTIONS)
        self._pending: list[pa.Table] = []
        self._held = 0

    def write(self, piece: pa.Table | pa.RecordBatch) -> None:
        table = piece if isinstance(piece, pa.Table) else pa.Table.from_batches([piece])
        table = table.replace_schema_metadata(None).cast(self.schema)
        if not table.num_rows:
            return
        self._csv.write_table(table)
        self.rows += table.num_rows
        self._pending.append(table)
        self._held += table.num_rows
        while self._held >= ROW_GROUP:
            held = pa.concat_tables(self._pending)
            self._parquet.write_table(held.slice(0, ROW_GROUP).combine_chunks())
            rest = held.slice(ROW_GROUP)
            self._pending, self._held = [rest], rest.num_rows

    def close(self) -> None:
        if self._held or not self.rows:  # an empty table: one empty row group, as write_table
            held = pa.concat_tables(self._pending) if self._pending else \
                self.schema.empty_table()
            self._parquet.write_table(held.combine_chunks())
        self._pending, self._held = [], 0
        self._parquet.close()
        self._csv.close()


def write_twins(folder: Path, name: str, table: pa.Table) -> None:
    """A whole table's twins, written to ``folder``."""
    writer = TableWriter(folder, name)
    writer.write(table)
    writer.close()


class Twins:
    """The files stage beside the tables stage: each table's CSV and Parquet twins are
    written to ``folder`` on two threads (Arrow's writers leave Python's lock) as soon as
    the table is final, while the build works out the rest."""

    def __init__(self, folder: Path | None = None) -> None:
        self._pool = ThreadPoolExecutor(max_workers=2, thread_name_prefix="twins")
        self._tables: dict[str, pa.Table] = {}
        self._jobs: list[Future[None]] = []
        self._folder = folder  # None: written when write() names a folder
        self._written = False

    def __call__(self, name: str, table: pa.Table) -> None:
        self._tables[name] = table
        if self._folder is not None:
            self._jobs.append(self._pool.submit(write_twins, self._folder, name, table))

    def names(self) -> list[str]:
        return list(self._tables)

    def writes_to(self, folder: Path) -> bool:
        """Whether :meth:`write` may still write to ``folder``."""
        return self._folder in (None, folder) and not self._written


    def write(self, folder: Path) -> None:
        """Into ``folder``: the tables told of so far are started there (when no folder was
        given before) and every write waited for; then the pool is shut down."""
        if self._folder is None:
            self._folder = folder
        elif self._folder != folder:
            raise ValueError(f"the twins are being written to {self._folder}, not {folder}")
        if not self._jobs:
            self._jobs = [self._pool.submit(write_twins, folder, n, t)
                          for n, t in self._tables.items()]
        try:
            for job in self._jobs:
                job.result()
        finally:
            self._written = True
            self._pool.shutdown()
