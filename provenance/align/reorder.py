"""Re-report mode: find blocks that moved, giving crossing links.

A re-report keeps most sentences in order but moves a paragraph. The in-order pass
then leaves the moved sentences out on both sides: an omission where the block was and
an addition where it went. This pass aligns those leftovers with each other, anywhere
in the documents, and keeps only links backed by content (shared names, numbers, text),
never by length alone, because out-of-order links have no position to support them.
"""

from __future__ import annotations

from provenance.align.features import Band, PairScorer
from provenance.align.monotonic import Step, best_path, score_tables

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


def find_moved(scorer: PairScorer, steps: list[Step]) -> list[Step]:
    """Steps with leftovers re-paired where content says a block moved.

    Returns the original steps when nothing moved; otherwise the in-order links, the new
    (possibly crossing) links, and the remaining omissions and additions.
    """
    kept = [s for s in steps if s.src and s.tgt]
    free_src = [s.src[0] for s in steps if s.src and not s.tgt]
    free_tgt = [s.tgt[0] for s in steps if s.tgt and not s.src]
    threshold = scorer.w.link_bonus + scorer.w.moved_margin
    found: list[Step] = []
    for _ in range(MAX_ROUNDS):
        best: tuple[float, list[Step]] | None = None
        for src_run in _runs(free_src):
            for tgt_run in _runs(free_tgt):
                links = _pair_runs(scorer, src_run, tgt_run, threshold)
                gain = sum(s.score for s in links)
                if links and (best is None or gain > best[0]):
                    best = (gain, links)
        if best is None:
            break
        for link in best[1]:
            found.append(link)
            free_src = [i for i in free_src if i not in link.src]
            free_tgt = [j for j in free_tgt if j not in link.tgt]
    if not found:
        return steps
    skip = scorer.w.skip
    return (kept + found + [Step((i,), (), skip) for i in free_src]
            + [Step((), (j,), skip) for j in free_tgt])


def _pair_runs(scorer: PairScorer, src_run: list[int], tgt_run: list[int],
               threshold: float) -> list[Step]:
    """Confident links between two runs of leftover sentences, in original indices."""
    sub = scorer.subset(src_run, tgt_run)
    n, m = len(src_run), len(tgt_run)
    band = Band.full(n, m)
    tables = score_tables(sub, band, calibrate=False)
    path = best_path(tables, band, n, m, skip=scorer.w.skip)
    return [
        Step(tuple(src_run[i] for i in s.src), tuple(tgt_run[j] for j in s.tgt), s.score)
        for s in path
        if s.src and s.tgt and s.score >= threshold
    ]
