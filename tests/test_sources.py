"""Source folders: validated metadata, clear errors that name the file, nothing written."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import ROOT, SEED_ID

from etl.sources import SourceError, SourceMeta, load_source, load_sources


def test_seed_source_loads() -> None:
    sources = load_sources(ROOT / "data" / "sources")
    assert next(s.meta.id for s in sources) == SEED_ID
    meta = sources[0].meta
    assert meta.publisher == "The Washington Post"
    assert meta.date_published.isoformat() == "2010-11-11"
    assert "Sheridan" in meta.citation()


def break_source(data: Path, meta: dict | None = None, text: bytes | None = None) -> Path:
    folder = data / "sources" / SEED_ID
    if meta is not None:
        (folder / "meta.json").write_text(json.dumps(meta))
    if text is not None:
        (folder / "article.txt").write_bytes(text)
    return folder


def seed_meta() -> dict:
    return json.loads((ROOT / "data" / "sources" / SEED_ID / "meta.json").read_text())


@pytest.mark.parametrize(
    ("change", "needle"),
    [
        ({"date_published": "last Tuesday"}, "date_published"),
        ({"title": ""}, "title"),
        ({"url": "javascript:alert(1)"}, "url"),
        ({"surprise": 1}, "surprise"),
        ({"id": "other-id"}, "differs from its folder"),
    ],
)
def test_bad_metadata(data_copy: Path, change: dict, needle: str) -> None:
    folder = break_source(data_copy, meta={**seed_meta(), **change})
    with pytest.raises(SourceError) as err:
        load_source(folder)
    assert "meta.json" in str(err.value) and needle in str(err.value)


def test_metadata_not_json(data_copy: Path) -> None:
    folder = data_copy / "sources" / SEED_ID
    (folder / "meta.json").write_text("{title: 'x'")
    with pytest.raises(SourceError, match="not valid JSON"):
        load_source(folder)


@pytest.mark.parametrize(
    ("text", "needle"),
    [(b"  \n\n ", "empty"), (b"caf\xe9 $5 million", "not UTF-8"),
     (b"\x00\x01\x02binary", "binary"), (b"a" * 10_000_000, "limit")],
)
def test_bad_article(data_copy: Path, text: bytes, needle: str) -> None:
    folder = break_source(data_copy, text=text)
    with pytest.raises(SourceError) as err:
        load_source(folder)
    assert "article.txt" in str(err.value) and needle in str(err.value)


def test_build_with_bad_source_exits_2_and_writes_nothing(data_copy: Path) -> None:
    break_source(data_copy, text=b"caf\xe9")
    proc = subprocess.run([sys.executable, "-m", "etl", "build", "--data", str(data_copy)],
                          capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert proc.returncode == 2
    assert "article.txt" in proc.stderr and "Traceback" not in proc.stderr
    assert not (data_copy / "tidy").exists() and not (data_copy / "published").exists()


def test_model_rejects_bad_slug() -> None:
    with pytest.raises(ValueError):
        SourceMeta.model_validate({**seed_meta(), "id": "../etc/passwd"})
