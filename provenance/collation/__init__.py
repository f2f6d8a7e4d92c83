"""Collation: every witness of a story, claim by claim, against the consensus.

A fact-checker rarely has the original; what they have is many witnesses. For each story
of three or more articles, :func:`collate` groups the sentences of every article into
claims (one sentence per article and claim, linked across articles by sentence vectors
or shared content: :mod:`.links`, :mod:`.grouping`), reads what each
witness states slot by slot (numbers with their qualifiers, dates, names, relation
verbs, hedges, negation, cited sources: :mod:`.readings`), and reports where a witness
departs from what the independent witnesses agree on (:mod:`.consensus`; copies of
one text vote once: :mod:`.witnesses`). Claims do not depend on the reference: a fact
that only the relays carry is a claim as soon as two independent relays agree on it.

Departures shared by two witnesses of different groups (the same wrong name in two
relays) point to a common intermediate: :mod:`.shared` turns them into derivation
edge candidates.

>>> collation = collate(stories, glossary, pairs=analysis.pairs)
>>> [d.finding.message for d in collation.departures_of("004")]
['4 of 5 independent witnesses say “spoke”; this one says “met” (...)']
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

import numpy as np

from provenance.collation.consensus import (
    ClaimWitnesses,
    Collator,
    measured,
    shown_first,
    slot_consensus,
)
from provenance.collation.grouping import attach, group_units, refine, without_repeats
from provenance.collation.links import similarity, vectors_wanted
from provenance.collation.omissions import LeftOut
from provenance.collation.readings import WitnessReading
from provenance.collation.shared import mark_duplicates, mark_shared
from provenance.collation.witnesses import witness_groups
from provenance.facts import corpus_facts, sentence_facts
from provenance.model import Claim, Collation, Reading

if TYPE_CHECKING:
    from provenance.drift.base import Detector
    from provenance.facts import SentenceFacts
    from provenance.glossary import Glossary
    from provenance.model import Article, ArticleProvenance, PairAnalysis

__all__ = ["MIN_ARTICLES", "collate", "collate_story", "combine"]

#: a consensus needs at least this many articles in a story
MIN_ARTICLES = 3
#: sentences of one article that take part (a dumped archive is not a witness)
MAX_SENTENCES = 200
#: a sentence shorter than this (in characters, CJK counted double) and naming
#: nothing states no claim ("Summary", a dateline)
MIN_CHARS = 25


def collate(stories: Sequence[Sequence[Article]], glossary: Glossary, *,
            pairs: Sequence[PairAnalysis] = (),
            provenance: Mapping[str, ArticleProvenance] | None = None,
            references: Sequence[str | None] = (),
            vectors: bool | None = None,
            detectors: Sequence[Detector] | None = None) -> Collation:
    """The claims of every story of :data:`MIN_ARTICLES` or more articles.

    Claims are formed from links between the sentences of all the story's articles, not
    from the reference/relay alignments, so that they do not depend on which article is
    the reference (``references[i]``, story i's, only wins ties between readings).
    ``provenance`` (derivation) tells copies apart; ``pairs``, when given, mark the
    departures their findings already report. ``vectors``: sentence vectors link
    sentences across languages (None: when installed and not switched off), else shared
    content does.
    """
    from provenance.drift import default_detectors

    use_vectors = vectors_wanted() if vectors is None else vectors
    chosen = list(detectors) if detectors is not None else default_detectors()
    parts = []
    for number, story in enumerate(stories):
        if len(story) < MIN_ARTICLES:
            continue
        reference = references[number] if number < len(references) else None
        parts.append(collate_story(number, story, glossary, provenance=provenance,
                                   reference=reference, vectors=use_vectors,
                                   detectors=chosen))
    return combine(parts, pairs)


def combine(parts: Sequence[Collation], pairs: Sequence[PairAnalysis] = ()) -> Collation:
    """The collations of single stories as one (witness groups numbered through), with
    shared departures marked and those the ``pairs`` already report marked duplicate."""
    result = Collation()
    for part in parts:
        offset = len(set(result.groups.values()))
        renumber = {g: g + offset for g in set(part.groups.values())}
        for claim in part.claims:
            for reading in claim.readings:
                reading.group = renumber.get(reading.group, reading.group)
        result.claims += part.claims
        result.departures += part.departures
        result.groups.update({k: renumber[v] for k, v in part.groups.items()})
    mark_shared(result)
    mark_duplicates(result, pairs)
    return result


def collate_story(number: int, story: Sequence[Article], glossary: Glossary, *,
                  provenance: Mapping[str, ArticleProvenance] | None = None,
                  reference: str | None = None, vectors: bool | None = None,
                  detectors: Sequence[Detector] | None = None) -> Collation:
    """One story's claims and departures (see :func:`collate`), its witness groups
    numbered from 0 and its shared and duplicate departures not marked yet."""
    from provenance.drift import default_detectors

    vectors = vectors_wanted() if vectors is None else vectors
    detectors = list(detectors) if detectors is not None else default_detectors()
    facts = corpus_facts(story, glossary)
    groups = witness_groups(story, facts, provenance)
    units: list[WitnessReading] = []
    article_index: list[int] = []
    for n, article in enumerate(story):
        for f in _stating(sentence_facts(article, glossary)):
            units.append(WitnessReading(article.id, article.lang, [f], groups[article.id]))
            article_index.append(n)
    article_of = np.asarray(article_index, dtype=np.int64)
    claims: list[tuple[list[int], list[int]]] = []  # core sentences, attached ones
    if len(units) > 1:
        alike = similarity(units, article_of, vectors)
        cores = [c for c in group_units(article_of, alike.links())
                 if len({units[u].group for u in c}) >= 2]
        claims = without_repeats(attach(refine(cores, article_of, alike), article_of, alike))
    claims.sort(key=lambda c: _claim_position(c[0] + c[1], units, story, reference))
    collator = Collator({a.id: a for a in story}, glossary, detectors)
    left_out = LeftOut(collator.articles, glossary)
    converting = measured(units)
    out = Collation(groups=groups)
    for k, (core, attached) in enumerate(claims):
        claim_id = f"{number + 1}.{k + 1}"
        witnesses = ClaimWitnesses(claim_id, [units[u] for u in sorted(core + attached)],
                                   {units[u].article_id for u in core})
        ranked = witnesses.ranked(reference)
        shown = shown_first(witnesses, ranked)
        consensus = shown[0]
        out.claims.append(Claim(
            claim_id, number, consensus.text, consensus.article_id, consensus.sentences,
            len({r.group for r in witnesses.readings}),
            [Reading(r.article_id, r.sentences, r.text, r.group, r.forms()) for r in shown],
            slot_consensus(witnesses)))
        found = collator.departures(witnesses, prefer=reference)
        found += collator.rounded_elsewhere(witnesses, converting, prefer=reference)
        found += left_out.departures(witnesses, ranked)
        out.departures += found
    return out


def _stating(facts: list[SentenceFacts]) -> list[SentenceFacts]:
    """The sentences that can state a claim: they name something or are long enough."""
    kept = []
    for f in facts[:MAX_SENTENCES]:
        size = sum(2 if ord(ch) > 0x2E80 else 1 for ch in f.text.strip())
        if f.terms or f.quantities or size >= MIN_CHARS:
            kept.append(f)
    return kept


def _claim_position(cluster: list[int], units: list[WitnessReading],
                    story: Sequence[Article], reference: str | None) -> tuple[float, int]:
    """Claims in the reference's order, then where their witnesses put them."""
    sizes = {a.id: max(1, len(a.sentences)) for a in story}
    for u in cluster:
        if units[u].article_id == reference:
            return (units[u].sentences[0] / sizes[reference], cluster[0])
    spots = sorted(units[u].sentences[0] / sizes[units[u].article_id] for u in cluster)
    return (spots[len(spots) // 2], cluster[0])
