"""Sentence alignment: each link type on small hand-made pairs, coverage, determinism."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from conftest import REPO
from support.alignment_checks import assert_covers, pairs

from provenance.align import align
from provenance.errors import BadInput

# Eight sentences of one story, each with its own names and numbers.
STORY = [
    "Blue Origin is seeking new contracts with the US government, The Wall Street Journal "
    "reported on Thursday.",
    "Jeff Bezos met Pentagon officials in Washington to discuss the New Glenn rocket.",
    "The company has spent about $5.9 billion on its launch facilities in Florida.",
    "SpaceX still carries most national security payloads into orbit.",
    "Elon Musk said on social media that his company would keep flying for NASA.",
    "Analysts at Quilty Space expect 12 New Glenn launches by 2027.",
    "The Space Force declined to comment on the talks.",
    "Shares of rival Rocket Lab rose 4 percent in New York trading.",
]
# The same story as re-reported: reworded, same facts.
RETOLD = [
    "According to The Wall Street Journal, Blue Origin wants new US government contracts, "
    "it reported Thursday.",
    "Bezos held talks with officials of the Pentagon in Washington about New Glenn.",
    "Blue Origin has invested roughly $5.9 billion in its Florida launch sites.",
    "Most national security payloads are still launched by SpaceX.",
    "Musk wrote on social media that SpaceX would continue to fly for NASA.",
    "Quilty Space analysts forecast 12 launches of New Glenn by 2027.",
    "A Space Force spokesperson declined to comment.",
    "Rocket Lab shares gained 4 percent in New York.",
]


def test_one_to_one() -> None:
    result = align(STORY, RETOLD, "en", "en")
    assert pairs(result) == [((i,), (i,)) for i in range(8)]
    assert result.mode == "monotonic"
    assert all(link.score > 0 for link in result.links)


def test_split_one_to_two() -> None:
    tgt = RETOLD[:2] + ["Blue Origin has invested roughly $5.9 billion.",
                        "The money went into its Florida launch sites."] + RETOLD[3:]
    result = align(STORY, tgt, "en", "en")
    assert ((2,), (2, 3)) in pairs(result)
    assert ((3,), (4,)) in pairs(result)
    assert_covers(result, 8, 9)


def test_merge_two_to_one() -> None:
    tgt = RETOLD[:3] + [RETOLD[3] + " " + RETOLD[4]] + RETOLD[5:]
    result = align(STORY, tgt, "en", "en")
    assert ((3, 4), (3,)) in pairs(result)
    assert ((5,), (4,)) in pairs(result)
    assert_covers(result, 8, 7)


def test_omission_and_addition() -> None:
    added = "Meanwhile, heavy rain flooded several streets of Lisbon overnight."
    tgt = RETOLD[:2] + RETOLD[3:6] + [added] + RETOLD[6:]
    result = align(STORY, tgt, "en", "en")
    assert ((2,), ()) in pairs(result)
    assert ((), (5,)) in pairs(result)
    assert ((3,), (2,)) in pairs(result)
    assert_covers(result, 8, 8)
    # Omissions and additions carry no evidence, links do: the omission sorts after the
    # link holding the source sentence before it.
    order = pairs(result)
    assert order.index(((2,), ())) == order.index(((1,), (1,))) + 1


def test_moved_block_gives_crossing_links() -> None:
    # The relay moves sentences 2-3 after sentence 6.
    tgt = RETOLD[:2] + RETOLD[4:7] + RETOLD[2:4] + RETOLD[7:]
    result = align(STORY, tgt, "en", "en")
    assert result.mode == "reorder"
    assert ((2,), (5,)) in pairs(result)
    assert ((3,), (6,)) in pairs(result)
    assert ((4,), (2,)) in pairs(result)
    assert_covers(result, 8, 8)
    assert [link.tgt[0] for link in result.links if link.tgt] == list(range(8))
    # Forced in-order alignment cannot cross: the block becomes omission + addition.
    mono = align(STORY, tgt, "en", "en", mode="monotonic")
    assert mono.mode == "monotonic"
    assert ((2,), ()) in pairs(mono) and ((), (5,)) in pairs(mono)


def test_auto_stays_monotonic_without_moves_and_reorder_mode_is_reported() -> None:
    assert align(STORY, RETOLD, "en", "en", mode="auto").mode == "monotonic"
    forced = align(STORY, RETOLD, "en", "en", mode="reorder")
    assert forced.mode == "reorder"
    assert pairs(forced) == [((i,), (i,)) for i in range(8)]


def test_signature_records_the_settings() -> None:
    result = align(STORY, RETOLD, "en", "en", mode="auto")
    settings = result.signature.settings
    assert settings["align"] == "monotonic"
    assert settings["align_requested"] == "auto"
    assert settings["translator"] == "identity"
    assert "glossary" in settings and "band" in settings and "w_length" in settings
    assert str(result.signature).startswith("align:monotonic|")


def test_deterministic() -> None:
    tgt = RETOLD[:3] + [RETOLD[3] + " " + RETOLD[4]] + RETOLD[6:] + RETOLD[5:6]
    first = align(STORY, tgt, "en", "en").to_dict()
    assert all(align(STORY, tgt, "en", "en").to_dict() == first for _ in range(3))


@pytest.mark.parametrize(("n", "m"), [(0, 0), (0, 3), (3, 0)])
def test_empty_sides(n: int, m: int) -> None:
    result = align(STORY[:n], RETOLD[:m], "en", "en")
    assert_covers(result, n, m)
    assert all(not link.src or not link.tgt for link in result.links)


def test_cross_language_without_machine_translation() -> None:
    # Glossary names and numbers carry the pair; sentence 1 of the relay is new.
    zh = [
        "据《华尔街日报》报道，蓝色起源正在寻求美国政府的新合同。",
        "与此同时，里斯本夜间暴雨导致多条街道被淹。",
        "该公司已在佛罗里达州的发射设施上投入约59亿美元。",
        "分析师预计到2027年新格伦火箭将发射12次。",
    ]
    en = [STORY[0], STORY[2], STORY[5]]
    result = align(en, zh, "en", "zh-cn", translator="gloss")
    assert pairs(result) == [((0,), (0,)), ((), (1,)), ((1,), (2,)), ((2,), (3,))]
    assert result.signature.settings["translator"] == "gloss"


def test_translation_supplied_by_the_user() -> None:
    zh = ["据《华尔街日报》周四报道，蓝色起源正在寻求与美国政府签订新合同。",
          "杰夫·贝索斯在华盛顿会见了五角大楼官员，讨论新格伦火箭。",
          "该公司已在佛罗里达州的发射设施上花费了约59亿美元。"]
    rendering = ["Blue Origin is seeking new contracts with the US government, the WSJ said.",
                 "Jeff Bezos met Pentagon officials in Washington about the New Glenn rocket.",
                 "The company has spent about $5.9 billion on launch facilities in Florida."]
    result = align(zh, STORY[:3], "zh-cn", "en", translation=rendering)
    assert pairs(result) == [((i,), (i,)) for i in range(3)]
    assert result.signature.settings["translator"] == "file"


def test_bad_input() -> None:
    with pytest.raises(BadInput, match="mode"):
        align(STORY, RETOLD, "en", "en", mode="sideways")
    with pytest.raises(BadInput, match="one line per source sentence"):
        align(STORY, RETOLD, "zh", "en", translation=["only one line"])


def test_extended_moves_split_one_into_three() -> None:
    tgt = RETOLD[:2] + ["The company has spent heavily.",
                        "About $5.9 billion so far.",
                        "It went on its launch facilities in Florida."] + RETOLD[3:]
    result = align(STORY, tgt, "en", "en", extended_moves=True)
    assert ((2,), (2, 3, 4)) in pairs(result)
    assert result.signature.settings["moves"] == "1-1,1-2,2-1,2-2,1-3,3-1"
    assert_covers(result, 8, 10)
    # without sentence vectors to judge them, the extra shapes are off by default
    assert align(STORY, tgt, "en", "en", vectors=False).signature.settings["moves"] == \
        "1-1,1-2,2-1"


def test_same_result_in_a_fresh_process_with_another_hash_seed(tmp_path: Path) -> None:
    script = (
        "import json, sys\n"
        "sys.path[:0] = ['tests', 'tests/unit']\n"
        "from test_align import STORY, RETOLD\n"
        "from provenance.align import align\n"
        "tgt = RETOLD[:3] + [RETOLD[3] + ' ' + RETOLD[4]] + RETOLD[6:] + RETOLD[5:6]\n"
        "print(json.dumps(align(STORY, tgt, 'en', 'en').to_dict()))\n"
    )
    outputs = []
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed, "PROVENANCE_HOME": str(tmp_path / seed)}
        done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                              env=env, check=True, cwd=REPO)
        outputs.append(json.loads(done.stdout))
    assert outputs[0] == outputs[1]


def test_vector_budget_goes_to_the_longest_open_stretches_first() -> None:
    from provenance.align.embedding import uncertain_stretches

    # (source sentences, target sentences, score) along an in-order path of 12 x 11:
    # decided links (score 9) around one open sentence at 2 and an open run at 6-9.
    path = [(1, 1, 9.0)] * 2 + [(1, 0, 0.0), (0, 1, 0.0)] + [(1, 1, 9.0)] * 3 + [
        (1, 1, 1.0), (1, 0, 0.0), (2, 1, 0.5), (0, 1, 0.0)] + [(1, 1, 9.0)] * 2
    src, tgt = uncertain_stretches(path, 12, 11, confident=6.0, pad=1, budget=12)
    assert list(np.nonzero(src)[0]) == list(range(5, 11))  # 6-9 widened by one
    assert list(np.nonzero(tgt)[0]) == list(range(5, 10))
    src, tgt = uncertain_stretches(path, 12, 11, confident=6.0, pad=1, budget=17)
    assert src[1:4].all() and tgt[1:4].all()  # the short stretch too, when it fits
    assert src.sum() + tgt.sum() == 17
    nothing = uncertain_stretches(path, 12, 11, confident=6.0, pad=1, budget=5)
    assert not nothing[0].any() and not nothing[1].any()


def test_an_anchor_band_always_reaches_the_end_however_the_anchors_jump() -> None:
    # A relay reshuffled in blocks puts its anchors far from the diagonal and far from
    # each other; every band row must still overlap the one before it, and the last must
    # reach the target's end, or the search finds no path at all.
    import numpy as np

    from provenance.align.monotonic import _band_around

    rng = np.random.default_rng(5)
    for _ in range(200):
        n, m = int(rng.integers(1, 400)), int(rng.integers(1, 400))
        centre = np.sort(rng.integers(0, m + 1, size=n + 1))
        centre[rng.integers(0, n + 1)] += int(rng.integers(0, 3 * m + 1))  # a jump
        band = _band_around(centre, int(rng.integers(1, 30)), m)
        hi = band.lo + band.width - 1
        assert band.lo[0] == 0 and hi[-1] >= m
        assert (band.lo[1:] <= hi[:-1]).all() and (np.diff(band.lo) >= 0).all()
