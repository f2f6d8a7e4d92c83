"""The matcher on real sentences in en, zh, ko, uk and ru, with the bundled glossaries."""

from __future__ import annotations

import pytest

from provenance.glossary import Concept, Form, Glossary, default_glossary


@pytest.fixture(scope="module")
def g() -> Glossary:
    return default_glossary()


def found(g: Glossary, text: str, lang: str) -> list[tuple[str, str]]:
    return [(m.concept_id, m.text) for m in g.match(text, lang)]


def test_bundled_glossary_is_broad_and_cached(g: Glossary) -> None:
    assert len(g) >= 100
    assert default_glossary() is g
    assert {"person", "outlet", "company", "vehicle", "agency", "place", "title"} <= {
        c.category for c in g.concepts.values()}
    for concept in g.concepts.values():
        assert {"en", "zh-Hans", "ko"} <= set(concept.forms) or concept.category == "other" or \
            len(concept.forms) >= 3, concept.id
    assert len(g.digest) == 12 and g.digest == Glossary.load().digest


def test_english_longest_first_and_case(g: Glossary) -> None:
    text = ("Blue Origin CEO Dave Limp met White House Chief of Staff Susie Wiles, the Journal "
            "reported; New Glenn and Glenn differ. A limp excuse, the journal of record.")
    matches = g.match(text, "en")
    assert [(m.concept_id, m.text) for m in matches] == [
        ("blue-origin", "Blue Origin"), ("dave-limp", "Dave Limp"),
        ("white-house-chief-of-staff", "White House Chief of Staff"),
        ("susie-wiles", "Susie Wiles"), ("wsj", "the Journal"), ("new-glenn", "New Glenn")]
    assert all(text[m.start:m.end] == m.text for m in matches)
    assert [m.start for m in matches] == sorted(m.start for m in matches)


def test_deprecated_form_is_reported_as_such(g: Glossary) -> None:
    (m,) = [m for m in g.match("the U.S. Space Force Command awarded it", "en")]
    assert (m.concept_id, m.status, m.canonical) == ("us-space-force", "deprecated", "Space Force")
    (ok,) = g.match("the Space Force awarded it", "en")
    assert ok.status == "preferred"


def test_word_boundaries_for_latin_but_not_inside_cjk(g: Glossary) -> None:
    assert found(g, "Trumpet players and a Muskrat", "en") == []
    assert found(g, "Musk's company, Trump12 said", "en") == [
        ("elon-musk", "Musk"), ("donald-trump", "Trump")]
    assert ("spacex", "SpaceX") in found(g, "马斯克的SpaceX公司", "zh-cn")
    assert ("spacex", "SpaceX") in found(g, "머스크의 SpaceX가", "ko")


def test_chinese_simplified_and_traditional(g: Glossary) -> None:
    zh = "据《华尔街日报》报道，蓝色起源创始人贝索斯与特朗普通话，美国太空军授予其59亿美元合同。"
    assert found(g, zh, "zh-cn") == [
        ("wsj", "《华尔街日报》"), ("blue-origin", "蓝色起源"), ("jeff-bezos", "贝索斯"),
        ("donald-trump", "特朗普"), ("us-space-force", "美国太空军")]
    hant = "據《華爾街日報》報導，藍色起源創辦人貝佐斯"
    assert [c for c, _ in found(g, hant, "zh-tw")] == ["wsj", "blue-origin", "jeff-bezos"]
    # zh-cn text may use traditional forms too (quotes, names copied from Taiwan media)
    assert [c for c, _ in found(g, "藍色起源", "zh-cn")] == ["blue-origin"]


def test_korean_particles_attach(g: Glossary) -> None:
    ko = ("블루오리진은 뉴글렌을 개발 중이며 일론 머스크의 스페이스X가 "
          "월스트리트저널에 따르면 미 우주군과 계약했다.")
    assert found(g, ko, "ko") == [
        ("blue-origin", "블루오리진"), ("new-glenn", "뉴글렌"), ("elon-musk", "일론 머스크"),
        ("spacex", "스페이스X"), ("wsj", "월스트리트저널"), ("us-space-force", "미 우주군")]
    ids = [c for c, _ in found(g, "블루오리진이 트럼프와", "ko")]
    assert ids == ["blue-origin", "donald-trump"]


