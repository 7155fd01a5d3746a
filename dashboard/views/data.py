"""Data: the tidy tables, filterable, with each column's description from the schema."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import streamlit as st

from dashboard.common import tables_or_stop
from dashboard.data import DATA_DIR, column_help
from dashboard.downloads import bundle_download, table_downloads
from dashboard.limits import ROWS_SHOWN
from dashboard.share import base_url, current_values, short_version
from dashboard.state import share_url
from etl.schema import TABLES

tables = tables_or_stop()

name = st.segmented_control("Table", list(TABLES), default="figures", key="table",
                            bind="query-params", required=True)
name = name or "figures"
df = tables.get(name)
st.caption(TABLES[name].description)

filters = st.columns(4)
shown = df
for col, column in zip(filters[:3], ["funder", "recipient", "status"], strict=True):
    if column in df.columns:
        options = sorted(df[column].dropna().unique().tolist())
        picked = col.multiselect(column.capitalize(), options, key=f"f_{column}",
                                 bind="query-params", placeholder="all")
        if picked:
            shown = shown[shown[column].isin(picked)]
if "year" in df.columns and df["year"].notna().any():
    lo, hi = int(df["year"].min()), int(df["year"].max())
    if lo < hi:
        year_range = filters[3].slider("Year", lo, hi, (lo, hi), key="f_year",
                                       bind="query-params")
        in_range = shown["year"].between(*year_range)
        shown = shown[in_range.fillna(False) | (shown["year"].isna()
                                                & (year_range == (lo, hi)))]

st.caption(f"{len(shown)} of {len(df)} rows · data version {tables.version}")
config = {c: st.column_config.Column(help=h) for c, h in column_help(name).items()}
cap = ROWS_SHOWN.value()
if len(shown) > cap:
    st.caption(f"Showing the first {cap:,} of {len(shown):,} rows ({ROWS_SHOWN.variable}); "
               "filter to see others, or download them.")
st.dataframe(shown.head(cap), hide_index=True, width="stretch", column_config=config)

with st.expander("Download", expanded=True):
    version = short_version(tables.version)
    table_downloads(f"the {name} table", name, shown, df, version, name)
    bundle_download(Path(tables.folder) if tables.folder else DATA_DIR / "tidy", version,
                    share_url(base_url(), "data", current_values(), version))

with st.expander("Column definitions"):
    st.dataframe(pd.DataFrame([{"column": c.name, "type": c.type, "description": c.description}
                               for c in TABLES[name].columns]),
                 hide_index=True, width="stretch")
