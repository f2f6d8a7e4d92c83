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
from pathlib import Path

from provenance.dbfile import FileReplaced, check_integrity, open_or_replace, use_wal


class CacheCorruptedWarning(FileReplaced):
    """The cache file was unreadable and has been replaced by an empty one."""


class SqliteCache:
    """Base of the persistent caches: subclasses give a ``SCHEMA`` and a ``WHAT`` name.

    Files are opened by :func:`provenance.dbfile.open_or_replace`, the rule the analysis
    store follows too: busy is never damage, damage is moved aside once.
    """

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
        try:
            conn.isolation_level = ""  # back to implicit transactions for `with conn:`
            conn.execute(f"PRAGMA busy_timeout={int(self.timeout * 1000)}")
            use_wal(conn, self.timeout)
            conn.execute("PRAGMA synchronous=NORMAL")
            check_integrity(conn)
            with conn:
                conn.execute(self.SCHEMA)
        except BaseException:
            conn.close()
            raise
        return conn

    def _open_or_rebuild(self) -> sqlite3.Connection:
        return open_or_replace(self.path, self._connect, what=self.WHAT,
                               timeout=self.timeout, warning=CacheCorruptedWarning)
