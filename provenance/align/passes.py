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

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from provenance.align.absorb import absorb_left_out, cell_score
from provenance.align.embedding import CONCAT_MAX, Embed, RunVectors, uncertain_stretches
from provenance.align.features import (
    VECTOR_SKELETON_WEIGHTS,
    VECTOR_TEXT_WEIGHTS,
    Band,
    PairScorer,
    Weights,
)
from provenance.align.monotonic import (
    EXTENDED_MOVES,
    LINK_MOVES,
    MonotonicResult,
    Step,
    Tables,
    align_monotonic,
)
from provenance.align.recut import recut_links, shift_links
from provenance.align.reorder import find_moved
from provenance.align.summary import contest_links, is_summary
from provenance.crosslingual.vectors import switched_off
from provenance.lang import same_language

#: Texts per pair that may be embedded: each sentence given vectors costs one text, plus
#: one per merge size (its run with the next sentences, embedded whole). At least
#: ``VECTOR_BUDGET`` (a news pair of up to ~65 sentences a side is covered whole); a pair
#: that three texts a sentence cover within ``VECTOR_BUDGET_MAX`` (a chapter of ~650
#: sentences a side) is covered whole (``default_budget``). 35-70 ms a text on two cores
#: the first time (4,000 texts: under 5 minutes), nothing once cached. On the fixed 400
#: texts a chapter lost most of what vectors give. Strict F1 on chained WMT documents
#: with many merges, 400 texts -> whole: en→zh.a 501 x 451 sentences 0.751 -> 0.899
#: (2,856 texts), uk→en 417 x 383 0.821 -> 0.932. A book-length pair keeps 400 texts
#: (``vector_budget`` covers it whole: en→zh.a 1,160 x 1,092 in order 0.855 -> 0.963 on
#: 5,000 texts), so that a 5,000-sentence pair stays within a minute.
VECTOR_BUDGET = 400
VECTOR_BUDGET_MAX = 4000
#: Whether vectors are used by default when both sides are in one language (they always
#: are across languages). On two Chinese translations of one text they add 0.007-0.016
#: strict F1 to the text similarity (seed 13; 0.959 -> 0.976-0.982 on unseen seeds),
#: for the sentences the cheap pass left open (~80% there).
VECTORS_SAME_LANGUAGE = True


@dataclass(frozen=True)
class VectorPlan:
    """How sentence vectors enter an alignment; every field goes into the signature
    except ``embed`` (the model is named by ``model``)."""

    embed: Embed
    model: str
    weights: Weights
    #: texts that may be embedded; None: by the pair's size (see VECTOR_BUDGET)
    budget: int | None
    #: Link shapes of the pass with vectors (the cheap pass keeps its own): with vectors
    #: 2-2, 1-3 and 3-1 links cost nothing on news and are what many-merge text needs.
    moves: tuple[tuple[int, int], ...] = EXTENDED_MOVES
    #: Runs up to this many sentences are embedded whole, longer ones averaged.
    concat_max: int = CONCAT_MAX
    #: A cheap-pass link scoring at least this is decided without vectors.
    confident: float = 6.0
    #: Neighbours added on each side of an open stretch.
    pad: int = 2
    #: Around every merge or split of the pass with vectors, embed the runs one sentence
    #: longer whole and align again (see :func:`_refine_runs`).
    refine: bool = True
    #: Join to a neighbouring link the omissions and additions that one of its sentences
    #: renders in a clause (:mod:`provenance.align.absorb`).
    absorb: bool = True
    #: Join two 1-1 links into one 2-2 link where lengths and a moved clause show that the
    #: translator cut the two sentences at another place (:mod:`provenance.align.recut`).
    recut: bool = True
    #: Where the links leave most of the source out (a summary), undo or re-pair the links
    #: that whole-pair vector margins contradict (:mod:`provenance.align.summary`).
    contest: bool = True

    def settings(self) -> dict[str, Any]:
        return {"vectors": self.model, "vector_concat_max": self.concat_max,
                "vector_moves": ",".join(f"{k}-{ln}" for k, ln in self.moves),
                "vector_budget": self.budget,
                "vector_confident": self.confident, "vector_pad": self.pad,
                "vector_refine": "runs-around-merges" if self.refine else "none",
                "vector_absorb": "clauses" if self.absorb else "none",
                "vector_recut": "clauses" if self.recut else "none",
                "vector_contest": "summaries" if self.contest else "none"}


