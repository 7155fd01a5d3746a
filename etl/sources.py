"""Source documents: article text plus validated metadata, read from ``data/sources/``.

Each source is a folder ``data/sources/<id>/`` holding ``article.txt`` (UTF-8, verbatim as
published, page furniture included) and ``meta.json`` (validated by :class:`SourceMeta`).
"""

from __future__ import annotations

import json
import os
import re
from datetime import date
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

MAX_ARTICLE_BYTES = 2_000_000
EARLIEST_DATE = date(1900, 1, 1)


class SourceError(Exception):
    """An input problem a user can fix; the message names the file and the problem."""


class SourceMeta(BaseModel):
    """Metadata of one source article (the "raw snapshot" layer of the pipeline)."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]{2,120}$",
                    description="Stable slug: publisher, date and topic, e.g. wapo-2010-11-11-...")
    title: str = Field(min_length=1, max_length=500)
    publisher: str = Field(min_length=1, max_length=200)
    author: str | None = Field(default=None, max_length=300)
    date_published: date
    url: str | None = Field(default=None, max_length=2000)
    page: str | None = Field(default=None, max_length=100,
                             description="Which page or part of the piece the text covers")
    date_added: date
    rights: str = Field(min_length=1, max_length=1000,
                        description="Copyright holder and the terms under which the text is kept")

    @field_validator("date_published", "date_added")
    @classmethod
    def _plausible_date(cls, v: date) -> date:
        # A future date would make a source look like the newest word on every figure.
        if v > date.today():
            raise ValueError(f"{v.isoformat()} is in the future")
        if v < EARLIEST_DATE:
            raise ValueError(f"must be {EARLIEST_DATE.isoformat()} or later")
        return v

    @field_validator("url")
    @classmethod
    def _http_url(cls, v: str | None) -> str | None:
        if v is not None and not re.match(r"^https?://[^\s<>\"]+$", v):
            raise ValueError("must be an http(s) URL")
        return v

    def citation(self) -> str:
        who = f"{self.author}. " if self.author else ""
        return f'{who}"{self.title}." {self.publisher}, {self.date_published.isoformat()}.'


# Rights that allow the whole text to be shared: public domain (U.S. government works,
# 17 U.S.C. 105) and open licences. Anything else (a copyright notice, "not licensed for
# redistribution", or no rights recorded) shares only the sentences that give a figure or
# a claim: the quotation that evidence needs.
_SHAREABLE_RIGHTS = re.compile(
    r"\bpublic[- ]domain\b|17\s+U\.?S\.?C\.?\s+(?:§\s*)?105\b|\bCC[- ]?(?:BY|0)\b|"
    r"\bCreative\s+Commons\b|\bwork\s+of\s+the\s+U\.?S\.?\s+government\b|"
    r"\bU\.?S\.?\s+government\s+work\b|\bopen\s+government\s+licen[cs]e\b",
    re.IGNORECASE)
_RESTRICTED_RIGHTS = re.compile(
    r"\bnot\s+(?:licensed|for)\s+(?:re)?distribution\b|\ball\s+rights\s+reserved\b|"
    r"\bnot\s+recorded\b|\bNC-?ND\b|\bno\s+redistribution\b", re.IGNORECASE)


def text_shareable(rights: str) -> bool:
    """Whether a source's whole text may go into published tables and bundles: only where
    its rights say public domain or an open licence, and nothing restricts it."""
    return bool(_SHAREABLE_RIGHTS.search(rights)) and not _RESTRICTED_RIGHTS.search(rights)


class Source(BaseModel):
    meta: SourceMeta
    text: str
    # [start, end) of each page in ``text`` for a source converted from a PDF
    pages: list[tuple[int, int]] | None = None
    # its money tables (etl.tables records) and where their row lines start in ``text``
    tables: list[dict] | None = None
    tables_start: int | None = None


def decode_text(data: bytes, name: str, max_bytes: int = MAX_ARTICLE_BYTES) -> str:
    """Bytes of an article -> text, or a SourceError that says what is wrong with ``name``."""
    if len(data) > max_bytes:
        raise SourceError(
            f"{name}: {len(data) / 1e6:.1f} MB is over the {max_bytes / 1e6:.1f} MB limit for "
            "one article; split it into parts"
        )
    if b"\x00" in data[:8192] or b"\x00" in data:
        raise SourceError(f"{name}: looks like a binary file (it contains NUL bytes), not text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise SourceError(
            f"{name}: not UTF-8 text (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
            "save it as UTF-8"
        ) from None
    if text.startswith("\ufeff"):
        text = text[1:]
    return text


def read_text_file(path: Path, max_bytes: int = MAX_ARTICLE_BYTES) -> str:
    return decode_text(read_bounded(path, max_bytes), str(path), max_bytes)


def read_bounded(path: Path, max_bytes: int = MAX_ARTICLE_BYTES) -> bytes:
    """The bytes of ``path``, reading no more than ``max_bytes`` + 1 whatever it is (a
    device such as /dev/zero reports size 0 and never ends)."""
    try:
        if path.is_dir():
            raise SourceError(f"{path}: is a folder, not a file")
        size = path.stat().st_size
        if size > max_bytes:
            raise SourceError(
                f"{path}: {size / 1e6:.1f} MB is over the {max_bytes / 1e6:.1f} MB limit for one "
                "article; split it into parts"
            )
        with open(path, "rb") as fh:
            data = fh.read(max_bytes + 1)
    except OSError as exc:
        raise SourceError(f"{path}: cannot read it ({exc.strerror or exc})") from None
    if len(data) > max_bytes:
        raise SourceError(f"{path}: over the {max_bytes / 1e6:.1f} MB limit for one article; "
                          "split it into parts")
    return data


def load_meta(folder: Path) -> SourceMeta:
    """A source's metadata alone (its article is not read)."""
    meta_path = folder / "meta.json"
    if not meta_path.exists():
        raise SourceError(f"{meta_path}: missing (every source needs meta.json)")
    try:
        raw = json.loads(read_text_file(meta_path, 100_000))
    except json.JSONDecodeError as exc:
        raise SourceError(f"{meta_path}: not valid JSON (line {exc.lineno}: {exc.msg})") from None
    try:
        meta = SourceMeta.model_validate(raw)
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e['loc']) or 'metadata'}: {e['msg']}" for e in exc.errors()
        )
        raise SourceError(f"{meta_path}: invalid metadata: {problems}") from None
    if meta.id != folder.name:
        raise SourceError(f"{meta_path}: id {meta.id!r} differs from its folder {folder.name!r}")
    return meta


