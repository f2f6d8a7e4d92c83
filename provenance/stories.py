"""Stories: split a mixed corpus into groups of articles about the same news story.

Each article becomes a set of language-independent features (glossary concept ids,
normalised quantities such as ``money:4.5e9:EUR``, Latin-script names) plus, for
same-language near duplicates, word shingles (its :class:`~provenance.facts.StoryFeatures`,
read with the rest of its facts). MinHash signatures (numpy, 64 hash functions) and
banded LSH find candidate pairs without comparing all pairs; candidates whose Jaccard
similarity (estimated, then computed on the sets) passes a threshold, sharing at least
two features, are joined with union-find. It scales to 100k
articles (see ``benchmarks/stories.py``).

A translation may share few Latin names or numbers with its original (a Chinese
rendering spells every name in characters). Where sentence vectors are available, each
article's lead (title and first sentences, :attr:`ArticleFacts.lead`) gives a document
vector: an article is joined with its nearest document in each other language when
their lead sentences render each other in order (most of the shorter lead pairs up,
sentence by sentence, at most one position apart). Measured on the WMT documents and
the relay clusters: translations pair up 4 or more of 6 lead sentences, the nearest
document of another story at most 3. Nearest neighbours are exact (blocks of a matrix
product), so vectors are used for at most :data:`VECTOR_ARTICLES_MAX` articles of a
corpus; embedding the leads costs far more than the search and is shared with
alignment, which embeds the same sentences.
"""

from __future__ import annotations

import zlib
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

import numpy as np

from provenance.facts import ArticleFacts, StoryFeatures, article_facts, shingle_overlap
from provenance.lang import base
from provenance.model import Article

if TYPE_CHECKING:
    from provenance.glossary import Glossary

NUM_HASHES = 64
# Entities are few per article and shared across languages at ~0.3 Jaccard: 32 bands of
# 2 rows find such pairs with p≈0.95. Shingles only need same-language near duplicates.
ENTITY_BANDS = 32
SHINGLE_BANDS = 16
_BUCKET_ALL_PAIRS = 20
#: Two articles joined by their features share at least this many of them.
MIN_SHARED = 2
#: In a corpus of COMMON_CORPUS articles or more, a feature found in more than
#: COMMON_ARTICLES of them names no one story ("vladimir-putin", "n:10", "date:2024" in
#: an archive of a year's news), and two articles are joined only if they also share a
#: rarer one (passim, the text-reuse detector, likewise ignores n-grams in more than 100
#: documents by default). Single-link clustering would otherwise chain story to story
#: through such features: without this rule, a synthetic corpus of 20,000 articles in
#: 8,000 stories had a story of 103 articles holding several; with it, 17 at most, and
#: 40 stories mixed instead of 162 (benchmarks/synthetic_corpus.py). The cap is a count,
#: not a share of the corpus: at 0.5% of 100,000 articles (500), one story gathered
#: 35,589 of them. A smaller corpus is most often one story's relays, all naming the
#: same things.
COMMON_CORPUS = 5_000
COMMON_ARTICLES = 100
#: Candidates whose estimated Jaccard similarity falls this far short of the threshold
#: are still checked on their sets.
ESTIMATE_SLACK = 0.1
#: Articles of a corpus whose leads are compared as vectors (exact nearest neighbours:
#: 20,000 documents take a few seconds; their leads take hours to embed on a small CPU
#: unless alignment embedded them before).
VECTOR_ARTICLES_MAX = 20_000
#: Two lead sentences render each other when each is the other's nearest, their cosine
#: reaches this (multilingual-e5-small: translations 0.83-0.9, unrelated news sentences
#: 0.70-0.75) and they stand at most LEAD_PAIR_SHIFT positions apart.
LEAD_PAIR_COSINE = 0.81
LEAD_PAIR_SHIFT = 1
#: Share of the shorter lead that must pair up, and the fewest sentences that must.
LEAD_PAIRED_SHARE = 0.6
LEAD_PAIRED_MIN = 2
#: An article that no other joined (a commentary around the story's facts, with many
#: numbers and names of its own) joins the story whose articles it resembles at this
#: lower entity overlap, when it does so with at least LONE_MEMBERS of them: the facts it
#: shares recur across the story, and it joins one story whole, so it cannot chain two.
#: On the relay clusters, a Chinese commentary shares 0.21-0.25 of its entities (the DMZ,
#: its 800 miles, the 20 years, the leaders) with five articles of its story.
LONE_THRESHOLD = 0.2
LONE_MEMBERS = 2
#: lone articles x articles compared exactly, at most (beyond it, LSH's candidates)
LONE_EXACT = 2_000_000
_BLOCK = 2048


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


