"""Constant dollars: exact CPI-U conversions, no extrapolation, the fiscal-year caveat."""

from __future__ import annotations

import csv
from decimal import ROUND_HALF_EVEN, Decimal

import pandas as pd
import pytest
from helpers import DATA, run_app

from etl.cpi import FISCAL_NOTE, load_cpi

CPI = load_cpi(DATA / "reference")
with open(DATA / "reference" / "cpi_u_annual.csv", encoding="utf-8") as fh:
    TABLE = {int(r["year"]): Decimal(r["cpi_u"]) for r in csv.DictReader(fh)}


def expected(amount: float, year: int, base: int) -> float:
    """The conversion done again in decimal arithmetic, rounded to the dollar."""
    value = Decimal(str(amount)) * TABLE[base] / TABLE[year]
    return float(value.quantize(Decimal(1), rounding=ROUND_HALF_EVEN))


def test_the_worked_example() -> None:
    assert CPI.convert(12.2e6, 2008, 2010)[0] == 12_355_997


def test_every_observation_and_base_year() -> None:
    obs = pd.read_csv(DATA / "tidy" / "observations.csv")
    reported = obs[obs.reported]
    checked = 0
    for row in reported.itertuples():
        for base in TABLE:
            got, note = CPI.convert(row.value, int(row.year), base, row.year_type)
            assert got == expected(row.value, int(row.year), base), (row.year, base)
            assert f"({row.year})" in note and f"({base})" in note
            checked += 1
    assert checked == len(reported) * len(TABLE) >= 3 * 25


def test_published_columns_use_the_latest_base_year() -> None:
    figs = pd.read_csv(DATA / "tidy" / "figures.csv")
    assert set(figs.constant_base_year) == {max(TABLE)}
    for f in figs.itertuples():
        assert f.amount_constant_usd == expected(f.amount_usd, int(f.year), max(TABLE))


@pytest.mark.parametrize("year", [1999, 2025, 1950])
def test_years_outside_the_table_are_not_converted(year: int) -> None:
    value, note = CPI.convert(1e6, year, 2010)
    assert value is None
    assert f"no CPI-U for {year}" in note


def test_no_year_no_conversion() -> None:
    assert CPI.convert(1e6, None, 2010) == (None, "no single year: not converted")


def test_fiscal_years_state_their_approximation() -> None:
    _, note = CPI.convert(50e6, 2011, 2024, "fiscal")
    assert FISCAL_NOTE in note
    obs = pd.read_csv(DATA / "tidy" / "observations.csv")
    fy = obs[obs.year_type == "fiscal"]
    assert len(fy) and fy.constant_note.str.contains("fiscal year converted").all()


def chart_data(at):
    import pyarrow as pa

    element = at.get("vega_lite_chart")[0]
    return pa.ipc.open_stream(element.proto.datasets[0].data.data).read_all().to_pandas()


def test_overview_in_constant_dollars() -> None:
    import json

    at = run_app(query={"basis": "constant", "base": "2010"})
    assert not at.exception
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Latest · 2010"] == "more than $34 million (2010 dollars)"
    assert metrics["Change 2008→2010 \\(real\\)"] == "at least 2.75×"
    data = chart_data(at)
    assert data.loc[data.year == 2008, "value_label"].iloc[0] == "$12.36 million (2010 dollars)"
    spec = json.loads(at.get("vega_lite_chart")[0].proto.spec)
    titles = [layer["encoding"]["y"].get("axis", {}).get("title") for layer in spec["layer"]
              if "y" in layer["encoding"]]
    assert "Funding, constant 2010 U.S. dollars (CPI-U)" in titles
    description = " ".join(m.value for m in at.markdown if "Chart description" in m.value)
    assert "constant 2010 U\\.S\\. dollars" in description
