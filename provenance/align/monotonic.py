"""In-order alignment: a banded dynamic programme over merge/split/skip moves.

The programme walks sentence boundaries (i, j) from (0, 0) to (n, m). Each move links
the next k source sentences with the next l target sentences (1-1, 1-2, 2-1, 2-2, 1-3,
3-1) or leaves one out (1-0 omission, 0-1 addition). Short documents use the whole
grid; long ones first find confident 1-1 anchors near the diagonal (Bertalign style),
then search only a band around the line through them, so time and memory grow
linearly with document length.

Rows are processed with numpy: the only within-row dependency, a run of additions
(0-1 moves), is a running maximum.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from provenance.align.features import Band, PairScorer

#: Link shapes the programme uses by default, in order of preference on ties.
LINK_MOVES: tuple[tuple[int, int], ...] = ((1, 1), (1, 2), (2, 1))
#: Adds 2-2, 1-3 and 3-1. Off by default: on the perturbed-news benchmark they cost
#: 0.005-0.02 strict F1 (they absorb neighbouring additions) and time.
EXTENDED_MOVES: tuple[tuple[int, int], ...] = (*LINK_MOVES, (2, 2), (1, 3), (3, 1))
#: Grids up to this many cells are searched whole.
FULL_GRID_CELLS = 360_000
#: Half-width (in target sentences) of the band around the anchor line.
BAND_HALF_WIDTH = 24
#: Half-width of the first, anchor-finding window around the diagonal.
ANCHOR_WINDOW = 100


@dataclass(frozen=True)
class Step:
    """One move of the path: source run and target run (either may be empty)."""

    src: tuple[int, ...]
    tgt: tuple[int, ...]
    score: float


Tables = dict[tuple[int, int], np.ndarray]
#: Per move, the score a link must reach to count out of order: one number, or one per
#: cell when cells were scored with different weights (vectors for part of a pair).
Bars = dict[tuple[int, int], "np.ndarray | float"]


def score_tables(scorer: PairScorer, band: Band,
                 moves: tuple[tuple[int, int], ...] = LINK_MOVES) -> tuple[Tables, Bars]:
    """Link score for every move and every cell of the band, and the re-report bars."""
    evidence, sims = scorer.band_evidence(band, moves)
    scorer.calibrate_similarity(sims, band)
    vecs = scorer.vector_evidence(moves, band)
    tables = {mv: scorer.link_scores(*mv, band, sims[mv], evidence, vecs.get(mv))
              for mv in moves}
    return tables, {mv: scorer.link_bars(*mv, band, vecs.get(mv)) for mv in moves}


def best_path(tables: dict[tuple[int, int], np.ndarray], band: Band, n: int, m: int,
              skip: float = 0.0) -> list[Step]:
    """The highest-scoring monotone path through the band, as steps in order."""
    width = band.width
    lo = band.lo
    moves = list(tables)
    best = np.full((n + 1, width), -np.inf)
    back = np.full((n + 1, width), -1, dtype=np.int16)  # index into moves; -2=1-0, -3=0-1
    cols = np.arange(width)
    for i in range(n + 1):
        jj = lo[i] + cols
        cand = np.full(width, -np.inf)
        choice = np.full(width, -1, dtype=np.int16)
        if i == 0:
            cand[jj == 0] = 0.0
        else:
            # Omission of source sentence i-1: from (i-1, j).
            prev = _gather(best[i - 1], jj - lo[i - 1], width)
            val = prev + skip
            better = val > cand
            cand[better], choice[better] = val[better], -2
            for idx, (k, ln) in enumerate(moves):
                if i - k < 0:
                    continue
                prev = _gather(best[i - k], jj - ln - lo[i - k], width)
                val = prev + tables[(k, ln)][i]
                better = val > cand
                cand[better], choice[better] = val[better], idx
        cand[jj > m] = -np.inf
        # Additions (0-1 moves) inside the row: best[c] = max(cand[c], best[c-1] + skip).
        shifted = cand - cols * skip
        running = np.maximum.accumulate(shifted) + cols * skip
        added = running > cand
        choice[added] = -3
        best[i] = np.where(added, running, cand)
        back[i] = choice
    return _trace(best, back, moves, tables, band, n, m, skip)


def _gather(row: np.ndarray, cols: np.ndarray, width: int) -> np.ndarray:
    ok = (cols >= 0) & (cols < width)
    return np.where(ok, row[np.clip(cols, 0, width - 1)], -np.inf)


def _trace(best: np.ndarray, back: np.ndarray, moves: list[tuple[int, int]],
           tables: dict[tuple[int, int], np.ndarray], band: Band, n: int, m: int,
           skip: float) -> list[Step]:
    i, j = n, m
    if not np.isfinite(best[i, j - band.lo[i]]):
        raise RuntimeError("alignment band does not reach the end of both documents")
    steps: list[Step] = []
    while i > 0 or j > 0:
        c = j - band.lo[i]
        code = int(back[i, c])
        if code == -2:
            steps.append(Step((i - 1,), (), skip))
            i -= 1
        elif code == -3:
            steps.append(Step((), (j - 1,), skip))
            j -= 1
        else:
            k, ln = moves[code]
            score = float(tables[(k, ln)][i, c])
            steps.append(Step(tuple(range(i - k, i)), tuple(range(j - ln, j)), score))
            i, j = i - k, j - ln
    steps.reverse()
    return steps


def anchor_band(scorer: PairScorer, n: int, m: int) -> Band:
    """A band around the line through confident in-order 1-1 anchors.

    Anchors are mutual best 1-1 matches in a wide window around the diagonal whose score
    stands out; the heaviest increasing chain of them is kept, and the band follows the
    piecewise-linear path through the chain from (0, 0) to (n, m).
    """
    half = ANCHOR_WINDOW
    centre = np.round(np.arange(n + 1) * (m / max(n, 1))).astype(np.int64)
    window = _band_around(centre, half, m)
    table = score_tables(scorer, window, moves=((1, 1),))[0][(1, 1)]
    table = table - scorer.w.position * _diagonal_distance(window, n, m)
    anchors = _mutual_best(table, window, n, m)
    chain = _heaviest_chain(anchors)
    pts_i = np.array([0] + [a[0] for a in chain] + [n], dtype=np.float64)
    pts_j = np.array([0] + [a[1] for a in chain] + [m], dtype=np.float64)
    line = np.round(np.interp(np.arange(n + 1), pts_i, pts_j)).astype(np.int64)
    return _band_around(line, BAND_HALF_WIDTH, m)


def _band_around(centre: np.ndarray, half: int, m: int) -> Band:
    rows = len(centre)
    # At least as wide as the target's mean step per source row, or no band can cross it.
    width = min(m + 1, max(2 * half + 1, -(-(m + 1) // rows) + 1))
    step = (width - 1) * np.arange(rows)
    lo = np.clip(centre - half, 0, m)
    lo = np.maximum.accumulate(lo)
    lo[0] = 0
    # Each row must overlap the one before it, or no path crosses the gap: where the
    # centre line jumps (anchors far apart in a reshuffled relay) the band climbs as fast
    # as it can instead, lo[i] <= lo[i-1] + width - 1.
    lo = np.minimum.accumulate(lo - step) + step
    lo = np.minimum(lo, max(0, m - width + 1))
    # The last row must reach j = m: the rows before it climb towards it in time.
    lo[-1] = max(lo[-1], m - width + 1)
    lo = np.maximum.accumulate((lo - step)[::-1])[::-1] + step
    return Band(lo, width, m)


def _diagonal_distance(band: Band, n: int, m: int) -> np.ndarray:
    rows = np.arange(n + 1)[:, None] / max(n, 1)
    return np.abs(band.j_grid() / max(m, 1) - rows)


def _mutual_best(table: np.ndarray, band: Band, n: int, m: int,
                 min_score: float = 2.5) -> list[tuple[int, int, float]]:
    jj = band.j_grid()
    row_best = np.argmax(table, axis=1)
    col_best_score = np.full(m + 1, -np.inf)
    flat_j = jj.ravel()
    flat_s = table.ravel()
    keep = flat_j <= m
    np.maximum.at(col_best_score, flat_j[keep], flat_s[keep])
    out = []
    for i in range(1, n + 1):
        c = row_best[i]
        s = table[i, c]
        j = int(jj[i, c])
        if np.isfinite(s) and s >= min_score and s >= col_best_score[j]:
            out.append((i, j, float(s)))
    return out


def _heaviest_chain(anchors: list[tuple[int, int, float]]) -> list[tuple[int, int]]:
    """Maximum-weight chain strictly increasing in both coordinates (anchors sorted by i)."""
    if not anchors:
        return []
    # O(k^2) over a bounded look-back: anchors are few and a chain rarely skips far.
    k = len(anchors)
    total = [a[2] for a in anchors]
    prev = [-1] * k
    for x in range(k):
        for y in range(max(0, x - 200), x):
            if anchors[y][1] < anchors[x][1] and total[y] + anchors[x][2] > total[x]:
                total[x] = total[y] + anchors[x][2]
                prev[x] = y
    x = int(np.argmax(total))
    chain = []
    while x >= 0:
        chain.append((anchors[x][0], anchors[x][1]))
        x = prev[x]
    return chain[::-1]


@dataclass
class MonotonicResult:
    """The in-order path, the search settings, and the band and score tables it was
    read from (the re-report pass scores runs of leftovers by slicing them, against
    ``bars``)."""

    steps: list[Step]
    settings: dict[str, object]
    tables: Tables = field(default_factory=dict)
    band: Band | None = None
    bars: Bars = field(default_factory=dict)


def align_monotonic(scorer: PairScorer, n: int, m: int,
                    moves: tuple[tuple[int, int], ...] = LINK_MOVES,
                    band: Band | None = None) -> MonotonicResult:
    """The best in-order alignment of n source with m target sentences (within
    ``band`` when given, e.g. the band an earlier pass found)."""
    if n == 0 or m == 0:
        steps = [Step((i,), (), scorer.w.skip) for i in range(n)] + [
            Step((), (j,), scorer.w.skip) for j in range(m)]
        return MonotonicResult(steps, {"band": "none"})
    full = (n + 1) * (m + 1) <= FULL_GRID_CELLS
    settings: dict[str, object] = {"band": "full" if full else f"anchors±{BAND_HALF_WIDTH}"}
    if band is None:
        band = Band.full(n, m) if full else anchor_band(scorer, n, m)
    tables, bars = score_tables(scorer, band, moves)
    settings["moves"] = ",".join(f"{k}-{ln}" for k, ln in moves)
    steps = best_path(tables, band, n, m, skip=scorer.w.skip)
    return MonotonicResult(steps, settings, tables, band, bars)
