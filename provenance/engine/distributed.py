"""The pipeline's per-article and per-story work on a Dask cluster.

Dask runs from one laptop (a ``LocalCluster`` of worker processes) to many machines (a
``dask scheduler`` and ``dask worker ADDRESS`` processes) with the same code, and it is
Python: the workers import this package and run the very functions the local pool runs.

Three kinds of tasks, all pure functions of what they are sent:
- *ingest*: a partition of the articles found in the corpus files (read by the client,
  which assigns ids and keeps the corpus-wide steps) -> each one prepared: boilerplate,
  language, sentences (:func:`provenance.corpus.prepare_each`);
- *facts*: a partition of articles -> each one's story features, cited sources and
  origin signals, and the MinHash signatures of its features (:func:`read_facts`);
- *bands* and *candidates*: story clustering's LSH as a shuffle: each part of the
  signatures -> its band keys, split into buckets by key (:func:`keyed_bands`); each
  bucket, gathered from every part on the cluster -> the candidate pairs of articles
  sharing a band key (:func:`bucket_candidates`), which the client checks and joins;
- *judge*: a few stories (at most :data:`ARTICLES_PER_TASK` articles, unless one story
  is larger) -> each one's reference and collation (:func:`judge_stories`);
- *compare*: the pairs of one story, or a slice of a large story's pairs, never more
  than :data:`PAIRS_PER_TASK` (:func:`compare_story`).

Tasks are named after a digest of the pairs' store keys (content digests of both texts
and every setting, :func:`provenance.pipeline._compare_all`), so a pair already stored
is never sent, and a rerun after a crash or a kill sends only the stories not finished.
A worker that dies loses only its in-flight tasks: the scheduler gives them to another
worker. Results come back to this process, the one writer of the store.

Workers never download anything: they read the glossary from the same files (or their
own bundled copy, checked against the client's digest) and align with or without
sentence vectors as the client does (``PROVENANCE_VECTORS`` is sent to every worker).
"""

from __future__ import annotations

import functools
import hashlib
import operator
import os
import sys
from collections import deque
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np
from distributed import Client, Future, LocalCluster, WorkerPlugin, as_completed

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
#: Articles per facts task (a few seconds of work each).
ARTICLES_PER_TASK = 64
#: Signature rows per band-keying task, and the most buckets band keys are shuffled into.
ROWS_PER_BANDS_TASK = 8192
MAX_BUCKETS = 64
#: Tasks kept submitted per worker thread: enough to keep workers busy, few enough that
#: the scheduler never holds the whole corpus.
TASKS_IN_FLIGHT_PER_THREAD = 4
#: The environment that changes results, sent to every worker (and to late joiners).
WORKER_ENVIRONMENT = ("PROVENANCE_VECTORS",)


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


def keyed_bands(signatures: np.ndarray, bands: int, offset: int,
                buckets: int) -> list[np.ndarray]:
    """Task: the band keys of rows ``offset...`` of the corpus's signatures, in
    ``buckets`` parts by key (every entry of one key lands in the same part)."""
    from provenance.stories import band_entries

    entries = band_entries(signatures, bands, offset)
    bucket = entries[:, 1] % np.uint64(buckets)
    return [entries[bucket == b] for b in range(buckets)]


def bucket_candidates(*parts: np.ndarray) -> np.ndarray:
    """Task: the pairs of rows sharing a band key among one bucket's entries."""
    from provenance.stories import candidates_from_entries

    found = candidates_from_entries(np.concatenate(parts))
    return np.array(sorted(found), dtype=np.int64).reshape(-1, 2)


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


