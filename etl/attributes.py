"""Every attribute of a money figure, declared once.

The figures table's columns, the ``extract`` command's records, the build's rows, what a
person may correct (curation and the Add page's review table) and what the Sources reader
lists are all generated from ``FIGURE_ATTRIBUTES``; ``etl.extract.Figure`` holds one field
for each (a test checks that they agree). A new attribute is one line here and one field
on ``Figure``.
"""

from __future__ import annotations

from dataclasses import dataclass

from etl.lexicon import STAGES

PROVENANCE = ("sentence (the figure's own) | previous sentence | heading | document date "
              "(the source's publication date, for \"today\") | later sentence (a "
              "headline's figure restated in the body) | next sentence (the bill's stage "
              "said next) | document (what the whole story is about, e.g. the budget it says "
              "was signed) | table header (the header of the figure's column in a table written as "
              "text) | curation (a person); empty when "
              "none was found")


@dataclass(frozen=True)
class Attribute:
    name: str
    type: str  # Frictionless Table Schema type of its column
    description: str
    editable: bool = False  # a person may correct it (curation, the review table)
    cli_name: str | None = None  # its key in `etl extract` records, when not its name

    @property
    def key(self) -> str:
        return self.cli_name or self.name


FIGURE_ATTRIBUTES: tuple[Attribute, ...] = (
    Attribute("text", "string", "The figure as written, e.g. $12.2 million"),
    Attribute("amount", "number", "Amount in units of the currency (low end of a range)",
              editable=True),
    Attribute("amount_high", "number", "High end of a range; empty otherwise", editable=True),
    Attribute("currency", "string", "ISO 4217 code; XXX when the text does not settle it",
              editable=True),
    Attribute("currency_text", "string",
              "The words that set the currency when not the figure's own sign or word, e.g. "
              "Canadian (a story about Canada, whose $ is the Canadian dollar)"),
    Attribute("currency_source", "string",
              "Where the currency came from: sentence (the figure's sign or word, with a "
              "country named beside an ambiguous word such as pesos) | document (a story "
              "about one country whose own dollar $ stands for) | table (a table's figures "
              "are read as U.S. dollars) | curation (a person)"),
    Attribute("qualifier", "string", "exact | approximate | lower_bound | upper_bound | range",
              editable=True),
    Attribute("qualifier_text", "string", "The words that set the qualifier, e.g. more than"),
    Attribute("year", "integer",
              "Year the money is for; empty for a span of years, a total since a year, or "
              "when nothing names one", editable=True),
    Attribute("year_type", "string",
              "fiscal (fiscal year or budget year) | calendar (a year not marked fiscal); "
              "empty when there is no single year", editable=True),
    Attribute("year_text", "string", "The words that gave the year, e.g. 2011 budget"),
    Attribute("year_source", "string", "Where the year came from: " + PROVENANCE),
    Attribute("funder", "string", "Who pays, as a canonical name", editable=True),
    Attribute("funder_text", "string", "The words that named the payer"),
    Attribute("funder_source", "string", "Where the payer came from: " + PROVENANCE),
    Attribute("recipient", "string", "Country that receives the money", editable=True),
    Attribute("purpose", "string", "What the money is for, in short", editable=True),
    Attribute("status", "string", "The budget stage. " + "; ".join(
        f"{name}: {meaning}" for name, meaning in STAGES.items()), editable=True),
    Attribute("status_cue", "string", "The words that set the stage"),
    Attribute("status_source", "string",
              "Where the stage came from (empty: no cue, so reported): " + PROVENANCE),
    Attribute("attributed_source", "string",
              "Who the sentence credits for the figure, e.g. the Government Accountability "
              "Office", editable=True, cli_name="source"),
    Attribute("kind", "string",
              "amount | cumulative (a total over several years or to date) | rate (a yearly "
              "amount) | total (a table's total or subtotal row: kept out of the series)",
              editable=True),
    Attribute("review", "string",
              "Why a person should look at this figure before it is believed: an amount beyond "
              "any budget, or digits the reading may have lost (scientific notation, more "
              "digits than can be kept exactly); such a figure enters no series. Empty when "
              "none"),
)

BY_NAME = {a.name: a for a in FIGURE_ATTRIBUTES}
EDITABLE: tuple[str, ...] = tuple(a.name for a in FIGURE_ATTRIBUTES if a.editable)
# Values a corrected attribute may take, where they are a closed list.
CHOICES: dict[str, tuple[str, ...]] = {
    "qualifier": ("exact", "approximate", "lower_bound", "upper_bound", "range"),
    "status": tuple(STAGES),
    "year_type": ("fiscal", "calendar"),
    "kind": ("amount", "cumulative", "rate", "total"),
}


def values(figure: object) -> dict[str, object]:
    """A figure's attributes by name (the build's and the review table's columns)."""
    return {a.name: getattr(figure, a.name) for a in FIGURE_ATTRIBUTES}


def records(figure: object) -> dict[str, object]:
    """A figure's attributes by their `etl extract` keys."""
    return {a.key: getattr(figure, a.name) for a in FIGURE_ATTRIBUTES}
