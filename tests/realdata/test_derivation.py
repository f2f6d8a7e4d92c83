"""Derivation graph on the seeds, the second story, and small in-memory corpora."""

from __future__ import annotations

import pytest
from conftest import CORPORA, SEEDS

from provenance.corpus import article_from_text, load_corpus
from provenance.derivation import analyze_provenance, direct_sources
from provenance.errors import BadInput
from provenance.glossary import default_glossary
from provenance.model import Alignment, Attribution, Link, PairAnalysis

SECOND_STORY = CORPORA / "second_story"
WSJ = "The Wall Street Journal"


@pytest.fixture(scope="module")
def glossary():
    return default_glossary()


@pytest.fixture(scope="module")
def seeds(glossary):
    return analyze_provenance(load_corpus([SEEDS]), [], glossary)


@pytest.fixture(scope="module")
def second(glossary):
    return analyze_provenance(load_corpus([SECOND_STORY]), [], glossary)


def _by_prefix(prov, prefix):
    return next(p for k, p in prov.items() if k.startswith(prefix))


def test_seeds_all_relay_the_wsj(seeds):
    prov, roots = seeds
    assert roots == [WSJ]
    for key in ("000", "001", "003", "004"):
        top = _by_prefix(prov, key).derived_from[0]
        assert (top.source, top.external) == (WSJ, True)
        assert top.evidence["chain"] == [WSJ]


def test_seed_002_relays_kommersant_which_relays_the_wsj(seeds):
    prov, _ = seeds
    p = _by_prefix(prov, "002")
    assert [e.source for e in p.derived_from] == ["Kommersant Ukrainian"]
    assert p.derived_from[0].evidence["chain"] == [WSJ, "Kommersant Ukrainian"]
    assert (p.origin, p.origin_language) == ("translation", "uk")


def test_seed_000_also_cites_fox_news_as_a_secondary_source(seeds):
    prov, _ = seeds
    edges = {e.source: e for e in _by_prefix(prov, "000").derived_from}
    assert set(edges) == {WSJ, "Fox News"}
    assert edges[WSJ].score > edges["Fox News"].score
    assert edges[WSJ].evidence["primary"] and not edges["Fox News"].evidence["primary"]


def test_seed_origins(seeds):
    prov, _ = seeds
    got = {k[:3]: (p.origin, p.origin_language) for k, p in prov.items()}
    assert got == {"000": ("translation", "zh"), "001": ("re-report", "en"),
                   "002": ("translation", "uk"), "003": ("translation", "ko"),
                   "004": ("re-report", "en")}


def test_second_story_relays_point_to_the_bloomberg_article(second):
    prov, roots = second
    assert roots == []  # the root is in the corpus
    for relay in ("zh-cls", "ko-yonhap", "uk-eurointegration", "en-battery-wire"):
        top = prov[relay].derived_from[0]
        assert (top.source, top.external) == ("en-bloomberg", False), relay
    assert prov["en-bloomberg"].derived_from == []
    assert prov["en-bloomberg"].origin == "original"


def test_second_story_russian_chain_goes_through_interfax(second):
    prov, _ = second
    edges = prov["ru-interfax-relay"].derived_from
    assert (edges[0].source, edges[0].external) == ("Interfax", True)
    assert edges[0].evidence["chain"] == ["Bloomberg", "Interfax"]
    assert any(e.source == "en-bloomberg" and e.evidence.get("via") == "Interfax"
               for e in edges)


def test_english_rendering_derives_from_the_korean_article(second):
    prov, _ = second
    top = prov["en-yonhap-english"].derived_from[0]
    assert top.source == "ko-yonhap"
    assert top.score > prov["en-yonhap-english"].derived_from[1].score


def test_shared_unusual_detail_links_two_articles(glossary):
    articles = [
        article_from_text("Blue Origin is promoting the 13th crewed flight of New Shepard. "
                          "The company plans 12 launches and hired 400 engineers.",
                          id="en", lang="en", published="2025-06-25"),
        article_from_text("蓝色起源正在推进新谢泼德火箭的第13次载人飞行。该公司计划进行12次发射。",
                          id="zh", lang="zh-cn", published="2025-06-26"),
        article_from_text("블루오리진은 12차례 발사를 계획하고 있다. "
                          "회사는 엔지니어 400명을 고용했다.",
                          id="ko", lang="ko", published="2025-06-26"),
    ]
    prov, roots = analyze_provenance(articles, [], glossary)
    edge = next(e for e in prov["zh"].derived_from if e.source == "en")
    assert "ord:13" in edge.evidence["shared_rare_details"]
    assert edge.evidence["reason"] == "published earlier"
    assert prov["en"].derived_from == []
    assert roots == []


def test_pairs_aligned_share_counts(glossary):
    ref = article_from_text("The fund is worth 4.5 billion euros. It backs 12 projects. "
                            "The plan comes on March 12.", id="ref", lang="en",
                            published="2025-03-03")
    relay = article_from_text("Фонд оцінюють у 4,5 млрд євро. Він підтримає 12 проєктів. "
                              "План представлять 12 березня.", id="relay", lang="uk",
                              published="2025-03-04")
    links = [Link((0,), (0,), 0.9), Link((1,), (1,), 0.8), Link((2,), (2,), 0.7)]
    pair = PairAnalysis("ref", "relay", Alignment("en", "uk", "monotonic", links))
    prov, _ = analyze_provenance([ref, relay], [pair], glossary)
    edge = prov["relay"].derived_from[0]
    assert edge.source == "ref" and edge.evidence["aligned_share"] == 1.0
    assert edge.evidence["direction"] == "published earlier"
    # a relay with no citation but fully aligned with the earlier English text
    assert (prov["relay"].origin, prov["relay"].origin_language) == ("translation", "en")
    assert prov["relay"].origin_article == "ref" and prov["ref"].origin_article is None


def test_direct_sources_apply_chains():
    chain = ["WSJ", "Kommersant"]
    atts = [Attribution("WSJ", "outlet", "reported by", 0, 0, 3, chain=chain),
            Attribution("Kommersant", "outlet", "reports", 0, 10, 20, chain=chain),
            Attribution("WSJ", "outlet", "according to", 1, 0, 3, chain=["WSJ"]),
            Attribution("Reuters", "outlet", "could not verify", 2, 0, 7, negated=True)]
    assert direct_sources(atts) == {"Kommersant": 3}


def test_empty_corpus(glossary):
    assert analyze_provenance([], [], glossary) == ({}, [])


def test_duplicate_ids_are_bad_input(glossary):
    a = article_from_text("Reuters reported the deal.", id="same", lang="en")
    with pytest.raises(BadInput, match="same"):
        analyze_provenance([a, a], [], glossary)