def default_budget(n: int, m: int, per_sentence: int) -> int:
    """Texts a pair of ``n`` and ``m`` sentences may embed (see :data:`VECTOR_BUDGET`):
    every sentence and its runs (``per_sentence`` texts each), and one text more each for
    what the later passes embed (longer runs around merges, clauses), when that fits in
    :data:`VECTOR_BUDGET_MAX`; else the fixed budget, spent on the stretches the cheap
    evidence leaves most uncertain (covering part of a book-length pair buys little:
    0.692 -> 0.776 on 3,000 texts of the 1,160 x 1,092 pair below)."""
    whole = (per_sentence + 1) * (n + m)
    return max(VECTOR_BUDGET, whole) if whole <= VECTOR_BUDGET_MAX else VECTOR_BUDGET


def vector_plan(wanted: bool | None, budget: int | None, src_lang: str, tgt_lang: str, *,
                full_text: bool, weights: Weights | None = None,
                extended_moves: bool | None = None) -> VectorPlan | None:
    """How sentence vectors take part in one alignment, or None: not wanted, or not
    installed here (``crosslingual.vectors.available`` says so once on stderr).

    ``full_text``: the sides are compared as text (same language, real MT), not as a
    gloss skeleton; it picks the tuned weights unless ``weights`` are given.
    """
    if wanted is False or (wanted is None and switched_off()):
        return None
    if wanted is None and same_language(src_lang, tgt_lang) and not VECTORS_SAME_LANGUAGE:
        return None
    from provenance.crosslingual import vectors

    if not vectors.available():
        return None
    plan = VectorPlan(embed=vectors.sentence_vectors, model=vectors.MODEL,
                      weights=weights or (VECTOR_TEXT_WEIGHTS if full_text
                                          else VECTOR_SKELETON_WEIGHTS),
                      budget=budget)
    if extended_moves is not None:
        plan = replace(plan, moves=EXTENDED_MOVES if extended_moves else LINK_MOVES)
    return plan


@dataclass
class Passes:
    """The chosen steps, the mode used and the settings of the search."""

    steps: list[Step]
    mode: str
    settings: dict[str, Any]


def run_passes(scorer: PairScorer, src: Sequence[str], tgt: Sequence[str], src_lang: str,
               tgt_lang: str, moves: tuple[tuple[int, int], ...], mode: str,
               plan: VectorPlan | None, on_phase: Callable[[str], None] | None = None
               ) -> Passes:
    """Align ``src`` with ``tgt`` (``mode`` as in :func:`provenance.align.align`); the
    cheap pass uses ``moves``, the pass with vectors ``plan.moves``. ``on_phase`` hears
    when the search for moved blocks starts."""
    phase = on_phase or (lambda name: None)
    n, m = len(src), len(tgt)
    first = align_monotonic(scorer, n, m, moves)
    if plan is None:
        return _reorder(scorer, first, mode, {"vectors": "none"}, phase)
    sizes_src = sorted({k for k, _ in plan.moves})
    sizes_tgt = sorted({ln for _, ln in plan.moves})
    # A sentence costs one text, and one more per run size embedded whole.
    per_sentence = len([k for k in set(sizes_src) | set(sizes_tgt) if k <= plan.concat_max])
    if plan.budget is None:
        plan = replace(plan, budget=default_budget(n, m, per_sentence))
    assert plan.budget is not None
    path = [(len(s.src), len(s.tgt), s.score) for s in first.steps]
    src_on, tgt_on = uncertain_stretches(path, n, m, plan.confident, plan.pad, plan.budget,
                                         per_sentence)
    settings = {**plan.settings(), "vector_sentences": int(src_on.sum() + tgt_on.sum())}
    if not (src_on.any() and tgt_on.any()):
        return _reorder(scorer, first, mode, settings, phase)
    vectors = (
        RunVectors.build(src, src_lang, src_on, sizes_src, plan.embed, plan.concat_max),
        RunVectors.build(tgt, tgt_lang, tgt_on, sizes_tgt, plan.embed, plan.concat_max),
    )
    scorer.vectors = vectors
    scorer.w, scorer.plain_moves = plan.weights, frozenset(moves)
    # The band of a long pair stays where the cheap anchors put it: vectors cover only
    # part of the pair, and anchors found on a mix of scales would be worse.
    second = align_monotonic(scorer, n, m, plan.moves, band=first.band)
    spent = per_sentence * settings["vector_sentences"]
    if plan.refine:
        refined = _refine_runs(scorer, second.steps, src, tgt, src_lang, tgt_lang, plan,
                               spent)
        if refined:
            spent += refined
            second = align_monotonic(scorer, n, m, plan.moves, band=first.band)
    found = _reorder(scorer, second, mode, settings, phase)
    if plan.absorb and second.band is not None:
        # after the re-report pass: links it re-paired are final, and leftovers it would
        # re-pair are not judged twice
        found.steps, used = absorb_left_out(
            found.steps, src, tgt, src_lang, tgt_lang, vectors, plan.embed, second.tables,
            second.band, max(0, plan.budget - spent), weights=plan.weights,
            length_fit=lambda s, t: float(scorer.length_fit(s, t)))
        spent += used
    if plan.recut and second.band is not None:
        found.steps, used = recut_links(
            found.steps, src, tgt, src_lang, tgt_lang, vectors, plan.embed, second.tables,
            second.band, max(0, plan.budget - spent),
            length_fit=lambda s, t: float(scorer.length_fit(s, t)), expansion=scorer.expansion)
        spent += used
        found.steps, used = shift_links(
            found.steps, src, tgt, src_lang, tgt_lang, vectors, plan.embed, second.tables,
            second.band, max(0, plan.budget - spent))
        spent += used
    if plan.contest and second.band is not None and is_summary(found.steps, n):
        found.steps = contest_links(found.steps, *vectors,
                                    cell_score=_cell_score(second.tables, second.band))
    return found


