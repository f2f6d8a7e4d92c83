"""The persistent translation cache: re-analysing a corpus never translates twice.

One SQLite file (``provenance.paths.translation_cache_path()``) keyed by backend, model
version, language pair and the SHA-256 of the source text. WAL mode and a busy timeout let
several processes read and write at once. A busy file is never touched; a damaged one
(truncated, overwritten, garbage) is moved aside and a fresh cache is built, with a
warning: the rule of :mod:`provenance.dbfile`, shared with the analysis store.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import threading
import time
from collections.abc import Iterable, Mapping
from pathlib import Path

from provenance import paths
from provenance.dbfile import FileReplaced, check_integrity, open_or_replace, use_wal

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


class CacheCorruptedWarning(FileReplaced):
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
        try:
            conn.isolation_level = ""  # back to implicit transactions for `with conn:`
            conn.execute(f"PRAGMA busy_timeout={int(self.timeout * 1000)}")
            use_wal(conn, self.timeout)
            conn.execute("PRAGMA synchronous=NORMAL")
            check_integrity(conn)
            with conn:
                conn.execute(_SCHEMA)
        except BaseException:
            conn.close()
            raise
        return conn

    def _open_or_rebuild(self) -> sqlite3.Connection:
        return open_or_replace(self.path, self._connect, what="translation cache",
                               timeout=self.timeout, warning=CacheCorruptedWarning)

    def __enter__(self) -> TranslationCache:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
