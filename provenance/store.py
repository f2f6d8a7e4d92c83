"""The analysis store: SQLite, so that the TUI opens at once on a corpus analysed before
and an interrupted batch resumes where it stopped.

Three tables:
- ``pairs``: one row per (reference, relay, settings) comparison, keyed by a hash of both
  texts and every setting, written as soon as a pair is done (this is what makes a large
  run resumable);
- ``analyses``: whole corpus analyses, keyed by a fingerprint of the corpus files and the
  settings, plus the corpus location so the latest analysis of a folder can be found;
- ``references``: the reference article chosen for a corpus location (``analyze
  --reference ID``, the TUI's reference switch), used by every later analysis of that
  corpus (``report``, the TUI) until another is chosen or ``--reference auto``.

Rows hold zlib-compressed JSON of the model's ``to_dict()``: readable with any SQLite
tool, independent of Python pickling. A busy store is waited for and never touched; a
damaged one is moved aside and started afresh (:mod:`provenance.dbfile`).
"""

from __future__ import annotations

import json
import sqlite3
import time
import zlib
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from provenance.dbfile import open_or_replace, use_wal
from provenance.model import CorpusAnalysis, PairAnalysis
from provenance.paths import store_path

#: host parameters per statement: SQLite before 3.32 allows at most 999
_SQL_VARIABLES = 900

_SCHEMA = """
CREATE TABLE IF NOT EXISTS pairs (
    key TEXT PRIMARY KEY,
    data BLOB NOT NULL,
    created REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS analyses (
    key TEXT PRIMARY KEY,
    location TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    signature TEXT NOT NULL,
    data BLOB NOT NULL,
    created REAL NOT NULL
);
CREATE INDEX IF NOT EXISTS analyses_location ON analyses (location, created);
CREATE TABLE IF NOT EXISTS "references" (
    location TEXT PRIMARY KEY,
    article_id TEXT NOT NULL,
    created REAL NOT NULL
);
"""


def _pack(obj: dict[str, Any]) -> bytes:
    return zlib.compress(json.dumps(obj, ensure_ascii=False).encode("utf-8"), 6)


def _unpack(blob: bytes) -> dict[str, Any]:
    return json.loads(zlib.decompress(blob).decode("utf-8"))  # type: ignore[no-any-return]


class Store:
    """A handle on the store file; cheap to create, one connection per call."""

    def __init__(self, path: Path | None = None, *, timeout: float = 30.0) -> None:
        self.path = Path(path) if path else store_path()
        self.timeout = timeout  # seconds to wait for another process's lock
        open_or_replace(self.path, self._create, what="analysis store", timeout=timeout)

    def _create(self) -> None:
        with self._connect() as db:
            db.executescript(_SCHEMA)
            db.execute("SELECT count(*) FROM pairs").fetchone()

    @contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        db = sqlite3.connect(self.path, timeout=self.timeout)
        try:
            db.execute(f"PRAGMA busy_timeout={int(self.timeout * 1000)}")
            use_wal(db, self.timeout)
            with db:
                yield db
        finally:
            db.close()

    # -- pairs --------------------------------------------------------------------------
    def get_pair(self, key: str) -> PairAnalysis | None:
        with self._connect() as db:
            row = db.execute("SELECT data FROM pairs WHERE key = ?", (key,)).fetchone()
        return PairAnalysis.from_dict(_unpack(row[0])) if row else None

    def get_pairs(self, keys: Sequence[str]) -> dict[str, PairAnalysis]:
        """The stored pairs among ``keys``, by key (one connection for all of them)."""
        found: dict[str, PairAnalysis] = {}
        with self._connect() as db:
            for start in range(0, len(keys), _SQL_VARIABLES):
                chunk = keys[start:start + _SQL_VARIABLES]
                rows = db.execute("SELECT key, data FROM pairs WHERE key IN "
                                  f"({','.join('?' * len(chunk))})", chunk)
                found.update((k, PairAnalysis.from_dict(_unpack(d))) for k, d in rows)
        return found

    def put_pair(self, key: str, pair: PairAnalysis) -> None:
        self.put_pairs([(key, pair)])

    def put_pairs(self, pairs: Sequence[tuple[str, PairAnalysis]]) -> None:
        """Store pairs in one transaction: a commit per pair costs more than the pair's
        writing when results arrive by the thousand."""
        now = time.time()
        with self._connect() as db:
            db.executemany("INSERT OR REPLACE INTO pairs VALUES (?, ?, ?)",
                           [(key, _pack(pair.to_dict()), now) for key, pair in pairs])

    # -- analyses -----------------------------------------------------------------------
    def get_analysis(self, key: str) -> CorpusAnalysis | None:
        with self._connect() as db:
            row = db.execute("SELECT data FROM analyses WHERE key = ?", (key,)).fetchone()
        return CorpusAnalysis.from_dict(_unpack(row[0])) if row else None

    def latest_analysis(self, location: str, fingerprint: str) -> CorpusAnalysis | None:
        """The newest analysis of a corpus location whose files are unchanged, whatever
        its settings."""
        with self._connect() as db:
            row = db.execute(
                "SELECT data FROM analyses WHERE location = ? AND fingerprint = ? "
                "ORDER BY created DESC LIMIT 1",
                (location, fingerprint),
            ).fetchone()
        return CorpusAnalysis.from_dict(_unpack(row[0])) if row else None

    def put_analysis(self, key: str, location: str, fingerprint: str,
                     analysis: CorpusAnalysis) -> None:
        with self._connect() as db:
            db.execute("INSERT OR REPLACE INTO analyses VALUES (?, ?, ?, ?, ?, ?)",
                       (key, location, fingerprint, str(analysis.signature),
                        _pack(analysis.to_dict()), time.time()))

    # -- the reference chosen for a corpus ------------------------------------------------
    def get_reference(self, location: str) -> str | None:
        """The article id chosen as reference for this corpus location, if any."""
        with self._connect() as db:
            row = db.execute('SELECT article_id FROM "references" WHERE location = ?',
                             (location,)).fetchone()
        return row[0] if row else None

    def set_reference(self, location: str, article_id: str) -> None:
        with self._connect() as db:
            db.execute('INSERT OR REPLACE INTO "references" VALUES (?, ?, ?)',
                       (location, article_id, time.time()))

    def forget_reference(self, location: str) -> None:
        """Let the tool choose the reference of this corpus again."""
        with self._connect() as db:
            db.execute('DELETE FROM "references" WHERE location = ?', (location,))
