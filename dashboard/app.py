"""Entry point: ``streamlit run dashboard/app.py``. Pages live in ``dashboard/views/``."""

from __future__ import annotations

import sys
from pathlib import Path

import streamlit as st

# `streamlit run dashboard/app.py` puts dashboard/ on sys.path, not the repository root.
ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

st.set_page_config(page_title="Policy money figures", page_icon="💵", layout="wide")

VIEWS = Path(__file__).parent / "views"
PAGES = [
    st.Page(VIEWS / "overview.py", title="Overview", url_path="overview", default=True),
    st.Page(VIEWS / "sources.py", title="Sources", url_path="sources"),
    st.Page(VIEWS / "data.py", title="Data", url_path="data"),
]
st.navigation(PAGES, position="top").run()
