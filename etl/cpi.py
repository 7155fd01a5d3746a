"""CPI-U reference data and constant-dollar conversion.

``value * cpi[base] / cpi[year]``, and nothing where the table has no year: a year the
CPI table does not cover gets no conversion and a note that says so. A fiscal-year amount
is converted with the annual average of the calendar year of the same number, an
approximation this module states in its notes (the U.S. federal fiscal year runs from
October of the year before to September).
"""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from pydantic import BaseModel, ConfigDict

FISCAL_NOTE = ("fiscal year converted with the calendar-year CPI-U average of the same "
               "number (the federal fiscal year starts the October before)")


class ReferenceMeta(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str
    title: str
    producer: str
    series: str
    citation: str
    url: str
    years: tuple[int, int]
    date_accessed: date
    license: str
    use: str


@dataclass(frozen=True)
class Cpi:
    index: dict[int, float]
    meta: ReferenceMeta | None = None

    @property
    def years(self) -> list[int]:
        return sorted(self.index)

    @property
    def latest(self) -> int:
        return max(self.index)

    def factor(self, year: int | None, base: int) -> float | None:
        if year is None or year not in self.index or base not in self.index:
            return None
        return self.index[base] / self.index[year]

    def convert(self, amount: float | None, year: int | None, base: int,
                year_type: str | None = None) -> tuple[float | None, str]:
        """(constant-dollar amount rounded to the dollar, note)."""
        if amount is None:
            return None, ""
        if year is None:
            return None, "no single year: not converted"
        if year not in self.index:
            return None, f"no CPI-U for {year} in the reference table: not converted"
        if base not in self.index:
            return None, f"no CPI-U for base year {base}: not converted"
        value = float(round(amount * self.index[base] / self.index[year]))
        note = f"CPI-U {self.index[year]:g} ({year}) to {self.index[base]:g} ({base})"
        if year_type == "fiscal":
            note += f"; {FISCAL_NOTE}"
        return value, note


def load_cpi(reference_dir: Path) -> Cpi:
    meta = ReferenceMeta.model_validate(
        json.loads((reference_dir / "cpi_u_annual.meta.json").read_text("utf-8")))
    with open(reference_dir / "cpi_u_annual.csv", newline="", encoding="utf-8") as fh:
        index = {int(row["year"]): float(row["cpi_u"]) for row in csv.DictReader(fh)}
    return Cpi(index=index, meta=meta)
