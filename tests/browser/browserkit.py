"""Start and stop a real `streamlit run` server on a free loopback port, and a Chromium."""

from __future__ import annotations

import contextlib
import os
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
                     timeout: float = 30.0) -> Iterator[str]:
    """Run ``streamlit run app`` on a free port; yield its base URL; stop it after."""
    with streamlit_process(app, data_dir, timeout) as (url, _):
        yield url


@contextlib.contextmanager
def streamlit_process(app: Path, data_dir: Path | None = None,
                      timeout: float = 30.0) -> Iterator[tuple[str, subprocess.Popen]]:
    """As streamlit_server, yielding the server process too (to read its memory)."""
    port = free_port()
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
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
    for i in range(points.count()):
        points.nth(i).hover(force=True)
        page.wait_for_timeout(200)
        yield tip.inner_text() if tip.count() else ""


def tooltip_with(page, needle: str) -> str:
    """The first tooltip whose text holds ``needle`` (white space folded)."""
    seen = []
    for text in tooltips(page):
        seen.append(text)
        if needle in " ".join(text.split()):
            return text
    raise AssertionError(f"no tooltip holds {needle!r}; saw {seen!r}")
