"""README and code agree (after Datasette's test_docs): the pages, the published tables,
the command line's subcommands and every page's URL parameters are all documented, and
nothing documented is gone from the code."""

from __future__ import annotations

import re

from helpers import ROOT

from dashboard.state import PAGE_PARAMS
from etl.schema import TABLES

README = (ROOT / "README.md").read_text("utf-8")


def test_every_page_is_documented() -> None:
    app = (ROOT / "dashboard" / "app.py").read_text("utf-8")
    titles = re.findall(r'title="([^"]+)", url_path="([^"]+)"', app)
    assert len(titles) >= 6
    for title, path in titles:
        shown = "/" if path == "overview" else f"/{path}"
        assert f"**{title}** (`{shown}`" in README, title
    count = {6: "Six", 7: "Seven", 5: "Five"}[len(titles)]
    assert f"{count} pages" in README


def test_every_table_is_documented() -> None:
    listed = re.search(r"the published tables: ([^|]+), each as CSV and Parquet", README)
    assert listed is not None
    names = [n.strip() for n in listed.group(1).split(",")]
    assert names == list(TABLES)


def test_every_command_is_documented() -> None:
    main = (ROOT / "etl" / "__main__.py").read_text("utf-8")
    commands = re.findall(r'sub\.add_parser\("([a-z]+)"', main)
    assert set(commands) == {"build", "extract", "add", "remove", "reconvert", "export"}
    for command in commands:
        assert f"python -m etl {command}" in README, command


def test_every_url_parameter_is_documented() -> None:
    rows = dict(re.findall(r"^  \| \w+ `(/[a-z]*)` \| (.+) \|$", README, re.MULTILINE))
    documented = {path: set(re.findall(r"`([a-z_]+)`", text)) for path, text in rows.items()}
    for page, params in PAGE_PARAMS.items():
        assert documented.get(f"/{page}") == set(params), page


def test_readme_lists_every_limit_with_its_default() -> None:
    from dashboard.limits import LIMITS

    rows = {line.split("|")[1].strip(" `"): line.split("|")[2].strip()
            for line in README.splitlines() if line.startswith("| `FUNDTRACE_")}
    assert rows == {limit.variable: str(limit.default) for limit in LIMITS}


def test_readme_states_the_streamed_builds_bounds() -> None:
    """What the README says a streamed build holds is what the code sets."""
    from etl import stream, tablefiles

    assert f"a Parquet row group of {tablefiles.ROW_GROUP:,} rows" in README
    limit = stream.MEMORY_LIMIT.removesuffix("MB")
    assert f"spilling to disk beyond {limit} MB" in README
