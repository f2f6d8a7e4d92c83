"""Entity drift: a person, organisation, outlet or place replaced by another of the same
category (Bloomberg for the WSJ; Susan for Susie), inside one aligned unit.

Glossary concepts compare across any pair of languages. Names the glossary does not
know are compared when both sides write them in Latin or Cyrillic script (transliterated).
A name present on one side only is not reported here: absence is judged over the whole
article (:mod:`provenance.drift.coverage` lists the names a relay leaves out or brings
in), since a translator moves names between sentences and uses pronouns. One
exception: a person the relay reduces to the place qualifying them ("a favour to Chinese
leader Xi Jinping" -> "to help China") is a generalization, reported in the unit.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from provenance.drift.base import LinkDetector
from provenance.drift.context import PairContext, agreement
from provenance.drift.inventory import Inventory
from provenance.drift.names import (
    Name,
    find_names,
    latin_key,
    name_script,
    same_name,
    similar_name,
)
from provenance.drift.ranks import Qualifier, qualifiers_at, rank_change
from provenance.facts import ENTITY_CATEGORIES, SentenceFacts
from provenance.model import Finding, Link

if TYPE_CHECKING:
    from provenance.glossary import TermMatch

# Similar enough to be the same name respelled ("Susan" for "Susie"), same script only.
RESPELLED = 55.0
#: a concept swap inside sentences that agree less than this is weak evidence (minor)
SWAP_AGREEMENT = 0.6
#: categories whose members stand for each other in ordinary writing (a capital for its
#: country, a country for its people): a swap there is minor
METONYMS = frozenset({"place"})


@dataclass
class _Around:
    """What a unit's comparison may know beyond its own sentences."""

    near: set[str] = field(default_factory=set)  # concepts of the neighbouring sources
    story: list[Name] | None = None  # every name the source article uses
    src_inventory: Inventory | None = None  # what each whole article names
    tgt_inventory: Inventory | None = None


