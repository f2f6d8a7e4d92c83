"""Independent witnesses: copies of one text vote once.

Ten sites reposting one wire story are one witness to what the story says, not ten. Two
articles are put in one witness group when they are near-identical (same language, most
word 3-shingles shared) or when derivation knows one comes from the other: it cites the
other article's outlet, or carries its copyright line. Content overlap alone is not
enough: every faithful relay of a story shares most of its content with every other.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from provenance.lang import base

if TYPE_CHECKING:
    from provenance.facts import ArticleFacts
    from provenance.model import Article, ArticleProvenance

#: word 3-shingles two texts of one language must share (Jaccard) to be one text
NEAR_IDENTICAL = 0.5
#: derivation evidence that makes an article a copy of another article of the corpus
_COPY_REASONS = ("attribution", "outlet named in the relay's copyright")


def witness_groups(articles: Sequence[Article], facts: Mapping[str, ArticleFacts],
                   provenance: Mapping[str, ArticleProvenance] | None = None
                   ) -> dict[str, int]:
    """Article id -> witness group (numbered from 0 in article order)."""
    ids = [a.id for a in articles]
    parent = {i: i for i in ids}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(x: str, y: str) -> None:
        rx, ry = find(x), find(y)
        if rx != ry:
            parent[max(rx, ry, key=ids.index)] = min(rx, ry, key=ids.index)

    shingles = {a.id: facts[a.id].features.shingles for a in articles}
    by_lang: dict[str, list[str]] = {}
    for a in articles:
        by_lang.setdefault(base(a.lang), []).append(a.id)
    for same in by_lang.values():
        for n, x in enumerate(same):
            for y in same[n + 1:]:
                if near_identical(shingles[x], shingles[y]):
                    union(x, y)
    for article_id, prov in (provenance or {}).items():
        if article_id not in parent:
            continue
        for edge in prov.derived_from:
            if edge.external or edge.source not in parent:
                continue
            if edge.evidence.get("reason") in _COPY_REASONS:
                union(edge.source, article_id)
    roots: dict[str, int] = {}
    return {i: roots.setdefault(find(i), len(roots)) for i in ids}


def near_identical(a: bytes, b: bytes) -> bool:
    from provenance.facts import shingle_overlap

    shared, size_a, size_b = shingle_overlap(a, b)
    return bool(size_a and size_b) and shared / (size_a + size_b - shared) >= NEAR_IDENTICAL
