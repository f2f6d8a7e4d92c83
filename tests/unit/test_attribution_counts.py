"""How many people an unnamed source is, read per language from data, and the minor
finding when a relay changes it ("three people close to Trump" -> "по словам
источника")."""

from __future__ import annotations

import pytest
from test_drift import drift

from provenance.attribution import extract_attributions
from provenance.attribution.counts import source_count
from provenance.glossary import default_glossary


@pytest.fixture(scope="module")
def glossary():
    return default_glossary()


def counted(sentence: str, lang: str, glossary) -> list[tuple[int | None, bool] | None]:
    out = []
    for a in extract_attributions(sentence, lang, glossary):
        if a.kind == "unnamed":
            c = source_count(a, sentence, lang)
            out.append(None if c is None else (c.exact, c.several))
    return out


@pytest.mark.parametrize(("lang", "sentence", "count"), [
    ("en", "The Journal reported it, citing three sources close to Trump.", (3, True)),
    ("en", "Two people familiar with the matter said the plan exists.", (2, True)),
    ("en", "A source said the plan exists.", (1, False)),
    ("en", "The sources said the plan exists.", (None, True)),
    ("en", "One of the sources said the plan exists.", None),  # one of several
    # the genitive singular after "по словам" is one source; a number wins over it
    ("ru", "По словам источника, он предусматривает замораживание линии фронта.", (1, False)),
    ("ru", "По словам трёх источников, план есть.", (3, True)),
    ("ru", "Согласно трём источникам, план есть.", (3, True)),
    ("ru", "Один из источников сообщил, что план есть.", None),
    # collective and case forms, and numbers past five, are number words of numerals.py
    ("ru", "По словам двоих источников, план есть.", (2, True)),
    ("ru", "По словам троих источников, план есть.", (3, True)),
    ("ru", "Согласно четырём источникам, план есть.", (4, True)),
    ("ru", "По словам семи источников, план есть.", (7, True)),
    # "джерела" is one source only after a genitive cue; elsewhere it may be several
    ("uk", "За словами джерела, план є.", (1, False)),
    ("uk", "Джерела повідомили, що план є.", None),
    ("uk", "За словами трьох джерел, план є.", (3, True)),
    ("uk", "За словами п'яти джерел, план є.", (5, True)),
    ("uk", "За словами п’яти джерел, план є.", (5, True)),
    ("uk", "За словами чотирьох джерел, план є.", (4, True)),
    ("uk", "За словами шістьох джерел, план є.", (6, True)),
])
def test_how_many_sources(glossary, lang: str, sentence: str, count) -> None:
    assert counted(sentence, lang, glossary) == [count]


def test_three_people_made_one_source_is_a_minor_attribution_change() -> None:
    ref = "The plan would freeze the front line, according to three people close to Trump."
    relay = "По словам источника, план предусматривает замораживание линии фронта."
    (f,) = [f for f in drift([ref], [relay], tgt_lang="ru")
            if f.evidence.get("change") == "source_count"]
    assert f.kind == "attribution" and f.severity == "minor"
    assert (f.evidence["src_count"], f.evidence["tgt_count"]) == (3, 1)
    (i, a, b), = f.src_spans
    (j, c, d), = f.tgt_spans
    assert ref[a:b] == "three people close to Trump" and relay[c:d] == "источника"


def test_a_source_made_two_people_is_reported_and_sources_for_three_is_not() -> None:
    found = drift(["A source said the plan would freeze the front line."],
                  ["Two people familiar with the matter said the plan would freeze the "
                   "front line."])
    assert [f.evidence["tgt_count"] for f in found
            if f.evidence.get("change") == "source_count"] == [2]
    # "sources" may be the three people: no count is stated to compare
    found = drift(["Three people close to Trump said the plan would freeze the front line."],
                  ["Sources said the plan would freeze the front line."])
    assert not [f for f in found if f.evidence.get("change") == "source_count"]


def test_a_count_not_read_with_confidence_is_not_compared() -> None:
    # Ukrainian "джерела" outside a genitive cue may be one source or several
    found = drift(["A source said the plan would freeze the front line."],
                  ["Джерела повідомили, що план передбачає замороження лінії фронту."],
                  tgt_lang="uk")
    assert not [f for f in found if f.evidence.get("change") == "source_count"]
