"""The facts layer: each sentence read once, shared by alignment, drift, stories and
derivation; cached by content and glossary, bounded, and reading what each step read."""

from __future__ import annotations

import datetime as dt
import sys

import pytest
from conftest import SEEDS
from support.analysis_factory import article_from_lines

import provenance.quantities
from provenance import facts as F
from provenance.attribution import article_attributions
from provenance.corpus import load_corpus
from provenance.facts import (
    FactsCache,
    article_facts,
    corpus_facts,
    facts_of_texts,
    read_sentence,
    sentence_facts,
)
from provenance.glossary import Glossary, default_glossary
from provenance.origin import origin_signals
from provenance.pipeline import Settings, compare_pair

REFERENCE = [
    "SpaceX won a $5.9 billion contract on June 25, Reuters reported.",
    "The Falcon 9 will fly 12 missions for NASA.",
    "Officials may announce more launches next year.",
]
RELAYS = {
    "relay-a": [REFERENCE[0], "The Falcon 9 will fly 14 missions for NASA.",
                REFERENCE[2]],
    "relay-b": [REFERENCE[0], REFERENCE[1], "Officials will announce more launches."],
}
RELAY_ZH = ["路透社报道，SpaceX于6月25日获得59亿美元合同。", "猎鹰9号将为NASA执行12次任务。",
            "官员可能明年宣布更多发射。"]


@pytest.fixture()
def glossary() -> Glossary:
    return default_glossary()


@pytest.fixture(autouse=True)
def _fresh_cache():
    F.CACHE.clear()
    yield
    F.CACHE.clear()


