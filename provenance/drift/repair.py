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

from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
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
    # The aligner lists links in relay order, so sorting keeps the order in which added
    # sentences are tried, and makes the free sentences of a gap one slice.
    added = sorted(j for link in links if not link.src for j in link.tgt)
    if not added:
        return links, set()
    neighbours = _Neighbours(links)
    candidates: dict[int, Link | None] = {i: None for link in links if not link.tgt
                                           for i in link.src}
    for link in links:
        if not (link.src and link.tgt):
            continue
        low, high = neighbours.gap(min(link.src), None, exclude=link)
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
    gaps = {i: neighbours.gap(i, host, exclude=host) for i, host in candidates.items()}
    free = _FreeRelaySentences(added, tgt_facts)
    repaired: list[tuple[int, int]] = []
    for i in sorted(candidates):
        j = free.first_sharing_anchors(src_facts[i], *gaps[i])
        if j is not None:
            repaired.append((i, j))
            free.take(j)
    if ratio:
        # the rest pairs in order when the lengths agree: once one drifted sentence was
        # unlinked, the aligner often unlinks its plain neighbour too; and a lone source
        # sentence facing a lone relay sentence in one gap is a pair the aligner missed
        sharing_gap = Counter(gaps.values())
        order = _PairOrder(len(src_facts), repaired)
        for i in sorted(candidates):
            if i in order:
                continue
            in_gap = free.between(*gaps[i])
            rivals = sharing_gap[gaps[i]] > 1  # other unpaired sentences with this gap
            if not repaired and (len(in_gap) != 1 or rivals):
                continue
            for j in in_gap:
                expected = ratio * max(1, len(src_facts[i].text))
                if 0.6 <= len(tgt_facts[j].text) / expected <= 1.6 and order.allows(i, j):
                    repaired.append((i, j))
                    order.add(i, j)
                    free.take(j)
                    break
    if not repaired:
        return links, set()
    used = {j for _, j in repaired}
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


class _Neighbours:
    """Where an unpaired source sentence would sit among the relay positions of the
    pairs around it, answered in O(log n) per sentence (a scan of every link per
    sentence made long one-sided pairs quadratic).

    ``gap(i)`` is bounded below by the last relay position of the pairs wholly before
    ``i`` and above by the first relay position of those wholly after it; one pair (the
    sentence's own host link) may be left out, so each prefix and suffix keeps its two
    best values from different links.
    """

    def __init__(self, links: list[Link]) -> None:
        # one entry per link object (it is left out by identity)
        pairs = list({id(k): k for k in links if k.src and k.tgt}.values())
        before = sorted(((max(k.src), max(k.tgt), id(k)) for k in pairs),
                        key=lambda e: e[0])
        after = sorted(((min(k.src), min(k.tgt), id(k)) for k in pairs),
                       key=lambda e: e[0])
        self._before_keys = [e[0] for e in before]
        self._before = _running_best([(-v, who) for _, v, who in before])
        self._after_keys = [e[0] for e in after]
        self._after = _running_best([(v, who) for _, v, who in reversed(after)])[::-1]

    def gap(self, i: int, folded_in: Link | None, *, exclude: Link | None = None
            ) -> tuple[int, int]:
        """The relay positions where source sentence ``i`` would sit, from its neighbours."""
        skip = id(exclude) if exclude is not None else None
        before = self._pick(self._before, bisect_left(self._before_keys, i) - 1, skip)
        after = self._pick(self._after, bisect_right(self._after_keys, i), skip)
        low = -before if before is not None else -1
        high = after if after is not None else 10**9
        if folded_in is not None and low - 1 <= min(folded_in.tgt) <= high + 1:
            # folded into a neighbour: it may sit right before or after the host's
            # relay side
            low, high = min(low, min(folded_in.tgt) - 1), max(high, max(folded_in.tgt) + 1)
        return low - 1, high + 1

    @staticmethod
    def _pick(best: list[_BestTwo], at: int, skip: int | None) -> int | None:
        if at < 0 or at >= len(best):
            return None
        (first, who), second = best[at]
        return first if who != skip else second


#: the smallest (value, link id) of a run, and the smallest value of another link
_BestTwo = tuple[tuple[int, int], "int | None"]