def band_entries(signatures: np.ndarray, bands: int, offset: int = 0) -> np.ndarray:
    """LSH band keys: one row ``(band, key, row + offset)`` per band of each non-empty
    signature row, ``key`` a 64-bit hash of the band's values. Rows sharing a band key
    are candidates; the rows of a corpus may be keyed in parts (``offset``) and the
    entries grouped anywhere (:func:`candidates_from_entries`)."""
    n, k = signatures.shape
    rows = k // bands
    keep = np.flatnonzero(~(signatures == np.iinfo(np.uint64).max).all(axis=1))
    sig = signatures[keep]
    keys = np.zeros((len(keep), bands), dtype=np.uint64)
    with np.errstate(over="ignore"):
        for r in range(rows):
            keys = _mix(keys * np.uint64(0x9E3779B97F4A7C15) + sig[:, r::rows][:, :bands])
    band = np.broadcast_to(np.arange(bands, dtype=np.uint64), keys.shape)
    index = np.broadcast_to((keep + offset).astype(np.uint64)[:, None], keys.shape)
    return np.stack([band.ravel(), keys.ravel(), index.ravel()], axis=1)


def candidates_from_entries(entries: np.ndarray) -> set[tuple[int, int]]:
    """Pairs of rows sharing a band key among :func:`band_entries` (from one part or
    many, in any order)."""
    pairs: set[tuple[int, int]] = set()
    if not len(entries):
        return pairs
    order = np.lexsort((entries[:, 2], entries[:, 1], entries[:, 0]))
    ordered = entries[order]
    same = (ordered[1:, 0] == ordered[:-1, 0]) & (ordered[1:, 1] == ordered[:-1, 1])
    starts = np.concatenate(([0], np.flatnonzero(~same) + 1))
    ends = np.concatenate((starts[1:], [len(ordered)]))
    index = ordered[:, 2].astype(np.int64)
    for s, e in zip(starts[ends - starts > 1].tolist(), ends[ends - starts > 1].tolist(),
                    strict=True):
        members = index[s:e].tolist()  # ascending
        if len(members) > _BUCKET_ALL_PAIRS:
            # a big bucket (a common concept's minimum): chain neighbours instead of all
            # pairs; union-find still joins the ones that really are similar
            pairs.update(zip(members, members[1:], strict=False))
            pairs.update((members[0], y) for y in members[1:])
            continue
        for i, x in enumerate(members):
            for y in members[i + 1:]:
                pairs.add((x, y))
    return pairs


def lsh_candidates(signatures: np.ndarray, bands: int = SHINGLE_BANDS) -> set[tuple[int, int]]:
    """Pairs of rows that agree on all rows of at least one band."""
    return candidates_from_entries(band_entries(signatures, bands))


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


def common_features(sets: Sequence[frozenset[str] | bytes]) -> frozenset[str]:
    """The features of ``sets`` too common in the corpus to join two articles alone
    (see :data:`COMMON_CORPUS`); packed shingles are never common (near duplicates share
    most of their text, not a name)."""
    if len(sets) < COMMON_CORPUS:
        return frozenset()
    counts = Counter(f for s in sets if not isinstance(s, bytes) for f in s)
    return frozenset(f for f, n in counts.items() if n > COMMON_ARTICLES)


def _overlap_holds(a: frozenset[str] | bytes, b: frozenset[str] | bytes,
                   threshold: float) -> bool:
    """Jaccard similarity of the sets themselves at least ``threshold``, over at least
    two shared features: one number two short articles share ("n:10") is chance."""
    shared, size_a, size_b = shingle_overlap(a, b)
    return shared >= MIN_SHARED and shared >= threshold * (size_a + size_b - shared)


