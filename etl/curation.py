"""Human corrections to the machine's figures, kept apart from the source text.

``data/curation/<document id>.jsonl`` holds one record a line, each what a person changed
against the machine's output, when, and why:

- ``{"action": "set", "start", "end", "text", "attribute", "value", "machine_value", ...}``
- ``{"action": "drop", "start", "end", "text", ...}``: a false positive
- ``{"action": "add", "start", "end", "text", "attributes": {...}, ...}``: a missed figure

Every rebuild reruns the machine and reapplies the records by their text span. A record
whose span no longer holds its text, or no longer holds a machine figure to correct, is
*orphaned*: reported by the build and listed in the curations table, never dropped.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from etl.attributes import CHOICES, EDITABLE
from etl.extract import YEAR_MAX, YEAR_MIN, Figure, _stable_id
from etl.sources import SourceError
from etl.txn import atomic_write

QUALIFIERS = CHOICES["qualifier"]
STATUSES = CHOICES["status"]


class Curation(BaseModel):
    model_config = ConfigDict(extra="forbid")

    action: Literal["set", "drop", "add"]
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str = Field(min_length=1, max_length=500)
    attribute: str | None = None
    value: str | float | int | None = None
    machine_value: str | float | int | None = None
    attributes: dict[str, str | float | int | None] = {}
    reason: str = ""
    at: str


@dataclass
class Outcome:
    record: Curation
    status: str  # "applied" or "orphaned"
    figure_id: str | None
    problem: str | None = None


def curation_path(data_dir: Path, document_id: str) -> Path:
    return data_dir / "curation" / f"{document_id}.jsonl"


def load_curations(data_dir: Path, document_id: str) -> list[Curation]:
    path = curation_path(data_dir, document_id)
    if not path.exists():
        return []
    records = []
    for n, line in enumerate(path.read_text("utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            records.append(Curation.model_validate_json(line))
        except ValueError as exc:
            raise SourceError(f"{path}: line {n} is not a valid curation record ({exc})"
                              ) from None
    return records


def append_curations(data_dir: Path, document_id: str, records: list[Curation]) -> None:
    """Add records to a document's curation file, atomically (caller holds the lock)."""
    path = curation_path(data_dir, document_id)
    old = path.read_text("utf-8") if path.exists() else ""
    new = "".join(r.model_dump_json(exclude_defaults=False) + "\n" for r in records)
    atomic_write(path, (old + new).encode("utf-8"))


REQUIRED = ("amount", "currency", "qualifier", "status")  # a figure has these, always


def _coerce(attribute: str, value: object) -> object:
    if value is None or value == "":
        if attribute in REQUIRED:
            raise ValueError(f"{attribute} cannot be empty (untick keep to drop the figure)")
        return None
    if attribute in {"amount", "amount_high"}:
        amount = float(value)  # type: ignore[arg-type]
        if not math.isfinite(amount) or amount < 0:
            raise ValueError(f"{attribute} must be a finite amount, not negative")
        return amount
    if attribute == "year":
        year = float(value)  # type: ignore[arg-type]
        if not year.is_integer() or not YEAR_MIN <= year <= YEAR_MAX:
            raise ValueError(f"year must be a whole year from {YEAR_MIN} to {YEAR_MAX}")
        return int(year)
    if attribute in CHOICES and value not in CHOICES[attribute]:
        raise ValueError(f"{attribute} must be one of {', '.join(CHOICES[attribute])}")
    if attribute == "currency" and not re.fullmatch(r"[A-Z]{3}", str(value)):
        raise ValueError("currency must be a three-letter ISO 4217 code such as USD")
    return str(value)


def apply_curations(text: str, doc_key: str, figures: list[Figure],
                    sentence_of: Callable[[int], int], records: list[Curation]
                    ) -> tuple[list[Figure], list[Outcome]]:
    """The figures after the people's corrections, and what became of each record.

    ``sentence_of(offset)`` gives the index of the sentence holding a character offset."""
    by_span = {(f.start, f.end): f for f in figures}
    curated: dict[str, set[str]] = {}
    dropped: set[str] = set()
    outcomes: list[Outcome] = []
    for r in records:
        if text[r.start : r.end] != r.text:
            outcomes.append(Outcome(r, "orphaned", None,
                                    f"the text at {r.start}-{r.end} is no longer {r.text!r}"))
            continue
        fig = by_span.get((r.start, r.end))
        if r.action == "add":
            if fig is not None:
                outcomes.append(Outcome(r, "applied", fig.figure_id, "the machine finds it now"))
                continue
            fig = Figure(
                figure_id=_stable_id("fig", doc_key, "curated", r.start, r.text),
                sentence_index=sentence_of(r.start), start=r.start, end=r.end, text=r.text,
                amount=0.0, amount_high=None, currency="USD", currency_source="curation",
                qualifier="exact",
                qualifier_text=None, year=None, year_type=None, year_text=None, funder=None,
                recipient=None, purpose=None, status="reported", status_cue=None,
                attributed_source=None)
            try:
                for name, value in r.attributes.items():
                    if name in EDITABLE:
                        fig = replace(fig, **{name: _coerce(name, value)})
            except ValueError as exc:
                outcomes.append(Outcome(r, "orphaned", None, str(exc)))
                continue
            by_span[(r.start, r.end)] = fig
            curated[fig.figure_id] = {"added"}
            outcomes.append(Outcome(r, "applied", fig.figure_id))
            continue
        if fig is None:
            outcomes.append(Outcome(r, "orphaned", None,
                                    f"no figure at {r.start}-{r.end} to {r.action}"))
            continue
        if r.action == "drop":
            dropped.add(fig.figure_id)
            outcomes.append(Outcome(r, "applied", fig.figure_id))
            continue
        if r.attribute not in EDITABLE:
            outcomes.append(Outcome(r, "orphaned", fig.figure_id,
                                    f"{r.attribute!r} cannot be corrected"))
            continue
        provenance = {f"{r.attribute}_source": "curation"} if r.attribute in {
            "year", "funder", "status", "currency"} else {}
        try:
            new = replace(fig, **{r.attribute: _coerce(r.attribute, r.value)}, **provenance)
        except ValueError as exc:
            outcomes.append(Outcome(r, "orphaned", fig.figure_id, str(exc)))
            continue
        by_span[(r.start, r.end)] = new
        curated.setdefault(new.figure_id, set()).add(r.attribute)
        outcomes.append(Outcome(r, "applied", new.figure_id))
    result = [replace(f, curated=", ".join(sorted(curated.get(f.figure_id, ()))))
              for f in sorted(by_span.values(), key=lambda f: f.start)
              if f.figure_id not in dropped]
    return result, outcomes



