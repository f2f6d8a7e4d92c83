"""Shared fixtures. Every test runs with its own PROVENANCE_HOME: no test touches the
user's store, cache or models, and nothing is downloaded. Alignment runs without
sentence vectors unless a test asks for them (``vectors_on``).

- ``seeds_analysis`` / ``seeds_home``: the seeds analysed once per session by the
  pipeline, and the PROVENANCE_HOME whose store holds that analysis; ``warm_home`` points
  PROVENANCE_HOME at a private copy of it, so a CLI test on the seeds reuses the analysis
  instead of running it again.
- ``corpus_1000``: a synthetic 1,000-article analysis with gold drift.
- In ``tests/support/``: ``cli.run_cli`` (the one CLI runner), ``analysis_factory``
  (articles built by hand), ``alignment_checks``, ``article_checks``, ``report_checks``,
  ``argos_fixture``, ``bad_input`` (the bad-input set, a corpus with broken files, a
  hostile corpus for the TUI) and ``long_articles`` (long pairs, single-line files).
  The TUI's frozen analysis is ``tests/tui/snapshot_app.py``.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from provenance.model import CorpusAnalysis

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


@dataclass(frozen=True)
class SeedsRun:
    home: Path
    analysis: CorpusAnalysis


@pytest.fixture(scope="session")
def _seeds_run(tmp_path_factory: pytest.TempPathFactory) -> SeedsRun:
    from provenance.pipeline import analyze_corpus
    from provenance.store import Store

    home = tmp_path_factory.mktemp("seeds-home")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("PROVENANCE_HOME", str(home))
        analysis = analyze_corpus([SEEDS], store=Store(home / "store.sqlite"))
    return SeedsRun(home, analysis)


@pytest.fixture(scope="session")
def seeds_analysis(_seeds_run: SeedsRun) -> CorpusAnalysis:
    """The seeds analysed by the pipeline with the bundled glossary (read it, never
    change it: every test of the session shares it)."""
    return _seeds_run.analysis


@pytest.fixture(scope="session")
def seeds_home(_seeds_run: SeedsRun) -> Path:
    """A PROVENANCE_HOME whose ``store.sqlite`` holds ``seeds_analysis``."""
    return _seeds_run.home


@pytest.fixture
def warm_home(seeds_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """PROVENANCE_HOME set to a private copy of ``seeds_home``: the seeds open from the
    store at once, and whatever the test writes stays its own."""
    home = tmp_path / "warm-home"
    shutil.copytree(seeds_home, home)
    monkeypatch.setenv("PROVENANCE_HOME", str(home))
    return home


@pytest.fixture(scope="session")
def corpus_1000():
    """A synthetic 1,000-article analysis with gold drift (benchmarks/report_scale.py);
    shared by the whole session: read it, never change it."""
    from support.report_checks import load_generator

    return load_generator().synthetic_analysis(1000, root=PARALLEL)
