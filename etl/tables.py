"""Money tables: budget figures that sit in tables rather than sentences.

Tables are read from a source's original: HTML ``<table>`` elements (Beautiful Soup) and,
in PDFs, the pages whose text looks tabular (pdfplumber finds the cells; reading every
page with it would be several times slower). Each table is appended to the source's text
as a titled block of row lines, so every cell has a character span like any figure, and
``tables.json`` records the rows, the caption, the unit and where each cell sits.

``table_figures`` turns the numeric cells into figures: the amount times the unit from the
caption or headers ("dollars in millions", "($000)"); the year, year type and stage from
the column header ("FY2011 Request"); the recipient (a country) or purpose from the row
label; the payer from the caption. A row labelled total or subtotal is marked as such
(kind "total") and kept out of the series, so nothing is counted twice.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from etl.lexicon import AGENCIES, COUNTRIES

_UNITS = [
    (re.compile(r"\$\s?000s?\b|\(\s*\$?\s*000s?\s*\)|in thousands|thousands of dollars",
                re.IGNORECASE), 1e3, "thousands of dollars"),
    (re.compile(r"in millions|millions of dollars|\$\s?millions?\b|\(\s*\$?\s*m\s*\)|"
                r"dollars in millions|\$ in millions", re.IGNORECASE), 1e6,
     "millions of dollars"),
    (re.compile(r"in billions|billions of dollars|\$\s?billions?\b|dollars in billions|"
                r"\$ in billions", re.IGNORECASE), 1e9, "billions of dollars"),
]
_NUMBER = re.compile(r"^\(?-?\$?\s?(?P<num>\d{1,3}(?:,\d{3})+|\d+)(?:\.(?P<dec>\d+))?\)?\*?$")
_YEAR = re.compile(r"\b(?:(?P<fy>FY|fiscal\s+year)\s?'?)?(?P<year>(?:19|20)\d\d)\b",
                   re.IGNORECASE)
_STAGE_WORDS = [
    (re.compile(r"request", re.IGNORECASE), "requested"),
    (re.compile(r"enacted|appropriat", re.IGNORECASE), "appropriated"),
    (re.compile(r"estimate", re.IGNORECASE), "estimated"),
    (re.compile(r"obligat", re.IGNORECASE), "obligated"),
    (re.compile(r"disburs|expend|outlay|spent", re.IGNORECASE), "disbursed"),
    (re.compile(r"authoriz", re.IGNORECASE), "authorized"),
    (re.compile(r"actual", re.IGNORECASE), "reported"),
]
_TOTAL = re.compile(r"\b(?:sub)?totals?\b", re.IGNORECASE)
_TABULAR_LINE = re.compile(r"(?:\d[\d,.]*\D+){2,}\d")  # a line with three numbers or more


@dataclass
class Table:
    caption: str
    rows: list[list[str]]  # the first row is the header
    page: int | None = None
    unit: float = 1.0
    unit_text: str = "dollars"
    cells: list[list[tuple[int, int]]] = field(default_factory=list)  # spans, set by render

    def as_record(self) -> dict:
        return {"caption": self.caption, "rows": self.rows, "page": self.page,
                "unit": self.unit, "unit_text": self.unit_text,
                "cells": [[list(c) for c in row] for row in self.cells]}

    @classmethod
    def from_record(cls, record: dict) -> Table:
        return cls(record["caption"], record["rows"], record.get("page"), record["unit"],
                   record["unit_text"], [[tuple(c) for c in row] for row in record["cells"]])


def _unit(*texts: str) -> tuple[float, str]:
    for text in texts:
        for pattern, factor, words in _UNITS:
            if pattern.search(text or ""):
                return factor, words
    return 1.0, "dollars"


def _clean(cell: object) -> str:
    return re.sub(r"\s+", " ", str(cell or "")).strip()


def _money_table(caption: str, rows: list[list[str]], page: int | None) -> Table | None:
    """A Table if these rows hold money (a header and numeric cells), else None."""
    rows = [[_clean(c) for c in row] for row in rows if any(_clean(c) for c in row)]
    if len(rows) < 2 or len(rows[0]) < 2:
        return None
    numeric = sum(1 for row in rows[1:] for c in row[1:] if _NUMBER.match(c))
    if numeric == 0:
        return None
    header_text = " ".join(rows[0])
    money_words = re.search(r"\$|dollar|fund|budget|appropriat|request|obligat|aid|"
                            r"assistance|million|billion|thousand",
                            caption + " " + header_text, re.IGNORECASE)
    if not money_words:
        return None
    unit, unit_text = _unit(caption, header_text, rows[0][0])
    return Table(caption[:300], rows, page, unit, unit_text)


def html_tables(html: str) -> list[Table]:
    """The money tables of an HTML page, each with its caption (the <caption>, or the
    heading or paragraph just before the table)."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "html.parser")
    out = []
    for element in soup.find_all("table"):
        caption_tag = element.find("caption")
        caption = _clean(caption_tag.get_text(" ")) if caption_tag else ""
        if not caption:
            before = element.find_previous(["h1", "h2", "h3", "h4", "p"])
            caption = _clean(before.get_text(" ")) if before else ""
        rows = [[c.get_text(" ") for c in tr.find_all(["th", "td"])]
                for tr in element.find_all("tr")]
        table = _money_table(caption, rows, None)
        if table is not None:
            out.append(table)
    return out


