"""Translation origin on the seeds and on the second story (zh/ko/uk/ru relays)."""

from __future__ import annotations

import pytest
from conftest import CORPORA, SEEDS

from provenance.attribution import article_attributions
from provenance.corpus import article_from_text, load_corpus
from provenance.glossary import default_glossary
from provenance.origin import classify_origin, origin_signals, outlet_language

SECOND_STORY = CORPORA / "second_story"


@pytest.fixture(scope="module")
def glossary():
    return default_glossary()


@pytest.fixture(scope="module")
def verdicts(glossary):
    out = {}
    for article in load_corpus([SEEDS, SECOND_STORY]):
        attributions = article_attributions(article, glossary)
        signals = origin_signals(article, glossary, attributions)
        out[article.id[:3] if article.id[0].isdigit() else article.id] = (
            article, attributions, signals,
            classify_origin(article, attributions, signals, glossary=glossary))
    return out


@pytest.mark.parametrize(("article_id", "origin", "language"), [
    ("000", "translation", "zh"),
    ("001", "re-report", "en"),
    ("002", "translation", "uk"),
    ("003", "translation", "ko"),
    ("004", "re-report", "en"),
    ("en-bloomberg", "original", "en"),
    ("en-battery-wire", "re-report", "en"),
    ("en-yonhap-english", "translation", "ko"),
    ("zh-cls", "re-report", "en"),
    ("ko-yonhap", "re-report", "en"),
    ("uk-eurointegration", "re-report", "en"),
    ("ru-interfax-relay", "re-report", "en"),
])
def test_origin(verdicts, article_id, origin, language):
    verdict = verdicts[article_id][3]
    assert (verdict.origin, verdict.origin_language) == (origin, language)
    assert 0.5 <= verdict.confidence <= 1.0


def _names(signals) -> dict[str, set[str | None]]:
    out: dict[str, set[str | None]] = {}
    for s in signals:
        out.setdefault(s.name, set()).add(s.language_hint)
    return out


def test_seed_evidence(verdicts):
    assert _names(verdicts["000"][2])["platform_disclaimer"] == {"zh"}
    assert "day_of_month_date" in _names(verdicts["000"][2])
    assert "deprecated_term" in _names(verdicts["000"][2])  # "Space Force Command"
    assert _names(verdicts["002"][2])["foreign_chain"] == {"uk"}
    assert _names(verdicts["003"][2])["foreign_copyright"] == {"ko"}
    assert "local_time" in _names(verdicts["003"][2])
    assert "aggregator_footnotes" in _names(verdicts["001"][2])
    assert _names(verdicts["004"][2]) == {}
    negated = {a.source for a in verdicts["004"][1] if a.negated}
    assert negated == {"Reuters"}


def test_every_seed_relays_the_wsj(verdicts):
    for key in ("000", "001", "002", "003", "004"):
        cited = {a.source for a in verdicts[key][1] if not a.negated}
        assert "The Wall Street Journal" in cited, key


def test_signal_spans_point_into_their_sentence(verdicts):
    for article, _, signals, _ in verdicts.values():
        sentences = {s.index: s.text for s in article.sentences}
        for s in signals:
            if s.sentence is not None:
                assert sentences[s.sentence][s.start:s.end] == s.text


def test_english_outlet_copyright_is_not_a_translation_trace(glossary):
    article = article_from_text(
        "Bloomberg reported on Tuesday that the fund would be larger. The plan is new.\n\n"
        "© 2025 Reuters. All rights reserved.", id="x", lang="en")
    signals = origin_signals(article, glossary)
    assert not [s for s in signals if s.name.endswith("copyright")]
    verdict = classify_origin(article, article_attributions(article, glossary), signals)
    assert verdict.origin == "re-report"