class EntityDrift(LinkDetector):
    """People, organisations, outlets and places replaced or respelled in a unit."""

    name = "entities"
    kinds = ("entity", "term")

    def detect(self, pair: PairContext) -> list[Finding]:
        comparable = bool(name_script(pair.src_lang) and name_script(pair.tgt_lang))
        # a relay name that the source uses elsewhere, put where the source names someone
        # else, is a swap
        story = [n for f in pair.src_facts for n in find_names(f.text, f.lang)] \
            if comparable else []
        src_inv = Inventory(pair.src_facts, pair.src_lang, pair.glossary)
        tgt_inv = Inventory(pair.tgt_facts, pair.tgt_lang, pair.glossary)
        findings: list[Finding] = []
        for link in pair.aligned:
            around = _Around(_neighbour_concepts(pair, link), story, src_inv, tgt_inv)
            findings.extend(self._compare(link, pair.src_of(link), pair.tgt_of(link), around))
        return findings

    def compare(self, link: Link, src: list[SentenceFacts], tgt: list[SentenceFacts]
                ) -> list[Finding]:
        return self._compare(link, src, tgt, _Around())

    def _compare(self, link: Link, src: list[SentenceFacts], tgt: list[SentenceFacts],
                 around: _Around) -> list[Finding]:
        if not src or not tgt:
            return []
        src_script, tgt_script = name_script(src[0].lang), name_script(tgt[0].lang)
        comparable = bool(src_script and tgt_script)
        agreed = agreement(src, tgt)
        found, s_left, t_left = self._concepts(link, src, tgt, comparable, around,
                                               1.0 if agreed is None else agreed)
        found.extend(self._other_terms(link, src, tgt, around.near,
                                       1.0 if agreed is None else agreed))
        if comparable:
            story = around.story if around.story is not None else [
                n for f in src for n in find_names(f.text, f.lang)]
            found.extend(self._names(link, src, tgt, s_left, t_left, story, around,
                                     same_script=src_script == tgt_script))
        return found

    # glossary concepts -------------------------------------------------------------
    def _concepts(self, link: Link, src: list[SentenceFacts], tgt: list[SentenceFacts],
                  comparable: bool, around: _Around, agreed: float
                  ) -> tuple[list[Finding], list[tuple[int, Name]], list[tuple[int, Name]]]:
        """Replacements between concepts; leftovers go on to the name comparison when
        both sides are in an alphabet (so "Susie Wiles" can meet "Susan Wiles")."""
        s_terms = _by_concept(src)
        t_terms = _by_concept(tgt)
        # a concept the other side names in any sentence of the unit is not replaced
        only_src = [c for c in s_terms if c not in t_terms]
        # a relay concept the source names in another sentence is a clause moved or
        # merged ("the Journal reported" next to a sentence on The Washington Post), not
        # a swap nor a new name; if the relay then states the source's concept nowhere,
        # the article-wide facts (coverage) say so, once
        # the same merged clause. Where the two sentences agree on all else, only a
        # source moved in ("according to the Journal") is exempt: another name is a swap
        # however often the reference names it elsewhere (Ukraine and Russia are in every
        # sentence of a war story)
        stated = around.src_inventory.concepts if around.src_inventory else frozenset()
        if agreed >= SWAP_AGREEMENT:
            cited = {a.concept_id for f in tgt for a in f.attributions if a.concept_id}
            stated = stated & cited
        only_tgt = [c for c in t_terms if c not in s_terms and c not in stated]
        if agreed < SWAP_AGREEMENT and around.tgt_inventory:
            # likewise a reference concept the relay names in another sentence: where the
            # two sentences share little, pairing it with a leftover gave "Putin"
            # replaced by "Bremmer"
            only_src = [c for c in only_src if c not in around.tgt_inventory.concepts]
        findings: list[Finding] = []
        s_left: list[tuple[int, Name]] = []
        t_left: list[tuple[int, Name]] = []
        for cid in [c for c in s_terms if c in t_terms and s_terms[c][1].category == "person"]:
            if not comparable:
                break
            # the same person on both sides, but is the full name the same?
            (i, sm), (j, tm) = s_terms[cid], t_terms[cid]
            a, b = _full_name(src, i, sm), _full_name(tgt, j, tm)
            if len(a.key.split()) > 1 and len(b.key.split()) > 1 and not same_name(a, b):
                s_left.append((i, a))
                t_left.append((j, b))
        for cid in list(only_src):
            i, sm = s_terms[cid]
            # a relay concept that the neighbouring source sentences mention points at a
            # sentence boundary drawn differently, not at a swap
            rivals = [c for c in only_tgt if t_terms[c][1].category == sm.category
                      and c not in around.near]
            same_kind = [c for c in only_src if s_terms[c][1].category == sm.category]
            if not rivals:
                continue
            # a swap is clear when each side has a single candidate; otherwise the first
            # candidate is reported, as a weak one
            clear = len(rivals) == 1 and len(same_kind) == 1
            rival = rivals[0]
            j, tm = t_terms[rival]
            only_src.remove(cid)
            only_tgt.remove(rival)
            strong = clear and agreed >= SWAP_AGREEMENT and sm.category not in METONYMS
            why = ("a place often stands for another (Washington for the United States, "
                   "the Kremlin for Russia)" if sm.category in METONYMS
                   else "several names of that kind differ, so which replaced which is a "
                        "guess" if not clear
                   else "the two sentences share few other names and numbers")
            findings.append(self.finding(
                "entity", "major" if strong else "minor", link.src, link.tgt,
                f"{sm.category} replaced: the reference's “{sm.text}” ({sm.canonical}) is "
                f"“{tm.text}” ({tm.canonical}) in the relay",
                src_spans=[(i, sm.start, sm.end)], tgt_spans=[(j, tm.start, tm.end)],
                change="replaced", category=sm.category, src_concept=cid, tgt_concept=rival,
                agreement=round(agreed, 2),
                **({} if strong else {"lowered": why})))
        if around.src_inventory is not None and around.tgt_inventory is not None:
            for cid, sm, span, (j, tm) in _generalized(only_src, s_terms, t_terms, src, tgt,
                                                       around.src_inventory,
                                                       around.tgt_inventory):
                only_src.remove(cid)
                findings.append(self.finding(
                    "entity", "minor", link.src, link.tgt,
                    f"person generalized: the reference's “{_span_text(src, span)}” is only "
                    f"“{tm.text}” ({tm.canonical}) in the relay, which names "
                    f"{sm.canonical} nowhere",
                    src_spans=[span], tgt_spans=[(j, tm.start, tm.end)],
                    change="generalized", category="person", src_concept=cid,
                    tgt_concept=tm.concept_id, agreement=round(agreed, 2)))
        if comparable:
            for only, terms, facts, left in ((only_src, s_terms, src, s_left),
                                             (only_tgt, t_terms, tgt, t_left)):
                for cid in only:
                    k, m = terms[cid]
                    left.append((k, _full_name(facts, k, m)))
        return findings, s_left, t_left

    # titles and terms ---------------------------------------------------------------
    def _other_terms(self, link: Link, src: list[SentenceFacts], tgt: list[SentenceFacts],
                     near: set[str], agreed: float) -> list[Finding]:
        """A title or term replaced by another of its category ("leader" by "premier",
        "first deputy chief of staff" by "head of the presidential administration",
        "demilitarized zone" by "buffer zone"): one concept on each side, the other
        side naming neither."""
        s_terms = _by_concept(src, entities=False)
        t_terms = _by_concept(tgt, entities=False)
        findings = self._qualifiers(link, src, tgt, s_terms, t_terms, agreed)
        categories = {m.category for _, m in s_terms.values()}
        for category in sorted(categories):
            only_s = [c for c, (_, m) in s_terms.items()
                      if m.category == category and c not in t_terms]
            only_t = [c for c, (_, m) in t_terms.items()
                      if m.category == category and c not in s_terms and c not in near]
            if len(only_s) != 1 or len(only_t) != 1:
                continue
            (i, sm), (j, tm) = s_terms[only_s[0]], t_terms[only_t[0]]
            # "chief of staff" and "White House chief of staff" name one office, one more
            # precisely: worth a look, not an alarm; but "first deputy chief of staff"
            # and "chief of staff" name two posts of it (rank qualifiers)
            s_words = set(sm.canonical.casefold().split())
            t_words = set(tm.canonical.casefold().split())
            rank = rank_change(sm.canonical, tm.canonical)
            nested = (s_words < t_words or t_words < s_words) and not (rank and rank.post)
            strong = agreed >= SWAP_AGREEMENT and not nested
            lowered = ("one names the other more precisely" if nested
                       else "the two sentences share few other names and numbers")
            what = ("made more specific" if s_words < t_words else "made less specific"
                    ) if nested else "changed"
            rank_evidence = {"rank_dropped": list(rank.dropped), "rank_added": list(rank.added)
                             } if rank else {}
            findings.append(self.finding(
                "term", "major" if strong else "minor", link.src, link.tgt,
                f"{'term' if category == 'other' else category} {what}: the reference's "
                f"“{sm.text}” ({sm.canonical}) is “{tm.text}” ({tm.canonical}) in the relay"
                + (f" (rank {rank.describe()})" if rank else ""),
                src_spans=[(i, sm.start, sm.end)], tgt_spans=[(j, tm.start, tm.end)],
                change="rank" if rank and rank.post else "narrowed" if nested else "replaced",
                category=category, src_concept=only_s[0], tgt_concept=only_t[0],
                agreement=round(agreed, 2), **rank_evidence,
                **({} if strong else {"lowered": lowered})))
        return findings

    def _qualifiers(self, link: Link, src: list[SentenceFacts], tgt: list[SentenceFacts],
                    s_terms: dict[str, tuple[int, TermMatch]],
                    t_terms: dict[str, tuple[int, TermMatch]], agreed: float
                    ) -> list[Finding]:
        """One title on both sides, a post qualifier next to it on one side only: a
        former adviser made a serving one, an acting head made the head."""
        findings: list[Finding] = []
        texts = {f.index: f for f in src}, {f.index: f for f in tgt}
        for cid in [c for c, (_, m) in s_terms.items() if m.category == "title" and c in t_terms]:
            (i, sm), (j, tm) = s_terms[cid], t_terms[cid]
            s_facts, t_facts = texts[0][i], texts[1][j]
            s_q = qualifiers_at(s_facts.text, sm.start, sm.end, s_facts.lang)
            t_q = qualifiers_at(t_facts.text, tm.start, tm.end, t_facts.lang)
            dropped = [q for name, q in s_q.items() if name not in t_q]
            added = [q for name, q in t_q.items() if name not in s_q]
            if not (dropped or added):
                continue
            s_span = _widened(i, sm, dropped + [s_q[n] for n in s_q if n in t_q])
            t_span = _widened(j, tm, added + [t_q[n] for n in t_q if n in s_q])
            said = s_facts.text[s_span[1]:s_span[2]]
            says = t_facts.text[t_span[1]:t_span[2]]
            change = " and ".join([f"“{q.name}” dropped" for q in dropped]
                                  + [f"“{q.name}” added" for q in added])
            strong = agreed >= SWAP_AGREEMENT
            findings.append(self.finding(
                "term", "major" if strong else "minor", link.src, link.tgt,
                f"title changed ({change}): the reference's “{said}” ({sm.canonical}) is "
                f"“{says}” in the relay",
                src_spans=[s_span], tgt_spans=[t_span], change="rank", category="title",
                src_concept=cid, tgt_concept=cid, agreement=round(agreed, 2),
                rank_dropped=[q.name for q in dropped], rank_added=[q.name for q in added],
                **({} if strong else {
                    "lowered": "the two sentences share few other names and numbers"})))
        return findings

    # surface names -----------------------------------------------------------------
    def _names(self, link: Link, src: list[SentenceFacts], tgt: list[SentenceFacts],
               s_extra: list[tuple[int, Name]], t_extra: list[tuple[int, Name]],
               story: list[Name], around: _Around, *, same_script: bool) -> list[Finding]:
        """Names without a counterpart in the unit, paired when one is clearly the other
        respelled (same script) or replaced (a lone leftover name on each side)."""
        s_names = [(f.index, n) for f in src for n in _free_names(f)]
        t_names = [(f.index, n) for f in tgt for n in _free_names(f)]
        s_left = [x for x in s_names if not any(same_name(x[1], y[1]) for y in t_names + t_extra)]
        t_left = [y for y in t_names if not any(same_name(x[1], y[1]) for x in s_names + s_extra)]
        s_left += [x for x in s_extra if not any(same_name(x[1], y[1]) for y in t_names)]
        t_left += [y for y in t_extra if not any(same_name(x[1], y[1]) for x in s_names)]
        # a name the relay states elsewhere was moved or left out here, not replaced:
        # pairing it with a leftover name gave "Putin" replaced by "NATO"
        s_stated = around.src_inventory.concepts if around.src_inventory else frozenset()
        t_stated = around.tgt_inventory.concepts if around.tgt_inventory else frozenset()
        findings: list[Finding] = []
        for i, a in list(s_left):
            if _stated(a, src[0].lang, around.tgt_inventory, t_stated):
                continue
            # names of known, different categories (a company, an outlet) are no swap;
            # a glossary name against one the glossary does not know may be another kind
            # of thing ("Putin" and "NATO"): only a respelling pairs those
            candidates = [y for y in t_left if not (a.category and y[1].category
                                                    and a.category != y[1].category)
                          and y[1].concept not in around.near
                          and not (y[1].concept and y[1].concept in s_stated)
                          and (bool(a.concept) == bool(y[1].concept) or (
                              same_script and similar_name(a, y[1]) >= RESPELLED))]
            best = max(candidates, key=lambda y: similar_name(a, y[1]), default=None)
            if best is None:
                continue
            score = similar_name(a, best[1])
            respelled = same_script and score >= RESPELLED
            # A lone leftover name on each side of a pair is a swap (Bloomberg for WSJ);
            # so is a relay name the source article uses in another sentence, put where
            # the source names someone else.
            # Across alphabets two names the glossary does not know ("Scholz", "Шольц";
            # "Black Sea", "Чорному") are as likely a transliteration or a translation
            # the tool cannot follow: a lone pair of them is no swap.
            swapped = len(s_left) == 1 and len(t_left) == 1 and (
                same_script or bool(a.concept or best[1].concept))
            if not (respelled or swapped):
                # a relay name the source article uses in another sentence, or one it never
                # uses while the relay never names the source's: put in its place
                known = [y for y in candidates if any(same_name(y[1], n) for n in story)]
                if not known and _vanished(a, src[0].lang, around.tgt_inventory):
                    # across alphabets a name the glossary does not know often fails to
                    # match its transliteration: one of the two must be a known concept
                    known = [y for y in candidates
                             if _vanished(y[1], tgt[0].lang, around.src_inventory)
                             and (same_script or a.concept or y[1].concept)]
                if not known:
                    continue
                best = known[0]
                score = similar_name(a, best[1])
            j, b = best
            s_left.remove((i, a))
            t_left.remove(best)
            known = any(same_name(b, n) for n in story)
            what = "respelled" if respelled else "replaced"
            # across scripts a transliteration miss looks just like a swap: minor there
            major = same_script and (respelled or (swapped and known))
            findings.append(self.finding(
                "entity", "major" if major else "minor", link.src, link.tgt,
                f"name {what}: the reference's “{a.text}” is “{b.text}” in the relay",
                src_spans=[(i, a.start, a.end)], tgt_spans=[(j, b.start, b.end)],
                change="respelled" if respelled else "replaced", similarity=round(score, 1),
                known_in_source=known))
        return findings


