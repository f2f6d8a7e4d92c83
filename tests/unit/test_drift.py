"""Drift detection on small hand-built pairs: numbers, entities, omissions, summaries.

The articles here are test data (sentence lists); quantities, glossary matches and
attributions come from the real project modules.
"""

from __future__ import annotations

import pytest
from support.analysis_factory import article_from_lines

from provenance.drift import detect_drift, summarize
from provenance.drift.names import find_names, same_name
from provenance.glossary import default_glossary
from provenance.lexicons import find_cues
from provenance.model import Alignment, Article, Finding, Link


def article(sentences: list[str], lang: str, *, id: str = "a", published: str | None = None
            ) -> Article:
    """An Article whose sentences are exactly ``sentences``, one paragraph."""
    return article_from_lines(id, sentences, lang, sep=" ", published=published)


def one_to_one(n: int, *, omitted: tuple[int, ...] = (), added: tuple[int, ...] = (),
               offset_tgt: int = 0) -> Alignment:
    """Source sentence i with target i (+ offset), plus omitted and added sentences."""
    links = [Link((i,), (i + offset_tgt,), 1.0) for i in range(n)]
    links += [Link((i,), (), 0.0) for i in omitted]
    links += [Link((), (j,), 0.0) for j in added]
    return Alignment("en", "en", "monotonic", links)


def drift(src: list[str], tgt: list[str], src_lang: str = "en", tgt_lang: str = "en",
          **kw: object) -> list[Finding]:
    a = article(src, src_lang, id="src", published=kw.pop("src_published", None))  # type: ignore[arg-type]
    b = article(tgt, tgt_lang, id="tgt", published=kw.pop("tgt_published", None))  # type: ignore[arg-type]
    n = min(len(src), len(tgt))
    alignment = kw.pop("alignment", None) or one_to_one(n)
    return detect_drift(a, b, alignment, glossary=default_glossary())  # type: ignore[arg-type]


def of(findings: list[Finding], kind: str) -> list[Finding]:
    return [f for f in findings if f.kind == kind]


# numbers -------------------------------------------------------------------------------
def test_faithful_number_is_quiet_across_languages() -> None:
    found = drift(["SpaceX won a $5.9 billion contract."], ["SpaceX赢得了一份59亿美元的合同。"],
                  tgt_lang="zh-cn")
    assert of(found, "number") == []


def test_scale_error_is_critical_and_spans_point_at_the_numbers() -> None:
    tgt = "SpaceX赢得了一份5.9亿美元的合同。"
    (f,) = of(drift(["SpaceX won a $5.9 billion contract."], [tgt], tgt_lang="zh-cn"), "number")
    assert f.severity == "critical"
    assert "10 times smaller" in f.message
    (j, a, b), = f.tgt_spans
    assert "5.9亿" in tgt[a:b]


def test_changed_value_is_major_and_qualifier_drop_is_reported() -> None:
    found = of(drift(["SpaceX conducted more than 130 launches and spoke at least twice."],
                     ["SpaceX conducted 140 launches and spoke twice."]), "number")
    changes = {f.evidence["change"]: f.severity for f in found}
    assert changes.get("value") == "major"
    assert "qualifier" in changes


def test_currency_change_is_major() -> None:
    found = of(drift(["The deal is worth $2.4 billion."], ["The deal is worth €2.4 billion."]),
               "number")
    assert [f.evidence["change"] for f in found] == ["currency"]
    assert found[0].severity == "major"


# entities ------------------------------------------------------------------------------
def test_respelled_person_is_major() -> None:
    found = of(drift(["Dave Limp met Susie Wiles at the White House."],
                     ["Dave Limp met Susan Wiles at the White House."]), "entity")
    assert [f.severity for f in found] == ["major"]
    assert "Susan Wiles" in found[0].message


def test_person_replaced_by_same_category_concept_is_major() -> None:
    found = of(drift(["Jeff Bezos spoke with the president."],
                     ["埃隆·马斯克与总统通了电话。"], tgt_lang="zh-cn"), "entity")
    assert any(f.severity == "major" and f.evidence.get("change") == "replaced" for f in found)


