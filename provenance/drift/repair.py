"""Links repaired around drift: a drifted sentence is exactly what an aligner unlinks.

Change a date in a relay sentence and a content-aware aligner may decide that sentence
renders nothing: it reports the source sentence as merged into its neighbour's link
(2-1) and the relay sentence as an addition. Comparing content then finds an omission
and an addition instead of the changed date. ``repair_links`` pairs such an unrendered
source sentence with an added relay sentence in the same place when they share an
anchor (a glossary concept, or quantities of the same kind), so that the detectors
compare them. The aligner's own links are left untouched in the output; findings on a
repaired pair say so in their evidence.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from provenance.model import Link

if TYPE_CHECKING:
    from provenance.facts import SentenceFacts


def repair_links(src_facts: list[SentenceFacts], tgt_facts: list[SentenceFacts],
                 links: list[Link]) -> tuple[list[Link], set[tuple]]:
    """Effective links (the aligner's, with unrendered/added sentences re-paired) and the
    set of (src, tgt) keys of the repaired links; the links index the two facts lists."""
    keys: set[tuple] = set()
    for _ in range(3):  # a re-pairing can free a relay sentence for another one
        links, new = _repair_once(src_facts, tgt_facts, links)
        if not new:
            break
        keys |= new
    return links, keys


def _repair_once(src_facts: list[SentenceFacts], tgt_facts: list[SentenceFacts],
                 links: list[Link]) -> tuple[list[Link], set[tuple]]:
    ratio = length_ratio(src_facts, tgt_facts, links)
    added = [j for link in links if not link.src for j in link.tgt]
    if not added:
        return links, set()
    candidates: dict[int, Link | None] = {i: None for link in links if not link.tgt
                                           for i in link.src}
    for link in links:
        if not (link.src and link.tgt):
            continue
        low, high = _gap(links, min(link.src), None, exclude=link)
        if min(link.tgt) > high or max(link.tgt) < low:
            # a link far from where its neighbours put it: a crossing the aligner
            # chose for sentences whose content changed
            for i in link.src:
                candidates[i] = link
        elif len(link.src) >= 2 and len(link.tgt) < len(link.src):
            k = unrendered([src_facts[i] for i in link.src],
                           [tgt_facts[j] for j in link.tgt], ratio)
            if k is not None:
                candidates[k] = link
    repaired: list[tuple[int, int]] = []
    used: set[int] = set()
    for i in sorted(candidates):
        host = candidates[i]
        low, high = _gap(links, i, host, exclude=host)
        for j in added:
            if j in used or not (low <= j <= high):
                continue
            if _shared_anchors(src_facts[i], tgt_facts[j]):
                repaired.append((i, j))
                used.add(j)
                break
    if ratio:
        # the rest pairs in order when the lengths agree: once one drifted sentence was
        # unlinked, the aligner often unlinks its plain neighbour too; and a lone source
        # sentence facing a lone relay sentence in one gap is a pair the aligner missed
        for i in sorted(candidates):
            if i in {x for x, _ in repaired}:
                continue
            host = candidates[i]
            low, high = _gap(links, i, host, exclude=host)
            free = [j for j in added if j not in used and low <= j <= high]
            rivals = [k for k in candidates if k != i and k not in {x for x, _ in repaired}
                      and _gap(links, k, candidates[k], exclude=candidates[k]) == (low, high)]
            if not repaired and (len(free) != 1 or rivals):
                continue
            for j in free:
                expected = ratio * max(1, len(src_facts[i].text))
                if 0.6 <= len(tgt_facts[j].text) / expected <= 1.6 and _in_order(
                        repaired, i, j):
                    repaired.append((i, j))
                    used.add(j)
                    break
    if not repaired:
        return links, set()
    pairs_src = {i for i, _ in repaired}
    out: list[Link] = []
    for link in links:
        if not link.src:
            tgt = tuple(j for j in link.tgt if j not in used)
            if tgt:
                out.append(Link((), tgt, link.score))
            continue
        src = tuple(i for i in link.src if i not in pairs_src)
        if src or link.tgt:
            # a relay side left without its source becomes an addition
            out.append(link if src == link.src else Link(src, link.tgt, link.score))
    out = [link for link in out if link.src or link.tgt]
    keys = set()
    for i, j in repaired:
        out.append(Link((i,), (j,), 0.0))
        keys.add(((i,), (j,)))
    return out, keys


def _gap(links: list[Link], i: int, folded_in: Link | None, *, exclude: Link | None = None
         ) -> tuple[int, int]:
    """The relay positions where source sentence ``i`` would sit, from its neighbours."""
    pairs = [k for k in links if k.src and k.tgt and k is not exclude]
    before = [max(k.tgt) for k in pairs if max(k.src) < i]
    after = [min(k.tgt) for k in pairs if min(k.src) > i]
    low = max(before) if before else -1
    high = min(after) if after else 10**9
    if folded_in is not None and low - 1 <= min(folded_in.tgt) <= high + 1:
        # folded into a neighbour: it may sit right before or after the host's relay side
        low, high = min(low, min(folded_in.tgt) - 1), max(high, max(folded_in.tgt) + 1)
    return low - 1, high + 1


def _in_order(repaired: list[tuple[int, int]], i: int, j: int) -> bool:
    """Pairing (i, j) keeps the order of the pairs already repaired."""
    return all((i < a) == (j < b) for a, b in repaired)


def _shared_anchors(a: SentenceFacts, b: SentenceFacts) -> bool:
    if {t.concept_id for t in a.terms} & {t.concept_id for t in b.terms}:
        return True
    # dates may be words ("September"); other numbers count when written with digits
    qa = [q for q in a.quantities if q.kind == "date" or any(c.isdigit() for c in q.text)]
    qb = [q for q in b.quantities if q.kind == "date" or any(c.isdigit() for c in q.text)]
    return any(x.kind == y.kind and x.compare(y).verdict != "not_comparable"
               for x in qa for y in qb)


def _anchors(facts: SentenceFacts) -> tuple[set[str], list[Any]]:
    concepts = {t.concept_id for t in facts.terms}
    numbers = [q for q in facts.numeric if any(c.isdigit() for c in q.text)]
    return concepts, numbers


def unrendered(many: list[SentenceFacts], other: list[SentenceFacts], ratio: float | None
                ) -> int | None:
    """The index of the sentence in ``many`` that ``other`` does not render, if clear."""
    o_concepts = {t.concept_id for f in other for t in f.terms}
    o_numbers = [q for f in other for q in f.numeric]
    found: dict[int, tuple[int, int]] = {}  # index -> (anchors, anchors found)
    for f in many:
        concepts, numbers = _anchors(f)
        hits = len(concepts & o_concepts) + sum(
            1 for q in numbers if any(q.compare(o).verdict != "not_comparable" for o in o_numbers))
        found[f.index] = (len(concepts) + len(numbers), hits)
    lost = [i for i, (n, hit) in found.items() if n >= 1 and hit == 0]
    kept = [i for i, (n, hit) in found.items() if hit >= 1]
    if len(lost) == 1 and kept:
        return lost[0]
    if ratio is None:
        return None
    lengths = {f.index: len(f.text) for f in many}
    total = sum(lengths.values())
    actual = sum(len(f.text) for f in other)
    if actual >= 0.8 * ratio * total:
        return None
    best = min(lengths, key=lambda i: abs(actual / (ratio * (total - lengths[i])) - 1))
    fits = abs(actual / (ratio * (total - lengths[best])) - 1) < 0.2
    return best if fits and lengths[best] >= 0.25 * total and found[best][1] == 0 else None


def length_ratio(src_facts: list[SentenceFacts], tgt_facts: list[SentenceFacts],
                 links: list[Link]) -> float | None:
    """Median relay/source length ratio over one-to-one links (None if too few)."""
    ratios = sorted(len(tgt_facts[k.tgt[0]].text) / max(1, len(src_facts[k.src[0]].text))
                    for k in links if len(k.src) == 1 and len(k.tgt) == 1)
    return ratios[len(ratios) // 2] if len(ratios) >= 3 else None


