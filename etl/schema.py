"""The published tables: their columns, types and descriptions, in one place.

The build, ``datapackage.json``, the dashboard's column help and the tests all read this.
Types are Frictionless Table Schema types.
"""

from __future__ import annotations

from dataclasses import dataclass

import pyarrow as pa

from etl.attributes import FIGURE_ATTRIBUTES
from etl.lexicon import STAGES


@dataclass(frozen=True)
class Column:
    name: str
    type: str  # string | integer | number | boolean | date
    description: str


@dataclass(frozen=True)
class Table:
    name: str
    title: str
    description: str
    primary_key: tuple[str, ...]
    columns: tuple[Column, ...]

    @property
    def names(self) -> list[str]:
        return [c.name for c in self.columns]


ARROW_TYPES = {"string": pa.string(), "integer": pa.int64(), "number": pa.float64(),
               "boolean": pa.bool_(), "date": pa.string()}


def arrow_schema(table: Table) -> pa.Schema:
    """The Arrow types of a table's columns (the rows, the cache and both twins use them)."""
    return pa.schema([pa.field(c.name, ARROW_TYPES[c.type]) for c in table.columns])


def typed(name: str, rows: list[dict]) -> pa.Table:
    """Rows (dicts) as an Arrow table typed by the published table ``name``'s schema."""
    return pa.Table.from_pylist(rows, schema=arrow_schema(TABLES[name]))


_SENTENCE = Column("sentence", "string", "The source sentence, verbatim")
_STAGES = "; ".join(f"{name}: {meaning}" for name, meaning in STAGES.items())
_DOC = Column("document_id", "string", "Source document (see the documents table)")
_SID = Column("sentence_id", "string", "Sentence the item was found in (see the sentences table)")