#: The two feature sets that join articles: how each is read from an article's story
#: features, the Jaccard similarity that joins, and the LSH bands that find candidates.
FEATURE_SETS = ("entities", "shingles")
THRESHOLDS = {"entities": 0.3, "shingles": 0.4}
BANDS = {"entities": ENTITY_BANDS, "shingles": SHINGLE_BANDS}


def feature_sets(features: Sequence[StoryFeatures], kind: str) -> list[frozenset[str] | bytes]:
    return [getattr(f, kind) for f in features]


def feature_signatures(features: Sequence[StoryFeatures]) -> dict[str, np.ndarray]:
    """The MinHash signatures of each feature set of ``features``, one row per article
    (rows are independent: a corpus may be signed in parts)."""
    return {kind: minhash_signatures(feature_sets(features, kind)) for kind in FEATURE_SETS}


def cluster_features(features: Sequence[StoryFeatures], *,
                     leads: Sequence[np.ndarray | None] | None = None,
                     languages: Sequence[str] | None = None,
                     signatures: Mapping[str, np.ndarray] | None = None,
                     candidates: Mapping[str, set[tuple[int, int]]] | None = None
                     ) -> list[list[int]]:
    """Indices grouped into stories: joined when their entities or their text overlap,
    or (given ``leads``, the lead sentence vectors of each article or None, and the
    articles' ``languages``) when their leads say the same in two languages.

    ``signatures`` and ``candidates`` (per feature set) may come computed elsewhere
    (:mod:`provenance.engine`); the same ones are computed here otherwise."""
    n = len(features)
    uf = _UnionFind(n)
    if leads is not None and languages is not None:
        for i, j in translated_leads(leads, languages):
            uf.union(i, j)
    entity_candidates: set[tuple[int, int]] = set()
    for kind in FEATURE_SETS:
        sets, threshold = feature_sets(features, kind), THRESHOLDS[kind]
        common = common_features(sets)
        signed = signatures[kind] if signatures else minhash_signatures(sets)
        found = candidates[kind] if candidates else lsh_candidates(signed, BANDS[kind])
        if kind == "entities":
            entity_candidates = found
        pairs = np.array(sorted(found), dtype=np.int64)
        if not len(pairs):
            continue
        for start in range(0, len(pairs), 100_000):  # bounded memory
            chunk = pairs[start:start + 100_000]
            similar = (signed[chunk[:, 0]] == signed[chunk[:, 1]]).mean(axis=1)
            # the estimate picks the candidates (with room for its error: 64 hashes
            # err by ~0.06); the sets decide, so no hash collision joins or splits
            for i, j in chunk[similar >= threshold - ESTIMATE_SLACK].tolist():
                a, b = sets[i], sets[j]
                if common and not isinstance(a, bytes) and not isinstance(b, bytes) and \
                        (a & b) <= common:
                    continue
                if _overlap_holds(a, b, threshold):
                    uf.union(i, j)
    _join_lone(uf, feature_sets(features, "entities"), entity_candidates)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(n):
        groups[uf.find(i)].append(i)
    return sorted(groups.values(), key=lambda g: (-len(g), g[0]))


def _join_lone(uf: _UnionFind, sets: Sequence[frozenset[str] | bytes],
               found: Iterable[tuple[int, int]]) -> None:
    """Each article still alone joins the story with the most articles it overlaps at
    :data:`LONE_THRESHOLD`, if they are at least :data:`LONE_MEMBERS` and no other story
    has as many."""
    n = len(sets)
    size = Counter(uf.find(i) for i in range(n))
    lone = {i for i in range(n) if size[uf.find(i)] == 1}
    if not lone or len(lone) == n:
        return
    common = common_features(sets)
    if len(lone) * n <= LONE_EXACT:
        # LSH finds pairs at 0.2 with p≈0.7 only: where it is affordable, every pair
        found = ((i, j) for i in sorted(lone) for j in range(n) if j not in lone)
    votes: dict[int, Counter[int]] = defaultdict(Counter)
    for i, j in found:
        for single, other in ((i, j), (j, i)):
            if single not in lone or other in lone:
                continue
            a, b = sets[single], sets[other]
            if common and not isinstance(a, bytes) and not isinstance(b, bytes) and \
                    (a & b) <= common:
                continue
            if _overlap_holds(a, b, LONE_THRESHOLD):
                votes[single][uf.find(other)] += 1
    for single, stories in sorted(votes.items()):
        (story, members), *rest = stories.most_common()
        if members >= LONE_MEMBERS and not (rest and rest[0][1] == members):
            uf.union(single, story)


