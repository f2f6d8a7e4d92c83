"""What makes two sentences (or runs of sentences) translations of each other.

Each side of a document pair is described once (:class:`SideFeatures`): its rendering in
a common language, its character lengths, its "anchor tokens" (numbers and Latin-script
words, which survive translation into Chinese, Korean, Ukrainian...), its glossary
concepts and its quantities. :class:`PairScorer` then scores a candidate link between a
run of source sentences and a run of target sentences as a sum of evidence:

- similarity of the renderings (rapidfuzz), standardised against the pair's own noise
  level and weighted by how much signal the renderings carry at all (glossed Chinese
  compared with English carries almost none; two Chinese translations carry a lot);
- shared anchor tokens, weighted by rarity (idf);
- shared glossary concepts;
- shared quantities (same value and unit: strong evidence) and conflicting ones
  (weak counter-evidence only: a changed number is drift, not a different sentence);
- the character-length ratio, against a per-language-pair expansion factor;
- words that render each other across languages (:mod:`provenance.align.lexical`:
  CC-CEDICT for Chinese), standardised against the pair's noise, where
  ``Weights.lexicon`` is set.

Scores for all cells of a band are computed at once with numpy and ``process.cdist``.
"""

from __future__ import annotations

import math
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

import numpy as np
from rapidfuzz import fuzz, process

from provenance.align.embedding import LinkMargins, RunVectors, vector_margins
from provenance.align.lengths import LENGTH_SIGMA, char_length
from provenance.align.lexical import WordEvidence
from provenance.align.quantity_judge import QuantityJudge
from provenance.align.tokens import anchor_tokens, name_prefixes

if TYPE_CHECKING:
    from provenance.facts import SentenceFacts


@dataclass
class SideFeatures:
    """Everything the scorer needs to know about the sentences of one side."""

    texts: list[str]
    renderings: list[str]
    lengths: np.ndarray
    tokens: list[set[str]]
    concepts: list[frozenset[str]] = field(default_factory=list)
    quantities: list[tuple[Any, ...]] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.texts)


def describe_side(
    texts: Sequence[str],
    renderings: Sequence[str],
    facts: Sequence[SentenceFacts] | None = None,
    *,
    with_name_prefixes: bool = False,
) -> SideFeatures:
    """Describe one side: lengths and anchor tokens always; glossary concepts and
    quantities from the sentences' facts when given; transliterated name prefixes when
    the other side is written in another alphabet that they bridge."""
    texts = list(texts)
    renderings = list(renderings)
    tokens = [anchor_tokens(t, r) for t, r in zip(texts, renderings, strict=True)]
    if with_name_prefixes:
        for toks, text in zip(tokens, texts, strict=True):
            toks.update(name_prefixes(text))
    if facts is not None and len(facts) != len(texts):
        raise ValueError(f"{len(facts)} sentence facts for {len(texts)} sentences")
    return SideFeatures(
        texts=texts,
        renderings=renderings,
        lengths=np.array([char_length(t) for t in texts], dtype=np.float64),
        tokens=tokens,
        concepts=[f.concepts for f in facts] if facts is not None else
        [frozenset()] * len(texts),
        # every quantity, numbers in names too: "Falcon 9" on both sides is evidence
        quantities=[tuple(f.extracted) for f in facts] if facts is not None else
        [()] * len(texts),
    )


def _in_window(sorted_js: Sequence[int], lo: int, hi: int) -> Sequence[int]:
    """Target sentences j with lo <= j + 1 < hi, from a sorted list."""
    return sorted_js[bisect_left(sorted_js, lo - 1):bisect_left(sorted_js, hi - 1)]


def _union(sets: Sequence[set[str]]) -> set[str]:
    out: set[str] = set()
    for x in sets:
        out |= x
    return out


@dataclass(frozen=True)
class Weights:
    """How much each kind of evidence counts; every value goes into the signature."""

    similarity: float = 1.5
    tokens: float = 1.5
    token_miss: float = 0.1
    concepts: float = 0.5
    quantity_same: float = 1.0
    quantity_conflict: float = 0.3
    length: float = 1.0
    link_bonus: float = 2.0  # what a plausible 1-1 link is worth, before evidence
    skip: float = 0.0  # leaving one sentence unaligned (omission or addition)
    many_penalty: float = 0.25  # each extra sentence in a merge/split costs this
    position: float = 2.0  # anchors only: distance from the expected diagonal
    moved_margin: float = 1.5  # a crossing link needs this much more than link_bonus
    vectors: float = 0.0  # sentence-vector margin, per spread of the pair's margins
    vector_weak: float = 0.0  # more per spread below VECTOR_WEAK_Z: no meaning shared
    lexicon: float = 0.0  # word overlap across languages, per spread of the pair's overlaps
    # A merge or split whose parts all share meaning may count its vector margin up to
    # ((k + l) / 2) ** vector_cover times: see cover_extra.
    vector_cover: float = 0.0

    def as_settings(self) -> dict[str, float]:
        return {f"w_{k}": v for k, v in self.__dict__.items()}


