"""Renderings: which article of a corpus translates or copies which, and which way round."""

from __future__ import annotations

from provenance.corpus import article_from_text
from provenance.derivation import analyze_provenance
from provenance.model import Alignment, Link, PairAnalysis
from provenance.rendering import source_glosses

STORY = ["The ministry said on Monday that 40 trucks crossed the border at dawn.",
         "Officials expect another convoy of 25 trucks by Friday evening.",
         "The crossing had been closed for three weeks after the floods.",
         "Local traders welcomed the news but warned that prices would stay high.",
         "A spokesman declined to say who would pay for the repairs."]


def _edge(prov, target, source):
    return next(e for e in prov[target].derived_from if e.source == source)


def test_a_copy_that_credits_nobody_derives_from_the_text_naming_its_outlet():
    source = article_from_text("\n".join(STORY + ["Support Harbour Ledger journalism."]),
                               id="ledger", lang="en", url="https://harbourledger.com/a/1")
    copy = article_from_text("\n".join(STORY), id="aggregator", lang="en",
                             url="https://news-aggregator.example/x")
    prov, _ = analyze_provenance([copy, source], [], None)
    edge = _edge(prov, "aggregator", "ledger")
    assert edge.evidence["reason"] == "copy" and not edge.external
    assert edge.evidence["direction"] == "names its own outlet, the other none"
    assert prov["aggregator"].origin_article == "ledger"
    assert prov["ledger"].origin_article is None and not prov["ledger"].derived_from


def test_a_text_naming_the_others_outlet_took_its_text_from_there():
    source = article_from_text("\n".join(STORY), id="times", lang="en",
                               url="https://valleytimes.com/story")
    copy = article_from_text("\n".join(STORY + ["Source: Valley Times."]), id="copy",
                             lang="en", url="https://copysite.example/story")
    prov, _ = analyze_provenance([source, copy], [], None)
    assert _edge(prov, "copy", "times").evidence["direction"] == "names the other's outlet"


def test_dates_come_before_credits():
    early = article_from_text("\n".join(STORY), id="early", lang="en",
                              published="2024-05-01")
    late = article_from_text("\n".join(STORY), id="late", lang="en", published="2024-05-03",
                             url="https://latepaper.com/x")
    prov, _ = analyze_provenance([late, early], [], None)
    assert _edge(prov, "late", "early").evidence["direction"] == "published earlier"


def test_the_copy_is_the_text_that_left_a_paragraph_out():
    full = article_from_text("\n".join(STORY), id="full", lang="en")
    cut = article_from_text("\n".join(STORY[:2] + STORY[3:]), id="cut", lang="en")
    prov, _ = analyze_provenance([cut, full], [], None)
    edge = _edge(prov, "cut", "full")
    assert edge.evidence["direction"] == "the other left out paragraphs between"
    assert edge.evidence["shares"] == [0.8, 1.0] or edge.evidence["shares"] == [1.0, 0.8]


UKRAINIAN = ["Міністерство заявило в понеділок, що 40 вантажівок перетнули кордон.",
             "Чиновники очікують ще 25 вантажівок до вечора п'ятниці.",
             "Перехід був закритий три тижні після повені, повідомляє Reuters.",
             "Місцеві торговці привітали новину."]
ENGLISH = ["DW - 08.02.2023: The ministry said on Monday that 40 trucks crossed the border.",
           "Officials expect another 25 trucks by Friday evening.",
           "The crossing had been closed for three weeks after the floods, Reuters reports.",
           "Local traders welcomed the news."]


def _pair(reference: str, relay: str, reference_lang: str, relay_lang: str) -> PairAnalysis:
    links = [Link((i,), (i,), 3.0) for i in range(4)]
    return PairAnalysis(reference, relay, Alignment(reference_lang, relay_lang, "monotonic",
                                                    links))