def load_source(folder: Path) -> Source:
    text_path = folder / "article.txt"
    meta = load_meta(folder)
    if not text_path.exists():
        raise SourceError(f"{text_path}: missing (every source needs article.txt)")
    text = read_text_file(text_path)
    if not text.strip():
        raise SourceError(f"{text_path}: the article is empty")
    pages = None
    snapshot = folder / "snapshot.json"
    if snapshot.exists():
        try:
            record = json.loads(read_text_file(snapshot, 20_000_000))
            pages = [tuple(p) for p in record["pages"]] if "pages" in record else None
        except (ValueError, KeyError, TypeError):
            raise SourceError(f"{snapshot}: not a valid snapshot record") from None
        return Source(meta=meta, text=text, pages=pages, tables=record.get("tables"),
                      tables_start=record.get("tables_start"))
    return Source(meta=meta, text=text, pages=pages)


def load_sources(root: Path) -> list[Source]:
    """All sources under ``root``, sorted by id; the first problem found is raised."""
    return [load_source(f) for f in source_folders(root)]


def source_folders(root: Path) -> list[Path]:
    """The folder of each source under ``root``, sorted by id (named by it)."""
    if not root.is_dir():
        raise SourceError(f"{root}: no sources folder")
    with os.scandir(root) as found:  # (a folder's type without a stat of each)
        folders = sorted(Path(e.path) for e in found
                         if e.is_dir() and not e.name.startswith("."))
    if not folders:
        raise SourceError(f"{root}: holds no sources")
    return folders
