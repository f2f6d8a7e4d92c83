"""The language registry, and that every language list and per-language table in the
code agrees with it: a language given a capability must have the tables that capability
reads, and a table may not hold a language the registry does not give it."""

from __future__ import annotations

import importlib.util

import pytest

from provenance import lang
from provenance.lang import (
    BASIC,
    FULL,
    NONE,
    REGISTRY,
    TIER_CAPABILITIES,
    Language,
    base_codes,
    glossary_codes,
    languages,
    languages_with,
)


def _bases(capability: str) -> set[str]:
    return set(base_codes(languages_with(capability)))


# -- the registry itself ------------------------------------------------------------------
def test_every_code_and_alias_finds_its_record() -> None:
    for record in REGISTRY:
        for key in (record.code, record.code.upper(), record.glossary_code, *record.aliases):
            assert lang.language(key) is record, key


def test_regions_and_scripts_fall_back_to_the_language() -> None:
    assert lang.language("en-US").code == "en"
    assert lang.language("pt_BR").code == "pt"
    assert lang.language("zh").code == "zh-cn"
    assert lang.language("zh-Hant-TW").code == "zh-tw"
    assert lang.language("zh-HK").code == "zh-tw"
    assert lang.language("xx") is None
    assert lang.language(None) is None
    assert lang.language("und") is None


def test_codes_articles_and_glossaries_use() -> None:
    assert [lang.glossary_code(c) for c in ("en", "zh-cn", "zh-TW", "zh", "uk", "pt-BR")] == \
        ["en", "zh-Hans", "zh-Hant", "zh-Hans", "uk", "pt"]
    assert lang.glossary_code("xx-YY") == "xx"  # unknown: the base code, as before
    assert lang.display_name("bg") == "Bulgarian"
    assert lang.display_name("xx") == "xx"
    assert lang.display_name(None) == lang.display_name("und") == "undetermined"
    assert lang.tier_of("zh-tw") == FULL and lang.tier_of("xx") == NONE


def test_the_full_tier_is_the_one_issue_16_promises() -> None:
    assert glossary_codes(languages(tier=FULL)) == ("en", "zh-Hans", "zh-Hant", "ko", "uk", "ru")
    assert [r.code for r in languages(tier=FULL, one_per_base=True)] == \
        ["en", "zh-cn", "ko", "uk", "ru"]


def test_each_tier_keeps_its_promise() -> None:
    for record in REGISTRY:
        assert TIER_CAPABILITIES[record.tier] <= record.capabilities, record.code
    with pytest.raises(ValueError, match="needs"):
        Language("xx", "Test", "latin", BASIC)  # basic without an attribution lexicon
    with pytest.raises(ValueError, match="unknown capabilities"):
        Language("xx", "Test", "latin", capabilities=frozenset({"quantity"}))


def test_a_misspelt_capability_is_an_error_not_false() -> None:
    with pytest.raises(KeyError):
        lang.has("en", "quantity")
    with pytest.raises(KeyError):
        lang.has("xx", "quantity")
    with pytest.raises(KeyError):
        languages_with("glosary")
    assert lang.has("xx", "quantities") is False


def test_script_families() -> None:
    assert {"uk", "ru", "be", "bg", "sr", "mk"} == lang.CYRILLIC
    assert {"zh", "ja", "ko"} == lang.CJK
    assert lang.is_cyrillic("bg") and not lang.is_cyrillic("en") and not lang.is_cyrillic("xx")
    assert lang.script_of("zh-tw") == "han" and lang.script_of("xx") is None


# -- the lists and tables that read it -------------------------------------------------------
def test_quantities_tables_cover_exactly_the_quantities_languages() -> None:
    from provenance.quantities import dates, extract, markers, numerals, units

    wanted = _bases("quantities")
    assert set(extract.LANGS) == wanted
    # tables the extractor indexes for every language it reads
    for table in (markers.PRE_QUALIFIERS, markers.POST_QUALIFIERS, markers.PERCENT_RX,
                  markers.SUFFIX_CUR_RX, units.SUFFIX_CURRENCIES, units.LOOKUP,
                  dates._PATTERNS, dates._RELATIVE, dates._LOCAL_MARKERS):
        assert set(table) == wanted
    for forms in units._UNITS.values():
        assert set(forms) <= wanted
    # the Slavic rules serve the Cyrillic-script quantities languages
    slavic = {code for code in wanted if lang.is_cyrillic(code)}
    for table in (numerals.SLAVIC_SCALES, markers.SLAVIC_ORDINAL_WORDS,
                  markers.SLAVIC_MULTIPLES, dates._MONTHS_LOC):
        assert set(table) == slavic


SAMPLES = {
    "en": "They launched 5 rockets.",
    "zh": "发射了5枚火箭。",
    "ko": "로켓 5개를 발사했다.",
    "uk": "Запустили 5 ракет.",
    "ru": "Запустили 5 ракет.",
}


def test_every_quantities_language_reads_a_count() -> None:
    from provenance.quantities import extract_quantities

    assert set(SAMPLES) == _bases("quantities")  # a new language needs a sample here
    for record in languages_with("quantities"):
        found = extract_quantities(SAMPLES[record.base], record.code)
        assert [(q.kind, q.value, q.unit) for q in found] == [("count", 5.0, "rocket")], \
            record.code


def test_attribution_cue_lexicons() -> None:
    from provenance.attribution.cues import tables
    from provenance.attribution.lexicon import DATA

    assert {p.stem for p in DATA.glob("*.yaml")} == _bases("attribution")
    for code, table in tables().items():
        assert table.before and table.after and table.unnamed, code


