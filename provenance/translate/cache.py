"""The persistent translation cache: re-analysing a corpus never translates twice.

One SQLite file (``provenance.paths.translation_cache_path()``) keyed by backend, model
version, language pair and the SHA-256 of the source text. WAL mode and a busy timeout let
several processes read and write at once. A file that is not a readable SQLite database
(truncated, overwritten, garbage) is moved aside as ``<name>.corrupt-<timestamp>`` and a
fresh cache is built, with a warning: losing a cache costs time, never results.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import threading
import time
import warnings
from collections.abc import Iterable, Mapping
from pathlib import Path

from filelock import FileLock

from provenance import paths

_SCHEMA = """
CREATE TABLE IF NOT EXISTS translations (
    backend TEXT NOT NULL,
    version TEXT NOT NULL,
    src TEXT NOT NULL,
    tgt TEXT NOT NULL,
    text_hash TEXT NOT NULL,
    translation TEXT NOT NULL,
    created REAL NOT NULL,
    PRIMARY KEY (backend, version, src, tgt, text_hash)
) WITHOUT ROWID
"""
#: SQLite's IN (...) limit is 32766 in modern builds; stay far below it
_CHUNK = 500


class CacheCorruptedWarning(UserWarning):
    """The cache file was unreadable and has been replaced by an empty one."""


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class TranslationCache:
    """Translations already computed, shared by every process using the same home."""

    def __init__(self, path: Path | None = None, *, timeout: float = 30.0) -> None:
        self.path = Path(path) if path is not None else paths.translation_cache_path()
        self.timeout = timeout
        # one connection shared by the threads of a process (TUI workers), serialised here
        self._lock = threading.RLock()
        self._db = self._open_or_rebuild()
        self._pid = os.getpid()

    # -- public API ---------------------------------------------------------------------
    def get_many(self, backend: str, version: str, src: str, tgt: str,
                 texts: Iterable[str]) -> dict[str, str]:
        """Cached translations for those of ``texts`` that have one (text -> translation)."""
        by_hash = {text_hash(t): t for t in texts}
        found: dict[str, str] = {}
        hashes = list(by_hash)
        with self._lock:
            for i in range(0, len(hashes), _CHUNK):
                chunk = hashes[i:i + _CHUNK]
                marks = ",".join("?" * len(chunk))
                rows = self._conn.execute(
                    "SELECT text_hash, translation FROM translations WHERE backend=? AND"
                    f" version=? AND src=? AND tgt=? AND text_hash IN ({marks})",
                    (backend, version, src, tgt, *chunk),
                ).fetchall()
                found.update({by_hash[h]: tr for h, tr in rows})
        return found

    def put_many(self, backend: str, version: str, src: str, tgt: str,
                 translations: Mapping[str, str]) -> None:
        """Store translations (source text -> translation); later writes win."""
        now = time.time()
        rows = [(backend, version, src, tgt, text_hash(s), tr, now)
                for s, tr in translations.items()]
        with self._lock, self._conn:  # one transaction: others see all or nothing
            self._conn.executemany(
                "INSERT OR REPLACE INTO translations VALUES (?,?,?,?,?,?,?)", rows)

    def count(self, backend: str | None = None) -> int:
        """Number of cached translations (for one backend, or all)."""
        if backend is None:
            return int(self._conn.execute("SELECT COUNT(*) FROM translations").fetchone()[0])
        return int(self._conn.execute(
            "SELECT COUNT(*) FROM translations WHERE backend=?", (backend,)).fetchone()[0])

    def clear(self, backend: str | None = None) -> int:
        """Forget cached translations (of one backend, or all); returns how many."""
        with self._lock, self._conn:
            if backend is None:
                cur = self._conn.execute("DELETE FROM translations")
            else:
                cur = self._conn.execute("DELETE FROM translations WHERE backend=?", (backend,))
        return cur.rowcount

    def close(self) -> None:
        self._db.close()

    @property
    def _conn(self) -> sqlite3.Connection:
        # A connection must not cross a fork (process pools): a child opens its own.
        if os.getpid() != self._pid:
            self._db = self._open_or_rebuild()
            self._pid = os.getpid()
        return self._db

    # -- opening, checking, rebuilding --------------------------------------------------
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
            conn.execute(_SCHEMA)
        return conn

    def _open_or_rebuild(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            return self._connect()
        except sqlite3.DatabaseError as exc:
            if isinstance(exc, sqlite3.OperationalError) and "locked" in str(exc):
                raise  # busy, not broken: never throw away a healthy cache
            # Only one process may move the file aside; the others wait and reopen.
            with FileLock(str(self.path) + ".lock", timeout=self.timeout):
                try:
                    return self._connect()  # another process may have rebuilt it already
                except sqlite3.DatabaseError as again:
                    if isinstance(again, sqlite3.OperationalError) and "locked" in str(again):
                        raise
                    moved = self._move_aside()
                    warnings.warn(
                        f"translation cache {self.path} was unreadable ({again}); moved it to "
                        f"{moved.name} and started an empty cache",
                        CacheCorruptedWarning, stacklevel=3)
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

    def __enter__(self) -> TranslationCache:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
