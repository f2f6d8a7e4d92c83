"""Sentence-vector evidence for alignment: meaning across languages, standardised per pair.

Multilingual vectors (``provenance.crosslingual.vectors``) put a sentence and its
translation close together in any pair of languages. Their cosines are compressed
(translations around 0.83-0.88, unrelated news sentences 0.70-0.74) and some sentences
sit closer to everything than others (short, generic ones), so a raw cosine says little.
As in margin scoring (LASER, Vecalign, Bertalign), each cosine is measured against the
pair's own noise: against how close the source run is to the target runs it competes
with, and how close the target run is to the source runs it competes with. The margin,
in units of the pair's spread of margins, is the evidence a link gets.

Merges and splits compare the vector of a run of sentences: the text of a run of two
embedded whole (as Bertalign does), longer runs as the normalised mean of their
sentences' vectors. Measured on the perturbed WMT pairs (strict F1, unseen seeds 29 and
41): pairs of sentences embedded whole beat the mean of the two by 0.02-0.04 (en→zh.a
0.951 against 0.915, uk→en 0.943 against 0.926), for one more text to embed per
sentence; runs of three embedded whole add ~0.02 on text with many merges (seed 13) for
yet another text per sentence, and nothing on news, so they are averaged, except around
the merges and splits the pass with vectors found (:meth:`RunVectors.embed_whole`, called
by ``passes``): there a 3-1 or 1-3 link is likely, and its run is embedded whole.

Embedding is the expensive step (tens of milliseconds a sentence), so only the sentences
of chosen stretches get vectors (:func:`uncertain_stretches`); cells without vectors get
no vector evidence, for or against.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from provenance.lang import CJK, base

#: Runs up to this many sentences are embedded as one text (Bertalign); longer ones
#: get the normalised sum of their sentences' vectors (no extra embedding).
CONCAT_MAX = 2

Embed = Callable[[Sequence[str]], np.ndarray]


def joiner(lang: str) -> str:
    """How sentences of a language are written one after another."""
    return "" if base(lang) in CJK else " "


@dataclass
class RunVectors:
    """Unit vectors of runs of consecutive sentences of one side.

    ``runs[k][i]`` is the vector of sentences i-k..i-1 (row i of a move ending at
    boundary i); ``has[k][i]`` says whether it exists (all k sentences were chosen).
    """

    runs: dict[int, np.ndarray]
    has: dict[int, np.ndarray]

    @classmethod
    def build(cls, texts: Sequence[str], lang: str, chosen: np.ndarray,
              sizes: Sequence[int], embed: Embed, concat_max: int = CONCAT_MAX) -> RunVectors:
        """Vectors for every run of ``sizes`` sentences all of which are ``chosen``:
        runs of up to ``concat_max`` sentences embedded whole, longer ones averaged.

        ``embed`` maps texts to unit vectors (one batched call here).
        """
        n = len(texts)
        glue = joiner(lang)
        wanted: dict[str, None] = {}
        members: dict[int, list[int]] = {}
        for k in sizes:
            ok = _run_ok(chosen, k)
            members[k] = [i for i in range(k, n + 1) if ok[i]]
            if k <= concat_max:
                for i in members[k]:
                    wanted[_run_text(texts, i, k, glue)] = None
        order = list(wanted)
        found = embed(order) if order else np.zeros((0, 1), dtype=np.float32)
        dim = found.shape[1]
        row_of = {text: r for r, text in enumerate(order)}
        runs: dict[int, np.ndarray] = {}
        has: dict[int, np.ndarray] = {}
        single = np.zeros((n + 1, dim), dtype=np.float32)
        for i in members.get(1, []):
            single[i] = found[row_of[_run_text(texts, i, 1, glue)]]
        for k in sizes:
            out = np.zeros((n + 1, dim), dtype=np.float32)
            flags = np.zeros(n + 1, dtype=bool)
            for i in members[k]:
                if k <= concat_max:
                    out[i] = found[row_of[_run_text(texts, i, k, glue)]]
                else:
                    out[i] = _unit(single[i - k + 1:i + 1].sum(axis=0))
                flags[i] = True
            runs[k], has[k] = out, flags
        return cls(runs, has)


    def embed_whole(self, texts: Sequence[str], lang: str, k: int, ends: Sequence[int],
                    embed: Embed) -> int:
        """Replace the averaged vectors of the runs of ``k`` sentences ending at boundaries
        ``ends`` by the vectors of their texts embedded whole; returns how many texts."""
        if k not in self.runs:
            return 0
        ends = sorted({i for i in ends if k <= i < len(self.has[k]) and self.has[k][i]})
        if not ends:
            return 0
        glue = joiner(lang)
        found = embed([_run_text(texts, i, k, glue) for i in ends])
        for row, i in enumerate(ends):
            self.runs[k][i] = found[row]
        return len(ends)


def _run_text(texts: Sequence[str], i: int, k: int, glue: str) -> str:
    return glue.join(t.strip() for t in texts[i - k:i])


def _run_ok(chosen: np.ndarray, k: int) -> np.ndarray:
    """ok[i] for i in 0..n: sentences i-k..i-1 all chosen."""
    n = len(chosen)
    csum = np.concatenate([[0], np.cumsum(chosen.astype(np.int64))])
    ok = np.zeros(n + 1, dtype=bool)
    if k <= n:
        ok[k:] = (csum[k:] - csum[:-k]) == k
    return ok


def _unit(v: np.ndarray) -> np.ndarray:
    norm = float(np.linalg.norm(v))
    return v / norm if norm > 0 else v


def band_cosines(src: RunVectors, tgt: RunVectors, k: int, ln: int, lo: np.ndarray,
                 width: int) -> tuple[np.ndarray, np.ndarray]:
    """Cosine of source run (i-k..i-1) and target run (j-ln..j-1) for every band cell
    (row i, column c, j = lo[i] + c), and where both runs have a vector."""
    rows = len(lo)
    cos = np.zeros((rows, width), dtype=np.float64)
    ok = np.zeros((rows, width), dtype=bool)
    s_vec, s_has = src.runs[k], src.has[k]
    t_vec, t_has = tgt.runs[ln], tgt.has[ln]
    m1 = t_vec.shape[0]
    chunk = 256
    for start in range(0, rows, chunk):
        stop = min(rows, start + chunk)
        live = np.nonzero(s_has[start:stop])[0] + start
        if live.size == 0:
            continue
        j_lo = int(lo[live[0]])
        j_hi = min(m1, int(lo[live[-1]]) + width)
        if j_hi <= j_lo:
            continue
        block = s_vec[live] @ t_vec[j_lo:j_hi].T  # (rows, j_hi - j_lo)
        cols = lo[live][:, None] + np.arange(width)[None, :]
        inside = (cols >= j_lo) & (cols < j_hi)
        safe = np.clip(cols - j_lo, 0, j_hi - j_lo - 1)
        gathered = np.take_along_axis(block, safe, axis=1)
        t_ok = t_has[np.clip(cols, 0, m1 - 1)] & inside
        cos[live] = np.where(t_ok, gathered, 0.0)
        ok[live] = t_ok
    return cos, ok


@dataclass(frozen=True)
class LinkMargins:
    """The vector evidence of one link shape at every band cell.

    ``z``: the margin of the two runs, in units of the pair's spread; ``has``: where both
    runs have a vector. For a link of more than two sentences, from the 1-1 margins of
    the sentences inside it (-inf where there are none): ``best_part``, the best margin
    of one of its sentence pairs, and ``weakest``, that of its least matched sentence
    with its best partner inside the link (every sentence of a right link renders or is
    rendered by another one in it).
    """

    z: np.ndarray
    has: np.ndarray
    best_part: np.ndarray
    weakest: np.ndarray


def vector_margins(src: RunVectors, tgt: RunVectors, moves: Sequence[tuple[int, int]],
                   lo: np.ndarray, width: int, m: int) -> dict[tuple[int, int], LinkMargins]:
    """Per move, its :class:`LinkMargins`.

    One spread, the 1-1 margins', for every shape: a merge and the 1-1 links it competes
    with are scored on one scale."""
    out: dict[tuple[int, int], LinkMargins] = {}
    spread = None
    single: tuple[np.ndarray, np.ndarray] | None = None
    for k, ln in sorted(moves, key=lambda mv: mv != (1, 1)):
        if k not in src.runs or ln not in tgt.runs:
            continue
        cos, ok = band_cosines(src, tgt, k, ln, lo, width)
        margin = margins(cos, ok, lo, m)
        if spread is None:
            spread = margin_spread(margin, ok)
        z = margin / spread
        if (k, ln) == (1, 1):
            single = (z, ok)
        best = weakest = np.full(z.shape, -np.inf)
        if single is not None and k + ln > 2:
            cells = part_margins(*single, k, ln, lo)
            best = cells.max(axis=(0, 1))
            # each source sentence's best target in the link, and each target's best source
            weakest = np.minimum(cells.max(axis=1).min(axis=0), cells.max(axis=0).min(axis=0))
        out[(k, ln)] = LinkMargins(z, ok, best, weakest)
    return out


def part_margins(z11: np.ndarray, ok11: np.ndarray, k: int, ln: int,
                 lo: np.ndarray) -> np.ndarray:
    """The 1-1 margins inside a k-ln link at every band cell: ``out[a, b, i, c]`` is that
    of source sentence i-k+a with target sentence j-ln+b (j = lo[i] + c), -inf where
    either has no vector or it falls outside the band."""
    rows, width = z11.shape
    vals = np.where(ok11, z11, -np.inf)
    out = np.full((k, ln, rows, width), -np.inf)
    jj = lo[:, None] + np.arange(width)[None, :]
    for di in range(k):
        r = np.arange(rows) - di  # source sentence i-di-1 is row i-di of the 1-1 table
        rc = np.clip(r, 0, rows - 1)
        for dj in range(ln):
            c = jj - dj - lo[rc][:, None]
            inside = (r >= 1)[:, None] & (c >= 0) & (c < width)
            got = vals[rc[:, None], np.clip(c, 0, width - 1)]
            out[k - 1 - di, ln - 1 - dj] = np.where(inside, got, -np.inf)
    return out


def margins(cos: np.ndarray, ok: np.ndarray, lo: np.ndarray, m: int) -> np.ndarray:
    """Each cosine minus the mean of its row's and its column's average cosine.

    A row's average is over the target runs the source run competes with in the band;
    a column's over the source runs competing for that target run. A sentence close to
    everything (a hub: short, generic) gets no credit for it. Cells without vectors
    hold 0. (Averages over the k nearest instead, as LASER does, measured worse here:
    strict F1 0.87-0.92 against 0.95 on the perturbed pairs of seed 13.)
    """
    rows = np.broadcast_to(np.arange(cos.shape[0])[:, None], cos.shape).ravel()
    jj = (lo[:, None] + np.arange(cos.shape[1])[None, :]).ravel()
    keep = ok.ravel()
    values = cos.ravel()[keep]
    row_base = _group_mean(rows[keep], values, cos.shape[0])
    col_base = _group_mean(jj[keep], values, m + 1)
    base_ = 0.5 * (row_base[:, None] + col_base[np.clip(jj, 0, m)].reshape(cos.shape))
    return np.where(ok, cos - base_, 0.0)


def _group_mean(groups: np.ndarray, values: np.ndarray, size: int) -> np.ndarray:
    """Mean of each group's values; 0 for a group without any."""
    sums = np.bincount(groups, weights=values, minlength=size)
    counts = np.bincount(groups, minlength=size)
    return np.where(counts > 0, sums / np.maximum(counts, 1), 0.0)


