"""Omissions and additions rendered by a clause of the neighbouring link's sentence join
that link (provenance.align.absorb)."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from support.topic_vectors import topic_embed, topic_runs

from provenance.align.absorb import absorb_left_out, clauses, end_pieces
from provenance.align.features import VECTOR_SKELETON_WEIGHTS, Band
from provenance.align.monotonic import Step


def _absorb(src: list[str], tgt: list[str], steps: list[Step],
            shapes: Sequence[tuple[int, int]] = ((1, 1), (2, 1), (1, 2))) -> list[Step]:
    vectors = topic_runs(src, tgt)
    band = Band.full(len(src), len(tgt))
    tables = {shape: np.zeros((len(src) + 1, len(tgt) + 1)) for shape in shapes}
    out, _ = absorb_left_out(steps, src, tgt, "en", "en", vectors, topic_embed, tables,
                             band, 100, weights=VECTOR_SKELETON_WEIGHTS,
                             length_fit=lambda s, t: 0.0)
    return out


SRC = ["Alpha is here.", "Beta came.", "Gamma left.", "Delta stays.", "Epsilon waits."]


def test_an_omission_rendered_by_the_last_clause_of_a_merged_sentence_joins_it() -> None:
    tgt = ["ALPHA here.", "BETA came, and GAMMA left.", "DELTA stays.", "EPSILON waits."]
    steps = [Step((0,), (0,), 1.0), Step((1,), (1,), 1.0), Step((2,), (), 0.0),
             Step((3,), (2,), 1.0), Step((4,), (3,), 1.0)]
    out = _absorb(SRC, tgt, steps)
    assert [(st.src, st.tgt) for st in out] == [((0,), (0,)), ((1, 2), (1,)), ((3,), (2,)),
                                               ((4,), (3,))]


def test_an_addition_rendering_the_first_clause_of_a_source_sentence_joins_its_link() -> None:
    src = ["Alpha is here.", "Beta came; gamma left.", "Delta stays.", "Epsilon waits."]
    tgt = ["ALPHA here.", "BETA came.", "GAMMA left.", "DELTA stays.", "EPSILON waits."]
    steps = [Step((0,), (0,), 1.0), Step((), (1,), 0.0), Step((1,), (2,), 1.0),
             Step((2,), (3,), 1.0), Step((3,), (4,), 1.0)]
    out = _absorb(src, tgt, steps)
    assert ((1,), (1, 2)) in [(st.src, st.tgt) for st in out]


def test_a_true_omission_a_shape_off_the_search_and_a_clause_of_the_link_stay_apart() -> None:
    # the omitted sentence is rendered nowhere: no clause of its neighbour renders it
    tgt = ["ALPHA here.", "BETA came, and it rained.", "DELTA stays.", "EPSILON waits."]
    steps = [Step((0,), (0,), 1.0), Step((1,), (1,), 1.0), Step((2,), (), 0.0),
             Step((3,), (2,), 1.0), Step((4,), (3,), 1.0)]
    assert _absorb(SRC, tgt, steps) == steps
    # rendered, but a 2-1 link is not a shape the search allowed
    merged = ["ALPHA here.", "BETA came, and GAMMA left.", "DELTA stays.", "EPSILON waits."]
    assert _absorb(SRC, merged, steps, shapes=((1, 1),)) == steps
    # the clause renders the link's own sentence better than the left-out one
    again = ["ALPHA here.", "GAMMA came, and BETA BETA left.", "DELTA stays.",
             "EPSILON waits."]
    assert _absorb(SRC, again, steps) == steps


def test_clauses_cut_at_clause_punctuation_but_not_inside_numbers() -> None:
    # a Latin full stop inside a sentence is most often an abbreviation (U.S.): no cut
    assert clauses("He said 2,000 people came, “and left.” Then, silence") == [
        "He said 2,000 people came,", "“and left.” Then,", "silence"]
    assert clauses("Wait! Who? Him: yes") == ["Wait!", "Who?", "Him:", "yes"]
    assert clauses("第一句，第二句。第三句") == ["第一句，", "第二句。", "第三句"]
    assert end_pieces("第一句，第二句。第三句", "zh", at_end=True) == [
        ("第三句", "第一句，第二句。"), ("第二句。第三句", "第一句，")]
    assert end_pieces("One, two", "en", at_end=False) == [("One,", "two")]
    assert end_pieces("No clause here", "en", at_end=True) == []


def test_an_omission_next_to_a_split_joins_it_as_a_re_cut_two_two_link() -> None:
    # "Beta came." moved into the first target sentence of the 1-2 link that follows it
    src = ["Alpha is here.", "Beta came.", "Gamma left; delta stays.", "Epsilon waits."]
    tgt = ["ALPHA here.", "BETA came, and GAMMA left.", "DELTA stays.", "EPSILON waits."]
    steps = [Step((0,), (0,), 1.0), Step((1,), (), 0.0), Step((2,), (1, 2), 1.0),
             Step((3,), (3,), 1.0)]
    shapes = ((1, 1), (2, 1), (1, 2), (2, 2))
    assert [(st.src, st.tgt) for st in _absorb(src, tgt, steps, shapes)] == [
        ((0,), (0,)), ((1, 2), (1, 2)), ((3,), (3,))]
    # without 2-2 links in the search the omission stays
    assert _absorb(src, tgt, steps) == steps


def test_an_addition_after_a_merge_joins_it_from_the_clause_of_its_last_sentence() -> None:
    # the clause rendering the added sentence ends the second source sentence of the link
    src = ["Alpha is here.", "Beta came.", "Gamma left, and delta stays.", "Epsilon waits."]
    tgt = ["ALPHA here.", "BETA came; GAMMA left.", "DELTA stays.", "EPSILON waits."]
    steps = [Step((0,), (0,), 1.0), Step((1, 2), (1,), 1.0), Step((), (2,), 0.0),
             Step((3,), (3,), 1.0)]
    shapes = ((1, 1), (2, 1), (1, 2), (2, 2))
    assert ((1, 2), (1, 2)) in [(st.src, st.tgt) for st in _absorb(src, tgt, steps, shapes)]
    # a clause of the link's first sentence is not where a sentence after it would go
    first = ["Alpha is here.", "Beta came, and delta stays.", "Gamma left.", "Epsilon waits."]
    assert _absorb(first, tgt, steps, shapes) == steps