def _running_best(values: list[tuple[int, int]]) -> list[_BestTwo]:
    """For each prefix of ``values`` (one per link): its smallest value with its link,
    and the smallest value of the other links (None while there is only one)."""
    out: list[_BestTwo] = []
    first: tuple[int, int] | None = None
    second: int | None = None
    for value, who in values:
        if first is None or value < first[0]:
            if first is not None:
                second = first[0] if second is None else min(second, first[0])
            first = (value, who)
        elif second is None or value < second:
            second = value
        out.append((first, second))
    return out


class _FreeRelaySentences:
    """The added relay sentences not yet re-paired, in relay order, indexed by their
    anchors (glossary concepts; digit-written or date quantities by kind), so the first
    one in a gap sharing an anchor with a source sentence is found without trying
    every added sentence of the gap."""

    def __init__(self, added: list[int], tgt_facts: list[SentenceFacts]) -> None:
        self._all = list(added)
        self._by_concept: dict[str, list[int]] = defaultdict(list)
        self._by_kind: dict[str, list[int]] = defaultdict(list)
        self._quantities: dict[int, list[Any]] = {}
        self._keys: dict[int, list[list[int]]] = {}
        for j in added:
            facts = tgt_facts[j]
            lists = [self._by_concept[c] for c in {t.concept_id for t in facts.terms}]
            self._quantities[j] = _comparable(facts)
            lists += [self._by_kind[k] for k in {q.kind for q in self._quantities[j]}]
            for found in lists:
                found.append(j)
            self._keys[j] = lists

    def between(self, low: int, high: int) -> list[int]:
        """The free sentences j with low <= j <= high, in order."""
        return self._all[bisect_left(self._all, low):bisect_right(self._all, high)]

    def take(self, j: int) -> None:
        for found in (self._all, *self._keys[j]):
            del found[bisect_left(found, j)]

    def first_sharing_anchors(self, src: SentenceFacts, low: int, high: int) -> int | None:
        """The first free j in [low, high] sharing an anchor with ``src``: a glossary
        concept, or quantities of one kind that can be compared."""
        best: int | None = None
        for concept in {t.concept_id for t in src.terms}:
            found = self._by_concept.get(concept)
            if found:
                k = bisect_left(found, low)
                if k < len(found) and found[k] <= high and (best is None or found[k] < best):
                    best = found[k]
        quantities = _comparable(src)
        for kind in {q.kind for q in quantities}:
            found = self._by_kind.get(kind, [])
            mine = [q for q in quantities if q.kind == kind]
            for j in found[bisect_left(found, low):bisect_right(found, high)]:
                if best is not None and j >= best:
                    break
                if any(x.compare(y).verdict != "not_comparable" for x in mine
                       for y in self._quantities[j] if y.kind == kind):
                    best = j
                    break
        return best


class _PairOrder:
    """The re-paired (source, relay) pairs, asked whether a new pair keeps their order:
    (i, j) is in order when no pair has its source at or before i and its relay after j,
    and none has its source after i and its relay at or before j. Two Fenwick trees
    (prefix maximum, suffix minimum of the relay position) answer in O(log n)."""

    def __init__(self, size: int, pairs: list[tuple[int, int]]) -> None:
        self._size = size
        self._max_before = [-1] * (size + 1)  # over source positions 1..size
        self._min_after = [10**9] * (size + 1)  # over mirrored positions
        self._sources: set[int] = set()
        for i, j in pairs:
            self.add(i, j)

    def __contains__(self, i: int) -> bool:
        return i in self._sources

    def add(self, i: int, j: int) -> None:
        self._sources.add(i)
        k = i + 1
        while k <= self._size:
            self._max_before[k] = max(self._max_before[k], j)
            k += k & -k
        k = self._size - i
        while k <= self._size:
            self._min_after[k] = min(self._min_after[k], j)
            k += k & -k

    def allows(self, i: int, j: int) -> bool:
        latest, k = -1, min(i + 1, self._size)
        while k > 0:
            latest = max(latest, self._max_before[k])
            k -= k & -k
        earliest, k = 10**9, self._size - i - 1
        while k > 0:
            earliest = min(earliest, self._min_after[k])
            k -= k & -k
        return latest <= j < earliest


def _comparable(facts: SentenceFacts) -> list[Any]:
    # dates may be words ("September"); other numbers count when written with digits
    return [q for q in facts.quantities if q.kind == "date" or any(c.isdigit() for c in q.text)]


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


