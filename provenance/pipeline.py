"""The whole analysis of a corpus: ingest, stories, reference choice, alignment, drift,
provenance, stored for reuse.

``analyze_corpus`` is what ``provenance analyze``, ``provenance report`` and the TUI call.
Each relay/reference comparison is stored as soon as it is done, so an interrupted run
on a large corpus continues where it stopped, and a finished corpus opens at once.
"""

from __future__ import annotations

import functools
import hashlib
import multiprocessing
import os
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from provenance.errors import BadInput
from provenance.lang import base
from provenance.model import Article, ArticleProvenance, CorpusAnalysis, PairAnalysis
from provenance.pairs import PairSettings, compare_pair, comparison_signature
from provenance.signature import Signature
from provenance.store import Store

if TYPE_CHECKING:
    from provenance.facts import ArticleFacts
    from provenance.glossary import Glossary

#: progress(stage, done, total): called as work advances, for progress bars. Stages:
#: "ingest", "facts" (articles read), "compare" (pairs done), "align" and "drift" (the
#: steps of the pair being compared, when pairs are compared in this process), and
#: "provenance".
Progress = Callable[[str, int, int], None]


@dataclass(frozen=True)
class Settings:
    """Every user choice that shapes an analysis (the signature is built from it)."""

    reference: str | None = None
    translator: str = "auto"
    mode: str = "auto"
    glossary_paths: tuple[str, ...] = ()

    @property
    def pair(self) -> PairSettings:
        """What each (reference, relay) comparison is given."""
        return PairSettings(self.translator, self.mode)

    def signature(self, glossary_digest: str) -> Signature:
        return comparison_signature({"reference": self.reference or "auto",
                                     "translator": self.translator, "align": self.mode},
                                    glossary_digest)


def analyze_corpus(
    source: Sequence[str | Path] | Sequence[Article],
    *,
    reference: str | None = None,
    translator: str = "auto",
    mode: str = "auto",
    glossary_paths: Sequence[str | Path] | None = None,
    glossary: Glossary | None = None,
    store: Store | None = None,
    progress: Progress | None = None,
    reuse: bool = True,
    workers: int = 1,
) -> CorpusAnalysis:
    """Analyse a corpus (paths to files/folders, or prepared articles).

    The glossary is ``glossary`` if given, else loaded from ``glossary_paths``, else the
    bundled one. With ``reuse`` (the default) a finished analysis of the same files and
    settings is returned from the store without recomputation, and finished pairs are
    never redone.
    """
    settings = Settings(reference, translator, mode,
                        tuple(str(p) for p in glossary_paths or ()))
    glossary = glossary or load_glossary(glossary_paths)
    signature = settings.signature(glossary.digest)
    store = store or Store()
    report = progress or (lambda stage, done, total: None)

    paths = [Path(p) for p in source if not isinstance(p, Article)]
    location = corpus_location(paths) if paths else None
    fingerprint = _fingerprint(paths) if paths else None
    key = None
    if fingerprint:
        key = _digest(str(signature), fingerprint)
        if reuse and (done := store.get_analysis(key)) is not None:
            return done

    report("ingest", 0, 1)
    articles = _articles(source)
    report("ingest", 1, 1)
    if not articles:
        raise BadInput("the corpus holds no articles")
    if reference and reference not in {a.id for a in articles}:
        raise BadInput(f"--reference {reference!r} is not an article of this corpus "
                       f"(ids: {', '.join(a.id for a in articles[:8])}...)")

    from provenance.derivation import analyze_provenance
    from provenance.facts import corpus_facts

    # Per-article facts (attributions, signals, content features) are read once and
    # serve the stories, the reference choice and both provenance passes; the sentence
    # facts read on the way are cached for the comparisons.
    facts = corpus_facts(articles, glossary)
    for done, article in enumerate(articles):
        report("facts", done, len(articles))
        facts[article.id].read_sources()
    report("facts", len(articles), len(articles))
    stories = _stories(articles, facts)
    # Provenance from content alone is cheap and tells which article is an original.
    originals = {k for k, v in analyze_provenance(articles, [], glossary, facts)[0].items()
                 if v.origin == "original"}
    jobs: list[tuple[Article, Article]] = []
    references: list[str] = []
    for story in stories:
        ref = _choose_reference(story, reference, facts, originals)
        references.append(ref.id)
        jobs += [(ref, a) for a in story if a.id != ref.id]

    pairs = _compare_all(jobs, settings, glossary, signature, store, reuse, workers, report)

    report("provenance", 0, 1)
    provenance, roots = analyze_provenance(articles, pairs, glossary, facts)
    for story_no, story in enumerate(stories):
        for article in story:
            provenance.setdefault(article.id, ArticleProvenance(article.id, "unknown", 0.0))
            provenance[article.id].story = story_no
    report("provenance", 1, 1)

    main_ref = reference or (references[0] if references else None)
    analysis = CorpusAnalysis(signature, articles, provenance, pairs, main_ref, roots)
    if key and location and fingerprint:
        store.put_analysis(key, location, fingerprint, analysis)
    return analysis


def load_glossary(paths: Sequence[str | Path] | None = None) -> Glossary:
    from provenance.glossary import Glossary, default_glossary

    return Glossary.load(list(paths)) if paths else default_glossary()


def load_previous(
    source: Sequence[str | Path], glossary: Glossary, store: Store | None = None
) -> CorpusAnalysis | None:
    """The newest stored analysis of these corpus paths, if neither their files nor the
    glossary changed since (a glossary edit outside this tool counts too)."""
    paths = [Path(p) for p in source]
    found = (store or Store()).latest_analysis(corpus_location(paths), _fingerprint(paths))
    if found is None or found.signature.settings.get("glossary") != glossary.digest:
        return None
    return found


