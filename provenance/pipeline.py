"""The whole analysis of a corpus: ingest, stories, collation and reference choice,
alignment, drift, provenance, stored for reuse.

``analyze_corpus`` is what ``provenance analyze``, ``provenance report`` and the TUI call.
Each relay/reference comparison is stored as soon as it is done, so an interrupted run
on a large corpus continues where it stopped, and a finished corpus opens at once.
"""

from __future__ import annotations

import functools
import hashlib
import os
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from provenance.errors import BadInput
from provenance.model import (
    Article,
    ArticleProvenance,
    Collation,
    CorpusAnalysis,
    InputIssue,
    PairAnalysis,
    ReferenceChoice,
)
from provenance.pairs import (
    MAX_SENTENCES,
    PAIR_PHASES,
    PairSettings,
    compare_pair,
    comparison_signature,
)
from provenance.signature import Signature
from provenance.store import Store

if TYPE_CHECKING:
    from provenance.engine import Engine
    from provenance.facts import ArticleFacts
    from provenance.glossary import Glossary

#: progress(stage, done, total): called as work advances, for progress bars. Stages:
#: "read" (files), "ingest" (articles prepared), "facts" (articles read), "claims"
#: (stories collated and their reference chosen), "compare" (pairs done), "pair" (the
#: phases of the pair being compared, when pairs are compared in this process, see
#: ``pairs.PAIR_PHASES``) and "provenance".
Progress = Callable[[str, int, int], None]

#: The stages ``analyze_corpus`` reports, and what a progress bar calls them.
STAGES = {"read": "Reading files", "ingest": "Preparing articles",
          "facts": "Reading sources and signals",
          "claims": "Collating claims and choosing references",
          "compare": "Aligning relays and finding drift", "pair": "Current pair",
          "stories": "Stories finished",
          "provenance": "Tracing provenance"}

#: ``--reference auto``: forget the reference chosen for the corpus, choose again.
AUTO_REFERENCE = "auto"