def test_a_name_the_source_states_in_another_sentence_is_not_a_swap() -> None:
    # the relay credits the Journal in the sentence where the source names the Post; the
    # source cites the Journal elsewhere, so the clause moved: the Post, stated nowhere in
    # the relay, is left out (one article-wide finding), not "replaced by the Journal"
    found = drift(["The Wall Street Journal reported the talks.", "They took place in June.",
                   "Blue Origin wants more contracts.",
                   "Bezos owns The Washington Post and invited Trump to his wedding."],
                  ["The talks were reported.", "They took place in June.",
                   "Blue Origin wants more contracts.",
                   "Bezos invited Trump to his wedding, according to the Journal."])
    entities = of(found, "entity")
    assert [f.evidence.get("change") for f in entities] == ["article_facts"], entities
    assert entities[0].evidence["left_out"] == ["The Washington Post"]


def test_a_swap_is_a_swap_even_when_the_source_names_the_new_place_elsewhere() -> None:
    # Russia is in another source sentence, but the sentences agree on all else: only a
    # source clause moved in is exempt, not a place put in another's stead
    found = drift(["Russia launched the drones at night.", "Sirens sounded for hours.",
                   "The attack damaged a power station.",
                   "Ukraine shot down 40 drones over Kyiv on Monday.",
                   "Ukraine asked for more air defence."],
                  ["Russia launched the drones at night.", "Sirens sounded for hours.",
                   "The attack damaged a power station.",
                   "Russia shot down 40 drones over Kyiv on Monday.",
                   "Ukraine asked for more air defence."])
    (f,) = [f for f in of(found, "entity") if f.evidence.get("change") == "replaced"]
    assert f.src == (3,) and f.tgt == (3,)  # minor: a place may stand for another


def test_a_name_the_relay_states_in_another_sentence_is_not_replaced_in_a_loose_unit() -> None:
    # the relay names Putin elsewhere; in a unit that shares little else, the Putin of
    # the reference and the Peskov of the relay are two sentences' names, not a swap
    later = "Musk has spoken with Putin since 2022, officials in Washington said."
    found = drift(["Putin asked Musk in Moscow to keep Starlink off over Taiwan.", later],
                  ["Peskov said in Moscow that the Starlink story was false.", later])
    assert not [f for f in of(found, "entity") if f.evidence.get("change") == "replaced"]
    # where the two sentences agree on all else, it is a swap all the same
    found = drift(["Putin asked Musk in Moscow to keep Starlink off over Taiwan.", later],
                  ["Peskov asked Musk in Moscow to keep Starlink off over Taiwan.", later])
    (f,) = [f for f in of(found, "entity") if f.evidence.get("change") == "replaced"]
    assert f.evidence["src_concept"] == "vladimir-putin"


@pytest.mark.parametrize(("relay", "lang"), [
    ("Let the Poles, Germans, English, and French handle it, one adviser said.", "en"),
    ("Пусть поляки, немцы, англичане и французы сделают это, сказал один советник.", "ru")])
def test_british_rendered_english_names_a_part_for_the_whole(relay: str, lang: str) -> None:
    found = drift(["Get the Poles, Germans, British and French to do it, one adviser said."],
                  [relay], tgt_lang=lang)
    (f,) = of(found, "entity")
    assert (f.evidence["src_concept"], f.evidence["tgt_concept"]) == (
        "united-kingdom", "england")