def test_a_short_korean_form_is_no_match_inside_a_longer_word() -> None:
    from provenance.glossary import default_glossary

    bundled = default_glossary()

    def ids(text: str) -> list[str]:
        return [m.concept_id for m in bundled.match(text, "ko")]

    assert ids("시나리오를 위한 요청") == []  # 시나 (Sina) inside "scenario"
    assert ids("7일(한국시간) 보도") == []  # Korea time, not South Korea
    assert ids("시나는 보도했다") == ["sina"]  # with a particle it is the outlet
    assert ids("미국은 말했다") == ids("미국인이 우려했다") == ["united-states"]


def test_ukrainian_inflection(g: Glossary) -> None:
    uk = ("Безос зустрівся з Трампом, а глава адміністрації Білого дому Сьюзі Вайлз говорила "
          "з Маском. Трампа, Трампові. Компанія Блу Оріджин, повідомляє The Wall Street Journal.")
    assert found(g, uk, "uk") == [
        ("jeff-bezos", "Безос"), ("donald-trump", "Трампом"),
        ("white-house-chief-of-staff", "глава адміністрації Білого дому"),
        ("susie-wiles", "Сьюзі Вайлз"), ("elon-musk", "Маском"), ("donald-trump", "Трампа"),
        ("donald-trump", "Трампові"), ("blue-origin", "Блу Оріджин"),
        ("wsj", "The Wall Street Journal")]
    assert [c for c, _ in found(g, "Він був у Білому домі", "uk")] == ["white-house"]
    # lower-case common nouns that share a stem with a name are not the name
    assert found(g, "медичні маски", "uk") == []


def test_russian_inflection(g: Glossary) -> None:
    ru = ("Безос встретился с Трампом в Белом доме; Илона Маска критиковал Дональд Трамп, "
          "сообщает РИА Новости.")
    assert found(g, ru, "ru") == [
        ("jeff-bezos", "Безос"), ("donald-trump", "Трампом"), ("white-house", "Белом доме"),
        ("elon-musk", "Илона Маска"), ("donald-trump", "Дональд Трамп"),
        ("ria-novosti", "РИА Новости")]


def test_custom_glossary_and_lookup(tmp_path) -> None:
    g = Glossary([Concept("glenn", "person", "John Glenn", {"en": [Form("Glenn")]}),
                  Concept("ng", "vehicle", "New Glenn", {"en": [Form("New Glenn")]})])
    assert found(g, "New Glenn, named after Glenn", "en") == [
        ("ng", "New Glenn"), ("glenn", "Glenn")]
    assert g.lookup("new glenn").id == "ng"
    assert g.lookup("nothing") is None
    with pytest.raises(KeyError, match="nope"):
        g.get("nope")
    assert g.match("", "en") == []


def test_a_file_named_twice_is_read_once() -> None:
    from conftest import REPO

    folder = REPO / "glossaries"
    g = Glossary.load([folder, folder / "people.yaml"])
    assert len(g) == len(Glossary.load([folder]))


def test_generic_words_in_other_languages_are_not_us_bodies(g: Glossary) -> None:
    # 国务院 is China's State Council, 민주당 a Korean party: not the US concepts; 总理 is
    # a premier (glossaries/titles.yaml), of any country
    assert found(g, "国务院总理出席会议", "zh-cn") == [("head-of-government", "总理")]
    assert found(g, "민주당 대표가 말했다", "ko") == []


def test_glossary_codes_work_as_article_codes(g: Glossary) -> None:
    # callers pass either the article code or provenance.lang.glossary_code() of it
    text = "蓝色起源与美国太空军"
    assert found(g, text, "zh-Hans") == found(g, text, "zh-cn") == [
        ("blue-origin", "蓝色起源"), ("us-space-force", "美国太空军")]
    assert found(g, "Трампа", "uk") == found(g, "Трампа", "uk-UA")
    assert found(g, "SpaceX launched", "und") == [("spacex", "SpaceX")]
