"""PDF reports: the text of each page, and the original bytes kept as a snapshot.

pypdf reads the text layer page by page (pure Python, BSD licence, fast enough for a
200-page report in seconds; pdfplumber, MIT, reads layout more closely but several times
slower, and is the choice for tables). A source added from a PDF keeps, beside its
``article.txt``, the original file and ``snapshot.json`` with its SHA-256, media type,
retrieval date, the converter and the character span of each page, so every figure can
name its page and a better converter can be run again on the original.
"""

from __future__ import annotations

import hashlib
import io
import logging
from bisect import bisect_right
from dataclasses import dataclass
from datetime import date

from etl.sources import MAX_ARTICLE_BYTES, SourceError

MAX_PDF_BYTES = 50_000_000
MAX_PDF_PAGES = 2_000
MIN_CHARS_PER_PAGE = 20  # less than this on average: a scan without a text layer
SNAPSHOT_FILE = "snapshot.json"
ORIGINAL_PDF = "original.pdf"


@dataclass(frozen=True)
class Converted:
    text: str
    pages: list[tuple[int, int]]  # [start, end) of each page in ``text``
    snapshot: dict  # what snapshot.json records


def is_pdf(data: bytes, name: str) -> bool:
    return data[:5] == b"%PDF-" or name.lower().endswith(".pdf")


def converter() -> str:
    import pypdf

    return f"pypdf {pypdf.__version__}"


def pdf_text(data: bytes, name: str, retrieved: date | None = None) -> Converted:
    """The text of a PDF, page by page; a SourceError names what is wrong with it."""
    if len(data) > MAX_PDF_BYTES:
        raise SourceError(f"{name}: {len(data) / 1e6:.1f} MB is over the "
                          f"{MAX_PDF_BYTES / 1e6:.0f} MB limit for one PDF")
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # warnings about odd files: ours
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            raise SourceError(f"{name}: the PDF is encrypted; save a copy without a password")
        if len(reader.pages) > MAX_PDF_PAGES:
            raise SourceError(f"{name}: {len(reader.pages):,} pages is over the "
                              f"{MAX_PDF_PAGES:,}-page limit; split the report")
        texts = [(page.extract_text() or "").strip() for page in reader.pages]
    except SourceError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError, AttributeError,
            IndexError, NotImplementedError) as exc:
        raise SourceError(f"{name}: not a readable PDF ({type(exc).__name__})") from None
    except Exception as exc:  # pypdf raises many kinds for a damaged file
        raise SourceError(f"{name}: not a readable PDF ({type(exc).__name__})") from None
    if not texts:
        raise SourceError(f"{name}: the PDF has no pages")
    letters = sum(sum(ch.isalpha() for ch in t) for t in texts)
    if letters < MIN_CHARS_PER_PAGE * len(texts):
        raise SourceError(f"{name}: the PDF has no text layer (scanned pages?); run OCR on "
                          "it first, then add the result")
    parts, pages, at = [], [], 0
    for t in texts:
        t = t.replace("\x00", "")
        pages.append((at, at + len(t)))
        parts.append(t)
        at += len(t) + 2
    text = "\n\n".join(parts) + "\n"
    from etl.tables import pdf_tables, render

    tables = pdf_tables(data, texts)
    tables_start = None
    if tables:  # appended after the pages, one line a row, so every cell has a span
        tables_start = len(text) + 1
        text += "\n" + render(tables, tables_start)
    if len(text.encode("utf-8")) > MAX_ARTICLE_BYTES:
        raise SourceError(f"{name}: its text is over the {MAX_ARTICLE_BYTES / 1e6:.0f} MB limit "
                          "for one source; split the report")
    snapshot = {
        "file": ORIGINAL_PDF, "original_name": name.rsplit("/", 1)[-1][:200],
        "media_type": "application/pdf", "sha256": hashlib.sha256(data).hexdigest(),
        "bytes": len(data), "retrieved": (retrieved or date.today()).isoformat(),
        "converter": converter(), "pages": [list(p) for p in pages],
        **({"tables_start": tables_start, "tables": [t.as_record() for t in tables]}
           if tables else {}),
    }
    return Converted(text, pages, snapshot)


def page_of(pages: list[tuple[int, int]] | None, offset: int) -> int | None:
    """The 1-based page holding character ``offset``, or None for a text source."""
    if not pages:
        return None
    return max(1, bisect_right([start for start, _ in pages], offset))
