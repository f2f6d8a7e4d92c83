"""What a witness states, slot by slot: the features of its sentences.

A claim is compared across witnesses through language-neutral features read from each
sentence's facts (:mod:`provenance.facts`): its quantities (value, unit, currency and
qualifier, so "at least twice" is not "twice"), dates, glossary concepts, names the
glossary lacks (Latin and Cyrillic, transliterated), relation verbs by class (spoke vs
met), hedges, negations and cited sources; and two things that are compared, never
grouped on: how a list of names is joined ("and" or "or") and how many people unnamed
sources are ("three people close to Trump", "a source"). A feature knows its slot, its
key (what is compared) and its label and span (what a reader sees).

A witness can only vote on a slot its language lets the tool read (no hedge lexicon for
German, no capitalised names in Chinese): :func:`readable` says which.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from provenance.attribution.counts import source_count
from provenance.drift.lists import coordinated_lists
from provenance.drift.names import find_names, name_script
from provenance.lang import has
from provenance.lexicons import lexicon_lang, relation_groups

if TYPE_CHECKING:
    from provenance.facts import SentenceFacts
    from provenance.quantities import Quantity

#: The slots of a claim, in the order a reader meets them.
SLOTS = ("numbers", "dates", "names", "relation", "certainty", "negation", "sources",
         "lists", "source_count")
#: key prefixes of the slots that only say how a claim is stated (a list joined by "and"
#: or "or", "three sources" or "a source"): two sentences sharing "list:and" do not
#: say the same thing, so claims are not grouped, nor their readings ranked, by them
VOTE_ONLY = ("list:", "count:")

#: cue category -> slot. Evidentials ("reportedly", 据报道) are left out: relays add
#: them to mark what they relay, so witnesses differ on them without drifting.
_CUE_SLOTS = {"modal": "certainty", "negation": "negation",
              **{cls: "relation" for group in relation_groups().values()
                 for cls in group.classes}}
#: what a relation class means, for a reader
_RELATION_WORDS = {cls: cls.split("_", 1)[1] for group in relation_groups().values()
                   for cls in group.classes}
#: the keys of qualifier relations ("regular", "current and former"): what a claim says
#: of its subject, not what it is about (claims are not grouped or ranked by them)
QUALIFIER_KEYS = frozenset(f"rel:{cls}" for group in relation_groups().values()
                           if group.qualifier for cls in group.classes)
HEDGED = "certainty:hedged"
#: key prefix of a known person's name as written (its concept is already a feature)
SPELLING = "p:"


@dataclass(frozen=True)
class Feature:
    """One thing a sentence states: ``key`` is compared, ``label`` shown."""

    slot: str
    key: str
    label: str
    sentence: int
    start: int
    end: int

    def overlaps(self, sentence: int, start: int, end: int) -> bool:
        return sentence == self.sentence and self.start < end and start < self.end


def quantity_key(q: Quantity) -> str:
    """Kind, value, unit or currency and qualifier: what must agree between witnesses."""
    if q.kind in ("date", "time"):
        # the part of the period counts: "late 2023" is not "2023" said otherwise
        part = f"~{q.qualifier}" if q.kind == "date" and q.qualifier and q.date else ""
        return f"date:{q.date or q.text}{part}"
    value = f"{q.value:.6g}" if q.value is not None else q.text
    return f"q:{q.kind}:{value}:{q.unit or q.currency or ''}:{q.qualifier or ''}"


def _yearless(date: str | None) -> str | None:
    """The date's key without its year ("date:--06-26"), for dates that have a month."""
    if not date or "/" in date or not re.match(r"^\d{4}-\d{2}", date):
        return None
    return f"date:--{date[5:10]}"


def sentence_features(facts: SentenceFacts) -> list[Feature]:
    """Every feature of one sentence, in reading order within each slot."""
    i = facts.index
    found: list[Feature] = []
    for q in facts.quantities:
        slot = "dates" if q.kind in ("date", "time") else "numbers"
        found.append(Feature(slot, quantity_key(q), q.render(), i, q.start, q.end))
        if slot == "dates" and (yearless := _yearless(q.date)):
            # "June" with the year resolved in one article, unknown in another
            found.append(Feature(slot, yearless, q.render(), i, q.start, q.end))
    for t in facts.terms:
        found.append(Feature("names", f"c:{t.concept_id}", t.canonical, i, t.start, t.end))
    if name_script(facts.lang):
        skip = [(t.start, t.end) for t in facts.terms]
        for n in find_names(facts.text, facts.lang, skip):
            found.append(Feature("names", f"n:{n.key}", n.text, i, n.start, n.end))
        # a known person's name as written ("p:"): "Susan Wiles" is the glossary's Susie
        # Wiles misspelled, the same concept in another form
        for n in find_names(facts.text, facts.lang):
            if len(n.key.split()) > 1 and any(
                    t.category == "person" and n.start <= t.start and t.end <= n.end
                    for t in facts.terms):
                found.append(Feature("names", f"{SPELLING}{n.key}", n.text, i, n.start, n.end))
    for cue in facts.cues:
        slot = _CUE_SLOTS.get(cue.category)
        if slot == "certainty":
            found.append(Feature(slot, HEDGED, cue.text, i, cue.start, cue.end))
        elif slot == "negation":
            found.append(Feature(slot, "negation:negated", cue.text, i, cue.start, cue.end))
        elif slot == "relation":
            found.append(Feature(slot, f"rel:{cue.category}",
                                 f"{cue.text} ({_RELATION_WORDS[cue.category]})", i,
                                 cue.start, cue.end))
    for a in facts.attributions:
        if a.negated or a.kind == "unnamed":
            continue
        key = a.concept_id or a.source.strip().casefold()
        found.append(Feature("sources", f"src:{key}", a.source, i, a.start, a.end))
    found += _list_features(facts) + _count_features(facts)
    return found