def pdf_tables(data: bytes, page_texts: list[str]) -> list[Table]:
    """The money tables of a PDF: only pages whose text has lines of several numbers are
    handed to pdfplumber; the caption is the page's line that opens with "Table"."""
    import io

    candidates = [n for n, text in enumerate(page_texts)
                  if sum(bool(_TABULAR_LINE.search(line)) for line in text.splitlines()) >= 2]
    if not candidates:
        return []
    import pdfplumber

    out = []
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for n in candidates:
            lines = page_texts[n].splitlines()
            caption = next((line for line in lines if re.match(r"\s*Table\b", line, re.I)),
                           lines[0] if lines else "")
            for rows in pdf.pages[n].extract_tables():
                table = _money_table(_clean(caption), rows, n + 1)
                if table is not None:
                    out.append(table)
    return out


def render(tables: list[Table], start: int) -> str:
    """The tables as text to append at offset ``start``: a title line, then one line a row
    with cells joined by " | "; each table's cell spans are set."""
    parts: list[str] = []
    at = start
    for n, table in enumerate(tables, 1):
        title = (table.caption if re.match(r"Table\b", table.caption, re.IGNORECASE)
                 else f"Table {n}: {table.caption or 'untitled'}")
        if _unit(table.caption)[0] == 1.0:  # say the unit where the caption does not
            title += f" ({table.unit_text})"
        parts.append(title + "\n")
        at += len(title) + 1
        table.cells = []
        for row in table.rows:
            spans, line = [], ""
            for k, cell in enumerate(row):
                if k:
                    line += " | "
                spans.append((at + len(line), at + len(line) + len(cell)))
                line += cell
            parts.append(line + "\n")
            table.cells.append(spans)
            at += len(line) + 1
        parts.append("\n")
        at += 1
    return "".join(parts)


def _names(table: dict[str, list[str]]) -> list[tuple[re.Pattern[str], str]]:
    return [(re.compile(rf"(?<![\w.]){re.escape(alias)}(?![\w])"), name)
            for name, aliases in table.items() for alias in aliases]


_COUNTRY_NAMES = _names(COUNTRIES)
_AGENCY_NAMES = _names(AGENCIES)


def _first_name(text: str, names: list[tuple[re.Pattern[str], str]]) -> str | None:
    hits = [(m.start(), name) for pattern, name in names for m in [pattern.search(text)] if m]
    return min(hits)[1] if hits else None


@dataclass(frozen=True)
class TableFigure:
    start: int
    end: int
    text: str
    amount: float
    year: int | None
    year_type: str | None
    year_text: str | None
    status: str
    status_cue: str | None
    funder: str | None
    funder_text: str | None
    recipient: str | None
    purpose: str | None
    kind: str
    cell: str  # "Table 1, row Mexico, column FY2011 Request"
    row_line: tuple[int, int]  # the span of the row's line
    page: int | None  # the PDF page of its table


