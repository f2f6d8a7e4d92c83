"""Derivation: which article (or outside outlet) each article derives from, with scores.

For every article :func:`analyze_provenance` gathers its attributions, origin signals
and origin verdict, then builds ``derived_from`` edges:

* **cited sources**: the outlet an article relays ("X reports", "according to X"). When
  a relay chain shows that X relays Y ("WSJ <- Kommersant Ukrainian"), later mentions of
  Y in that article are read as via X. A cited outlet that has an article in the corpus
  gives an edge to that article; otherwise an ``external`` edge to the outlet's name.
* **renderings**: an article that translates or copies another article of the corpus,
  and which way round (:mod:`provenance.rendering`). The target's origin names the
  source article (``origin_article``); a translation's origin language is the source's,
  and what it cites in the sentences it renders is its source's citation, no sign of a
  re-report.
* **content**: share of sentences aligned (from the pair analyses), shared quantities and
  concepts, and shared unusual details (a feature only two articles of the corpus have).
  A content edge needs a direction: publication order, the origin language (a
  translation from Korean derives from the Korean article), or an own-outlet match
  (an English rendering carrying Yonhap's copyright derives from Yonhap's article).

The external roots are the upstream ends of the articles' main relay chains.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import replace
from itertools import combinations
from typing import TYPE_CHECKING

from provenance.attribution import is_relay
from provenance.errors import BadInput
from provenance.facts import ArticleFacts, StoryFeatures, corpus_facts
from provenance.lang import base
from provenance.model import (
    Article,
    ArticleProvenance,
    Attribution,
    DerivationEdge,
    PairAnalysis,
)
from provenance.origin import classify_origin, origin_signals
from provenance.rendering import Rendering, find_renderings, own_attributions
from provenance.stories import ENTITY_BANDS, lsh_candidates, minhash_signatures

if TYPE_CHECKING:
    from provenance.glossary import Glossary

CONTENT_MIN = 0.3  # below this, two articles sharing content is not evidence of derivation
ALIGNED_LINK_MIN = 0.3  # an alignment link weaker than this does not count as aligned
ALL_PAIRS_MAX = 400  # above this many articles, compare only LSH candidate pairs


def _source_key(attribution: Attribution) -> str:
    return attribution.concept_id or attribution.source.strip().casefold()


def direct_sources(attributions: list[Attribution]) -> Counter[str]:
    """How often each outlet is relayed directly, with chains applied (Y via X -> X)."""
    downstream: dict[str, str] = {}
    for a in attributions:
        if not a.negated and len(a.chain) > 1:
            for up, down in zip(a.chain, a.chain[1:], strict=False):
                downstream.setdefault(up, down)
    counts: Counter[str] = Counter()
    for a in attributions:
        if not is_relay(a, attributions):
            continue
        source = a.source
        seen = {source}
        while source in downstream and downstream[source] not in seen:
            source = downstream[source]
            seen.add(source)
        counts[source] += 1
    return counts


def chain_of(source: str, attributions: list[Attribution]) -> list[str]:
    """The longest relay chain in the article that ends with ``source``."""
    best = [source]
    for a in attributions:
        if not a.negated and a.chain and a.chain[-1] == source and len(a.chain) > len(best):
            best = list(a.chain)
    return best


def _aligned_shares(pairs: list[PairAnalysis]) -> dict[tuple[str, str], float]:
    """(reference id, relay id) -> share of the relay's sentences aligned with the reference."""
    shares = {}
    for pair in pairs:
        tgt_total = {i for link in pair.alignment.links for i in link.tgt}
        aligned = {i for link in pair.alignment.links
                   if link.src and link.tgt and link.score >= ALIGNED_LINK_MIN for i in link.tgt}
        if tgt_total:
            shares[(pair.reference_id, pair.relay_id)] = len(aligned) / len(tgt_total)
    return shares


def _content_similarity(a: StoryFeatures, b: StoryFeatures,
                        rare: frozenset[str]) -> tuple[float, dict[str, object]]:
    def jaccard(x: frozenset[str], y: frozenset[str]) -> float:
        return len(x & y) / len(x | y) if x | y else 0.0

    shared_rare = sorted((a.concepts | a.quantities) & (b.concepts | b.quantities) & rare)
    q = jaccard(a.quantities, b.quantities)
    c = jaccard(a.concepts | a.names, b.concepts | b.names)
    score = min(1.0, 0.45 * q + 0.35 * c + 0.1 * min(len(shared_rare), 3))
    return score, {"shared_quantities": sorted(a.quantities & b.quantities),
                   "quantity_overlap": round(q, 3), "concept_overlap": round(c, 3),
                   "shared_rare_details": shared_rare}


