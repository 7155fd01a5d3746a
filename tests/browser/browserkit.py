"""Start and stop a real `streamlit run` server on a free loopback port, and a Chromium."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"
CHART_SVG = '[data-testid="stVegaLiteChart"] svg.marks'
# the chart as first shown: the server's picture, or the interactive chart once it has drawn
CHART_SHOWN = f'.st-key-chartbox [data-testid="stMarkdown"] img, {CHART_SVG}'
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run",
                 "--disable-quic"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def streamlit_server(app: Path, data_dir: Path | None = None,
                     timeout: float = 30.0, edit: bool | str = False) -> Iterator[str]:
    """Run ``streamlit run app`` on a free port; yield its base URL; stop it after.
    ``edit`` True starts it in local editing mode (FUNDTRACE_MODE=local); a string is the
    mode itself ("edit": a deployment whose editors sign in)."""
    with streamlit_process(app, data_dir, timeout, edit) as (url, _):
        yield url


@contextlib.contextmanager
def streamlit_process(app: Path, data_dir: Path | None = None, timeout: float = 30.0,
                      edit: bool | str = False) -> Iterator[tuple[str, subprocess.Popen]]:
    """As streamlit_server, yielding the server process too (to read its memory)."""
    port = free_port()
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    env.pop("FUNDTRACE_MODE", None)
    if edit:
        env["FUNDTRACE_MODE"] = edit if isinstance(edit, str) else "local"
    if data_dir is not None:
        env["FUNDTRACE_DATA"] = str(data_dir)
    cmd = [sys.executable, "-m", "streamlit", "run", str(app), "--server.port", str(port),
           "--server.address", "127.0.0.1", "--server.headless", "true",
           "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none"]
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + timeout
        while True:
            if proc.poll() is not None:
                out = proc.stdout.read().decode(errors="replace") if proc.stdout else ""
                raise RuntimeError(f"streamlit exited early:\n{out}")
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=1) as r:
                    if r.status == 200:
                        break
            except OSError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError("streamlit did not answer /_stcore/health in time")
            time.sleep(0.1)
        yield url, proc
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def screenshot(page, name: str) -> Path:
    """Save a screenshot under test-artifacts/ (git-ignored)."""
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path))
    return path


def tooltips(page) -> Iterator[str]:
    """Hover each point of the chart on ``page`` in turn; yield the tooltip's text."""
    page.wait_for_selector(CHART_SVG, timeout=30_000)
    points = page.locator(f"{CHART_SVG} g.mark-symbol.role-mark path")
    tip = page.locator("#vg-tooltip-element")
    shown = ("() => { const t = document.getElementById('vg-tooltip-element'); "
             "return Boolean(t && t.classList.contains('visible')); }")
    for i in range(points.count()):
        page.mouse.move(0, 0)  # away from the chart: the tooltip hides ...
        page.wait_for_function(f"() => !({shown})()", timeout=10_000)
        points.nth(i).hover(force=True)  # ... and shows again for this point
        page.wait_for_function(shown, timeout=10_000)
        yield tip.inner_text() if tip.count() else ""


def tooltip_with(page, needle: str) -> str:
    """The first tooltip whose text holds ``needle`` (white space folded)."""
    seen = []
    for text in tooltips(page):
        seen.append(text)
        if needle in " ".join(text.split()):
            return text
    raise AssertionError(f"no tooltip holds {needle!r}; saw {seen!r}")


# A second source on the seed's series: it agrees on 2010 (within "more than $34 million")
# and conflicts on 2008 ($15 million against $12.2 million).
SECOND_SOURCE = {"test-wire-2011-03-01-pentagon-widens-mexico-role": (
    "Pentagon widens Mexico role\n\n"
    "The Pentagon's counternarcotics funding for Mexico reached $34.2 million in fiscal "
    "2010, up from $15 million in 2008, according to the Congressional Research "
    "Service.\n",
    {"title": "Pentagon widens Mexico role", "publisher": "Test Wire",
     "date_published": "2011-03-01", "date_added": "2026-11-27", "rights": "test"})}


def seeded_data(folder: Path, seed: bool = True, sources: dict[str, tuple[str, dict]]
                | None = None, add=None, timeout: float = 120) -> Path:
    """A private data folder, built once; returns it. It holds the bundled sources (unless
    ``seed`` is false), the reference tables, ``sources`` (id -> article text and metadata
    fields, written as they are) and whatever ``add(data)`` writes."""
    data = folder / "data"
    shutil.copytree(ROOT / "data" / "reference", data / "reference")
    if seed:
        shutil.copytree(ROOT / "data" / "sources", data / "sources")
    for source_id, (text, fields) in (sources or {}).items():
        target = data / "sources" / source_id
        target.mkdir(parents=True)
        (target / "article.txt").write_text(text, encoding="utf-8")
        (target / "meta.json").write_text(json.dumps({"id": source_id, **fields}))
    if add is not None:
        add(data)
    subprocess.run([sys.executable, "-m", "etl", "build", "--data", str(data), "-q"],
                   cwd=ROOT, check=True, timeout=timeout)
    return data