def _count_extractions(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    calls: list[str] = []
    real = provenance.quantities.extract_quantities

    def counting(text: str, lang: str, published: dt.date | None = None):
        calls.append(text)
        return real(text, lang, published)

    monkeypatch.setattr(provenance.quantities, "extract_quantities", counting)
    return calls


def test_a_corpus_is_read_once_across_steps(glossary, monkeypatch):
    calls = _count_extractions(monkeypatch)
    ref = article_from_lines("ref", REFERENCE, "en")
    relays = [article_from_lines(i, lines, "en") for i, lines in RELAYS.items()]
    relays.append(article_from_lines("relay-zh", RELAY_ZH, "zh-cn"))
    corpus_facts([ref, *relays], glossary)  # stories, reference choice, provenance
    for relay in relays:  # alignment (with the gloss skeleton for zh) and drift
        compare_pair(ref, relay, Settings().pair, glossary)
    distinct = {line for lines in [REFERENCE, *RELAYS.values(), RELAY_ZH] for line in lines}
    # once per distinct text: not once per step, nor per pair the reference is in
    assert sorted(calls) == sorted(distinct)


def test_steps_read_the_same_objects(glossary):
    ref = article_from_lines("ref", REFERENCE, "en")
    facts = article_facts(ref, glossary)
    assert article_facts(ref, glossary) is facts
    assert facts.features is article_facts(ref, glossary).features
    assert sentence_facts(ref, glossary) is facts.sentences
    # cues and attributions are read on first use and kept with the sentence
    first = facts.sentences[0]
    assert first.attributions is sentence_facts(ref, glossary)[0].attributions


def test_an_edited_article_or_another_glossary_is_read_again(glossary):
    ref = article_from_lines("ref", REFERENCE, "en")
    before = article_facts(ref, glossary)
    ref.sentences[1].text = "The Falcon 9 will fly 40 missions for NASA."
    after = article_facts(ref, glossary)
    assert after is not before
    assert any(q.value == 40 for q in after.sentences[1].quantities)
    smaller = Glossary([c for c in glossary.concepts.values() if c.id != "spacex"])
    assert "spacex" in after.features.concepts
    assert "spacex" not in article_facts(ref, smaller).features.concepts


def test_the_cache_is_bounded(glossary):
    cache = FactsCache(max_readings=3, max_sentence_lists=1, max_articles=1)
    articles = [article_from_lines(i, lines, "en") for i, lines in RELAYS.items()]
    for article in articles:
        assert cache.article(article, glossary).features.concepts
    assert cache.sizes() == {"readings": 3, "sentences": 1, "articles": 1}
    # the most recently used entries stay
    assert cache.article(articles[-1], glossary) is cache.article(articles[-1], glossary)


def test_numbers_inside_names_are_not_quantities_but_stay_alignment_evidence(glossary):
    facts = read_sentence(REFERENCE[1], "en", glossary)
    assert "falcon-9" in facts.concepts
    assert [q.value for q in facts.quantities] == [12]
    assert sorted(q.value for q in facts.extracted) == [9, 12]


def test_dates_resolve_against_the_articles_own_publication_date(glossary):
    dated = article_from_lines("ref", REFERENCE, "en", published="2024-07-01")
    assert [q.date for q in sentence_facts(dated, glossary)[0].dates] == ["2024-06-25"]
    # plain sentence strings (align) know no publication date
    plain = facts_of_texts(REFERENCE, "en", glossary)
    assert [q.date for q in plain[0].dates] == ["--06-25"]


def test_each_sentence_is_read_in_its_own_language(glossary):
    article = article_from_lines("uk", ["Президент Зеленський зустрівся з послом.",
                                        "He said: “Russia may attack”."], "uk")
    article.sentences[1].lang = "en"
    facts = sentence_facts(article, glossary)
    assert [f.lang for f in facts] == ["uk", "en"]
    assert [c.text for c in facts[1].cues_of("modal")] == ["may"]
    # story features read every sentence in the article's language, as before
    assert article_facts(article, glossary).features == F._story_features(
        article, facts_of_texts([s.text for s in article.sentences], "uk", glossary))


def test_article_facts_agree_with_the_attribution_and_origin_passes(glossary):
    for article in load_corpus([SEEDS]):
        facts = article_facts(article, glossary)
        assert facts.attributions == article_attributions(article, glossary), article.id
        assert facts.signals == origin_signals(article, glossary), article.id


def test_provenance_results_do_not_share_objects_with_the_cache(glossary):
    from provenance.derivation import analyze_provenance

    articles = load_corpus([SEEDS])
    result, _ = analyze_provenance(articles, [], glossary)
    cited = next(p for p in result.values() if p.attributions)
    cited.attributions[0].source = "changed by the caller"
    cited.attributions[0].chain.append("changed by the caller")
    fresh, _ = analyze_provenance(articles, [], glossary)
    assert fresh[cited.article_id].attributions[0].source != "changed by the caller"
    assert "changed by the caller" not in fresh[cited.article_id].attributions[0].chain


@pytest.mark.parametrize("module", ["provenance.glossary", "provenance.quantities"])
def test_align_does_not_run_without_its_readers(module, monkeypatch):
    from provenance.align import align

    # a broken install must fail loudly, not align silently without concepts or numbers
    monkeypatch.setitem(sys.modules, module, None)
    with pytest.raises(ImportError):
        align(REFERENCE, RELAYS["relay-a"], "en", "en")


def test_own_outlet_names_come_from_the_outlet_and_the_url_host():
    article = article_from_lines("a", ["The Kyiv Independent news desk reports."], "en",
                                 url="https://kyivindependent.com/trump-plan",
                                 outlet="The Kyiv Independent")
    facts = article_facts(article, None)
    assert facts.own_names == {"the kyiv independent", "kyivindependent"}
    assert facts.names_outlet(facts.own_names)
    # generic and short host labels name nobody
    bare = article_from_lines("b", ["A text."], "en", url="https://m.news.l4.net.cn/x")
    assert article_facts(bare, None).own_names == frozenset()


@pytest.mark.parametrize(("text", "named"), [
    ("Copyright Euromaidanpress.com 2024", True),
    ("Source: Euromaidan Press.", True),
    ("As the Kyiv Independent reported on Monday.", True),
    ("Read more at kyivindependent.com.", True),
    ("© in-ukraine.info 2022", True),
    ("The war in Ukraine goes on.", False),  # in-ukraine.info is not "in Ukraine"
    ("The talks went on later in the week.", False),  # theweek.com is not "the week"
    ("The Weekly Standard wrote it first.", False),
    ("The Week reported the talks.", True),
])
def test_an_outlet_is_named_as_a_name_or_a_host_not_as_ordinary_words(text, named):
    names = {"euromaidanpress", "kyivindependent", "in-ukraine", "theweek"}
    facts = article_facts(article_from_lines("x", [text], "en"), None)
    assert facts.names_outlet(names) is named


def test_the_lead_is_the_title_and_the_first_sentences_of_some_length():
    lines = ["Headline of the story", "NATO", *[f"Sentence number {i} of the body." for i in
                                                 range(8)]]
    article = article_from_lines("a", lines, "en", title="A title that is not a sentence")
    lead = article_facts(article, None).lead
    assert lead[0] == "A title that is not a sentence" and "NATO" not in lead
    assert len(lead) == F.LEAD_SENTENCES and lead[1] == "Headline of the story"
    # vectors are off in the tests: no document vector, and nothing computed
    assert article_facts(article, None).document_vector() is None