def analyze_provenance(articles: list[Article], pairs: list[PairAnalysis],
                       glossary: Glossary | None,
                       facts: dict[str, ArticleFacts] | None = None,
                       ) -> tuple[dict[str, ArticleProvenance], list[str]]:
    """Per-article provenance (origin, attributions, signals, derived_from) and the roots.

    ``pairs`` may be empty: derivation then rests on citations, content overlap and
    publication dates. Roots are external source names (e.g. "The Wall Street Journal").
    ``facts`` from :func:`provenance.facts.corpus_facts` (read from the facts cache
    when not given).
    """
    ids = [a.id for a in articles]
    if len(set(ids)) != len(ids):
        dup = next(i for i in ids if ids.count(i) > 1)
        raise BadInput(f"article id {dup!r} appears twice in the corpus")
    facts = facts or corpus_facts(articles, glossary)
    shares = _aligned_shares(pairs)
    renderings = find_renderings([facts[a.id] for a in articles], pairs, shares,
                                 ALIGNED_LINK_MIN)
    by_outlet: dict[str, list[str]] = defaultdict(list)
    for f in facts.values():
        if f.outlet_key:
            by_outlet[f.outlet_key].append(f.article.id)

    result: dict[str, ArticleProvenance] = {}
    root_votes: Counter[str] = Counter()
    for article in articles:
        f = facts[article.id]
        rendering = renderings.get(article.id)
        share, source_lang = None, None
        attributions, signals = f.attributions, f.signals
        if rendering is not None and rendering.kind == "translation":
            share, source_lang = rendering.share, facts[rendering.source].article.lang
            # what it cites because its source does is no sign of a re-report
            attributions = own_attributions(rendering, f)
            if len(attributions) < len(f.attributions):
                signals = origin_signals(article, glossary, attributions)
        verdict = classify_origin(article, attributions, signals, share, glossary,
                                  source_lang)
        # Copies: the facts are cached and shared, a result is the caller's to change.
        prov = ArticleProvenance(article.id, verdict.origin, verdict.confidence,
                                 verdict.origin_language,
                                 [replace(a, chain=list(a.chain)) for a in f.attributions],
                                 [replace(s) for s in f.signals])
        prov.derived_from = _cited_edges(f, facts, by_outlet)
        result[article.id] = prov
        primary = [e for e in prov.derived_from if e.evidence.get("primary")]
        if primary:
            root_votes[primary[0].evidence["chain"][0]] += 1

    for rendering in renderings.values():
        _add_rendering_edge(rendering, result)
    _add_content_edges(facts, result, shares)
    for prov in result.values():
        prov.derived_from.sort(key=lambda e: -e.score)
    in_corpus = {f.article.outlet for f in facts.values() if f.article.outlet}
    roots = [name for name, _ in root_votes.most_common() if name not in in_corpus]
    return result, roots


def _add_rendering_edge(rendering: Rendering, result: dict[str, ArticleProvenance]) -> None:
    """The target derives from its source; a translation's origin names the source."""
    prov = result[rendering.target]
    prov.origin_article = rendering.source
    score = round(min(0.99, 0.6 + 0.4 * rendering.share), 3)
    evidence = {"reason": rendering.kind, "direction": rendering.direction,
                **rendering.evidence}
    existing = next((e for e in prov.derived_from if e.source == rendering.source), None)
    if existing is not None:  # an outlet it cites, whose article it also renders
        existing.score = max(existing.score, score)
        existing.evidence.update(evidence)
        return
    prov.derived_from.append(DerivationEdge(rendering.source, rendering.target, score, False,
                                            evidence))


def _cited_edges(f: ArticleFacts, facts: dict[str, ArticleFacts], by_outlet: dict[str, list[str]]
                 ) -> list[DerivationEdge]:
    counts = direct_sources(f.attributions)
    if not counts:
        return []
    total = sum(counts.values())
    keys = {a.source: _source_key(a) for a in f.attributions}
    edges = []
    for rank, (source, n) in enumerate(counts.most_common()):
        chain = chain_of(source, f.attributions)
        evidence: dict[str, object] = {
            "reason": "attribution", "attributions": n, "chain": chain, "primary": rank == 0,
            "cues": sorted({a.cue for a in f.attributions if a.source == source}),
            "sentences": sorted({a.sentence for a in f.attributions if a.source == source}),
        }
        score = round(min(0.95, 0.35 + 0.55 * n / total + (0.05 if rank == 0 else 0.0)), 3)
        targets = [i for i in by_outlet.get(keys.get(source, source.casefold()), [])
                   if i != f.article.id and _not_later(facts[i].article, f.article)]
        if targets:
            edges += [DerivationEdge(t, f.article.id, score, False, evidence) for t in targets]
            continue
        edges.append(DerivationEdge(source, f.article.id, score, True, evidence))
        # the chain's head may be in the corpus even when the direct source is not
        head_targets = [i for i in by_outlet.get(_key_of_name(chain[0], f.attributions), [])
                        if i != f.article.id] if len(chain) > 1 else []
        for t in head_targets:
            edges.append(DerivationEdge(t, f.article.id, round(score * 0.8, 3), False,
                                        {**evidence, "primary": False, "via": source}))
    return edges


