"""Text reuse: which articles of a corpus are copies or translations of each other.

The pipeline compares every relay with its story's reference only. An unattributed copy
of another relay (an aggregator pasting a re-report) or a translation of one (a Russian
twin of a Ukrainian text) is found here, between any two articles:

* **candidates** (no article compared with all others): articles of one language whose
  word 3-shingles overlap (:data:`SHINGLE_CONTAINMENT` of the smaller set), and, where
  sentence vectors are on, each article's :data:`NEAREST_PER_LANGUAGE` nearest
  documents in every language by document vector (its lead, see
  :meth:`provenance.facts.ArticleFacts.document_vector`);
* **copied sentences** (one language): sentences written alike (rapidfuzz ratio of
  :data:`COPY_RATIO` or more), mutual best, in order. Needs no vectors;
* **rendered sentences** (any languages, vectors): a monotonic alignment over the
  sentence vectors, each cosine measured against its row's and column's nearest rivals
  (margin), counting links that stand :data:`RENDER_MARGIN_Z` spreads above the pair's
  margins.

Two articles reuse each other's text when most of the shorter's sentences are copied
or rendered in order (:data:`REUSE_SHARE`, at least :data:`REUSE_MIN` sentences); in
one language a rendered sentence must keep nearly all its meaning
(:data:`SAME_LANGUAGE_COSINE`), across two a translation must render much of the
longer article too (:data:`TRANSLATED_SHARE`). Measured on the relay clusters
(../shared/data/relays): the five pairs TRUTH.md lists as copies or twins pass, and no
other pair of relays does; independent renderings of one source (two relays of the
WSJ) share its sentences, but not most of each other's, or not word for word.

The direction (who copied whom) is derivation's business (:mod:`provenance.derivation`);
``Reuse.gaps`` gives it one piece of evidence: sentences of an article left out between
the ones the other reuses (a copy drops a paragraph; its source does not).
"""

from __future__ import annotations

import re
import threading
from bisect import bisect_left
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import combinations
from typing import TYPE_CHECKING, Literal

import numpy as np
from rapidfuzz import fuzz, process

from provenance.facts import shingle_overlap
from provenance.lang import base

if TYPE_CHECKING:
    from provenance.facts import ArticleFacts

#: Share of the shorter article that must be copied or rendered, in order.
REUSE_SHARE = 0.6
#: The fewest sentences that make reuse.
REUSE_MIN = 3
#: rapidfuzz ratio (0-100) of two sentences written alike.
COPY_RATIO = 85
#: A rendered sentence pair stands this many spreads above the pair's margins.
RENDER_MARGIN_Z = 3.0
#: In one language, a rewritten sentence keeps this cosine with its source (measured:
#: 0.96-1.0 for copies and rewrites, 0.92-0.955 for two re-reports of one source).
SAME_LANGUAGE_COSINE = 0.96
#: Across languages, a translation renders this share of the longer article too (two
#: relays rendering the same paragraphs of one source share less of each other).
TRANSLATED_SHARE = 0.5
#: Candidate documents per article and other language, by document vector.
NEAREST_PER_LANGUAGE = 3
#: Share of the smaller shingle set two same-language candidates must share.
SHINGLE_CONTAINMENT = 0.15
#: Articles compared pair by pair on their shingles; above, only their LSH candidates.
ALL_PAIRS_MAX = 400
_BLOCK = 2048

_SPACE = re.compile(r"\s+")
_QUOTES = str.maketrans({c: '"' for c in "“”„«»「」『』"} | {c: "'" for c in "‘’"})

Kind = Literal["copy", "translation"]


@dataclass(frozen=True)
class Reuse:
    """``first`` and ``second`` (article ids) share ``matched`` sentences (index pairs,
    in order). ``kind``: "copy" in one language, "translation" across two."""

    first: str
    second: str
    kind: Kind
    matched: tuple[tuple[int, int], ...]
    sizes: tuple[int, int]
    #: sentences of each article left out between the ones the other reuses
    gaps: tuple[int, int]

    @property
    def shares(self) -> tuple[float, float]:
        """Share of each article's sentences found in the other."""
        n = len(self.matched)
        return n / max(self.sizes[0], 1), n / max(self.sizes[1], 1)

    @property
    def share(self) -> float:
        """Share of the shorter article found in the other."""
        return len(self.matched) / max(min(self.sizes), 1)

    def evidence(self) -> dict[str, object]:
        first, second = self.shares
        return {"reuse": self.kind, "shared_sentences": len(self.matched),
                "shares": [round(first, 3), round(second, 3)]}


