"""Helpers the tests share: paths, the seed text, and running the dashboard in AppTest."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
SEED_ID = "wapo-2010-11-11-military-mexico-cartels"
SEED_TEXT = (DATA / "sources" / SEED_ID / "article.txt").read_text("utf-8")


APP = str(ROOT / "dashboard" / "app.py")


def run_app(page: str | None = None, query: dict[str, str] | None = None, timeout: float = 60):
    """An AppTest of the dashboard, run once, on ``page`` (a file under dashboard/views)."""
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(APP, default_timeout=timeout)
    for key, value in (query or {}).items():
        at.query_params[key] = value
    at.run()
    if page is not None:
        at.switch_page(f"views/{page}.py").run()
    return at


def read_published(tidy: Path) -> tuple[dict, dict]:
    """Every published table (pandas) and the descriptor, read whole: what a download of
    all of them should hold. (The product never reads them all; the bundle streams.)"""
    import json

    import pandas as pd

    from etl.schema import TABLES

    tidy = tidy.resolve()
    tables = {name: pd.read_parquet(tidy / f"{name}.parquet") for name in TABLES}
    return tables, json.loads((tidy / "datapackage.json").read_text("utf-8"))


def markdown_text(at) -> str:
    return "\n".join(m.value for m in at.markdown)


# A second article on the seed's series (issue 11): agrees on one year, is consistent on
# another, conflicts on a third. The `two_sources` fixture builds it with the seed.
SECOND_ID = "test-wire-2011-03-01-pentagon-widens-mexico-role"
SECOND = ("Pentagon widens Mexico role\n\n"
          "The Pentagon's counternarcotics funding for Mexico reached $34.2 million in fiscal "
          "2010, up from $15 million in 2008, according to the Congressional Research "
          "Service.\n\n"
          "The Pentagon plans to use $50 million from its 2011 budget to improve security "
          "along Mexico's southern border.\n")
