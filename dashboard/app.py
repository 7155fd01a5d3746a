"""Entry point: ``streamlit run dashboard/app.py``. Pages live in ``dashboard/views/``.

Before a page runs, the URL is validated (``dashboard.state``): a bad value gets a short
notice; a link made at an older data version that is still kept shows that version, with a
banner and a link to the latest, and one no longer kept gets a notice. After it
runs, the Share box at the top shows the full URL of the view as it now stands.
"""

from __future__ import annotations

import sys
from pathlib import Path

import streamlit as st

# `streamlit run dashboard/app.py` puts dashboard/ on sys.path, not the repository root.
ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from dashboard import style  # noqa: E402
from dashboard.auth import editing  # noqa: E402
from dashboard.common import show_error  # noqa: E402
from dashboard.data import DataUnavailable, load_tables  # noqa: E402
from dashboard.share import (  # noqa: E402
    allowed_values,
    pinned_banner,
    share_box,
    url_notices,
)

st.set_page_config(page_title="Policy money figures", page_icon="💵", layout="wide")
style.apply()

VIEWS = Path(__file__).parent / "views"
PAGES = [
    st.Page(VIEWS / "overview.py", title="Overview", url_path="overview", default=True),
    st.Page(VIEWS / "sources.py", title="Sources", url_path="sources"),
    st.Page(VIEWS / "claims.py", title="Claims", url_path="claims"),
    st.Page(VIEWS / "compare.py", title="Compare", url_path="compare"),
    st.Page(VIEWS / "data.py", title="Data", url_path="data"),
]
# Read-only unless started to edit (dashboard/auth.py: FUNDTRACE_MODE=local on your own
# machine, =edit for signed-in editors): a shared dashboard has no page that writes.
if editing():
    PAGES.insert(4, st.Page(VIEWS / "add.py", title="Add a source", url_path="add"))
page = st.navigation(PAGES, position="top")

try:
    tables = load_tables()
except DataUnavailable:
    tables = None  # the page itself says what is wrong and how to fix it

share_slot = st.empty()
if tables is not None:
    for notice in url_notices(tables, allowed_values(tables)):
        st.warning(notice, icon="🔗")
    banner = pinned_banner(tables, page.url_path)
    if banner:
        st.info(banner, icon="📌")
try:
    page.run()
except DataUnavailable as exc:  # a table read when the page first asked for it
    show_error(exc)
if tables is not None:
    with share_slot.container():
        share_box(page.url_path, tables.version)
