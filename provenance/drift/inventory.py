"""What each side of a pair states, article-wide, and whether the other side states it.

A name missing from one relay sentence is usually elsewhere in the relay (translators
move and merge clauses, and use pronouns), so absence is judged over the whole article:
a name, number or date of the reference that the relay states nowhere is left out; one
of the relay that the reference states nowhere is brought in. Each such fact is a
:class:`Fact` with its span, so a finding can quote it.

"Nowhere" is only said where it can be told: a glossary concept counts when it has a
form the other side's language can match; a name outside the glossary when both sides
write names in an alphabet (compared transliterated); a number when written with digits.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from provenance.drift.names import Name, find_names, name_script, same_name
from provenance.lang import glossary_code

if TYPE_CHECKING:
    from provenance.facts import SentenceFacts
    from provenance.glossary import Glossary
    from provenance.quantities import Quantity

#: fact kinds, in the order a message lists them
KINDS = ("number", "date", "name")


@dataclass(frozen=True)
class Fact:
    """One checkable thing a sentence states, with its span in that sentence."""

    kind: str  # "number", "date" or "name"
    label: str  # how a message names it
    sentence: int
    start: int
    end: int
    concept: str | None = None  # glossary concept id, for names the glossary knows
    name: Name | None = None  # a name the glossary does not know
    quantity: Quantity | None = None

    @property
    def span(self) -> tuple[int, int, int]:
        return (self.sentence, self.start, self.end)


class Inventory:
    """The facts of one side of a pair, and what that side mentions anywhere."""

    def __init__(self, facts: list[SentenceFacts], lang: str, glossary: Glossary) -> None:
        self.facts = facts
        self.lang = lang
        self.glossary = glossary

    def of(self, indices: list[int] | range) -> list[Fact]:
        """The checkable facts of these sentences, in reading order (one per concept,
        name or value: a repeated one is listed at its first mention)."""
        out: list[Fact] = []
        seen: set[object] = set()
        for i in indices:
            for fact in self._sentence(self.facts[i]):
                key = fact.concept or (fact.name.key if fact.name else None) or (
                    fact.kind, fact.label)
                if key not in seen:
                    seen.add(key)
                    out.append(fact)
        return out

    def mentions(self, fact: Fact, lang: str) -> bool | None:
        """Whether this side states ``fact`` (read in ``lang``, the other side's language)
        anywhere; None when it cannot be told."""
        if fact.concept is not None:
            if not self._expressible(fact.concept):
                return None
            return fact.concept in self.concepts
        if fact.name is not None:
            if not name_script(self.lang) or not name_script(lang):
                return None
            return any(same_name(fact.name, n) for n in self.names) or any(
                same_name(fact.name, n) for n in self.concept_names)
        if fact.quantity is not None:
            q = fact.quantity
            return any(q.compare(o).verdict == "same" for o in self.quantities
                       if (o.kind in ("date", "time")) == (fact.kind == "date"))
        return None

    def names_anywhere(self, name: Name, lang: str) -> bool | None:
        """Whether this side names ``name`` (found in ``lang``) anywhere, by a glossary
        concept or as written; None when it cannot be told."""
        if name.concept is not None:
            return self.mentions(Fact("name", name.text, 0, 0, 0, concept=name.concept), lang)
        return self.mentions(Fact("name", name.text, 0, 0, 0, name=name), lang)

    # -- article-wide sets -------------------------------------------------------------
    @cached_property
    def concepts(self) -> frozenset[str]:
        return frozenset(t.concept_id for f in self.facts for t in f.terms)

    @cached_property
    def names(self) -> list[Name]:
        skip = {f.index: [(t.start, t.end) for t in f.terms] for f in self.facts}
        return [n for f in self.facts for n in find_names(f.text, f.lang, skip[f.index])]

    @cached_property
    def concept_names(self) -> list[Name]:
        """The glossary matches of this side as names (a name the other side's glossary
        misses may be a concept here)."""
        from provenance.drift.names import latin_key

        return [Name(t.text, t.start, t.end, latin_key(t.text, f.lang)) for f in self.facts
                for t in f.entities]

    @cached_property
    def quantities(self) -> list[Quantity]:
        return [q for f in self.facts for q in f.quantities]

    def _expressible(self, concept: str) -> bool:
        """Whether the concept has a form this side's language can match (its own
        language's, or a Latin form, which matches inside any language)."""
        try:
            found = self.glossary.get(concept)
        except KeyError:
            return False
        code = glossary_code(self.lang)
        langs = {code, *(["zh-Hans", "zh-Hant"] if code.startswith("zh") else []),
                 *(["uk", "ru"] if code in ("uk", "ru") else [])}
        return any(lang in langs or (lang == "en" and form.text.isascii())
                   for lang, form in found.all_forms() if form.status != "deprecated")

    def _sentence(self, facts: SentenceFacts) -> list[Fact]:
        out: list[Fact] = []
        for q in facts.quantities:
            if not any(ch.isdigit() for ch in q.text):
                continue  # "two", 一份: spelled numbers come and go in translation
            kind = "date" if q.kind in ("date", "time") else "number"
            if kind == "date" and not q.date:
                continue
            out.append(Fact(kind, q.text, facts.index, q.start, q.end, quantity=q))
        for t in facts.entities:
            out.append(Fact("name", t.canonical, facts.index, t.start, t.end, concept=t.concept_id))
        skip = [(t.start, t.end) for t in facts.terms]
        for n in find_names(facts.text, facts.lang, skip):
            out.append(Fact("name", n.text, facts.index, n.start, n.end, name=n))
        return sorted(out, key=lambda f: (f.start, KINDS.index(f.kind)))


def listing(facts: list[Fact], limit: int = 6) -> str:
    """“$1.8 billion”, “2021” and “NASA” (and 3 more): facts as a message lists them."""
    shown = [f"“{f.label}”" for f in facts[:limit]]
    more = len(facts) - len(shown)
    if more:
        shown.append(f"{more} more")
    if len(shown) <= 1:
        return "".join(shown)
    return ", ".join(shown[:-1]) + " and " + shown[-1]