def test_a_known_name_is_not_replaced_by_a_name_of_unknown_kind() -> None:
    # Putin is in the glossary, NATO is not: which kind of thing NATO is, the tool cannot
    # tell, so the pair is no swap; the relay leaving Putin out is reported article-wide
    found = drift(["Vladimir Putin warned Ukraine against the plan on Monday."],
                  ["NATO warned Ukraine against the plan on Monday."])
    entity = of(found, "entity")
    assert not [f for f in entity if f.evidence.get("change") == "replaced"]
    assert any("Vladimir Putin" in f.message for f in entity)
    # two names the glossary does not know, one for the other, still make a swap
    found = drift(["Aide Keith Kellogg drafted the plan on Monday."],
                  ["Aide Fred Fleitz drafted the plan on Monday."])
    (f,) = [f for f in of(found, "entity") if f.evidence.get("change") == "replaced"]
    assert "Keith Kellogg" in f.message and "Fred Fleitz" in f.message
    # across alphabets, a lone pair of them is as likely a transliteration the tool
    # cannot follow (Scholz, Шольц): no swap
    found = drift(["Chancellor Olaf Scholz ruled out sending the missiles on Monday."],
                  ["Канцлер Шольц у понеділок виключив передачу ракет."], tgt_lang="uk")
    assert not [f for f in of(found, "entity") if f.evidence.get("change") == "replaced"]


@pytest.mark.parametrize(("fields", "credited"), [
    ({"outlet": "The Wall Street Journal"}, True),
    ({"url": "https://www.wsj.com/world/musk-putin-1a2b"}, True),
    ({"outlet": "Reuters"}, False)])
def test_crediting_the_outlet_whose_text_the_reference_is_is_no_drift(
        fields: dict, credited: bool) -> None:
    src = article_from_lines("src", ["Musk has been in regular contact with Putin since 2022.",
                                     "The talks touch on business."], "en", sep=" ", **fields)
    tgt = article(["The Wall Street Journal reports that Musk has been in regular contact "
                   "with Putin since 2022.", "The talks touch on business."], "en", id="tgt")
    found = detect_drift(src, tgt, one_to_one(2), glossary=default_glossary())
    added = [f for f in found if f.evidence.get("change") == "source_added"]
    named = [f for f in of(found, "entity") if "Wall Street Journal" in f.message]
    assert (not added and not named) is credited


def generalized(findings: list[Finding]) -> list[Finding]:
    return [f for f in findings if f.evidence.get("change") == "generalized"]


_FAVOUR = "The minister delayed the vote as a favour to Chinese leader Xi Jinping, aides said."
_DATE = "The vote is now set for May."


@pytest.mark.parametrize(("relay", "lang", "place"), [
    ("The minister delayed the vote to please China, aides said.", "en", "China"),
    ("보좌관들은 장관이 중국을 돕기 위해 투표를 연기했다고 말했다.", "ko", "중국"),
])
def test_a_person_reduced_to_the_place_qualifying_them_is_generalized(
        relay: str, lang: str, place: str) -> None:
    found = generalized(drift([_FAVOUR, _DATE], [relay, "투표는 5월로 잡혔다." if lang == "ko"
                                                 else _DATE], tgt_lang=lang))
    assert len(found) == 1
    f = found[0]
    assert f.kind == "entity" and f.severity == "minor"
    i, s, e = f.src_spans[0]
    j, a, b = f.tgt_spans[0]
    assert _FAVOUR[s:e] == "Chinese leader Xi Jinping" and relay[a:b] == place


def test_a_person_the_relay_names_elsewhere_is_not_generalized() -> None:
    # the two sentences agree on Kyiv and the 12 votes: the person is not set aside as a
    # name of a loosely linked unit before the rule sees it
    src = "In Kyiv the minister delayed 12 votes as a favour to Chinese leader Xi Jinping."
    tgt = "In Kyiv the minister delayed 12 votes to please China."
    assert generalized(drift([src, _DATE], [tgt, _DATE]))
    assert not generalized(drift([src, _DATE], [tgt, f"Xi Jinping thanked him. {_DATE}"]))


def test_a_place_the_source_names_elsewhere_does_not_stand_for_the_person() -> None:
    # the source's other sentence on China is left out by the relay
    found = drift([_FAVOUR, "China wants the vote held later.", _DATE],
                  ["The minister delayed the vote to please China, aides said.", _DATE],
                  alignment=Alignment("en", "en", "monotonic", [
                      Link((0,), (0,), 1.0), Link((1,), (), 0.0), Link((2,), (1,), 1.0)]))
    assert not generalized(found)


