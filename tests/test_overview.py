"""Overview page (AppTest): metrics keep qualifiers; the chart carries sentences and gaps."""

from __future__ import annotations

import json

import pyarrow as pa
import pytest
from helpers import run_app

S1_START = "The Pentagon's counternarcotics funding for Mexico has nearly tripled"


@pytest.fixture(scope="module")
def at():
    return run_app()


def chart(at):
    element = at.get("vega_lite_chart")[0]
    spec = json.loads(element.proto.spec)
    data = pa.ipc.open_stream(element.proto.datasets[0].data.data).read_all().to_pandas()
    return spec, data


def test_renders_without_exceptions(at) -> None:
    assert not at.exception
    assert not at.error


def test_one_row_of_summary_metrics(at) -> None:
    metrics = {m.label: m.value for m in at.metric}
    assert len(metrics) <= 4  # a summary, not a card per figure
    # the latest value is the latest that is not a plan, with its qualifier
    assert metrics["Latest · 2010"] == "more than $34 million"
    assert metrics["Change 2008→2010 \\(nominal\\)"] == "at least 2.79×"
    assert metrics["Sources"] == "1" and metrics["Conflicts"] == "0"
    assert "$34 million" not in metrics.values()  # never without "more than"


def test_no_change_to_or_from_a_proposal() -> None:
    from dashboard.charts import chart_frame, headline
    from etl.schema import TABLES

    base = {name: None for name in TABLES["observations"].names}
    rows = [{**base, "series_id": "s", "series_label": "S", "currency": "USD", "year": y,
             "value": v, "qualifier": "exact", "status": st, "reported": True,
             "sentence": "x", "figure_text": "x"}
            for y, v, st in ((2009, 1e6, "reported"), (2010, 2e6, "reported"),
                             (2011, 9e6, "proposed"))]
    import pandas as pd

    summary = headline(chart_frame(pd.DataFrame(rows)))
    first, last, ratio, _ = summary.change
    assert (first["year"], last["year"], ratio) == (2009, 2010, 2.0)
    assert summary.latest["year"] == 2010


def test_tooltip_includes_the_source_sentence(at) -> None:
    spec, data = chart(at)
    for layer in spec["layer"]:
        if layer["mark"]["type"] in {"point", "rect"}:
            fields = {t["field"] for t in layer["encoding"]["tooltip"]}
            assert {"sentence", "value_label", "status_label", "year_type_label"} <= fields
    row = data[data["year"] == 2010].iloc[0]
    assert row["sentence"].startswith(S1_START)
    assert row["value_label"] == "more than $34 million"


def test_2009_is_marked_not_reported(at) -> None:
    _, data = chart(at)
    gap = data[data["year"] == 2009].iloc[0]
    assert not gap["reported"]
    assert gap["look"] == "Not reported"
    assert gap["value_label"] == "not reported in the sources"
    assert data[data["year"] == 2009]["value"].isna().all()


def test_each_kind_of_figure_has_its_own_look(at) -> None:
    _, data = chart(at)
    looks = dict(zip(data["year"], data["look"], strict=True))
    assert looks == {2008: "Estimate", 2009: "Not reported",
                     2010: "Lower bound (more than)", 2011: "Proposed"}


def test_caption_credits_the_original_producer(at) -> None:
    captions = " ".join(c.value for c in at.caption)
    assert "GAO estimates, via The Washington Post, 2010\\-11\\-11" in captions


def test_annotations_toggle_off() -> None:
    at = run_app(query={"notes": "false"})
    assert at.toggle(key="notes").value is False
    spec, _ = chart(at)
    texts = [layer for layer in spec["layer"] if layer["mark"]["type"] == "text"
             and layer["encoding"].get("text", {}).get("field") == "quote"]
    assert texts == []
    at.toggle(key="notes").set_value(True).run()
    spec, _ = chart(at)
    assert any(layer["encoding"].get("text", {}).get("field") == "quote"
               for layer in spec["layer"] if layer["mark"]["type"] == "text")