def judge_stories(parcels: Sequence[StoryParcel], requested: str | None, stored: str | None,
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


class _Environment(WorkerPlugin):  # type: ignore[misc]
    """Sets the client's result-shaping environment on each worker as it joins."""

    name = "provenance-environment"

    def __init__(self, values: dict[str, str | None]) -> None:
        self.values = values

    def setup(self, worker: Any) -> None:
        for name, value in self.values.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def _bokeh_installed() -> bool:
    try:
        import bokeh  # noqa: F401
    except ImportError:
        return False
    return True


class DaskEngine:
    """Facts and comparisons on a Dask cluster: the one at ``scheduler``
    (``tcp://host:8786``), else a ``LocalCluster`` of ``workers`` processes (0: one per
    CPU), started on first use and closed with the engine."""

    name = "dask"

    def __init__(self, scheduler: str | None = None, *, workers: int = 0,
                 notice: Callable[[str], None] | None = None) -> None:
        self.scheduler = scheduler
        self.workers = workers
        self.notice = notice or (lambda line: print(line, file=sys.stderr))
        self._client: Client | None = None
        self._cluster: LocalCluster | None = None
        #: each article's signatures, as its facts task read them
        self._signatures: dict[str, Signatures] = {}

    # -- the cluster --------------------------------------------------------------------
    @property
    def client(self) -> Client:
        if self._client is None:
            self._client = self._connect()
        return self._client

    def _connect(self) -> Client:
        if self.scheduler:
            try:
                client = Client(self.scheduler, timeout="20s")
            except (OSError, TimeoutError) as exc:
                raise BadInput(f"cannot reach the Dask scheduler at {self.scheduler} "
                               f"({exc}); start one with `dask scheduler`") from None
        else:
            dashboard = _bokeh_installed()
            self._cluster = LocalCluster(
                n_workers=self.workers or os.cpu_count() or 1, threads_per_worker=1,
                processes=True, dashboard_address=":0" if dashboard else None)
            client = Client(self._cluster)
        client.register_plugin(_Environment({k: os.environ.get(k)
                                             for k in WORKER_ENVIRONMENT}))
        threads = sum(client.nthreads().values())
        where = client.dashboard_link if _bokeh_installed() else \
            "dashboard off (pip install bokeh to watch tasks in a browser)"
        self.notice(f"dask: {threads} worker thread(s) at {client.scheduler.address}; "
                    f"{where}")
        return client

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None
        if self._cluster is not None:
            self._cluster.close()
            self._cluster = None

    def __enter__(self) -> DaskEngine:
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
        from provenance.stories import BANDS, FEATURE_SETS, cluster_facts, feature_signatures

        if any(f.article.id not in self._signatures for f in facts):
            signatures = feature_signatures([f.features for f in facts])
        else:
            signatures = {kind: np.stack([self._signatures[f.article.id][kind] for f in facts])
                          for kind in FEATURE_SETS}
        candidates = {kind: self._candidates(signatures[kind], BANDS[kind])
                      for kind in FEATURE_SETS}
        return cluster_facts(facts, signatures=signatures, candidates=candidates)

    def _candidates(self, signatures: np.ndarray, bands: int) -> set[tuple[int, int]]:
        """:func:`provenance.stories.lsh_candidates` as a shuffle on the cluster: band
        keys computed per part of the rows, gathered by bucket where they were made."""
        client = self.client
        buckets = min(MAX_BUCKETS, 2 * max(1, sum(client.nthreads().values())))
        parts = []
        for start in range(0, len(signatures), ROWS_PER_BANDS_TASK):
            chunk = signatures[start:start + ROWS_PER_BANDS_TASK]
            key = task_key("bands", [hashlib.sha256(chunk.tobytes()).hexdigest(), str(bands),
                                     str(start), str(buckets)])
            keyed = client.submit(keyed_bands, chunk, bands, start, buckets, key=key)
            parts.append([client.submit(operator.getitem, keyed, b, key=f"{key}-{b}")
                          for b in range(buckets)])
        gathered = [client.submit(bucket_candidates, *(p[b] for p in parts),
                                  key=task_key("candidates", [p[b].key for p in parts]))
                    for b in range(buckets)]
        found: set[tuple[int, int]] = set()
        try:
            for future in as_completed(gathered):
                found.update(map(tuple, future.result().tolist()))
        finally:
            client.cancel(gathered + [f for p in parts for f in p])
        return found

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
                yield key, judge_stories, (parcels, requested, stored, spec)

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
        tasks = story_tasks(jobs)
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

    def _run(self, tasks: Iterator[tuple[str, Callable[..., Any], tuple[Any, ...]]],
             ordered: bool = False) -> Iterator[Any]:
        """Each task's result as it arrives (``ordered``: in the order of ``tasks``); at
        most a few tasks per worker thread are submitted at a time, the next one as each
        finishes."""
        client = self.client
        limit = max(1, sum(client.nthreads().values())) * TASKS_IN_FLIGHT_PER_THREAD
        running = as_completed()
        queue: deque[Future] = deque()  # submitted, in order

        def submit_next() -> bool:
            for key, func, args in tasks:
                future = client.submit(func, *args, key=key)
                if not ordered:
                    running.add(future)
                queue.append(future)
                return True
            return False

        try:
            for _ in range(limit):
                if not submit_next():
                    break
            while queue:
                future = queue.popleft() if ordered else next(running)
                if not ordered:
                    queue.remove(future)
                result = future.result()
                future.release()
                submit_next()
                yield result
        finally:
            # a generator left unfinished (its consumer raised) may be closed only after
            # the engine, by the garbage collector: the client is gone by then
            if client.status == "running":
                client.cancel([f for f in queue if not f.done()])


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
