"""Attribution extraction on sentences in en, zh, ko, uk and ru, positive and negative."""

from __future__ import annotations

import pytest
from support.analysis_factory import article_from_lines

from provenance.attribution import (
    article_attributions,
    citation_markers,
    extract_attributions,
    is_relay,
)
from provenance.glossary import default_glossary
from provenance.model import Article, Attribution

WSJ = "The Wall Street Journal"
UNNAMED = "<unnamed>"

# (lang, sentence, cited sources (canonical; <unnamed> for unnamed sourcing), negated sources)
CASES: list[tuple[str, str, set[str], set[str]]] = [
    # --- English ---
    ("en", "Bezos spoke with Trump at least twice in June, according to The Wall Street Journal.",
     {WSJ}, set()),
    ("en", "The Wall Street Journal quoted sources on the 26th as saying that Bezos called.",
     {WSJ, UNNAMED}, set()),
    ("en", "Fox News previously reported that SpaceX's rocket has been flying for years.",
     {"Fox News"}, set()),
    ("en", "Sources revealed that executives tried to win more contracts.", {UNNAMED}, set()),
    # a short reference is kept as written at sentence level (resolved per article)
    ("en", "The report quoted people familiar with the matter as saying that talks began.",
     {"The report", UNNAMED}, set()),
    ("en", "Reuters could not verify the report.", set(), {"Reuters"}),
    ("en", "The report has not yet been independently verified by Reuters, but it matters.",
     set(), {"Reuters"}),
    ("en", "Reuters was unable to independently confirm the figures.", set(), {"Reuters"}),
    ("en", "According to a Wall Street Journal report citing sources familiar with the matter, "
     "Bezos is seeking favour.", {WSJ, UNNAMED}, set()),
    ("en", "Bezos told Reuters in January that he takes Musk at face value.",
     {"Reuters", "Jeff Bezos"}, set()),
    ("en", "Bloomberg reported on Tuesday that the fund would be worth 4.5 billion euros.",
     {"Bloomberg"}, set()),
    ("en", "The plan was first reported by the Financial Times.", {"Financial Times"}, set()),
    ("en", "Industry insiders suggest that the talks focused on NASA contracts.", {UNNAMED},
     set()),
    ("en", "Internal sources in the company say that Limp wants a faster pace.", {UNNAMED}, set()),
    ("en", "Blue Origin has reportedly met with officials.", set(), set()),
    ("en", "SpaceX conducted over 130 launches last year.", set(), set()),
    ("en", "The Washington Post endorsed no candidate in the election.", set(), set()),
    ("en", "Renewable sources of energy grew by 12 percent.", set(), set()),
    ("en", "The company said it would appeal, per Bloomberg.", {"Bloomberg"}, set()),
    ("en", "Tech Daily Wire reported that the deal collapsed.", {"Tech Daily Wire"}, set()),
    ("en", "According to the WSJ, the White House, Blue Origin, and SpaceX did not respond "
     "to requests for comment.", {WSJ}, {"White House", "Blue Origin", "SpaceX"}),
    ("en", "Musk mocked the company as \"Sue Origin\" on social media.", set(), set()),
    ("en", "The fund would back 12 projects, the people said.", {UNNAMED}, set()),
    ("en", "The people of the region voted on Sunday.", set(), set()),
    # --- Chinese ---
    ("zh-cn", "据美国《华尔街日报》26日报道，贝索斯本月至少两次与特朗普通话。", {WSJ}, set()),
    ("zh-cn", "路透社援引知情人士的话说，该公司计划裁员。", {"Reuters", UNNAMED}, set()),
    ("zh-cn", "消息人士透露，白宫幕僚长曾与林普会面。", {UNNAMED}, set()),
    ("zh-cn", "路透社无法独立核实这一报道。", set(), {"Reuters"}),
    ("zh-cn", "彭博社报道称，欧盟将设立45亿欧元的基金。", {"Bloomberg"}, set()),
    ("zh-cn", "新华社援引彭博社的报道称，该计划将于明年启动。", {"Xinhua", "Bloomberg"}, set()),
    ("zh-cn", "该公司的股价今年上涨了30%。", set(), set()),
    ("zh-cn", "据知情人士透露，谈判仍在进行。", {UNNAMED}, set()),
    ("zh-cn", "欧盟委员会计划在明年推出这一基金。", set(), set()),
    ("zh-cn", "据《北海晨报》报道，工厂将于明年投产。", {"北海晨报"}, set()),
    ("zh-cn", "这家工厂雇用了两千名工人。", set(), set()),
    # --- Korean ---
    ("ko", "월스트리트저널(WSJ)에 따르면 베이조스는 6월 트럼프 대통령과 최소 두 차례 통화했다.",
     {WSJ}, set()),
    ("ko", "블룸버그통신은 25일(현지시간) 소식통을 인용해 유럽연합이 45억 유로 규모의 "
     "기금을 조성한다고 보도했다.", {"Bloomberg", UNNAMED}, set()),
    ("ko", "로이터는 이 보도를 독자적으로 확인하지 못했다.", set(), {"Reuters"}),
    ("ko", "소식통에 따르면 협상은 다음 주에 재개된다.", {UNNAMED}, set()),
    ("ko", "회사의 주가는 올해 30% 올랐다.", set(), set()),
    ("ko", "한국경제신문은 이 계획이 내년에 시작된다고 전했다.", {"한국경제신문"}, set()),
    ("ko", "유럽연합은 배터리 공장에 대한 지원을 늘릴 계획이다.", set(), set()),
    ("ko", "로이터통신이 보도한 내용에 따르면 투자 규모는 더 커질 수 있다.", {"Reuters"}, set()),
    # --- Ukrainian ---
    ("uk", "Про це повідомляє The Wall Street Journal з посиланням на джерела.", {WSJ, UNNAMED},
     set()),
    ("uk", "Як пише видання Bloomberg, ЄС створить фонд обсягом 4,5 млрд євро.", {"Bloomberg"},
     set()),
    ("uk", "За даними Reuters, переговори тривають.", {"Reuters"}, set()),
    ("uk", "Reuters не змогло незалежно перевірити цю інформацію.", set(), {"Reuters"}),
    ("uk", "Про це повідомляє «Європейська правда» з посиланням на Bloomberg.",
     {"Європейська правда", "Bloomberg"}, set()),
    ("uk", "Компанія збільшила виробництво на 30%.", set(), set()),
    ("uk", "Джерела в уряді кажуть, що рішення вже ухвалене.", {UNNAMED}, set()),
    ("uk", "Завод запрацює наступного року.", set(), set()),
    ("uk", "Видання зазначає, що переговори тривають.", {"Видання"}, set()),
    # --- Russian ---
    ("ru", "Об этом сообщает РБК со ссылкой на Bloomberg.", {"РБК", "Bloomberg"}, set()),
    ("ru", "По данным Reuters, переговоры продолжаются.", {"Reuters"}, set()),
    ("ru", "Источники в правительстве сообщили, что решение уже принято.", {UNNAMED}, set()),
    ("ru", "Reuters не смогло независимо проверить эту информацию.", set(), {"Reuters"}),
    ("ru", "Как пишет The Wall Street Journal, Безос дважды говорил с Трампом.", {WSJ}, set()),
    ("ru", "Компания увеличила производство на 30%.", set(), set()),
    ("ru", "Компания сообщила о росте выручки.", set(), set()),
    ("ru", "Завод начнёт работу в следующем году.", set(), set()),
    ("ru", "Согласно Bloomberg, фонд составит 4,5 млрд евро.", {"Bloomberg"}, set()),
    ("ru", "В Кремле не ответили на запрос о комментарии.", set(), set()),
]


