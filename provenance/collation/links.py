"""Sentence links across the articles of a story: which sentences say the same thing.

A :class:`Similarity` scores any two sentences of a story and finds each sentence's
mutual best match in every other article:

* with multilingual sentence vectors (:class:`VectorSimilarity`). Cosines between news
  sentences are compressed (0.83-0.88 for translations, 0.70-0.74 for unrelated
  sentences, higher within one language), so each is read against the background of
  its two articles: the z-score of the cosine among all their sentence pairs;
* without them (:class:`ContentSimilarity`): glossary concepts, names, quantities,
  dates and relation verbs, weighted by rarity in the story, and word overlap within
  one language.

A link needs the two sentences to be each other's best match in the other article and
to stand out (:data:`Z_LINK`, :data:`CONTENT_LINK`). The pipeline's reference/relay
alignments are not used: they would make the claims depend on the reference, and an
alignment of two re-reports pairs sentences in order, loosely. Cost stays bounded:
similarities are computed in blocks of rows and only each sentence's best match per
other article is kept (sentences x articles, never sentences x sentences).
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from provenance.collation.readings import QUALIFIER_KEYS, SPELLING, VOTE_ONLY, WitnessReading
from provenance.lang import base

#: z-score (against the two articles' background) a vector link needs
Z_LINK = 1.5
#: content score a link needs without vectors
CONTENT_LINK = 0.35
#: rows of the similarity matrix computed at once
BLOCK = 512
#: a key in more sentences than this many per article is the story's topic (the main
#: names), not what one claim states: it does not make candidates
COMMON_KEY = 1.5
#: sentences of other articles scored per sentence without vectors
CANDIDATES = 60


@dataclass(frozen=True)
class SentenceLink:
    """Units ``a`` < ``b`` (indices into the story's units) say the same thing."""

    a: int
    b: int
    strength: float  # the score as a multiple of the score a link needs
    how: str  # vectors | content


def vectors_wanted() -> bool:
    """Vectors unless switched off (``PROVENANCE_VECTORS=off``) or not installed here."""
    from provenance.crosslingual import vectors

    return vectors.enabled()


class Similarity:
    """How alike two units of a story are, and their mutual best matches."""

    how = ""
    link = 0.0  # the score a mutual best match needs

    def __init__(self, units: Sequence[WitnessReading], article_of: np.ndarray) -> None:
        self.units = units
        self.article_of = article_of

    def score(self, a: int, b: int) -> float:
        raise NotImplementedError

    def best(self) -> dict[int, dict[int, tuple[float, int]]]:
        """Unit -> other article -> (score, unit) of its best match there."""
        raise NotImplementedError

    def fit(self, members: Sequence[int]) -> dict[int, float]:
        """Unit -> its mean score against ``members`` as a multiple of the score a link
        needs, for the units of other articles that may belong with them."""
        raise NotImplementedError

    def member_scores(self, rows: Sequence[int], members: Sequence[int]) -> np.ndarray:
        """Scores of ``rows`` against ``members`` (rows x members), as multiples of the
        score a link needs."""
        return np.array([[self.score(u, m) / self.link for m in members] for u in rows])

    def links(self) -> list[SentenceLink]:
        best = self.best()
        out = []
        for a, per_article in best.items():
            for score, b in per_article.values():
                if b > a and score >= self.link and \
                        best.get(b, {}).get(int(self.article_of[a]), (0.0, -1))[1] == a:
                    out.append(SentenceLink(a, b, score / self.link, self.how))
        return out


class VectorSimilarity(Similarity):
    how, link = "vectors", Z_LINK

    def __init__(self, units: Sequence[WitnessReading], article_of: np.ndarray) -> None:
        super().__init__(units, article_of)
        from provenance.crosslingual.vectors import sentence_vectors

        self.vecs = np.asarray(sentence_vectors([u.text for u in units]), dtype=np.float32)
        self._best, self._best_cos, self.mean, self.std = _best_per_article(
            self.vecs, article_of)

    def score(self, a: int, b: int) -> float:
        ia, ib = self.article_of[a], self.article_of[b]
        return float((self.vecs[a] @ self.vecs[b] - self.mean[ia, ib]) / self.std[ia, ib])

    def best(self) -> dict[int, dict[int, tuple[float, int]]]:
        out: dict[int, dict[int, tuple[float, int]]] = {}
        for a in range(len(self.units)):
            ia = self.article_of[a]
            out[a] = {int(ib): (float((self._best_cos[a, ib] - self.mean[ia, ib])
                                      / self.std[ia, ib]), int(self._best[a, ib]))
                      for ib in np.flatnonzero(self._best[a] >= 0)}
        return out


    def member_scores(self, rows: Sequence[int], members: Sequence[int]) -> np.ndarray:
        r, c = np.asarray(rows), np.asarray(members)
        ar, ac = self.article_of[r], self.article_of[c]
        z = (self.vecs[r] @ self.vecs[c].T - self.mean[np.ix_(ar, ac)]) / self.std[np.ix_(ar, ac)]
        return z / self.link

    def fit(self, members: Sequence[int]) -> dict[int, float]:
        cols = np.asarray(members)
        arts = self.article_of[cols]
        z = (self.vecs @ self.vecs[cols].T - self.mean[:, arts][self.article_of]) \
            / self.std[:, arts][self.article_of]
        scores = z.mean(axis=1) / self.link
        inside = set(arts.tolist())
        return {u: float(scores[u]) for u in range(len(self.units))
                if int(self.article_of[u]) not in inside}


def _best_per_article(vecs: np.ndarray, article_of: np.ndarray
                      ) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """For every unit, its best match in each other article (index, cosine), and for
    every pair of articles the mean and deviation of their sentences' cosines."""
    n, n_art = len(vecs), int(article_of.max()) + 1 if len(vecs) else 0
    starts = np.flatnonzero(np.r_[True, article_of[1:] != article_of[:-1]])
    best = np.full((n, n_art), -1, dtype=np.int64)
    best_cos = np.full((n, n_art), -1.0, dtype=np.float32)
    sums = np.zeros((n_art, n_art))
    squares = np.zeros((n_art, n_art))
    sizes = np.bincount(article_of, minlength=n_art).astype(float)
    for r0 in range(0, n, BLOCK):
        block = vecs[r0:r0 + BLOCK] @ vecs.T
        rows = article_of[r0:r0 + BLOCK]
        np.add.at(sums, rows, np.add.reduceat(block, starts, axis=1))
        np.add.at(squares, rows, np.add.reduceat(block * block, starts, axis=1))
        for s, e in zip(starts, [*starts[1:], n], strict=True):
            ib = article_of[s]
            part = block[:, s:e]
            best[r0:r0 + len(block), ib] = s + part.argmax(axis=1)
            best_cos[r0:r0 + len(block), ib] = part.max(axis=1)
        own = rows[:, None] == np.arange(n_art)[None, :]
        best[r0:r0 + len(block)][own] = -1
    count = np.maximum(np.outer(sizes, sizes), 1.0)
    mean = sums / count
    # a floor: two one-sentence articles have no spread to measure against
    std = np.sqrt(np.maximum(squares / count - mean * mean, 0.0)) + 0.02
    return best, best_cos, mean, std


class ContentSimilarity(Similarity):
    """Shared content: rarer keys weigh more, and in one language word overlap counts."""

    how, link = "content", CONTENT_LINK

    def __init__(self, units: Sequence[WitnessReading], article_of: np.ndarray) -> None:
        super().__init__(units, article_of)
        self.keys = [_content_keys(u) for u in units]
        df = Counter(k for ks in self.keys for k in ks)
        n = len(units)
        self.idf = {k: math.log(1 + n / c) for k, c in df.items()}
        self.weight = [sum(self.idf[k] for k in ks) or 1.0 for ks in self.keys]
        self.langs = [base(u.lang) for u in units]
        self.index: dict[str, list[int]] = defaultdict(list)
        articles = len(set(article_of.tolist()))
        for i, ks in enumerate(self.keys):
            for k in ks:
                if df[k] <= max(2, COMMON_KEY * articles):
                    self.index[k].append(i)

    def score(self, a: int, b: int) -> float:
        from rapidfuzz import fuzz

        shared = self.keys[a] & self.keys[b]
        score = 0.0
        if len(shared) >= 2:
            mass = sum(self.idf[k] for k in shared)
            union = self.weight[a] + self.weight[b] - mass
            # between Jaccard and overlap: a partial rendering states a part of the claim
            score = (mass / union + mass / min(self.weight[a], self.weight[b])) / 2
        if self.langs[a] == self.langs[b]:
            # unrelated sentences of one language share half their letters already
            words = fuzz.token_sort_ratio(self.units[a].text, self.units[b].text) / 100
            score = max(score, (words - 0.5) / 0.5)
        return score

    def best(self) -> dict[int, dict[int, tuple[float, int]]]:
        out: dict[int, dict[int, tuple[float, int]]] = defaultdict(dict)
        for a in range(len(self.units)):
            shared: Counter[int] = Counter()
            for k in self.keys[a]:
                for b in self.index.get(k, ()):
                    if self.article_of[b] != self.article_of[a]:
                        shared[b] += self.idf[k]
            # the sentences sharing the most rare content: bounded work per sentence
            # ties by index: the keys come from a set, whose order changes from run to run
            for b, _ in sorted(shared.items(), key=lambda bs: (-bs[1], bs[0]))[:CANDIDATES]:
                score = self.score(a, b)
                ib = int(self.article_of[b])
                if score > out[a].get(ib, (0.0, -1))[0]:
                    out[a][ib] = (score, b)
        return out


    def member_scores(self, rows: Sequence[int], members: Sequence[int]) -> np.ndarray:
        out = np.zeros((len(rows), len(members)))
        claim = {k for m in members for k in self.keys[m]}
        for n, u in enumerate(rows):
            if self.keys[u] & claim:  # nothing in common: nothing to score
                out[n] = [self.score(u, m) / self.link for m in members]
        return out

    def fit(self, members: Sequence[int]) -> dict[int, float]:
        inside = {int(self.article_of[m]) for m in members}
        candidates = {u for m in members for k in self.keys[m] for u in self.index.get(k, ())
                      if int(self.article_of[u]) not in inside}
        return {u: sum(self.score(u, m) for m in members) / len(members) / self.link
                for u in candidates}


class CombinedSimilarity(Similarity):
    """Vectors and shared content together, each in multiples of its own link score:
    a short sentence stating one fact of a long lead sentence is far from it as a
    vector, close in content ("at least twice", June, Trump)."""

    how, link = "vectors+content", 1.0

    def __init__(self, units: Sequence[WitnessReading], article_of: np.ndarray) -> None:
        super().__init__(units, article_of)
        self.parts: list[Similarity] = [VectorSimilarity(units, article_of),
                                        ContentSimilarity(units, article_of)]

    def score(self, a: int, b: int) -> float:
        return max(part.score(a, b) / part.link for part in self.parts)

    def links(self) -> list[SentenceLink]:
        strongest: dict[tuple[int, int], SentenceLink] = {}
        for part in self.parts:
            for link in part.links():
                known = strongest.get((link.a, link.b))
                if known is None or link.strength > known.strength:
                    strongest[(link.a, link.b)] = link
        return list(strongest.values())

    def member_scores(self, rows: Sequence[int], members: Sequence[int]) -> np.ndarray:
        return np.maximum(*(part.member_scores(rows, members) for part in self.parts))

    def fit(self, members: Sequence[int]) -> dict[int, float]:
        out: dict[int, float] = {}
        for part in self.parts:
            for unit, score in part.fit(members).items():
                out[unit] = max(score, out.get(unit, score))
        return out


def similarity(units: Sequence[WitnessReading], article_of: np.ndarray,
               vectors: bool) -> Similarity:
    """Vectors and content together when vectors are wanted, content alone otherwise."""
    return (CombinedSimilarity if vectors else ContentSimilarity)(units, article_of)


def _content_keys(unit: WitnessReading) -> frozenset[str]:
    """What a sentence is about: its names, numbers, dates and relation verbs, not who
    it cites (every relay cites the same outlet) nor its hedges, nor how it states them
    (:data:`VOTE_ONLY`)."""
    cited = {k[4:] for k in unit.keys if k.startswith("src:")}
    return frozenset(k for k in unit.keys
                     if not k.startswith(("src:", "certainty:", "negation:", SPELLING,
                                          *VOTE_ONLY))
                     and not (k.startswith("c:") and k[2:] in cited)
                     and k not in QUALIFIER_KEYS)
