"""Data: the tidy tables, filterable and paged, with each column's description from the
schema. The page queries the published Parquet (dashboard/query.py): it reads the page of
rows it shows and the counts, never a whole table."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import streamlit as st

from dashboard import query
from dashboard.common import page_number, tables_or_stop
from dashboard.data import DATA_DIR, column_help
from dashboard.downloads import Rows, bundle_download, table_downloads
from dashboard.limits import ROWS_SHOWN
from dashboard.share import base_url, current_values, short_version
from dashboard.state import share_url
from etl.schema import TABLES

tables = tables_or_stop()
at = (tables.folder, tables.version)

name = st.segmented_control("Table", list(TABLES), default="figures", key="table",
                            bind="query-params", required=True)
name = name or "figures"
columns = TABLES[name].names
st.caption(TABLES[name].description)

filters = st.columns(4)
kept: list[tuple[str, tuple[str, ...]]] = []
for col, column in zip(filters[:3], ["funder", "recipient", "status"], strict=True):
    if column in columns:
        picked = col.multiselect(column.capitalize(), query.distinct(*at, name, column),
                                 key=f"f_{column}", bind="query-params", placeholder="all")
        kept.append((column, tuple(picked)))
years = None
span = query.span(*at, name, "year") if "year" in columns else None
if span is not None and span[0] < span[1]:
    year_range = filters[3].slider("Year", *span, span, key="f_year", bind="query-params")
    # (the whole span keeps the undated rows too; a narrower one only the years in it)
    years = None if tuple(year_range) == span else tuple(year_range)
where = query.Filter(tuple(kept), years)

total = query.count(*at, name)
found = query.count(*at, name, where)
size = ROWS_SHOWN.value()
number = page_number(found, size, "rows", ROWS_SHOWN.variable)
shown = query.page(*at, name, where, (number - 1) * size, size)
first = (number - 1) * size + 1
st.caption(f"{found:,} of {total:,} rows"
           + (f" · rows {first:,}–{first + len(shown) - 1:,} shown" if found > size else "")
           + f" · data version {tables.version}")
config = {c: st.column_config.Column(help=h) for c, h in column_help(name).items()}
st.dataframe(shown, hide_index=True, width="stretch", column_config=config)

with st.expander("Download", expanded=True):
    version = short_version(tables.version)
    # the rows the filters keep ("displayed": every page of them), and the whole table:
    # each read from the file when its button is pressed, and only when a download may
    # hold them (ROWS_DOWNLOADED)
    table_downloads(f"the {name} table", name,
                    Rows(found, lambda: query.page(*at, name, where, 0, found)),
                    Rows(total, lambda: query.page(*at, name, query.Filter(), 0, total)),
                    version, name)
    bundle_download(Path(tables.folder) if tables.folder else DATA_DIR / "tidy", version,
                    share_url(base_url(), "data", current_values(), version))

with st.expander("Column definitions"):
    st.dataframe(pd.DataFrame([{"column": c.name, "type": c.type, "description": c.description}
                               for c in TABLES[name].columns]),
                 hide_index=True, width="stretch")
