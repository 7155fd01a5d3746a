"""A link to a figure (issue 15): it ends in the figure's anchor, and Sources sets that
anchor as a heading just above the paragraph that holds the figure, so the browser scrolls
there (tests/browser/test_figure_scroll.py opens one)."""

from __future__ import annotations

from helpers import run_app

from dashboard.state import share_url


def test_figure_links_end_in_the_figure_anchor() -> None:
    link = share_url("http://x/", "sources", {"doc": "doc-a", "figure": "fig-0123456789"},
                     "abc12345")
    assert link == "http://x/sources?doc=doc-a&figure=fig-0123456789&v=abc12345#fig-0123456789"
    assert "#" not in share_url("http://x/", "sources", {"doc": "doc-a"}, "abc12345")
    # only a well-formed figure id becomes an anchor
    assert "#" not in share_url("http://x/", "sources", {"figure": "fig-<b>"}, "abc12345")


def test_the_anchor_sits_above_the_figure_paragraph() -> None:
    from dashboard.data import load_tables

    figures = load_tables().figures
    fid = figures.loc[figures.text == "$50 million", "figure_id"].iloc[0]
    at = run_app("sources", query={"figure": fid})
    assert not at.exception
    anchors = [h for h in at.subheader if h.proto.anchor == fid]
    assert len(anchors) == 1
    assert anchors[0].value == "📍 \\$50 million, the figure you followed"
    # the next text after the anchor is the paragraph with the highlighted figure
    shown = list(_texts(at.main))
    i = shown.index(("subheader", anchors[0].value))
    assert shown[i + 1][0] == "markdown"
    assert ":blue-background[**\\$50 million**]" in shown[i + 1][1]


def _texts(node):
    """(type, value) of every heading and markdown element, in page order."""
    for child in getattr(node, "children", {}).values():
        if getattr(child, "type", None) in {"markdown", "subheader"}:
            yield child.type, child.value
        yield from _texts(child)