#: Weights when both sides are full text in one language (identity, MT, user file):
#: the text similarity dominates. Tuned on perturbed zh.a/zh.b pairs (benchmarks/).
TEXT_WEIGHTS = Weights(length=0.5)
#: Weights when one side is only a gloss skeleton (names, numbers): tokens, quantities,
#: lengths and, for Chinese, word overlaps (CC-CEDICT) carry the alignment. Tuned on
#: perturbed en→zh and uk→en pairs (word overlaps: seed 13; on the unseen seeds 29 and
#: 41 strict F1 of en→zh.a 0.803 -> 0.934 in order, 0.702 -> 0.930 with a moved block,
#: 0.732 -> 0.814 with many merges).
SKELETON_WEIGHTS = Weights(similarity=1.5, tokens=1.5, token_miss=0.2, concepts=0.65,
                           quantity_same=1.0, quantity_conflict=0.3, length=0.65,
                           link_bonus=2.0, skip=0.2, many_penalty=0.15, moved_margin=0.25,
                           lexicon=0.4)
#: The same without word overlaps: the cheap pass that picks the stretches sentence
#: vectors are computed for (see provenance.align.passes).
VECTOR_CHEAP_WEIGHTS = replace(SKELETON_WEIGHTS, lexicon=0.0)
#: The same two situations once sentence vectors are attached (provenance.align.passes).
#: The vector margin is the evidence a link needs: no bonus for linking at all, no cost
#: for leaving a sentence out or for a merge (the run's own vector judges it). Tuned on
#: perturbed pairs of seed 13 (benchmarks/alignment.py), reported on seeds 29 and 41.
#: Below VECTOR_WEAK_Z a link shares no meaning: names, numbers and lengths alone must
#: not carry it (they paired a dropped sentence with an unrelated inserted one).
VECTOR_TEXT_WEIGHTS = Weights(length=1.0, link_bonus=0.0, vectors=0.5, vector_weak=2.0)
#: With vector_cover=0.5 a merge that beats its parts counts its margin once per ~1.4
#: links it replaces: margins are per link, so two 1-1 links collect twice what the 2-1
#: link over the same sentences collects, and the 2-1 link lost wherever its parts were
#: not clearly worse (most missed merges on the many-merge sets). Seed 13, strict F1:
#: many merges en→zh.a 0.901 -> 0.924, en→zh.b 0.913 -> 0.925, uk→en 0.909 -> 0.947 (with
#: the runs of three embedded whole around merges, provenance.align.passes); 1.0 (one
#: margin per sentence pair) merged unrelated neighbours on news (in order 0.98 -> 0.93).
#: Only parts that share meaning earn it (cover_extra): without that test, additions next
#: to a 1-1 link on real relays became 1-2 and 1-3 links (benchmarks/relays.py: a wrong
#: in-corpus edge and a lost drift item); with it, and 2-2 links under the same test,
#: unseen seeds 29/41: many merges en→zh.a 0.878 -> 0.886, en→zh.b 0.907 -> 0.919,
#: uk→en 0.962 -> 0.958 (one true split whose half matched weakly, and the like).
VECTOR_SKELETON_WEIGHTS = Weights(similarity=1.5, tokens=1.5, token_miss=0.2, concepts=0.65,
                                  quantity_same=1.0, quantity_conflict=0.3, length=0.65,
                                  link_bonus=0.0, skip=0.0, many_penalty=0.0,
                                  moved_margin=1.0, vectors=0.9, vector_weak=2.0,
                                  vector_cover=0.5)
# No word overlaps with vectors: at lexicon=0.3 they raised strict F1 on the many-merge
# sets (en→zh.a 0.863 -> 0.900) but lowered it with a moved block (0.966 -> 0.959) and on
# the unperturbed documents (0.995 -> 0.979), at ten times the time per pair.


