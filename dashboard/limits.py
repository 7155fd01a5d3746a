"""What one visitor can make the server do. Each limit is a named setting (an environment
variable) with a documented default; when one is hit, the page says which, in one line,
and does nothing else.

Where the limits sit: rate limits count per browser session (a session's id is taken
when a page draws the control, so that a download made later, outside the page's run,
counts against the same visitor); row caps bound what one request draws or sends.
The other bounds live where the data is read: one article's text
(``etl.sources.MAX_ARTICLE_BYTES``, 2 MB), a PDF (``etl.pdf.MAX_PDF_BYTES``, 50 MB), an
upload (``server.maxUploadSize`` in ``.streamlit/config.toml``, 2 MB), and rebuilds, one
at a time (``etl.txn.write_lock``: a second save waits for the first, the page says so).
"""

from __future__ import annotations

import math
import os
import threading
import time
from collections import deque
from dataclasses import dataclass

WINDOW_SECONDS = 60.0


@dataclass(frozen=True)
class Limit:
    variable: str
    default: int
    what: str

    def value(self) -> int:
        """The setting, or its default when unset or not a whole number of at least 1."""
        try:
            value = int(os.environ.get(self.variable, ""))
        except ValueError:
            return self.default
        return value if value >= 1 else self.default


EXTRACTIONS_PER_MINUTE = Limit("FUNDTRACE_EXTRACTIONS_PER_MINUTE", 6,
                               "extractions (Extract figures, fetch a web page) per visitor "
                               "per minute")
EXPORTS_PER_MINUTE = Limit("FUNDTRACE_EXPORTS_PER_MINUTE", 12,
                           "ZIP bundles and chart images (PNG, SVG) per visitor per minute")
ROWS_SHOWN = Limit("FUNDTRACE_MAX_ROWS_SHOWN", 5_000,
                   "rows of a table on one page of the Data page (the rest a page number "
                   "away) and of the Compare page's list of dated figures")
ROWS_DOWNLOADED = Limit("FUNDTRACE_MAX_ROWS_DOWNLOADED", 250_000,
                        "rows in one table download (the ZIP bundle has every row)")
FIGURES_DRAWN = Limit("FUNDTRACE_MAX_FIGURES_DRAWN", 1_000,
                      "figures of one series drawn on the Overview's chart (beyond, each "
                      "year's reconciled value and range)")
ITEMS_LISTED = Limit("FUNDTRACE_MAX_ITEMS_LISTED", 25,
                    "claims on one page of the Claims page, series-years compared on one "
                    "page of the Compare page (the rest a page number away)")
LIMITS = (EXTRACTIONS_PER_MINUTE, EXPORTS_PER_MINUTE, ROWS_SHOWN, ROWS_DOWNLOADED,
          FIGURES_DRAWN, ITEMS_LISTED)


class LimitReached(Exception):
    """A rate limit was hit; the message names it and when to try again."""


_uses: dict[tuple[str, str], deque[float]] = {}
_lock = threading.Lock()


def session_id() -> str:
    """The current browser session's id ("" outside a page run)."""
    from streamlit.runtime.scriptrunner import get_script_run_ctx

    ctx = get_script_run_ctx()
    return ctx.session_id if ctx is not None else ""


def wait_seconds(limit: Limit, session: str, now: float | None = None) -> float:
    """0 when ``session`` may use ``limit`` now, else the seconds until it may."""
    now = time.monotonic() if now is None else now
    with _lock:
        uses = _uses.get((limit.variable, session))
        if uses is None:
            return 0.0
        while uses and now - uses[0] >= WINDOW_SECONDS:
            uses.popleft()
        if len(uses) < limit.value():
            return 0.0
        return max(0.1, WINDOW_SECONDS - (now - uses[0]))


def take(limit: Limit, session: str, now: float | None = None) -> None:
    """Count one use, or raise :class:`LimitReached` (counting nothing) when over."""
    now = time.monotonic() if now is None else now
    wait = wait_seconds(limit, session, now)
    if wait:
        raise LimitReached(message(limit, wait))
    with _lock:
        _uses.setdefault((limit.variable, session), deque()).append(now)


def message(limit: Limit, wait: float) -> str:
    return (f"Limit reached: at most {limit.value()} {limit.what} ({limit.variable}); "
            f"try again in {math.ceil(wait)} s.")
