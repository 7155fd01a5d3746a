"""`python -m etl add` / `remove`: text, Markdown and HTML in; validated; atomic; locked."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pandas as pd
from helpers import ROOT

from etl.library import html_to_text

ARTICLE = ("The State Department gave Guatemala $45 million in 2011 for police training, "
           "officials said.\n")


def etl(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "etl", *args], capture_output=True, text=True,
                          cwd=ROOT, timeout=180)


def add(data: Path, file: Path, title: str, *extra: str) -> subprocess.CompletedProcess[str]:
    return etl("add", str(file), "--title", title, "--publisher", "Test Paper",
               "--published", "2011-06-01", "--data", str(data), "-q", *extra)


def test_add_text_and_rebuild(data_copy: Path, tmp_path: Path) -> None:
    file = tmp_path / "a.txt"
    file.write_text(ARTICLE)
    proc = add(data_copy, file, "Guatemala aid grows")
    assert proc.returncode == 0, proc.stderr
    assert "[1/1] added test-paper-2011-06-01-guatemala-aid-grows" in proc.stderr
    figures = pd.read_csv(data_copy / "tidy" / "figures.csv")
    new = figures[figures.document_id == "test-paper-2011-06-01-guatemala-aid-grows"]
    assert list(new.text) == ["$45 million"]
    assert new.iloc[0].recipient == "Guatemala" and new.iloc[0].year == 2011
    meta = json.loads((data_copy / "sources" / new.iloc[0].document_id / "meta.json")
                      .read_text())
    assert meta["publisher"] == "Test Paper" and meta["rights"].startswith("Rights not recorded")


def test_html_is_reduced_to_its_text() -> None:
    html = ("<html><head><style>p{}</style><script>var x = '$99 million';</script></head>"
            "<body><nav>Home</nav><article><h1>Aid</h1><p>The Pentagon gave $5 million.</p>"
            "<p>More <b>text</b> here.</p></article><footer>(c) Paper</footer></body></html>")
    text = html_to_text(html)
    assert text == "Aid\n\nThe Pentagon gave $5 million.\n\nMore text here.\n"


def test_bad_input_is_refused_with_one_line(data_copy: Path, tmp_path: Path) -> None:
    binary = tmp_path / "x.txt"
    binary.write_bytes(b"\x00\x01 binary")
    empty = tmp_path / "e.md"
    empty.write_text("  \n")
    good = tmp_path / "g.txt"
    good.write_text(ARTICLE)
    for file, title, extra, needle in [
        (binary, "Binary", (), "binary"),
        (empty, "Empty", (), "empty"),
        (good, "Bad date", ("--published", "June 2011"), "date_published"),
        (good, "Bad URL", ("--url", "javascript:alert(1)"), "url"),
    ]:
        proc = add(data_copy, file, title, *extra)
        assert proc.returncode in (1, 2), proc.stderr
        assert needle.lower() in proc.stderr.lower()
    assert sorted(p.name for p in (data_copy / "sources").iterdir()) == [
        "wapo-2010-11-11-military-mexico-cartels"]


def test_same_id_needs_replace(data_copy: Path, tmp_path: Path) -> None:
    file = tmp_path / "a.txt"
    file.write_text(ARTICLE)
    assert add(data_copy, file, "Same title", "--no-build").returncode == 0
    again = add(data_copy, file, "Same title", "--no-build")
    assert again.returncode == 2 and "exists already" in again.stderr
    file.write_text(ARTICLE.replace("$45 million", "$46 million"))
    assert add(data_copy, file, "Same title", "--replace").returncode == 0
    figures = pd.read_csv(data_copy / "tidy" / "figures.csv")
    assert "$46 million" in set(figures.text) and "$45 million" not in set(figures.text)


def test_concurrent_saves_lose_nothing(data_copy: Path, tmp_path: Path) -> None:
    procs = []
    for i in range(4):
        file = tmp_path / f"c{i}.txt"
        file.write_text(ARTICLE.replace("$45 million", f"${40 + i} million"))
        procs.append(subprocess.Popen(
            [sys.executable, "-m", "etl", "add", str(file), "--title", f"Concurrent {i}",
             "--publisher", "Test Paper", "--published", "2011-06-01", "--data",
             str(data_copy), "-q"], cwd=ROOT, stderr=subprocess.PIPE))
    assert [p.wait(timeout=180) for p in procs] == [0, 0, 0, 0]
    figures = pd.read_csv(data_copy / "tidy" / "figures.csv")
    assert {f"${40 + i} million" for i in range(4)} <= set(figures.text)
    assert len(set(figures.document_id)) == 5


def test_remove_is_recorded_and_kept(data_copy: Path, tmp_path: Path) -> None:
    file = tmp_path / "a.txt"
    file.write_text(ARTICLE)
    add(data_copy, file, "To remove")
    doc = "test-paper-2011-06-01-to-remove"
    proc = etl("remove", doc, "--reason", "duplicate of another source", "--data",
               str(data_copy), "-q")
    assert proc.returncode == 0, proc.stderr
    figures = pd.read_csv(data_copy / "tidy" / "figures.csv")
    assert doc not in set(figures.document_id)
    record = json.loads((data_copy / "curation" / "removals.jsonl").read_text())
    assert (record["source_id"], record["reason"]) == (doc, "duplicate of another source")
    assert (data_copy / record["kept_at"] / "article.txt").read_text() == ARTICLE
    assert etl("remove", doc, "--reason", "again", "--data", str(data_copy)).returncode == 2


def test_batch_shows_progress(data_copy: Path, tmp_path: Path) -> None:
    lines = []
    for i in range(50):
        file = tmp_path / f"b{i:02d}.txt"
        file.write_text(ARTICLE.replace("$45 million", f"${i + 1} million"))
        lines.append(json.dumps({"file": file.name, "title": f"Batch item {i}",
                                 "publisher": "Test Paper", "date_published": "2011-06-01"}))
    manifest = tmp_path / "batch.jsonl"
    manifest.write_text("\n".join(lines) + "\n")
    proc = etl("add", "--manifest", str(manifest), "--data", str(data_copy))
    assert proc.returncode == 0, proc.stderr
    added = [x for x in proc.stderr.splitlines() if " added " in x]
    assert added[0].startswith("[1/50] added") and added[-1].startswith("[50/50] added")
    built = [x for x in proc.stderr.splitlines() if x.startswith("[51/51]")]
    assert built
    assert len(pd.read_csv(data_copy / "tidy" / "documents.csv")) == 51


def test_html_file_keeps_its_original(data_copy: Path, tmp_path: Path) -> None:
    import hashlib

    page = tmp_path / "story.html"
    page.write_text("<html><body><nav>Home</nav><article><p>" + ARTICLE + "</p></article>"
                    "</body></html>")
    assert add(data_copy, page, "Guatemala aid in HTML", "--no-build").returncode == 0
    folder = next((data_copy / "sources").glob("*guatemala-aid-in-html"))
    snapshot = json.loads((folder / "snapshot.json").read_text())
    assert (folder / "original.html").read_bytes() == page.read_bytes()
    assert snapshot["sha256"] == hashlib.sha256(page.read_bytes()).hexdigest()
    assert snapshot["media_type"] == "text/html"
    assert "Home" not in (folder / "article.txt").read_text()
