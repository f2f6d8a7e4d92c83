"""What a relay "brings in" that other independent witnesses state is not its addition.

The reference here does not give the contract's amount, which three relays state; one
relay also gives a figure of its own.
"""

from __future__ import annotations

import pytest
from support.analysis_factory import article_from_lines

from provenance.collation import collate_story
from provenance.collation.corroboration import corroborate
from provenance.glossary import default_glossary
from provenance.pairs import PairSettings, compare_pair

GLOSSARY = default_glossary()

CLAIM = "Dave Limp spoke with President Donald Trump at least twice in June, officials said."


def story() -> list:
    ref = article_from_lines("ref", [
        "Markets in Asia closed higher on Tuesday after a quiet session in Europe.", CLAIM,
        "Blue Origin later won a contract from NASA for a lunar lander."], "en")
    a = article_from_lines("a", [
        "The weather service expects heavy rain along the northern coast.", CLAIM,
        "Blue Origin later won a $4 billion contract from NASA for a lunar lander, "
        "against a rival bid of $9 billion."], "en")
    b = article_from_lines("b", [
        "A new museum of modern design opened its doors in the old harbour.",
        "Dave Limp spoke with Donald Trump at least twice in June, according to officials.",
        "Later, Blue Origin won a $4 billion NASA contract for a lunar lander."], "en")
    c = article_from_lines("c", [
        "Train services resumed after engineers repaired a damaged signal box.",
        "In June Dave Limp spoke with President Trump at least twice, officials said.",
        "NASA then gave Blue Origin a $4 billion contract for its lunar lander."], "en")
    return [ref, a, b, c]


@pytest.fixture(scope="module")
def corroborated():
    articles = story()
    ref, relays = articles[0], articles[1:]
    pairs = [compare_pair(ref, r, PairSettings(mode="monotonic"), GLOSSARY) for r in relays]
    part = collate_story(0, articles, GLOSSARY, vectors=False)
    return pairs, corroborate(pairs, [part], {x.id: x for x in articles}, GLOSSARY)


def brought_in(pair, kind: str) -> list[str]:
    return [label for f in pair.findings if f.kind == kind
            and f.evidence.get("change") == "article_facts"
            for label in f.evidence.get("brought_in", [])]


def test_what_other_witnesses_state_is_not_brought_in_by_the_relay(corroborated):
    before, after = corroborated
    # without the other witnesses, every relay "brings in" the contract's amount
    assert all("$4 billion" in brought_in(p, "number") for p in before)
    a, b, c = after
    assert brought_in(a, "number") == ["$9 billion"]  # the relay's own figure stays
    (numbers,) = [f for f in a.findings if f.kind == "number"
                  and f.evidence.get("change") == "article_facts"]
    assert numbers.evidence["witnessed"] == ["$4 billion"]
    assert "$4 billion" not in numbers.message and "$9 billion" in numbers.message
    for pair in (b, c):
        assert brought_in(pair, "number") == []


def test_a_copy_does_not_corroborate_its_source():
    articles = story()
    ref, a = articles[0], articles[1]
    copy = article_from_lines("copy", [s.text for s in a.sentences], "en")
    pairs = [compare_pair(ref, r, PairSettings(mode="monotonic"), GLOSSARY) for r in (a, copy)]
    part = collate_story(0, [ref, a, copy, articles[2]], GLOSSARY, vectors=False)
    assert part.groups["a"] == part.groups["copy"]
    a_after, _ = corroborate(pairs, [part], {x.id: x for x in [ref, a, copy, articles[2]]},
                             GLOSSARY)
    # b states the contract; nobody but a's own copy states the $9 billion
    assert brought_in(a_after, "number") == ["$9 billion"]


def test_a_source_other_witnesses_credit_is_not_an_added_attribution():
    # the reference is a syndicated copy that names no source; the relays credit the
    # outlet whose story it is, and one credits another outlet
    line = "Dave Limp spoke with Donald Trump at least twice in June."
    ref = article_from_lines("ref", [
        "Markets in Asia closed higher on Tuesday after a quiet session in Europe.", line],
        "en")
    relays = [article_from_lines(x, [other, f"{line[:-1]}, {credit}"], "en")
              for x, other, credit in (
        ("a", "The weather service expects heavy rain along the coast.",
         "The Wall Street Journal reported."),
        ("b", "A new museum of modern design opened in the old harbour.",
         "according to The Wall Street Journal."),
        ("c", "Train services resumed after engineers repaired a signal box.",
         "Bloomberg reported."))]
    articles = [ref, *relays]
    pairs = [compare_pair(ref, r, PairSettings(mode="monotonic"), GLOSSARY) for r in relays]

    def added(pair) -> list[str]:
        return [f.evidence["tgt_source"] for f in pair.findings
                if f.evidence.get("change") == "source_added"]

    assert [added(p) for p in pairs] == [["The Wall Street Journal"],
                                         ["The Wall Street Journal"], ["Bloomberg"]]
    part = collate_story(0, articles, GLOSSARY, vectors=False)
    after = corroborate(pairs, [part], {x.id: x for x in articles}, GLOSSARY)
    assert [added(p) for p in after] == [[], [], ["Bloomberg"]]
