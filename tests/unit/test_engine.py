"""The engine's pure parts: stories cut into bounded tasks, and the Parquet result set
(written from a hand-built analysis, summarised without reading every row)."""

from __future__ import annotations

import pytest
from support.analysis_factory import article_from_lines

from provenance.model import Alignment, ArticleProvenance, CorpusAnalysis, Finding, PairAnalysis
from provenance.signature import Signature

pytest.importorskip("distributed")
pytest.importorskip("pyarrow")

from provenance.engine.distributed import story_tasks  # noqa: E402
from provenance.engine.results import is_result_set, summarise, write_result_set  # noqa: E402


def test_a_large_story_is_cut_into_tasks_of_bounded_size() -> None:
    big = article_from_lines("big-ref", ["A."], "en")
    small = article_from_lines("small-ref", ["B."], "en")
    jobs = [(f"k{i}", big, article_from_lines(f"r{i}", ["x"], "zh")) for i in range(19)]
    jobs.insert(5, ("s0", small, article_from_lines("s-relay", ["y"], "uk")))
    tasks = story_tasks(jobs, limit=8)
    assert [len(t) for t in tasks] == [8, 8, 3, 1]
    assert all(len({ref.id for _, ref, _ in t}) == 1 for t in tasks)  # one story a task
    assert sorted(k for t in tasks for k, _, _ in t) == sorted(k for k, _, _ in jobs)


def _analysis(stories: int) -> CorpusAnalysis:
    articles, provenance, pairs = [], {}, []
    for story in range(stories):
        ref = article_from_lines(f"s{story}-en", ["One.", "Two."], "en")
        articles.append(ref)
        provenance[ref.id] = ArticleProvenance(ref.id, "original", 0.9, story=story)
        for k in range(story % 3 + 1):
            relay = article_from_lines(f"s{story}-zh{k}", ["一。", "二。"], "zh")
            articles.append(relay)
            provenance[relay.id] = ArticleProvenance(relay.id, "translation", 0.8,
                                                     story=story)
            # story 7 has the one critical finding; the rest minor ones, one per story
            severity = "critical" if story == 7 and k == 0 else "minor"
            findings = [Finding("number", severity, (0,), (0,), f"{story}/{k} changed")]
            pairs.append(PairAnalysis(ref.id, relay.id,
                                      Alignment("en", "zh", "monotonic", []), findings))
    return CorpusAnalysis(Signature({"align": "auto"}), articles, provenance, pairs)


def test_result_set_round_trip_and_summary(tmp_path) -> None:
    analysis = _analysis(12)
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
    write_result_set(_analysis(2), folder)
    assert summarise(folder).stories == 2
