"""Add a source: paste or upload an article, describe it, review what the machine found,
correct it, save. Corrections are kept as curation records, apart from the text."""

from __future__ import annotations

from datetime import UTC, date, datetime
from urllib.parse import urlencode

import pandas as pd
import streamlit as st

from dashboard.auth import current_user, may_write
from dashboard.common import show_error
from dashboard.data import DATA_DIR
from dashboard.formatting import escape_markdown
from dashboard.limits import EXTRACTIONS_PER_MINUTE, LimitReached, session_id, take
from dashboard.share import base_url
from etl import web
from etl.__main__ import corpus_checks
from etl.attributes import CHOICES, EDITABLE
from etl.attributes import values as attribute_values
from etl.build import run_build
from etl.curation import review_records
from etl.extract import YEAR_MAX, YEAR_MIN
from etl.library import NewSource, add_sources, article_text, converted, validate_meta
from etl.pdf import MAX_PDF_BYTES, page_of
from etl.sources import EARLIEST_DATE, MAX_ARTICLE_BYTES, SourceError
from etl.tables import extract_with_tables
from etl.txn import lock_busy

REVIEW_COLUMNS = ["keep", "text", *EDITABLE]  # from etl.attributes, the one list

permission = may_write(current_user())
if not permission.allowed:
    st.info(permission.reason)
    if permission.sign_in and st.button("Sign in", key="add_sign_in"):
        st.login()
    st.stop()
st.caption(permission.reason)

st.subheader("Add a source", anchor=False)
st.caption(f"Paste the article's text or upload a .txt, .md or .html file (at most "
           f"{MAX_ARTICLE_BYTES / 1e6:.0f} MB) or a PDF report (at most "
           f"{MAX_PDF_BYTES / 1e6:.0f} MB; kept beside its text, each figure with its page). "
           "HTML is reduced to its text; scripts and styles are dropped.")

pasted_tab, upload_tab, url_tab = st.tabs(["Paste text", "Upload a file", "From a web address"])
pasted = pasted_tab.text_area("Article text", key="add_text", height=220)
address = url_tab.text_input("Web address (http or https)", key="add_url_fetch",
                             help="The page is fetched once, its article text kept with the "
                             "original; its title, site, author and date fill the fields you "
                             "leave empty")
upload = upload_tab.file_uploader("Article file", type=["txt", "md", "html", "htm", "pdf"],
                                  key="add_file")

with st.form("add_meta"):
    c1, c2 = st.columns(2)
    title = c1.text_input("Title", key="add_title")
    publisher = c2.text_input("Publisher", key="add_publisher")
    author = c1.text_input("Author (optional)", key="add_author")
    url = c2.text_input("URL (optional)", key="add_url")
    published = c1.date_input("Date published", value=None, min_value=EARLIEST_DATE,
                              max_value=date.today(), key="add_published")
    rights = c2.text_input("Rights (who holds the text, on what terms)", key="add_rights")
    extract_clicked = st.form_submit_button("Extract figures", type="primary")


def _draft() -> dict:
    """Read the input and metadata; raise SourceError with a clear message."""
    original = snapshot = None
    page_meta: dict = {}
    if address.strip():
        with st.spinner("Fetching the page ..."):
            page = web.fetch(address.strip(), web.TIMEOUT_SECONDS, web.MAX_PAGE_BYTES)
        text, original, snapshot, page_meta = page.text, page.original, page.snapshot, page.meta
    elif upload is not None:
        limit = MAX_PDF_BYTES if upload.name.lower().endswith(".pdf") else MAX_ARTICLE_BYTES
        if upload.size > limit:
            raise SourceError(f"{upload.name}: {upload.size / 1e6:.1f} MB is over the "
                              f"{limit / 1e6:.0f} MB limit")
        with st.spinner("Reading the file ..."):
            text, original, snapshot = converted(upload.getvalue(), upload.name)
    elif pasted.strip():
        text = article_text(pasted.encode("utf-8"), "the pasted text")
    else:
        raise SourceError("paste the article's text or upload a file first")
    page_date = str(page_meta.get("date_published") or "")[:10] or None
    if published is None and page_date is None:
        raise SourceError("give the date the article was published")
    fields = {"title": title or page_meta.get("title", ""),
              "publisher": publisher or page_meta.get("publisher", ""),
              "author": author or page_meta.get("author"),
              "url": url or page_meta.get("url"),
              "date_published": published.isoformat() if published else page_date,
              "date_added": date.today().isoformat(),
              "rights": rights or "Rights not recorded: check before sharing the text"}
    meta = validate_meta(fields)
    if (DATA_DIR / "sources" / meta.id).exists():
        raise SourceError(f"a source with the id {meta.id} exists already")
    result = extract_with_tables(text, meta.id, meta.date_published, snapshot)
    pages = [tuple(p) for p in snapshot["pages"]] if snapshot and "pages" in snapshot else None
    machine = pd.DataFrame([{"keep": True, **attribute_values(f), "start": f.start,
                             "end": f.end, "page": f.page or page_of(pages, f.start),
                             "sentence": f.table_cell
                             or result.sentences[f.sentence_index].text}
                            for f in result.figures],
        columns=[*REVIEW_COLUMNS, "start", "end", "page", "sentence"])
    checks = {c["start"]: c for c in corpus_checks(DATA_DIR, result.figures)}
    machine["corpus"] = [
        (checks[s]["corpus"] + (f" ({', '.join(checks[s]['corpus_documents'][:3])})"
                                if checks[s]["corpus_documents"] else ""))
        if s in checks else "a table's total: not compared" for s in machine["start"]]
    machine["see"] = [
        f"{base_url()}/sources?" + urlencode({"doc": checks[s]["corpus_documents"][0]})
        if s in checks and checks[s]["corpus_documents"] else None for s in machine["start"]]
    return {"text": text, "meta": meta, "machine": machine, "original": original,
            "snapshot": snapshot}


