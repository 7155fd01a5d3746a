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

import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from etl.extract import Figure, _stable_id
from etl.sources import SourceError

EDITABLE = ("amount", "amount_high", "currency", "qualifier", "year", "year_type", "funder",
            "recipient", "purpose", "status", "attributed_source")
QUALIFIERS = ("exact", "approximate", "lower_bound", "upper_bound", "range")
STATUSES = ("reported", "estimated", "proposed", "requested", "appropriated")


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
    path.parent.mkdir(parents=True, exist_ok=True)
    old = path.read_text("utf-8") if path.exists() else ""
    new = "".join(r.model_dump_json(exclude_defaults=False) + "\n" for r in records)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(old + new)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)


def _coerce(attribute: str, value: object) -> object:
    if value is None or value == "":
        return None
    if attribute in {"amount", "amount_high"}:
        return float(value)
    if attribute == "year":
        return int(float(value))
    if attribute == "qualifier" and value not in QUALIFIERS:
        raise ValueError(f"qualifier must be one of {', '.join(QUALIFIERS)}")
    if attribute == "status" and value not in STATUSES:
        raise ValueError(f"status must be one of {', '.join(STATUSES)}")
    if attribute == "year_type" and value not in {"fiscal", "calendar"}:
        raise ValueError("year_type must be fiscal or calendar")
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
                amount=0.0, amount_high=None, currency="USD", qualifier="exact",
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
        try:
            new = replace(fig, **{r.attribute: _coerce(r.attribute, r.value)})
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

