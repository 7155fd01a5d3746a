"""Writes to the data folder that cannot be half done.

- :func:`write_lock` makes writers take turns (adding, removing, publishing).
- :func:`atomic_write` writes one file through a temporary file renamed into place, with the
  permissions the umask gives (not the 0600 of a bare ``mkstemp``).
- :class:`Transaction` makes several moves one unit: everything new is first staged under
  ``data/.txn/<id>/``; then a journal listing every move is written atomically (the commit
  point); then the moves run, each recorded as done. A crash before the journal leaves the
  data as they were (the stage is discarded); a crash after it is rolled forward by
  :func:`recover`, which every writer runs as soon as it holds the lock.

``FUNDTRACE_CRASH_AT=<point>`` kills the process with SIGKILL at a named point (tests use it
to crash between any two steps; it is never set in normal use).
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import shutil
import signal
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

CRASH_ENV = "FUNDTRACE_CRASH_AT"
TXN_DIR = ".txn"
_JOURNAL = "journal.json"


def crash_point(name: str) -> None:
    """Fault injection: die here, at once and without cleanup, when the tests ask."""
    if os.environ.get(CRASH_ENV) == name:
        sys.stderr.flush()
        os.kill(os.getpid(), signal.SIGKILL)


def _umask_mode(mode: int = 0o666) -> int:
    current = os.umask(0)
    os.umask(current)
    return mode & ~current


def _fsync_dir(path: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def atomic_write(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder and one
    ``rename``: readers see the old bytes or the new, never a part; a failure (a full
    disk, say) leaves the old file and no temporary file behind."""
    with atomic_writer(path) as fh:
        fh.write(data)


@contextlib.contextmanager
def atomic_writer(path: Path) -> Iterator[BinaryIO]:
    """A file to write ``path``'s new bytes to, a part at a time, published as
    :func:`atomic_write` publishes them when the block ends without an error."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.parent / f".{path.name}.{uuid.uuid4().hex[:12]}.tmp"
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, _umask_mode())
        with os.fdopen(fd, "wb") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


@contextlib.contextmanager
def write_lock(data_dir: Path) -> Iterator[None]:
    """Hold the data folder's write lock (blocking until another writer is done). A
    transaction that a crash left committed but unfinished is completed first."""
    data_dir.mkdir(parents=True, exist_ok=True)
    with open(data_dir / ".write.lock", "a+") as fh:
        fcntl.flock(fh.fileno(), fcntl.LOCK_EX)
        try:
            recover(data_dir)
            yield
        finally:
            fcntl.flock(fh.fileno(), fcntl.LOCK_UN)


def lock_busy(data_dir: Path) -> bool:
    """Whether another writer holds the data folder's write lock right now (a save or a
    rebuild that a new one would wait for)."""
    path = data_dir / ".write.lock"
    if not path.exists():
        return False
    with open(path, "a+") as fh:
        try:
            fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return True
        fcntl.flock(fh.fileno(), fcntl.LOCK_UN)
        return False


class Transaction:
    """Moves that happen together or not at all (use under :func:`write_lock`).

    Paths are relative to the data folder. ``stage_file`` and ``stage_dir`` write new
    content into the transaction's own folder and plan its move into place; ``move`` plans
    the move of something that exists already (to ``removed/``, say). Nothing outside the
    transaction's folder changes before :meth:`commit`.
    """

    def __init__(self, data_dir: Path, label: str = "write") -> None:
        self.data_dir = data_dir
        self.folder = data_dir / TXN_DIR / f"{label}-{uuid.uuid4().hex[:12]}"
        (self.folder / "stage").mkdir(parents=True)
        self.moves: list[tuple[str, str]] = []

    def _stage_path(self) -> Path:
        return self.folder / "stage" / str(len(self.moves))

    def stage_file(self, target: str, data: bytes) -> None:
        staged = self._stage_path()
        atomic_write(staged, data)
        self.moves.append((str(staged.relative_to(self.data_dir)), target))

    def stage_dir(self, target: str, files: dict[str, bytes]) -> None:
        staged = self._stage_path()
        staged.mkdir(mode=_umask_mode(0o777))
        for name, data in files.items():
            atomic_write(staged / name, data)
        self.moves.append((str(staged.relative_to(self.data_dir)), target))

    def move(self, source: str, target: str) -> None:
        self.moves.append((source, target))

    def commit(self) -> None:
        """The commit point is the journal's rename; the moves follow it."""
        crash_point("txn-staged")
        atomic_write(self.folder / _JOURNAL, json.dumps({"moves": self.moves}).encode())
        _fsync_dir(self.folder)
        crash_point("txn-committed")
        _apply(self.data_dir, self.folder)

    def abort(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)


def _apply(data_dir: Path, folder: Path) -> None:
    moves = json.loads((folder / _JOURNAL).read_text("utf-8"))["moves"]
    for n, (source, target) in enumerate(moves):
        done = folder / f"done-{n}"
        if done.exists():
            continue
        src, dst = data_dir / source, data_dir / target
        if src.exists() or src.is_symlink():  # else: moved before a crash, not yet marked
            dst.parent.mkdir(parents=True, exist_ok=True)
            os.replace(src, dst)
            _fsync_dir(dst.parent)
        crash_point(f"txn-move-{n}")
        done.touch()
    shutil.rmtree(folder, ignore_errors=True)


def recover(data_dir: Path) -> list[str]:
    """Finish committed transactions, discard uncommitted ones; returns their names."""
    root = data_dir / TXN_DIR
    if not root.is_dir():
        return []
    handled = []
    for folder in sorted(root.iterdir()):
        if (folder / _JOURNAL).exists():
            _apply(data_dir, folder)
        else:
            shutil.rmtree(folder, ignore_errors=True)
        handled.append(folder.name)
    return handled