def test_korean_outlet_rendering_from_general_rules(glossary):
    article = article_from_text(
        "Samsung Electronics said on the 14th (local time) that it will invest 3 trillion won. "
        "The company plans to hire 500 engineers.\n\n"
        "ⓒ Maeil Business Newspaper & mk.co.kr, unauthorized reproduction prohibited",
        id="mk", lang="en")
    signals = origin_signals(article, glossary)
    verdict = classify_origin(article, article_attributions(article, glossary), signals)
    assert verdict.origin == "translation" and verdict.origin_language == "ko"


@pytest.mark.parametrize(("concept_id", "name", "language"), [
    ("kommersant-ukrainian", "Kommersant Ukrainian", "uk"),  # from the glossary notes
    ("asia-business-daily", "The Asia Business Daily", "ko"),
    ("wsj", "The Wall Street Journal", "en"),
    # the glossary's language field, where a name alone would mislead or say nothing
    ("korea-herald", "The Korea Herald", "en"),
    ("kyiv-independent", "The Kyiv Independent", "en"),
    ("global-times", "Global Times", "zh"),
    ("afp", "Agence France-Presse", "fr"),
    (None, "Korea Economic Daily", "ko"),  # nationality word in the name
    (None, "example.com.ua", "uk"),  # country domain
    (None, "北海晨报", "zh"),  # script
    (None, "Деловой вестник", "ru"),
    (None, "Tech Daily Wire", None),
])
def test_outlet_language(glossary, concept_id, name, language):
    assert outlet_language(concept_id, name, glossary) == language


def test_uncited_sentence_by_sentence_rendering_is_a_translation(glossary):
    article = article_from_text("Фонд оцінюють у 4,5 млрд євро. Він підтримає 12 проєктів.",
                                id="uk", lang="uk")
    atts = article_attributions(article, glossary)
    signals = origin_signals(article, glossary, atts)
    assert classify_origin(article, atts, signals, 1.0, glossary, "en").origin == "translation"
    assert classify_origin(article, atts, signals, 1.0, glossary, "en").origin_language == "en"
    assert classify_origin(article, atts, signals, None, glossary).origin == "original"


def test_cited_relay_stays_a_re_report_when_closely_aligned(verdicts, glossary):
    article, atts, signals, _ = verdicts["zh-cls"]
    verdict = classify_origin(article, atts, signals, 1.0, glossary, "en")
    assert (verdict.origin, verdict.origin_language) == ("re-report", "en")


@pytest.mark.parametrize(("text", "name"), [
    ("Musk Elon said on Friday that the company would grow.", "name_order"),
    ("According to this newspaper's reporter, the talks failed.", "self_reference"),
    ("The company promoted the \"New Shepard\" rocket again.", "quoted_product_name"),
    ("Officials met on June 3 (local time) in Washington.", "local_time"),
])
def test_single_traces(glossary, text, name):
    article = article_from_text(text, id="t", lang="en")
    assert name in {s.name for s in origin_signals(article, glossary)}


def test_plain_english_report_has_no_traces(glossary):
    article = article_from_text("Elon Musk said on Friday that SpaceX would launch 170 rockets "
                                "this year. The company declined to give details.", id="t",
                                lang="en")
    assert origin_signals(article, glossary) == []


def test_outlet_language_comes_from_the_concept_field_then_its_notes():
    from provenance.glossary import Concept, Form, Glossary

    g = Glossary([
        Concept("daily-wire", "outlet", "Tech Daily Wire", {"en": [Form("Tech Daily Wire")]},
                notes="A Korean trade daily.", language="ja"),
        Concept("other-wire", "outlet", "Other Wire", {"en": [Form("Other Wire")]},
                notes="A Korean trade daily."),
    ])
    assert outlet_language("daily-wire", "Tech Daily Wire", g) == "ja"  # field beats notes
    assert outlet_language("other-wire", "Other Wire", g) == "ko"  # no field: the notes
    assert outlet_language("daily-wire", "Tech Daily Wire", None) is None
