"""Certainty drift beyond a hedge dropped or added: a hedge made stronger or weaker, and a
scope widened from part of a group to the whole of it."""

from __future__ import annotations

import pytest
from test_drift import drift, of

from provenance.lexicons import find_cues

ROLE = "Musk could find a role in a Trump administration should Trump win."
CONCERNS = ("The contacts also raise potential national-security concerns among some in the "
            "current administration.")


def changes(found: list) -> list[str]:
    return [f.evidence["change"] for f in of(found, "certainty")]


# hedge strength ------------------------------------------------------------------------
def test_a_possible_made_likely_is_a_raised_hedge() -> None:
    tgt = "如川普胜选，马斯克很可能在川普上任后入阁。"
    (f,) = of(drift([ROLE], [tgt], tgt_lang="zh-cn"), "certainty")
    assert (f.severity, f.evidence["change"]) == ("minor", "hedge_raised")
    assert "“could” is “很可能”" in f.message
    (i, a, b), = f.src_spans
    (j, c, d), = f.tgt_spans
    assert ROLE[a:b] == "could" and tgt[c:d] == "很可能"


def test_a_likely_made_possible_is_a_lowered_hedge() -> None:
    found = drift(["Musk is likely to find a role in a Trump administration."],
                  ["Маск може отримати посаду в адміністрації Трампа."], tgt_lang="uk")
    assert changes(found) == ["hedge_lowered"]


def test_the_same_strength_in_another_language_is_quiet() -> None:
    for tgt, lang in (("如果特朗普获胜，马斯克可能在特朗普政府中找到一个角色。", "zh-cn"),
                      ("Маск може знайти роль в адміністрації Трампа.", "uk"),
                      ("머스크는 트럼프 행정부에서 역할을 맡을 수 있다.", "ko")):
        assert of(drift([ROLE], [tgt], tgt_lang=lang), "certainty") == [], tgt
    assert of(drift(["Musk will likely find a role in a Trump administration."],
                    ["马斯克很可能在特朗普政府中任职。"], tgt_lang="zh-cn"), "certainty") == []


def test_a_probability_negated_or_compared_is_not_a_stronger_hedge() -> None:
    # 不太可能 (unlikely) holds 可能, but is no "likely": that is the negation's business
    assert "hedge_raised" not in changes(drift([ROLE], ["马斯克不太可能在特朗普政府中任职。"],
                                               tgt_lang="zh-cn"))
    # "made war more likely" says how likely war became, it hedges nothing
    src = ["Trump warned that Biden's handling of Ukraine made World War III more likely."]
    assert "hedge_lowered" not in changes(drift(src, ["Трамп попереджав, що це може "
                                                      "призвести до третьої світової війни."],
                                                tgt_lang="uk"))
    # "unlikely" is its own word, not "likely"
    assert changes(drift(["Musk is unlikely to find a role."],
                         ["Musk could find a role."])) != ["hedge_lowered"]


def test_an_entry_spelling_a_masked_compound_is_matched_as_written() -> None:
    # 非常 is masked (it holds no negation); 非常有可能 still reads "very likely"
    cues = {(c.category, c.text) for c in find_cues("马斯克非常有可能入阁。", "zh")}
    assert ("hedge_strong", "非常有可能") in cues
    tgt = "如果特朗普获胜，马斯克非常有可能在特朗普政府中任职。"
    assert changes(drift([ROLE], [tgt], tgt_lang="zh-cn")) == ["hedge_raised"]


# scope -----------------------------------------------------------------------------------
def test_some_in_a_group_made_the_whole_group_is_a_widened_scope() -> None:
    (f,) = [f for f in of(drift([CONCERNS], ["Такого рода контакты озадачили нынешнюю "
                                             "администрацию."], tgt_lang="ru"), "certainty")
            if f.evidence["change"] == "scope_widened"]
    assert f.severity == "minor"
    assert "“some in the current administration”" in f.message
    (i, a, b), = f.src_spans
    assert CONCERNS[a:b] == "some"  # the word the relay lacks


def test_a_relay_keeping_a_part_of_the_group_is_quiet() -> None:
    for tgt, lang in (("Контакты вызывают обеспокоенность у некоторых в администрации.", "ru"),
                      ("이러한 접촉은 현 행정부 일부 관리들 사이에서 안보 우려를 낳고 있다.", "ko"),
                      ("这些接触也引起了现任政府中一些人对国家安全的担忧。", "zh-cn")):
        assert "scope_widened" not in changes(drift([CONCERNS], [tgt], tgt_lang=lang)), tgt


def test_some_of_a_thing_is_no_scope() -> None:
    # "some of America's most sensitive programs": a part of things, not of a group
    src = ["Musk has visibility into some of America's most sensitive space programs."]
    assert changes(drift(src, ["Маск має доступ до найчутливіших космічних програм США."],
                         tgt_lang="uk")) == []


@pytest.mark.parametrize(("text", "lang", "cue"), [
    ("His talks with Putin 'could signal re-engagement', the WSJ suggests.", "en", "could"),
    ("Його розмови з Путіним ‘можуть свідчити’ про зближення.", "uk", "можуть"),
])
def test_a_hedge_quoted_with_apostrophes_is_a_hedge(text: str, lang: str, cue: str) -> None:
    assert ("modal", cue) in {(c.category, c.text) for c in find_cues(text, lang)}
    # kept inside the quote, it is no hedge dropped
    assert changes(drift(["Musk's dialogue could signal re-engagement with Putin."], [text],
                         tgt_lang=lang)) == []


def test_a_word_joined_by_an_apostrophe_is_not_a_whole_word() -> None:
    # a contraction or a possessive is another word: "the team's" names no team
    assert ("advisers", "team") not in {(c.category, c.text)
                                        for c in find_cues("The team's plan.", "en")}


@pytest.mark.parametrize(("tgt", "lang"), [
    ("美国国家气象局表示，海拔2000英尺以上地区可能会有12至15英寸的降雪。", "zh-cn"),
    ("Синоптики кажуть, що в районах вище 2000 футів можливо 12-15 дюймів снігу.", "uk"),
])
def test_possible_is_a_hedge_but_possible_to_is_not(tgt: str, lang: str) -> None:
    src = "The weather service says 12 to 15 inches of snow is possible above 2,000 feet."
    assert changes(drift([src], [tgt], tgt_lang=lang)) == []
    assert ("modal", "is possible") in {(c.category, c.text) for c in find_cues(src, "en")}
    assert not [c for c in find_cues("It is possible to travel by train.", "en")
                if c.category == "modal"]


@pytest.mark.parametrize(("src", "tgt", "lang"), [
    # a wish opens with "May": no hedge to drop
    ("May God be with the family he left behind.", "愿上帝保佑他留下的家人。", "zh-cn"),
    ("May this Christmas bring peace to Ukraine.", "Нехай це Різдво принесе мир Україні.", "uk"),
    # "appeared to" hedges as "appears to" does
    ("Rogers appeared to be criticizing the prime minister.", "罗杰斯似乎是在批评总理。", "zh-cn"),
])
def test_wishes_are_no_hedges_and_past_appearances_are(src: str, tgt: str, lang: str) -> None:
    assert changes(drift([src], [tgt], tgt_lang=lang)) == []
