"""The engine's pure parts: stories cut into bounded tasks, and the Parquet result set
(written from a hand-built analysis, summarised without reading every row)."""

from __future__ import annotations

import pytest
from support.analysis_factory import article_from_lines, stories_analysis

from provenance.model import Claim, Collation, Departure, Finding

pytest.importorskip("distributed")
pytest.importorskip("pyarrow")

from provenance.engine.results import (  # noqa: E402
    is_result_set,
    story_detail,
    summarise,
    write_result_set,
)
from provenance.engine.tasks import story_tasks  # noqa: E402


def test_a_large_story_is_cut_into_tasks_of_bounded_size() -> None:
    big = article_from_lines("big-ref", ["A."], "en")
    small = article_from_lines("small-ref", ["B."], "en")
    jobs = [(f"k{i}", big, article_from_lines(f"r{i}", ["x"], "zh")) for i in range(19)]
    jobs.insert(5, ("s0", small, article_from_lines("s-relay", ["y"], "uk")))
    tasks = story_tasks(jobs, limit=8)
    assert [len(t) for t in tasks] == [8, 8, 3, 1]
    assert all(len({ref.id for _, ref, _ in t}) == 1 for t in tasks)  # one story a task
    assert sorted(k for t in tasks for k, _, _ in t) == sorted(k for k, _, _ in jobs)


def test_result_set_round_trip_and_summary(tmp_path) -> None:
    analysis = stories_analysis(12)
    folder = write_result_set(analysis, tmp_path / "run", articles_per_part=10)
    assert is_result_set(folder) and not is_result_set(tmp_path)
    assert len(list((folder / "articles").glob("part-*.parquet"))) > 1  # partitioned
    summary = summarise(folder, top=3)
    assert (summary.articles, summary.pairs, summary.stories) == (
        len(analysis.articles), len(analysis.pairs), 12)
    assert summary.findings_by_severity == {"critical": 1, "minor": len(analysis.pairs) - 1}
    assert summary.top_stories[0].story == 7  # 25 + 1 + ... beats every other story
    assert [f.severity for f in summary.top_findings] == ["critical", "minor", "minor"]
    assert summary.findings_at_or_above("major") == 1
    assert summarise(folder, min_severity="critical").top_findings[0].message == "7/0 changed"
    # written again over itself: replaced, never mixed with the old parts
    write_result_set(stories_analysis(2), folder)
    assert summarise(folder).stories == 2


def test_a_story_is_read_from_its_part_with_its_claims(tmp_path) -> None:
    analysis = stories_analysis(12)
    claim = Claim("8.1", 7, "One.", "s7-en", (0,), 2)
    departure = Departure("8.1", "s7-zh1", Finding("number", "major", (), (0,), "1 -> 10"),
                          "number", "1", "10", 2, 3, "s7-en", (0,))
    analysis.collation = Collation([claim], [departure], {})
    folder = write_result_set(analysis, tmp_path / "run", articles_per_part=10)
    detail = story_detail(folder, 7)
    assert [a["id"] for a in detail.articles] == ["s7-en", "s7-zh0", "s7-zh1"]
    assert [f["severity"] for f in detail.findings] == ["critical", "minor"]
    assert [(c["id"], c["departing"]) for c in detail.claims] == [("8.1", ["s7-zh1"])]
    assert story_detail(folder, 3).claims == []
    assert story_detail(folder, 99) == type(detail)(99, [], [], [])


def test_a_task_brings_its_warnings_back_for_the_client() -> None:
    import warnings

    from provenance.engine.distributed import with_warnings
    from provenance.errors import ProvenanceWarning

    def task(n: int) -> int:
        warnings.warn("the translation cache was damaged and replaced", ProvenanceWarning,
                      stacklevel=1)
        warnings.warn("someone else's", DeprecationWarning, stacklevel=1)
        return n + 1

    with warnings.catch_warnings(record=True) as here:
        warnings.simplefilter("always")
        result, caught = with_warnings(task, 1)
    assert result == 2
    assert caught == [(ProvenanceWarning, "the translation cache was damaged and replaced")]
    assert [w.category for w in here] == [DeprecationWarning], "others stay where they were"
