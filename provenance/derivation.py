"""Derivation: which article (or outside outlet) each article derives from, with scores.

For every article :func:`analyze_provenance` gathers its attributions, origin signals
and origin verdict, then builds ``derived_from`` edges:

* **cited sources**: the outlet an article relays ("X reports", "according to X"). When
  a relay chain shows that X relays Y ("WSJ <- Kommersant Ukrainian"), later mentions of
  Y in that article are read as via X. A cited outlet that has an article in the corpus
  gives an edge to that article; otherwise an ``external`` edge to the outlet's name.
* **renderings**: an article that translates or copies another article of the corpus:
  a relay aligned sentence by sentence with its reference in another language (the
  pair analyses), or any two articles sharing most of their text (copies in one
  language, translations across two: :mod:`provenance.reuse`). Its direction (who
  rendered whom) comes from, in order: a text naming the other's outlet, publication
  dates, a text naming its own outlet where the other names none (a copy credits
  nobody), traces of translation in one text (an English text with a day-first dotted
  date), the paragraphs a copy left out between the ones it kept; failing all, the
  story's reference is taken as the source, and the edge says the direction was
  assumed. The target's origin names the source article (``origin_article``), and a
  translation's origin language is the source's.
* **content**: share of sentences aligned (from the pair analyses), shared quantities and
  concepts, and shared unusual details (a feature only two articles of the corpus have).
  A content edge needs a direction: publication order, the origin language (a
  translation from Korean derives from the Korean article), or an own-outlet match
  (an English rendering carrying Yonhap's copyright derives from Yonhap's article).

The external roots are the upstream ends of the articles' main relay chains.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace
from itertools import combinations
from typing import TYPE_CHECKING, Any

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
from provenance.origin import classify_origin, origin_signals, translation_score
from provenance.reuse import TRANSLATED_SHARE, Reuse, find_reuse
from provenance.stories import ENTITY_BANDS, lsh_candidates, minhash_signatures

if TYPE_CHECKING:
    from provenance.glossary import Glossary

CONTENT_MIN = 0.3  # below this, two articles sharing content is not evidence of derivation
ALIGNED_LINK_MIN = 0.3  # an alignment link weaker than this does not count as aligned
ALL_PAIRS_MAX = 400  # above this many articles, compare only LSH candidate pairs
#: A relay with this share of its sentences aligned with a reference in another language
#: renders it (a translation, one way or the other).
RENDERED_SHARE = 0.8
#: An English text whose translation traces weigh this much (noisy-OR) reads as the
#: translated side of a pair.
TRACES_MIN = 0.3


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


@dataclass
class Rendering:
    """``target`` translates or copies ``source`` (article ids), ``share`` of it."""

    source: str
    target: str
    kind: str  # "translation" or "copy"
    share: float
    #: why this way round (see :func:`_rendering_direction`); "assumed: ..." when no
    #: evidence told
    direction: str
    evidence: dict[str, Any] = field(default_factory=dict)
    #: (source sentence, target sentence) pairs that render each other
    links: tuple[tuple[int, int], ...] = ()


def _renderings(facts: dict[str, ArticleFacts], pairs: list[PairAnalysis],
                shares: dict[tuple[str, str], float], reused: list[Reuse]
                ) -> dict[str, Rendering]:
    """The article each article renders (translates or copies), if any: the best one."""
    found: list[tuple[str, str, str, float, dict[str, Any], tuple[int, int],
                      tuple[tuple[int, int], ...]]] = []
    references = {p.reference_id for p in pairs}
    for pair in pairs:
        ref, relay = pair.reference_id, pair.relay_id
        share = shares.get((ref, relay), 0.0)
        if share >= RENDERED_SHARE and \
                base(facts[ref].article.lang) != base(facts[relay].article.lang):
            links = tuple((i, j) for link in pair.alignment.links
                          if link.src and link.tgt and link.score >= ALIGNED_LINK_MIN
                          for i in link.src for j in link.tgt)
            covered = len({i for i, _ in links}) / max(len(facts[ref].article.sentences), 1)
            if covered < TRANSLATED_SHARE:
                continue  # a summary renders a few of its sentences, not the article
            found.append((ref, relay, "translation", share,
                          {"aligned_share": round(share, 3),
                           "source_share": round(covered, 3)}, (0, 0), links))
    for r in reused:
        found.append((r.first, r.second, r.kind, r.share, r.evidence(), r.gaps, r.matched))
    best: dict[str, Rendering] = {}
    for x, y, kind, share, evidence, gaps, links in found:
        src, tgt, why = _rendering_direction(facts[x], facts[y], gaps, references)
        if tgt in best and best[tgt].share >= share:
            continue
        oriented = links if src == x else tuple((j, i) for i, j in links)
        best[tgt] = Rendering(src, tgt, kind, share, why, evidence, oriented)
    # a pair judged both ways round (a <- b and b <- a) keeps its better-founded half
    for tgt, rendering in list(best.items()):
        back = best.get(rendering.source)
        if back is not None and back.source == tgt and tgt in best:
            weaker = rendering if rendering.direction.startswith("assumed") else back
            best.pop(weaker.target, None)
    return best


def own_attributions(rendering: Rendering, facts: dict[str, ArticleFacts]
                     ) -> list[Attribution]:
    """The target's attributions that are its own: those outside the sentences that
    render its source (a translation says "according to Reuters" because its source
    does, whether or not the source's wording reads as a citation here)."""
    rendered = {j for _, j in rendering.links}
    return [a for a in facts[rendering.target].attributions if a.sentence not in rendered]


def _rendering_direction(x: ArticleFacts, y: ArticleFacts, gaps: tuple[int, int],
                         references: set[str]) -> tuple[str, str, str]:
    """(source id, target id, why) of two articles one of which renders the other."""
    for src, tgt in ((x, y), (y, x)):
        # "Copyright Euromaidanpress.com" in a copy: it names where its text is from
        if src.own_names and tgt.names_outlet(src.own_names) and \
                not src.names_outlet(tgt.own_names):
            return src.article.id, tgt.article.id, "names the other's outlet"
    dx, dy = x.article.published_date, y.article.published_date
    if dx and dy and dx != dy:
        src, tgt = (x, y) if dx < dy else (y, x)
        return src.article.id, tgt.article.id, "published earlier"
    for src, tgt in ((x, y), (y, x)):
        # the copy credits nobody: an aggregator does not name itself in a pasted text
        if src.names_outlet(src.own_names) and not tgt.names_outlet(tgt.own_names):
            return src.article.id, tgt.article.id, "names its own outlet, the other none"
    if base(x.article.lang) != base(y.article.lang):
        traces = {f.article.id: translation_score(f.signals) if base(f.article.lang) == "en"
                  else 0.0 for f in (x, y)}
        for src, tgt in ((x, y), (y, x)):
            if traces[tgt.article.id] >= TRACES_MIN > traces[src.article.id]:
                return src.article.id, tgt.article.id, "translation traces in the other"
    if bool(gaps[0]) != bool(gaps[1]):
        src, tgt = (x, y) if gaps[0] else (y, x)
        return src.article.id, tgt.article.id, "the other left out paragraphs between"
    for src, tgt in ((x, y), (y, x)):
        if src.article.id in references and tgt.article.id not in references:
            return src.article.id, tgt.article.id, "assumed: the story's reference"
    src, tgt = sorted((x, y), key=lambda f: (-len(f.article.sentences), f.article.id))
    return src.article.id, tgt.article.id, "assumed: the longer text"


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
    renderings = _renderings(facts, pairs, shares, find_reuse([facts[a.id] for a in articles]))
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
            attributions = own_attributions(rendering, facts)
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
