"""Sentences grouped into claims: one sentence per article, linked across articles.

Links are taken strongest first. Two groups of sentences become one claim when no
article is in both (a witness states a claim once) and enough of their sentence pairs
are linked (:data:`LINKED_SHARE`): a group grows by agreement with its members, not
through one sentence that happens to resemble another group's (single links chain
unrelated facts together).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

import numpy as np

from provenance.collation.links import SentenceLink, Similarity

#: share of the sentence pairs of two groups that must be linked to join them
LINKED_SHARE = 0.3
#: a claim's sentences a candidate is compared with, at most (a mean over a fixed sample
#: of a 200-witness claim says as much as over all of them, at a fraction of the cost)
SAMPLE = 16
#: mean score against a claim's members, in multiples of a link's, to join it as well,
#: and by how much it must beat the article's next best sentence
ATTACH_SHARE = 0.85
ATTACH_MARGIN = 0.05


def group_units(article_of: np.ndarray, links: Sequence[SentenceLink]) -> list[list[int]]:
    """Units grouped into claims (lists of unit indices), singletons included."""
    n = len(article_of)
    adjacency: dict[int, set[int]] = defaultdict(set)
    for link in links:
        adjacency[link.a].add(link.b)
        adjacency[link.b].add(link.a)
    parent = list(range(n))
    members: dict[int, list[int]] = {i: [i] for i in range(n)}
    articles: dict[int, set[int]] = {i: {int(article_of[i])} for i in range(n)}

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for link in sorted(links, key=lambda k: (k.how == "vectors", -k.strength, k.a, k.b)):
        x, y = find(link.a), find(link.b)
        if x == y or articles[x] & articles[y]:
            continue
        small, large = sorted((x, y), key=lambda r: len(members[r]))
        big = set(members[large])
        cross = sum(1 for u in members[small] for v in adjacency[u] if v in big)
        if cross < LINKED_SHARE * len(members[small]) * len(members[large]):
            continue
        keep, gone = (x, y) if x < y else (y, x)
        parent[gone] = keep
        members[keep] += members.pop(gone)
        articles[keep] |= articles.pop(gone)
    return [sorted(group) for _, group in sorted(members.items())]


def refine(clusters: list[list[int]], article_of: np.ndarray, alike: Similarity
           ) -> list[list[int]]:
    """Each claim with, for each of its articles, the article's sentence most like the
    claim's other sentences. Grouping puts a sentence in one claim only: a lead that
    states three facts may sit in the wrong one while the sentence that states this
    claim alone sits nowhere, or elsewhere (it is then a reading of both)."""
    by_article: dict[int, list[int]] = {}
    for unit, article in enumerate(article_of.tolist()):
        by_article.setdefault(article, []).append(unit)
    out = []
    for cluster in clusters:
        if len(cluster) < 3:
            out.append(cluster)  # two sentences are each other's best already
            continue
        rows = sorted({u for m in cluster for u in by_article[int(article_of[m])]})
        sample = _sample(cluster)
        scores = alike.member_scores(rows, sample)
        row_of = {u: n for n, u in enumerate(rows)}
        refined = []
        for member in cluster:
            # each candidate against the claim's other sentences (a sample of them)
            others = [c for c, m in enumerate(sample) if m != member]
            fit = {u: float(scores[row_of[u], others].mean())
                   for u in by_article[int(article_of[member])]}
            best = max(fit, key=lambda u: (fit[u], u == member))
            refined.append(best if fit[best] >= fit[member] + ATTACH_MARGIN else member)
        out.append(sorted(refined))
    return out


def attach(clusters: list[list[int]], article_of: np.ndarray, alike: Similarity
           ) -> list[tuple[list[int], list[int]]]:
    """Each claim's core (grouped) sentences, and for every article it lacks, that
    article's sentence most like the claim's members when it is alike enough on average
    (:data:`ATTACH_SHARE` of a link's score) and clearly more than the article's next
    best (:data:`ATTACH_MARGIN`). A lead sentence stating three claims is then a reading
    of all three, though grouping put it in one."""
    out = []
    for cluster in clusters:
        per_article: dict[int, list[tuple[float, int]]] = {}
        inside = {int(article_of[u]) for u in cluster}
        for unit, score in alike.fit(_sample(cluster)).items():
            if int(article_of[unit]) in inside:
                continue
            per_article.setdefault(int(article_of[unit]), []).append((score, unit))
        attached = []
        for scores in per_article.values():
            scores.sort(reverse=True)
            best, unit = scores[0]
            runner_up = scores[1][0] if len(scores) > 1 else float("-inf")
            if best >= ATTACH_SHARE and best - runner_up >= ATTACH_MARGIN:
                attached.append(unit)
        out.append((cluster, sorted(attached)))
    return out


def without_repeats(claims: list[tuple[list[int], list[int]]]
                    ) -> list[tuple[list[int], list[int]]]:
    """Claims holding mostly the same sentences once attached (two groupings of one
    claim, a headline's and a lead's) are one: the one with the larger core is kept."""
    kept: list[tuple[list[int], list[int], set[int]]] = []
    for core, attached in sorted(claims, key=lambda c: (-len(c[0]), c[0])):
        members = set(core) | set(attached)
        if any(len(members & other) * 2 >= max(len(members), len(other))
               for _, _, other in kept):
            continue
        kept.append((core, attached, members))
    return sorted(((core, attached) for core, attached, _ in kept), key=lambda c: min(c[0]))


def _sample(cluster: list[int]) -> list[int]:
    """At most :data:`SAMPLE` of a claim's sentences, spread evenly over it."""
    if len(cluster) <= SAMPLE:
        return list(cluster)
    step = len(cluster) / SAMPLE
    return [cluster[int(k * step)] for k in range(SAMPLE)]
