"""Signatures: every setting that shaped a result, printed like sacrebleu's.

``Signature({"align": "monotonic", "translator": "gloss"})`` prints as
``align:monotonic|translator:gloss|version:0.1.0``. Every JSON output carries one,
so two numbers can be compared only when their signatures agree.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from provenance import __version__


@dataclass(frozen=True)
class Signature:
    settings: Mapping[str, Any] = field(default_factory=dict)

    def with_(self, **more: Any) -> Signature:
        """A new signature with extra or overridden settings."""
        return Signature({**self.settings, **more})

    def merged(self, other: Signature) -> Signature:
        return Signature({**self.settings, **other.settings})

    def to_dict(self) -> dict[str, Any]:
        return {"version": __version__, **{k: self.settings[k] for k in sorted(self.settings)}}

    def __str__(self) -> str:
        items = [(k, v) for k, v in self.to_dict().items() if k != "version"]
        items.append(("version", __version__))
        return "|".join(f"{k}:{v}" for k, v in items)


def hash_files(paths: Iterable[Path]) -> str:
    """A short content hash of files (e.g. the glossaries in use), order-independent."""
    digest = hashlib.sha256()
    for path in sorted(Path(p) for p in paths):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]
