"""Shared fixtures. Every test runs with its own PROVENANCE_HOME: no test touches the
user's store, cache or models, and nothing is downloaded. Alignment runs without
sentence vectors unless a test asks for them (``vectors_on``)."""

from __future__ import annotations

from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parent
REPO = TESTS.parent
FIXTURES = TESTS / "fixtures"
CORPORA = TESTS / "corpora"
SEEDS = REPO / "seeds"
SHARED_DATA = REPO.parent / "shared" / "data"
PARALLEL = SHARED_DATA / "parallel"


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    home = tmp_path_factory.mktemp("provenance-home")
    monkeypatch.setenv("PROVENANCE_HOME", str(home))
    yield home


@pytest.fixture(autouse=True, scope="session")
def _no_vectors_by_default():
    """Sentence vectors cost ~70 ms a sentence and every test has a cold cache: tests
    align without them unless they ask (``vectors_on``). Session-wide, so that module
    fixtures (an analysed corpus shared by a module's tests) see it too."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("PROVENANCE_VECTORS", "off")
        yield


@pytest.fixture
def vectors_on(monkeypatch: pytest.MonkeyPatch) -> None:
    """Alignment with sentence vectors by default, as for users."""
    monkeypatch.delenv("PROVENANCE_VECTORS", raising=False)


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

    return load_generator().synthetic_analysis(1000)
