"""A person's given name changed or respelled while the surname matches
(provenance.drift.persons): against the reference, the usual forms of the relay's
language, the glossary, and for people the glossary does not know, by surname."""

from __future__ import annotations

import pytest
from test_drift import drift

from provenance.drift.persons import _compare
from provenance.model import Finding


def given_names(src: list[str], tgt: list[str], src_lang: str = "en", tgt_lang: str = "en"
                ) -> list[Finding]:
    return [f for f in drift(src, tgt, src_lang, tgt_lang)
            if f.evidence.get("change") == "given_name"]


def test_unknown_person_respelled_by_surname_is_minor_with_both_sides() -> None:
    # the glossary does not know Petrovsky: same surname, given name transliterated
    # from Ukrainian (Mykhailo) where the reference writes the Russian form (Mikhail)
    (f,) = given_names(["The aide Mikhail Petrovsky spoke."],
                       ["The aide Mykhailo Petrovsky spoke."])
    assert f.severity == "minor"
    assert f.evidence["compared_with"] == "reference"
    assert "Mikhail Petrovsky" in f.message and "Mykhailo Petrovsky" in f.message
    assert f.src_spans and f.tgt_spans


def test_unknown_person_spelled_by_another_english_convention_is_quiet() -> None:
    # Sergei / Sergey, Dmitri / Dmitry: one convention's choice, not a change
    assert given_names(["The aide Sergei Petrovsky spoke."],
                       ["The aide Sergey Petrovsky spoke."]) == []
    assert given_names(["The aide Dmitri Petrovsky spoke."],
                       ["The aide Dmitry Petrovsky spoke."]) == []


def test_ordinary_words_sharing_a_last_word_are_no_person() -> None:
    assert given_names(["The Supreme Court ruled on it."],
                       ["The Superior Court ruled on it."]) == []


def test_unknown_person_in_another_alphabet_transliterated_is_quiet() -> None:
    assert given_names(["The aide Mikhail Petrovsky spoke."],
                       ["Помічник Михайло Петровський сказав."], tgt_lang="uk") == []


def test_relay_language_form_the_glossary_does_not_list_is_reported() -> None:
    # across scripts the reference's "Elon" explains any Korean spelling; the glossary's
    # Korean form (일론) is the usual one
    (f,) = given_names(["Elon Musk spoke with Putin."], ["엘론 머스크는 푸틴과 대화했다."],
                       tgt_lang="ko")
    assert f.severity == "minor"
    assert f.evidence["compared_with"] == "glossary"
    assert "일론 머스크" in f.message
    assert f.src_spans  # the reference's mention is quoted too


def test_relay_language_form_the_glossary_lists_is_quiet() -> None:
    assert given_names(["Elon Musk spoke with Putin."], ["일론 머스크는 푸틴과 대화했다."],
                       tgt_lang="ko") == []
    # a variant form the glossary admits (Ukrainian Владімір, inflected)
    assert given_names(["Vladimir Putin spoke with Musk."],
                       ["Маск говорив із Владіміром Путіним."], tgt_lang="uk") == []


def test_initial_written_out_in_chinese_is_reported_against_the_glossary() -> None:
    # "Jay D." for J·D: an initial spelled as a syllable; the reference never names him
    (f,) = given_names(["The plan was discussed."], ["当选副总统杰伊·D·万斯在9月谈到了。"],
                       tgt_lang="zh-cn")
    assert f.evidence["compared_with"] == "glossary"
    assert f.evidence["concept"] == "jd-vance"
    assert "杰伊·D·万斯" in f.message
    assert given_names(["The plan was discussed."], ["当选副总统J·D·万斯在9月谈到了。"],
                       tgt_lang="zh-cn") == []


@pytest.mark.parametrize(("a", "a_lang", "b", "b_lang", "verdict"), [
    ("JD", "en", "J·D", "zh-cn", "same"),
    ("J.D", "zh-cn", "杰伊·D", "zh-cn", "variant"),
    ("JD", "en", "James", "en", "unrelated"),
    ("Sergei", "en", "Serhiy", "en", "variant"),
    ("Sergei", "en", "Sergey", "en", "same"),
    ("Susie", "en", "Susan", "en", "different"),
    ("弗拉基米尔", "zh-cn", "总统弗拉基米尔", "zh-cn", "same"),
])
def test_compare_given_names(a: str, a_lang: str, b: str, b_lang: str, verdict: str) -> None:
    assert _compare(a, a_lang, b, b_lang) == verdict
