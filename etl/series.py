"""Stage "series": figures grouped into series (payer, recipient, purpose, currency) and
years, reconciled where several sources give one year, with gap rows where none does.

    figure rows -> observations (one row per series and year) + series_figures (every
    figure of every series and year, with its role)
"""

from __future__ import annotations

import re

from etl.checks import INF
from etl.reconcile import RULE, Candidate, reconcile

NOT_REPORTED = "not reported in the sources"


def _slug(*parts: str | None) -> str:
    text = "--".join(re.sub(r"[^a-z0-9]+", "-", (p or "unknown").lower()).strip("-")
                     for p in parts)
    return text or "unknown"


def series_id(funder: str | None, recipient: str | None, purpose: str | None,
              currency: str) -> str:
    """The id of the series a figure joins: funder, recipient, purpose and currency."""
    return _slug(funder, recipient, purpose, currency)


def series_label(funder: str | None, recipient: str | None, purpose: str | None,
                 currency: str) -> str:
    label = f"{funder or 'Funder not stated'} → {recipient or 'recipient not stated'}"
    if purpose:
        label += f": {purpose}"
    if currency != "USD":
        label += f" ({currency})"
    return label


def charted(f: dict) -> bool:
    """Whether a figure enters a series: a single year, not a table's total (not counted
    twice), not flagged for review ("$1e308", "$999...9 billion": never charted as a
    plausible value)."""
    return f["year"] is not None and f["kind"] != "total" and not f["review"]


def text_order(f: dict) -> tuple:
    """The order of the sources and the text, however the rows arrived: a series' label is
    its first figure's words."""
    return (f["document_id"], f["start"], f["end"], f["figure_id"])


BASE = ("funder", "recipient", "purpose", "currency")


def series_base(series_id: str, first: dict) -> dict:
    """The columns every row of a series shares, from its first figure (``text_order``)."""
    return {"series_id": series_id,
            "series_label": series_label(first["funder"], first["recipient"],
                                         first["purpose"], first["currency"]),
            **{k: first[k] for k in BASE}}


def observations(figs: list[dict]) -> tuple[list[dict], list[dict]]:
    """One reconciled row per series and year, with gap rows for unreported years inside a
    series' span; and every figure of every series and year with its role.

    Only figures with a single year enter a series, and none flagged for review. Where
    several figures give one series and year, none is dropped: ``etl.reconcile`` compares
    them by interval and picks the one shown, and both tables say how. Nothing is
    interpolated.
    """
    by_series: dict[str, dict[int, list[dict]]] = {}
    for f in sorted(figs, key=text_order):
        if charted(f):
            by_series.setdefault(f["series_id"], {}).setdefault(f["year"], []).append(f)
    rows: list[dict] = []
    members: list[dict] = []
    for series_id, years in by_series.items():
        base = series_base(series_id, next(iter(years.values()))[0])
        for year in range(min(years), max(years) + 1):
            year_rows(base, year, years.get(year, []), rows, members)
    return rows, members


def year_rows(base: dict, year: int, given: list[dict], rows: list[dict],
              members: list[dict]) -> None:
    """A series' row for one year (a gap row when ``given`` is empty), added to ``rows``,
    and its figures with their roles, added to ``members``."""
    series_id = base["series_id"]
    if not given:
        rows.append({**base, "year": year, "status": "not_reported", "reported": False,
                     "missing_reason": NOT_REPORTED, "n_figures": 0, "n_sources": 0})
        return
    by_id = {f["figure_id"]: f for f in given}
    candidates = [Candidate(
        f["figure_id"], f["document_id"], f["_published"], f["start"], f["amount"],
        f["amount_high"], f["qualifier"], f["status"], f["year_type"]) for f in given]
    result = reconcile(candidates)
    shown = by_id[result.shown.figure_id]
    rows.append({
        **base, "year": year, "year_type": shown["year_type"],
        "value": shown["amount"], "value_high": shown["amount_high"],
        "value_constant": shown["amount_constant_usd"],
        "value_high_constant": shown["amount_high_constant_usd"],
        "constant_base_year": shown["constant_base_year"],
        "constant_note": shown["constant_note"],
        "qualifier": shown["qualifier"], "status": shown["status"], "reported": True,
        "figure_id": shown["figure_id"], "figure_text": shown["text"],
        "n_figures": len(given), "attributed_source": shown["attributed_source"],
        "document_id": shown["document_id"], "sentence_id": shown["sentence_id"],
        "sentence": shown["sentence"], "n_sources": result.n_sources,
        "agreement": result.agreement, "reconciled_low": result.low,
        "reconciled_high": result.high,
        "year_type_warning": result.year_type_warning,
        "shown_because": result.because, "rule": RULE,
    })
    for f, candidate in zip(given, candidates, strict=True):
        interval = candidate.interval  # the year plays no part in an interval
        members.append({
            "series_id": series_id, "year": year, "figure_id": f["figure_id"],
            "document_id": f["document_id"], "date_published": f["_published"],
            "role": result.roles[f["figure_id"]], "year_type": f["year_type"],
            "value": f["amount"], "value_high": f["amount_high"],
            "interval_low": interval.low,
            "interval_high": None if interval.high == INF else interval.high,
            "qualifier": f["qualifier"], "status": f["status"],
            "figure_text": f["text"], "attributed_source": f["attributed_source"],
            "sentence_id": f["sentence_id"], "sentence": f["sentence"],
        })
