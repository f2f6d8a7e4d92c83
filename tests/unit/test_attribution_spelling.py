"""An outlet's name misspelled where it is cited ("WJS наводить деталі" for the WSJ): read
as that outlet, reported as a minor name finding, and only against an outlet the text
around it credits by its right name."""

from __future__ import annotations

import pytest
from support.analysis_factory import article_from_lines
from test_drift import drift, of

from provenance.attribution import article_attributions
from provenance.attribution.spelling import is_slip, outlet_slip
from provenance.glossary import default_glossary

WSJ = "The Wall Street Journal"


@pytest.fixture(scope="module")
def glossary():
    return default_glossary()


@pytest.mark.parametrize(("written", "form", "slip"), [
    ("WJS", "WSJ", True),  # two neighbouring letters swapped
    ("NYTimse", "NYTimes", True),
    ("Reutres", "Reuters", True),
    ("Blomberg", "Bloomberg", True),  # a letter dropped from a long name
    ("NSC", "NBC", False),  # a real acronym one letter from an outlet's initials
    ("CBC", "CBS", False),
    ("SWJ", "WSJ", False),  # the first letter is not where slips land
    ("WSJ", "WSJ", False),  # the right name is no slip
    ("AP", "PA", False),  # too short to tell
    ("华尔街时报", "华尔街日报", False),  # a character is a word, not a slip
])
def test_one_slip(written: str, form: str, slip: bool) -> None:
    assert is_slip(written, form) is slip


def test_only_the_outlets_given_are_candidates(glossary) -> None:
    assert outlet_slip("WJS", ["wsj"], glossary).outlet == WSJ
    assert outlet_slip("WJS", [], glossary) is None
    assert outlet_slip("WSJ", ["wsj"], glossary) is None  # one of its own forms


REFERENCE = ["Advisers put forth different versions of a plan to freeze the front line.",
             "The proposals would freeze the war."]


def test_a_misspelled_outlet_the_relay_credits_elsewhere_is_a_minor_name_finding() -> None:
    relay = ["Про це йдеться в публікації видання Wall Street Journal.",
             "WJS наводить деталі одного з планів, який висувають радники."]
    found = drift(REFERENCE, relay, tgt_lang="uk")
    (f,) = [f for f in found if f.evidence.get("change") == "outlet_misspelt"]
    assert f.kind == "entity" and f.severity == "minor"
    assert f.message == "outlet name misspelled: “WJS” for The Wall Street Journal"
    (j, a, b), = f.tgt_spans
    assert relay[j][a:b] == "WJS" and f.evidence["known_form"] == "WSJ"
    # the misspelled name is the WSJ, not a source the relay adds
    assert not [f for f in of(found, "attribution") if "WJS" in f.message or 1 in f.tgt]


def test_a_misspelled_name_of_an_outlet_nobody_credits_is_left_alone() -> None:
    relay = ["Радники висувають різні версії плану.",
             "WJS наводить деталі одного з планів, який висувають радники."]
    found = drift(REFERENCE, relay, tgt_lang="uk")
    assert not [f for f in found if f.evidence.get("change") == "outlet_misspelt"]


def test_an_acronym_one_letter_from_a_credited_outlet_is_not_a_misspelling() -> None:
    found = drift(["NBC reported that the plan would freeze the front line.",
                   "Trump has not approved the plan."],
                  ["NBC reported that the plan would freeze the front line.",
                   "The NSC said Trump has not approved the plan."])
    assert not [f for f in found if f.evidence.get("change") == "outlet_misspelt"]


def test_a_misspelling_of_the_outlet_the_reference_credits_is_reported_once() -> None:
    # the WSJ is still cited (no source dropped), and the name the entity detector finds
    # respelled against the reference is not reported again as a misspelled outlet
    found = drift(["According to the WSJ, Trump has not approved a plan."],
                  ["According to WJS, Trump has not approved a plan."])
    assert [f.evidence["change"] for f in found
            if f.detector in ("attribution", "entities")] == ["respelled"]
    found = drift(["According to the WSJ, Trump has not approved a plan.", "He will decide."],
                  ["Trump has not approved a plan.", "He will decide, WJS reported."])
    assert [f.evidence["change"] for f in found if f.detector == "attribution"] == [
        "outlet_misspelt"]


def test_an_article_crediting_the_outlet_elsewhere_cites_it_under_a_misspelling(
        glossary) -> None:
    article = article_from_lines("a", [
        "Про це йдеться в публікації видання Wall Street Journal.",
        "WJS наводить деталі одного з планів."], "uk")
    assert [a.source for a in article_attributions(article, glossary)] == [WSJ, WSJ]
    alone = article_from_lines("b", ["WJS наводить деталі одного з планів."], "uk")
    assert [a.source for a in article_attributions(alone, glossary)] == ["WJS"]
