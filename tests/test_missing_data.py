"""The dashboard without its tables: a clear message that says how to rebuild them."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from dashboard.data import DataUnavailable, read_tables


def test_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(DataUnavailable, match="python -m etl build"):
        read_tables(tmp_path / "tidy")


def test_corrupt_parquet(tmp_path: Path) -> None:
    tidy = tmp_path / "tidy"
    shutil.copytree(Path(__file__).parent.parent / "data" / "tidy", tidy)
    (tidy / "figures.parquet").write_bytes(b"PAR1 not really")
    with pytest.raises(DataUnavailable, match=r"figures\.parquet cannot be read"):
        read_tables(tidy)


@pytest.mark.parametrize("page", [None, "sources", "data"])
def test_pages_show_a_message_not_a_traceback(tmp_path: Path, monkeypatch, page) -> None:
    from helpers import run_app

    import dashboard.data

    monkeypatch.setattr(dashboard.data, "DATA_DIR", tmp_path)
    at = run_app(page)
    assert not at.exception
    # the message names the missing folder inside the data folder, not the server's path
    assert [e.value.replace("\\", "") for e in at.error] == [
        f"The tables are missing: there is no {tmp_path.name}/tidy. "
        + dashboard.data.REBUILD_HINT]
    assert str(tmp_path.parent) not in at.error[0].value
