"""SQLite files that hold only results the tool can compute again: the analysis store
and the translation cache. One rule for both when a file will not open:

* **busy**, another process holds a lock past the timeout: the file is healthy and is
  never touched; the caller gets :class:`FileBusy`, a one-line error;
* **damaged**, not a database or failing its integrity check: the file is moved aside as
  ``<name>.corrupt-<timestamp>`` (kept for inspection, moved by one process only), an
  empty one is started, and a :class:`FileReplaced` warning says so: losing a cache or a
  store costs time, never results;
* anything else (a read-only folder, a full disk) is raised as it is: moving the file
  would not help.
"""

from __future__ import annotations

import sqlite3
import time
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from provenance.errors import ProvenanceError, ProvenanceWarning

T = TypeVar("T")

# SQLite's primary result codes (extended codes keep them in the low byte).
_BUSY_CODES = {5, 6}  # SQLITE_BUSY, SQLITE_LOCKED
_DAMAGE_CODES = {11, 26}  # SQLITE_CORRUPT, SQLITE_NOTADB


class FileBusy(ProvenanceError, sqlite3.OperationalError):
    """Another process holds the file locked; still an ``sqlite3.OperationalError`` for
    callers that catch those."""


class FileReplaced(ProvenanceWarning):
    """A damaged file was moved aside and replaced by an empty one."""


class DamagedFile(sqlite3.DatabaseError):
    """The file opened but failed SQLite's integrity check."""


def is_busy(exc: BaseException) -> bool:
    """True when SQLite refused because of another connection's lock."""
    code = getattr(exc, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF in _BUSY_CODES
    return isinstance(exc, sqlite3.OperationalError) and "locked" in str(exc)


def is_damaged(exc: BaseException) -> bool:
    """True when the file is not a usable SQLite database."""
    if isinstance(exc, DamagedFile):
        return True
    code = getattr(exc, "sqlite_errorcode", None)
    return code is not None and code & 0xFF in _DAMAGE_CODES


def use_wal(conn: sqlite3.Connection, timeout: float) -> None:
    """Switch ``conn`` to write-ahead logging, waiting out other processes doing the same.

    SQLite does not call the busy handler while a journal-mode change waits for a lock,
    so two processes opening a new file at once would see "database is locked" at once
    instead of after the timeout; retry until the timeout instead.
    """
    deadline = time.monotonic() + timeout
    while True:
        try:
            conn.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as exc:
            if not is_busy(exc) or time.monotonic() >= deadline:
                raise
            time.sleep(0.02)


def check_integrity(conn: sqlite3.Connection) -> None:
    """Raise :class:`DamagedFile` unless ``PRAGMA quick_check`` finds the file sound."""
    found = conn.execute("PRAGMA quick_check").fetchone()[0]
    if found != "ok":
        raise DamagedFile(f"integrity check failed: {found}")


def open_or_replace(path: Path, connect: Callable[[], T], *, what: str, timeout: float,
                    warning: type[Warning] = FileReplaced) -> T:
    """``connect()``, after replacing ``path`` with an empty file if it is damaged.

    ``connect`` opens ``path`` and checks it (raising an ``sqlite3.DatabaseError`` when
    it cannot); ``what`` names the file for messages ("analysis store").
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        return connect()
    except sqlite3.DatabaseError as exc:
        _raise_unless_damaged(exc, path, what)
    from filelock import FileLock  # only a damaged file needs it: keep start-up light

    # Only one process may move the file aside; the others wait here and reopen.
    with FileLock(str(path) + ".lock", timeout=timeout):
        try:
            return connect()  # another process may have replaced it already
        except sqlite3.DatabaseError as again:
            _raise_unless_damaged(again, path, what)
            moved = move_aside(path)
            warnings.warn(f"{what} {path} was unreadable ({again}); moved it to "
                          f"{moved.name} and started afresh", warning, stacklevel=3)
        return connect()


def _raise_unless_damaged(exc: sqlite3.DatabaseError, path: Path, what: str) -> None:
    if is_busy(exc):
        raise FileBusy(f"{what} {path} is busy: another process holds it locked ({exc}); "
                       "try again when it has finished") from exc
    if not is_damaged(exc):
        raise exc


def move_aside(path: Path) -> Path:
    """Rename ``path`` (and its WAL journals) to ``<name>.corrupt-<UTC timestamp>``."""
    stamp = time.strftime("%Y%m%dT%H%M%S", time.gmtime())
    target = path.with_name(f"{path.name}.corrupt-{stamp}")
    n = 1
    while target.exists():
        target = path.with_name(f"{path.name}.corrupt-{stamp}-{n}")
        n += 1
    path.replace(target)
    for suffix in ("-wal", "-shm"):  # stale journals belong to the damaged file
        side = path.with_name(path.name + suffix)
        if side.exists():
            side.replace(target.with_name(target.name + suffix))
    return target