def extract_on_add_page(page, url: str, text: str, title: str, publisher: str,
                        published: tuple[str, str, str], found: str) -> None:
    """Fill the Add page's form and extract; wait for the review table's ``found`` line."""
    page.goto(url + "/add")
    page.get_by_label("Article text").fill(text)
    page.get_by_label("Title").fill(title)
    page.get_by_label("Publisher").fill(publisher)
    for part, value in zip(("year", "month", "day"), published, strict=True):
        page.get_by_role("spinbutton", name=f"{part}, Date published").click()
        page.keyboard.type(value)
    page.keyboard.press("Escape")
    page.get_by_role("button", name="Extract figures").click()
    page.wait_for_selector(f"text={found}", timeout=30_000)


def edit_cell(page, column: int, value: str, attempts: int = 4) -> None:
    """Type ``value`` into the review table's first-row cell of glide column ``column``
    (0 is the row marker) and wait until the grid shows it. Each edit reruns the page,
    which can swallow a click made during the rerun: the click is made again, until the
    editor it opens is there and is the editable cell's."""
    grid = page.locator('[data-testid="stDataFrame"]').first
    for _ in range(attempts):
        # the grid keeps the horizontal scroll an earlier edit gave it (editing column 9
        # scrolls it right), and the click below is by position: scroll back to the start so
        # that it lands on the "text" cell, as on the first edit
        page.evaluate("() => { const s = document.querySelector("
                      "'[data-testid=\"stDataFrame\"] .dvn-scroller'); "
                      "if (s) s.scrollLeft = 0; }")
        box = grid.bounding_box()
        page.mouse.click(box["x"] + 125, box["y"] + 52)  # the "text" cell of the first row
        for _ in range(column - 2):
            page.keyboard.press("ArrowRight")
        page.keyboard.press("Enter")
        editor = page.locator("#portal textarea").first
        try:
            editor.wait_for(timeout=5_000)
        except Exception:
            page.keyboard.press("Escape")
            continue
        if not editor.is_enabled():  # keys landed before the click's cell had the focus:
            page.keyboard.press("Escape")  # the read-only "text" cell opened instead
            continue
        # the editor opens with its cell's text: another cell's (a key lost to a rerun moved
        # the focus one column short or long) is closed untouched and the edit made again
        shown = page.evaluate(f"() => document.getElementById('glide-cell-{column}-0')"
                              "?.textContent ?? null")
        if shown is not None and editor.input_value() != shown:
            page.keyboard.press("Escape")
            continue
        editor.fill(value)
        editor.press("Enter")
        try:
            page.wait_for_function(
                f"() => document.getElementById('glide-cell-{column}-0')?.textContent === "
                f"{value!r}", timeout=10_000)
        except Exception:
            continue  # the rerun swallowed the edit: make it again
        return
    screenshot(page, f"edit-cell-{column}-did-not-open")
    raise AssertionError(f"the editor of column {column} did not open")


_CHART_HTML_JS = (f"() => {{ const svg = document.querySelector('{CHART_SVG}'); "
                  "return svg ? svg.innerHTML.replace(/(id|clip-path)=\"[^\"]*\"/g, '') "
                  ": null; }")


def chart_html(page) -> str:
    """The chart's SVG, without the ids Vega numbers afresh on every draw."""
    return page.evaluate(_CHART_HTML_JS) or ""


def wait_for_chart(page, condition: str, timeout: float = 30_000) -> str:
    """Wait until the chart's SVG (``svg``; its markup without ids: ``html``) meets the
    JavaScript ``condition`` that the action just taken should bring about; return the
    markup. This waits for the expected change, never for the page to look still."""
    page.wait_for_function(
        f"() => {{ const svg = document.querySelector('{CHART_SVG}'); if (!svg) return false; "
        "const html = svg.innerHTML.replace(/(id|clip-path)=\"[^\"]*\"/g, ''); "
        f"return Boolean({condition}); }}", timeout=timeout)
    return chart_html(page)


def wait_for_chart_html(page, expected: str, timeout: float = 30_000) -> str:
    """Wait until the chart's markup is ``expected`` (a view rebuilt from a link)."""
    page.wait_for_function(
        f"expected => ({_CHART_HTML_JS})() === expected", arg=expected, timeout=timeout)
    return chart_html(page)


# Conditions for wait_for_chart: quotes are the text marks that begin with an ellipsis.
QUOTES_SHOWN = "[...svg.querySelectorAll('text')].some(t => t.textContent.startsWith('…'))"
QUOTES_HIDDEN = "![...svg.querySelectorAll('text')].some(t => t.textContent.startsWith('…'))"


def wait_for_text(page, text: str, timeout: float = 30_000) -> None:
    """Wait until the page's main area shows ``text`` (ignoring invisible word joiners)."""
    page.wait_for_function(
        "t => (document.querySelector('[data-testid=stMain]')?.innerText || '')"
        ".replaceAll('\\u2060', '').includes(t)", arg=text, timeout=timeout)
