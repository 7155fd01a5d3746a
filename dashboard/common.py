"""Helpers the pages share: loading with a clear message instead of a traceback."""

from __future__ import annotations

import streamlit as st

from dashboard import data
from dashboard.data import DataUnavailable, Tables, load_tables
from dashboard.formatting import escape_markdown


def public_message(exc: BaseException) -> str:
    """An error's message as a visitor may see it: server paths shortened to the data
    folder's own name, and escaped for markdown."""
    text = str(exc)
    for root in {str(data.DATA_DIR.resolve().parent), str(data.DATA_DIR.parent)}:
        text = text.replace(root.rstrip("/") + "/", "")
    return escape_markdown(text)


def show_error(exc: BaseException) -> None:
    st.error(public_message(exc), icon="⚠️")


def tables_or_stop() -> Tables:
    """The tables, or a clear message on the page and a stop."""
    try:
        return load_tables()
    except DataUnavailable as exc:
        show_error(exc)
        st.stop()
        raise  # unreachable: st.stop() raises


def credit_line(documents, rows) -> str:
    """Who produced the figures and who carried them: "GAO estimates, via The Washington
    Post, 2010-11-11"."""
    from dashboard.formatting import STATUS_WORDS
    from etl.lexicon import SOURCE_ABBREVIATIONS

    docs = documents.set_index("document_id")
    parts: list[str] = []
    for (doc_id, credit), group in rows.groupby(["document_id", "attributed_source"],
                                                dropna=False, sort=True):
        if doc_id not in docs.index:
            continue
        doc = docs.loc[doc_id]
        carrier = f"{doc.publisher}, {doc.date_published}"
        if isinstance(credit, str) and credit:
            statuses = sorted({STATUS_WORDS.get(s, s) for s in group["status"]})
            noun = "estimates" if statuses == ["estimate"] else "figures"
            parts.append(f"{SOURCE_ABBREVIATIONS.get(credit, credit)} {noun}, via {carrier}")
        else:
            parts.append(carrier)
    seen: list[str] = []
    for p in parts:
        if p not in seen:
            seen.append(p)
    return "; ".join(seen)


def page_number(count: int, per_page: int, what: str, setting: str) -> int:
    """The page of ``count`` items (``what``, a plural noun) ``per_page`` at a time the
    visitor is on (1 when all fit): a number box bound to the link's ``page=``, shown only
    when there are several pages; a number past the last is read as the last."""
    pages = max(1, -(-count // per_page))
    number = 1
    if pages > 1:
        noun = what.removesuffix("s") if per_page == 1 else what  # "1 claim each"
        number = st.number_input(f"Page (of {pages:,}; {per_page:,} {noun} each, {setting})",
                                 min_value=1, max_value=pages, value=1, step=1, key="page",
                                 bind="query-params", width=260)
    return min(max(1, int(number or 1)), pages)
