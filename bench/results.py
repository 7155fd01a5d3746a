"""Write a benchmark's figures into its own section of bench/RESULTS.md."""

from __future__ import annotations

import os
import platform
import re
import subprocess
from datetime import UTC, datetime
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "RESULTS.md"


def machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = ""
    try:
        kb = int(re.search(r"MemTotal:\s+(\d+)", Path("/proc/meminfo").read_text()).group(1))
        mem = f", {kb / 1024 / 1024:.0f} GiB"
    except (OSError, AttributeError):
        pass
    try:
        commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True,
                                text=True, cwd=RESULTS.parent, timeout=5).stdout.strip()
    except OSError:
        commit = "?"
    return (f"{platform.machine()}, {os.cpu_count()} cores{mem}, {cpu}; Python "
            f"{platform.python_version()}; commit {commit}; "
            f"{datetime.now(UTC).strftime('%Y-%m-%d %H:%M UTC')}")


# Notes written by hand below this line of a section (each run's reading, what was tried)
# are kept when a benchmark writes its section again.
NOTES = "<!-- notes below are kept when the section is written again -->"


def write_section(name: str, body: str) -> None:
    """Replace (or add) the section ``## name`` of RESULTS.md with ``body``, keeping the
    notes after its ``NOTES`` line."""
    text = RESULTS.read_text("utf-8") if RESULTS.exists() else (
        "# Benchmark results\n\nWritten by the scripts in bench/ (`bench/run_all.py` runs "
        "them all in one go). Each section names the machine and commit it was measured "
        "on.\n")
    section = f"## {name}\n\n_Machine: {machine()}_\n\n{body.strip()}\n"
    pattern = re.compile(rf"^## {re.escape(name)}\n.*?(?=^## |\Z)", re.S | re.M)
    old = pattern.search(text)
    if old and NOTES in old.group():
        section += "\n" + NOTES + old.group().split(NOTES, 1)[1].rstrip("\n") + "\n"
    text = pattern.sub(lambda _: section + "\n", text) if old else (
        text.rstrip("\n") + "\n\n" + section)
    RESULTS.write_text(text.rstrip("\n") + "\n", "utf-8")
