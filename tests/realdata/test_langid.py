"""Language identification: seeds, real parallel documents, short and mixed sentences."""

from __future__ import annotations

import pytest
from conftest import SEEDS, parallel_docs

from provenance.langid import detect_language, sentence_language


def test_seeds_are_english() -> None:
    for path in sorted(SEEDS.glob("*.md")):
        code, confidence = detect_language(path.read_text(encoding="utf-8"))
        assert code == "en", path.name
        assert confidence > 0.9


@pytest.mark.parametrize("pair, name, expected", [
    ("en-zh", "en.txt", "en"),
    ("en-zh", "zh.a.txt", "zh-cn"),
    ("en-zh", "zh.b.txt", "zh-cn"),
    ("uk-en", "uk.txt", "uk"),
    ("uk-en", "en.a.txt", "en"),
])
def test_real_documents(pair: str, name: str, expected: str) -> None:
    for doc in parallel_docs(pair):
        code, confidence = detect_language((doc / name).read_text(encoding="utf-8"))
        assert code == expected, doc.name
        assert confidence >= 0.8


@pytest.mark.parametrize("text, expected", [
    ("베이조스는 이달 트럼프 대통령과 두 차례 통화했다.", "ko"),
    ("SpaceX는 59억 달러 규모의 계약을 따냈다", "ko"),
    ("블루오리진 CEO 데이브 림프는 백악관을 방문했다. https://www.asiae.co.kr", "ko"),
    ("贝索斯本月至少与特朗普通话两次。", "zh-cn"),
    ("Blue Origin CEO Dave Limp也会见了白宫办公厅主任。", "zh-cn"),
    ("貝佐斯本月至少與川普通話兩次。", "zh-tw"),
    ("Безос двічі говорив з Трампом.", "uk"),
    ("Безос говорив з Трампом", "uk"),
    ("Генеральний директор Blue Origin Дейв Лімп зустрівся з главою апарату.", "uk"),
    ("Безос дважды говорил с Трампом.", "ru"),
    ("Об этом сообщает The Wall Street Journal со ссылкой на источники.", "ru"),
    ("According to the WSJ, Bezos spoke with President Trump at least twice.", "en"),
])
def test_short_sentences(text: str, expected: str) -> None:
    code, confidence = detect_language(text)
    assert code == expected
    assert 0.0 < confidence <= 1.0


def test_no_letters_is_undetermined() -> None:
    assert detect_language("12.5 %, 2025-06-26 — https://x.com/a") == ("und", 0.0)


def test_deterministic() -> None:
    text = "Blue Origin 正在寻求 government contracts 合同"
    assert len({detect_language(text) for _ in range(5)}) == 1


def test_sentence_language_falls_back_for_short_or_same_script_sentences() -> None:
    assert sentence_language("SpaceX", "zh-cn") == "en"
    assert sentence_language("12 июня", "uk") == "uk"  # no telling letter: article language
    assert sentence_language("Это было ясно.", "uk") == "ru"  # a Russian quote
    assert sentence_language("貝佐斯與川普通話兩次。", "zh-cn") == "zh-tw"
    assert sentence_language("Nice.", "en") == "en"
    assert sentence_language("베이조스는 통화했다.", "en") == "ko"
    assert sentence_language("2025", "ko") == "ko"
    assert sentence_language(
        "The Wall Street Journal reported on Thursday that the talks had taken place.", "zh-cn"
    ) == "en"
