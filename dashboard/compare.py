"""Comparing sources: the same series and year as each source gives it. Pure functions."""

from __future__ import annotations

import pandas as pd

from dashboard.formatting import amount_with_qualifier


def figures_by_source(figures: pd.DataFrame, documents: pd.DataFrame) -> pd.DataFrame:
    """One row per figure with a year, with its source's publisher and date."""
    docs = documents.set_index("document_id")[["publisher", "date_published", "title"]]
    rows = figures[figures["year"].notna()].join(docs, on="document_id")
    out = pd.DataFrame({
        "series_id": rows["series_id"],
        "funder": rows["funder"].fillna("—"),
        "recipient": rows["recipient"].fillna("—"),
        "purpose": rows["purpose"].fillna("—"),
        "year": rows["year"].astype(int),
        "source": rows["publisher"] + ", " + rows["date_published"],
        "document_id": rows["document_id"],
        "figure": [amount_with_qualifier(r.amount, r.qualifier, r.amount_high, r.currency)
                   for r in rows.itertuples()],
        "amount": rows["amount"],
        "amount_high": rows["amount_high"],
        "qualifier": rows["qualifier"],
        "status": rows["status"],
        "figure_id": rows["figure_id"],
        "sentence": rows["sentence"],
    })
    return out.sort_values(["funder", "recipient", "purpose", "year", "source"],
                           kind="stable").reset_index(drop=True)


def agreement(group: pd.DataFrame) -> str:
    """How the sources that give one series and year compare."""
    if group["document_id"].nunique() < 2:
        return "one source"
    values = {(a, None if pd.isna(h) else h) for a, h in zip(group["amount"],
                                                              group["amount_high"],
                                                              strict=True)}
    qualifiers = set(group["qualifier"])
    if len(values) > 1:
        return "disagree: different values"
    if len(qualifiers) > 1:
        return "disagree: " + " vs ".join(sorted(qualifiers))
    return "agree"


def comparisons(table: pd.DataFrame) -> pd.DataFrame:
    """Series and years that several sources give, with how they compare."""
    verdicts = (table.groupby(["series_id", "year"], sort=True)
                .apply(agreement, include_groups=False).rename("agreement").reset_index())
    merged = table.merge(verdicts, on=["series_id", "year"])
    several = merged.groupby(["series_id", "year"])["document_id"].transform("nunique") > 1
    return merged[several].reset_index(drop=True)