TABLES: dict[str, Table] = {
    "documents": Table(
        "documents", "Documents", "Source articles, one row each, with their origin.",
        ("document_id",),
        (
            Column("document_id", "string", "Stable slug of the source"),
            Column("title", "string", "Headline or title as published"),
            Column("publisher", "string", "Publisher of the source"),
            Column("author", "string", "Author(s), if named"),
            Column("date_published", "date", "Date the source was published"),
            Column("url", "string", "Address of the source, if known"),
            Column("page", "string", "Which page or part of the source the text covers"),
            Column("date_added", "date", "Date the source was added to this dataset"),
            Column("rights", "string", "Copyright holder and terms for the source text"),
            Column("citation", "string", "How to cite the source"),
            Column("chars", "integer", "Length of the stored text in characters"),
            Column("text_sha256", "string", "SHA-256 of the stored text (UTF-8)"),
            Column("n_sentences", "integer", "Sentences found in the text"),
            Column("n_figures", "integer", "Money figures found in the text"),
            Column("text_shared", "boolean",
                   "Whether every sentence of the text is in the sentences table; false "
                   "where its rights allow quotation only: then only the sentences that "
                   "give a figure or a claim are"),
        ),
    ),
    "sentences": Table(
        "sentences", "Sentences", "Every sentence of every source with its character span (of a "
        "source whose rights allow quotation only: the sentences that give a figure or a "
        "claim).",
        ("sentence_id",),
        (
            _SID, _DOC,
            Column("index", "integer", "Position of the sentence in its document, from 0"),
            Column("paragraph", "integer", "Paragraph (line) number in the document, from 0"),
            Column("kind", "string",
                   "body: ends with sentence punctuation; heading: title, byline or dateline"),
            Column("start", "integer", "Offset of the first character in the document text"),
            Column("end", "integer", "Offset just past the last character"),
            Column("text", "string", "The sentence, verbatim"),
            Column("n_figures", "integer", "Money figures found in the sentence"),
        ),
    ),
    "figures": Table(
        "figures", "Money figures", "Each money figure a source states, with what it means "
        "and where it was said.", ("figure_id",),
        (
            Column("figure_id", "string", "Stable identifier of the figure"),
            _DOC, _SID,
            Column("start", "integer", "Offset of the figure's text in the document"),
            Column("end", "integer", "Offset just past the figure's text"),
            Column("page", "integer",
                   "Page of the source PDF holding the figure; empty for a text source"),
            Column("table_cell", "string",
                   "For a figure read from a table: the table, row and column of its cell"),
            *(Column(a.name, a.type, a.description) for a in FIGURE_ATTRIBUTES),
            Column("amount_usd", "number", "Amount in U.S. dollars, nominal; empty if not USD"),
            Column("amount_high_usd", "number", "High end of a USD range; empty otherwise"),
            Column("amount_constant_usd", "number",
                   "amount_usd in constant dollars of constant_base_year (CPI-U), rounded to "
                   "the dollar; empty where the CPI-U table has no conversion"),
            Column("amount_high_constant_usd", "number", "amount_high_usd in constant dollars"),
            Column("constant_base_year", "integer", "Base year of the constant-dollar columns"),
            Column("constant_note", "string",
                   "How the constant-dollar value was made, or why there is none"),
            Column("curated", "string",
                   "Attributes a person corrected (\"added\" for a figure a person added); "
                   "empty: as the machine extracted it"),
            Column("series_id", "string", "Series the figure belongs to in observations"),
            _SENTENCE,
        ),
    ),
    "claims": Table(
        "claims", "Claims", "Verbal change and comparison claims (\"nearly tripled\"), linked "
        "to the figures they compare.", ("claim_id",),
        (
            Column("claim_id", "string", "Stable identifier of the claim"),
            _DOC, _SID,
            Column("start", "integer", "Offset of the claim's text in the document"),
            Column("end", "integer", "Offset just past the claim's text"),
            Column("text", "string", "The claim as written, e.g. nearly tripled"),
            Column("kind", "string", "change (X-fold, percent) | comparison (a fraction of ...)"),
            Column("claim_qualifier", "string", "Hedge on the claim, e.g. nearly"),
            Column("stated_ratio", "number", "The ratio the words state (tripled: 3)"),
            Column("base_figure_id", "string", "Figure the change starts from"),
            Column("compared_figure_id", "string", "Figure the change ends at"),
            Column("computed_ratio", "number", "compared / base, from the figures"),
            Column("computed_ratio_qualifier", "string",
                   "exact | approximate | lower_bound | upper_bound | range | unknown: what the "
                   "figures' bounds make of the ratio"),
            Column("compared_to", "string", "For comparisons: what the money is compared with"),
            Column("note", "string", "Why a claim has no computed ratio"),
            Column("stated_low", "number", "Lowest ratio the claim's words allow"),
            Column("stated_high", "number", "Highest ratio the words allow (empty: no limit)"),
            Column("nominal_low", "number", "Lowest ratio the figures allow, nominal dollars"),
            Column("nominal_high", "number", "Highest ratio the figures allow (empty: none)"),
            Column("real_low", "number", "Lowest ratio the figures allow, constant dollars"),
            Column("real_high", "number", "Highest ratio, constant dollars (empty: none)"),
            Column("verdict_nominal", "string",
                   "consistent | inconsistent | not checkable from the sources (nominal)"),
            Column("verdict_real", "string", "The same verdict in constant dollars"),
            Column("rule", "string", "The rule the verdict used, in words"),
            _SENTENCE,
        ),
    ),
    "observations": Table(
        "observations", "Observations",
        "One row per series and year, ready to chart; a year inside a series' span that no "
        "source gives has an empty value and a missing_reason.", ("series_id", "year"),
        (
            Column("series_id", "string", "funder, recipient, purpose and currency, as a slug"),
            Column("series_label", "string", "Readable name of the series"),
            Column("funder", "string", "Who pays"),
            Column("recipient", "string", "Country that receives the money"),
            Column("purpose", "string", "What the money is for"),
            Column("currency", "string", "ISO 4217 code"),
            Column("year", "integer", "Year"),
            Column("year_type", "string", "fiscal | calendar; empty for a year not reported"),
            Column("value", "number", "Amount (low end of a range); empty when not reported"),
            Column("value_high", "number", "High end of a range"),
            Column("value_constant", "number",
                   "value in constant dollars of constant_base_year (CPI-U, USD only)"),
            Column("value_high_constant", "number", "value_high in constant dollars"),
            Column("constant_base_year", "integer", "Base year of the constant-dollar columns"),
            Column("constant_note", "string",
                   "How the constant-dollar value was made, or why there is none"),
            Column("qualifier", "string",
                   "exact | approximate | lower_bound | upper_bound | range; empty when missing"),
            Column("status", "string", _STAGES + "; not_reported: no source gives this year"),
            Column("reported", "boolean", "True when a source gives a value for this year"),
            Column("missing_reason", "string", "Why the value is empty"),
            Column("figure_id", "string", "The figure behind the value"),
            Column("figure_text", "string", "The figure as written"),
            Column("n_figures", "integer",
                   "Figures that give this series and year (all in series_figures); the one "
                   "shown is chosen by the rule in the rule column"),
            Column("attributed_source", "string", "Who the sentence credits for the figure"),
            _DOC, _SID, _SENTENCE,
            Column("n_sources", "integer", "Source documents that give this series and year"),
            Column("agreement", "string",
                   "one figure | consistent (the compared figures' intervals share a part) "
                   "| conflict (they do not); empty for a year not reported"),
            Column("reconciled_low", "number",
                   "Low end of the part all compared figures allow (empty on a conflict)"),
            Column("reconciled_high", "number",
                   "High end of that part; empty when it has no upper end or on a conflict"),
            Column("year_type_warning", "string",
                   "Set when fiscal-year and calendar-year figures are compared"),
            Column("shown_because", "string", "Why this figure is the one shown"),
            Column("rule", "string", "The reconciliation rule, in words"),
        ),
    ),
    "series_figures": Table(
        "series_figures", "Figures by series and year",
        "Every figure that gives a series and year, one row each, with the interval its "
        "words allow and its role in the reconciliation (observations holds the result).",
        ("series_id", "year", "figure_id"),
        (
            Column("series_id", "string", "The series (see observations)"),
            Column("year", "integer", "Year"),
            Column("figure_id", "string", "The figure (see figures)"),
            _DOC,
            Column("date_published", "date", "Date its source was published"),
            Column("role", "string",
                   "shown | agrees (its interval meets the shown one's) | conflicts | other "
                   "stage (a different kind of stage: kept, not compared)"),
            Column("year_type", "string", "fiscal | calendar"),
            Column("value", "number", "Amount (low end of a range)"),
            Column("value_high", "number", "High end of a range"),
            Column("interval_low", "number", "Lowest amount the words allow"),
            Column("interval_high", "number",
                   "Highest amount the words allow; empty when they set no upper end"),
            Column("qualifier", "string",
                   "exact | approximate | lower_bound | upper_bound | range"),
            Column("status", "string", _STAGES),
            Column("figure_text", "string", "The figure as written"),
            Column("attributed_source", "string", "Who the sentence credits for the figure"),
            _SID, _SENTENCE,
        ),
    ),
    "curations": Table(
        "curations", "Curations",
        "Each human correction (data/curation/), and whether it still applies to the "
        "machine's output.", ("curation_id",),
        (
            Column("curation_id", "string", "Stable identifier of the record"),
            _DOC,
            Column("action", "string", "set (an attribute) | drop (a false positive) | add"),
            Column("start", "integer", "Offset of the figure's text in the document"),
            Column("end", "integer", "Offset just past it"),
            Column("text", "string", "The figure's text the record is tied to"),
            Column("attribute", "string", "For set: the attribute corrected"),
            Column("value", "string", "For set: the person's value"),
            Column("machine_value", "string", "For set: what the machine had said"),
            Column("reason", "string", "Why, in the person's words"),
            Column("at", "string", "When (UTC, ISO 8601)"),
            Column("status", "string", "applied | orphaned (its span no longer matches)"),
            Column("problem", "string", "Why an orphaned record no longer applies"),
            Column("figure_id", "string", "The figure it applies to"),
        ),
    ),
    "cpi_u": Table(
        "cpi_u", "CPI-U (reference)",
        "Consumer Price Index for All Urban Consumers, U.S. city average, annual averages "
        "(1982-84=100), from the U.S. Bureau of Labor Statistics (series CUUR0000SA0).",
        ("year",),
        (
            Column("year", "integer", "Calendar year"),
            Column("cpi_u", "number", "Annual average index, 1982-84=100"),
        ),
    ),
}