def describe_progress(stage: str, done: int, total: int) -> str:
    """What a bar says: the stage, and for the current pair the phase it is in."""
    label = STAGES.get(stage, stage)
    if stage == "pair" and total == len(PAIR_PHASES):
        label += f": {PAIR_PHASES[done]}" if done < total else ": done"
    return label


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
    strict: bool = False,
    engine: Engine | None = None,
) -> CorpusAnalysis:
    """Analyse a corpus (paths to files/folders, or prepared articles).

    ``reference`` is the article id every relay of its story is compared with; a corpus
    given as paths keeps it in the store, so that later analyses of the corpus (``report``,
    the TUI) use it without being told again, until another is asked for or ``"auto"``
    (:data:`AUTO_REFERENCE`) lets the tool choose again. Otherwise each story's reference
    is chosen by :mod:`provenance.reference`, reasons in ``CorpusAnalysis.references``.

    The glossary is ``glossary`` if given, else loaded from ``glossary_paths``, else the
    bundled one. With ``reuse`` (the default) a finished analysis of the same files and
    settings is returned from the store without recomputation, and finished pairs are
    never redone.

    Files that cannot be used, and articles too long to compare (more than
    :data:`provenance.pairs.MAX_SENTENCES` sentences), are left out; each is a
    ``SkippedInput`` warning (files used after replacing stray bytes: ``RepairedInput``)
    and an entry of ``CorpusAnalysis.issues``, on every run, the stored ones included.
    With ``strict`` the first such issue raises ``BadInput`` instead.

    ``engine`` runs the per-article and per-story steps (preparing the articles found
    in the files, reading their facts, clustering, judging each story, comparing its
    pairs) elsewhere (a Dask cluster, :mod:`provenance.engine`); by default they run in
    a local pool of ``workers`` processes (0: one per CPU; :mod:`provenance.engine.pool`),
    or here for one. The results are the same.
    """
    glossary = glossary or load_glossary(glossary_paths)
    store = store or Store()
    report = progress or (lambda stage, done, total: None)

    paths = [Path(p) for p in source if not isinstance(p, Article)]
    if paths:
        from provenance.corpus import require_paths

        require_paths(paths)
    location = corpus_location(paths) if paths else None
    # The reference asked for before is the corpus's until another is asked for.
    requested = None if reference == AUTO_REFERENCE else reference
    if reference == AUTO_REFERENCE and location:
        store.forget_reference(location)
    stored = store.get_reference(location) if location and not requested else None

    def settings_for(chosen: str | None) -> Settings:
        return Settings(chosen, translator, mode, tuple(str(p) for p in glossary_paths or ()))

    settings = settings_for(requested or stored)
    signature = settings.signature(glossary.digest)
    fingerprint = _fingerprint(paths) if paths else None
    key = None
    if fingerprint:
        key = _digest(str(signature), fingerprint)
        if reuse and (done := store.get_analysis(key)) is not None:
            if requested and location:
                store.set_reference(location, requested)
            _report_issues(done.issues, strict)
            return done

    # Engines are the caller's to close; the pool made here for more than one worker
    # is this call's.
    own = _local_pool(workers, glossary) if engine is None else None
    engine = engine or own
    try:
        articles, issues = _articles(source, strict, report, engine)
        _report_issues(issues, strict)  # now, not after an hour of comparisons
        if not articles:
            raise BadInput("the corpus holds no articles")
        ids = {a.id for a in articles}
        if requested and requested not in ids:
            raise BadInput(f"--reference {requested!r} is not an article of this corpus "
                           f"(ids: {', '.join(a.id for a in articles[:8])}...)")
        if requested and location:
            store.set_reference(location, requested)
        if stored and stored not in ids:  # its file is gone: the tool chooses again
            stored = None
            assert location is not None
            store.forget_reference(location)
            settings = settings_for(None)
            signature = settings.signature(glossary.digest)
            key = _digest(str(signature), fingerprint) if fingerprint else None

        from provenance.derivation import analyze_provenance
        from provenance.facts import corpus_facts

        # Per-article facts (attributions, signals, content features) are read once and
        # serve the stories, the reference choice and both provenance passes; the sentence
        # facts read on the way are cached for the comparisons.
        if engine is not None:
            facts = engine.article_facts(articles, glossary, report)
        else:
            facts = corpus_facts(articles, glossary)
            for done, article in enumerate(articles):
                report("facts", done, len(articles))
                facts[article.id].read_sources()
            report("facts", len(articles), len(articles))
        stories = _stories(articles, facts, engine)
        # Provenance from content alone is cheap: it names the sources each article cites.
        cited = analyze_provenance(articles, [], glossary, facts)[0]
        choices, collations = _choose_references(stories, requested, stored, facts, cited,
                                                 glossary, report, engine)
        jobs: list[tuple[Article, Article]] = []
        by_id = {a.id: a for a in articles}
        for story, choice in zip(stories, choices, strict=True):
            ref = by_id[choice.article_id]
            jobs += [(ref, a) for a in story if a.id != ref.id]

        pairs = _compare_all(jobs, settings, glossary, signature, store, reuse, report,
                             engine)

        report("provenance", 0, 1)
        provenance, roots = analyze_provenance(articles, pairs, glossary, facts)
        for story_no, story in enumerate(stories):
            for article in story:
                provenance.setdefault(article.id, ArticleProvenance(article.id, "unknown", 0.0))
                provenance[article.id].story = story_no
        report("provenance", 1, 1)
        pairs = _corroborated(pairs, collations, by_id, glossary)
        pairs = _credited(pairs, stories, provenance, facts, collations, choices, glossary)
        collation = _collate(collations, pairs, provenance)

        main_ref = choices[0].article_id if choices else None
        analysis = CorpusAnalysis(signature, articles, provenance, pairs, main_ref, roots, issues,
                                  choices, collation)
        if key and location and fingerprint:
            store.put_analysis(key, location, fingerprint, analysis)
        return analysis
    finally:
        if own is not None:
            own.close()


def _local_pool(workers: int, glossary: Glossary) -> Engine | None:
    """The local pool for ``workers`` processes (0: one per CPU), or None to work in
    this process: one worker, or a glossary built in memory that workers cannot load."""
    from provenance.engine.pool import PoolEngine
    from provenance.engine.tasks import GlossarySpec

    workers = workers or os.cpu_count() or 1
    if workers < 2:
        return None
    try:
        GlossarySpec.of(glossary)
    except BadInput:
        return None
    return PoolEngine(workers)


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


def stored_reference(source: Sequence[str | Path], store: Store | None = None) -> str | None:
    """The reference chosen for these corpus paths with ``--reference`` (or the TUI's
    switch), which every analysis of them uses until another is chosen."""
    return (store or Store()).get_reference(corpus_location([Path(p) for p in source]))