def _normalised(text: str) -> str:
    return _SPACE.sub(" ", text.translate(_QUOTES)).strip().casefold()


def _increasing(pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The longest run of ``pairs`` (sorted by the first index) in which the second
    index increases too: links in reading order on both sides."""
    tails: list[int] = []
    tail_at: list[int] = []
    back: list[int] = []
    for k, (_, j) in enumerate(pairs):
        pos = bisect_left(tails, j)
        back.append(tail_at[pos - 1] if pos else -1)
        if pos == len(tails):
            tails.append(j)
            tail_at.append(k)
        else:
            tails[pos], tail_at[pos] = j, k
    out: list[tuple[int, int]] = []
    k = tail_at[-1] if tail_at else -1
    while k >= 0:
        out.append(pairs[k])
        k = back[k]
    return out[::-1]


def copied_sentences(a: Sequence[str], b: Sequence[str]) -> list[tuple[int, int]]:
    """Sentences of ``a`` and ``b`` written alike (mutual best, ratio >= COPY_RATIO),
    in order."""
    if not a or not b:
        return []
    scores = process.cdist([_normalised(t) for t in a], [_normalised(t) for t in b],
                           scorer=fuzz.ratio, dtype=np.uint8, workers=1)
    rows, cols = scores.argmax(axis=1), scores.argmax(axis=0)
    pairs = [(i, int(j)) for i, j in enumerate(rows.tolist())
             if cols[j] == i and scores[i, j] >= COPY_RATIO]
    return _increasing(pairs)


def rendered_sentences(a: np.ndarray, b: np.ndarray) -> list[tuple[int, int]]:
    """Sentence pairs of two articles (their unit sentence vectors) that render each
    other, in order: the best monotonic path through the standardised margins, keeping
    the links at least RENDER_MARGIN_Z spreads above the pair's margins."""
    n, m = len(a), len(b)
    if n < 2 or m < 2:
        return []
    sims = a @ b.T
    k = min(3, n, m)
    # Margin: a pair against the nearest rivals of each of its sentences (a sentence
    # close to everything, short or generic, is no evidence).
    rivals = (np.sort(sims, axis=1)[:, -k:].mean(axis=1)[:, None]
              + np.sort(sims, axis=0)[-k:, :].mean(axis=0)[None, :]) / 2
    margin = sims - rivals
    med = float(np.median(margin))
    spread = max(float(np.median(np.abs(margin - med))) * 1.4826, 0.005)
    z = (margin - med) / spread
    gain = z - RENDER_MARGIN_Z + 0.5  # a link pays when it stands out of the noise
    best = np.zeros((n + 1, m + 1))
    step = np.zeros((n + 1, m + 1), dtype=np.int8)  # 0 link, 1 skip a, 2 skip b
    for i in range(1, n + 1):
        for j in range(1, m + 1):
            link = best[i - 1, j - 1] + gain[i - 1, j - 1]
            skip_a, skip_b = best[i - 1, j], best[i, j - 1]
            if link >= skip_a and link >= skip_b:
                best[i, j], step[i, j] = link, 0
            elif skip_a >= skip_b:
                best[i, j], step[i, j] = skip_a, 1
            else:
                best[i, j], step[i, j] = skip_b, 2
    out = []
    i, j = n, m
    while i and j:
        if step[i, j] == 0:
            if z[i - 1, j - 1] >= RENDER_MARGIN_Z:
                out.append((i - 1, j - 1))
            i, j = i - 1, j - 1
        elif step[i, j] == 1:
            i -= 1
        else:
            j -= 1
    return out[::-1]


def _gaps(indices: Sequence[int]) -> int:
    """Positions skipped between the first and the last of sorted ``indices``."""
    return (indices[-1] - indices[0] + 1 - len(indices)) if indices else 0


def compare(x: ArticleFacts, y: ArticleFacts) -> Reuse | None:
    """How much of ``x`` and ``y`` is the same text (copied or rendered in order), or
    None when it is not most of the shorter one (and, across languages, much of both)."""
    a = [s.text for s in x.article.sentences]
    b = [s.text for s in y.article.sentences]
    same = base(x.article.lang) == base(y.article.lang)
    shorter, longer = min(len(a), len(b)), max(len(a), len(b))
    need = max(REUSE_MIN, REUSE_SHARE * shorter)
    best = copied_sentences(a, b) if same else []
    if len(best) < need:
        va, vb = x.sentence_vectors(), y.sentence_vectors()
        if va is not None and vb is not None:
            rendered = rendered_sentences(va, vb)
            if same:  # a rewrite keeps the meaning whole; two re-reports only the gist
                rendered = [(i, j) for i, j in rendered
                            if float(va[i] @ vb[j]) >= SAME_LANGUAGE_COSINE]
            if len(rendered) > len(best):
                best = rendered
    if len(best) < need or (not same and len(best) < TRANSLATED_SHARE * longer):
        return None
    return Reuse(x.article.id, y.article.id, "copy" if same else "translation", tuple(best),
                 (len(a), len(b)), (_gaps([i for i, _ in best]), _gaps([j for _, j in best])))


def candidate_pairs(facts: Sequence[ArticleFacts]) -> list[tuple[int, int]]:
    """Index pairs worth comparing: same-language articles sharing shingles, and each
    article's nearest documents in every language by document vector."""
    pairs: set[tuple[int, int]] = set()
    if len(facts) <= ALL_PAIRS_MAX:
        for i, j in combinations(range(len(facts)), 2):
            if base(facts[i].article.lang) == base(facts[j].article.lang) and \
                    _contained(facts[i].features.shingles, facts[j].features.shingles):
                pairs.add((i, j))
    else:
        from provenance.stories import SHINGLE_BANDS, lsh_candidates, minhash_signatures

        signatures = minhash_signatures([f.features.shingles for f in facts])
        pairs |= {(i, j) for i, j in lsh_candidates(signatures, SHINGLE_BANDS)
                  if _contained(facts[i].features.shingles, facts[j].features.shingles)}
    pairs |= _nearest_documents(facts)
    return sorted(pairs)


def _contained(a: bytes, b: bytes) -> bool:
    shared, size_a, size_b = shingle_overlap(a, b)
    return shared > 0 and shared >= SHINGLE_CONTAINMENT * min(size_a, size_b)


def _nearest_documents(facts: Sequence[ArticleFacts]) -> set[tuple[int, int]]:
    from provenance.stories import VECTOR_ARTICLES_MAX, document_vectors

    if len(facts) > VECTOR_ARTICLES_MAX:
        return set()
    leads = [f.lead_vectors() for f in facts]
    rows = [i for i, lead in enumerate(leads) if lead is not None and len(lead)]
    if len(rows) < 2:
        return set()
    vectors = document_vectors([leads[i] for i in rows])  # type: ignore[misc]
    langs = np.array([base(facts[i].article.lang) for i in rows])
    columns = [np.flatnonzero(langs == lang) for lang in sorted(set(langs.tolist()))]
    pairs: set[tuple[int, int]] = set()
    for start in range(0, len(rows), _BLOCK):  # bounded memory: one block of rows
        block = vectors[start:start + _BLOCK] @ vectors.T
        block[np.arange(len(block)), np.arange(start, start + len(block))] = -np.inf
        for cols in columns:
            nearest = np.argsort(-block[:, cols], axis=1)[:, :NEAREST_PER_LANGUAGE]
            for x, found in enumerate(nearest.tolist(), start):
                for c in found:
                    y = int(cols[c])
                    if y != x:
                        i, j = rows[x], rows[y]
                        pairs.add((i, j) if i < j else (j, i))
    return pairs


def find_reuse(facts: Sequence[ArticleFacts]) -> list[Reuse]:
    """Every pair of articles of which one copies or translates most of the other."""
    found = []
    for i, j in candidate_pairs(facts):
        reuse = _compared(facts[i], facts[j])
        if reuse is not None:
            found.append(reuse)
    return found


#: Comparisons kept: derivation runs twice per analysis (before and after alignment).
_KEPT = 20_000
_compared_pairs: OrderedDict[tuple[str, str, bool], Reuse | None] = OrderedDict()
_lock = threading.Lock()


def _compared(x: ArticleFacts, y: ArticleFacts) -> Reuse | None:
    """:func:`compare`, kept by the content of both articles (and whether vectors were
    on) so that a second pass over the same corpus costs nothing."""
    from provenance.crosslingual import vectors
    from provenance.facts import content_key

    key = (content_key(x.article), content_key(y.article), vectors.enabled())
    with _lock:
        if key in _compared_pairs:
            _compared_pairs.move_to_end(key)
            return _compared_pairs[key]
    reuse = compare(x, y)
    with _lock:
        _compared_pairs[key] = reuse
        while len(_compared_pairs) > _KEPT:
            _compared_pairs.popitem(last=False)
    return reuse
