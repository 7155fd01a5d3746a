"""Sources page (AppTest): highlighted figures, escaped text, provenance of a selection."""

from __future__ import annotations

from helpers import SECOND_ID, SEED_ID, markdown_text, run_app


def test_renders_with_every_figure_highlighted() -> None:
    at = run_app("sources")
    assert not at.exception and not at.error
    text = markdown_text(at)
    for figure in ("12\\.2 million", "34 million", "50 million"):
        assert f":orange-background[**\\${figure}**]" in text
    assert text.count(":orange-background[") == 3
    assert not at.info  # no figure asked for: no callout


def test_deep_link_selects_a_figure_and_shows_its_provenance() -> None:
    from dashboard.data import load_tables

    figures = load_tables().figures
    fid = figures.loc[figures.text == "$34 million", "figure_id"].iloc[0]
    at = run_app("sources", query={"figure": fid})
    text = markdown_text(at)
    assert ":blue-background[**\\$34 million**]" in text
    assert "observations\\: series department\\-of\\-defense" in text
    assert "nearly tripled" in text
    captions = " ".join(c.value for c in at.caption)
    assert "Characters 924–935" in captions
    # the figure's sentence comes first in the article column, above the article itself
    notes = [e.value for e in at.info]
    assert len(notes) == 1 and "Figure “\\$34 million”" in notes[0]
    assert "more than \\$34 million" in notes[0]


def test_unknown_figure_in_link_gives_a_notice() -> None:
    at = run_app(query={"figure": "fig-<script>"})
    assert not at.exception
    assert [w.value for w in at.warning] == [
        "The link's value for “figure” is not valid here; showing the default instead."]
    assert "<script>" not in "".join(m.value for m in at.markdown)


def test_picker_lists_titles_and_links_keep_ids(two_sources, monkeypatch) -> None:
    import dashboard.data

    monkeypatch.setattr(dashboard.data, "DATA_DIR", two_sources)
    at = run_app("sources", query={"doc": SECOND_ID})
    picker = at.selectbox(key="doc_pick")
    assert picker.value == SECOND_ID  # the link's source
    assert "Pentagon widens Mexico role · Test Wire, 2011-03-01" in picker.options
    assert SECOND_ID not in picker.options and SEED_ID not in picker.options
    assert at.subheader[0].value == "Pentagon widens Mexico role"
    picker.set_value(SEED_ID).run()
    assert not at.exception
    assert at.query_params["doc"] in (SEED_ID, [SEED_ID])  # the link keeps the id
    assert any("The Washington Post ·" in c.value for c in at.caption)  # the seed shown