def is_missing(value: object) -> bool:
    """None, NaN, pandas' NA or NaT: a cell with nothing in it."""
    if value is None:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    return type(value).__name__ in {"NAType", "NaTType"}


def _same(a: object, b: object) -> bool:
    if is_missing(a) and is_missing(b):
        return True
    if is_missing(a) or is_missing(b):
        return False
    try:
        return float(a) == float(b)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return str(a) == str(b)


def _plain(value: object) -> str | float | int | None:
    """A cell of the review table as a curation value (numbers stay numbers)."""
    if is_missing(value):
        return None
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int | float):
        return value
    if hasattr(value, "item"):  # numpy scalars
        return _plain(value.item())
    return str(value)


def review_records(text: str, machine: Iterable[Mapping[str, object]],
                   edited: Iterable[Mapping[str, object]], reason: str, at: str
                   ) -> list[Curation]:
    """The curation records a reviewed table makes: ``machine`` is what the extractor
    found (rows with ``start``, ``end``, ``text`` and the editable attributes), ``edited``
    the table after a person's changes (a row without ``start`` is an added figure; a
    machine row missing from it, or with ``keep`` false, is dropped). Every value is
    checked here, so a bad cell is a SourceError naming it, never a half-saved source."""
    machine_rows = list(machine)
    by_start = {int(r["start"]): r for r in machine_rows}  # type: ignore[call-overload]
    taken = [(int(r["start"]), int(r["end"])) for r in machine_rows]  # type: ignore[call-overload]
    records: list[Curation] = []
    seen: set[int] = set()
    added: list[tuple[Mapping[str, object], str]] = []
    for row in edited:
        start = row.get("start")
        if not is_missing(start) and int(start) in by_start:  # type: ignore[call-overload]
            old = by_start[int(start)]  # type: ignore[call-overload]
            seen.add(int(start))  # type: ignore[call-overload]
            span = {"start": int(old["start"]), "end": int(old["end"]),  # type: ignore[call-overload]
                    "text": str(old["text"])}
            if not is_missing(row.get("keep")) and not bool(row.get("keep")):
                records.append(_record("drop", span, reason, at))
                continue
            for name in EDITABLE:
                if name in row and not _same(row[name], old.get(name)):
                    records.append(_record("set", span, reason, at, attribute=name,
                                           value=_checked(name, row[name]),
                                           machine_value=_plain(old.get(name))))
            continue
        figure_text = "" if is_missing(row.get("text")) else str(row.get("text")).strip()
        if figure_text:
            added.append((row, figure_text))
    for start, old in by_start.items():  # rows deleted in the editor: dropped figures
        if start not in seen:
            records.append(_record("drop", {"start": start, "end": int(old["end"]),  # type: ignore[call-overload]
                                            "text": str(old["text"])}, reason, at))
    for row, figure_text in added:
        if len(figure_text) > MAX_FIGURE_CHARS:
            raise SourceError(f"an added figure is {len(figure_text):,} characters long; a "
                              f"figure's text is at most {MAX_FIGURE_CHARS}")
        start = text.find(figure_text)
        while start >= 0 and any(s < start + len(figure_text) and start < e for s, e in taken):
            start = text.find(figure_text, start + 1)
        if start < 0:
            raise SourceError(f"the added figure {figure_text[:80]!r} is not in the article "
                              "text")
        taken.append((start, start + len(figure_text)))
        attributes = {name: _checked(name, row[name]) for name in EDITABLE
                      if name in row and not is_missing(row[name])}
        records.append(_record("add", {"start": start, "end": start + len(figure_text),
                                       "text": figure_text}, reason, at,
                               attributes=attributes))
    return records


MAX_FIGURE_CHARS = 500


def _checked(name: str, value: object) -> str | float | int | None:
    plain = _plain(value)
    try:
        _coerce(name, plain)
    except (TypeError, ValueError) as exc:
        raise SourceError(f"{name}: {exc}" if "must" in str(exc)
                          else f"{name}: {str(plain)[:80]!r} is not a valid value") from None
    if isinstance(plain, str) and len(plain) > MAX_VALUE_CHARS:
        raise SourceError(f"{name}: at most {MAX_VALUE_CHARS} characters")
    return plain


MAX_VALUE_CHARS = 300


def _record(action: str, span: dict, reason: str, at: str, **more: object) -> Curation:
    try:
        return Curation.model_validate({"action": action, **span, "reason": reason, "at": at,
                                        **more})
    except ValidationError as exc:
        problem = "; ".join(f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}"
                            for e in exc.errors())
        raise SourceError(f"a correction cannot be kept: {problem}") from None