def test_drift_lexicons() -> None:
    from provenance.lexicons import (
        CONJUNCTIONS,
        CORE,
        DATA,
        categories,
        lexicon,
        lexicon_lang,
        relation_groups,
    )

    wanted = _bases("drift")
    assert {p.stem for p in DATA.glob("*.yaml")} == wanted
    known = set(categories()) | set(CONJUNCTIONS)
    for code in wanted:
        table = lexicon(code)
        assert set(CORE) <= set(table), code  # every drift language reads the core cues
        assert set(table) <= known, (code, set(table) - known)  # no misspelt category
    for group in relation_groups().values():
        assert group.severity in ("minor", "major") and len(set(group.classes)) == 2
    assert [lexicon_lang(c) for c in ("zh-tw", "uk", "de", "ja", None)] == [
        "zh", "uk", "de", None, None]


def test_glossary_languages_come_from_the_registry() -> None:
    from provenance.glossary.model import CONCEPT_LANGUAGES, LANGUAGES, known_concept_language

    assert glossary_codes(languages_with("glossary")) == LANGUAGES
    assert set(LANGUAGES) < set(CONCEPT_LANGUAGES)
    for code in CONCEPT_LANGUAGES:
        assert lang.has(code, "glossary"), code
    assert known_concept_language("ZH") == "zh"


def test_glossary_families_and_inflection() -> None:
    from provenance.glossary import matcher

    assert set(glossary_codes(languages_with("inflection"))) == matcher._INFLECTING
    for record in REGISTRY:
        family = matcher.language_family(record.code)
        assert family[0] == record.glossary_code or record.code == "zh-tw"
        for member in family:
            assert lang.has(member, "glossary") or family == (record.glossary_code,)
    assert matcher.language_family("zh-tw") == ("zh-Hans", "zh-Hant")
    assert matcher.language_family("ru") == ("ru", "uk")
    assert matcher.language_family("xx") == ("xx",)


def test_inflecting_languages_have_morphology_dictionaries() -> None:
    for record in languages_with("inflection"):
        assert importlib.util.find_spec(f"pymorphy3_dicts_{record.base}") is not None


def test_names_are_compared_in_latin_and_cyrillic_only() -> None:
    from provenance.drift.names import find_names, name_script

    for record in REGISTRY:
        expected = record.script if record.can("names") else None
        assert name_script(record.code) == expected, record.code
        assert expected in (None, "latin", "cyrillic")
    text = "за словами Зеленського, Маск погодився."
    assert [n.text for n in find_names(text, "uk")] == ["Зеленського", "Маск"]
    # Macedonian is Cyrillic, but drift.names cannot read it yet (ј, љ, њ...): only Latin
    # capitals are looked for there
    assert name_script("mk") is None
    assert find_names(text, "mk") == []


def test_langid_scripts_agree() -> None:
    from provenance import langid

    for record in REGISTRY:
        expected = record.script if record.script in langid._SCRIPTS else "latin"
        assert langid._script_of(record.base) == expected, record.code
    assert langid._script_of("und") is None


def test_segmenter_gets_the_registry_code(monkeypatch: pytest.MonkeyPatch) -> None:
    import sentencex

    from provenance.segment import segment

    seen: list[str] = []
    real = sentencex.get_sentence_boundaries

    def spy(code: str, text: str):  # type: ignore[no-untyped-def]
        seen.append(code)
        return real(code, text)

    monkeypatch.setattr(sentencex, "get_sentence_boundaries", spy)
    for code in ("de", "zh-tw", "ro", "xx"):
        segment("One. Two.", code)
    assert seen == ["de", "zh", "en", "en"]
    assert not lang.has("ro", "segmentation")


def test_country_domains() -> None:
    from provenance.origin import _TLD_LANG, outlet_language

    domains = [d for r in REGISTRY for d in r.country_domains]
    assert len(domains) == len(set(domains))
    assert set(_TLD_LANG.values()) <= {r.base for r in REGISTRY}
    assert outlet_language(None, "zdnet.co.kr", None) == "ko"
    assert outlet_language(None, "cna.com.tw", None) == "zh"
    assert outlet_language(None, "example.by", None) == "ru"


def test_auto_translation_choices_cover_the_supported_languages(
        monkeypatch: pytest.MonkeyPatch) -> None:
    from provenance.translate import packages

    monkeypatch.setattr(packages, "installed_models", lambda packages_dir=None: [])
    supported = ("zh", "zt", "ko", "uk", "ru", "ja", "de", "fr", "es", "it", "pt", "bg", "ro",
                 "pl", "tr", "ar", "vi")
    assert packages.auto_choices() == {c: "gloss" for c in supported}
    assert [packages.argos_code(c) for c in ("zh-cn", "zh-TW", "zh-Hant", "zt", "en-US")] == \
        ["zh", "zt", "zt", "zt", "en"]


def test_tui_glossary_columns() -> None:
    from provenance.glossary.model import LANGUAGES
    from tui.screens.glossary import LANGS

    assert set(LANGS) <= set(LANGUAGES)
    assert [lang.language(c).tier for c in LANGS] == [FULL] * len(LANGS)  # type: ignore[union-attr]
    assert len({lang.base(c) for c in LANGS}) == len(LANGS) == len(base_codes(languages(tier=FULL)))


def test_numbers_languages_have_month_names_and_a_decimal_mark() -> None:
    from provenance.quantities.basic import DECIMAL_COMMA, month_names

    wanted = _bases("numbers")
    assert wanted >= DECIMAL_COMMA
    for code in wanted:
        assert set(month_names(code).values()) == set(range(1, 13)), code
    assert not wanted & _bases("quantities")  # a full-tier language has its own rules