class Band:
    """A set of allowed target indices per source row: ``lo[i] <= j < lo[i] + width``.

    Cells are addressed as (row i, column c) with j = lo[i] + c; the DP runs over
    i in 0..n and j in 0..m (boundaries between sentences), so the band has n+1 rows.
    """

    def __init__(self, lo: np.ndarray, width: int, m: int) -> None:
        self.lo = lo.astype(np.int64)
        self.width = int(width)
        self.m = m

    @classmethod
    def full(cls, n: int, m: int) -> Band:
        return cls(np.zeros(n + 1, dtype=np.int64), m + 1, m)

    def j_grid(self) -> np.ndarray:
        """Target index for every cell, shape (n+1, width); may exceed m (invalid)."""
        return self.lo[:, None] + np.arange(self.width)[None, :]

    def valid(self) -> np.ndarray:
        return self.j_grid() <= self.m


def _robust_z(values: np.ndarray) -> tuple[float, float]:
    """Median and a robust spread of a (mostly unrelated-pairs) similarity sample."""
    if values.size == 0:
        return 0.0, 1.0
    med = float(np.median(values))
    mad = float(np.median(np.abs(values - med))) * 1.4826
    return med, max(mad, 0.03)


class PairScorer:
    """Scores links between runs of ``src`` and runs of ``tgt`` sentences."""

    def __init__(self, src: SideFeatures, tgt: SideFeatures, *,
                 length: tuple[float, float] | None, weights: Weights,
                 use_similarity: bool = True) -> None:
        self.src = src
        self.tgt = tgt
        self.w = weights
        #: Weights and link shapes for cells without vectors (``w`` and the shapes change
        #: once vectors are attached).
        self.plain_w = weights
        self.plain_moves: frozenset[tuple[int, int]] = frozenset()
        self.use_similarity = use_similarity
        total_s = float(src.lengths.sum()) or 1.0
        total_t = float(tgt.lengths.sum()) or 1.0
        # Without a measured factor, the document itself says how much longer one side is.
        self.expansion, self.length_sigma = length or (total_t / total_s, LENGTH_SIGMA)
        self._idf = self._token_idf()
        # Numbers should survive translation; their absence on one side is evidence.
        self._src_mass = self._number_mass(src)
        self._tgt_mass = self._number_mass(tgt)
        self._sim_norm: dict[tuple[int, int], tuple[float, float]] = {}
        # The evidence of the last band scored: a later pass over the same band (with
        # vectors attached) reuses it.
        self._band: Band | None = None
        self._evidence: dict[str, np.ndarray] = {}
        self._sims: dict[tuple[int, int], np.ndarray] = {}
        self.sim_signal = 1.0
        self._quantities = QuantityJudge(src.quantities, tgt.quantities)
        # Sentence vectors of chosen runs of both sides (provenance.align.embedding).
        self.vectors: tuple[RunVectors, RunVectors] | None = None
        # Word overlaps across languages (provenance.align.lexical), when weighed.
        self.words: WordEvidence | None = None

    def _number_mass(self, side: SideFeatures) -> np.ndarray:
        # Sorted: float sums must not depend on set order (PYTHONHASHSEED), or ties
        # could break differently from one run to the next.
        return np.array([sum(self._idf[t] for t in sorted(ts) if t[0] == "#")
                         for ts in side.tokens])

    # -- per-token rarity -------------------------------------------------------------
    def _token_idf(self) -> dict[str, float]:
        df: dict[str, int] = defaultdict(int)
        for ts in self.src.tokens + self.tgt.tokens:
            for t in ts:
                df[t] += 1
        n = len(self.src) + len(self.tgt)
        return {t: math.log(1 + n / c) for t, c in df.items()}

    def band_evidence(self, band: Band, moves: Sequence[tuple[int, int]],
                      ) -> tuple[dict[str, np.ndarray], dict[tuple[int, int], np.ndarray]]:
        """:meth:`pair_evidence` and :meth:`similarity` per move for ``band``, computed
        once per band."""
        if self._band is not band:
            self._band, self._evidence, self._sims = band, self.pair_evidence(band), {}
        for mv in moves:
            if mv not in self._sims:
                self._sims[mv] = self.similarity(*mv, band)
        return self._evidence, {mv: self._sims[mv] for mv in moves}

    # -- 1-1 sparse evidence ----------------------------------------------------------
    def pair_evidence(self, band: Band) -> dict[str, np.ndarray]:
        """Shared-token mass, shared concepts and quantity agreements for 1-1 cells.

        Arrays have the band's shape (n+1, width); row i+1 column c holds the evidence
        for source sentence i against target sentence lo[i+1]+c-1, i.e. the cell a 1-1
        link ending at (i+1, j+1) reads.
        """
        n = len(self.src)
        shape = (n + 1, band.width)
        shared = np.zeros(shape)
        shared_num = np.zeros(shape)
        concepts = np.zeros(shape)
        q_same = np.zeros(shape)
        q_conf = np.zeros(shape)
        postings: dict[str, list[int]] = defaultdict(list)
        for j, ts in enumerate(self.tgt.tokens):
            for t in ts:
                postings[t].append(j)
        concept_post: dict[str, list[int]] = defaultdict(list)
        for j, cs in enumerate(self.tgt.concepts):
            for c in cs:
                concept_post[c].append(j)
        tgt_with_q = [j for j, q in enumerate(self.tgt.quantities) if q]
        for i in range(n):
            # Target sentence j sits in column j + 1 - lo of row i + 1 when j + 1 is in
            # [lo, hi); postings are sorted, so bisect finds that slice directly.
            lo = int(band.lo[i + 1])
            hi = lo + band.width
            for t in sorted(self.src.tokens[i]):
                w = self._idf[t]
                for j in _in_window(postings.get(t, ()), lo, hi):
                    shared[i + 1, j + 1 - lo] += w
                    if t[0] == "#":
                        shared_num[i + 1, j + 1 - lo] += w
            for c in self.src.concepts[i]:
                for j in _in_window(concept_post.get(c, ()), lo, hi):
                    concepts[i + 1, j + 1 - lo] += 1
            if self.src.quantities[i]:
                for j in _in_window(tgt_with_q, lo, hi):
                    same, conflict = self._quantities.compare(i, j)
                    q_same[i + 1, j + 1 - lo] = same
                    q_conf[i + 1, j + 1 - lo] = conflict
        evidence = {"shared": shared, "shared_num": shared_num, "concepts": concepts,
                    "q_same": q_same, "q_conf": q_conf}
        if self.words is not None:
            evidence["lexicon"] = self._word_overlaps(band)
        return evidence

    def _word_overlaps(self, band: Band) -> np.ndarray:
        """Word overlap of every 1-1 cell of the band, in spreads of the pair's overlaps
        (most cells pair unrelated sentences: their median and spread are the noise)."""
        assert self.words is not None
        n, m = len(self.src), len(self.tgt)
        raw = np.zeros((n + 1, band.width))
        filled = np.zeros((n + 1, band.width), dtype=bool)
        for i in range(n):
            lo = int(band.lo[i + 1])
            for j in range(max(lo - 1, 0), min(lo - 1 + band.width, m)):
                raw[i + 1, j + 1 - lo] = self.words.cell(i, j)
                filled[i + 1, j + 1 - lo] = True
        med, spread = _robust_z(raw[filled])
        z = np.clip((raw - med) / max(spread, LEXICON_SPREAD_MIN), -LEXICON_Z_FLOOR,
                    LEXICON_Z_CAP)
        return np.where(filled, z, 0.0)

    def _exact_shared(self, k: int, ln: int, band: Band,
                      totals: dict[str, np.ndarray]) -> None:
        """Replace rectangle sums of shared tokens by the tokens the two runs share.

        A name repeated in two sentences of a run would otherwise count twice and make
        merges look better than the 1-1 links they replace.
        """
        rows, cols = np.nonzero(totals["shared"] > 0)
        src_tok, tgt_tok = self.src.tokens, self.tgt.tokens
        for i, c in zip(rows.tolist(), cols.tolist(), strict=True):
            j = int(band.lo[i]) + c
            common = _union(src_tok[i - k:i]) & _union(tgt_tok[j - ln:j])
            ordered = sorted(common)
            totals["shared"][i, c] = sum(self._idf[t] for t in ordered)
            totals["shared_num"][i, c] = sum(self._idf[t] for t in ordered if t[0] == "#")

    # -- renderings similarity --------------------------------------------------------
    def similarity(self, k: int, ln: int, band: Band) -> np.ndarray:
        """rapidfuzz similarity (0..1) of k joined source vs ln joined target renderings.

        Cell (i, c) compares source sentences i-k..i-1 with target j-ln..j-1, j = lo[i]+c.
        """
        n, m = len(self.src), len(self.tgt)
        out = np.zeros((n + 1, band.width))
        # Renderings not compared as text (a gloss skeleton) carry no similarity signal.
        if k == 0 or ln == 0 or n < k or m < ln or not self.use_similarity:
            return out
        src_join = [" ".join(self.src.renderings[i - k:i]) for i in range(k, n + 1)]
        tgt_join = [" ".join(self.tgt.renderings[j - ln:j]) for j in range(ln, m + 1)]
        chunk = 256
        for start in range(k, n + 1, chunk):
            stop = min(n + 1, start + chunk)
            rows = np.arange(start, stop)
            j_lo = max(ln, int(band.lo[start]))
            j_hi = min(m, int(band.lo[stop - 1]) + band.width - 1)
            if j_hi < j_lo:
                continue
            block = process.cdist(src_join[start - k:stop - k], tgt_join[j_lo - ln:j_hi - ln + 1],
                                  scorer=fuzz.ratio, dtype=np.uint8, workers=1)
            # Scatter the rectangle into band coordinates.
            cols = band.lo[rows][:, None] + np.arange(band.width)[None, :]
            ok = (cols >= j_lo) & (cols <= j_hi)
            rr, cc = np.nonzero(ok)
            out[rows[rr], cc] = block[rr, cols[rr, cc] - j_lo] / 100.0
        return out

    def calibrate_similarity(self, sims: dict[tuple[int, int], np.ndarray], band: Band) -> None:
        """Standardise each link type's similarity and measure how informative it is.

        Most cells compare unrelated sentences, so the median and spread of a matrix are
        its noise level. The renderings are informative when many source sentences have
        a best match that stands far out of that noise (identity, real MT); with glossed
        Chinese against English almost none do, and the similarity is then switched off
        instead of adding noise to the other evidence.
        """
        valid = band.valid()
        valid[0, :] = False
        rows = np.arange(len(band.lo))[:, None]
        for (k, ln), mat in sims.items():
            sample = mat[valid & (band.j_grid() >= ln) & (rows >= k)]
            self._sim_norm[(k, ln)] = _robust_z(sample)
        if not self.use_similarity:
            self.sim_signal = 0.0
        elif (1, 1) in sims and len(self.src) and len(self.tgt):
            med, spread = self._sim_norm[(1, 1)]
            z = np.where(valid, (sims[(1, 1)] - med) / spread, -np.inf)
            strong = np.mean(z[1:].max(axis=1) > 5.0)
            self.sim_signal = float(np.clip((strong - 0.1) / 0.3, 0.0, 1.0))

    # -- sentence vectors ---------------------------------------------------------------
    def vector_evidence(self, moves: Sequence[tuple[int, int]], band: Band,
                        ) -> dict[tuple[int, int], LinkMargins]:
        """Standardised vector margins per move and band cell (none before vectors are
        attached; see ``embedding.vector_margins``)."""
        if self.vectors is None:
            return {}
        return vector_margins(*self.vectors, moves, band.lo, band.width, band.m)

    # -- link scores ------------------------------------------------------------------
    def link_scores(self, k: int, ln: int, band: Band, sim: np.ndarray,
                    evidence: dict[str, np.ndarray],
                    vec: LinkMargins | None = None) -> np.ndarray:
        """Score of linking source run (i-k..i-1) with target run (j-ln..j-1) per cell."""
        n = len(self.src)
        shape = (n + 1, band.width)
        jj = band.j_grid()
        ok = (jj >= ln) & (jj <= band.m)
        ok[:k, :] = False
        if k == 0 or ln == 0:
            return np.where(ok, 0.0, -np.inf)
        # Rectangle sums of 1-1 evidence over the k x ln sentences of the link.
        totals = {name: np.zeros(shape) for name in evidence}
        for di in range(k):
            for dj in range(ln):
                rows = np.arange(n + 1) - di
                rows_ok = rows >= 1
                src_rows = np.clip(rows, 0, n)
                cols = jj - dj - band.lo[src_rows][:, None]
                cell_ok = rows_ok[:, None] & (cols >= 0) & (cols < band.width) & ok
                safe_cols = np.clip(cols, 0, band.width - 1)
                for name, arr in evidence.items():
                    gathered = arr[src_rows[:, None], safe_cols]
                    totals[name] += np.where(cell_ok, gathered, 0.0)
        if k * ln > 1:
            self._exact_shared(k, ln, band, totals)
        src_mass = _run_sums(self._src_mass, k)  # index i -> sentences i-k..i-1
        tgt_mass = _run_sums(self._tgt_mass, ln)
        s_len = _run_sums(self.src.lengths, k)
        t_len = _run_sums(self.tgt.lengths, ln)
        jc = np.clip(jj, 0, band.m)
        sm = src_mass[:, None]
        tm = tgt_mass[jc]
        both = (sm > 0) & (tm > 0)
        length = self.length_fit(s_len[:, None], t_len[jc])
        # Baseline per link shape (joined texts share more by chance), one scale for all
        # shapes so that a merge and the 1-1 links it competes with are comparable.
        med = self._sim_norm.get((k, ln), (0.0, 1.0))[0]
        spread = self._sim_norm.get((1, 1), (0.0, 1.0))[1]
        parts = _Evidence(
            shared=totals["shared"],
            # Numbers one side has and the other lacks count against the link when the
            # other side has numbers at all; words do not (a name is often translated,
            # so its absence proves nothing).
            unmatched=np.maximum(sm + tm - 2 * totals["shared_num"], 0.0) * both,
            concepts=np.minimum(totals["concepts"], 3),
            q_same=np.minimum(totals["q_same"], 4),
            q_conf=np.minimum(totals["q_conf"], 4),
            length=length,
            similarity=self.sim_signal * np.clip((sim - med) / spread, -3.0, 50.0),
            extra=k + ln - 2,
            lexicon=totals.get("lexicon", 0.0),
        )
        score = parts.score(self.w)
        if vec is None or not self.w.vectors:
            return np.where(ok, score, -np.inf)
        z, has = vec.z, vec.has
        zc = np.clip(z, -VECTOR_Z_FLOOR, VECTOR_Z_CAP)
        extra = cover_extra(k, ln, vec, zc, self.w.vector_cover)
        with_vectors = (score + self.w.vectors * (zc + extra)
                        - self.w.vector_weak * np.maximum(VECTOR_WEAK_Z - zc, 0.0))
        # Cells without vectors keep the weights tuned for the cheap evidence alone, moved
        # onto this pass's scale: against this pass's cost of leaving sentences out, a
        # link must win or lose exactly as it did in the cheap pass (see link_bars).
        plain = parts.score(self.plain_w) + self._skip_shift(k, ln)
        if (k, ln) not in self.plain_moves:
            plain = np.full_like(plain, -np.inf)  # a shape only vectors can judge
        return np.where(ok, np.where(has, with_vectors, plain), -np.inf)

    def length_fit(self, s_len: np.ndarray | float, t_len: np.ndarray | float,
                   ) -> np.ndarray:
        """Log-likelihood (<= 0) of target text of ``t_len`` characters rendering source
        text of ``s_len`` characters, under the pair's expansion factor."""
        expected = self.expansion * np.asarray(s_len, dtype=np.float64) + 1.0
        ratio = np.log((np.asarray(t_len, dtype=np.float64) + 1.0) / expected)
        # Short sentences vary more in relative length than long ones.
        variance = self.length_sigma ** 2 + 2.0 / (expected + t_len + 1.0)
        return -(ratio ** 2) / (2 * variance)

    def _skip_shift(self, k: int, ln: int) -> float:
        return (self.w.skip - self.plain_w.skip) * (k + ln)

    def link_bars(self, k: int, ln: int, band: Band,
                  vec: LinkMargins | None = None) -> np.ndarray | float:
        """The score a link must reach to be trusted out of order (re-report pass), per
        cell: the bar of the weights that scored the cell."""
        bar = self.w.link_bonus + self.w.moved_margin
        if vec is None or not self.w.vectors:
            return bar
        plain = self.plain_w.link_bonus + self.plain_w.moved_margin + self._skip_shift(k, ln)
        return np.where(vec.has, bar, plain)