if extract_clicked:
    try:
        take(EXTRACTIONS_PER_MINUTE, session_id())
    except LimitReached as exc:
        st.error(str(exc))
        st.stop()
    try:
        st.session_state["add_draft"] = _draft()
    except SourceError as exc:
        st.session_state.pop("add_draft", None)
        show_error(exc)

draft = st.session_state.get("add_draft")
if draft is None:
    st.stop()

meta = draft["meta"]
machine: pd.DataFrame = draft["machine"]
st.caption(escape_markdown(f"{meta.publisher} · {meta.author or 'author not named'} · "
                           f"published {meta.date_published.isoformat()} · "
                           f"{meta.url or 'no address'}: check these before saving"))
st.markdown(f"**Review** · {len(machine)} figures found in “{escape_markdown(meta.title)}”. "
            "Fix an attribute, untick *keep* to drop a false positive, or add a row with a "
            "missed figure's text as it appears in the article.")
edited = st.data_editor(
    machine, key="add_editor", num_rows="dynamic", hide_index=True, width="stretch",
    column_order=[*REVIEW_COLUMNS, "corpus", "see", "page", "sentence"],
    column_config={
        "see": st.column_config.LinkColumn("see", disabled=True, display_text="open source",
                                           help="The first source it agrees or conflicts "
                                           "with, in the Sources reader"),
        "page": st.column_config.NumberColumn("page", disabled=True, format="%d",
                                              help="Page of the PDF"),
        "sentence": st.column_config.TextColumn("sentence", disabled=True,
                                                help="The sentence the figure was read in, "
                                                "or its table cell"),
        "corpus": st.column_config.TextColumn(
            "corpus", disabled=True, help="How the figure compares with what the published "
            "sources give for its series and year: new, consistent with N sources, or "
            "conflicts with N sources (their ids)"),
        "keep": st.column_config.CheckboxColumn("keep", default=True),
        **{name: st.column_config.SelectboxColumn(name, options=list(options))
           for name, options in CHOICES.items()},
        "year": st.column_config.NumberColumn("year", format="%d", min_value=YEAR_MIN,
                                              max_value=YEAR_MAX),
    },
)
reason = st.text_input("Why these corrections (kept with them)", key="add_reason")


if st.button("Save source", type="primary", key="add_save"):
    if not may_write(current_user()).allowed:  # checked again where the write happens
        st.error("You may no longer add sources here; nothing was saved.")
        st.stop()
    if lock_busy(DATA_DIR):  # one rebuild at a time: this one waits its turn
        st.info("Another save is rebuilding the tables; yours waits for it and then runs "
                "(one rebuild at a time).")
    try:
        records = review_records(draft["text"], machine.to_dict("records"),
                                 edited.to_dict("records"), reason,
                                 datetime.now(UTC).isoformat(timespec="seconds"))
        # the source and its corrections land together or not at all
        add_sources(DATA_DIR, [NewSource(draft["text"], meta, records, draft.get("original"),
                                         draft.get("snapshot"))])
        with st.spinner("Rebuilding the tables ..."):
            run_build(DATA_DIR, quiet=True)
    except (SourceError, OSError) as exc:
        show_error(exc)
        st.stop()
    st.cache_data.clear()
    st.session_state.pop("add_draft", None)
    st.success(f"Saved {meta.id} with {len(records)} correction(s); the tables are rebuilt.")
    st.page_link("views/sources.py", label="Read it in Sources", icon="📄",
                 query_params={"doc": meta.id})
    st.page_link("views/overview.py", label="See it on the Overview", icon="📈")
