"""Sources: the article with every extracted figure highlighted, and each figure's
provenance. Article text is escaped and rendered as markdown text, never as HTML. The
figures, claims and observations shown are queried from the published Parquet
(dashboard/query.py): the page reads one source's rows, never a whole table but the
documents the picker lists."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import query
from dashboard.common import show_error, tables_or_stop
from dashboard.data import DataUnavailable, load_article
from dashboard.formatting import amount_with_qualifier, escape_markdown
from dashboard.highlight import paragraphs_with_marks
from etl.attributes import FIGURE_ATTRIBUTES


def _given(value: object, missing: str) -> str:
    """A metadata value, or words saying it is missing."""
    return missing if value is None or pd.isna(value) or value == "" else str(value)


tables = tables_or_stop()
at = (tables.folder, tables.version)
docs = tables.documents
if docs.empty:
    st.info("No sources yet.")
    st.stop()

doc_ids = list(docs["document_id"])
wanted = st.query_params.get("figure")
owner = query.rows_where_in(*at, "figures", "figure_id", (wanted,) if wanted else ()
                            )["document_id"]
claim_id = st.query_params.get("claim")
claim_rows = query.rows_where_in(*at, "claims", "claim_id", (claim_id,) if claim_id else ())
if len(claim_rows):
    owner = claim_rows["document_id"]
by_id = docs.set_index("document_id")


# A source as the picker lists it: its title, publisher and date (the URL keeps its id);
# made for every source at once, not looked up one by one (10,000 sources: 0.9 s a run).
titles = dict(zip(doc_ids, docs["title"].astype(str) + " · " + docs["publisher"].astype(str)
                  + ", " + docs["date_published"].astype(str), strict=True))


# The picker shows titles and the link keeps the id (`doc=`), so the two are kept in step
# here: a bound selectbox would write the title into the URL.
asked = st.query_params.get("doc")
if asked is not None and asked not in doc_ids:
    del st.query_params["doc"]  # named by the URL check already
    asked = None
if asked is None and "doc" not in st.session_state and len(owner):
    asked = owner.iloc[0]  # a figure or claim link opens its own source
if asked is not None and asked != st.session_state.get("doc"):
    st.session_state["doc_pick"] = asked  # a link followed, or Back: the URL decides
doc_id = st.selectbox("Source", doc_ids, key="doc_pick", format_func=titles.__getitem__)
st.session_state["doc"] = doc_id  # the view's state, as the Share box reads it
if st.query_params.get("doc") != doc_id and (asked is not None or doc_id != doc_ids[0]):
    st.query_params["doc"] = doc_id
doc = by_id.loc[doc_id]
figs = query.rows_where_in(*at, "figures", "document_id", (doc_id,)).sort_values(
    "start", kind="stable").reset_index(drop=True)

if wanted is not None and wanted not in set(figs["figure_id"]):
    # A figure of another source (unknown ones were already named by the URL check).
    wanted = None
    del st.query_params["figure"]

try:
    text = load_article(doc_id)
except DataUnavailable as exc:
    show_error(exc)
    st.stop()

st.subheader(escape_markdown(str(doc["title"])), anchor=False)
st.caption(escape_markdown(
    f"{doc['publisher']} · {_given(doc['author'], 'author not named')} · published "
    f"{doc['date_published']} · page {_given(doc['page'], '—')} · added {doc['date_added']}"
    f" · {_given(doc['url'], 'no URL recorded')}"))

reader, side = st.columns([3, 2], gap="large")
with side:
    st.markdown(f"**Figures in this source** ({len(figs)})")
    listing = pd.DataFrame({
        "Figure": [amount_with_qualifier(r.amount, r.qualifier, r.amount_high, r.currency)
                   for r in figs.itertuples()],
        "Year": [("FY" if r.year_type == "fiscal" else "") + (str(r.year) if pd.notna(r.year)
                                                             else "—")
                 for r in figs.itertuples()],
        "Status": list(figs["status"]),
        "Purpose": list(figs["purpose"].fillna("—")),
    })
    if figs["page"].notna().any():  # a PDF: each figure's page
        listing.insert(0, "Page", [str(int(p)) if pd.notna(p) else "—" for p in figs["page"]])
    default_rows = [int(i) for i, f in enumerate(figs["figure_id"]) if f == wanted]
    event = st.dataframe(
        listing, hide_index=True, width="stretch", on_select="rerun",
        selection_mode="single-row", key=f"figures-of-{doc_id}",
        selection_default={"selection": {"rows": default_rows}} if default_rows else None,
    )
    rows = event.selection.rows if event is not None else []
    selected = figs.iloc[rows[0]]["figure_id"] if rows else None
    if selected != st.query_params.get("figure"):
        if selected:
            st.query_params["figure"] = selected
        elif "figure" in st.query_params:
            del st.query_params["figure"]

    if selected:
        fig = figs.set_index("figure_id").loc[selected]
        st.markdown("**Provenance**")
        st.markdown("> " + escape_markdown(str(fig["sentence"])))
        page = f"Page {int(fig['page'])} of the PDF; c" if pd.notna(fig["page"]) else "C"
        if pd.notna(fig["table_cell"]):
            page = f"{fig['table_cell']}; c"
        st.caption(escape_markdown(
            f"{page}haracters {fig['start']}–{fig['end']} of the stored text: "
            f"“{text[int(fig['start']):int(fig['end'])]}”"))
        attrs = [a.name for a in FIGURE_ATTRIBUTES] + ["series_id", "sentence_id"]
        st.dataframe(
            pd.DataFrame({"attribute": attrs,
                          "value": [("" if pd.isna(fig[a]) else str(fig[a])) for a in attrs]}),
            hide_index=True, width="stretch",
        )
        obs = query.rows_where_in(*at, "observations", "figure_id", (selected,))
        where = [f"figures: row {selected}"]
        where += [f"observations: series {o.series_id}, year {o.year}" for o in obs.itertuples()]
        claims = pd.concat([query.rows_where_in(*at, "claims", role, (selected,))
                            for role in ("base_figure_id", "compared_figure_id")]
                           ).drop_duplicates("claim_id")
        where += [f"claims: “{c.text}” ({c.claim_id})" for c in claims.itertuples()]
        st.markdown("**In the tables**\n\n" + "\n".join(f"- {escape_markdown(w)}"
                                                       for w in where))
    else:
        st.caption("Select a figure to see where it came from.")

with reader:
    claim_span = None
    if len(claim_rows) and claim_rows.iloc[0]["document_id"] == doc_id:
        claim = claim_rows.iloc[0]
        claim_span = (int(claim["start"]), int(claim["end"]))
        st.info(f"Claim “{escape_markdown(str(claim['text']))}”: "
                f"{escape_markdown(str(claim['verdict_nominal']))} (nominal), "
                f"{escape_markdown(str(claim['verdict_real']))} (constant dollars). "
                "Its words are highlighted in green below.", icon="🔎")
    marked = None  # the selected figure's highlight, as paragraphs_with_marks writes it
    if selected:
        chosen = figs.set_index("figure_id").loc[selected]
        words = escape_markdown(text[int(chosen["start"]):int(chosen["end"])])
        marked = f":blue-background[**{words}**]"
        if claim_span is None:  # a figure's sentence first, then the article
            st.info(f"Figure “{words}”: {escape_markdown(str(chosen['sentence']))} It is "
                    "highlighted below.", icon="📍")
    for block in paragraphs_with_marks(text, figs, selected, claim_span):
        if marked and marked in block:
            # the anchor a figure's link ends in (#fig-…): the browser scrolls here
            st.subheader(f"📍 {words}, the figure you followed", anchor=str(selected))
            marked = None
        st.markdown(block)
