"""One SQLite cache file shared by every process of a machine: opening, checking, rebuilding.

The translation cache and the sentence-vector cache hold results that are expensive to
compute and cheap to lose. Both open their file the same way: WAL mode and a busy
timeout, so several processes (a pool's workers, the TUI, a second CLI call) read and
write at once; a connection never crosses a fork; and a file that is not a readable
SQLite database (truncated, overwritten, garbage) is moved aside as
``<name>.corrupt-<timestamp>`` and replaced by an empty cache with a warning. A file
that is merely busy (locked by another writer past the timeout) is never thrown away.
"""

from __future__ import annotations

import os
import sqlite3
import threading
import time
import warnings
from pathlib import Path

from filelock import FileLock


class CacheCorruptedWarning(UserWarning):
    """The cache file was unreadable and has been replaced by an empty one."""


def _busy(exc: sqlite3.DatabaseError) -> bool:
    return isinstance(exc, sqlite3.OperationalError) and "locked" in str(exc)


class SqliteCache:
    """Base of the persistent caches: subclasses give a ``SCHEMA`` and a ``WHAT`` name."""

    #: CREATE TABLE IF NOT EXISTS statement(s), run once per connection.
    SCHEMA = ""
    #: What the cache holds, for messages ("translation cache").
    WHAT = "cache"

    def __init__(self, path: Path, *, timeout: float = 30.0) -> None:
        self.path = Path(path)
        self.timeout = timeout
        # one connection shared by the threads of a process (TUI workers), serialised here
        self._lock = threading.RLock()
        self._db = self._open_or_rebuild()
        self._pid = os.getpid()

    def close(self) -> None:
        self._db.close()

    @property
    def _conn(self) -> sqlite3.Connection:
        # A connection must not cross a fork (process pools): a child opens its own.
        if os.getpid() != self._pid:
            self._db = self._open_or_rebuild()
            self._pid = os.getpid()
        return self._db

    def _connect(self) -> sqlite3.Connection:
        conn = sqlite3.connect(self.path, timeout=self.timeout, isolation_level=None,
                               check_same_thread=False)
        conn.isolation_level = ""  # back to implicit transactions for `with conn:`
        conn.execute(f"PRAGMA busy_timeout={int(self.timeout * 1000)}")
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=NORMAL")
        check = conn.execute("PRAGMA quick_check").fetchone()[0]
        if check != "ok":
            conn.close()
            raise sqlite3.DatabaseError(f"integrity check failed: {check}")
        with conn:
            conn.execute(self.SCHEMA)
        return conn

    def _open_or_rebuild(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            return self._connect()
        except sqlite3.DatabaseError as exc:
            if _busy(exc):
                raise  # busy, not broken: never throw away a healthy cache
            # Only one process may move the file aside; the others wait and reopen.
            with FileLock(str(self.path) + ".lock", timeout=self.timeout):
                try:
                    return self._connect()  # another process may have rebuilt it already
                except sqlite3.DatabaseError as again:
                    if _busy(again):
                        raise
                    moved = self._move_aside()
                    warnings.warn(
                        f"{self.WHAT} {self.path} was unreadable ({again}); moved it to "
                        f"{moved.name} and started an empty cache",
                        CacheCorruptedWarning, stacklevel=4)
                return self._connect()

    def _move_aside(self) -> Path:
        stamp = time.strftime("%Y%m%dT%H%M%S", time.gmtime())
        target = self.path.with_name(f"{self.path.name}.corrupt-{stamp}")
        n = 1
        while target.exists():
            target = self.path.with_name(f"{self.path.name}.corrupt-{stamp}-{n}")
            n += 1
        self.path.replace(target)
        for suffix in ("-wal", "-shm"):  # stale journals belong to the broken file
            side = self.path.with_name(self.path.name + suffix)
            if side.exists():
                side.replace(target.with_name(target.name + suffix))
        return target
