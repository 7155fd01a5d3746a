"""A series more sources give than a chart can draw (issue 14, a corpus of 10,000
documents): the Overview draws each year's reconciled value with its range and says so,
instead of failing on Altair's 5,000-row limit; a single source's figures are all drawn."""

from __future__ import annotations

import json

import pyarrow as pa
from helpers import run_app


def chart_rows(at) -> list[dict]:
    """The rows the interactive chart draws (Streamlit sends its datasets as Arrow)."""
    proto = at.get("vega_lite_chart")[0].proto
    spec = json.loads(proto.spec)
    rows = [row for values in (spec.get("datasets") or {}).values() for row in values]
    for dataset in proto.datasets:
        rows += pa.ipc.open_stream(dataset.data.data).read_all().to_pylist()
    return rows


def test_beyond_the_setting_each_year_is_drawn_once(two_sources, monkeypatch) -> None:
    import dashboard.data

    monkeypatch.setattr(dashboard.data, "DATA_DIR", two_sources)
    every = run_app()
    assert not every.exception
    drawn = [r for r in chart_rows(every) if r.get("reported")]
    roles = {r["role"] for r in drawn}
    assert "shown" in roles and roles - {"shown"}  # both sources' figures drawn
    assert "more than one chart can show" not in " ".join(c.value for c in every.caption)

    monkeypatch.setenv("FUNDTRACE_MAX_FIGURES_DRAWN", "2")
    few = run_app()
    assert not few.exception
    kept = [r for r in chart_rows(few) if r.get("reported")]
    assert kept and {r["role"] for r in kept} == {"shown"}
    # one point a year, each with the range its sources allow where they agree
    assert len({r["year"] for r in kept}) == len(kept)
    notice = " ".join(c.value for c in few.caption)
    assert f"this series {len(drawn)} figures, more than one chart can show" in notice
    assert "FUNDTRACE_MAX_FIGURES_DRAWN" in notice
    assert len(kept) < len(drawn)

    # one source alone is drawn whole, whatever the setting
    source = run_app(query={"src": few.selectbox(key="src").options[1]})
    assert not source.exception
    assert "more than one chart can show" not in " ".join(c.value for c in source.caption)
