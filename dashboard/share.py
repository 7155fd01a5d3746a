"""Share links: validated URL state, version notices and the Share box."""

from __future__ import annotations

import streamlit as st

from dashboard import query
from dashboard.compare import source_labels
from dashboard.data import Tables
from dashboard.formatting import view_labels
from dashboard.state import PAGE_PARAMS, Allowed, parse, share_url

VERSION_CHARS = 8


def short_version(version: str) -> str:
    return version[:VERSION_CHARS]


def allowed_values(tables: Tables) -> Allowed:
    """The values a link may hold for these tables, worked out once per data version."""
    return _allowed(tables.key, tables)


@st.cache_resource(show_spinner=False, max_entries=16)
def _allowed(key: str, _tables: Tables) -> Allowed:
    # (the figures and claims tables are queried, not loaded: a link's ids are looked up
    # one at a time, its filters' values listed by DuckDB)
    tables = _tables
    at = (tables.folder, tables.version)
    obs = tables.observations[tables.observations["reported"]]
    views = sorted(view_labels(obs["funder"], obs["recipient"], obs["reported"]))
    return Allowed(
        views=views,
        docs=list(tables.documents["document_id"]),
        figures=query.Ids(*at, "figures", "figure_id"),
        funders=query.distinct(*at, "figures", "funder"),
        recipients=query.distinct(*at, "figures", "recipient"),
        statuses=query.distinct(*at, "figures", "status"),
        years=query.span(*at, "figures", "year"),
        cpi_years=[int(y) for y in tables.cpi_u["year"]],
        claims=query.Ids(*at, "claims", "claim_id"),
        purposes=sorted(set(obs["purpose"].dropna())),
        sources=list(source_labels(tables.documents)),
    )


def url_notices(tables: Tables, allowed: Allowed) -> list[str]:
    """Notices for the current URL; invalid parameters that no widget owns are removed."""
    params = {k: st.query_params.get_all(k) for k in st.query_params}
    parsed = parse(params, allowed)
    notices = parsed.notices()
    for name in parsed.rejected:
        if name in {"figure", "claim", "v"} and name in st.query_params:
            del st.query_params[name]
    version = parsed.state.v
    if tables.pinned:
        pass  # the version the link was made with, still kept: see pinned_banner
    elif version and not tables.version.startswith(version):
        notices.append(
            f"This link was made with data version {version}; the data have changed since "
            f"(now {short_version(tables.version)}), so the view may differ from what the "
            "sender saw (that version is no longer kept).")
    return notices


def pinned_banner(tables: Tables, page_path: str) -> str | None:
    """For a link's older data version that is still kept: what is shown, and a link to
    the same view on the latest data."""
    if not tables.pinned:
        return None
    params = {k: st.query_params.get_all(k) for k in st.query_params if k != "v"}
    values = {k: (v if len(v) > 1 else v[0]) for k, v in params.items() if v}
    latest = share_url(base_url(), page_path, values, short_version(tables.latest))
    return (f"You are looking at data version {short_version(tables.version)}, the one this "
            f"link was made with; the data have changed since. "
            f"[The same view on the latest data (version {short_version(tables.latest)})]"
            f"({latest})")


def current_values() -> dict[str, object]:
    """The view as it stands: bound widgets' values, then parameters no widget holds."""
    values: dict[str, object] = {}
    for keys in PAGE_PARAMS.values():
        for key in keys:
            if key in st.session_state:
                values[key] = st.session_state[key]
    for key in ("figure", "claim"):
        if key in st.query_params:
            values[key] = st.query_params[key]
    return values


def base_url() -> str:
    url = st.context.url or "http://localhost:8501/"
    scheme_host = url.split("?", 1)[0].split("#", 1)[0]
    parts = scheme_host.split("/")
    return "/".join(parts[:3]) if len(parts) >= 3 and parts[0].endswith(":") else url


def share_box(page_path: str, version: str) -> None:
    page = "" if page_path in {"", "overview"} else page_path
    url = share_url(base_url(), page, current_values(), short_version(version))
    with st.popover("Share this view", icon="🔗"):
        st.caption("The link reproduces this view, pinned to data version "
                   f"{short_version(version)}.")
        st.code(url, language=None, wrap_lines=True)
        if page == "":
            st.caption("To embed the chart alone, with its source line, in a web page:")
            st.code(embed_snippet(url), language="html", wrap_lines=True)


def embed_snippet(url: str) -> str:
    """An iframe of the Overview link's chart alone (``only=chart``), without Streamlit's
    menus (``embed=true``)."""
    return (f'<iframe src="{url}&only=chart&embed=true" width="100%" height="640" '
            'style="border:0" title="Chart"></iframe>')
