"""Web pages by URL: fetched carefully, reduced to the article, the original kept.

The page is fetched with a timeout, a size limit, a bounded number of redirects and a user
agent that says who asks. trafilatura (Apache 2.0, well kept, made for news and report
pages) separates the main text from navigation, ads and footers, and reads the title,
author, date and site name from the page's metadata, offered as defaults for a person to
confirm. A PDF behind a URL is read as a PDF (etl.pdf). The bytes received are kept beside
the text with their SHA-256, media type, address and retrieval date.
"""

from __future__ import annotations

import hashlib
import urllib.error
import urllib.request
from dataclasses import dataclass
from datetime import date

from etl.sources import SourceError

USER_AGENT = ("fundtrace/0.1 (policy money figures; fetches one page a person asked for, "
              "to extract the figures it cites)")
TIMEOUT_SECONDS = 20.0
MAX_PAGE_BYTES = 10_000_000
MAX_REDIRECTS = 5
HTML_TYPES = ("text/html", "application/xhtml+xml")
ORIGINAL_HTML = "original.html"


@dataclass(frozen=True)
class Fetched:
    text: str
    original: bytes
    snapshot: dict
    meta: dict  # title, author, date_published, publisher, url: defaults to confirm


class _Redirects(urllib.request.HTTPRedirectHandler):
    max_redirections = MAX_REDIRECTS


def fetch(url: str, timeout: float = TIMEOUT_SECONDS, max_bytes: int = MAX_PAGE_BYTES,
          retrieved: date | None = None) -> Fetched:
    """The article at ``url``; a SourceError says in one line what went wrong."""
    if not url.startswith(("http://", "https://")):
        raise SourceError(f"{url[:200]}: only http(s) addresses can be fetched")
    opener = urllib.request.build_opener(_Redirects())
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT,
                                                   "Accept": "text/html, application/pdf"})
    try:
        with opener.open(request, timeout=timeout) as response:
            media_type = response.headers.get_content_type()
            length = response.headers.get("Content-Length")
            if length and length.isdigit() and int(length) > max_bytes:
                raise SourceError(f"{url}: {int(length) / 1e6:.1f} MB is over the "
                                  f"{max_bytes / 1e6:.0f} MB limit for one page")
            data = response.read(max_bytes + 1)
            final_url = response.geturl()
    except SourceError:
        raise
    except urllib.error.HTTPError as exc:
        if exc.code in (301, 302, 303, 307, 308):
            raise SourceError(f"{url}: too many redirects (more than {MAX_REDIRECTS})") from None
        raise SourceError(f"{url}: the server answered {exc.code} {exc.reason}") from None
    except TimeoutError:
        raise SourceError(f"{url}: no answer within {timeout:g} seconds") from None
    except urllib.error.URLError as exc:
        reason = exc.reason
        if isinstance(reason, TimeoutError) or "timed out" in str(reason):
            raise SourceError(f"{url}: no answer within {timeout:g} seconds") from None
        raise SourceError(f"{url}: cannot be fetched ({reason})") from None
    except (OSError, ValueError) as exc:
        raise SourceError(f"{url}: cannot be fetched ({type(exc).__name__})") from None
    if len(data) > max_bytes:
        raise SourceError(f"{url}: over the {max_bytes / 1e6:.0f} MB limit for one page")
    record = {"url": final_url, "requested_url": url, "media_type": media_type,
              "sha256": hashlib.sha256(data).hexdigest(), "bytes": len(data),
              "retrieved": (retrieved or date.today()).isoformat()}
    if media_type == "application/pdf" or data[:5] == b"%PDF-":
        from etl.pdf import pdf_text

        converted = pdf_text(data, url, retrieved)
        return Fetched(converted.text, data, {**converted.snapshot, **record,
                                              "media_type": "application/pdf"},
                       {"url": final_url})
    if media_type not in HTML_TYPES:
        raise SourceError(f"{url}: is {media_type}, not a web page or a PDF")
    return _article(data, url, final_url, record)


def _article(data: bytes, url: str, final_url: str, record: dict) -> Fetched:
    import trafilatura

    html = data.decode("utf-8", errors="replace")
    text = trafilatura.extract(html, url=final_url, output_format="txt", include_comments=False,
                               include_tables=False, favor_precision=True)
    if not text or not text.strip():
        raise SourceError(f"{url}: no article text found on the page")
    found = trafilatura.extract_metadata(html, default_url=final_url)
    meta = {"url": final_url}
    if found is not None:
        for key, value in (("title", found.title), ("author", found.author),
                           ("date_published", found.date), ("publisher", found.sitename)):
            if value:
                meta[key] = str(value)[:500]
    # one paragraph a line, as the segmenter expects
    text = "\n\n".join(line.strip() for line in text.splitlines() if line.strip()) + "\n"
    snapshot = {**record, "file": ORIGINAL_HTML,
                "converter": f"trafilatura {trafilatura.__version__}"}
    from etl.library import with_tables
    from etl.tables import html_tables

    text, snapshot = with_tables(text, snapshot, html_tables(html))
    return Fetched(text, data, snapshot, meta)
