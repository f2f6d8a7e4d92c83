"""Concept mining for `glossary suggest --concepts`: sightings of a relay's unknown name
with the English it renders, grouped into proposals ready for `glossary add`."""

from __future__ import annotations

import pytest
from support.analysis_factory import article_from_lines
from support.cli import run_cli

from provenance.glossary import Glossary
from provenance.glossary.edit import remove_concept
from provenance.glossary.english_names import english_names
from provenance.glossary.mining import mine_concepts
from provenance.glossary.sightings import aligned_sightings, inline_sightings
from provenance.model import Alignment, CorpusAnalysis, Link, PairAnalysis
from provenance.paths import bundled_glossaries_dir
from provenance.signature import Signature


@pytest.fixture(scope="module")
def glossary_dir(tmp_path_factory: pytest.TempPathFactory):
    """The bundled glossaries without the Kremlin's spokesman, Europe and the Ukrainian
    spelling Владімір Путін: names and a form to be mined."""
    import shutil

    folder = tmp_path_factory.mktemp("glossary") / "glossaries"
    shutil.copytree(bundled_glossaries_dir(), folder)
    remove_concept(folder / "people.yaml", "dmitry-peskov")
    remove_concept(folder / "places.yaml", "europe")
    people = folder / "people.yaml"
    text = people.read_text(encoding="utf-8")
    assert ", Владімір Путін]" in text
    people.write_text(text.replace(", Владімір Путін]", "]"), encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def glossary(glossary_dir) -> Glossary:
    return Glossary.load([glossary_dir])


@pytest.mark.parametrize(("sentence", "names"), [
    ("Kremlin spokesman Dmitry Peskov said so, according to The Wall Street Journal.",
     ["Kremlin", "Dmitry Peskov", "Wall Street Journal"]),
    ("Elon Musk’s Secret Conversations With Vladimir Putin", ["Elon Musk", "Vladimir Putin"]),
    ("Trump Advisers Push Ukraine to Freeze War, Not Join NATO", ["Ukraine", "NATO"]),
    ("Russian officials met Chinese leader Xi Jinping in Kazan.", ["Xi Jinping", "Kazan"]),
    ("Advisers, including General Keith Kellogg, spoke.", ["Keith Kellogg"]),
    ("Satellite internet is not available in Taiwan.", ["Taiwan"]),
])
def test_english_names(sentence: str, names: list[str]) -> None:
    assert [n.text for n in english_names(sentence)] == names


def test_a_relay_writing_the_latin_name_pairs_it_with_its_own_form(glossary) -> None:
    g = glossary
    text = "克里姆林宫发言人培斯科夫(Dmitry Peskov)说,蒲亭(Vladimir Putin)只与马斯克通过一次电话。"
    found = {(s.form, s.english, s.concept_id) for s in inline_sightings(text, "zh-cn", g, "a")}
    assert ("培斯科夫", "Dmitry Peskov", None) in found
    assert ("蒲亭", "Vladimir Putin", "vladimir-putin") in found  # a variant of a concept
    ko = "드미트리 페스코프(Dmitry Peskov) 대변인은 북대서양조약기구(나토·NATO)를 언급했다."
    found = {(s.form, s.english) for s in inline_sightings(ko, "ko", g, "b")}
    assert {("드미트리 페스코프", "Dmitry Peskov"), ("나토", "NATO"),
            ("북대서양조약기구", "NATO")} <= found
    # a common word glossed in parentheses is no name
    assert inline_sightings("위성(Satellite) 인터넷", "ko", g, "c") == []


def test_an_aligned_pair_ties_the_one_unexplained_name_on_each_side(glossary) -> None:
    g = glossary
    zh, en = "培斯科夫否认了这一报道。", "Peskov denied the report."
    found = aligned_sightings(zh, "zh-cn", en, g, "a")
    assert [(s.form, s.english, s.evidence) for s in found] == [("培斯科夫", "Peskov", "aligned")]
    uk = "Речник Кремля заявив, що Сергій Кирієнко не говорив з Маском."
    en = "A Kremlin spokesman said Sergei Kiriyenko had not spoken to Musk."
    found = {(s.form, s.english) for s in aligned_sightings(uk, "uk", en, g, "b")}
    assert ("Сергій Кирієнко", "Sergei Kiriyenko") in found
    assert not any(s.form == "Маском" for s in aligned_sightings(uk, "uk", en, g, "b"))


def _corpus() -> CorpusAnalysis:
    english = article_from_lines("en1", [
        "Kremlin spokesman Dmitry Peskov denied the report on Friday.",
        "Musk also spoke with Sergei Kiriyenko, a senior Kremlin official.",
    ], "en")
    chinese = article_from_lines("zh1", [
        "克里姆林宫发言人培斯科夫(Dmitry Peskov)周五否认了这一报道。",
        "马斯克还与克里姆林宫高级官员基里延科交谈。",
    ], "zh-cn")
    ukrainian = article_from_lines("uk1", [
        "Речник Кремля Дмитро Пєсков у п'ятницю спростував повідомлення.",
        "Маск також спілкувався з Сергієм Кирієнком, високопосадовцем Кремля.",
    ], "uk")
    korean = article_from_lines("ko1", ["크렘린 대변인 페스코프는 보도를 부인했다."], "ko")
    pairs = [PairAnalysis("en1", a.id, Alignment("en", a.lang, "monotonic",
                                                 [Link((i,), (i,), 1.0)
                                                  for i in range(len(a.sentences))]))
             for a in (chinese, ukrainian, korean)]
    return CorpusAnalysis(Signature(), [english, chinese, ukrainian, korean], {}, pairs,
                          "en1")


def test_proposals_group_forms_across_relays(glossary) -> None:
    proposals = {p.id: p for p in mine_concepts(_corpus(), glossary)}
    kremlin = proposals["kremlin"]
    assert kremlin.english == ["Kremlin"] and kremlin.kind == "concept"
    assert kremlin.forms["zh-Hans"] == ["克里姆林宫"] and kremlin.forms["uk"] == ["Кремль"]
    assert kremlin.forms["ko"] == ["크렘린"] and kremlin.articles == 3
    peskov = proposals["dmitry-peskov"]
    assert peskov.english[0] == "Dmitry Peskov" and peskov.category == "person"
    assert peskov.forms["zh-Hans"] == ["培斯科夫"] and peskov.forms["ko"] == ["페스코프"]
    assert "Пєсков" in peskov.forms["uk"][0]
    kiriyenko = proposals["sergei-kiriyenko"]
    assert kiriyenko.forms["uk"] == ["Сергій Кирієнко"]  # put back in the nominative
    assert kiriyenko.forms["zh-Hans"] == ["基里延科"]  # by the consonants of its pinyin
    assert all(p.support for p in proposals.values())


def test_nothing_the_glossary_knows_is_proposed_and_added_proposals_disappear(
        tmp_path, glossary, glossary_dir) -> None:
    g = glossary
    proposals = mine_concepts(_corpus(), g)
    for p in proposals:
        for lang, forms in p.forms.items():
            for form in forms:
                assert not any(m.start == 0 and m.end == len(form) for m in g.match(form, lang))
    assert not any("马斯克" in f or f == "Маск" for p in proposals
                   for forms in p.forms.values() for f in forms)
    file = tmp_path / "mined.yaml"
    for p in proposals:
        for args in p.commands(str(file)):
            result = run_cli(*args[1:])
            assert result.exit_code == 0, result.output
    extended = Glossary.load([glossary_dir, file])
    assert mine_concepts(_corpus(), extended) == []


def _relays(english: list[str], relays: dict[str, tuple[str, list[str]]]) -> CorpusAnalysis:
    """English lines and relays (id -> language, lines), with no aligned pair: only the
    corpus-wide pairing and the relays' own renderings speak."""
    articles = [article_from_lines("en", english, "en")]
    articles += [article_from_lines(key, lines, lang) for key, (lang, lines) in relays.items()]
    return CorpusAnalysis(Signature(), articles, {}, [], "en")


def test_peoples_and_languages_are_no_names() -> None:
    from provenance.glossary.english_names import is_demonym

    assert [n.text for n in english_names(
        "British, French, German and Polish troops would patrol it, Poland said.")] == \
        ["Poland"]
    assert is_demonym("Polish") and is_demonym("Germans") and is_demonym("English")
    assert not is_demonym("Poland") and not is_demonym("Kremlin")


def test_a_country_is_not_paired_with_its_people(glossary) -> None:
    corpus = _relays(["Advisers want Polish and French troops to patrol the zone."],
                     {"uk1": ("uk", ["Радники хочуть, щоб зону патрулювали Польща і Франція."])})
    assert [p.english for p in mine_concepts(corpus, glossary)] == []


def test_a_dictionary_name_the_corpus_writes_in_lower_case_is_a_common_word(glossary) -> None:
    corpus = _relays(["Starlink sells satellite internet service across Europe."],
                     {"zh1": ("zh-cn", ["星链在欧洲出售卫星互联网服务。"])})
    proposals = {p.id: p for p in mine_concepts(corpus, glossary)}
    assert proposals["europe"].forms == {"zh-Hans": ["欧洲"]}
    assert "internet" not in proposals
    # without the corpus's lower-case "internet", the dictionary's capital stands
    corpus = _relays(["Starlink sells its service across Europe."],
                     {"zh1": ("zh-cn", ["星链在欧洲出售卫星互联网服务。"])})
    assert "internet" in {p.id for p in mine_concepts(corpus, glossary)}


def test_a_known_surname_with_an_unknown_first_name_is_a_new_spelling(glossary) -> None:
    from provenance.glossary.sightings import name_variants

    g = glossary
    found = name_variants("엘론 머스크가 푸틴과 대화했다.", "ko", g, "a")
    assert [(s.form, s.english, s.concept_id) for s in found] == \
        [("엘론 머스크", "Elon Musk", "elon-musk")]
    found = name_variants("Він говорив з президентом Росії Владіміром Путіним.", "uk", g, "b")
    assert [(s.form, s.concept_id) for s in found] == [("Владіміром Путіним", "vladimir-putin")]
    # a word before the surname that does not sound like the first name is not one
    assert name_variants("Сам Маск мовчить, а Дональд Трамп ні.", "uk", g, "c") == []
    assert name_variants("대통령 머스크는 부인했다.", "ko", g, "d") == []
    corpus = _relays(["Elon Musk spoke to Vladimir Putin."],
                     {"uk1": ("uk", ["Маск говорив з Владіміром Путіним."])})
    putin = {p.id: p for p in mine_concepts(corpus, g)}["vladimir-putin"]
    assert putin.kind == "variant" and putin.forms == {"uk": ["Владімір Путін"]}


def test_korean_loanword_spellings_meet_their_english_names(glossary) -> None:
    corpus = _relays(["Officials in Europe said the Kremlin used Twitter and Getty photos."],
                     {"ko1": ("ko", ["유럽 관리들은 크렘린궁이 트위터를 썼다고 말했다."]),
                      "ko2": ("ko", ["같이 쓴 사진과 서비스는 유럽에서 나왔다."])})
    proposals = {p.id: p for p in mine_concepts(corpus, glossary)}
    assert proposals["europe"].forms == {"ko": ["유럽"]} and proposals["europe"].articles == 2
    assert proposals["twitter"].forms == {"ko": ["트위터"]}  # the -er Korean writes 어
    assert proposals["kremlin"].forms == {"ko": ["크렘린궁"]}  # the name with its 궁
    # an ordinary word one vowel or a few letters away from a name is not it
    assert "getty" not in proposals and len(proposals) == 3


def test_a_given_name_alone_is_no_concept_of_its_own(glossary) -> None:
    from provenance.glossary.mining import group_sightings
    from provenance.glossary.sightings import Sighting

    def seen(article: str, form: str, english: str, evidence: str = "inline") -> Sighting:
        return Sighting(article, "ko", form, english, evidence, "")

    proposals = group_sightings([seen("a", "키스 켈로그", "Keith Kellogg"),
                                 seen("b", "키스 켈로그", "Keith Kellogg"),
                                 seen("c", "키스", "Keith", "aligned"),
                                 seen("d", "켈로그", "Kellogg", "aligned")], glossary)
    assert [p.english[0] for p in proposals] == ["Keith Kellogg"]
    assert proposals[0].category == "person"
    assert proposals[0].forms["ko"] == ["키스 켈로그", "켈로그"]  # the surname joins it
    # a place before the outlet named after it is no given name
    places = group_sightings([seen("a", "워싱턴 포스트", "Washington Post", "aligned"),
                              seen("b", "워싱턴", "Washington", "aligned")], glossary)
    assert {p.english[0] for p in places} == {"Washington Post", "Washington"}


def test_capitalised_nouns_of_a_german_relay_are_no_english_names(tmp_path) -> None:
    (tmp_path / "empty.yaml").write_text("concepts: []\n", encoding="utf-8")
    empty = Glossary.load([tmp_path])
    english = article_from_lines("en1", ["Officials in Washington spoke on Friday."], "en")
    german = article_from_lines("de1", [
        "Er fügte hinzu, dass die Vereinigten Staaten die Amerikaner nicht schicken werden."],
        "de")
    ukrainian = article_from_lines("uk1", [
        "За його словами, вони не відправлять громадян Америки підтримувати мир."], "uk")
    analysis = CorpusAnalysis(Signature(), [english, german, ukrainian], {}, [], "en1")
    assert "Amerikaner" not in [e for p in mine_concepts(analysis, empty) for e in p.english]


def test_two_names_run_together_are_not_a_form_of_either(glossary) -> None:
    from provenance.glossary.mining import group_sightings
    from provenance.glossary.sightings import Sighting

    def seen(article: str, form: str, english: str) -> Sighting:
        return Sighting(article, "uk", form, english, "aligned", form)

    # "президента Росії Владіміра Путіна" read as one capitalised run in one relay
    found = group_sightings([seen("a", "Росія", "Ruritania"), seen("b", "Росія", "Ruritania"),
                             seen("a", "Володимир Путін", "Vladimir Putin"),
                             seen("b", "Путін", "Vladimir Putin"),
                             seen("c", "Росія Владімір Путін", "Vladimir Putin")], glossary)
    forms = {p.english[0]: p.forms["uk"] for p in found}
    assert forms == {"Vladimir Putin": ["Володимир Путін", "Путін"], "Ruritania": ["Росія"]}


def test_a_dictionary_name_does_not_take_the_first_character_of_a_transliteration() -> None:
    from provenance.glossary.sightings import foreign_names

    empty = Glossary([])
    # 对马斯克 is 对 "to" + 马斯克 "Musk", not 对马 "Tsushima" + 斯克
    assert [n.text for n in foreign_names("政府对马斯克的技术依赖性太强。", "zh-cn", empty)] == [
        "马斯克"]
    assert [n.text for n in foreign_names("他前往对马岛旅行。", "zh-cn", empty)] == ["对马岛"]


@pytest.mark.parametrize(("word", "lang", "nominative"), [
    ("Кирієнком", "uk", "Кирієнко"), ("Кремля", "ru", "Кремль"), ("Штатах", "ru", "Штаты"),
    # "Илон" (Elon) read as a plural of the woman's name "Илона" gave "Илоны"
    ("Илон", "ru", "Илон")])
def test_cyrillic_names_are_put_back_in_the_nominative_singular(word, lang, nominative) -> None:
    from provenance.glossary.mining import _nominative

    assert _nominative(word, lang) == nominative