def _key_of_name(name: str, attributions: list[Attribution]) -> str:
    for a in attributions:
        if a.source == name:
            return _source_key(a)
    return name.casefold()


def _not_later(source: Article, target: Article) -> bool:
    s, t = source.published_date, target.published_date
    return s is None or t is None or s <= t


def _direction(x: ArticleFacts, y: ArticleFacts, result: dict[str, ArticleProvenance]
               ) -> tuple[str, str, str] | None:
    """(source id, target id, reason) for two articles with shared content, if it can be told."""
    for src, tgt in ((x, y), (y, x)):
        # an English rendering carrying the foreign outlet's copyright or self-reference
        if src.outlet_key and src.outlet_key in tgt.foreign_outlets:
            return src.article.id, tgt.article.id, "outlet named in the relay's copyright"
    dx, dy = x.article.published_date, y.article.published_date
    if dx and dy and dx != dy:
        return (x.article.id, y.article.id, "published earlier") if dx < dy else \
            (y.article.id, x.article.id, "published earlier")
    for src, tgt in ((x, y), (y, x)):
        verdict = result[tgt.article.id]
        if (verdict.origin in ("translation", "re-report") and verdict.origin_language
                and base(src.article.lang) == verdict.origin_language
                and base(tgt.article.lang) != verdict.origin_language
                and result[src.article.id].origin == "original"):
            return src.article.id, tgt.article.id, "origin language"
    return None


def _candidate_pairs(facts: list[ArticleFacts]) -> list[tuple[ArticleFacts, ArticleFacts]]:
    """All pairs of a small corpus; LSH candidates (shared entities) of a large one."""
    if len(facts) <= ALL_PAIRS_MAX:
        return list(combinations(facts, 2))
    signatures = minhash_signatures([f.features.entities for f in facts])
    return [(facts[i], facts[j]) for i, j in sorted(lsh_candidates(signatures, ENTITY_BANDS))]


def _add_content_edges(facts: dict[str, ArticleFacts], result: dict[str, ArticleProvenance],
                       shares: dict[tuple[str, str], float]) -> None:
    df: Counter[str] = Counter()
    for f in facts.values():
        # Latin names in foreign text mostly repeat glossary concepts: not "unusual details"
        df.update(f.features.concepts | f.features.quantities)
    rare = frozenset(k for k, n in df.items() if n == 2)
    for x, y in _candidate_pairs(list(facts.values())):
        if result[x.article.id].origin_article == y.article.id or \
                result[y.article.id].origin_article == x.article.id:
            continue  # a rendering: its edge is there already
        score, evidence = _content_similarity(x.features, y.features, rare)
        aligned = max(shares.get((x.article.id, y.article.id), 0.0),
                      shares.get((y.article.id, x.article.id), 0.0))
        if aligned:
            evidence["aligned_share"] = round(aligned, 3)
            score = max(score, aligned)
        if score < CONTENT_MIN:
            continue
        direction = _direction(x, y, result)
        if direction is None:
            continue
        src, tgt, reason = direction
        edges = result[tgt].derived_from
        cites_others = any(e.evidence.get("reason") == "attribution" for e in edges)
        rare_count = len(evidence["shared_rare_details"])  # type: ignore[arg-type]
        if reason != "outlet named in the relay's copyright" and (
                rare_count < 2 if cites_others else not (aligned >= 0.6 or rare_count >= 1)):
            # relays of one story share content and align with each other; when the
            # article names its source, only unusual shared details suggest another one
            continue
        if reason == "outlet named in the relay's copyright":
            # the rendering's citations are its source article's: they are second-hand now
            for e in edges:
                e.score = round(e.score * 0.7, 3)
                e.evidence["via"] = src
                e.evidence["primary"] = False
            score = max(score, 0.9)
        existing = next((e for e in edges if e.source == src), None)
        if existing is not None:  # a cited article that also shares the content
            existing.score = round(min(0.99, existing.score + 0.3 * score), 3)
            existing.evidence.update(evidence)
            continue
        edges.append(DerivationEdge(src, tgt, round(score, 3), False,
                                    {"reason": reason, **evidence}))


def add_candidate_edges(result: dict[str, ArticleProvenance],
                        edges: list[DerivationEdge]) -> None:
    """Edges another step proposes (two relays sharing a departure from the consensus
    point to a common intermediate: :func:`provenance.collation.shared.shared_edges`),
    added to their targets' ``derived_from``; an edge from a source already there
    strengthens it instead."""
    for edge in edges:
        prov = result.get(edge.target)
        if prov is None:
            continue
        existing = next((e for e in prov.derived_from if e.source == edge.source), None)
        if existing is not None:
            existing.score = round(max(existing.score, edge.score), 3)
            existing.evidence.setdefault("also", []).append(edge.evidence)
            continue
        prov.derived_from.append(edge)
        prov.derived_from.sort(key=lambda e: -e.score)
