"""The alignment passes: a cheap in-order pass, sentence vectors where it left doubt,
then the in-order and re-report passes with every signal.

Sentence vectors are the strongest evidence across languages and by far the most
expensive (tens of milliseconds a sentence against microseconds for names, numbers and
lengths). So the cheap evidence runs first; the stretches of its path that it could not
decide (weak links, omissions, additions: where a block moved, where a merge or an
insertion confused it) get vectors, up to a budget of sentences per pair, and the
search runs again with the vector margins added. A pair short enough for the budget
may instead be embedded whole (``VectorPlan.select``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from provenance.align.embedding import Embed, RunVectors, uncertain_stretches
from provenance.align.features import PairScorer, Weights
from provenance.align.monotonic import MonotonicResult, Step, align_monotonic
from provenance.align.reorder import find_moved

#: Which sentences get vectors: "open" embeds the stretches the cheap pass left open,
#: "all" every sentence of a pair that fits in the budget (and "open" beyond it).
SELECT = ("open", "all")


@dataclass(frozen=True)
class VectorPlan:
    """How sentence vectors enter an alignment; every field goes into the signature
    except ``embed`` (the model is named by ``model``)."""

    embed: Embed
    model: str
    weights: Weights
    budget: int
    run_vectors: str = "concat"
    select: str = "open"
    #: A cheap-pass link scoring at least this is decided without vectors.
    confident: float = 6.0
    #: Neighbours added on each side of an open stretch.
    pad: int = 2

    def settings(self) -> dict[str, Any]:
        return {"vectors": self.model, "vector_runs": self.run_vectors,
                "vector_select": self.select, "vector_budget": self.budget,
                "vector_confident": self.confident, "vector_pad": self.pad}


@dataclass
class Passes:
    """The chosen steps, the mode used and the settings of the search."""

    steps: list[Step]
    mode: str
    settings: dict[str, Any]


def run_passes(scorer: PairScorer, src: Sequence[str], tgt: Sequence[str], src_lang: str,
               tgt_lang: str, moves: tuple[tuple[int, int], ...], mode: str,
               plan: VectorPlan | None) -> Passes:
    """Align ``src`` with ``tgt`` (``mode`` as in :func:`provenance.align.align`)."""
    n, m = len(src), len(tgt)
    first = align_monotonic(scorer, n, m, moves)
    if plan is None:
        return _reorder(scorer, first, mode, {"vectors": "none"})
    src_on, tgt_on = _choose(plan, first, n, m, len({k for k, _ in moves} | {ln for _, ln in moves})
                             if plan.run_vectors == "concat" else 1)
    settings = {**plan.settings(), "vector_sentences": int(src_on.sum() + tgt_on.sum())}
    if not (src_on.any() and tgt_on.any()):
        return _reorder(scorer, first, mode, settings)
    sizes_src = sorted({k for k, _ in moves})
    sizes_tgt = sorted({ln for _, ln in moves})
    scorer.vectors = (
        RunVectors.build(src, src_lang, src_on, sizes_src, plan.embed, plan.run_vectors),
        RunVectors.build(tgt, tgt_lang, tgt_on, sizes_tgt, plan.embed, plan.run_vectors),
    )
    scorer.w = plan.weights
    second = align_monotonic(scorer, n, m, moves)
    return _reorder(scorer, second, mode, settings)


def _choose(plan: VectorPlan, first: MonotonicResult, n: int, m: int,
            texts_per_sentence: int) -> tuple[np.ndarray, np.ndarray]:
    if plan.select == "all" and (n + m) * texts_per_sentence <= plan.budget:
        return np.ones(n, dtype=bool), np.ones(m, dtype=bool)
    path = [(len(s.src), len(s.tgt), s.score) for s in first.steps]
    return uncertain_stretches(path, n, m, plan.confident, plan.pad, plan.budget,
                               texts_per_sentence)


def _reorder(scorer: PairScorer, in_order: MonotonicResult, mode: str,
             extra: dict[str, Any]) -> Passes:
    steps = in_order.steps
    used = "monotonic"
    if mode in ("auto", "reorder") and in_order.band is not None:
        moved = find_moved(scorer, steps, in_order.tables, in_order.band)
        # auto takes the re-report pass's result whenever it re-paired something: a
        # moved block (crossing links) or in-order links it could confirm by content.
        if mode == "reorder" or moved is not steps:
            steps, used = moved, "reorder"
    return Passes(steps, used, {**in_order.settings, **extra})
