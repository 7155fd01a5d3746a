"""Figures in a table written as text take their column's year, stage and payer from the
column's header, the words of which are their source:

     FY24 Enacted*  FY25 Request*  FY25 House  FY25 Senate FY25 Full-Year CR
    Non-Emergency $57.5 billion $63.1 billion  $52.7 billion $57.5 billion $58.6 billion

A header is a line that names two or more years (each column's label runs from its year to
the next); a row is a line below it, in the same block, with one figure for each column.
"""

from __future__ import annotations

import re

from etl import fastre as rx
from etl.extract.common import Extraction

# a column's year: "FY24", "FY 2025", "FY2025", "2023" (not a figure's digits, "$2024")
_YEAR_TOKEN = rx.compile(r"(?<![\w$.,])(?:FY\s?['’]?(?P<fy>\d{4}|\d{2})|(?P<cy>(?:19|20)\d\d))"
                         r"(?![\w,.]?\d)")
# a column's stage, from its label's words (the first that matches)
_COLUMN_STAGES = (
    (rx.compile(r"\b(?:enacted|actuals?|appropriat\w*|full-year\s+CR|CR|final|omnibus|"
                r"conference)\b", re.IGNORECASE), "appropriated"),
    (rx.compile(r"\b(?:request(?:ed)?|President['’]?s?\s+budget|PB)\b", re.IGNORECASE),
     "requested"),
    (rx.compile(r"\b(?:House|Senate|committee|bill)\b", re.IGNORECASE), "proposed"),
    (rx.compile(r"\bestimat\w*\b", re.IGNORECASE), "estimated"),
)
_PAYER_OF_STAGE = {"appropriated": "U.S. Congress", "proposed": "U.S. Congress",
                   "requested": "White House"}
# a line of prose that names years ("for fiscal years 2010 through 2014, and the"): no header
_PROSE = rx.compile(r"\b(?:and|or|to|through|the|of|in|for|from|with|between|than|since|by|"
                    r"was|were|is|are)\b|[.;,](?:\s|$)")
MAX_LABEL = 40  # a column label longer than this is prose, not a header
MAX_ROWS = 40  # how far below its header a table's rows are looked for


def _columns(line: str) -> list[tuple[int, str, str | None]] | None:
    """(year, label, stage) of each column a header line names, or None if it is no header."""
    years = list(_YEAR_TOKEN.finditer(line))
    if len(years) < 2 or "$" in line or _PROSE.search(line):
        return None
    out = []
    for m, nxt in zip(years, [*years[1:], None], strict=True):
        label = line[m.start() : nxt.start() if nxt else len(line)].strip(" \t|*")
        if len(label) > MAX_LABEL:
            return None
        raw = m.group("fy") or m.group("cy")
        year = int(raw) if len(raw) == 4 else 2000 + int(raw)
        stage = next((s for pattern, s in _COLUMN_STAGES if pattern.search(label)), None)
        out.append((year, label, stage))
    return out


def _stage_of_table_columns(result: Extraction, text: str) -> None:
    """Give each figure of a text table's row its column's year, stage and payer."""
    if not result.figures or "\n" not in text:
        return
    lines, at = [], 0
    for part in text.split("\n"):
        lines.append((at, at + len(part), part))
        at += len(part) + 1
    starts = sorted(f.start for f in result.figures)
    by_start = {f.start: f for f in result.figures}
    for k, (_, _, line) in enumerate(lines):
        columns = _columns(line) if _YEAR_TOKEN.search(line) else None
        if not columns:
            continue
        for a, b, row in lines[k + 1 : k + 1 + MAX_ROWS]:
            if not row.strip():
                break
            cells = [by_start[s] for s in starts if a <= s < b]
            if not cells:
                continue
            if len(cells) != len(columns):
                break  # prose again, or a row the header does not describe
            for f, (year, label, stage) in zip(cells, columns, strict=True):
                f.year, f.year_text, f.year_source = year, label, "table header"
                f.year_type = "fiscal" if ("FY" in label.upper() or stage) else "calendar"
                if stage is not None:
                    f.status, f.status_cue, f.status_source = stage, label, "table header"
                    payer = _PAYER_OF_STAGE.get(stage)
                    if payer and f.currency == "USD":
                        f.funder, f.funder_text, f.funder_source = payer, label, "table header"
