"""Tables to files: CSV, JSON (records), XLSX, Parquet, and a citable ZIP bundle.

Shared by the dashboard's download buttons and ``python -m etl export``, so that a script
fetches exactly the bytes the page offers.
"""

from __future__ import annotations

import io
import json
import re
import shutil
import zipfile
from datetime import date
from pathlib import Path
from typing import BinaryIO

import pandas as pd

from etl.build import DATASET, DATASET_TITLE, TABLE_LICENSE
from etl.lexicon import SOURCE_ABBREVIATIONS
from etl.schema import TABLES
from etl.tablefiles import csv_bytes

FORMATS = ("csv", "json", "xlsx", "parquet")
MIME = {
    "csv": "text/csv",
    "json": "application/json",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "parquet": "application/vnd.apache.parquet",
    "zip": "application/zip",
    "png": "image/png",
    "svg": "image/svg+xml",
    "vl.json": "application/json",
}


def file_name(version: str, what: str, scope: str, ext: str) -> str:
    """``policy-money-figures-<version>-<what>-<scope>.<ext>``, safe on every system."""
    parts = [DATASET, version, what, scope]
    stem = "-".join(re.sub(r"[^A-Za-z0-9_]+", "-", p).strip("-") for p in parts if p)
    return f"{stem}.{ext}"


_NULLABLE = {"integer": "Int64", "number": "Float64", "boolean": "boolean"}


def conform(df: pd.DataFrame, table: str) -> pd.DataFrame:
    """Give a published table's columns their schema types (integers stay integers even
    where some are missing, so CSV says 2024, not 2024.0)."""
    if table not in TABLES:
        return df
    out = df.copy()
    for col in TABLES[table].columns:
        if col.name in out.columns and col.type in _NULLABLE:
            out[col.name] = out[col.name].astype(_NULLABLE[col.type])
    return out


def table_bytes(df: pd.DataFrame, fmt: str, sheet: str = "data") -> bytes:
    """One table in one format. JSON is a list of records with nulls, ISO text for dates.
    ``sheet`` names the table: a published table's columns keep their schema types."""
    df = conform(df, sheet)
    if fmt == "csv":
        return csv_bytes(df, sheet)
    if fmt == "json":
        records = json.loads(df.to_json(orient="records", force_ascii=False))
        return (json.dumps(records, ensure_ascii=False, indent=1) + "\n").encode("utf-8")
    if fmt == "xlsx":
        buf = io.BytesIO()
        plain = df.astype(object).where(df.notna(), None)
        with pd.ExcelWriter(buf, engine="openpyxl") as writer:
            plain.to_excel(writer, index=False, sheet_name=sheet[:31])
        return buf.getvalue()
    if fmt == "parquet":
        buf = io.BytesIO()
        df.to_parquet(buf, index=False)
        return buf.getvalue()
    raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")


def bundle_readme(tables: dict[str, pd.DataFrame], descriptor: dict, retrieved: date,
                  view: str | None = None) -> str:
    """How to cite, where it came from (``view``: the link of the page it was downloaded
    from), rights, and every column's definition."""
    docs = tables["documents"]
    figs = tables["figures"]
    lines = [
        f"# {DATASET_TITLE}",
        "",
        f"Dataset `{DATASET}`, version `{descriptor['version']}`, retrieved "
        f"{retrieved.isoformat()}.",
        "",
        *([f"Downloaded from this view: {view}", ""] if view else []),
        "## How to cite",
        "",
        "Cite the article each figure comes from, and the producer the article credits:",
        "",
    ]
    # who each source credits, found in one pass (not a scan of the figures per source)
    credits = figs.dropna(subset=["attributed_source"]).groupby("document_id")[
        "attributed_source"].agg(lambda c: sorted(set(c)))
    for doc in docs.itertuples():
        credited = credits.get(doc.document_id, [])
        credit = "; ".join(f"{c} ({SOURCE_ABBREVIATIONS[c]})" if c in SOURCE_ABBREVIATIONS else c
                           for c in credited)
        lines.append(f"- {doc.citation}" + (f" Figures credited to: {credit}." if credit
                                             else ""))
    lines += [
        "",
        f"Then this dataset: {DATASET_TITLE}, version {descriptor['version']} "
        f"(retrieved {retrieved.isoformat()}).",
        "",
        "## Rights and license",
        "",
        f"The tables: {TABLE_LICENSE['title']}, {TABLE_LICENSE['path']}.",
        "",
    ]
    for doc in docs.itertuples():
        lines.append(f"- Text quoted from {doc.document_id}: {doc.rights}")
        if "text_shared" in docs.columns and not bool(doc.text_shared):
            lines.append("  Its rights allow quotation, not redistribution: this bundle holds "
                         "its figures and the sentences that give them (and its claims), "
                         f"not its full text ({int(doc.n_sentences)} sentences).")
    lines += ["", "## Tables and columns", ""]
    for name, table in TABLES.items():
        lines += [f"### {name}.csv ({table.title})", "", table.description, "",
                  "| column | type | definition |", "| --- | --- | --- |"]
        lines += [f"| {c.name} | {c.type} | {c.description} |" for c in table.columns]
        lines.append("")
    lines += ["`datapackage.json` describes the same tables as a Frictionless Data Package "
              "(v2).", ""]
    return "\n".join(lines)


def write_bundle(tidy: Path, out: BinaryIO, retrieved: date | None = None,
                 view: str | None = None) -> None:
    """Every table as CSV, with ``datapackage.json`` and a README on citing and rights,
    written to ``out`` as a ZIP from the published files of ``tidy``: each table's CSV is
    copied from its published twin a megabyte at a time (the same bytes
    ``table_bytes(..., "csv")`` gives), and the README needs only the documents and two
    columns of the figures, so no table is held in memory."""
    tidy = tidy.resolve()  # once, so that a build publishing meanwhile cannot mix versions
    descriptor = json.loads((tidy / "datapackage.json").read_text("utf-8"))
    tables = {"documents": pd.read_parquet(tidy / "documents.parquet"),
              "figures": pd.read_parquet(tidy / "figures.parquet",
                                         columns=["document_id", "attributed_source"])}
    retrieved = retrieved or date.today()
    stamp = (retrieved.year, retrieved.month, retrieved.day, 0, 0, 0)
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        def entry(name: str, size: int) -> zipfile.ZipInfo:
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.file_size = size  # known before writing: ZIP64 when a table passes 2 GiB
            return info

        for name, text in (
                ("README.md", bundle_readme(tables, descriptor, retrieved, view)),
                ("datapackage.json", json.dumps(descriptor, indent=2, ensure_ascii=False)
                 + "\n")):
            data = text.encode("utf-8")
            zf.writestr(entry(name, len(data)), data)
        for name in TABLES:
            csv = tidy / f"{name}.csv"
            with csv.open("rb") as src, zf.open(entry(f"{name}.csv", csv.stat().st_size),
                                                "w") as dst:
                shutil.copyfileobj(src, dst, 1 << 20)


def bundle_zip(tidy: Path, retrieved: date | None = None, view: str | None = None) -> bytes:
    """The bundle of :func:`write_bundle` as bytes (a download button needs them)."""
    buf = io.BytesIO()
    write_bundle(tidy, buf, retrieved, view)
    return buf.getvalue()