def corpus_location(paths: Sequence[Path]) -> str:
    return "\n".join(sorted(str(p.resolve()) for p in paths))


def _articles(source: Sequence[str | Path] | Sequence[Article]) -> list[Article]:
    given = [a for a in source if isinstance(a, Article)]
    paths = [p for p in source if not isinstance(p, Article)]
    if paths:
        from provenance.corpus import load_corpus

        given += load_corpus(paths)
    return given


def _stories(articles: list[Article], facts: dict[str, ArticleFacts]) -> list[list[Article]]:
    if len(articles) <= 2:
        return [articles]
    from provenance.stories import cluster_features

    groups = cluster_features([facts[a.id].features for a in articles])
    # Biggest story first; clustering puts every article in exactly one story.
    return sorted(([articles[i] for i in group] for group in groups), key=len, reverse=True)


def _choose_reference(story: list[Article], requested: str | None,
                      facts: dict[str, ArticleFacts], originals: set[str]) -> Article:
    """The English version the relays are compared with.

    A requested id wins when it is in this story. Otherwise an English original, else
    the English article sharing the most concepts and quantities with the rest of the
    story (the fullest account of what the relays have in common), then the earliest,
    then the longest.
    """
    for article in story:
        if article.id == requested:
            return article
    english = [a for a in story if base(a.lang) == "en"] or story
    english = [a for a in english if a.id in originals] or english
    if len(english) == 1:
        return english[0]
    features = {a.id: facts[a.id].features.concepts | facts[a.id].features.quantities
                for a in story}

    def centrality(article: Article) -> tuple[float, float, int]:
        own = features[article.id]
        overlap = sum(len(own & features[o.id]) / (len(own | features[o.id]) or 1)
                      for o in story if o.id != article.id)
        published = article.published_date
        earliness = -published.toordinal() if published else float("-inf")
        return (round(overlap, 6), earliness, len(article.text))

    return max(english, key=centrality)


def _compare_all(jobs: list[tuple[Article, Article]], settings: Settings, glossary: Glossary,
                 signature: Signature, store: Store, reuse: bool, workers: int,
                 report: Progress) -> list[PairAnalysis]:
    """Every (reference, relay) comparison: stored ones reused, the rest computed (in a
    process pool when there is enough to do) and stored the moment each is done."""
    keys = [_digest(str(signature), _code_digest(), _article_key(r), _article_key(a))
            for r, a in jobs]
    results: dict[int, PairAnalysis] = {}
    if reuse:
        for i, key in enumerate(keys):
            if (stored := store.get_pair(key)) is not None:
                results[i] = stored
    pending = [i for i in range(len(jobs)) if i not in results]
    workers = workers or os.cpu_count() or 1

    def finished(i: int, pair: PairAnalysis) -> None:
        store.put_pair(keys[i], pair)
        results[i] = pair

    report("compare", len(results), len(jobs))
    # Worker start-up costs a few seconds of imports: only worth it for several pairs.
    # Workers reload the glossary from its files, so an in-memory one stays here.
    if workers > 1 and len(pending) > workers and glossary.paths:
        context = multiprocessing.get_context("spawn")  # fork is unsafe under UI threads
        pool = ProcessPoolExecutor(min(workers, len(pending)), mp_context=context,
                                   initializer=_init_worker, initargs=(glossary.paths,))
        try:
            futures = {pool.submit(_compare_in_worker, *jobs[i], settings): i
                       for i in pending}
            for future in as_completed(futures):
                finished(futures[future], future.result())
                report("compare", len(results), len(jobs))
        finally:
            pool.shutdown(cancel_futures=True)
    else:
        for i in pending:
            finished(i, compare_pair(*jobs[i], settings.pair, glossary, progress=report))
            report("compare", len(results), len(jobs))
    return [results[i] for i in range(len(jobs))]


_worker_glossary: Glossary | None = None


def _init_worker(glossary_paths: Sequence[Path]) -> None:
    global _worker_glossary
    _worker_glossary = load_glossary(list(glossary_paths) or None)


def _compare_in_worker(ref: Article, relay: Article, settings: Settings) -> PairAnalysis:
    assert _worker_glossary is not None
    return compare_pair(ref, relay, settings.pair, _worker_glossary)


def _article_key(article: Article) -> str:
    return _digest(article.id, article.text, article.lang, article.published or "",
                   str(len(article.sentences)))


@functools.cache
def _code_digest() -> str:
    """Identity of the analysing code itself: results stored by another version of any
    module (an upgrade, a local change) are never served as current."""
    package = Path(__file__).resolve().parent
    h = hashlib.sha256()
    for path in sorted(package.rglob("*.py")):
        h.update(str(path.relative_to(package)).encode())
        h.update(path.read_bytes())
    return h.hexdigest()[:24]


def _fingerprint(paths: Sequence[Path]) -> str:
    """Cheap identity of a corpus on disk (every file's path, size and mtime) as read by
    this code."""
    parts: list[str] = [_code_digest()]
    for path in sorted(paths):
        files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        for f in files:
            st = f.stat()
            parts.append(f"{f.resolve()}:{st.st_size}:{st.st_mtime_ns}")
    return _digest(*parts)


def _digest(*parts: str) -> str:
    h = hashlib.sha256()
    for part in parts:
        h.update(part.encode("utf-8"))
        h.update(b"\0")
    return h.hexdigest()[:24]
