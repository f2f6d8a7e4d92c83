"""List drift: a coordinated list that lost members, or whose "and" became "or".

A list is a run of glossary names joined only by separators ("," "、" "·") and the
conjunctions of the language's lexicon (``list_and``, ``list_or``): "the Poles, Germans,
British and French", "미국과 유럽, 러시아", "Польща, Німеччина, Британія чи Франція".
Lists are compared by the concepts they name, so they compare across languages.

* **shortened**: the reference coordinates three or more names and the relay renders
  two or more of them as a list, but not the rest, and names the rest nowhere in the
  sentences it renders the list in ("U.S., European and Russian officials" ->
  "미국·러시아"). Unlike a name merely absent from a sentence, the relay demonstrably
  renders the list. The relay sentence is the linked rendering of the reference's, or a
  sentence linked to nothing (a subhead) whose list is the relay's own full rendering,
  elsewhere, cut short: the same word follows both ("미국과 유럽, 러시아 전현직" and
  "미국·러시아 전현직").
* **and/or**: the reference joins the list with "and", the relay (linked) with "or",
  or the reverse: all of them became any one of them. Not under a negation, where the
  two are interchangeable ("no troops from the U.S. or the UN").

Both are minor: the relay's other sentences may still give the whole list.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from provenance.crosslingual.korean import strip_particles
from provenance.drift.base import LinkDetector
from provenance.drift.context import agreement
from provenance.facts import ENTITY_CATEGORIES, SentenceFacts, cues_in
from provenance.lang import CJK, base, whole_words
from provenance.lexicons import lexicon, lexicon_lang
from provenance.model import Finding, Link

if TYPE_CHECKING:
    from provenance.drift.context import PairContext
    from provenance.glossary import TermMatch

#: members a reference list needs before a relay list of fewer is "shortened"
MIN_MEMBERS = 3
#: below this share of shared names and numbers a linked unit renders something else
#: (drift.confidence.LOOSE_AGREEMENT): its lists are not each other's
LOOSE = 0.4
#: what may separate two members besides a conjunction
_SEPARATORS = re.compile(r"[\s,，、;·・/]+")
#: marks that only ever enumerate (unlike a comma, which also sets off "Moscow, Russia")
_MARKS = frozenset("、·・/")
_WORD = re.compile(r"\w+")
#: categories that list together (glossary categories: ENTITY_CATEGORIES)
_FAMILIES = {"country": "place", "city": "place", "organization": "organisation",
             "agency": "organisation", "company": "organisation", "outlet": "organisation"}
_AND, _OR = "and", "or"
_READING = {_AND: "all of them", _OR: "any one of them"}


@dataclass(frozen=True)
class CoordinatedList:
    """Glossary names joined as one list in one sentence."""

    sentence: int
    members: tuple[TermMatch, ...]
    #: "and", "or", None when only separators join them ("美·俄·欧"), "mixed"
    conjunction: str | None
    conjunctions: tuple[str, ...]  # as written
    start: int
    end: int
    text: str
    #: the word right after the list ("officials", "전현직"), "" if none
    next_word: str

    @property
    def concepts(self) -> frozenset[str]:
        return frozenset(m.concept_id for m in self.members)

    @property
    def span(self) -> tuple[int, int, int]:
        return (self.sentence, self.start, self.end)

    def quoted(self) -> str:
        """The list as a reader finds it, with the word it qualifies when one follows."""
        return f"{self.text} {self.next_word}" if self.next_word and self.next_word[
            0].isalpha() and not _cjk(self.next_word) else self.text

    def names(self, concepts: frozenset[str]) -> list[str]:
        return [m.text for m in self.members if m.concept_id in concepts]


def coordinated_lists(facts: SentenceFacts) -> list[CoordinatedList]:
    """Every list of two or more distinct names in one sentence, in reading order."""
    key = lexicon_lang(facts.lang)
    names = sorted((t for t in facts.terms if t.category in ENTITY_CATEGORIES),
                   key=lambda t: (t.start, -t.end))
    if key is None or len(names) < 2:
        return []
    joiners = {w.casefold(): kind for kind, cat in ((_AND, "list_and"), (_OR, "list_or"))
               for w in lexicon(key).get(cat, ())}
    text, spaced = facts.text, whole_words(key)
    spans: list[tuple[TermMatch, int, int]] = []
    for t in names:
        start, end = (_word_bounds(text, t.start, t.end) if spaced else (t.start, t.end))
        if spans and start < spans[-1][2]:
            continue  # inside or across the previous name
        spans.append((t, start, end))
    runs: list[list[tuple[TermMatch, int, int]]] = [[spans[0]]]
    gaps: list[list[str]] = [[]]  # between the members of each run: a joiner, "·" or ","
    for item in spans[1:]:
        gap = _gap(text[runs[-1][-1][2]:item[1]], joiners)
        if gap is None or _family(item[0]) != _family(runs[-1][-1][0]):
            runs.append([item])
            gaps.append([])
        else:
            runs[-1].append(item)
            gaps[-1].append(gap)
    found = []
    for whole, between in zip(runs, gaps, strict=True):
        for run, joined in _split_commas(whole, between, joiners):
            concepts = [t.concept_id for t, _, _ in run]
            if len(run) < 2 or len(set(concepts)) < len(concepts):
                continue  # one name, or a name given twice ("马斯克(Elon Musk)")
            words = [w for w in joined if w.casefold() in joiners]
            kinds = {joiners[w.casefold()] for w in words}
            conjunction = None if not kinds else kinds.pop() if len(kinds) == 1 else "mixed"
            start, end = run[0][1], run[-1][2]
            found.append(CoordinatedList(facts.index, tuple(t for t, _, _ in run),
                                         conjunction, tuple(words), start, end,
                                         text[start:end], _next_word(text, end, key)))
    return found


def _family(term: TermMatch) -> str:
    """People, places or bodies: a list names things of one family ("Elon Musk, SpaceX
    and Tesla chief" is a man and his companies)."""
    return _FAMILIES.get(term.category, term.category)


def _gap(between: str, joiners: dict[str, str]) -> str | None:
    """What joins two names: a conjunction as written, "·" for an enumeration mark, ","
    for a comma; None when they are not list members (nothing between them: "美国SpaceX"
    is a modifier, not a list)."""
    rest = _SEPARATORS.sub(" ", between).strip()
    if rest:
        return rest if rest.casefold() in joiners else None
    if any(ch in _MARKS for ch in between):
        return "·"
    return "," if any(ch in ",，" for ch in between) else None  # a space is no joiner


def _split_commas(run: list[tuple[TermMatch, int, int]], gaps: list[str],
                  joiners: dict[str, str]
                  ) -> list[tuple[list[tuple[TermMatch, int, int]], list[str]]]:
    """A run cut at its commas unless a conjunction joins it too: "A, B and C" is a
    list, "WSJ, 미국·러시아" (a headline's "WSJ:") and "Moscow, Russia" are not."""
    if any(g.casefold() in joiners for g in gaps):
        return [(run, gaps)]
    parts: list[tuple[list[tuple[TermMatch, int, int]], list[str]]] = [([run[0]], [])]
    for item, gap in zip(run[1:], gaps, strict=True):
        if gap == ",":
            parts.append(([item], []))
        else:
            parts[-1][0].append(item)
            parts[-1][1].append(gap)
    return parts


def _word_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """A name's span widened to whole words (an inflected "Німеччини" matched as a stem)."""
    while start > 0 and text[start - 1].isalnum():
        start -= 1
    while end < len(text) and text[end].isalnum():
        end += 1
    return start, end


def _cjk(word: str) -> bool:
    return any(ord(ch) > 0x2E80 for ch in word)


def _next_word(text: str, end: int, lang: str) -> str:
    """The word right after a list (after the particle or ending glued to its last name,
    and only a space apart): what the list qualifies."""
    if base(lang) in CJK and lang != "ko":
        follow = text[end:end + 2]
        return follow if len(follow) == 2 and all(ch.isalpha() for ch in follow) else ""
    while end < len(text) and text[end].isalnum():
        end += 1
    m = _WORD.match(text, end + 1) if text[end:end + 1] == " " else None
    if m is None:
        return ""
    word = m.group(0).casefold()
    return strip_particles(word) if lang == "ko" else word


def _same_word(a: str, b: str) -> bool:
    """The same word, give or take an ending (관료 / 관료들 are stripped alike already)."""
    if not a or not b:
        return False
    n = min(len(a), len(b))
    keep = n if _cjk(a) else max(3, n - 2)
    return n >= (2 if _cjk(a) else 4) and a[:keep] == b[:keep]


def _negated(facts: Sequence[SentenceFacts]) -> bool:
    return bool(cues_in(facts, "negation"))


class ListDrift(LinkDetector):
    """Lists shortened, and lists whose "and" became "or" (see the module doc)."""

    name = "lists"
    kinds = ("omission", "relation")

    def compare(self, link: Link, src: list[SentenceFacts], tgt: list[SentenceFacts]
                ) -> list[Finding]:
        s_lists = [x for f in src for x in coordinated_lists(f)]
        t_lists = [x for f in tgt for x in coordinated_lists(f)]
        if not s_lists or not t_lists:
            return []
        share = agreement(src, tgt)
        if share is not None and share < LOOSE:
            return []  # sentences that say different things share names by chance
        named = frozenset(c for f in tgt for c in f.concepts)
        own = {x.concepts for x in s_lists}
        findings: list[Finding] = []
        for t in t_lists:
            if t.concepts in own:
                findings.extend(self._joined(link, src, tgt, s_lists, t))
                continue
            s = _rendered(s_lists, t)
            if s is not None and not (s.concepts - t.concepts) & named:
                findings.append(self._shortened(link.src, link.tgt, s, t))
        return findings

    def across(self, pair: PairContext, found: list[Finding]) -> list[Finding]:
        """A relay list whose linked reference sentences do not name its members (a
        subhead, linked to nothing or to a sentence on something else) that is the
        relay's own rendering of a reference list, elsewhere in full, cut short."""
        s_lists = [x for f in pair.src_facts for x in coordinated_lists(f)]
        if not any(len(x.members) >= MIN_MEMBERS for x in s_lists):
            return []
        counterpart: dict[int, set[str]] = {}
        for link in pair.aligned:
            for j in link.tgt:
                counterpart.setdefault(j, set()).update(
                    c for i in link.src for c in pair.src_facts[i].concepts)
        t_lists = [x for f in pair.tgt_facts for x in coordinated_lists(f)]
        stated = {x.concepts for x in s_lists}
        findings: list[Finding] = []
        for short in t_lists:
            if short.concepts <= counterpart.get(short.sentence, set()) or (
                    short.concepts in stated):
                continue  # what it renders names them: the unit's own comparison
            s = _rendered(s_lists, short)
            if s is None:
                continue
            full = next((x for x in t_lists if x.sentence != short.sentence
                         and x.concepts == s.concepts
                         and _same_word(x.next_word, short.next_word)), None)
            if full is None or (s.concepts - short.concepts) & pair.tgt_facts[
                    short.sentence].concepts:
                continue
            findings.append(self._shortened((s.sentence,), (short.sentence,), s, short,
                                            full))
        return findings

    def _shortened(self, src: tuple[int, ...], tgt: tuple[int, ...], s: CoordinatedList,
                   t: CoordinatedList, full: CoordinatedList | None = None) -> Finding:
        lost = s.concepts - t.concepts
        names = s.names(lost)
        message = (f"list shortened: the reference's “{s.quoted()}” lost "
                   f"{_and_list(names)} in the relay (“{t.text}”)")
        evidence: dict[str, object] = {}
        if full is not None:
            message += f", which elsewhere gives the whole list (“{full.text}”)"
            evidence = {"full_list": full.text, "full_list_sentence": full.sentence,
                        "shared_word": full.next_word}
        return self.finding(
            "omission", "minor", src, tgt, message, src_spans=[s.span], tgt_spans=[t.span],
            change="list_shortened", src_list=[m.text for m in s.members],
            tgt_list=[m.text for m in t.members], lost=names,
            concepts=sorted(s.concepts), lost_concepts=sorted(lost), **evidence)

    def _joined(self, link: Link, src: list[SentenceFacts], tgt: list[SentenceFacts],
                s_lists: list[CoordinatedList], t: CoordinatedList) -> list[Finding]:
        """"and" made "or" (or the reverse) in a list of the same names."""
        s = next(x for x in s_lists if x.concepts == t.concepts)
        kinds = {s.conjunction, t.conjunction}
        if kinds != {_AND, _OR} or _negated(src) or _negated(tgt):
            return []
        was, now = s.conjunctions[-1], t.conjunctions[-1]
        return [self.finding(
            "relation", "minor", link.src, link.tgt,
            f"list joined otherwise: the reference's “{s.text}” ({_READING[s.conjunction]}, "
            f"“{was}”) is “{t.text}” ({_READING[t.conjunction]}, “{now}”) in the relay",
            src_spans=[s.span], tgt_spans=[t.span], change="conjunction",
            src_class=s.conjunction, tgt_class=t.conjunction,
            lexicon={"reference": f"list_{s.conjunction}: {was}",
                     "relay": f"list_{t.conjunction}: {now}"},
            concepts=sorted(s.concepts))]


def _rendered(s_lists: list[CoordinatedList], t: CoordinatedList) -> CoordinatedList | None:
    """The one reference list of three or more names that ``t`` renders in part: all its
    names, not all of that list's. None if none or several do."""
    wider = [s for s in s_lists
             if len(s.members) >= MIN_MEMBERS and t.concepts < s.concepts]
    return wider[0] if len({s.concepts for s in wider}) == 1 else None


def _and_list(names: list[str]) -> str:
    quoted = [f"“{n}”" for n in names]
    return quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " and " + quoted[-1]
