"""Re-report mode: find blocks that moved, giving crossing links.

A re-report keeps most sentences in order but moves a paragraph. The in-order pass
then leaves the moved sentences out on both sides: an omission where the block was and
an addition where it went. This pass aligns those leftovers with each other, anywhere
in the documents, and keeps only links backed by content (shared names, numbers, text),
never by length alone, because out-of-order links have no position to support them.
"""

from __future__ import annotations

from bisect import bisect_right

import numpy as np

from provenance.align.features import Band, PairScorer
from provenance.align.monotonic import FULL_GRID_CELLS, Bars, Step, Tables, best_path

#: At most this many rounds of pairing leftover runs.
MAX_ROUNDS = 8


def _runs(indices: list[int]) -> list[list[int]]:
    runs: list[list[int]] = []
    for x in sorted(indices):
        if runs and runs[-1][-1] == x - 1:
            runs[-1].append(x)
        else:
            runs.append([x])
    return runs


def find_moved(scorer: PairScorer, steps: list[Step], tables: Tables, band: Band,
               bars: Bars | None = None) -> list[Step]:
    """Steps with leftovers re-paired where content says a block moved.

    Leftovers are the omissions and additions of the in-order pass, plus its weak links
    (scored below the bar a crossing link must clear): when a block moved, the in-order
    pass often pairs its neighbours by length alone. A weak link survives unless one of
    its sentences finds a confident partner elsewhere.

    Runs of leftovers are scored by slicing the in-order pass's ``tables``, so a block
    can move anywhere in a short document, and within the search band of a long one
    (which keeps the work linear in its length). ``bars`` says per move (and per cell)
    what a link must score to count; by default the scorer's link bonus plus its
    moved-block margin.

    Returns the original steps when nothing was re-paired.
    """
    if not bars:
        bars = dict.fromkeys(tables, scorer.w.link_bonus + scorer.w.moved_margin)
    # What each cell scores above its bar: a crossing link is worth only that.
    excess = {mv: t - bars[mv] for mv, t in tables.items()}
    links = [s for s in steps if s.src and s.tgt]
    weak = [s for s in links if _excess(s, excess, band) < 0]
    strong = [s for s in links if _excess(s, excess, band) >= 0]
    free_src = sorted([s.src[0] for s in steps if not s.tgt] + [i for s in weak for i in s.src])
    free_tgt = sorted([s.tgt[0] for s in steps if not s.src] + [j for s in weak for j in s.tgt])
    found: list[Step] = []
    memo: dict[tuple[int, int, int, int], list[Step]] = {}
    for _ in range(MAX_ROUNDS):
        best: tuple[float, list[Step]] | None = None
        tgt_runs = _runs(free_tgt)
        tgt_starts = [run[0] for run in tgt_runs]
        for src_run in _runs(free_src):
            # Target runs that reach into the band rows of this source run.
            first = int(band.lo[src_run[0]])
            last = int(band.lo[src_run[-1] + 1]) + band.width - 1
            lo_run = max(0, bisect_right(tgt_starts, first) - 1)
            for tgt_run in tgt_runs[lo_run:bisect_right(tgt_starts, last)]:
                if (len(src_run) + 1) * (len(tgt_run) + 1) > FULL_GRID_CELLS:
                    continue  # a long stretch of weak links: nothing to anchor a move on
                key = (src_run[0], len(src_run), tgt_run[0], len(tgt_run))
                if key not in memo:
                    memo[key] = _pair_runs(src_run, tgt_run, tables, excess, band)
                pairs = memo[key]
                gain = sum(_excess(s, excess, band) for s in pairs)
                if pairs and (best is None or gain > best[0]):
                    best = (gain, pairs)
        if best is None:
            break
        for link in best[1]:
            found.append(link)
            free_src = [i for i in free_src if i not in link.src]
            free_tgt = [j for j in free_tgt if j not in link.tgt]
    if not found:
        return steps
    used_src = {i for s in found for i in s.src}
    used_tgt = {j for s in found for j in s.tgt}
    kept_weak = [s for s in weak if not (set(s.src) & used_src or set(s.tgt) & used_tgt)]
    in_kept = {i for s in kept_weak for i in s.src}, {j for s in kept_weak for j in s.tgt}
    skip = scorer.w.skip
    return (strong + kept_weak + found
            + [Step((i,), (), skip) for i in free_src if i not in in_kept[0]]
            + [Step((), (j,), skip) for j in free_tgt if j not in in_kept[1]])


def _excess(step: Step, excess: Tables, band: Band) -> float:
    """What a link between contiguous runs scores above its bar."""
    return _cell(step.src, step.tgt, excess, band)


def _cell(src: tuple[int, ...], tgt: tuple[int, ...], tables: Tables, band: Band) -> float:
    i, j = src[-1] + 1, tgt[-1] + 1
    return float(tables[(len(src), len(tgt))][i, j - band.lo[i]])


def _pair_runs(src_run: list[int], tgt_run: list[int], tables: Tables, excess: Tables,
               band: Band) -> list[Step]:
    """Confident links between two runs of leftover sentences, in original indices.

    Only links above their bar are worth anything here, so the programme maximises the
    sum of (score - bar) and never trades a confident link for weak ones. Scores are
    given back on the pass's scale.
    """
    n, m = len(src_run), len(tgt_run)
    sub_band = Band.full(n, m)
    # Runs are contiguous: sub-grid cell (a, b) is cell (i0 + a, j0 + b) of the pass's
    # grid, found in its band at column j0 + b - lo[i0 + a] (or outside it: -inf).
    rows = src_run[0] + np.arange(n + 1)
    cols = tgt_run[0] + np.arange(m + 1)[None, :] - band.lo[rows][:, None]
    inside = (cols >= 0) & (cols < band.width)
    safe = np.clip(cols, 0, band.width - 1)
    scores = {mv: np.where(inside, t[rows[:, None], safe], -np.inf)
              for mv, t in excess.items()}
    path = best_path(scores, sub_band, n, m, skip=0.0)
    out = []
    for step in path:
        if step.src and step.tgt and step.score >= 0:
            src = tuple(src_run[i] for i in step.src)
            tgt = tuple(tgt_run[j] for j in step.tgt)
            out.append(Step(src, tgt, _cell(src, tgt, tables, band)))
    return out
