"""Departures seen together: shared by witnesses, or already reported by a pair.

Two witnesses of different groups departing from the consensus in the same way ("Susan"
Wiles in two relays, where every other witness has Susie) are unlikely to have made the
same slip apart: they point to a common intermediate. :func:`shared_edges` proposes a
derivation edge from that intermediate to each of them, with the departures as
evidence. A departure that the article's own comparison with the reference already
reports (same kind, same words), or that another claim already reports on the same
words of the same article (one relay sentence can witness two loose claims), is marked
``duplicate``: reported once.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from provenance.model import Collation, Departure, DerivationEdge, PairAnalysis

#: score of an edge candidate from one shared departure, and per further one
SHARED_SCORE = 0.3
SHARED_STEP = 0.1
SHARED_MAX = 0.6


def _variant(d: Departure) -> tuple[str, str, str, tuple[str, ...]]:
    """What makes two departures the same: the claim, the slot and the form."""
    return (d.claim, d.slot, d.finding.kind, tuple(d.finding.evidence.get("witness_keys", ())))


def mark_shared(collation: Collation) -> None:
    """Fill ``shared_with``: the articles of other witness groups with the same departure."""
    by_variant: dict[tuple, list[Departure]] = defaultdict(list)
    for d in collation.departures:
        if d.reading:  # a form of its own, not a form left out
            by_variant[_variant(d)].append(d)
    for same in by_variant.values():
        for d in same:
            group = collation.groups.get(d.article_id)
            others = [o.article_id for o in same
                      if collation.groups.get(o.article_id) != group]
            d.shared_with = sorted(set(d.shared_with) | set(others))


def _spans(d: Departure) -> set[tuple[int, int, int]]:
    return {tuple(span) for span in d.finding.tgt_spans}


def mark_repeats(collation: Collation) -> None:
    """Of the departures of one article on the same words, with the same kind and
    reading, in several claims, keep the best supported one; mark the others
    duplicate."""
    same: dict[tuple[str, str, str], list[Departure]] = defaultdict(list)
    for d in collation.departures:
        if d.finding.tgt_spans:
            same[(d.article_id, d.finding.kind, d.reading)].append(d)
    for departures in same.values():
        ranked = sorted(departures, key=lambda d: (-d.support / max(1, d.voters), -d.voters))
        kept: list[Departure] = []
        for d in ranked:
            first = next((k for k in kept if any(
                j == k2 and s < e2 and s2 < e
                for j, s, e in _spans(d) for k2, s2, e2 in _spans(k))), None)
            if first is None:
                kept.append(d)
            else:
                d.duplicate = True
                d.finding.evidence["same_as_claim"] = first.claim


def mark_duplicates(collation: Collation, pairs: Sequence[PairAnalysis]) -> None:
    """Mark the departures that the article's pair findings already report."""
    mark_repeats(collation)
    by_relay = {p.relay_id: p for p in pairs}
    for d in collation.departures:
        pair = by_relay.get(d.article_id)
        if pair is None:
            continue
        spans = d.finding.tgt_spans
        changed = bool(d.finding.evidence.get("consensus_spans"))
        left_out = set(d.finding.evidence.get("left_out") or ())
        for f in pair.findings:
            if left_out and f.kind == d.finding.kind and left_out <= set(
                    f.evidence.get("left_out") or ()):
                # the article never states the consensus's names anywhere: its pair
                # says so, and what its reading of this claim names instead is no
                # replacement (the names of another part of the story)
                d.duplicate = True
                d.finding.evidence["pair_finding"] = f.message
                break
            # the same kind, on the same words, and a change reported as a change (not
            # "has no counterpart")
            if f.kind == d.finding.kind and bool(f.src_spans) == changed and any(
                    j == k and s < e2 and s2 < e
                    for j, s, e in f.tgt_spans for k, s2, e2 in spans):
                d.duplicate = True
                d.finding.evidence["pair_finding"] = f.message
                break


def intermediate_name(a: str, b: str) -> str:
    """The name of the unknown text two articles share their departures with."""
    first, second = sorted((a, b))
    return f"common source of {first} and {second}"


def shared_edges(collation: Collation) -> list[DerivationEdge]:
    """Derivation edge candidates: from a common intermediate to each of two articles
    of different witness groups that share departures from the consensus."""
    shared: dict[tuple[str, str], list[Departure]] = defaultdict(list)
    for d in collation.departures:
        for other in d.shared_with:
            if d.article_id < other:
                shared[(d.article_id, other)].append(d)
    edges = []
    for (a, b), departures in sorted(shared.items()):
        score = round(min(SHARED_MAX, SHARED_SCORE + SHARED_STEP * (len(departures) - 1)), 3)
        evidence = {"reason": "shared departure from the consensus", "shared_with": None,
                    "claims": sorted({d.claim for d in departures}),
                    "departures": [d.finding.message for d in departures]}
        source = intermediate_name(a, b)
        for target, other in ((a, b), (b, a)):
            edges.append(DerivationEdge(source, target, score, True,
                                        {**evidence, "shared_with": other}))
    return edges