def corpus_location(paths: Sequence[Path]) -> str:
    return "\n".join(sorted(str(p.resolve()) for p in paths))


def _articles(source: Sequence[str | Path] | Sequence[Article], strict: bool,
              report: Progress, engine: Engine | None = None
              ) -> tuple[list[Article], list[InputIssue]]:
    """The articles to analyse and the issues met on the way (files left out or
    repaired, articles too long to compare)."""
    articles = [a for a in source if isinstance(a, Article)]
    paths = [p for p in source if not isinstance(p, Article)]
    issues: list[InputIssue] = []
    if paths:
        from provenance.boilerplate import corpus_boilerplate
        from provenance.corpus import read_corpus

        corpus = read_corpus(paths, strict=strict, progress=report,
                             prepare_many=engine.prepare_articles if engine else None)
        # lines a site prints on every page are boilerplate, seen only corpus-wide
        articles += corpus_boilerplate(corpus.articles)
        issues += corpus.issues
    kept = []
    for article in articles:
        if len(article.sentences) <= MAX_SENTENCES:
            kept.append(article)
            continue
        message = (f"{article.source_path or article.id}: {len(article.sentences):,} sentences, "
                   f"more than one article can have here ({MAX_SENTENCES:,}); split it")
        if strict:
            raise BadInput(message)
        issues.append(InputIssue(article.source_path or article.id, message))
    return kept, issues


def _report_issues(issues: Sequence[InputIssue], strict: bool) -> None:
    if strict and issues:
        raise BadInput(f"{issues[0].message} (--strict)")
    from provenance.corpus import warn_issues

    warn_issues(issues)


def _stories(articles: list[Article], facts: dict[str, ArticleFacts],
             engine: Engine | None = None) -> list[list[Article]]:
    if len(articles) <= 2:
        return [articles]
    from provenance.stories import cluster_facts

    ordered = [facts[a.id] for a in articles]
    groups = engine.cluster(ordered) if engine is not None else cluster_facts(ordered)
    # Biggest story first; clustering puts every article in exactly one story.
    return sorted(([articles[i] for i in group] for group in groups), key=len, reverse=True)


def _choose_references(stories: list[list[Article]], requested: str | None,
                       stored: str | None, facts: dict[str, ArticleFacts],
                       cited: dict[str, ArticleProvenance], glossary: Glossary,
                       report: Progress, engine: Engine | None = None
                       ) -> tuple[list[ReferenceChoice], list[Collation]]:
    """Each story's reference (:mod:`provenance.reference`), measured against the
    story's collation, and those collations (of the stories of three or more articles);
    the derivation edges that tell copies apart come from citations, known already."""
    if engine is not None:
        judged = engine.judge_stories(stories, requested, stored, facts, cited, glossary,
                                      report)
    else:
        from provenance.engine import story_part
        from provenance.reference import judge_story

        judged = []
        for n, story in enumerate(stories):
            report("claims", n, len(stories))
            judged.append(judge_story(n, story, facts=story_part(facts, story),
                                      provenance=story_part(cited, story),
                                      glossary=glossary, requested=requested,
                                      stored=stored))
        report("claims", len(stories), len(stories))
    return [c for c, _ in judged], [col for _, col in judged if col is not None]


def _corroborated(pairs: list[PairAnalysis], collations: list[Collation],
                  articles: dict[str, Article], glossary: Glossary) -> list[PairAnalysis]:
    """The pairs without the facts a relay "brings in" that other witnesses state too."""
    from provenance.collation.corroboration import corroborate

    return corroborate(pairs, collations, articles, glossary) if collations else pairs


def _credited(pairs: list[PairAnalysis], stories: list[list[Article]],
              provenance: dict[str, ArticleProvenance], facts: dict[str, ArticleFacts],
              collations: list[Collation], choices: list[ReferenceChoice],
              glossary: Glossary) -> list[PairAnalysis]:
    """The pairs with the article-level credit findings of their relays (uncredited
    copies, the story's source never named: :mod:`provenance.credits`) added."""
    from dataclasses import replace

    from provenance.credits import credit_findings

    found = credit_findings([[a.id for a in story] for story in stories], provenance,
                            facts, collations, choices, glossary)
    return [replace(p, findings=p.findings + found[p.relay_id]) if p.relay_id in found
            else p for p in pairs]


