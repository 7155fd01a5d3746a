"""Comparing sources: every figure of a series and year as each source gives it, with the
verdict of the build's reconciliation (``etl.reconcile``: intervals, not equality). Pure
functions, no Streamlit."""

from __future__ import annotations

import pandas as pd

from dashboard.formatting import amount_with_qualifier, year_label

ROLE_WORDS = {"shown": "shown by default", "agrees": "agrees with the shown figure",
              "conflicts": "conflicts with the shown figure",
              "other stage": "another stage: kept, not compared"}


def source_name(documents: pd.DataFrame) -> pd.Series:
    """"Publisher, date" for each document id."""
    docs = documents.set_index("document_id")
    return docs["publisher"].astype(str) + ", " + docs["date_published"].astype(str)


def figures_by_source(series_figures: pd.DataFrame, observations: pd.DataFrame,
                      documents: pd.DataFrame) -> pd.DataFrame:
    """One row per figure that gives a series and year: its source, its words, its role,
    and how all the figures of that series and year compare."""
    obs = observations[observations["reported"].fillna(False).astype(bool)].set_index(
        ["series_id", "year"])
    rows = series_figures.join(obs[["funder", "recipient", "purpose", "agreement",
                                    "year_type_warning", "n_sources"]],
                               on=["series_id", "year"])
    names = source_name(documents)
    verdict = rows["agreement"].astype(str)
    mixed = rows["year_type_warning"].notna()
    verdict = verdict.where(~mixed, verdict + " (fiscal and calendar years mixed)")
    out = pd.DataFrame({
        "series_id": rows["series_id"],
        "funder": rows["funder"].fillna("—"),
        "recipient": rows["recipient"].fillna("—"),
        "purpose": rows["purpose"].fillna("—"),
        "year": rows["year"].astype(int),
        "year_label": [year_label(y, t) for y, t in zip(rows["year"], rows["year_type"],
                                                         strict=True)],
        "source": rows["document_id"].map(names).fillna(rows["document_id"]),
        "document_id": rows["document_id"],
        "figure": [amount_with_qualifier(r.value, r.qualifier, r.value_high)
                   for r in rows.itertuples()],
        "value": rows["value"],
        "value_high": rows["value_high"],
        "interval_low": rows["interval_low"],
        "interval_high": rows["interval_high"],
        "qualifier": rows["qualifier"],
        "status": rows["status"],
        "role": rows["role"].map(ROLE_WORDS).fillna(rows["role"]),
        "agreement": verdict,
        "n_sources": rows["n_sources"].fillna(1).astype(int),
        "figure_id": rows["figure_id"],
        "sentence": rows["sentence"],
    })
    return out.sort_values(["funder", "recipient", "purpose", "year", "source"],
                           kind="stable").reset_index(drop=True)


def comparisons(table: pd.DataFrame) -> pd.DataFrame:
    """The series and years that several sources give."""
    return table[table["n_sources"] > 1].reset_index(drop=True)


def source_labels(documents: pd.DataFrame) -> dict[str, str]:
    """A unique, readable label for each source (kept in the URL) -> its document id."""
    out: dict[str, str] = {}
    for doc_id, name, title in zip(documents["document_id"], source_name(documents),
                                   documents["title"], strict=True):
        label = f"{name}: {title}"
        label = label if len(label) <= 90 else label[:89] + "…"
        unique, n = label, 2
        while unique in out:
            unique, n = f"{label} ({n})", n + 1
        out[unique] = doc_id
    return out


NOT_REPORTED = "not reported in the sources"


def series_points(observations: pd.DataFrame, series_figures: pd.DataFrame,
                  documents: pd.DataFrame, source: str | None = None) -> pd.DataFrame:
    """Rows to chart for some series: every figure of every source (``source`` given: that
    source's only), each with its role in the reconciliation and its source's name; the
    reconciled range on the shown figure; a gap row for each year inside a series' span
    that the figures drawn do not give. Same columns as observations, plus ``role``,
    ``source``, ``band_low`` and ``band_high``."""
    names = source_name(documents)
    series = observations.drop_duplicates("series_id").set_index("series_id")[
        ["series_label", "funder", "recipient", "purpose", "currency"]]
    members = series_figures[series_figures["series_id"].isin(series.index)]
    if source is not None:
        members = members[members["document_id"] == source]
    reconciled = observations[observations["reported"].fillna(False).astype(bool)].set_index(
        ["series_id", "year"])[["agreement", "reconciled_low", "reconciled_high"]]
    rows = members.join(series, on="series_id").join(reconciled, on=["series_id", "year"])
    rows = rows.assign(
        reported=True, missing_reason=None,
        source=rows["document_id"].map(names).fillna(rows["document_id"]),
        role=rows["role"] if source is None else "shown",
        agreement=rows["agreement"] if source is None else None,
        band_low=rows["reconciled_low"] if source is None else None,
        band_high=rows["reconciled_high"] if source is None else None,
    )
    gaps = []
    for series_id, group in rows.groupby("series_id"):
        given = set(group["year"].astype(int))
        for year in range(min(given), max(given) + 1):
            if year not in given:
                gaps.append({"series_id": series_id, "year": year, "reported": False,
                             "status": "not_reported", "missing_reason": NOT_REPORTED,
                             **series.loc[series_id].to_dict()})
    out = pd.concat([rows, pd.DataFrame(gaps)], ignore_index=True) if gaps else rows
    return out.sort_values(["year", "series_id", "role"], kind="stable").reset_index(drop=True)