def document_vectors(leads: Sequence[np.ndarray]) -> np.ndarray:
    """One unit vector per lead: the normalised mean of its sentence vectors."""
    means = np.array([lead.mean(axis=0) for lead in leads], dtype=np.float32)
    norms = np.linalg.norm(means, axis=1, keepdims=True)
    return means / np.where(norms > 0, norms, 1.0)


def nearest_by_language(vectors: np.ndarray, languages: Sequence[str]) -> set[tuple[int, int]]:
    """Pairs (i, j), i < j: j is i's nearest row among the rows of j's language (or the
    reverse), for every language other than i's."""
    codes = sorted(set(languages))
    lang_of = np.array([codes.index(lang) for lang in languages])
    pairs: set[tuple[int, int]] = set()
    for start in range(0, len(vectors), _BLOCK):  # bounded memory: one block of rows
        block = vectors[start:start + _BLOCK] @ vectors.T
        for code in range(len(codes)):
            cols = np.flatnonzero(lang_of == code)
            rows = np.flatnonzero(lang_of[start:start + _BLOCK] != code)
            if not len(cols) or not len(rows):
                continue
            nearest = cols[block[np.ix_(rows, cols)].argmax(axis=1)]
            for i, j in zip((rows + start).tolist(), nearest.tolist(), strict=True):
                pairs.add((i, j) if i < j else (j, i))
    return pairs


def leads_pair_up(a: np.ndarray, b: np.ndarray) -> bool:
    """Whether most sentences of the shorter lead have their rendering in the other, in
    order: mutual nearest sentences with a cosine of at least :data:`LEAD_PAIR_COSINE`,
    at most :data:`LEAD_PAIR_SHIFT` positions apart."""
    if not len(a) or not len(b):
        return False
    sims = a @ b.T
    rows, cols = sims.argmax(axis=1), sims.argmax(axis=0)
    paired = sum(1 for i, j in enumerate(rows.tolist()) if cols[j] == i
                 and abs(i - j) <= LEAD_PAIR_SHIFT and sims[i, j] >= LEAD_PAIR_COSINE)
    return paired >= min(LEAD_PAIRED_MIN, len(a), len(b)) and \
        paired >= LEAD_PAIRED_SHARE * min(len(a), len(b))


def translated_leads(leads: Sequence[np.ndarray | None],
                     languages: Sequence[str]) -> list[tuple[int, int]]:
    """Pairs of articles in two languages whose leads say the same: one is the other's
    nearest document in its language, and their lead sentences pair up in order."""
    rows = [i for i, lead in enumerate(leads) if lead is not None and len(lead)]
    if len(rows) < 2:
        return []
    found: list[np.ndarray] = [leads[i] for i in rows]  # type: ignore[misc]
    langs = [base(languages[i]) for i in rows]
    candidates = nearest_by_language(document_vectors(found), langs)
    return [(rows[x], rows[y]) for x, y in sorted(candidates)
            if leads_pair_up(found[x], found[y])]


def cluster_facts(facts: Sequence[ArticleFacts], *,
                  signatures: Mapping[str, np.ndarray] | None = None,
                  candidates: Mapping[str, set[tuple[int, int]]] | None = None
                  ) -> list[list[int]]:
    """:func:`cluster_features` of articles' facts, with their leads' vectors when
    vectors are on and the corpus has at most :data:`VECTOR_ARTICLES_MAX` articles."""
    features = [f.features for f in facts]
    if len(facts) > VECTOR_ARTICLES_MAX or len({base(f.article.lang) for f in facts}) < 2:
        return cluster_features(features, signatures=signatures, candidates=candidates)
    leads = [f.lead_vectors() for f in facts]
    return cluster_features(features, leads=leads, languages=[f.article.lang for f in facts],
                            signatures=signatures, candidates=candidates)


def cluster_stories(articles: list[Article], glossary: Glossary | None) -> list[list[str]]:
    """Article ids per story, biggest story first; every article is in exactly one story."""
    groups = cluster_facts([article_facts(a, glossary) for a in articles])
    return [[articles[i].id for i in group] for group in groups]
