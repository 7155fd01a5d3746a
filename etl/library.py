"""Adding and removing sources: validated, atomic, one writer at a time.

A source is written into ``data/sources/<id>/`` through a temporary folder renamed into
place, under an exclusive lock on ``data/.write.lock``, so two sessions saving at once both
land (one after the other) and a crash never leaves half a source. Removing a source
moves it to ``data/removed/<id>/<time>/`` and records who removed it and why in
``data/curation/removals.jsonl``: nothing is deleted.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import re
import shutil
import tempfile
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

from pydantic import ValidationError

from etl.sources import MAX_ARTICLE_BYTES, SourceError, SourceMeta, decode_text

TEXT_SUFFIXES = {".txt", ".md", ".markdown"}
HTML_SUFFIXES = {".html", ".htm"}
_DROP_TAGS = ["script", "style", "noscript", "template", "iframe", "svg", "nav", "footer",
              "header", "form", "aside", "button"]
_BLOCK_TAGS = ["p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "blockquote",
               "section", "article", "pre"]


@contextlib.contextmanager
def write_lock(data_dir: Path) -> Iterator[None]:
    """Hold the data folder's write lock (blocking until another writer is done)."""
    data_dir.mkdir(parents=True, exist_ok=True)
    with open(data_dir / ".write.lock", "a+") as fh:
        fcntl.flock(fh.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh.fileno(), fcntl.LOCK_UN)


def html_to_text(html: str) -> str:
    """The readable text of an HTML page: scripts, styles and page furniture dropped, one
    paragraph a line (the form the segmenter expects)."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "html.parser")
    for tag in soup(_DROP_TAGS):
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


def make_id(publisher: str, published: date, title: str) -> str:
    """A readable, stable slug: publisher, date, first words of the title."""
    def slug(s: str, words: int) -> str:
        parts = re.findall(r"[a-z0-9]+", s.lower())
        return "-".join(parts[:words])

    return f"{slug(publisher, 3) or 'source'}-{published.isoformat()}-{slug(title, 6) or 'x'}"


def validate_meta(fields: dict) -> SourceMeta:
    """Metadata -> SourceMeta, or a SourceError that names each bad field."""
    try:
        return SourceMeta.model_validate(fields)
    except ValidationError as exc:
        problems = "; ".join(f"{'.'.join(str(p) for p in e['loc']) or 'metadata'}: {e['msg']}"
                             for e in exc.errors())
        raise SourceError(f"invalid metadata: {problems}") from None


def add_source(data_dir: Path, text: str, meta: SourceMeta, replace: bool = False) -> Path:
    """Write one source atomically under the write lock; returns its folder."""
    if len(text.encode("utf-8")) > MAX_ARTICLE_BYTES:
        raise SourceError(f"{meta.id}: over the {MAX_ARTICLE_BYTES / 1e6:.1f} MB limit")
    if not text.strip():
        raise SourceError(f"{meta.id}: the article is empty")
    sources = data_dir / "sources"
    sources.mkdir(parents=True, exist_ok=True)
    final = sources / meta.id
    with write_lock(data_dir):
        if final.exists() and not replace:
            raise SourceError(f"{meta.id}: a source with this id exists already")
        tmp = Path(tempfile.mkdtemp(prefix=f".{meta.id}-", dir=sources))
        try:
            (tmp / "article.txt").write_text(text, encoding="utf-8")
            (tmp / "meta.json").write_text(
                meta.model_dump_json(indent=2) + "\n", encoding="utf-8")
            tmp.chmod(0o755)
            if final.exists():
                old = sources / f".{meta.id}-replaced"
                shutil.rmtree(old, ignore_errors=True)
                os.replace(final, old)
                os.replace(tmp, final)
                shutil.rmtree(old, ignore_errors=True)
            else:
                os.replace(tmp, final)
        except BaseException:
            shutil.rmtree(tmp, ignore_errors=True)
            raise
    return final


def remove_source(data_dir: Path, source_id: str, reason: str, who: str = "") -> Path:
    """Move a source out of the build and record the removal; returns where it went."""
    if not reason.strip():
        raise SourceError("say why the source is removed (--reason)")
    folder = data_dir / "sources" / source_id
    if not re.fullmatch(r"[a-z0-9][a-z0-9-]{2,120}", source_id) or not folder.is_dir():
        raise SourceError(f"{source_id}: no such source")
    now = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    target = data_dir / "removed" / source_id / now
    with write_lock(data_dir):
        target.parent.mkdir(parents=True, exist_ok=True)
        os.replace(folder, target)
        log = data_dir / "curation" / "removals.jsonl"
        log.parent.mkdir(parents=True, exist_ok=True)
        record = {"action": "remove", "source_id": source_id, "at": now, "reason": reason,
                  "by": who or None, "kept_at": str(target.relative_to(data_dir))}
        with open(log, "a", encoding="utf-8") as fh:
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")
            fh.flush()
            os.fsync(fh.fileno())
    return target
