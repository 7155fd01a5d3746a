"""Adding and removing sources: validated, atomic, one writer at a time.

Every write is one :class:`etl.txn.Transaction` under the lock on ``data/.write.lock``: a
batch of sources with their corrections, a replacement, a removal land whole or not at all,
and a batch is validated in full before anything is written. Replacing or removing a source
moves the previous text, and on removal its corrections, to ``data/removed/<id>/<time>/``
and records who did it and why in ``data/curation/removals.jsonl``: nothing is deleted.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path

from pydantic import ValidationError

from etl.curation import Curation, curation_path, load_curations
from etl.sources import MAX_ARTICLE_BYTES, SourceError, SourceMeta, decode_text
from etl.txn import Transaction, write_lock

__all__ = [
    "NewSource",
    "add_source",
    "add_sources",
    "article_text",
    "converted",
    "html_to_text",
    "make_id",
    "reconvert",
    "remove_source",
    "validate_meta",
    "write_lock",
]

TEXT_SUFFIXES = {".txt", ".md", ".markdown"}
HTML_SUFFIXES = {".html", ".htm"}
_DROP_TAGS = ["script", "style", "noscript", "template", "iframe", "svg", "nav", "footer",
              "header", "form", "aside", "button"]
_BLOCK_TAGS = ["p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "blockquote",
               "section", "article", "pre"]


def html_to_text(html: str, drop_tables: bool = False) -> str:
    """The readable text of an HTML page: scripts, styles and page furniture dropped, one
    paragraph a line (the form the segmenter expects); tables too when ``drop_tables``."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "html.parser")
    for tag in soup([*_DROP_TAGS, *(["table"] if drop_tables else [])]):
        tag.decompose()
    root = soup.find("article") or soup.find("main") or soup.body or soup
    for tag in root.find_all(_BLOCK_TAGS):
        tag.insert_before("\n")
        tag.insert_after("\n")
    lines = [re.sub(r"[ \t\u00a0]+", " ", line).strip() for line in root.get_text().split("\n")]
    return "\n\n".join(line for line in lines if line) + "\n"


def article_text(data: bytes, name: str) -> str:
    """Bytes of an uploaded or named file -> article text, by its suffix."""
    text = decode_text(data, name)
    if Path(name).suffix.lower() in HTML_SUFFIXES or re.match(r"\s*<(?:!doctype|html)\b",
                                                                text, re.I):
        text = html_to_text(text)
    if not text.strip():
        raise SourceError(f"{name}: the article is empty")
    return text


def converted(data: bytes, name: str) -> tuple[str, bytes | None, dict | None]:
    """A received file -> (its text, the original to keep, its snapshot record): a PDF is
    converted page by page and kept; text, Markdown and HTML become text."""
    from etl.pdf import is_pdf, pdf_text

    if is_pdf(data, name):
        result = pdf_text(data, name)
        return result.text, data, result.snapshot
    if Path(name).suffix.lower() not in HTML_SUFFIXES:
        return article_text(data, name), None, None
    import bs4

    from etl.tables import html_tables

    html = decode_text(data, name)
    tables = html_tables(html)
    # the page as received is kept beside it; its money tables become row lines after the
    # text (and leave the text, so that no cell is read twice)
    text = html_to_text(html, drop_tables=bool(tables))
    if not text.strip():
        raise SourceError(f"{name}: the article is empty")
    record = {"file": "original.html", "original_name": Path(name).name[:200],
              "media_type": "text/html", "sha256": hashlib.sha256(data).hexdigest(),
              "bytes": len(data), "retrieved": date.today().isoformat(),
              "converter": f"beautifulsoup4 {bs4.__version__}"}
    text, record = with_tables(text, record, tables)
    return text, data, record


def with_tables(text: str, record: dict, tables: list) -> tuple[str, dict]:
    """The text with its money tables appended as row lines, and the snapshot record
    that says where they start and what each cell is."""
    from etl.tables import render

    if not tables:
        return text, record
    start = len(text) + 1
    text += "\n" + render(tables, start)
    return text, {**record, "tables_start": start, "tables": [t.as_record() for t in tables]}


