"""Where the project keeps its state: the analysis store, the caches, models.

Everything lives under one directory the user controls: ``$PROVENANCE_HOME``, else the
platform's user data folder as ``platformdirs`` finds it (on Linux
``$XDG_DATA_HOME/provenance``, else ``~/.local/share/provenance``; on macOS
``~/Library/Application Support/provenance``; on Windows under ``%LOCALAPPDATA%``).
Tests point ``PROVENANCE_HOME`` at a temporary folder.
"""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_path

#: The source checkout (bundled glossaries and seeds live beside the package).
PROJECT_ROOT = Path(__file__).resolve().parent.parent


def data_dir() -> Path:
    if home := os.environ.get("PROVENANCE_HOME"):
        path = Path(home)
    else:
        path = user_data_path("provenance", appauthor=False)
    path.mkdir(parents=True, exist_ok=True)
    return path


def store_path() -> Path:
    """SQLite file holding analysed corpora."""
    return data_dir() / "store.sqlite"


def translation_cache_path() -> Path:
    return data_dir() / "translations.sqlite"


def vector_cache_path() -> Path:
    """SQLite file holding sentence vectors (``provenance.crosslingual.vectors``)."""
    return data_dir() / "vectors.sqlite"


def argos_packages_dir() -> Path:
    path = data_dir() / "argos-packages"
    path.mkdir(parents=True, exist_ok=True)
    return path


def bundled_glossaries_dir() -> Path:
    return PROJECT_ROOT / "glossaries"


def bundled_seeds_dir() -> Path:
    return PROJECT_ROOT / "seeds"