def test_a_place_the_relay_names_elsewhere_does_not_stand_for_the_person() -> None:
    found = drift([_FAVOUR, _DATE],
                  ["The minister delayed the vote to please China, aides said.",
                   "China wants the vote held later.", _DATE],
                  alignment=Alignment("en", "en", "monotonic", [
                      Link((0,), (0,), 1.0), Link((), (1,), 0.0), Link((1,), (2,), 1.0)]))
    assert not generalized(found)


def test_a_respelled_person_is_not_generalized() -> None:
    found = drift([_FAVOUR, _DATE], ["The minister delayed the vote as a favour to Chinese "
                                     "leader Si Jinping, aides said.", _DATE])
    assert not generalized(found)


def test_only_the_name_right_before_the_person_qualifies_them() -> None:
    # "Taiwan" is followed by Elon Musk, not by the person
    found = drift(["In Taiwan Elon Musk did Xi Jinping a favour, aides said.", _DATE],
                  ["In Taiwan Elon Musk did a favour, aides said.", _DATE])
    assert not generalized(found)


def test_name_missing_from_the_whole_relay_is_one_finding_for_the_article() -> None:
    # "Donald Trump" is rendered as "the president": absent from the whole relay, so one
    # article-wide finding lists it, quoting it and pointing at the relay's rendering
    found = drift(["Jeff Bezos spoke with Donald Trump.", "Donald Trump agreed."],
                  ["贝索斯与总统通了电话。", "总统同意了。"], tgt_lang="zh-cn")
    (f,) = of(found, "entity")
    assert f.severity == "minor" and f.evidence["left_out"] == ["Donald Trump"]
    assert f.src == (0,) and f.tgt == (0,) and f.detector == "coverage"
    (i, a, b), = f.src_spans
    assert "Jeff Bezos spoke with Donald Trump."[a:b] == "Donald Trump"
    assert of(found, "omission") == []


def test_name_moved_to_another_sentence_is_not_missing() -> None:
    found = drift(["Jeff Bezos spoke with the president.", "Donald Trump did not comment."],
                  ["Jeff Bezos spoke with Donald Trump.", "The president did not comment."])
    assert of(found, "entity") == [] and of(found, "omission") == []


@pytest.mark.parametrize(("latin", "cyrillic", "lang"), [
    ("Olaf Scholz", "Олаф Шольц", "uk"), ("Olaf Scholz", "Олафом Шольцем", "ru"),
    ("Moritz", "Моріц", "uk"),
])
def test_german_spellings_compare_with_their_transliterations(latin: str, cyrillic: str,
                                                              lang: str) -> None:
    # sch is ш, tz and z are ц
    (a,) = find_names(f"Chancellor {latin} spoke.", "en")
    (b,) = find_names(f"Канцлер {cyrillic} виступив.", lang)
    assert same_name(a, b)


def test_cyrillic_names_compare_with_latin_ones() -> None:
    (a,) = find_names("Він зустрівся з Трампом", "uk")
    (b,) = find_names("He met Trump", "en")
    assert same_name(a, b)
    (c,) = find_names("He met Biden", "en")
    assert not same_name(a, c)


@pytest.mark.parametrize(("text", "lang"), [
    ("Росія почала великий наступ на Луганщині, вважають в ISW.", "uk"),
    ("Россия начала крупное наступление, считают в ISW.", "ru"),
])
def test_latin_names_inside_cyrillic_text_are_names(text: str, lang: str) -> None:
    # a Ukrainian or Russian outlet writes the institute's Latin acronym as is
    (isw,) = [n for n in find_names(text, lang) if n.text == "ISW"]
    (english,) = [n for n in find_names("Russia begins an offensive, the ISW says.", "en")
                  if n.text == "ISW"]
    assert same_name(isw, english)
    found = drift(["Russia begins an offensive, the ISW says."], [text], tgt_lang=lang)
    assert not [f for f in found if "ISW" in f.message]