def _ascii_words(text: str) -> list[str]:
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.findall(r"[a-z0-9]+", folded.lower())


def make_id(publisher: str, published: date, title: str) -> str:
    """A readable, stable slug: publisher, date, first words of the title. Titles in
    scripts without Latin letters get a short hash of the title instead of words, so two
    of them on the same day do not collide."""
    who = "-".join(_ascii_words(publisher)[:3]) or "source"
    words = _ascii_words(title)[:6]
    what = "-".join(words) if words else "t" + hashlib.sha1(title.encode()).hexdigest()[:8]
    return f"{who}-{published.isoformat()}-{what}"[:121].rstrip("-")


def validate_meta(fields: dict) -> SourceMeta:
    """Metadata -> SourceMeta, or a SourceError that names each bad field. Without an
    ``id`` one is made from the publisher, date and title."""
    if not fields.get("id"):
        try:
            draft = SourceMeta.model_validate({**fields, "id": "draft-id"})
        except ValidationError as exc:
            raise SourceError(f"invalid metadata: {_problems(exc)}") from None
        fields = {**fields, "id": make_id(draft.publisher, draft.date_published, draft.title)}
    try:
        return SourceMeta.model_validate(fields)
    except ValidationError as exc:
        raise SourceError(f"invalid metadata: {_problems(exc)}") from None


def _problems(exc: ValidationError) -> str:
    return "; ".join(f"{'.'.join(str(p) for p in e['loc']) or 'metadata'}: {e['msg']}"
                     for e in exc.errors())


@dataclass
class NewSource:
    """One source to add: its text, metadata and the corrections made while reviewing it."""

    text: str
    meta: SourceMeta
    curations: list[Curation] = field(default_factory=list)
    original: bytes | None = None  # the file as received (a PDF), kept beside the text
    snapshot: dict | None = None  # its record: SHA-256, media type, converter, pages


def _now() -> str:
    return datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")


def _removal_log_bytes(data_dir: Path, records: list[dict]) -> bytes:
    log = data_dir / "curation" / "removals.jsonl"
    old = log.read_bytes() if log.exists() else b""
    new = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
    return old + new.encode("utf-8")


def add_sources(data_dir: Path, items: list[NewSource], replace: bool = False,
                who: str = "") -> list[Path]:
    """Write a batch of sources, each with its corrections, as one unit under the write
    lock; returns their folders. Everything is checked before anything is written: a
    problem with any item raises SourceError and leaves the data folder as it was.
    Replacing keeps the previous text in ``data/removed/`` (its corrections stay with the
    source and are reapplied by span on the next build)."""
    seen: set[str] = set()
    for item in items:
        meta = item.meta
        if len(item.text.encode("utf-8")) > MAX_ARTICLE_BYTES:
            raise SourceError(f"{meta.id}: over the {MAX_ARTICLE_BYTES / 1e6:.1f} MB limit")
        if not item.text.strip():
            raise SourceError(f"{meta.id}: the article is empty")
        if meta.id in seen:
            raise SourceError(f"{meta.id}: given twice in one batch")
        seen.add(meta.id)
    sources = data_dir / "sources"
    with write_lock(data_dir):
        for item in items:
            if (sources / item.meta.id).exists() and not replace:
                raise SourceError(f"{item.meta.id}: a source with this id exists already")
        txn = Transaction(data_dir, "add")
        try:
            now, log = _now(), []
            for item in items:
                meta = item.meta
                if (sources / meta.id).exists():
                    kept = f"removed/{meta.id}/{now}"
                    txn.move(f"sources/{meta.id}", kept)
                    log.append({"action": "replace", "source_id": meta.id, "at": now,
                                "reason": "replaced by a new text", "by": who or None,
                                "kept_at": kept})
                files = {"article.txt": item.text.encode("utf-8"),
                         "meta.json": (meta.model_dump_json(indent=2) + "\n").encode("utf-8")}
                if item.original is not None and item.snapshot is not None:
                    files[item.snapshot["file"]] = item.original
                    files["snapshot.json"] = (json.dumps(item.snapshot, indent=2) + "\n"
                                              ).encode("utf-8")
                txn.stage_dir(f"sources/{meta.id}", files)
                if item.curations:
                    path = curation_path(data_dir, meta.id)
                    old = path.read_bytes() if path.exists() else b""
                    new = "".join(r.model_dump_json() + "\n" for r in item.curations)
                    txn.stage_file(str(path.relative_to(data_dir)), old + new.encode("utf-8"))
            if log:
                txn.stage_file("curation/removals.jsonl", _removal_log_bytes(data_dir, log))
            txn.commit()
        except BaseException:
            txn.abort()
            raise
    return [sources / item.meta.id for item in items]