@dataclass
class _Evidence:
    """The evidence for every cell of one link shape, before weighting."""

    shared: np.ndarray  # idf mass of shared anchor tokens
    unmatched: np.ndarray  # idf mass of numbers on one side only
    concepts: np.ndarray
    q_same: np.ndarray
    q_conf: np.ndarray
    length: np.ndarray  # log-likelihood of the length ratio (<= 0)
    similarity: np.ndarray  # standardised rendering similarity, times its signal
    extra: int  # sentences beyond a 1-1 link
    lexicon: np.ndarray | float = 0.0  # standardised word overlaps, summed over the link

    def score(self, w: Weights) -> np.ndarray:
        # Shared rare tokens add up, in units of one rare token.
        tokens = (w.tokens * self.shared - w.token_miss * self.unmatched) / _RARE_TOKEN
        return (tokens + w.concepts * self.concepts
                + w.quantity_same * self.q_same - w.quantity_conflict * self.q_conf
                + w.length * self.length + w.similarity * self.similarity
                + w.lexicon * self.lexicon
                + w.link_bonus - w.many_penalty * self.extra)


#: Vector margins count between these many spreads: a hopeless link is hopeless however
#: far below the noise it falls, and one striking match must not outweigh all else.
#: Translations sit 3-6 spreads above the noise, unrelated pairs within about 1.
VECTOR_Z_FLOOR = 3.0
VECTOR_Z_CAP = 12.0
VECTOR_WEAK_Z = 1.5
#: A merge's run vector may match this many spreads worse than its best part and still
#: earn its cover (run vectors sit ~1 spread lower than 1-1 ones for true links: median
#: 3.0 for 2-1 against 4.3 for 1-1 on the many-merge sets of seed 13). At 0 the cover
#: bonus was lost for most true merges; at 2 it began to absorb omissions with a moved
#: block (seeds 29/41).
PART_SLACK = 1.0
def cover_extra(k: int, ln: int, vec: LinkMargins, zc: np.ndarray,
                exponent: float) -> np.ndarray:
    """What a merge or split earns beyond one link's worth of vector margin (in
    margins, before the ``vectors`` weight): up to ``((k + ln) / 2) ** exponent - 1``
    more of its clipped margin ``zc``.

    Margins are per link, so two 1-1 links collect twice what the 2-1 link over the
    same sentences does; the cover evens that out, but only for evidence of the links
    the merge replaces:

    * its run vector matches about as well as its best sentence pair does
      (``PART_SLACK``): a 2-1 link that takes in an omitted neighbour matches worse
      than the 1-1 link inside it;
    * the run itself shares meaning (``VECTOR_WEAK_Z``): weak evidence is not counted
      twice;
    * every sentence in it shares meaning with one on the other side: the extra is
      scaled by the margin of its least matched sentence with its best partner in
      the link, up to ``VECTOR_WEAK_Z``. An unrelated sentence next to a 1-1 link
      (an addition in a relay, a one-word fragment) barely lowers the run's match,
      and earned the cover without this (wrong 2-1 and 1-2 links on real relays); the
      half of a split sentence often stays below the line, so it scales rather than
      cuts.

    A 2-2 link earns nothing: two 1-1 links inside it pass these tests as well as a
    re-cut does (a faithful pair lost a negation finding to such a 2-2). Re-cuts are
    found after the search instead, from lengths and the clause that moved
    (:mod:`provenance.align.recut`).
    """
    factor = ((k + ln) / 2) ** exponent - 1.0
    if factor <= 0.0 or (k > 1 and ln > 1):
        # a 2-2 link over two sentence pairs that each render the other (two 1-1 links)
        # passes every test below, and took the cover from them on faithful pairs
        return np.zeros_like(zc)
    share = np.clip(vec.weakest / VECTOR_WEAK_Z, 0.0, 1.0)
    earns = (np.isfinite(vec.best_part) & (vec.z > vec.best_part - PART_SLACK)
             & (zc >= VECTOR_WEAK_Z))
    return np.where(earns, factor * zc * share, 0.0)


#: Word overlaps count between these many spreads, a spread being at least
#: LEXICON_SPREAD_MIN (most sentence pairs share no word at all: no spread to measure).
LEXICON_Z_FLOOR = 2.0
LEXICON_Z_CAP = 8.0
LEXICON_SPREAD_MIN = 0.05

#: idf of a token seen once on each side of a 40-sentence pair: log(1 + 40/2).
_RARE_TOKEN = 3.0


def _run_sums(values: np.ndarray, k: int) -> np.ndarray:
    """out[i] = sum(values[i-k:i]) for i >= k, else 0; length len(values)+1."""
    csum = np.concatenate([[0.0], np.cumsum(values, dtype=np.float64)])
    out = np.zeros(len(values) + 1)
    if k <= len(values):
        out[k:] = csum[k:] - csum[:-k] if k else 0.0
    return out
