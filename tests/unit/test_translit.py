"""Romanised names: the official Cyrillic tables (via translitua) and Korean RR by hand."""

from __future__ import annotations

import pytest

from provenance.crosslingual.translit import link_unknown_name, romanize
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