def _stated(name: Name, lang: str, other: Inventory | None, concepts: frozenset[str]) -> bool:
    """Whether the other article states ``name`` anywhere: a glossary name by its
    concept (``concepts``, the other article's), another by its spelling."""
    if name.concept:
        return name.concept in concepts
    return other is not None and other.names_anywhere(name, lang) is True


def _vanished(name: Name, lang: str, other: Inventory | None) -> bool:
    """Whether the other article names ``name`` nowhere (False when it cannot be told)."""
    return other is not None and other.names_anywhere(name, lang) is False


def _neighbour_concepts(pair: PairContext, link: Link) -> set[str]:
    """Concepts of the source sentences right before and after a link's source side."""
    around = {min(link.src) - 1, max(link.src) + 1} - set(link.src)
    return {t.concept_id for i in around if 0 <= i < len(pair.src_facts)
            for t in pair.src_facts[i].terms}


def _widened(index: int, term: TermMatch, qualifiers: list[Qualifier]
             ) -> tuple[int, int, int]:
    """The title's span with its qualifiers."""
    return (index, min([term.start] + [q.start for q in qualifiers]),
            max([term.end] + [q.end for q in qualifiers]))


def _by_concept(facts: list[SentenceFacts], *, entities: bool = True
                ) -> dict[str, tuple[int, TermMatch]]:
    """First mention of each entity concept (or, with ``entities=False``, of each other
    concept: titles, terms) in a group of sentences."""
    found: dict[str, tuple[int, TermMatch]] = {}
    for f in facts:
        wanted = f.entities if entities else [t for t in f.terms
                                               if t.category not in ENTITY_CATEGORIES]
        for t in wanted:
            found.setdefault(t.concept_id, (f.index, t))
    return found


