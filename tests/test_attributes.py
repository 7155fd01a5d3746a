"""One registry of figure attributes (issue 12): the Figure dataclass, the figures table,
the extract command's records, curation and the review table all agree with it."""

from __future__ import annotations

from dataclasses import fields

from etl.__main__ import figure_records
from etl.attributes import EDITABLE, FIGURE_ATTRIBUTES
from etl.extract import Figure
from etl.schema import TABLES


def test_every_attribute_is_a_field_and_a_column() -> None:
    names = [a.name for a in FIGURE_ATTRIBUTES]
    assert len(names) == len(set(names))
    figure_fields = {f.name for f in fields(Figure)}
    assert set(names) <= figure_fields
    # the fields that are not attributes are identity and bookkeeping, nothing else
    assert figure_fields - set(names) == {"figure_id", "sentence_index", "start", "end",
                                          "curated", "table_cell", "page"}
    columns = TABLES["figures"].names
    assert all(name in columns for name in names)


def test_records_and_review_follow_the_registry() -> None:
    record = figure_records("The Pentagon gave Mexico $5 million in 2010.\n")[0]
    assert {a.key for a in FIGURE_ATTRIBUTES} <= set(record)
    assert record["source"] is None and "attributed_source" not in record


def test_review_table_columns() -> None:
    import ast
    from pathlib import Path

    page = Path(__file__).resolve().parent.parent / "dashboard" / "views" / "add.py"
    source = page.read_text()
    assert 'REVIEW_COLUMNS = ["keep", "text", *EDITABLE]' in source
    ast.parse(source)



def test_editable_attributes_are_correctable() -> None:
    from etl.curation import _coerce

    assert "year" in EDITABLE and "kind" in EDITABLE and "text" not in EDITABLE
    for name in EDITABLE:
        try:
            _coerce(name, None)
        except ValueError as exc:  # required attributes say so, by name
            assert name in str(exc)
