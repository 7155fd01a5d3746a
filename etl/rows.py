"""Stage "rows": one source's rows of the published tables, after the people's corrections.

    source + its extraction + its curations + CPI-U -> SourceRows -> SourceParts (Arrow)

Pure and per source, so it runs where the source was extracted (a Dask worker, or this
process) and a build only assembles the rows (etl/build.py). Constant-dollar columns use
``base_year``, the latest CPI-U year.
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import pyarrow as pa

from etl.attributes import values as attribute_values
from etl.checks import Term, check_claim, ratio_qualifier
from etl.cpi import Cpi
from etl.curation import Curation, apply_curations
from etl.extract import Extraction
from etl.extraction import cache_key, extractor_version
from etl.pdf import page_of
from etl.schema import typed
from etl.series import series_id
from etl.sources import Source, text_shareable

_HERE = Path(__file__).resolve().parent
ROW_TABLES = ("documents", "sentences", "figures", "claims", "curations")


@dataclass
class SourceRows:
    """A source's rows, table by table, and what a person should hear about it (a
    correction that no longer applies)."""

    documents: list[dict] = field(default_factory=list)
    sentences: list[dict] = field(default_factory=list)
    figures: list[dict] = field(default_factory=list)
    claims: list[dict] = field(default_factory=list)
    curations: list[dict] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    summary: str = ""


@dataclass
class SourceParts:
    """A source's rows as Arrow tables typed by the published schema (etl/schema.py): what
    a worker sends back, the cache holds, and the tables stage (etl/assemble.py) joins."""

    tables: dict[str, pa.Table]
    notes: list[str] = field(default_factory=list)
    summary: str = ""


def to_parts(rows: SourceRows) -> SourceParts:
    return SourceParts({name: typed(name, getattr(rows, name)) for name in ROW_TABLES},
                       rows.notes, rows.summary)


@dataclass(frozen=True)
class RowMaker:
    """The rows stage for every source of a build, as one picklable callable that an
    extraction worker runs on what it extracted (etl.extraction.extract_all's ``then``)."""

    curations: dict[str, list[Curation]]
    cpi: Cpi
    base_year: int

    def __call__(self, source: Source, result: Extraction) -> SourceParts:
        return to_parts(source_rows(source, result, self.curations.get(source.meta.id, []),
                                    self.cpi, self.base_year))


def _curation_id(document_id: str, r: Curation) -> str:
    key = "\x1f".join(str(x) for x in (document_id, r.action, r.start, r.end, r.attribute,
                                        r.at))
    return "cur-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:10]


def _interval_columns(prefix: str, interval) -> dict[str, float | None]:
    if interval is None:
        return {f"{prefix}_low": None, f"{prefix}_high": None}
    high = None if interval.high == float("inf") else round(interval.high, 4)
    return {f"{prefix}_low": round(interval.low, 4), f"{prefix}_high": high}


def source_rows(source: Source, result: Extraction, records: list[Curation], cpi: Cpi,
                base_year: int) -> SourceRows:
    """Reapply ``records`` (the source's corrections) to its extraction and lay out its
    rows."""
    meta = source.meta
    out = SourceRows()
    if records:
        starts = [s.start for s in result.sentences]
        result.figures, outcomes = apply_curations(
            source.text, meta.id, result.figures,
            lambda pos, starts=starts: max(0, bisect_right(starts, pos) - 1), records)
        for o in outcomes:
            r = o.record
            out.curations.append({
                "curation_id": _curation_id(meta.id, r), "document_id": meta.id,
                "action": r.action, "start": r.start, "end": r.end, "text": r.text,
                "attribute": r.attribute,
                "value": None if r.value is None else str(r.value),
                "machine_value": None if r.machine_value is None else str(r.machine_value),
                "reason": r.reason, "at": r.at, "status": o.status, "problem": o.problem,
                "figure_id": o.figure_id})
            if o.status == "orphaned":
                out.notes.append(f"  curation no longer applies in {meta.id}: {r.action} "
                                 f"{r.text!r} at {r.start}-{r.end}: {o.problem}")
    sid = [f"{meta.id}.s{i:04d}" for i in range(len(result.sentences))]
    per_sentence: dict[int, int] = {}
    for f in result.figures:
        per_sentence[f.sentence_index] = per_sentence.get(f.sentence_index, 0) + 1
    shared = text_shareable(meta.rights)
    quoted = set(per_sentence) | {c.sentence_index for c in result.claims}
    for i, s in enumerate(result.sentences):
        if not shared and i not in quoted:
            continue  # the rights allow quotation, not the text: evidence only
        out.sentences.append({"sentence_id": sid[i], "document_id": meta.id, "index": i,
                              "paragraph": s.paragraph, "kind": s.kind, "start": s.start,
                              "end": s.end, "text": s.text,
                              "n_figures": per_sentence.get(i, 0)})
    for f in result.figures:
        low_c, note = cpi.convert(f.amount_usd, f.year, base_year, f.year_type)
        high_c, _ = cpi.convert(f.amount_high_usd, f.year, base_year, f.year_type)
        if f.currency != "USD":
            note = f"{f.currency}: constant U.S. dollars apply to USD amounts only"
        out.figures.append({
            "figure_id": f.figure_id, "document_id": meta.id,
            "sentence_id": sid[f.sentence_index], "start": f.start, "end": f.end,
            "page": f.page or page_of(source.pages, f.start), "table_cell": f.table_cell,
            **attribute_values(f),
            "amount_usd": f.amount_usd, "amount_high_usd": f.amount_high_usd,
            "amount_constant_usd": low_c, "amount_high_constant_usd": high_c,
            "constant_base_year": base_year, "constant_note": note,
            "curated": f.curated,
            "series_id": series_id(f.funder, f.recipient, f.purpose, f.currency),
            "sentence": result.sentences[f.sentence_index].text,
        })
    by_id = {f.figure_id: f for f in result.figures}
    for c in result.claims:
        base_fig = by_id.get(c.base_figure_id or "")
        cmp_fig = by_id.get(c.compared_figure_id or "")
        terms = [Term(f.amount, f.amount_high, f.qualifier, f.year) if f else None
                 for f in (base_fig, cmp_fig)]
        # real ratio = nominal ratio * cpi[base year] / cpi[compared year]
        factor = (cpi.factor(cmp_fig.year, base_fig.year)
                  if base_fig and cmp_fig and base_fig.year and cmp_fig.year
                  and base_fig.currency == cmp_fig.currency == "USD" else None)
        checked = check_claim(c.stated_ratio, c.claim_qualifier, c.text, terms[0],
                              terms[1], factor, c.note)
        if base_fig and cmp_fig and base_fig.amount:  # corrections may change the terms
            c.computed_ratio = round(cmp_fig.amount / base_fig.amount, 4)
            c.computed_ratio_qualifier = ratio_qualifier(base_fig.qualifier,
                                                         cmp_fig.qualifier)
        out.claims.append({
            "claim_id": c.claim_id, "document_id": meta.id,
            "sentence_id": sid[c.sentence_index], "start": c.start, "end": c.end,
            "text": c.text, "kind": c.kind, "claim_qualifier": c.claim_qualifier,
            "stated_ratio": c.stated_ratio, "base_figure_id": c.base_figure_id,
            "compared_figure_id": c.compared_figure_id, "computed_ratio": c.computed_ratio,
            "computed_ratio_qualifier": c.computed_ratio_qualifier,
            "compared_to": c.compared_to, "note": c.note,
            **_interval_columns("stated", checked.stated),
            **_interval_columns("nominal", checked.nominal),
            **_interval_columns("real", checked.real),
            "verdict_nominal": checked.verdict_nominal,
            "verdict_real": checked.verdict_real, "rule": checked.rule,
            "sentence": result.sentences[c.sentence_index].text,
        })
    out.documents.append({
        "document_id": meta.id, "title": meta.title, "publisher": meta.publisher,
        "author": meta.author, "date_published": meta.date_published.isoformat(),
        "url": meta.url, "page": meta.page, "date_added": meta.date_added.isoformat(),
        "rights": meta.rights, "citation": meta.citation(), "chars": len(source.text),
        "text_sha256": hashlib.sha256(source.text.encode("utf-8")).hexdigest(),
        "n_sentences": len(result.sentences), "n_figures": len(result.figures),
        "text_shared": shared,
    })
    out.summary = (f"{meta.id}: {len(result.sentences)} sentences, {len(result.figures)} "
                   f"figures, {len(result.claims)} claims")
    return out


# ------------------------------------------------------------------------------ cache

ROWS_CACHE = Path("cache") / "rows"  # under the data folder; never committed
# The files whose content decides a source's rows, besides its extraction.
ROWS_FILES = ("rows.py", "series.py", "attributes.py", "checks.py", "cpi.py", "curation.py",
              "pdf.py", "sources.py", "schema.py")


def code_version(before: str, files: tuple[str, ...]) -> str:
    """A hash of ``before`` (an earlier stage's version) and of ``files`` of etl/, their
    names and bytes (12 hex digits): a stage's cache key changes with its code."""
    digest = hashlib.sha256(before.encode())
    for name in files:
        digest.update(name.encode() + b"\0" + (_HERE / name).read_bytes() + b"\0")
    return digest.hexdigest()[:12]


@lru_cache(maxsize=1)
def rows_version() -> str:
    """The version of the rows stage's code and of the extractor's."""
    return code_version(extractor_version(), ROWS_FILES)


def rows_key(source: Source, records: list[Curation], cpi: Cpi, base_year: int) -> str:
    """What decides a source's rows: its extraction's key, all its metadata (title, rights:
    the documents row and which sentences may be published), its pages, its corrections,
    the CPI-U and the base year, and this stage's code."""
    payload = json.dumps([cache_key(source), source.meta.model_dump(mode="json"),
                          source.pages, [r.model_dump(mode="json") for r in records],
                          sorted(cpi.index.items()), base_year, rows_version()],
                         sort_keys=True, default=str)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:32]


def read_cached(folder: Path, key: str) -> SourceParts | None:
    """A source's rows from the cache; None when missing or unreadable (made again: the
    cache is never the only copy). The cache is this build's own pickles, under the data
    folder, never shared or downloaded."""
    try:
        rows = pickle.loads((folder / f"{key}.pickle").read_bytes())
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ValueError):
        return None
    return rows if isinstance(rows, SourceParts) else None


def write_cached(folder: Path, key: str, rows: SourceParts) -> None:
    """Through a temporary file and one rename: a crash leaves the entry whole or absent."""
    folder.mkdir(parents=True, exist_ok=True)
    tmp = folder / f".{key}.{os.getpid()}.tmp"
    try:
        tmp.write_bytes(pickle.dumps(rows, protocol=pickle.HIGHEST_PROTOCOL))
        os.replace(tmp, folder / f"{key}.pickle")
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
