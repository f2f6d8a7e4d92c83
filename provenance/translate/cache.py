"""The persistent translation cache: re-analysing a corpus never translates twice.

One SQLite file (``provenance.paths.translation_cache_path()``) keyed by backend, model
version, language pair and the SHA-256 of the source text. The file is opened as every
cache of the project is (``provenance.sqlite_cache``): shared by processes at once, and
rebuilt with a warning when unreadable: losing a cache costs time, never results.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Iterable, Mapping
from pathlib import Path

from provenance import paths
from provenance.sqlite_cache import CacheCorruptedWarning, SqliteCache

__all__ = ["CacheCorruptedWarning", "TranslationCache", "text_hash"]

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


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class TranslationCache(SqliteCache):
    """Translations already computed, shared by every process using the same home."""

    SCHEMA = _SCHEMA
    WHAT = "translation cache"

    def __init__(self, path: Path | None = None, *, timeout: float = 30.0) -> None:
        super().__init__(Path(path) if path is not None else paths.translation_cache_path(),
                         timeout=timeout)

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

    def __enter__(self) -> TranslationCache:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
