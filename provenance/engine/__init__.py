"""Engines: where the pipeline's per-article and per-story work runs.

The pipeline (:func:`provenance.pipeline.analyze_corpus`) decides *what* is computed:
stories, references, which pairs are still missing from the store. An engine decides
*where*. Both engines run the same pure tasks (:mod:`provenance.engine.tasks`):
``local`` (``engine=None``, the default) in a pool of processes on this machine
(:class:`provenance.engine.pool.PoolEngine`, which the pipeline makes for more than one
worker), ``dask`` (:class:`provenance.engine.distributed.DaskEngine`) on a Dask
cluster, from a ``LocalCluster`` on a laptop to workers on many machines. Every result
comes back to the one writer, the process that runs the pipeline, which stores it.

An engine is anything with the methods of :class:`Engine`; results must be identical
whichever engine computed them (``tests/realdata/test_engine_dask.py``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

if TYPE_CHECKING:
    from provenance.facts import ArticleFacts
    from provenance.glossary import Glossary
    from provenance.model import (
        Article,
        ArticleProvenance,
        Collation,
        PairAnalysis,
        ReferenceChoice,
    )
    from provenance.pairs import PairSettings

#: progress(stage, done, total), as in :mod:`provenance.pipeline`
Progress = Callable[[str, int, int], None]
#: one comparison to make: its store key (a digest of both texts and every setting),
#: the reference and the relay
PairJob = tuple[str, "Article", "Article"]

ENGINES = ("local", "dask")
#: one story judged: its reference, and its collation (stories of three or more)
Judged = tuple["ReferenceChoice", "Collation | None"]
V = TypeVar("V")


def story_part(values: Mapping[str, V], story: Sequence[Article]) -> dict[str, V]:
    """The values of the story's articles only: what a step on one story is sent."""
    return {a.id: values[a.id] for a in story if a.id in values}


class Engine(Protocol):
    """What the pipeline hands to an engine."""

    name: str

    def prepare_articles(self, raws: Sequence[Any]) -> Iterator[Article | Exception]:
        """Each article found in the corpus files prepared (boilerplate, language,
        sentences) or the exception that stopped it, in the order given
        (:func:`provenance.corpus.prepare_each` is the step)."""
        ...

    def article_facts(self, articles: Sequence[Article], glossary: Glossary,
                      progress: Progress) -> dict[str, ArticleFacts]:
        """The facts of every article (sources and signals read, story features), by id."""
        ...

    def cluster(self, facts: Sequence[ArticleFacts]) -> list[list[int]]:
        """The articles of ``facts`` grouped into stories, as indices
        (:func:`provenance.stories.cluster_facts`)."""
        ...

    def judge_stories(self, stories: Sequence[Sequence[Article]], requested: str | None,
                      stored: str | None, facts: Mapping[str, ArticleFacts],
                      cited: Mapping[str, ArticleProvenance], glossary: Glossary,
                      progress: Progress) -> list[Judged]:
        """Each story's reference and collation
        (:func:`provenance.reference.judge_story`), in the order of ``stories``."""
        ...

    def compare(self, jobs: Sequence[PairJob], settings: PairSettings, glossary: Glossary,
                finished: Callable[[str, PairAnalysis], None], progress: Progress) -> None:
        """Compare every pair; ``finished(key, pair)`` is called in this process, once per
        job, as results arrive (in any order)."""
        ...

    def close(self) -> None:
        ...


def open_engine(name: str, *, scheduler: str | None = None,
                workers: int = 0) -> Engine | None:
    """The engine called ``name``: ``None`` for ``local`` (the pipeline makes its pool),
    a :class:`~provenance.engine.distributed.DaskEngine` for ``dask`` (connected to
    ``scheduler``, else to a ``LocalCluster`` of ``workers`` processes, 0: one per CPU)."""
    if name == "local":
        return None
    if name == "dask":
        from provenance.engine.distributed import DaskEngine

        return DaskEngine(scheduler, workers=workers)
    raise ValueError(f"unknown engine {name!r} (known: {', '.join(ENGINES)})")
