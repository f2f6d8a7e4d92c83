"""Progress that moves during long work: per file and article while reading, per pair,
and inside a pair by phase (a single 5,000-sentence pair is one long "pair")."""

from __future__ import annotations

from pathlib import Path

from support.long_articles import write_pair

from provenance.align import PHASES
from provenance.pairs import PAIR_PHASES
from provenance.pipeline import analyze_corpus, describe_progress
from provenance.store import Store


def test_pair_phases_are_the_alignment_phases_then_drift() -> None:
    assert (*PHASES, "finding drift") == PAIR_PHASES


def test_analysis_reports_files_articles_pairs_and_the_phases_of_a_pair(tmp_path: Path):
    write_pair(tmp_path / "corpus", 40)
    calls: list[tuple[str, int, int]] = []
    analyze_corpus([tmp_path / "corpus"], store=Store(tmp_path / "s.sqlite"), mode="reorder",
                   progress=lambda *args: calls.append(args))
    stages = list(dict.fromkeys(stage for stage, _, _ in calls))
    # two articles: a reference to choose, no story to collate (that takes three)
    assert stages == ["read", "ingest", "facts", "claims", "compare", "pair", "provenance"]
    assert [c for c in calls if c[0] == "read"] == [("read", 1, 2), ("read", 2, 2)]
    pair = [done for stage, done, total in calls if stage == "pair"]
    assert pair == list(range(len(PAIR_PHASES) + 1))  # every phase, in order, then done
    compare = [c for c in calls if c[0] == "compare"]
    assert compare == [("compare", 0, 1), ("compare", 1, 1)]
    # the pair's phases come between the two compare calls
    first, last = calls.index(compare[0]), calls.index(compare[1])
    assert all(calls[i][0] == "pair" for i in range(first + 1, last))


def test_progress_labels() -> None:
    assert describe_progress("read", 3, 10) == "Reading files"
    assert describe_progress("pair", 2, len(PAIR_PHASES)) == "Current pair: aligning"
    assert describe_progress("pair", len(PAIR_PHASES), len(PAIR_PHASES)) == "Current pair: done"
    assert describe_progress("something new", 0, 1) == "something new"
