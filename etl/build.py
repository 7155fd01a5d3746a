"""Build the published tables from the sources: documents, sentences, figures, claims,
observations, as CSV and Parquet twins plus ``datapackage.json``.

Layers, after OWID's etl: ``data/sources/`` (raw snapshots with metadata) ->
extraction (``etl.extraction``: ``etl.extract`` per source, cached under ``data/cache/``
and run on Dask for many sources) -> curations and tables (here) ->
``data/published/<dataset>/<version>/`` (curated tables) ->
``data/tidy``, a symbolic link to the current version. The link is swapped with one atomic
``rename``, so a crash at any point leaves the previous tables whole and readable.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import sys
import tempfile
import time
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from etl.attributes import values as attribute_values
from etl.checks import INF, Term, check_claim, ratio_qualifier, term_interval
from etl.cpi import Cpi, load_cpi
from etl.curation import Curation, apply_curations, load_curations
from etl.extract import Extraction
from etl.extraction import extract_all, extract_source
from etl.pdf import page_of
from etl.reconcile import RULE, Candidate, reconcile
from etl.schema import TABLES
from etl.sources import Source, load_sources, text_shareable
from etl.tablefiles import PANDAS_TYPES, csv_bytes, parquet_bytes
from etl.txn import atomic_write, crash_point, write_lock

DATASET = "policy-money-figures"
DATASET_TITLE = "Money figures cited in policy reporting"
NOT_REPORTED = "not reported in the sources"
TABLE_LICENSE = {
    "name": "CC-BY-4.0",
    "path": "https://creativecommons.org/licenses/by/4.0/",
    "title": "Creative Commons Attribution 4.0 (the tables; source texts keep their own rights)",
}


@dataclass
class Dataset:
    tables: dict[str, pd.DataFrame]
    sources: list[Source]
    cpi: Cpi


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


def _typed(name: str, rows: list[dict]) -> pd.DataFrame:
    table = TABLES[name]
    df = pd.DataFrame(rows, columns=table.names)
    for col in table.columns:
        df[col.name] = df[col.name].astype(PANDAS_TYPES[col.type])
    return df.sort_values(list(table.primary_key), kind="stable").reset_index(drop=True)


def build_tables(sources: list[Source], cpi: Cpi,
                 progress: Callable[[str], None] | None = None,
                 curations: dict[str, list[Curation]] | None = None,
                 extractions: dict[str, Extraction] | None = None) -> Dataset:
    """Reapply the people's corrections to each source's extraction (``extractions``,
    from etl.extraction; a source missing there is extracted here) and assemble the
    tables (pure: no I/O). Constant-dollar columns use the latest CPI-U year as their
    base."""
    base_year = cpi.latest
    docs, sents, figs, claims, cur_rows = [], [], [], [], []
    total = len(sources)
    for n, source in enumerate(sources, 1):
        meta = source.meta
        result = (extractions or {}).get(meta.id) or extract_source(source)
        records = (curations or {}).get(meta.id, [])
        if records:
            starts = [s.start for s in result.sentences]
            result.figures, outcomes = apply_curations(
                source.text, meta.id, result.figures,
                lambda pos, starts=starts: max(0, bisect_right(starts, pos) - 1), records)
            for o in outcomes:
                r = o.record
                cur_rows.append({
                    "curation_id": _curation_id(meta.id, r), "document_id": meta.id,
                    "action": r.action, "start": r.start, "end": r.end, "text": r.text,
                    "attribute": r.attribute,
                    "value": None if r.value is None else str(r.value),
                    "machine_value": None if r.machine_value is None else str(r.machine_value),
                    "reason": r.reason, "at": r.at, "status": o.status, "problem": o.problem,
                    "figure_id": o.figure_id})
                if o.status == "orphaned" and progress is not None:
                    progress(f"  curation no longer applies in {meta.id}: {r.action} "
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
            sents.append({"sentence_id": sid[i], "document_id": meta.id, "index": i,
                          "paragraph": s.paragraph, "kind": s.kind, "start": s.start,
                          "end": s.end, "text": s.text, "n_figures": per_sentence.get(i, 0)})
        for f in result.figures:
            low_c, note = cpi.convert(f.amount_usd, f.year, base_year, f.year_type)
            high_c, _ = cpi.convert(f.amount_high_usd, f.year, base_year, f.year_type)
            if f.currency != "USD":
                note = f"{f.currency}: constant U.S. dollars apply to USD amounts only"
            figs.append({
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
                "_published": meta.date_published.isoformat(),
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
            claims.append({
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
        docs.append({
            "document_id": meta.id, "title": meta.title, "publisher": meta.publisher,
            "author": meta.author, "date_published": meta.date_published.isoformat(),
            "url": meta.url, "page": meta.page, "date_added": meta.date_added.isoformat(),
            "rights": meta.rights, "citation": meta.citation(), "chars": len(source.text),
            "text_sha256": hashlib.sha256(source.text.encode("utf-8")).hexdigest(),
            "n_sentences": len(result.sentences), "n_figures": len(result.figures),
            "text_shared": shared,
        })
        if progress is not None:
            progress(f"[{n}/{total}] {meta.id}: {len(result.sentences)} sentences, "
                     f"{len(result.figures)} figures, {len(result.claims)} claims")
    observations, members = _observations(figs)
    for f in figs:
        f.pop("_published")
    cpi_rows = [{"year": y, "cpi_u": v} for y, v in sorted(cpi.index.items())]
    tables = {
        "documents": _typed("documents", docs),
        "sentences": _typed("sentences", sents),
        "figures": _typed("figures", figs),
        "claims": _typed("claims", claims),
        "observations": _typed("observations", observations),
        "series_figures": _typed("series_figures", members),
        "curations": _typed("curations", cur_rows),
        "cpi_u": _typed("cpi_u", cpi_rows),
    }
    return Dataset(tables=tables, sources=sources, cpi=cpi)


def _curation_id(document_id: str, r: Curation) -> str:
    key = "\x1f".join(str(x) for x in (document_id, r.action, r.start, r.end, r.attribute,
                                        r.at))
    return "cur-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:10]


def _interval_columns(prefix: str, interval) -> dict[str, float | None]:
    if interval is None:
        return {f"{prefix}_low": None, f"{prefix}_high": None}
    high = None if interval.high == float("inf") else round(interval.high, 4)
    return {f"{prefix}_low": round(interval.low, 4), f"{prefix}_high": high}


def _observations(figs: list[dict]) -> tuple[list[dict], list[dict]]:
    """One reconciled row per series and year, with gap rows for unreported years inside a
    series' span; and every figure of every series and year with its role.

    Only figures with a single year enter a series, and none flagged for review. Where
    several figures give one series and year, none is dropped: ``etl.reconcile`` compares
    them by interval and picks the one shown, and both tables say how. Nothing is
    interpolated.
    """
    by_series: dict[str, dict[int, list[dict]]] = {}
    for f in figs:
        if f["year"] is None or f["kind"] == "total":  # a table's total: not counted twice
            continue
        if f["review"]:  # "$1e308", "$999...9 billion": never charted as a plausible value
            continue
        by_series.setdefault(f["series_id"], {}).setdefault(f["year"], []).append(f)
    rows, members = [], []
    for series_id, years in by_series.items():
        any_fig = next(iter(years.values()))[0]
        base = {"series_id": series_id,
                "series_label": series_label(any_fig["funder"], any_fig["recipient"],
                                             any_fig["purpose"], any_fig["currency"]),
                "funder": any_fig["funder"], "recipient": any_fig["recipient"],
                "purpose": any_fig["purpose"], "currency": any_fig["currency"]}
        for year in range(min(years), max(years) + 1):
            given = years.get(year)
            if not given:
                rows.append({**base, "year": year, "status": "not_reported", "reported": False,
                             "missing_reason": NOT_REPORTED, "n_figures": 0, "n_sources": 0})
                continue
            by_id = {f["figure_id"]: f for f in given}
            result = reconcile([Candidate(
                f["figure_id"], f["document_id"], f["_published"], f["start"], f["amount"],
                f["amount_high"], f["qualifier"], f["status"], f["year_type"]) for f in given])
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
            for f in given:
                interval = term_interval(Term(f["amount"], f["amount_high"], f["qualifier"],
                                              f["year"]))
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
    return rows, members


# ---------------------------------------------------------------------------- writing


def render_files(dataset: Dataset) -> dict[str, bytes]:
    """Every published file, name -> bytes. The same inputs give the same bytes."""
    files: dict[str, bytes] = {}
    for name, df in dataset.tables.items():
        files[f"{name}.csv"] = csv_bytes(df, name)
        files[f"{name}.parquet"] = parquet_bytes(df, name)
    def descriptor(version: str) -> bytes:
        text = json.dumps(datapackage(dataset, version), indent=2, ensure_ascii=False)
        return (text + "\n").encode("utf-8")

    # The version hashes every table and the descriptor (with its version left blank).
    digest = hashlib.sha256()
    for fname, data in sorted({**files, "datapackage.json": descriptor("")}.items()):
        digest.update(fname.encode() + b"\0" + data)
    version = digest.hexdigest()[:12]
    files["datapackage.json"] = descriptor(version)
    return files


def datapackage(dataset: Dataset, version: str) -> dict:
    """A Frictionless Data Package v2 descriptor for the tables."""
    sources = [{
        "title": s.meta.citation(),
        **({"path": s.meta.url} if s.meta.url else {}),
        "version": s.meta.date_published.isoformat(),
    } for s in dataset.sources]
    ref = dataset.cpi.meta
    sources.append({"title": ref.citation, "path": ref.url,
                    "version": f"accessed {ref.date_accessed.isoformat()}"})
    resources = []
    for name, table in TABLES.items():
        resources.append({
            "name": name,
            "type": "table",
            "path": f"{name}.csv",
            "scheme": "file",
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8",
            "title": table.title,
            "description": f"{table.description} Parquet twin: {name}.parquet.",
            "schema": {
                "fields": [{"name": c.name, "type": c.type, "description": c.description}
                           for c in table.columns],
                "primaryKey": list(table.primary_key),
                "missingValues": [""],
            },
        })
    latest_added = max((s.meta.date_added for s in dataset.sources), default=None)
    return {
        "$schema": "https://datapackage.org/profiles/2.0/datapackage.json",
        "name": DATASET,
        "title": DATASET_TITLE,
        "description": "Money figures extracted from policy reporting, each with its source "
                       "sentence and character span, qualifier, year, funder, recipient, "
                       "purpose and status.",
        "version": version,
        **({"created": f"{latest_added.isoformat()}T00:00:00Z"} if latest_added else {}),
        "licenses": [TABLE_LICENSE],
        "sources": sources,
        "resources": resources,
    }


def version_of(files: dict[str, bytes]) -> str:
    return json.loads(files["datapackage.json"])["version"]


# A superseded version is kept this long (FUNDTRACE_KEEP_SUPERSEDED_SECONDS): share links
# pinned to it (``v=``) show its numbers, and a reader who resolved ``data/tidy`` just
# before a build swapped it can finish reading. 90 days by default; a file that did not
# change between versions is stored once (hard links), so keeping costs little.
KEEP_SUPERSEDED_SECONDS = 90 * 24 * 3600
_SUPERSEDED = ".superseded"


def _keep_seconds() -> float:
    try:
        return float(os.environ.get("FUNDTRACE_KEEP_SUPERSEDED_SECONDS",
                                    KEEP_SUPERSEDED_SECONDS))
    except ValueError:
        return KEEP_SUPERSEDED_SECONDS


def _intact(folder: Path, files: dict[str, bytes]) -> bool:
    """Whether a version folder holds exactly these files, byte for byte."""
    try:
        names = {p.name for p in folder.iterdir()}
        return names == set(files) and all((folder / n).read_bytes() == d
                                           for n, d in files.items())
    except OSError:
        return False


def publish(files: dict[str, bytes], data_dir: Path,
            progress: Callable[[str], None] | None = None) -> Path:
    """Write ``files`` as a new version and point ``data/tidy`` at it, atomically.

    A version folder that exists already is checked byte for byte and rewritten if it was
    damaged. The version the link pointed at before is kept for a while
    (``KEEP_SUPERSEDED_SECONDS``) so that readers mid-read never find it gone."""
    version = version_of(files)
    releases = data_dir / "published" / DATASET
    releases.mkdir(parents=True, exist_ok=True)
    final = releases / version
    if not final.exists() or not _intact(final, files):
        if final.exists() and progress is not None:
            progress(f"version {version} was damaged on disk; writing it again")
        tmp = Path(tempfile.mkdtemp(prefix=f".{version}-", dir=releases))
        tmp.chmod(0o755)
        try:
            same = _unchanged_files(releases, files)
            for name, data in files.items():
                try:
                    os.link(same[name], tmp / name)  # stored once across versions
                except (KeyError, OSError):
                    atomic_write(tmp / name, data)
            crash_point("publish-written")
            if final.exists():
                trash = releases / f".{version}-damaged-{os.getpid()}"
                os.replace(final, trash)
                shutil.rmtree(trash, ignore_errors=True)
            os.replace(tmp, final)
        except BaseException:
            shutil.rmtree(tmp, ignore_errors=True)
            raise
    link = data_dir / "tidy"
    previous = link.resolve().name if link.is_symlink() else None
    tmp_link = data_dir / f".tidy-{os.getpid()}"
    if tmp_link.is_symlink() or tmp_link.exists():
        tmp_link.unlink()
    os.symlink(os.path.relpath(final, data_dir), tmp_link)
    if link.exists() and not link.is_symlink():
        shutil.rmtree(link)  # an old real folder: replaced once, by the link
    crash_point("publish-before-swap")
    os.replace(tmp_link, link)
    for stale in data_dir.glob(".tidy-*"):  # links left by builds killed mid-swap
        if stale.is_symlink():
            stale.unlink()
    _retire(releases, version, previous)
    return final


def _unchanged_files(releases: Path, files: dict[str, bytes]) -> dict[str, Path]:
    """Files of the new version that a kept version (the current one first) holds byte
    for byte: name -> that file, to hard-link instead of writing again."""
    link = releases.parent.parent / "tidy"
    current = link.resolve() if link.is_symlink() else None
    folders = [current] if current is not None and current.parent == releases else []
    out: dict[str, Path] = {}
    for folder in folders:
        for name, data in files.items():
            path = folder / name
            if name in out or name == "datapackage.json" or not path.is_file():
                continue
            try:
                if path.stat().st_size == len(data) and path.read_bytes() == data:
                    out[name] = path
            except OSError:
                continue
    return out


def _retire(releases: Path, current: str, previous: str | None) -> None:
    """Mark the version just replaced as superseded; drop versions superseded longer ago
    than the grace period, and temporary folders of earlier builds (builds hold the write
    lock, so none is in use)."""
    marks = releases / _SUPERSEDED
    marks.mkdir(exist_ok=True)
    (marks / current).unlink(missing_ok=True)
    if previous and previous != current and (releases / previous).is_dir():
        (marks / previous).touch()
    now, keep = time.time(), _keep_seconds()
    for old in releases.iterdir():
        if old.name in {current, _SUPERSEDED}:
            continue
        mark = marks / old.name
        if old.name.startswith("."):
            shutil.rmtree(old, ignore_errors=True)
        elif not mark.exists():
            mark.touch()  # superseded before marks were kept: the grace period starts now
        elif now - mark.stat().st_mtime >= keep:
            shutil.rmtree(old, ignore_errors=True)
            mark.unlink(missing_ok=True)
    for mark in marks.iterdir():
        if not (releases / mark.name).exists():
            mark.unlink(missing_ok=True)


def check(files: dict[str, bytes], data_dir: Path) -> list[str]:
    """Names of published files that differ from a fresh build (empty when in step)."""
    current = data_dir / "tidy"
    problems = []
    for name, data in sorted(files.items()):
        path = current / name
        if not path.exists():
            problems.append(f"{name}: missing")
        elif path.read_bytes() != data:
            problems.append(f"{name}: differs")
    if current.is_dir():
        extra = sorted(p.name for p in current.iterdir() if p.name not in files)
        problems += [f"{name}: not produced by the build" for name in extra]
    return problems


def converter_drift(data_dir: Path) -> list[str]:
    """Sources kept as PDFs whose stored text is no longer what converting the original
    gives (a new converter, a changed file): ``build --check`` names them."""
    from etl.pdf import SNAPSHOT_FILE, pdf_text

    problems = []
    for snapshot in sorted((data_dir / "sources").glob(f"*/{SNAPSHOT_FILE}")):
        folder = snapshot.parent
        record = json.loads(snapshot.read_text("utf-8"))
        if record.get("media_type") != "application/pdf":
            continue  # web pages: the extractor of the day is recorded, not rerun here
        original = (folder / record["file"]).read_bytes()
        if hashlib.sha256(original).hexdigest() != record["sha256"]:
            problems.append(f"sources/{folder.name}/{record['file']}: differs from the "
                            "SHA-256 in its snapshot")
            continue
        fresh = pdf_text(original, record["file"]).text
        if fresh != (folder / "article.txt").read_text("utf-8"):
            problems.append(f"sources/{folder.name}/article.txt: differs from converting "
                            f"{record['file']} now ({record['converter']} then); run "
                            "`python -m etl reconvert`")
    return problems


CACHE = Path("cache") / "extraction"  # under the data folder; never committed


def _build_from(data_dir: Path, progress: Callable[[str], None], workers: int | None = None,
                scheduler: str | None = None, cache: bool = True) -> Dataset:
    """The stages in order: sources -> extraction (cached per source, parallel) ->
    curation and tables."""
    sources = load_sources(data_dir / "sources")
    curations = {s.meta.id: load_curations(data_dir, s.meta.id) for s in sources}
    extractions = extract_all(sources, data_dir / CACHE if cache else None, workers,
                              scheduler, progress)
    return build_tables(sources, load_cpi(data_dir / "reference"), progress, curations,
                        extractions)


def run_build(data_dir: Path, check_only: bool = False, quiet: bool = False,
              workers: int | None = None, scheduler: str | None = None,
              cache: bool = True) -> int:
    """The ``python -m etl build`` command. Returns the exit code. ``workers`` and
    ``scheduler``: where extraction runs (etl.extraction.extract_all); ``cache`` False
    re-extracts every source."""
    def progress(line: str) -> None:
        if not quiet:
            print(line, file=sys.stderr, flush=True)

    if check_only:
        with write_lock(data_dir):  # finishes any write a crash interrupted first
            files = render_files(_build_from(data_dir, progress, workers, scheduler, cache))
        problems = check(files, data_dir) + converter_drift(data_dir)
        if problems:
            print("data/tidy is out of date with a fresh build; run `python -m etl build`:",
                  file=sys.stderr)
            for p in problems:
                print(f"  {p}", file=sys.stderr)
            return 1
        progress(f"data/tidy matches a fresh build (version {version_of(files)})")
        return 0
    with write_lock(data_dir):  # one build publishes at a time, after every pending save
        files = render_files(_build_from(data_dir, progress, workers, scheduler, cache))
        final = publish(files, data_dir, progress)
    progress(f"published version {version_of(files)} to {final} ({len(files)} files)")
    return 0