# omissions and additions ---------------------------------------------------------------
def test_omissions_are_one_finding_per_article() -> None:
    src = ["Bezos spoke with Trump.", "Reuters could not verify the report.",
           "The launch was delayed twice.", "Blue Origin declined to comment."]
    found = drift(src, ["Bezos spoke with Trump.", "Blue Origin declined to comment."],
                  alignment=Alignment("en", "en", "monotonic", [
                      Link((0,), (0,), 1.0), Link((1,), (), 0.0), Link((2,), (), 0.0),
                      Link((3,), (1,), 1.0)]))
    (f,) = of(found, "omission")
    assert f.src == (1, 2) and f.evidence["sentences"] == [1, 2]
    # a dropped verification caveat changes what the reader is told: major
    assert f.severity == "major" and f.evidence["caveats"]
    assert "2 reference sentences" in f.message


def test_omission_past_the_end_of_an_excerpt_is_not_reported() -> None:
    # the relay is an excerpt cut mid-sentence: what lies past its end is not left out
    src = ["Bezos spoke with Trump.", "Blue Origin declined to comment.",
           "SpaceX won a $5.9 billion contract in April."]
    found = drift(src, ["Bezos spoke with Trump.", "Blue Origin declined to comment on"],
                  alignment=one_to_one(2, omitted=(2,)))
    assert of(found, "omission") == []
    # a relay that ends as an article ends has left the last sentence out
    found = drift(src, ["Bezos spoke with Trump.", "Blue Origin declined to comment."],
                  alignment=one_to_one(2, omitted=(2,)))
    (f,) = of(found, "omission")
    assert f.src == (2,) and "$5.9 billion" in f.evidence["facts"]["numbers"]


def test_added_sentences_are_one_minor_finding_listing_what_they_bring_in() -> None:
    found = drift(["Bezos spoke with Trump.", "Blue Origin declined to comment."],
                  ["Bezos spoke with Trump.", "New Glenn flew in January 2025 with 45 tonnes.",
                   "Blue Origin declined to comment."],
                  alignment=Alignment("en", "en", "monotonic", [
                      Link((0,), (0,), 1.0), Link((), (1,), 0.0), Link((1,), (2,), 1.0)]))
    (f,) = of(found, "addition")
    assert f.tgt == (1,) and f.severity == "minor"
    assert "45 tonnes" in f.evidence["facts"]["numbers"] and "New Glenn" in f.message


def test_sentence_folded_into_a_neighbours_link_is_still_an_omission() -> None:
    src = ["In April, SpaceX won a $5.9 billion contract.", "Reuters could not verify the report."]
    tgt = ["今年4月，SpaceX赢得了一份59亿美元的合同。"]
    alignment = Alignment("en", "zh-cn", "monotonic", [Link((0, 1), (0,), 1.0)])
    (f,) = of(drift(src, tgt, tgt_lang="zh-cn", alignment=alignment), "omission")
    assert f.src == (1,) and f.evidence["merged"] == [1] and f.severity == "major"


def test_drifted_sentence_the_aligner_unlinked_is_compared_again() -> None:
    # the aligner saw the changed date and gave up on the pair: omission + addition
    src = ["Bezos spoke with Trump.", "The WSJ reported it on June 26.", "SpaceX declined."]
    tgt = ["Bezos spoke with Trump.", "The WSJ reported it on June 29.", "SpaceX declined."]
    alignment = Alignment("en", "en", "monotonic", [
        Link((0,), (0,), 1.0), Link((1,), (), 0.0), Link((), (1,), 0.0), Link((2,), (2,), 1.0)])
    found = drift(src, tgt, alignment=alignment)
    assert of(found, "omission") == [] and of(found, "addition") == []
    (f,) = of(found, "date")
    assert f.src == (1,) and f.tgt == (1,) and f.evidence["alignment"]["repaired"]
    # re-paired, but the two sentences share their words: the change stays major
    assert f.severity == "major"


