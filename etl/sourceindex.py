"""Stage "sources", remembered: for each source, what its files looked like (size,
modification and change times, inode, as git's index keeps them) when its rows key was
made, and that key. A source whose files all look the same is not read again but for its
metadata: a rebuild after one added document reads one article, not every one (at 10,000
documents reading and hashing them all took 4.5 s of the 11-13 s).

The index is a cache under ``data/cache`` like the rows it points to: never the only copy,
thrown away when the code or the CPI-U it was made with change, and ignored by ``--no-cache``.
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
from pathlib import Path

from etl.cpi import Cpi
from etl.curation import curation_path
from etl.rows import rows_version
from etl.sources import SourceMeta
from etl.txn import atomic_write

INDEX = Path("cache") / "sources.index.pickle"

Signature = tuple[tuple[str, int | None, int | None, int | None, int | None], ...]


def signature(data_dir: Path, folder: Path) -> Signature:
    """What a source's files look like: each file of its folder, and its corrections file,
    by name, size, modification time, inode and change time (None when it has none)."""
    entries = []
    with os.scandir(folder) as found:
        files = sorted((e.name, e.path) for e in found)
    for name, path in [*files, ("curation", str(curation_path(data_dir, folder.name)))]:
        try:
            st = os.stat(path)
        except FileNotFoundError:
            entries.append((name, None, None, None, None))
            continue
        entries.append((name, st.st_size, st.st_mtime_ns, st.st_ino, st.st_ctime_ns))
    return tuple(entries)


def _stamp(cpi: Cpi) -> str:
    """What every key also depends on: the code of the rows and of the extractor, and the
    CPI-U with its base year."""
    payload = json.dumps([rows_version(), sorted(cpi.index.items()), cpi.latest], default=str)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


class SourceIndex:
    """The keys of the sources whose files look as they did, for one data folder."""

    def __init__(self, data_dir: Path, cpi: Cpi) -> None:
        self.path = data_dir / INDEX
        self.stamp = _stamp(cpi)
        # source id -> (its files' signature, its rows key, its metadata)
        self.entries: dict[str, tuple[Signature, str, SourceMeta]] = {}
        self.fresh: dict[str, tuple[Signature, str, SourceMeta]] = {}
        try:
            stored = pickle.loads(self.path.read_bytes())
            if isinstance(stored, dict) and stored.get("stamp") == self.stamp:
                self.entries = dict(stored["entries"])
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ValueError,
                KeyError, TypeError):
            pass  # no index, or a damaged one: every source is read

    def known(self, source_id: str, sig: Signature) -> tuple[str, SourceMeta] | None:
        """The source's rows key and metadata when its files look as they did when they
        were read."""
        entry = self.entries.get(source_id)
        if entry is None or entry[0] != sig:
            return None
        self.fresh[source_id] = entry
        return entry[1], entry[2]

    def record(self, source_id: str, sig: Signature, key: str, meta: SourceMeta) -> None:
        self.fresh[source_id] = (sig, key, meta)

    def save(self) -> None:
        """Keep what this build saw (sources removed since are dropped), when it differs."""
        if self.fresh != self.entries:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            atomic_write(self.path, pickle.dumps({"stamp": self.stamp,
                                                  "entries": self.fresh}))
