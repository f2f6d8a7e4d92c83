"""The pipeline's per-article and per-story work as pure tasks, and the engine that runs
them wherever its ``_run`` sends them (:class:`TaskEngine`).

Four kinds of tasks, all pure functions of what they are sent:
- *ingest*: a partition of the articles found in the corpus files (read by the client,
  which assigns ids and keeps the corpus-wide steps) -> each one prepared: boilerplate,
  language, sentences (:func:`provenance.corpus.prepare_each`);
- *facts*: a partition of articles -> each one's story features, cited sources and
  origin signals, and the MinHash signatures of its features (:func:`read_facts`);
- *judge*: a few stories (at most :data:`ARTICLES_PER_TASK` articles, unless one story
  is larger) -> each one's reference and collation (:func:`judge_batch`);
- *compare*: the pairs of one story, or a slice of a large story's pairs, never more
  than :data:`PAIRS_PER_TASK` (:func:`compare_story`).

Tasks are named after a digest of what they compute (the pairs' store keys: content
digests of both texts and every setting, :func:`provenance.pipeline._compare_all`), so
a pair already stored is never sent, and a rerun after a crash sends only the stories
not finished. Results come back to the one process that writes the store.

Workers never download anything: they read the glossary from the same files (or their
own bundled copy, checked against the client's digest) and align with or without
sentence vectors as the client does.
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from provenance.engine import Judged, PairJob, Progress
from provenance.errors import BadInput

if TYPE_CHECKING:
    from provenance.facts import ArticleFacts, StoryFeatures
    from provenance.glossary import Glossary
    from provenance.model import (
        Article,
        ArticleProvenance,
        Attribution,
        OriginSignal,
        PairAnalysis,
    )
    from provenance.pairs import PairSettings

#: Most pairs one compare task holds: a story of 300 relays becomes 38 tasks, so no task
#: runs for long (a killed worker loses little) and a large story spreads over workers.
PAIRS_PER_TASK = 8
#: Articles per ingest, facts and judge task (a few seconds of work each).
ARTICLES_PER_TASK = 64
#: A task: its name, the function, its arguments.
Task = tuple[str, Callable[..., Any], tuple[Any, ...]]


@dataclass(frozen=True)
class GlossarySpec:
    """How a worker gets the client's glossary: the bundled one (``paths`` None: each
    install has its own copy) or the same files; the digest proves it is the same."""

    paths: tuple[str, ...] | None
    digest: str

    @classmethod
    def of(cls, glossary: Glossary) -> GlossarySpec:
        from provenance.glossary import default_glossary

        if glossary.digest == default_glossary().digest:
            return cls(None, glossary.digest)
        if not glossary.paths:
            raise BadInput("a glossary built in memory cannot reach Dask workers: "
                           "write it to a file and pass --glossary")
        return cls(tuple(str(p.resolve()) for p in glossary.paths), glossary.digest)


@functools.lru_cache(maxsize=4)
def worker_glossary(spec: GlossarySpec) -> Glossary:
    """The glossary of ``spec``, loaded once per worker process."""
    from provenance.glossary import Glossary, default_glossary

    glossary = default_glossary() if spec.paths is None else Glossary.load(list(spec.paths))
    if glossary.digest != spec.digest:
        raise RuntimeError(f"the glossary on this worker ({glossary.digest}) is not the "
                           f"client's ({spec.digest}): install the same version and files")
    return glossary


#: What a facts task returns per article: id, story features, sources, signals.
FactsReading = tuple[str, "StoryFeatures", "list[Attribution]", "list[OriginSignal]"]
#: ... and per partition: the MinHash signatures of its features, a row per article.
Signatures = dict[str, np.ndarray]


def read_facts(articles: Sequence[Article], spec: GlossarySpec
               ) -> tuple[list[FactsReading], Signatures]:
    """Task: the article facts the pipeline needs later, read on a worker."""
    from provenance.facts import article_facts
    from provenance.stories import feature_signatures

    glossary = worker_glossary(spec)
    found = []
    for article in articles:
        facts = article_facts(article, glossary)
        facts.read_sources()
        found.append((article.id, facts.features, facts.attributions, facts.signals))
    return found, feature_signatures([features for _, features, _, _ in found])


def with_readings(facts: ArticleFacts, reading: FactsReading) -> ArticleFacts:
    """``facts`` with a facts task's readings set as the cached properties they would
    have been computed into (:class:`~provenance.facts.ArticleFacts` reads each on first
    use)."""
    _, features, attributions, signals = reading
    vars(facts).update(features=features, attributions=attributions, signals=signals)
    return facts


#: One story as a judge task gets it: its number, articles, their facts readings and
#: the provenance their citations give.
StoryParcel = tuple[int, "list[Article]", "list[FactsReading]", "dict[str, ArticleProvenance]"]


def judge_batch(parcels: Sequence[StoryParcel], requested: str | None, stored: str | None,
                spec: GlossarySpec) -> list[tuple[int, Judged]]:
    """Task: the reference and collation of a few stories, each with its number."""
    from provenance.facts import article_facts
    from provenance.reference import judge_story

    glossary = worker_glossary(spec)
    judged = []
    for number, story, readings, cited in parcels:
        facts = {a.id: with_readings(article_facts(a, glossary), r)
                 for a, r in zip(story, readings, strict=True)}
        judged.append((number, judge_story(number, story, facts=facts, provenance=cited,
                                           glossary=glossary, requested=requested,
                                           stored=stored)))
    return judged


def compare_story(jobs: Sequence[PairJob], settings: PairSettings,
                  spec: GlossarySpec) -> list[tuple[str, PairAnalysis]]:
    """Task: the comparisons of one story (or a slice of it), each with its store key."""
    from provenance.pairs import compare_pair

    glossary = worker_glossary(spec)
    return [(key, compare_pair(ref, relay, settings, glossary)) for key, ref, relay in jobs]


def story_tasks(jobs: Sequence[PairJob], limit: int = PAIRS_PER_TASK) -> list[list[PairJob]]:
    """The jobs cut into tasks: one per story (the pairs sharing a reference), a large
    story in slices of at most ``limit`` pairs; in the order the stories come."""
    stories: dict[str, list[PairJob]] = {}
    for job in jobs:
        stories.setdefault(job[1].id, []).append(job)
    return [pairs[i:i + limit] for pairs in stories.values()
            for i in range(0, len(pairs), limit)]


def task_key(kind: str, keys: Sequence[str]) -> str:
    """A task's name on the cluster: its kind, then a digest of what it computes (the
    prefix groups the tasks in the dashboard)."""
    return f"provenance-{kind}-" + hashlib.sha256("\0".join(keys).encode()).hexdigest()[:24]


class TaskEngine:
    """The pipeline's steps as tasks; a subclass says where they run (``_run``) and may
    cluster stories its own way (``cluster``)."""

    name = "tasks"
    pairs_per_task = PAIRS_PER_TASK

    def __init__(self) -> None:
        #: each article's signatures, as its facts task read them
        self._signatures: dict[str, Signatures] = {}

    def _run(self, tasks: Iterator[Task], ordered: bool = False) -> Iterator[Any]:
        """Each task's result as it arrives (``ordered``: in the order of ``tasks``)."""
        raise NotImplementedError

    def close(self) -> None:
        pass

    def __enter__(self) -> TaskEngine:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- the steps ----------------------------------------------------------------------
    def prepare_articles(self, raws: Sequence[Any]) -> Iterator[Article | Exception]:
        from provenance.corpus import prepare_each, raw_digest

        parts = [list(raws[i:i + ARTICLES_PER_TASK])
                 for i in range(0, len(raws), ARTICLES_PER_TASK)]
        tasks = ((task_key("ingest", [raw_digest(r) for r in part]), prepare_each, (part,))
                 for part in parts)
        for prepared in self._run(tasks, ordered=True):
            yield from prepared

    def article_facts(self, articles: Sequence[Article], glossary: Glossary,
                      progress: Progress) -> dict[str, ArticleFacts]:
        from provenance.facts import corpus_facts

        spec = GlossarySpec.of(glossary)
        facts = corpus_facts(articles, glossary)  # empty shells: nothing read yet
        parts = [list(articles[i:i + ARTICLES_PER_TASK])
                 for i in range(0, len(articles), ARTICLES_PER_TASK)]
        done = 0
        progress("facts", done, len(articles))
        tasks = ((task_key("facts", [spec.digest, *map(facts_key, part)]), read_facts,
                  (part, spec)) for part in parts)
        self._signatures = {}
        for readings, signatures in self._run(tasks):
            for row, reading in enumerate(readings):
                with_readings(facts[reading[0]], reading)
                self._signatures[reading[0]] = {k: v[row] for k, v in signatures.items()}
            done += len(readings)
            progress("facts", done, len(articles))
        return facts

    def cluster(self, facts: Sequence[ArticleFacts]) -> list[list[int]]:
        from provenance.stories import cluster_facts

        return cluster_facts(facts, signatures=self.signatures(facts))

    def signatures(self, facts: Sequence[ArticleFacts]) -> Signatures:
        """The signatures of ``facts``, a row per article, as their facts tasks read them
        (computed here for any article they did not read)."""
        from provenance.stories import FEATURE_SETS, feature_signatures

        if any(f.article.id not in self._signatures for f in facts):
            return feature_signatures([f.features for f in facts])
        return {kind: np.stack([self._signatures[f.article.id][kind] for f in facts])
                for kind in FEATURE_SETS}

    def judge_stories(self, stories: Sequence[Sequence[Article]], requested: str | None,
                      stored: str | None, facts: Mapping[str, ArticleFacts],
                      cited: Mapping[str, ArticleProvenance], glossary: Glossary,
                      progress: Progress) -> list[Judged]:
        from provenance.engine import story_part

        spec = GlossarySpec.of(glossary)

        def parcel(number: int) -> StoryParcel:
            story = list(stories[number])
            return (number, story, [_reading(facts[a.id]) for a in story],
                    story_part(cited, story))

        def tasks() -> Iterator[tuple[str, Callable[..., Any], tuple[Any, ...]]]:
            for batch in _batches([len(s) for s in stories], ARTICLES_PER_TASK):
                parcels = [parcel(n) for n in batch]
                key = task_key("judge", [spec.digest, str(requested), str(stored), *(
                    f"{n}:" + ",".join(facts_key(a) for a in story)
                    for n, story, _, _ in parcels)])
                yield key, judge_batch, (parcels, requested, stored, spec)

        judged: list[Judged | None] = [None] * len(stories)
        done = 0
        progress("claims", done, len(stories))
        for results in self._run(tasks()):
            for number, result in results:
                judged[number] = result
            done += len(results)
            progress("claims", done, len(stories))
        return judged  # type: ignore[return-value]  # every story came back

    def compare(self, jobs: Sequence[PairJob], settings: PairSettings, glossary: Glossary,
                finished: Callable[[str, PairAnalysis], None], progress: Progress) -> None:
        if not jobs:
            return
        spec = GlossarySpec.of(glossary)
        tasks = story_tasks(jobs, self.pairs_per_task)
        left: dict[str, int] = {}
        for task in tasks:
            left[task[0][1].id] = left.get(task[0][1].id, 0) + 1
        stories = len(left)
        progress("stories", 0, stories)
        for results in self._run(
                (task_key("compare", [key for key, _, _ in task]), compare_story,
                 (task, settings, spec)) for task in tasks):
            for key, pair in results:
                finished(key, pair)
            story = pair.reference_id
            left[story] -= 1
            if not left[story]:
                del left[story]
            progress("stories", stories - len(left), stories)


def _reading(facts: ArticleFacts) -> FactsReading:
    return (facts.article.id, facts.features, facts.attributions, facts.signals)


def _batches(sizes: Sequence[int], limit: int) -> Iterator[list[int]]:
    """Indices of ``sizes`` in consecutive batches of at most ``limit`` in all (an item
    larger than ``limit`` alone)."""
    batch: list[int] = []
    total = 0
    for i, size in enumerate(sizes):
        if batch and total + size > limit:
            yield batch
            batch, total = [], 0
        batch.append(i)
        total += size
    if batch:
        yield batch


def facts_key(article: Article) -> str:
    from provenance.facts import content_key

    return content_key(article)