def _cell_score(tables: Tables, band: Band) -> Callable[[int, int], float | None]:
    """The pass's score of the 1-1 link of source i and target j; None outside its band."""
    return lambda i, j: cell_score(tables, band, (i,), (j,))


def _refine_runs(scorer: PairScorer, steps: Sequence[Step], src: Sequence[str],
                 tgt: Sequence[str], src_lang: str, tgt_lang: str, plan: VectorPlan,
                 spent: int) -> int:
    """Embed whole the runs of ``concat_max + 1`` sentences that extend a merge or split
    of ``steps`` by one neighbour (before or after), on the side that has the run;
    returns how many texts that took (0: nothing to realign).

    Runs that long are otherwise the mean of their sentences' vectors, which judges them
    poorly: on text with many merges most missed 3-1 links came out as a 2-1 link and an
    omission next to it. Embedding every such run whole costs one more text per chosen
    sentence; here at most two per merge or split found, within what is left of
    ``plan.budget`` (``spent``). Seed 13, many merges, with vector_cover 0.5 and no part
    test: strict F1 0.916 -> 0.936 en→zh.a, 0.934 -> 0.959 uk→en; every run of three
    whole: 0.948, 0.972 (~20 texts more per document pair).
    """
    assert scorer.vectors is not None
    src_vec, tgt_vec = scorer.vectors
    size = plan.concat_max + 1
    src_ends: list[int] = []
    tgt_ends: list[int] = []
    for st in steps:
        for run, ends in ((st.src, src_ends), (st.tgt, tgt_ends)):
            if len(run) == size - 1 and st.src and st.tgt:
                ends.extend((run[-1] + 1, run[-1] + 2))
    left = max(0, (plan.budget or 0) - spent)
    # A budget cut short keeps the first runs of each side.
    src_ends = sorted(set(src_ends))[:left // 2 + left % 2]
    tgt_ends = sorted(set(tgt_ends))[:left // 2]
    return (src_vec.embed_whole(src, src_lang, size, src_ends, plan.embed)
            + tgt_vec.embed_whole(tgt, tgt_lang, size, tgt_ends, plan.embed))


def _reorder(scorer: PairScorer, in_order: MonotonicResult, mode: str,
             extra: dict[str, Any], phase: Callable[[str], None]) -> Passes:
    steps = in_order.steps
    used = "monotonic"
    if mode in ("auto", "reorder") and in_order.band is not None:
        phase("looking for moved blocks")
        moved = find_moved(scorer, steps, in_order.tables, in_order.band, in_order.bars)
        # auto takes the re-report pass's result whenever it re-paired something: a
        # moved block (crossing links) or in-order links it could confirm by content.
        if mode == "reorder" or moved is not steps:
            steps, used = moved, "reorder"
    return Passes(steps, used, {**in_order.settings, **extra})
