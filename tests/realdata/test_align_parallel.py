"""Sentence alignment of real translations from ../shared/data/parallel: drops and
insertions, and the anchor band of long documents."""

from __future__ import annotations

import random

import pytest
from conftest import parallel_docs
from support.alignment_checks import assert_covers, pairs

from provenance.align import align


def test_real_document_with_drops_and_insertions_is_covered_once() -> None:
    doc = parallel_docs("en-zh")[0]
    zh_a = (doc / "zh.a.txt").read_text(encoding="utf-8").splitlines()
    zh_b = (doc / "zh.b.txt").read_text(encoding="utf-8").splitlines()
    rng = random.Random(3)
    kept = [s for s in zh_b if rng.random() > 0.2]
    kept.insert(len(kept) // 2, "今天的天气预报说，明天北京将有大雨。")
    result = align(zh_a, kept, "zh-cn", "zh-cn")
    assert_covers(result, len(zh_a), len(kept))
    matched = sum(1 for link in result.links if link.src and link.tgt)
    assert matched >= len(kept) - 3


def test_long_documents_use_an_anchor_band(monkeypatch: pytest.MonkeyPatch) -> None:
    # Shrink the limits so that a few real documents take the long-document path.
    from provenance.align import monotonic

    docs = parallel_docs("en-zh")[:4]
    zh_a = [s for d in docs for s in (d / "zh.a.txt").read_text(encoding="utf-8").splitlines()]
    zh_b = [s for d in docs for s in (d / "zh.b.txt").read_text(encoding="utf-8").splitlines()]
    del zh_b[10:13]
    full = align(zh_a, zh_b, "zh-cn", "zh-cn", mode="monotonic")
    monkeypatch.setattr(monotonic, "FULL_GRID_CELLS", 100)
    monkeypatch.setattr(monotonic, "ANCHOR_WINDOW", 10)
    monkeypatch.setattr(monotonic, "BAND_HALF_WIDTH", 6)
    banded = align(zh_a, zh_b, "zh-cn", "zh-cn", mode="auto")
    assert banded.signature.settings["band"] == "anchors±6"
    assert full.signature.settings["band"] == "full"
    assert_covers(banded, len(zh_a), len(zh_b))
    same = {(x.src, x.tgt) for x in full.links} & {(x.src, x.tgt) for x in banded.links}
    assert len(same) >= 0.95 * len(full.links)
    assert ((10,), ()) in pairs(banded) and ((13,), (10,)) in pairs(banded)
