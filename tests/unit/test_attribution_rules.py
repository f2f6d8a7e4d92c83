"""Attribution rules of issue 16 that hold in every language: the subject of an ordinary
verb is not a source, unnamed sourcing swallows the names that modify it, "told X" cites
X only when X is an outlet, and a relay chain needs an explicit relay cue."""

from __future__ import annotations

import pytest
from support.analysis_factory import article_from_lines

from provenance.attribution import article_attributions, extract_attributions
from provenance.glossary import default_glossary

WSJ = "The Wall Street Journal"
UNNAMED = "<unnamed>"


@pytest.fixture(scope="module")
def glossary():
    return default_glossary()


def cited(sentence: str, lang: str, glossary) -> set[str]:
    return {UNNAMED if a.kind == "unnamed" else a.source
            for a in extract_attributions(sentence, lang, glossary) if not a.negated}


@pytest.mark.parametrize(("lang", "sentence", "sources"), [
    # a name that modifies unnamed sourcing is part of it
    ("en", "Several White House officials told reporters they were not aware of it.",
     {UNNAMED}),
    ("en", "Two officials told the Wall Street Journal that Putin asked for a favour.",
     {UNNAMED, WSJ}),
    ("en", "Former US, European and Russian officials said the founder held talks.", {UNNAMED}),
    ("en", "The claim, revealed by Western security officials, raises questions.", {UNNAMED}),
    ("zh-cn", "几名白宫官员表示他们对此并不知情。", {UNNAMED}),
    ("zh-cn", "《华尔街日报》援引特朗普团队的消息人士称，计划尚未确定。", {WSJ, UNNAMED}),
    ("uk", "Про це повідомляє видання Wall Street Journal із посиланням на радників лідера "
           "республіканців.", {WSJ, UNNAMED}),
    ("ko", "다만 트럼프의 한 고문은 미군이 투입되지 않을 것이라고 밝혔다.", {UNNAMED}),
    # the subject of an ordinary verb, an object, reported content: no source
    ("en", "According to the WSJ, Blue Origin launched a rocket on Monday.", {WSJ}),
    ("en", "A former national security advisor to the Republican noted that he decides.",
     set()),
    ("en", "Political scientist Ian Bremmer said that Musk told him about the call.",
     {"Ian Bremmer"}),
    ("en", "Putin told Tucker Carlson in an interview that Musk was a smart man.",
     {"Vladimir Putin"}),
    ("en", "Kremlin spokesperson Dmitry Peskov denied that the two spoke regularly.",
     {"Dmitry Peskov"}),
    ("zh-cn", "该人士在谈到马斯克与普京的接触时说，他们不喜欢这样。", set()),
    ("ru", "По его словам, Маск отмечал, что Кремль намерен сохранить Крым.", set()),
    ("ko", "특히 푸틴이 머스크에게 서비스를 중단하라고 압박한 것으로 전해졌다.", set()),
    ("ko", "하지만 WSJ는 \"머스크가 올해까지 푸틴과 대화했다\"고 보도했다.", {WSJ}),
    ("ko", "크렘린궁 대변인 드미트리 페스코프는 \"오히려 WSJ의 계획처럼 보인다\"며 "
           "의구심을 드러냈다.",
     {"Dmitry Peskov"}),
    # "WSJ and other foreign media reported": the WSJ is cited ("보도" is a short
    # reference, resolved per article)
    ("ko", "WSJ 등 주요 외신 보도에 따르면 머스크는 푸틴과 대화했다.", {WSJ, "보도"}),
])
def test_who_is_a_source(glossary, lang, sentence, sources) -> None:
    assert cited(sentence, lang, glossary) == sources


def chains(sentence: str, lang: str, glossary) -> set[tuple[str, ...]]:
    return {tuple(a.chain) for a in extract_attributions(sentence, lang, glossary)
            if a.kind != "unnamed" and not a.negated}


@pytest.mark.parametrize(("lang", "sentence", "expected"), [
    # two outlets reporting in one sentence: two sources, no chain
    ("en", "Bloomberg and Reuters reported that the talks had stalled.",
     {("Bloomberg",), ("Reuters",)}),
    ("en", "Two officials told the Wall Street Journal that Blue Origin executives met.",
     {(WSJ,)}),
    # "X could not verify Y's report": X relays Y
    ("en", "CNBC could not independently verify the Wall Street Journal report.",
     {(WSJ, "CNBC")}),
    ("ko", "그러나 CNBC는 월스트리트 저널의 보도를 독립적으로 확인하지 못한 상태이다.",
     {(WSJ, "CNBC")}),
    # a dateline credit relays the outlets its sentence cites
    ("zh-cn", "【环球网报道】美国《华尔街日报》当地时间10月24日爆料，双方保持沟通。",
     {(WSJ, "Global Times")}),
    ("zh-tw", "(中央社莫斯科25日綜合外電報導)美國「華爾街日報」報導,雙方定期接觸。",
     {(WSJ, "Central News Agency")}),
    ("ru", "Об этом сообщает РБК со ссылкой на Bloomberg.", {("Bloomberg", "РБК")}),
])
def test_a_chain_needs_an_explicit_relay_cue(glossary, lang, sentence, expected) -> None:
    assert chains(sentence, lang, glossary) == expected


def test_alone_an_unverified_report_stays_negated(glossary) -> None:
    (a,) = extract_attributions("Reuters could not verify the report.", "en", glossary)
    assert a.negated and a.chain == []


def test_a_source_line_ends_the_chains_of_the_whole_article(glossary) -> None:
    article = article_from_lines("ptt", [
        "新聞來源: 中央廣播電臺 https://example.org/a 特斯拉創辦人馬斯克的計畫。",
        "華爾街日報指出,馬斯克今年成為川普的支持者。",
    ], "zh-tw")
    found = article_attributions(article, glossary)
    assert [(a.source, a.chain) for a in found] == [
        ("Radio Taiwan International", ["Radio Taiwan International"]),
        (WSJ, [WSJ, "Radio Taiwan International"]),
    ]
    assert found[0].credit and not found[1].credit


def test_told_cites_an_outlet_not_a_person(glossary) -> None:
    assert cited("Bezos told Reuters in January that he was sure.", "en", glossary) == {
        "Jeff Bezos", "Reuters"}
    assert "Tucker Carlson" not in cited("Putin told Tucker Carlson that it was so.", "en",
                                         glossary)