def _list_features(facts: SentenceFacts) -> list[Feature]:
    """How each list of two or more names is joined: "list:and" (all of them) or
    "list:or" (any one of them), as the list detector reads it. Not under a negation,
    where the two say the same ("no troops from the U.S. or the UN")."""
    if any(cue.category == "negation" for cue in facts.cues):
        return []
    return [Feature("lists", f"list:{x.conjunction}", f"{x.text} ({x.conjunction})",
                    facts.index, x.start, x.end)
            for x in coordinated_lists(facts) if x.conjunction in ("and", "or")]


def _count_features(facts: SentenceFacts) -> list[Feature]:
    """How many people each unnamed source is, where that is read with confidence: its
    number ("count:3", "count:1") and whether they are several ("count:several"), so
    that "three sources" shares a key with "sources" and none with "a source" (as
    :meth:`SourceCount.differs` has it)."""
    found = []
    for a in facts.attributions:
        if a.kind != "unnamed" or a.negated:
            continue
        count = source_count(a, facts.text, facts.lang)
        if count is None:
            continue
        label = f"{count.words} ({count.describe()})"
        keys = ([f"count:{count.exact}"] if count.exact is not None else []) + (
            ["count:several"] if count.several else [])
        found += [Feature("source_count", key, label, facts.index, count.start, count.end)
                  for key in keys]
    return found


def readable(lang: str, slot: str) -> bool:
    """Whether the tool reads this slot in this language (else a witness abstains)."""
    if slot in ("certainty", "negation", "relation", "lists"):
        return lexicon_lang(lang) is not None
    if slot in ("numbers", "dates"):
        return has(lang, "quantities") or has(lang, "numbers")
    return True


class WitnessReading:
    """One article's sentences in one claim, with their features (read on first use)."""

    def __init__(self, article_id: str, lang: str, facts: list[SentenceFacts],
                 group: int) -> None:
        self.article_id = article_id
        self.lang = lang
        self.facts = facts
        self.group = group

    def __repr__(self) -> str:
        return f"WitnessReading({self.article_id!r}, {self.sentences})"

    @property
    def sentences(self) -> tuple[int, ...]:
        return tuple(f.index for f in self.facts)

    @property
    def text(self) -> str:
        return " ".join(f.text for f in self.facts)

    @cached_property
    def features(self) -> list[Feature]:
        return [x for f in self.facts for x in sentence_features(f)]

    @cached_property
    def keys(self) -> frozenset[str]:
        return frozenset(x.key for x in self.features)

    def keys_of(self, slot: str) -> frozenset[str]:
        return frozenset(x.key for x in self.features if x.slot == slot)

    def at(self, spans: list[tuple[int, int, int]]) -> list[Feature]:
        """The features inside the given (sentence, start, end) spans."""
        return [x for x in self.features if any(x.overlaps(*span) for span in spans)]

    def forms(self) -> dict[str, list[str]]:
        """Slot -> this witness's words for it (each form once), for the variants table."""
        out: dict[str, list[str]] = {}
        for x in self.features:
            forms = out.setdefault(x.slot, [])
            if x.label not in forms:
                forms.append(x.label)
        return {slot: out[slot] for slot in SLOTS if slot in out}


def refines(precise: str, vague: str) -> bool:
    """Whether ``precise`` states what ``vague`` states, more precisely: the same number
    with a qualifier ("at least 20 years" against "20 years"), or a date within the
    other ("2022-10" against "2022")."""
    if precise.startswith("q:") and vague.startswith("q:"):
        p_value, p_qual = precise.rsplit(":", 1)
        v_value, v_qual = vague.rsplit(":", 1)
        return p_value == v_value and bool(p_qual) and not v_qual
    if precise.startswith("date:") and vague.startswith("date:"):
        p, v = precise[5:], vague[5:]
        if p == v or len(v) < 4 or v.startswith("--"):
            return False
        v_date, _, v_part = v.partition("~")
        if not v_part:
            return p.startswith(v)
        # "2022-10" states "late 2022" more precisely; "2022-03" does not
        months = _PART_MONTHS.get(v_part)
        return bool(months and re.match(rf"^{re.escape(v_date)}-(\d\d)", p)
                    and int(p[len(v_date) + 1:len(v_date) + 3]) in months)
    return False


#: the months a part of a year spans (quantities.periods' parts)
_PART_MONTHS = {"early": range(1, 5), "mid": range(5, 9), "late": range(9, 13),
                "first_half": range(1, 7), "second_half": range(7, 13)}
