"""Shared fixtures. Every test runs with its own PROVENANCE_HOME: no test touches the
user's store, cache or models, and nothing is downloaded."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parent
REPO = TESTS.parent
FIXTURES = TESTS / "fixtures"
CORPORA = TESTS / "corpora"
SEEDS = REPO / "seeds"


def _shared_data() -> Path:
    """``shared/data`` beside the checkout, or beside one of its parents (a git worktree
    lives a level deeper than the main checkout); ``PROVENANCE_SHARED_DATA`` overrides."""
    if override := os.environ.get("PROVENANCE_SHARED_DATA"):
        return Path(override)
    for folder in REPO.parents:
        if (folder / "shared" / "data").is_dir():
            return folder / "shared" / "data"
    return REPO.parent / "shared" / "data"


SHARED_DATA = _shared_data()
PARALLEL = SHARED_DATA / "parallel"


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    home = tmp_path_factory.mktemp("provenance-home")
    monkeypatch.setenv("PROVENANCE_HOME", str(home))
    yield home


def parallel_docs(pair: str) -> list[Path]:
    """Folders of ../shared/data/parallel/<pair>; skips the test when the data is absent."""
    root = PARALLEL / pair
    if not root.is_dir():
        pytest.skip(f"shared data not found at {root}")
    return sorted(p for p in root.iterdir() if p.is_dir())


@pytest.fixture(scope="module")
def corpus_1000():
    """A synthetic 1,000-article analysis with gold drift (benchmarks/report_scale.py)."""
    from support.report_checks import load_generator

    return load_generator().synthetic_analysis(1000, root=PARALLEL)