def test_an_english_text_with_translation_traces_translates_its_ukrainian_relay():
    english = article_from_text("\n".join(ENGLISH), id="en", lang="en")
    ukrainian = article_from_text("\n".join(UKRAINIAN), id="uk", lang="uk")
    # the English text is the story's reference, yet the day-first date gives it away
    prov, _ = analyze_provenance([english, ukrainian], [_pair("en", "uk", "en", "uk")], None)
    assert [s.name for s in prov["en"].signals] == ["day_first_date"]
    edge = _edge(prov, "en", "uk")
    assert edge.evidence["direction"] == "translation traces in the other"
    # its citation of Reuters renders the Ukrainian sentence's: a translation all the same
    assert (prov["en"].origin, prov["en"].origin_language) == ("translation", "uk")
    assert prov["en"].origin_article == "uk"
    assert prov["uk"].origin != "translation" and prov["uk"].origin_article is None


def test_without_evidence_the_reference_is_assumed_to_be_the_source():
    english = article_from_text("\n".join(ENGLISH).replace("DW - 08.02.2023: ", ""),
                                id="en", lang="en")
    ukrainian = article_from_text("\n".join(UKRAINIAN), id="uk", lang="uk")
    prov, _ = analyze_provenance([english, ukrainian], [_pair("en", "uk", "en", "uk")], None)
    edge = _edge(prov, "uk", "en")
    assert edge.evidence["direction"] == "assumed: the story's reference"
    assert (prov["uk"].origin, prov["uk"].origin_language) == ("translation", "en")


def test_a_relay_aligned_with_half_the_reference_or_less_is_no_translation_of_it():
    english = article_from_text("\n".join(ENGLISH + STORY), id="en", lang="en")
    ukrainian = article_from_text("\n".join(UKRAINIAN), id="uk", lang="uk")
    prov, _ = analyze_provenance([english, ukrainian], [_pair("en", "uk", "en", "uk")], None)
    assert prov["uk"].origin_article is None


CHINESE = ["皮尔斯县警长达伦·莫斯 (Darren Moss) 说，有 40 辆卡车越过边境。",
           "官员预计周五晚上前还会有 25 辆卡车。",
           "度假村总裁弗兰克·德贝里 (Frank DeBerry) 说，过境点在洪水后关闭了三周。",
           "当地商人对这一消息表示欢迎。"]
GLOSSED = ["Sheriff's Sgt. Darren Moss said 40 trucks crossed the border.",
           "Officials expect another 25 trucks by Friday evening.",
           "Frank DeBerry, the resort's president, said the crossing had been closed for "
           "three weeks (after the floods).",
           "Local traders welcomed the news."]


def test_a_text_keeping_the_others_spelling_of_names_in_brackets_translates_it():
    english = article_from_text("\n".join(GLOSSED), id="en", lang="en")
    chinese = article_from_text("\n".join(CHINESE), id="zh", lang="zh")
    # the Chinese text is the story's reference, yet it keeps the English names' spelling
    prov, _ = analyze_provenance([english, chinese], [_pair("zh", "en", "zh", "en")], None)
    edge = _edge(prov, "zh", "en")
    assert edge.evidence["direction"] == "keeps the other's wording in brackets"
    assert (prov["zh"].origin, prov["zh"].origin_language) == ("translation", "en")
    assert prov["en"].origin_article is None


def test_glosses_are_the_others_words_not_acronyms_or_what_both_bracket():
    other = "Moldovan police and the Intelligence Service (SIS) met Darren Moss and NATO."
    assert source_glosses("警长达伦·莫斯（Darren Moss）、北约 (NATO) 和 (SIS)", other) == \
        ["Darren Moss"]
    assert source_glosses("the mayor (Moss) spoke", "Darren Mossberg spoke") == []
    # a Chinese wording kept in an English text: no word boundaries to ask for
    assert source_glosses("President Xi Jinping (习近平) spoke", "国家主席习近平表示") == ["习近平"]