def table_figures(tables: list[Table]) -> list[TableFigure]:
    out = []
    for n, table in enumerate(tables, 1):
        header = table.rows[0]
        caption_fiscal = bool(re.search(r"fiscal|FY", table.caption + " " + " ".join(header)))
        funder = _first_name(table.caption, _AGENCY_NAMES)
        for r, row in enumerate(table.rows[1:], 1):
            label = row[0] if row else ""
            total = bool(_TOTAL.search(label))
            recipient = None if total else _first_name(label, _COUNTRY_NAMES)
            for k, cell in enumerate(row[1:], 1):
                m = _NUMBER.match(cell)
                if not m or k >= len(header):
                    continue
                number = float(m.group("num").replace(",", "") + (
                    "." + m.group("dec") if m.group("dec") else ""))
                if cell.startswith("(") or "-" in cell[:2]:
                    number = -number
                column = header[k]
                year_match = _YEAR.search(column)
                year = int(year_match.group("year")) if year_match else None
                fiscal = bool(year_match and (year_match.group("fy") or caption_fiscal))
                stage = next(((s, p.search(column).group()) for p, s in _STAGE_WORDS
                              if p.search(column)), ("reported", None))
                start, end = table.cells[r][k]
                out.append(TableFigure(
                    start=start, end=end, text=cell, amount=number * table.unit, year=year,
                    year_type=("fiscal" if fiscal else "calendar") if year else None,
                    year_text=column if year else None, status=stage[0],
                    status_cue=stage[1], funder=funder,
                    funder_text=table.caption if funder else None, recipient=recipient,
                    purpose=None if recipient or total else (label or None),
                    kind="total" if total else "amount",
                    cell=f"Table {n}, row {label or r}, column {column}"
                         + (f", page {table.page}" if table.page else ""),
                    row_line=(table.cells[r][0][0], table.cells[r][-1][1]),
                    page=table.page))
    return out


def with_table_figures(result: object, tables: list[dict] | None, tables_start: int | None,
                       doc_key: str) -> None:
    """Replace whatever the sentence reader found in a source's table lines with the
    figures of its tables' cells (``result``: an etl.extract.Extraction)."""
    if not tables or tables_start is None:
        return
    from bisect import bisect_right

    from etl.extract import Figure, _stable_id

    starts = [s.start for s in result.sentences]  # type: ignore[attr-defined]
    kept = [f for f in result.figures if f.start < tables_start]  # type: ignore[attr-defined]
    for t in table_figures([Table.from_record(r) for r in tables]):
        kept.append(Figure(
            figure_id=_stable_id("fig", doc_key, "table", t.start, t.text),
            sentence_index=max(0, bisect_right(starts, t.row_line[0]) - 1),
            start=t.start, end=t.end, text=t.text, amount=t.amount, amount_high=None,
            currency="USD", currency_source="table", qualifier="exact", qualifier_text=None,
            year=t.year,
            year_type=t.year_type, year_text=t.year_text, funder=t.funder,
            recipient=t.recipient, purpose=t.purpose, status=t.status, status_cue=t.status_cue,
            attributed_source=None, year_source="table header" if t.year else None,
            funder_source="table caption" if t.funder else None, funder_text=t.funder_text,
            status_source="table header" if t.status_cue else None, kind=t.kind,
            table_cell=t.cell, page=t.page))
    result.figures = sorted(kept, key=lambda f: f.start)  # type: ignore[attr-defined]


def extract_with_tables(text: str, doc_key: str, published: object,
                        snapshot: dict | None) -> object:
    """What the machine finds in a new source: its sentences' figures, and its tables'
    cells where its snapshot record has tables (an etl.extract.Extraction)."""
    from etl.extract import extract

    result = extract(text, doc_key, published)  # type: ignore[arg-type]
    if snapshot:
        with_table_figures(result, snapshot.get("tables"), snapshot.get("tables_start"),
                           doc_key)
    return result
