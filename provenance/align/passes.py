"""The alignment passes: a cheap in-order pass, sentence vectors where it left doubt,
then the in-order and re-report passes with every signal.

Sentence vectors are the strongest evidence across languages and by far the most
expensive (tens of milliseconds a sentence against microseconds for names, numbers and
lengths). So the cheap evidence runs first; the stretches of its path that it could not
decide (weak links, omissions, additions: where a block moved, where a merge or an
insertion confused it) get vectors, up to a budget of texts to embed per pair, and the
search runs again with the vector margins added.

Measured on the perturbed WMT pairs (seed 13): embedding only the open stretches gives
the same strict F1 as embedding every sentence, and saves most on faithful pairs with a
real translation or in one language; across languages without MT few links are decided
by names and numbers alone, so most sentences get vectors there.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from provenance.align.embedding import CONCAT_MAX, Embed, RunVectors, uncertain_stretches
from provenance.align.features import PairScorer, Weights
from provenance.align.monotonic import EXTENDED_MOVES, MonotonicResult, Step, align_monotonic
from provenance.align.reorder import find_moved


@dataclass(frozen=True)
class VectorPlan:
    """How sentence vectors enter an alignment; every field goes into the signature
    except ``embed`` (the model is named by ``model``)."""

    embed: Embed
    model: str
    weights: Weights
    budget: int
    #: Link shapes of the pass with vectors (the cheap pass keeps its own): with vectors
    #: 2-2, 1-3 and 3-1 links cost nothing on news and are what many-merge text needs.
    moves: tuple[tuple[int, int], ...] = EXTENDED_MOVES
    #: Runs up to this many sentences are embedded whole, longer ones averaged.
    concat_max: int = CONCAT_MAX
    #: A cheap-pass link scoring at least this is decided without vectors.
    confident: float = 6.0
    #: Neighbours added on each side of an open stretch.
    pad: int = 2

    def settings(self) -> dict[str, Any]:
        return {"vectors": self.model, "vector_concat_max": self.concat_max,
                "vector_moves": ",".join(f"{k}-{ln}" for k, ln in self.moves),
                "vector_budget": self.budget,
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
    """Align ``src`` with ``tgt`` (``mode`` as in :func:`provenance.align.align`); the
    cheap pass uses ``moves``, the pass with vectors ``plan.moves``."""
    n, m = len(src), len(tgt)
    first = align_monotonic(scorer, n, m, moves)
    if plan is None:
        return _reorder(scorer, first, mode, {"vectors": "none"})
    sizes_src = sorted({k for k, _ in plan.moves})
    sizes_tgt = sorted({ln for _, ln in plan.moves})
    # A sentence costs one text, and one more per run size embedded whole.
    per_sentence = len([k for k in set(sizes_src) | set(sizes_tgt) if k <= plan.concat_max])
    path = [(len(s.src), len(s.tgt), s.score) for s in first.steps]
    src_on, tgt_on = uncertain_stretches(path, n, m, plan.confident, plan.pad, plan.budget,
                                         per_sentence)
    settings = {**plan.settings(), "vector_sentences": int(src_on.sum() + tgt_on.sum())}
    if not (src_on.any() and tgt_on.any()):
        return _reorder(scorer, first, mode, settings)
    scorer.vectors = (
        RunVectors.build(src, src_lang, src_on, sizes_src, plan.embed, plan.concat_max),
        RunVectors.build(tgt, tgt_lang, tgt_on, sizes_tgt, plan.embed, plan.concat_max),
    )
    scorer.w, scorer.plain_moves = plan.weights, frozenset(moves)
    # The band of a long pair stays where the cheap anchors put it: vectors cover only
    # part of the pair, and anchors found on a mix of scales would be worse.
    second = align_monotonic(scorer, n, m, plan.moves, band=first.band)
    return _reorder(scorer, second, mode, settings)


def _reorder(scorer: PairScorer, in_order: MonotonicResult, mode: str,
             extra: dict[str, Any]) -> Passes:
    steps = in_order.steps
    used = "monotonic"
    if mode in ("auto", "reorder") and in_order.band is not None:
        moved = find_moved(scorer, steps, in_order.tables, in_order.band, in_order.bars)
        # auto takes the re-report pass's result whenever it re-paired something: a
        # moved block (crossing links) or in-order links it could confirm by content.
        if mode == "reorder" or moved is not steps:
            steps, used = moved, "reorder"
    return Passes(steps, used, {**in_order.settings, **extra})