def add_source(data_dir: Path, text: str, meta: SourceMeta, replace: bool = False) -> Path:
    """Write one source atomically under the write lock; returns its folder."""
    return add_sources(data_dir, [NewSource(text, meta)], replace=replace)[0]


def remove_source(data_dir: Path, source_id: str, reason: str, who: str = "") -> Path:
    """Move a source and its corrections out of the build, in one step, and record the
    removal; returns where they went. A source added again later starts with no
    corrections."""
    if not reason.strip():
        raise SourceError("say why the source is removed (--reason)")
    folder = data_dir / "sources" / source_id
    if not re.fullmatch(r"[a-z0-9][a-z0-9-]{2,120}", source_id) or not folder.is_dir():
        raise SourceError(f"{source_id}: no such source")
    now = _now()
    kept = f"removed/{source_id}/{now}"
    with write_lock(data_dir):
        txn = Transaction(data_dir, "remove")
        try:
            txn.move(f"sources/{source_id}", kept)
            if curation_path(data_dir, source_id).exists():
                load_curations(data_dir, source_id)  # a damaged file is named, not moved
                txn.move(f"curation/{source_id}.jsonl", f"{kept}/curation.jsonl")
            record = {"action": "remove", "source_id": source_id, "at": now, "reason": reason,
                      "by": who or None, "kept_at": kept}
            txn.stage_file("curation/removals.jsonl", _removal_log_bytes(data_dir, [record]))
            txn.commit()
        except BaseException:
            txn.abort()
            raise
    return data_dir / kept


def reconvert(data_dir: Path) -> list[str]:
    """Convert every source kept as a PDF again from its original, with today's converter,
    and replace the text and snapshot record of those whose text changed, in one
    transaction; returns their ids. Corrections stay and are reapplied by span (those whose
    text moved are reported as orphaned by the next build)."""
    from etl.pdf import SNAPSHOT_FILE, pdf_text

    changed: list[str] = []
    with write_lock(data_dir):
        txn = Transaction(data_dir, "reconvert")
        try:
            for snapshot in sorted((data_dir / "sources").glob(f"*/{SNAPSHOT_FILE}")):
                folder = snapshot.parent
                record = json.loads(snapshot.read_text("utf-8"))
                if record.get("media_type") != "application/pdf":
                    continue
                fresh = pdf_text((folder / record["file"]).read_bytes(), record["file"],
                                 date.fromisoformat(record["retrieved"]))
                if fresh.text == (folder / "article.txt").read_text("utf-8"):
                    continue
                new_record = {**record, "converter": fresh.snapshot["converter"],
                              "pages": fresh.snapshot["pages"]}
                txn.stage_file(f"sources/{folder.name}/article.txt", fresh.text.encode("utf-8"))
                txn.stage_file(f"sources/{folder.name}/{SNAPSHOT_FILE}",
                               (json.dumps(new_record, indent=2) + "\n").encode("utf-8"))
                changed.append(folder.name)
            txn.commit()
        except BaseException:
            txn.abort()
            raise
    return changed