@pytest.fixture(scope="module")
def glossary():
    return default_glossary()


def _cited(attributions) -> tuple[set[str], set[str]]:
    cited = {UNNAMED if a.kind == "unnamed" else a.source for a in attributions if not a.negated}
    negated = {a.source for a in attributions if a.negated}
    return cited, negated


def test_at_least_sixty_sentences_in_five_languages():
    assert len(CASES) >= 60
    assert {lang for lang, *_ in CASES} == {"en", "zh-cn", "ko", "uk", "ru"}


@pytest.mark.parametrize(("lang", "sentence", "cited", "negated"), CASES,
                         ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_sources_cited(glossary, lang, sentence, cited, negated):
    found = extract_attributions(sentence, lang, glossary, sentence_index=3)
    assert _cited(found) == (cited, negated)
    for a in found:
        assert a.sentence == 3
        assert 0 <= a.start < a.end <= len(sentence)
        assert a.cue


def test_glossary_outlet_gets_concept_id_and_cue_span(glossary):
    sentence = "Bezos spoke with Trump, according to The Wall Street Journal."
    (a,) = extract_attributions(sentence, "en", glossary)
    assert a.concept_id == "wsj" and a.kind == "outlet"
    assert sentence[a.start:a.end] == "The Wall Street Journal"
    assert a.cue == "according to"


def test_chain_upstream_first(glossary):
    sentence = ("Bezos is trying to seize the moment. This was reported byThe Wall Street Journal, "
                "citing sources close to Trump and Bezos, \"Komersant Ukrainian\" reports.")
    found = extract_attributions(sentence, "en", glossary)
    outlets = [a for a in found if a.kind == "outlet"]
    assert {a.source for a in outlets} == {WSJ, "Kommersant Ukrainian"}
    assert all(a.chain == [WSJ, "Kommersant Ukrainian"] for a in outlets)
    assert {a.source: a.cue for a in outlets} == {WSJ: "reported by",
                                                  "Kommersant Ukrainian": "reports"}
    unnamed = [a for a in found if a.kind == "unnamed"]
    assert unnamed and "Trump" in unnamed[0].source  # not an attribution to Trump


@pytest.mark.parametrize(("lang", "sentence", "chain"), [
    ("zh-cn", "新华社援引彭博社的报道称，该计划将于明年启动。", ["Bloomberg", "Xinhua"]),
    ("ru", "Об этом сообщает РБК со ссылкой на Bloomberg.", ["Bloomberg", "РБК"]),
    ("uk", "Про це повідомляє «Європейська правда» з посиланням на Bloomberg.",
     ["Bloomberg", "Європейська правда"]),
    ("en", "Reuters, citing Bloomberg, said the deal was off.", ["Bloomberg", "Reuters"]),
])
def test_chains_in_other_languages(glossary, lang, sentence, chain):
    found = extract_attributions(sentence, lang, glossary)
    assert {tuple(a.chain) for a in found if a.kind != "unnamed"} == {tuple(chain)}


@pytest.mark.parametrize(("lang", "sentence", "date"), [
    ("en", "The Wall Street Journal quoted sources on the 26th as saying so.", "on the 26th"),
    ("en", "On June 25 (local time), The Wall Street Journal (WSJ) reported that he called.",
     "On June 25"),
    ("zh-cn", "据美国《华尔街日报》26日报道，贝索斯本月至少两次与特朗普通话。", "26日"),
    ("ko", "블룸버그통신은 25일(현지시간) 소식통을 인용해 기금을 조성한다고 보도했다.",
     "25일(현지시간)"),
])
def test_date_of_report(glossary, lang, sentence, date):
    found = extract_attributions(sentence, lang, glossary)
    assert [a.date for a in found if a.kind == "outlet"] == [date]


def test_empty_sentence(glossary):
    assert extract_attributions("", "en", glossary) == []
    assert extract_attributions("   ", "zh-cn", glossary) == []


def _article(sentences: list[str], lang: str = "en") -> Article:
    return article_from_lines("t", sentences, lang, sep=" ")


def test_short_references_resolve_to_the_outlet_named_before(glossary):
    article = _article([
        "Bezos called Trump twice, according to The Wall Street Journal.",
        "The report said the calls took place in June.",
        "The paper quoted people familiar with the matter as saying so.",
    ])
    found = article_attributions(article, glossary)
    by_sentence = {(a.sentence, a.source) for a in found if a.kind != "unnamed"}
    assert by_sentence == {(0, WSJ), (1, WSJ), (2, WSJ)}


def test_generic_short_reference_without_antecedent_is_dropped(glossary):
    found = article_attributions(_article(["The report said the calls took place."]), glossary)
    assert found == []


def test_footnote_markers_do_not_hide_cues(glossary):
    sentence = "Limp met Wiles as part of the campaign, the Journal reported12."
    (a,) = extract_attributions(sentence, "en", glossary)
    assert a.source == WSJ and a.cue == "reported"


@pytest.mark.parametrize(("text", "markers"), [
    ("the Journal reported12. Bezos has even invited Trump, according to the Journal1.",
     ["12", "1"]),
    ("compared to Blue Origin's $2.4 billion allocation123. Seven missions3.", ["123", "3"]),
    ("\"And I take him at face value\"3.", ["3"]),
    ("See the source [4] for details.", ["4"]),
    ("The G7 met; the F-35 and the A320 flew 5.9 km2 at 10.5 percent in 2025.", []),
    ("SpaceX conducted over 130 launches last year.", []),
])
def test_citation_markers(text, markers):
    assert [text[s:e] for s, e in citation_markers(text)] == markers


@pytest.mark.parametrize(("lang", "sentence", "source"), [
    ("en", "Six people were hurt southeast of Seattle, said Pierce County Sheriff's Department.",
     "Pierce County Sheriff's Department"),
    ("en", "\"We are in control,\" said Sandu.", "Sandu"),
])
def test_inverted_reporting_clause(glossary, lang, sentence, source):
    found = extract_attributions(sentence, lang, glossary)
    assert [a.source for a in found] == [source]


@pytest.mark.parametrize(("source", "kind", "cue", "relay"), [
    ("Battery Industry Wire", "unknown", "said", True),  # outlet-shaped name
    ("北海晨报", "unknown", "据…报道", True),
    ("Європейська правда", "unknown", "повідомляє", True),
    ("Nikolenko", "unknown", "wrote", False),  # a speaker, not a relay
    ("Nikolenko", "unknown", "said", False),
    ("Baza", "unknown", "пише", True),  # cited with a reporting verb
    ("Jeff Bezos", "person", "told", False),
    ("Reuters", "outlet", "told", True),
])
def test_is_relay(source, kind, cue, relay):
    a = Attribution(source, kind, cue, 0, 0, len(source))
    assert is_relay(a) is relay
    assert not is_relay(Attribution(source, kind, cue, 0, 0, 1, negated=True))


@pytest.mark.parametrize(("sentence", "source"), [
    ("该地区的预警将持续到周日上午，美国国家气象局表示，降雪将持续。", "美国国家气象局"),
    ("死亡男子的身份尚未公布，但当局表示，他已经没有了呼吸。", "当局"),
    ("克里姆林宫今天表示，普京告诉美国总统。", "克里姆林宫"),
    ("众所周知，树木据说也有助于睡眠。", None),  # 据说 is "reportedly", not a source
    ("他补充说：“如今，疫苗已经普及。”", None),  # a pronoun is not a source
])
def test_chinese_speakers_without_glossary(glossary, sentence, source):
    found = [a.source for a in extract_attributions(sentence, "zh-cn", glossary)]
    assert found == ([source] if source else [])


@pytest.mark.parametrize(("sentence", "sources"), [
    ("집행위원회 대변인은 계획이 아직 확정되지 않았다고 말했다.", ["대변인"]),
    ("그는 협상이 계속될 것이라고 말했다.", []),  # a pronoun
    ("김정욱 교수는 \"기술을 공개하겠다\"라고 밝혔다.", ["교수"]),
    ("회사는 공장을 짓는다.", []),  # no reported speech
])
def test_korean_speakers_without_glossary(glossary, sentence, sources):
    assert [a.source for a in extract_attributions(sentence, "ko", glossary)] == sources
