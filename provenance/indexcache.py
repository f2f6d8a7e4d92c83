"""Derived indexes built once and kept on disk: a command pays for them on first use only.

Some tables are pure functions of slow-to-read inputs: the compiled glossary automata
(with pymorphy3 lemmas for every Ukrainian and Russian form) and langdetect's language
profiles (55 JSON files turned into one n-gram table). Building them took about 0.7 s of
every ``provenance align`` call; loading a built one takes milliseconds.

Each index is a pickle under ``$PROVENANCE_HOME/index/``, named after what it is and a
key that covers everything it was built from: its inputs (a glossary digest, a library
version) and the source of the code that builds it, so an upgrade or a local change
never reads a stale table. Files are written atomically (two processes building the
same index at once both succeed, and a reader never sees half a file); a file that
fails to load is rebuilt; a home that cannot be written only costs the rebuild.

The folder is the user's own, like the analysis store; nothing in it comes from a
corpus, so unpickling it is no more trusting than importing the package.
"""

from __future__ import annotations

import hashlib
import pickle
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import TypeVar

from provenance.atomicfile import write_atomic_bytes
from provenance.paths import data_dir

T = TypeVar("T")

#: Index files kept per kind; older ones (other glossaries, other code) are removed.
KEEP_PER_KIND = 16


def index_dir() -> Path:
    path = data_dir() / "index"
    path.mkdir(parents=True, exist_ok=True)
    return path


def source_digest(*modules: ModuleType) -> str:
    """A digest of the source files of ``modules``: the code that shapes an index."""
    h = hashlib.sha256()
    for module in modules:
        if module.__file__:
            h.update(Path(module.__file__).read_bytes())
        h.update(b"\0")
    return h.hexdigest()[:16]


def cached_index(kind: str, key: str, build: Callable[[], T]) -> T:
    """The index ``kind`` for ``key``: loaded when a file for it exists, else built by
    ``build()`` and stored. ``key`` must name everything the result depends on."""
    name = hashlib.sha256(f"{kind}\0{key}".encode()).hexdigest()[:24]
    try:
        folder = index_dir()
    except OSError:
        return build()
    path = folder / f"{kind}-{name}.pickle"
    try:
        with path.open("rb") as stream:
            return pickle.load(stream)  # type: ignore[no-any-return]
    except FileNotFoundError:
        pass
    except Exception:  # noqa: BLE001 - damaged, truncated or from an incompatible build
        pass
    value = build()
    try:
        write_atomic_bytes(path, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
        _prune(folder, kind)
    except OSError:
        pass  # a read-only home: the next call builds again
    return value


def _prune(folder: Path, kind: str) -> None:
    files = sorted(folder.glob(f"{kind}-*.pickle"), key=_mtime, reverse=True)
    for old in files[KEEP_PER_KIND:]:
        old.unlink(missing_ok=True)


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0
