"""Files replaced whole: a reader (or a killed writer) sees the old file or the new one,
never half of either. Reports, glossary edits, glossary exports, parse caches and the
derived indexes of :mod:`provenance.indexcache` are all written this way.

The text goes to a hidden temporary file beside the target, is flushed to disk, then
renamed over the target. A new file gets the permissions the user's umask gives any new
file (the temporary file is created with them, so the umask is never changed, even
briefly); a replaced file keeps its own.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TextIO


@contextmanager
def atomic_writer(path: str | Path) -> Iterator[TextIO]:
    """A UTF-8 text stream that replaces ``path`` when the ``with`` block ends cleanly.

    Newlines are written as given (no ``\\r\\n`` translation, so CSV writers keep their
    own). If the block raises, ``path`` is untouched and the temporary file is removed.
    """
    with _replacing(path, "w", encoding="utf-8", newline="") as stream:
        yield stream


def write_atomic(path: str | Path, text: str) -> None:
    """Replace ``path`` with ``text`` (see :func:`atomic_writer`)."""
    with atomic_writer(path) as stream:
        stream.write(text)


def write_atomic_bytes(path: str | Path, data: bytes) -> None:
    """Replace ``path`` with ``data``, as :func:`atomic_writer` does for text."""
    with _replacing(path, "wb") as stream:
        stream.write(data)


@contextmanager
def _replacing(path: str | Path, mode: str, **options: Any) -> Iterator[Any]:
    path = Path(path)
    fd, tmp = _create_beside(path)
    try:
        with os.fdopen(fd, mode, **options) as stream:
            yield stream
            stream.flush()
            os.fsync(stream.fileno())
        if path.exists():
            os.chmod(tmp, path.stat().st_mode & 0o7777)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    _fsync_dir(path.parent)


def _create_beside(path: Path) -> tuple[int, Path]:
    # os.open applies the umask to 0o666 itself, as for any file a program creates
    # (tempfile.mkstemp would make it private: 0o600).
    while True:
        tmp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
        try:
            return os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666), tmp
        except FileExistsError:
            continue


def _fsync_dir(folder: Path) -> None:
    # The rename itself is durable only once the directory entry is flushed.
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
