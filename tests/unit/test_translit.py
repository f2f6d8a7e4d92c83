"""Romanised names: the official Cyrillic tables (via translitua) and Korean RR by hand;
word links between a Cyrillic or Korean sentence and an English one."""

from __future__ import annotations

import pytest

from provenance.crosslingual.translit import (
    consonant_skeleton,
    link_unknown_name,
    pinyin_skeleton,
    romanize,
    translit_overlap,
    word_links,
)
from provenance.glossary import default_glossary

# Examples printed in the Ukrainian table itself (KMU resolution 55 of 2010).
KMU_EXAMPLES = {
    "Згорани": "Zghorany", "Розгон": "Rozghon", "Єнакієве": "Yenakiieve",
    "Гаєвич": "Haievych", "Їжакевич": "Yizhakevych", "Кадиївка": "Kadyivka",
    "Йосипівка": "Yosypivka", "Стрий": "Stryi", "Олексій": "Oleksii",
    "Юрій": "Yurii", "Корюківка": "Koriukivka", "Яготин": "Yahotyn",
    "Костянтин": "Kostiantyn", "Знам'янка": "Znamianka", "Феодосія": "Feodosiia",
    "Щербухи": "Shcherbukhy", "Гоща": "Hoshcha",
}


@pytest.mark.parametrize(("cyrillic", "latin"), sorted(KMU_EXAMPLES.items()))
def test_ukrainian_follows_the_national_table(cyrillic, latin):
    assert romanize(cyrillic, "uk") == latin


def test_an_apostrophe_is_not_a_word_start():
    # The hand-written table read "я" after an apostrophe as word-initial ("Znamyanka")
    # for ' and ’ but not for ʼ; the table says "ia" after any of them.
    assert {romanize(f"Знам{mark}янка", "uk") for mark in "'’ʼ"} == {"Znamianka"}


def test_russian_follows_the_passport_table():
    assert romanize("Щербаков", "ru") == "Shcherbakov"
    assert romanize("Коммерсантъ", "ru") == "Kommersantie"  # ICAO: ъ -> ie
    assert romanize("Ёлкин", "ru") == "Elkin"
    assert romanize("Юрий Гагарин", "ru") == "Iurii Gagarin"
    assert romanize("Путин", "be") == "Putin"  # the Russian table for other Cyrillic


def test_unnamed_language_is_told_by_its_letters():
    assert romanize("Київ", "und") == "Kyiv"  # ї: Ukrainian
    assert romanize("Москва", "und") == "Moskva"
    assert romanize("Musk", "und") == "Musk"


def test_korean_revised_romanization_links_syllables():
    assert romanize("한국어", "ko") == "hangugeo"
    assert romanize("로이터", "ko") == "roiteo"
    assert romanize("폭스뉴스", "ko") == "pokseunyuseu"


def test_unknown_relay_spellings_link_to_their_concept():
    g = default_glossary()
    assert link_unknown_name("Зеленський", "uk", g) == ("volodymyr-zelensky", 1.0)
    assert link_unknown_name("Безоса", "ru", g)[0] == "jeff-bezos"
    assert link_unknown_name("머스크", "ko", g) == ("elon-musk", 1.0)
    assert link_unknown_name("Знам'янка", "uk", g) is None


# -- word links ------------------------------------------------------------------------
EN = "Kremlin spokesman Dmitry Peskov said Musk had spoken to Putin only once in 2021."


def _pairs(links):
    return {(k.src_text, k.tgt_text) for k in links}


def test_ukrainian_names_link_to_their_english_spelling_through_inflection():
    uk = "Речник Кремля Дмитро Пєсков заявив, що Маск говорив з Путіним лише раз у 2021 році."
    links = word_links(uk, EN, "uk")
    assert {("Кремля", "Kremlin"), ("Дмитро", "Dmitry"), ("Пєсков", "Peskov"),
            ("Маск", "Musk"), ("Путіним", "Putin"), ("2021", "2021")} <= _pairs(links)
    for k in links:
        assert uk[k.src_start:k.src_end] == k.src_text and EN[k.tgt_start:k.tgt_end] == k.tgt_text
    assert not any(k.src_text in ("заявив", "говорив", "лише") for k in links)


def test_russian_and_korean_names_link_too():
    ru = "Пресс-секретарь Кремля Дмитрий Песков заявил, что Маск говорил с Путиным."
    assert {("Кремля", "Kremlin"), ("Песков", "Peskov"), ("Путиным", "Putin")} <= \
        _pairs(word_links(ru, EN, "ru"))
    ko = "드미트리 페스코프 크렘린 대변인은 머스크가 푸틴과 대화했다고 월스트리트저널이 보도했다."
    en = EN + " The Wall Street Journal reported it."
    assert {("페스코프", "Peskov"), ("머스크", "Musk"), ("푸틴", "Putin"), ("크렘린", "Kremlin"),
            ("월스트리트저널", "Wall Street Journal")} <= _pairs(word_links(ko, en, "ko"))
    # a Korean word meets names only, never an ordinary English word
    assert word_links("대화했다", "he said a dialogue", "ko") == []


def test_translit_overlap_prefers_the_sentence_naming_the_same_people():
    uk = "Речник Кремля Дмитро Пєсков заявив, що Маск говорив з Путіним."
    assert translit_overlap(uk, EN, "uk") > translit_overlap(uk, "The weather was fine.", "uk")


@pytest.mark.parametrize(("latin", "pinyin", "skeleton"), [
    ("Peskov", ["pei4", "si1", "ke1", "fu1"], "PSKP"),
    ("Kiriyenko", ["ji1", "li3", "yan2", "ke1"], "KRNK"),
    ("Zelensky", ["ze2", "lian2", "si1", "ji1"], "SRNSK"),
    ("Bremmer", ["bu4", "lei2", "mo4"], "PRM"),
])
def test_chinese_transliterations_keep_the_consonants_in_order(latin, pinyin, skeleton):
    assert consonant_skeleton(latin) == pinyin_skeleton(pinyin) == skeleton