#: characters between a place word and the person it qualifies ("Chinese leader Xi
#: Jinping", "中国国家主席习近平"): room for a title, not for a clause
QUALIFIER_GAP = 30
_CLAUSE_BREAK = frozenset(",;:()—–\"“”«»，；：（）")


def _generalized(only_src: list[str], s_terms: dict[str, tuple[int, TermMatch]],
                 t_terms: dict[str, tuple[int, TermMatch]], src: list[SentenceFacts],
                 tgt: list[SentenceFacts], src_inventory: Inventory, tgt_inventory: Inventory
                 ) -> list[tuple[str, TermMatch, tuple[int, int, int], tuple[int, TermMatch]]]:
    """Persons of the unit that the relay reduces to the place qualifying them ("a favour
    to Chinese leader Xi Jinping" -> "to help China"): the source qualifies the person by
    a place word right before the name, the relay's unit keeps that place, and the relay
    names the person nowhere (a person named elsewhere was moved, not generalised) nor
    writes, in the unit, a name like the person's ("Si Jinping" is a respelling).
    Neither article names the place outside the unit: where the story is about the place
    (Russia and Ukraine in a war story), the relay's mention renders something else.
    Returns (concept, source person, source span of place and person, relay place)."""
    texts = {f.index: f for f in src}
    unit = {f.index for f in tgt}
    found = []
    for cid in only_src:
        i, person = s_terms[cid]
        if person.category != "person" or cid in tgt_inventory.concepts:
            continue
        full = _full_name(src, i, person)
        if any(similar_name(full, n) >= RESPELLED for f in tgt if name_script(f.lang)
               for n in find_names(f.text, f.lang)):
            continue
        facts = texts[i]
        before = [t for t in facts.entities if t.end <= person.start]
        if not before:
            continue
        # the name right before the person's: a place qualifies it, anything else
        # ("Taiwan as a favor to Chinese leader") stands between them
        place = max(before, key=lambda t: t.end)
        gap = facts.text[place.end:person.start]
        if (place.category == "place" and place.concept_id in t_terms
                and len(gap) <= QUALIFIER_GAP and not _CLAUSE_BREAK & set(gap)
                and _named_only_in(src_inventory.facts, place.concept_id, texts)
                and _named_only_in(tgt_inventory.facts, place.concept_id, unit)):
            found.append((cid, person, (i, place.start, person.end), t_terms[place.concept_id]))
    return found