def margin_spread(margin: np.ndarray, ok: np.ndarray) -> float:
    """Robust spread of margins over cells with vectors (mostly unrelated pairs)."""
    sample = margin[ok]
    if sample.size < 8:
        return 0.03
    med = float(np.median(sample))
    mad = float(np.median(np.abs(sample - med))) * 1.4826
    return max(mad, 0.01)


def uncertain_stretches(path: Sequence[tuple[int, int, float]], n: int, m: int,
                        confident: float, pad: int, budget: int,
                        texts_per_sentence: int = 1) -> tuple[np.ndarray, np.ndarray]:
    """Which source and target sentences to embed: those the cheap evidence left open.

    ``path`` is an in-order alignment as (source sentences, target sentences, score) per
    step, from boundary (0, 0) to (n, m). A link scoring at least ``confident`` is
    decided; every other step (weak link, omission, addition) is open. Open steps that
    follow each other form a stretch of the path, from boundary (i0, j0) to (i1, j1);
    its source sentences i0..i1-1 and target sentences j0..j1-1, widened by ``pad`` on
    each side so that the links at its edges can be re-decided, get vectors. Stretches
    are taken longest and weakest first (then by position) while the ``budget`` of texts to
    embed lasts (a sentence costs ``texts_per_sentence``: itself and the runs it starts);
    the choice depends only on the inputs, never on what is cached.
    """
    src_open = np.zeros(n, dtype=bool)
    tgt_open = np.zeros(m, dtype=bool)
    stretches: list[tuple[tuple[int, float], int, int, int, int, int]] = []
    i = j = 0
    start: tuple[int, int] | None = None
    scores: list[float] = []
    for k, ln, score in path:
        if k and ln and score >= confident:
            if start is not None:
                stretches.append((_priority(scores), start[0], start[1], i, j, 0))
                start, scores = None, []
        else:
            if start is None:
                start = (i, j)
            scores.append(score if k and ln else 0.0)
        i, j = i + k, j + ln
    if start is not None:
        stretches.append((_priority(scores), start[0], start[1], i, j, 0))
    stretches.sort()
    used = 0
    for _, i0, j0, i1, j1, _ in stretches:
        s_sel = slice(max(0, i0 - pad), min(n, i1 + pad))
        t_sel = slice(max(0, j0 - pad), min(m, j1 + pad))
        cost = texts_per_sentence * int((~src_open[s_sel]).sum() + (~tgt_open[t_sel]).sum())
        if used + cost > budget:
            continue
        src_open[s_sel] = True
        tgt_open[t_sel] = True
        used += cost
    return src_open, tgt_open


def _priority(scores: list[float]) -> tuple[int, float]:
    """Lower first: long stretches, where the cheap evidence lost its way, then weak ones.

    Measured on a 1,000-sentence pair with a 400-text budget: 88 of the 107 gold links
    in the chosen stretches right after vectors (54 before); ranking by mean score alone
    spends the budget on single omissions the cheap pass had right (100 of 116, from 95).
    """
    return -len(scores), float(np.mean(scores))