def test_corpus_summary_adds_up_pairs() -> None:
    from provenance.drift import summarize_pairs
    from provenance.model import PairAnalysis

    found = drift(["It costs $5.9 billion."], ["It costs $59 billion."])
    alignment = one_to_one(1)
    pairs = [PairAnalysis("ref", "a", alignment, found), PairAnalysis("ref", "b", alignment, [])]
    per_article, corpus = summarize_pairs(pairs)
    assert per_article["a"].score == 25 and per_article["b"].total == 0
    assert corpus.pairs == 2 and corpus.sentence_pairs == 2 and corpus.score == 25


# framework -----------------------------------------------------------------------------
def test_faithful_identical_text_has_no_findings() -> None:
    text = ["Jeff Bezos reportedly spoke with President Donald Trump at least twice in June.",
            "In April, SpaceX won a $5.9 billion contract, while Blue Origin did not."]
    assert drift(text, text) == []


def test_findings_serialise_with_weights() -> None:
    found = drift(["It costs $5.9 billion."], ["It costs $59 billion."])
    data = found[0].to_dict()
    assert data["kind"] == "number" and data["weight"] == 25
    assert data["tgt_span"] and data["message"]


def test_summary_counts_and_weights_by_kind() -> None:
    found = drift(["It costs $5.9 billion.", "Dave Limp met Susie Wiles."],
                  ["It costs $59 billion.", "Dave Limp met Susan Wiles."])
    summary = summarize(found, sentence_pairs=2)
    assert summary.counts["number"] == 1 and summary.scores["number"] == 25
    assert summary.scores["entity"] == 5
    assert summary.to_dict()["by_kind"]["number"]["critical"] == 1
    assert summary.per_100("major") == pytest.approx(50.0)


def test_alignment_outside_the_articles_is_bad_input() -> None:
    from provenance.errors import BadInput

    with pytest.raises(BadInput):
        drift(["One."], ["One."], alignment=one_to_one(3))


def test_lexicon_masks_compounds_that_do_not_negate() -> None:
    assert [c.category for c in find_cues("他不仅来了，而且不断发言", "zh-cn", ("negation",))] == []
    assert [c.text for c in find_cues("他没有来", "zh-cn", ("negation",))] == ["没"]
    assert [c.text for c in find_cues("Він нібито приїхав", "uk", ("evidential",))] == ["нібито"]


def test_lexicon_words_inside_a_phrase_may_inflect() -> None:
    # "*" ends any word of an entry, not only the last one
    cues = find_cues("Нинішніми та колишніми чиновниками", "uk", ("tenure_both", "tenure_former"))
    assert [(c.category, c.text) for c in cues] == [
        ("tenure_both", "Нинішніми та колишніми")]


@pytest.mark.parametrize(("text", "lang", "names"), [
    # German capitalises every noun: the dictionary's words are no names
    ("Die Beteiligung amerikanischer Truppen oder eines UN-Kontingents ist ausgeschlossen.",
     "de", ["UN"]),
    ("Nach dem Sieg Trump bei der Wahl sprach Putin beim Valdai-Forum.", "de",
     ["Trump", "Putin", "Valdai"]),
    # "I'm" and a title-case headline's verbs name nothing
    ("“If I give you those plans, I’m not going to be able to use them,” he said.", "en",
     []),
    ("Trump Advisers Push to Freeze War in Ukraine, Pause Kyiv’s Bid to Join NATO", "en",
     ["Ukraine", "Kyiv", "NATO"]),
    ("In the fall of 2022, political scientist Jan Bremmer said so on Nov 7.", "en",
     ["Jan Bremmer"]),
    # a common word opening a sentence is capitalised for the sentence's sake
    ("Контакты Маска с Путиным обеспокоили Белый дом.", "ru", ["Маска", "Путиным", "Белый"]),
    ("Ілон Маск регулярно спілкується з Путіним.", "uk", ["Ілон Маск", "Путіним"]),
])
def test_names_found_by_their_capitals(text: str, lang: str, names: list[str]) -> None:
    from provenance.drift.names import find_names

    assert [n.text for n in find_names(text, lang)] == names