def _named_only_in(facts: list[SentenceFacts], concept: str, unit: Collection[int]) -> bool:
    """Whether the sentences naming ``concept`` are all in ``unit`` (sentence indices)."""
    return all(f.index in unit for f in facts if any(t.concept_id == concept
                                                     for t in f.entities))


def _span_text(facts: list[SentenceFacts], span: tuple[int, int, int]) -> str:
    i, start, end = span
    return next(f.text[start:end] for f in facts if f.index == i)


def _full_name(facts: list[SentenceFacts], index: int, term: TermMatch) -> Name:
    """The glossary match widened to the capitalised words around it ("Susan" + "Wiles")."""
    f = next(x for x in facts if x.index == index)
    for name in find_names(f.text, f.lang):
        if name.start <= term.start and term.end <= name.end:
            return Name(name.text, name.start, name.end, name.key, term.category,
                        term.concept_id)
    return Name(term.text, term.start, term.end, latin_key(term.text, f.lang), term.category,
                term.concept_id)


def _free_names(facts: SentenceFacts) -> list[Name]:
    """Names outside glossary matches (those are compared as concepts)."""
    skip = [(t.start, t.end) for t in facts.terms]
    names = find_names(facts.text, facts.lang, skip)
    # one mention per key: repeated names do not count twice
    unique: dict[str, Name] = {}
    for n in names:
        unique.setdefault(n.key, n)
    return list(unique.values())
