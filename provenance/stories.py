"""Stories: split a mixed corpus into groups of articles about the same news story.

Each article becomes a set of language-independent features (glossary concept ids,
normalised quantities such as ``money:4.5e9:EUR``, Latin-script names) plus, for
same-language near duplicates, word shingles (its :class:`~provenance.facts.StoryFeatures`,
read with the rest of its facts). MinHash signatures (numpy, 64 hash functions) and
banded LSH find candidate pairs without comparing all pairs; candidates whose estimated
Jaccard similarity passes a threshold are joined with union-find. It scales to 100k
articles (see ``benchmarks/stories.py``).
"""

from __future__ import annotations

import zlib
from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

import numpy as np

from provenance.facts import StoryFeatures, article_facts
from provenance.model import Article

if TYPE_CHECKING:
    from provenance.glossary import Glossary

NUM_HASHES = 64
# Entities are few per article and shared across languages at ~0.3 Jaccard: 32 bands of
# 2 rows find such pairs with p≈0.95. Shingles only need same-language near duplicates.
ENTITY_BANDS = 32
SHINGLE_BANDS = 16
_BUCKET_ALL_PAIRS = 20


def _hash_features(features: Iterable[str] | bytes) -> np.ndarray:
    if isinstance(features, bytes):  # already hashed (StoryFeatures.shingles)
        return np.frombuffer(features, dtype=np.uint32).astype(np.uint64)
    return np.fromiter((zlib.crc32(f.encode("utf-8")) for f in features), dtype=np.uint64)


def _mix(z: np.ndarray) -> np.ndarray:
    """splitmix64 finaliser: spreads 32-bit CRCs over 64 well-mixed bits.

    (Without it, a*x+b over raw 32-bit inputs barely permutes their order, so all the
    "independent" minima fall on the same feature.)
    """
    with np.errstate(over="ignore"):
        z = (z ^ (z >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
        z = (z ^ (z >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
        return z ^ (z >> np.uint64(31))


def minhash_signatures(feature_sets: Sequence[Iterable[str] | bytes],
                       num_hashes: int = NUM_HASHES, seed: int = 7,
                       chunk_features: int = 50_000) -> np.ndarray:
    """MinHash signatures, one row per feature set (empty sets get an all-max row). A set
    is strings, or their CRC32 values packed as by :func:`provenance.facts.shingle_hashes`.

    Works in chunks of ~``chunk_features`` features so memory stays bounded.
    """
    rng = np.random.default_rng(seed)
    # h_i(x) = a_i * mix(x) + b_i mod 2**64, a_i odd: one cheap permutation per hash of
    # well-mixed 64-bit keys, ordered by its (well-mixed) high bits
    a = rng.integers(0, np.iinfo(np.int64).max, size=num_hashes, dtype=np.uint64)
    a |= np.uint64(1)
    b = rng.integers(0, np.iinfo(np.int64).max, size=num_hashes, dtype=np.uint64)
    out = np.full((len(feature_sets), num_hashes), np.iinfo(np.uint64).max, dtype=np.uint64)
    start = 0
    while start < len(feature_sets):
        hashes: list[np.ndarray] = []
        rows: list[int] = []
        size = 0
        end = start
        while end < len(feature_sets) and (size < chunk_features or end == start):
            h = _hash_features(feature_sets[end])
            if len(h):
                hashes.append(h)
                rows.append(end)
                size += len(h)
            end += 1
        if hashes:
            flat = np.concatenate(hashes)
            offsets = np.cumsum([0] + [len(h) for h in hashes[:-1]])
            with np.errstate(over="ignore"):
                values = _mix(flat)[:, None] * a[None, :] + b[None, :]
            out[rows] = np.minimum.reduceat(values, offsets, axis=0)
        start = end
    return out


def lsh_candidates(signatures: np.ndarray, bands: int = SHINGLE_BANDS) -> set[tuple[int, int]]:
    """Pairs of rows that agree on all rows of at least one band."""
    n, k = signatures.shape
    rows = k // bands
    pairs: set[tuple[int, int]] = set()
    empty = (signatures == np.iinfo(np.uint64).max).all(axis=1)
    for band in range(bands):
        block = signatures[:, band * rows:(band + 1) * rows]
        keys = np.ascontiguousarray(block).view(np.dtype((np.void, block.dtype.itemsize * rows)))
        keys = keys.ravel()
        order = np.argsort(keys, kind="stable")
        sorted_keys = keys[order]
        boundaries = np.flatnonzero(sorted_keys[1:] != sorted_keys[:-1]) + 1
        starts = np.concatenate(([0], boundaries))
        ends = np.concatenate((boundaries, [n]))
        for s, e in zip(starts[ends - starts > 1], ends[ends - starts > 1], strict=True):
            members = [int(i) for i in order[s:e] if not empty[i]]
            if len(members) > _BUCKET_ALL_PAIRS:
                # a big bucket (a common concept's minimum): chain neighbours instead of all
                # pairs; union-find still joins the ones that really are similar
                members.sort()
                pairs.update(zip(members, members[1:], strict=False))
                pairs.update((members[0], y) for y in members[1:])
                continue
            for i, x in enumerate(members):
                for y in members[i + 1:]:
                    pairs.add((x, y) if x < y else (y, x))
    return pairs


class _UnionFind:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, x: int) -> int:
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, x: int, y: int) -> None:
        rx, ry = self.find(x), self.find(y)
        if rx != ry:
            self.parent[max(rx, ry)] = min(rx, ry)


def cluster_features(features: Sequence[StoryFeatures], *, entity_threshold: float = 0.3,
                     shingle_threshold: float = 0.4) -> list[list[int]]:
    """Indices grouped into stories: joined when their entities or their text overlap."""
    n = len(features)
    uf = _UnionFind(n)
    for sets, threshold, bands in (
            ([f.entities for f in features], entity_threshold, ENTITY_BANDS),
            ([f.shingles for f in features], shingle_threshold, SHINGLE_BANDS)):
        signatures = minhash_signatures(sets)
        candidates = np.array(sorted(lsh_candidates(signatures, bands)), dtype=np.int64)
        if not len(candidates):
            continue
        for start in range(0, len(candidates), 100_000):  # bounded memory
            chunk = candidates[start:start + 100_000]
            similar = (signatures[chunk[:, 0]] == signatures[chunk[:, 1]]).mean(axis=1)
            for i, j in chunk[similar >= threshold]:
                uf.union(int(i), int(j))
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(n):
        groups[uf.find(i)].append(i)
    return sorted(groups.values(), key=lambda g: (-len(g), g[0]))


def cluster_stories(articles: list[Article], glossary: Glossary | None) -> list[list[str]]:
    """Article ids per story, biggest story first; every article is in exactly one story."""
    features = [article_facts(a, glossary).features for a in articles]
    return [[articles[i].id for i in group] for group in cluster_features(features)]
