"""explain_pair: which words of a foreign sentence render which English words, and why."""

from __future__ import annotations

from provenance.explain import explain_pair
from provenance.glossary import default_glossary

ZH = "据美国《华尔街日报》报道,SpaceX在2021年赢得了18亿美元的机密合同,普京对此表示担忧。"
EN = ("SpaceX won a $1.8 billion classified contract in 2021, The Wall Street Journal "
      "reported, and Vladimir Putin voiced concern.")


def _by_kind(links):
    out: dict[str, set[tuple[str, str]]] = {}
    for k in links:
        out.setdefault(k.kind, set()).add((k.src_text, k.tgt_text))
    return out


def test_concepts_quantities_and_dictionary_words_explain_a_chinese_pair() -> None:
    links = explain_pair(ZH, "zh-cn", EN, "en", default_glossary())
    kinds = _by_kind(links)
    assert ("SpaceX", "SpaceX") in kinds["glossary"]
    assert ("普京", "Vladimir Putin") in kinds["glossary"]
    assert ("18亿美元", "$1.8 billion") in kinds["quantity"]
    assert {("机密", "classified"), ("合同", "contract"), ("报道", "reported")} <= kinds["lexicon"]
    for k in links:
        assert ZH[k.src_start:k.src_end] == k.src_text and EN[k.tgt_start:k.tgt_end] == k.tgt_text
    # each word of either side is explained once, the strongest evidence first
    for i, a in enumerate(links):
        for b in links[i + 1:]:
            assert a.src_end <= b.src_start or b.src_end <= a.src_start
            assert a.tgt_end <= b.tgt_start or b.tgt_end <= a.tgt_start
    assert [k.src_start for k in links] == sorted(k.src_start for k in links)


def test_an_english_source_gets_its_links_turned_around() -> None:
    # Zakharova is in no glossary: transliteration links her; Putin is a concept
    en = "Foreign ministry spokeswoman Maria Zakharova said Musk had spoken to Putin."
    uk = "Речниця МЗС Марія Захарова заявила, що Маск говорив з Путіним."
    links = explain_pair(en, "en", uk, "uk", default_glossary())
    pairs = {(k.src_text, k.tgt_text, k.kind) for k in links}
    assert ("Zakharova", "Захарова", "translit") in pairs
    assert ("Putin", "Путіним", "glossary") in pairs
    for k in links:
        assert en[k.src_start:k.src_end] == k.src_text and uk[k.tgt_start:k.tgt_end] == k.tgt_text


def test_without_a_glossary_the_word_links_remain() -> None:
    links = explain_pair(ZH, "zh-cn", EN, "en")
    assert not any(k.kind == "glossary" for k in links)
    assert ("华尔街日报", "Wall Street Journal") in {(k.src_text, k.tgt_text) for k in links}
