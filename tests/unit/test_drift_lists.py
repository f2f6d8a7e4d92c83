"""Coordinated lists (provenance.drift.lists): a list of names the relay renders with
members missing, and a list whose "and" became "or"."""

from __future__ import annotations

from test_drift import article, drift

from provenance.drift.lists import coordinated_lists
from provenance.facts import sentence_facts
from provenance.glossary import default_glossary
from provenance.model import Alignment, Finding, Link

SOURCE = ["Elon Musk's secret conversations with Vladimir Putin.",
          "The talks were confirmed by current and former U.S., European and Russian "
          "officials."]


def of_lists(findings: list[Finding]) -> list[Finding]:
    return [f for f in findings if f.detector == "lists"]


def lists_in(text: str, lang: str) -> list[tuple[str, str | None]]:
    (facts,) = sentence_facts(article([text], lang), default_glossary())
    return [(x.text, x.conjunction) for x in coordinated_lists(facts)]


def test_lists_are_names_joined_by_conjunctions_and_enumeration_marks() -> None:
    assert lists_in("Get the Poles, Germans, British and French to do it.", "en") == [
        ("Poles, Germans, British and French", "and")]
    assert lists_in("Хай це роблять Польща, Німеччина, Британія чи Франція.", "uk") == [
        ("Польща, Німеччина, Британія чи Франція", "or")]
    assert lists_in("복수의 미국과 유럽, 러시아 전현직 관료들", "ko") == [
        ("미국과 유럽, 러시아", "and")]
    # commas alone also set off a headline's source and an apposition: no list there
    assert lists_in("WSJ, 미국·러시아 전현직 관료 소식통 인용해 보도", "ko") == [
        ("미국·러시아", None)]
    assert lists_in("He lives in Moscow, Russia.", "en") == []
    # a man and his companies are not one list
    assert lists_in("Elon Musk, SpaceX and Tesla chief, spoke.", "en") == [
        ("SpaceX and Tesla", "and")]


def test_linked_rendering_that_drops_a_member_is_a_minor_omission() -> None:
    found = of_lists(drift(SOURCE, [SOURCE[0], "Переговори підтвердили чинні та колишні "
                                                "посадовці США та Росії."], tgt_lang="uk"))
    (f,) = found
    assert (f.kind, f.severity, f.evidence["change"]) == ("omission", "minor", "list_shortened")
    assert f.evidence["lost"] == ["European"]
    assert "U.S., European and Russian officials" in f.message and "США та Росії" in f.message
    assert f.src_spans and f.tgt_spans


def test_whole_list_or_member_named_elsewhere_is_quiet() -> None:
    assert of_lists(drift(SOURCE, [SOURCE[0], "Переговори підтвердили посадовці США, Європи "
                                              "та Росії."], tgt_lang="uk")) == []
    # Europe is still in the sentence, only outside the list
    assert of_lists(drift(SOURCE, [SOURCE[0], "The talks were confirmed by U.S. and Russian "
                                              "officials, as well as by Europe."])) == []


def test_list_with_a_member_the_reference_does_not_list_is_no_shortening() -> None:
    # "Europe" became "China": a name swapped, another detector's business
    assert of_lists(drift(SOURCE, [SOURCE[0], "The talks were confirmed by U.S. and Chinese "
                                              "officials."])) == []


def test_subhead_cutting_the_relays_own_whole_list_short_is_found() -> None:
    relay = ["WSJ, 미국·러시아 전현직 관료 소식통 인용해 보도",
             "WSJ는 미국과 유럽, 러시아 전현직 관료들의 증언을 인용해 보도했다."]
    alignment = Alignment("en", "ko", "monotonic", [Link((0,), (0,), 1.0),
                                                    Link((1,), (1,), 1.0)])
    (f,) = of_lists(drift(SOURCE, relay, tgt_lang="ko", alignment=alignment))
    assert (f.kind, f.severity, f.src, f.tgt) == ("omission", "minor", (1,), (0,))
    assert f.evidence["full_list"] == "미국과 유럽, 러시아"
    assert f.evidence["lost_concepts"] == ["europe"]


def test_subhead_list_qualifying_something_else_is_quiet() -> None:
    # the same two countries before another word: not the list of officials cut short
    relay = ["WSJ, 미국·러시아 정상회담 전망",
             "WSJ는 미국과 유럽, 러시아 전현직 관료들의 증언을 인용해 보도했다."]
    alignment = Alignment("en", "ko", "monotonic", [Link((0,), (0,), 1.0),
                                                    Link((1,), (1,), 1.0)])
    assert of_lists(drift(SOURCE, relay, tgt_lang="ko", alignment=alignment)) == []


def test_and_made_or_is_a_minor_relation_change() -> None:
    (f,) = of_lists(drift(["Get the Poles, Germans, British and French to do it."],
                          ["Хай це роблять Польща, Німеччина, Британія чи Франція."],
                          tgt_lang="uk"))
    assert (f.kind, f.severity, f.evidence["change"]) == ("relation", "minor", "conjunction")
    assert (f.evidence["src_class"], f.evidence["tgt_class"]) == ("and", "or")
    assert "“чи”" in f.message


def test_and_or_under_a_negation_is_quiet() -> None:
    # "not ... A and B" is rendered "не ... A чи B": the two say the same
    assert of_lists(drift(["Troops of the Poles, Germans and French will not be sent."],
                          ["Війська Польщі, Німеччини чи Франції не будуть направлені."],
                          tgt_lang="uk")) == []