def _collate(collations: list[Collation], pairs: list[PairAnalysis],
             provenance: dict[str, ArticleProvenance]) -> Collation | None:
    """The stories' collations as one, departures the pairs report marked; shared
    departures become derivation edge candidates."""
    from provenance.collation import combine
    from provenance.collation.shared import shared_edges
    from provenance.derivation import add_candidate_edges

    if not collations:
        return None
    collation = combine(collations, pairs)
    add_candidate_edges(provenance, shared_edges(collation))
    return collation


def _compare_all(jobs: list[tuple[Article, Article]], settings: Settings, glossary: Glossary,
                 signature: Signature, store: Store, reuse: bool,
                 report: Progress, engine: Engine | None = None) -> list[PairAnalysis]:
    """Every (reference, relay) comparison: stored ones reused, the rest computed (in a
    process pool when there is enough to do) and stored as they are done, a few at a
    time (:class:`_PairWriter`)."""
    keys = [_digest(str(signature), _code_digest(), _article_key(r), _article_key(a))
            for r, a in jobs]
    results: dict[int, PairAnalysis] = {}
    if reuse:
        stored = store.get_pairs(keys)
        results = {i: stored[key] for i, key in enumerate(keys) if key in stored}
    pending = [i for i in range(len(jobs)) if i not in results]
    with _PairWriter(store) as writer:
        _compute(jobs, pending, keys, results, writer, settings, glossary, report, engine)
    return [results[i] for i in range(len(jobs))]


#: Finished pairs are written at least this often, or when this many are waiting: an
#: interrupted run loses no more than that.
WRITE_SECONDS = 2.0
WRITE_PAIRS = 64


class _PairWriter:
    """Stores finished pairs a batch at a time (every :data:`WRITE_SECONDS` or
    :data:`WRITE_PAIRS`), and what is left when the work ends or is interrupted: a
    commit per pair would cost more than the pair's writing at thousands of pairs."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.waiting: list[tuple[str, PairAnalysis]] = []
        self.written = time.monotonic()

    def add(self, key: str, pair: PairAnalysis) -> None:
        self.waiting.append((key, pair))
        if len(self.waiting) >= WRITE_PAIRS or time.monotonic() - self.written > WRITE_SECONDS:
            self.flush()

    def flush(self) -> None:
        if self.waiting:
            self.store.put_pairs(self.waiting)
            self.waiting = []
        self.written = time.monotonic()

    def __enter__(self) -> _PairWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.flush()


def _compute(jobs: list[tuple[Article, Article]], pending: list[int], keys: list[str],
             results: dict[int, PairAnalysis], writer: _PairWriter, settings: Settings,
             glossary: Glossary, report: Progress, engine: Engine | None) -> None:
    """The pending comparisons, each stored (through ``writer``) and put in ``results``
    as it is done."""

    def finished(i: int, pair: PairAnalysis) -> None:
        writer.add(keys[i], pair)
        results[i] = pair

    report("compare", len(results), len(jobs))
    if engine is not None:
        where: dict[str, list[int]] = {}  # a key, sent once, may stand for several jobs
        for i in pending:
            where.setdefault(keys[i], []).append(i)

        def arrived(key: str, pair: PairAnalysis) -> None:
            for i in where[key]:
                finished(i, pair)
            report("compare", len(results), len(jobs))

        engine.compare([(key, *jobs[ids[0]]) for key, ids in where.items()], settings.pair,
                       glossary, arrived, report)
        return
    for i in pending:
        # In this process the phases of each pair are reported too: a single long pair
        # would otherwise hold the bar at 0/1 for minutes.
        finished(i, compare_pair(*jobs[i], settings.pair, glossary, progress=report))
        report("compare", len(results), len(jobs))


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
            try:
                st = f.stat()
            except OSError:  # a dangling link: the reader reports it
                parts.append(f"{f}:missing")
                continue
            # ctime too: a file made readable (chmod) keeps its mtime but was skipped
            # before, so the analysis stored without it must not be served.
            parts.append(f"{f.resolve()}:{st.st_size}:{st.st_mtime_ns}:{st.st_ctime_ns}")
    return _digest(*parts)


def _digest(*parts: str) -> str:
    h = hashlib.sha256()
    for part in parts:
        h.update(part.encode("utf-8"))
        h.update(b"\0")
    return h.hexdigest()[:24]
