"""The consensus of independent witnesses, and who departs from it.

For one claim, every witness's reading is compared with the readings that agree most
with all the others (the consensus candidates), by the drift detectors themselves: the
per-unit ``LinkDetector.compare`` of each family, and the entity detector on a one-unit
pair. So a better detector makes a better collation; nothing here judges drift.

What the detectors report is then put to the vote: a finding becomes a departure only
when the independent witnesses that state the slot side with the consensus reading,
at least twice as many as side with this witness, itself included ("2 of 3", "9 of
11 independent witnesses say “spoke”; this one says “met”").

Precision is the exception. Relays lose precision far more often than they invent it:
headlines drop the "at least" of "at least 20 years", and when they copy each other,
most may do so. So where two forms differ only in precision (a qualifier, a date
narrowed down), the more precise one is the consensus as soon as two independent
witnesses state it anywhere in their article, and a witness stating it less precisely
departs, however many share its form (they are listed as sharing it). One copy of a text votes
once (its witness group), and a witness whose language the tool cannot read for that
slot (no hedge lexicon, no capitalised names) abstains.

A rounding is the other exception: that "1,290 km" rounds "800 miles" is arithmetic, not
a matter of votes, so the vote only says which side rounds (a plain majority of the
independent witnesses stating either form), and a relay that keeps the value and adds a
rounded conversion ("800-mile (1,300 kilometers)") departs although it states both,
and wherever in its text it gives the conversion (:meth:`Collator.rounded_elsewhere`).

How a list is joined ("and", "or") and how many unnamed sources are cited are slots
of their own: the list and attribution detectors' findings on them are judged there,
not in the names and numbers their spans also hold, and "three sources" votes with
"sources" against "a source" (:func:`~provenance.collation.readings.sentence_features`).

A hedge on one side only is a departure of one step less severity than the detector
gives it: the two readings are grouped into one claim, not aligned sentence to sentence.
A negation on one side only is none: one topic's sentences differ in negation without
contradicting each other ("postpone joining" against "not join"), and on the relay
clusters 17 of 18 such votes named no drift a careful reader lists; a negation dropped
or added is reported where a relay is aligned with its reference, sentence by sentence.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from provenance.collation.readings import (
    QUALIFIER_KEYS,
    SLOTS,
    SPELLING,
    VOTE_ONLY,
    Feature,
    WitnessReading,
    readable,
    refines,
    sentence_features,
)
from provenance.drift.base import LinkDetector
from provenance.drift.context import PairContext
from provenance.drift.names import name_script
from provenance.facts import sentence_facts
from provenance.lang import base
from provenance.lexicons import relation_groups
from provenance.model import Alignment, Departure, Finding, Link, Severity, SlotConsensus
from provenance.quantities.units import UNIT_SCALES

if TYPE_CHECKING:
    from provenance.drift.base import Detector
    from provenance.glossary import Glossary
    from provenance.model import Article

#: consensus candidates each witness is compared with (the best-agreeing readings of
#: different witness groups): no single reading is the consensus on every slot
CANDIDATES = 3
#: ... and the best-agreeing readings in the witness's own script, where names compare
SAME_SCRIPT = 2
#: witness groups from which a claim is big: one consensus candidate fewer is enough
BIG_CLAIM = 20
#: below this share of shared content the two readings are loosely linked: a finding
#: there weighs one severity step less (as in the pair comparisons)
LOOSE = 0.4
#: content the two readings must share for a hedge on one side to count
CLOSE = 0.5
_DOWNGRADE: dict[str, Severity] = {"critical": "major", "major": "minor", "minor": "minor"}
#: slots where a form present on one side only is itself the drift (a hedge dropped)
_ONE_SIDED = ("certainty", "negation")
#: ... and where that makes a departure (see the module doc for negations)
_DEPARTS_ALONE = ("certainty",)
#: name categories whose swaps are not departures
_PLACES = frozenset({"place", "country", "city"})
#: slots whose value an article states once: a changed value is a departure only when
#: the article nowhere states the consensus value
_STATED_ONCE = ("numbers", "dates", "names", "sources", "source_count")
#: (detector, change) -> the slot of findings on what only that slot holds (how a list
#: is joined, how many sources): their spans also hold names and numbers
_FINDING_SLOTS = {("lists", "conjunction"): "lists",
                  ("attribution", "source_count"): "source_count"}
#: relation keys of groups whose two classes name two things one claim holds ("no U.S.
#: troops, no UN funding"): like a value stated once, the witness that states the
#: consensus class anywhere in its article holds it, in another part of the claim
_PARTIAL_KEYS = frozenset(f"rel:{cls}" for group in relation_groups().values()
                          if group.partial for cls in group.classes)


@dataclass
class ClaimWitnesses:
    """The readings of one claim, one per article, with their witness groups."""

    claim: str
    readings: list[WitnessReading]
    #: articles whose reading was grouped into the claim; the others' were attached to
    #: it afterwards as their article's closest sentence (a lead stating several claims)
    core: set[str] = field(default_factory=set)

    def is_core(self, reading: WitnessReading) -> bool:
        return not self.core or reading.article_id in self.core

    def representatives(self) -> dict[int, WitnessReading]:
        """One reading per witness group: the first in article order."""
        reps: dict[int, WitnessReading] = {}
        for r in self.readings:
            reps.setdefault(r.group, r)
        return reps

    def ranked(self, prefer: str | None = None) -> list[WitnessReading]:
        """Readings grouped into the claim first, then by agreement with the other
        groups' readings (most first); the ``prefer``-red article, then English, then
        the longer text break ties."""
        reps = self.representatives()

        content = {id(r): frozenset(k for k in r.keys - QUALIFIER_KEYS
                                    if not k.startswith(VOTE_ONLY)) for r in self.readings}

        def agreement(r: WitnessReading) -> float:
            return sum(_jaccard(content[id(r)], content[id(o)])
                       for g, o in reps.items() if g != r.group)

        return sorted(self.readings, key=lambda r: (not self.is_core(r),
                                                    -round(agreement(r), 6),
                                                    r.article_id != prefer,
                                                    base(r.lang) != "en", -len(r.text)))


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a | b else 0.0


def slot_consensus(witnesses: ClaimWitnesses) -> list[SlotConsensus]:
    """Per slot, the forms most independent witnesses state."""
    return [consensus for consensus, _ in _agreed(witnesses)]


def shown_first(witnesses: ClaimWitnesses, ranked: list[WitnessReading]
                ) -> list[WitnessReading]:
    """The readings in the order a reader sees them: those stating most of the forms the
    witnesses agree on first (the claim's text is then a reading that states the
    consensus, not one that merely shares the most words with the others), then in
    ``ranked`` order."""
    agreed = frozenset(key for _, key in _agreed(witnesses) if key)
    return sorted(ranked, key=lambda r: -len(r.keys & agreed))


def _agreed(witnesses: ClaimWitnesses) -> list[tuple[SlotConsensus, str | None]]:
    """Per slot, the forms most independent witnesses state, each with its key (None
    for a hedge or negation summed up over the witnesses)."""
    reps = witnesses.representatives()
    out: list[tuple[SlotConsensus, str | None]] = []
    for slot in SLOTS:
        readers = [r for r in reps.values() if readable(r.lang, slot)]
        if slot in _ONE_SIDED:
            if len(readers) < 2:
                continue
            marked = [r for r in readers if r.keys_of(slot)]
            if len(marked) * 2 > len(readers):
                out.append((SlotConsensus(slot, _common_label(marked, slot), len(marked),
                                          len(readers)), None))
            elif marked:
                out.append((SlotConsensus(slot, "stated" if slot == "certainty" else
                                          "affirmed", len(readers) - len(marked),
                                          len(readers)), None))
            continue
        stating = [r for r in readers if r.keys_of(slot)]
        support = Counter(k for r in stating for k in r.keys_of(slot)
                          if not k.startswith(SPELLING))
        # ties by key: the keys come from sets, whose order changes from run to run
        for key, count in sorted(support.items(), key=lambda kc: (-kc[1], kc[0])):
            if count >= 2 and count * 2 >= len(stating):
                label = Counter(x.label for r in stating for x in r.features
                                if x.key == key).most_common(1)[0][0]
                out.append((SlotConsensus(slot, label, count, len(stating)), key))
    return out


def _common_label(readings: Sequence[WitnessReading], slot: str) -> str:
    labels = Counter(x.label.casefold() for r in readings for x in r.features if x.slot == slot)
    return ", ".join(label for label, _ in labels.most_common(3))


class Collator:
    """Compares the readings of claims with their consensus, through the detectors."""

    def __init__(self, articles: dict[str, Article], glossary: Glossary,
                 detectors: Sequence[Detector]) -> None:
        self.articles = articles
        self.glossary = glossary
        self.detectors = list(detectors)
        self._keys: dict[str, frozenset[str]] = {}
        self._compared: dict[tuple, list[Finding]] = {}

    def departures(self, witnesses: ClaimWitnesses, prefer: str | None = None
                   ) -> list[Departure]:
        ranked = witnesses.ranked(prefer)
        reps = witnesses.representatives()
        found: dict[tuple, Departure] = {}
        # a big claim has a clear consensus: fewer readings to compare each witness with
        wanted = CANDIDATES if len(reps) < BIG_CLAIM else CANDIDATES - 1
        for w in witnesses.readings:
            candidates = [r for r in _one_per_group(ranked) if r.group != w.group][:wanted]
            # the best reading in the witness's own script (names compare only there),
            # and one stating one of this witness's forms more precisely
            script = name_script(w.lang)
            same_script = [r for r in _one_per_group(ranked) if r.group != w.group and script
                           and name_script(r.lang) == script][:SAME_SCRIPT]
            own = _measures(w)
            precise = next((r for r in ranked if own and r.group != w.group and any(
                refines(k, t) for k in _measures(r) for t in own)), None)
            for extra in (*same_script, precise):
                if extra is not None and extra not in candidates:
                    candidates.append(extra)
            for c in candidates:
                close = witnesses.is_core(w) and witnesses.is_core(c)
                for finding in self.compare(c, w):
                    departure = self._judge(witnesses.claim, finding, c, w, reps, close)
                    if departure is None:
                        continue
                    evidence = departure.finding.evidence
                    key = (w.article_id, departure.finding.kind, departure.slot,
                           tuple(evidence["consensus_keys"]), tuple(evidence["witness_keys"]))
                    found.setdefault(key, departure)
        return _widest(list(found.values()))

    def rounded_elsewhere(self, witnesses: ClaimWitnesses, units: Sequence[WitnessReading],
                          prefer: str | None = None) -> list[Departure]:
        """Roundings of the claim's measures that witnesses give in a sentence of theirs
        outside the claim ("who would police the 800-mile (1,300 kilometers) long
        zone", where the claim is the zone itself): the conversion is wrong wherever
        it stands, and the vote is the claim's."""
        if not any(_measured(r) for r in witnesses.readings):
            return []  # before ranking the readings, which costs more
        reps = witnesses.representatives()
        stating = [r for r in _one_per_group(witnesses.ranked(prefer)) if _measured(r)]
        inside = {(r.article_id, r.sentences) for r in witnesses.readings}
        found: dict[tuple, Departure] = {}
        for w in units:
            if (w.article_id, w.sentences) in inside or not _measured(w):
                continue
            for c in stating:
                if c.group == w.group or not _converts(c, w):
                    continue
                for finding in self.compare(c, w):
                    if finding.evidence.get("change") != "rounded":
                        continue
                    departure = self._judge(witnesses.claim, finding, c, w, reps, close=False)
                    if departure is not None:
                        found.setdefault((w.article_id, w.sentences,
                                          tuple(departure.finding.tgt_spans)), departure)
        return list(found.values())

    def article_keys(self, reading: WitnessReading) -> frozenset[str]:
        """The features of every sentence of the reading's article."""
        found = self._keys.get(reading.article_id)
        if found is None:
            article = self.articles[reading.article_id]
            found = frozenset(x.key for f in sentence_facts(article, self.glossary)
                              for x in sentence_features(f))
            self._keys[reading.article_id] = found
        return found

    def attested(self, keys: frozenset[str], witness: WitnessReading,
                 reps: dict[int, WitnessReading]) -> int:
        """Witness groups of the claim, other than this witness's, whose article states
        one of ``keys`` anywhere."""
        return sum(1 for group, r in reps.items()
                   if group != witness.group and keys & self.article_keys(r))

    def _one_for_another(self, s_keys: frozenset[str], t_keys: frozenset[str]) -> bool:
        """One known concept in each reading, of one kind ("United Kingdom" and
        "England", two places): the one can have been put for the other. Names the
        glossary lacks ("Report", "Inauguration Day") have no kind to compare."""
        kinds = []
        for keys in (s_keys, t_keys):
            named = [k for k in keys if not k.startswith(SPELLING)]
            concept = self.glossary.concepts.get(named[0][2:]) if len(named) == 1 and \
                named[0].startswith("c:") else None
            if concept is None:
                return False
            kinds.append(concept.category)
        return kinds[0] == kinds[1]  # exact: a company is not put for an outlet

    def _less_precise(self, claim: str, finding: Finding, consensus: WitnessReading,
                      witness: WitnessReading, reps: dict[int, WitnessReading], slot: str,
                      s_keys: frozenset[str], t_keys: frozenset[str]) -> Departure | None:
        """A witness stating less precisely what two independent witnesses state
        precisely (see the module doc)."""
        support = self.attested(s_keys, witness, reps)
        if support < 2:
            return None
        vaguer = [r.article_id for g, r in reps.items()
                  if g != witness.group and t_keys & r.keys and not s_keys & r.keys]
        said = _label(consensus.at(finding.src_spans), slot, s_keys)
        says = _label(witness.at(finding.tgt_spans), slot, t_keys)
        message = (f"{support} independent witnesses state “{said}”; this one says only "
                   f"“{says}”")
        if vaguer:
            message += f" (as do {len(vaguer)} other{'s' if len(vaguer) > 1 else ''})"
        return self._departure(claim, finding, consensus, witness, slot, s_keys, t_keys,
                               message, support, support + len(vaguer) + 1, vaguer)

    def compare(self, consensus: WitnessReading, witness: WitnessReading) -> list[Finding]:
        """What the detectors find between a consensus reading and a witness's reading.

        Copies repeat sentences word for word: a witness sentence already compared with
        this consensus reading (in another article) gets the same findings, moved to its
        own sentence, without running the detectors again."""
        key = (consensus.article_id, consensus.sentences, witness.lang, witness.text)
        known = self._compared.get(key)
        if known is None:
            known = self._compare(consensus, witness)
            self._compared[key] = known
            return [replace(f, evidence=dict(f.evidence)) for f in known]
        index = witness.sentences[0]
        return [replace(f, tgt=witness.sentences, evidence=dict(f.evidence),
                        tgt_spans=[(index, s, e) for _, s, e in f.tgt_spans])
                for f in known]

    def _compare(self, consensus: WitnessReading, witness: WitnessReading) -> list[Finding]:
        src, tgt = self.articles[consensus.article_id], self.articles[witness.article_id]
        link = Link(consensus.sentences, witness.sentences, 1.0)
        pair = PairContext(src, tgt, Alignment(src.lang, tgt.lang, "collation", [link]),
                           self.glossary, sentence_facts(src, self.glossary),
                           sentence_facts(tgt, self.glossary))
        findings: list[Finding] = []
        for detector in self.detectors:
            if isinstance(detector, LinkDetector):
                findings += detector.compare(link, pair.src_of(link), pair.tgt_of(link))
            elif "entity" in detector.kinds:  # per unit inside, over the pair's one unit
                findings += detector.detect(pair)
        agreement = pair.agreement(link)
        for f in findings:
            f.evidence["unit_agreement"] = None if agreement is None else round(agreement, 2)
            if agreement is not None and agreement < LOOSE:
                f.severity = _DOWNGRADE[f.severity]
                f.evidence["loose_link"] = round(agreement, 2)
        return findings

    def _judge(self, claim: str, finding: Finding, consensus: WitnessReading,
               witness: WitnessReading, reps: dict[int, WitnessReading],
               close: bool = True) -> Departure | None:
        """The finding as a departure, if the independent witnesses side with the
        consensus reading. ``close``: both readings were grouped into the claim (not
        attached to it), a condition of departures by presence or absence."""
        s_found, t_found = consensus.at(finding.src_spans), witness.at(finding.tgt_spans)
        slot = _FINDING_SLOTS.get((finding.detector, finding.evidence.get("change"))) or next(
            (x.slot for x in s_found + t_found if x.slot not in _FINDING_SLOTS.values()),
            None)
        if slot is None:
            return None
        s_keys = frozenset(x.key for x in s_found if x.slot == slot)
        t_keys = frozenset(x.key for x in t_found if x.slot == slot)
        if s_keys and t_keys:
            # what tells the two forms apart ("Susie Wiles" from "Susan Wiles", the
            # person being the same concept)
            s_keys, t_keys = s_keys - t_keys, t_keys - s_keys
            if not (s_keys and t_keys):
                return None
        elif slot not in _DEPARTS_ALONE:
            return None
        if not (s_keys or t_keys):
            return None
        agreement = finding.evidence.get("unit_agreement")
        if not (s_keys and t_keys) and (not close or agreement is None or agreement < CLOSE):
            # a hedge on one side only says something when the two
            # readings render the same sentence, not two views of one claim
            return None
        if any(refines(t, k) for t in t_keys for k in s_keys):
            # the witness is the more precise: a departure only if no one else says so
            if self.attested(t_keys, witness, reps) >= 1:
                return None
        elif any(refines(k, t) for k in s_keys for t in t_keys):
            return self._less_precise(claim, finding, consensus, witness, reps, slot,
                                      s_keys, t_keys)
        # a rounding (800 miles given as 1,290 km) is proven by arithmetic; the vote only
        # says which side rounds, and a relay stating both adds a rounded conversion
        rounded = finding.evidence.get("change") == "rounded"
        stated_once = slot in _STATED_ONCE or (s_keys | t_keys) <= _PARTIAL_KEYS
        if s_keys and t_keys and stated_once and not rounded and \
                s_keys & self.article_keys(witness):
            # the witness states the consensus form elsewhere: its reading holds another
            # part of the claim, not another value
            return None
        if slot == "names" and finding.evidence.get("change") == "article_facts" and \
                not self._one_for_another(s_keys, t_keys):
            # names one reading states and the other does not ("Tesla" here, "Ian
            # Bremmer" there) are two parts of a story, not one name put for another
            return None
        if slot == "names" and finding.evidence.get("category") != "other" and \
                finding.evidence.get("change") == "replaced" and (
                finding.severity == "minor" or finding.evidence.get("category") in _PLACES):
            # a swap of names or titles the detector itself doubts (loosely linked
            # sentences; partial readings of one claim name people and places in
            # passing); a term put for another ("buffer zone" for "demilitarized
            # zone") is the claim's own word
            return None
        if slot == "dates" and s_keys and t_keys and "loose_link" in finding.evidence:
            # one date put for another in readings that share little else ("a contract
            # in 2021", "terminals bought earlier this year"): two events of one topic
            return None
        with_consensus, with_witness, shared = 0, 0, []
        for group, r in reps.items():
            if group == witness.group or not readable(r.lang, slot):
                continue
            has_s, has_t = bool(s_keys & r.keys), bool(t_keys & r.keys)
            if s_keys and t_keys:
                side = "c" if has_s and not has_t else "w" if has_t and not has_s else None
            elif s_keys:  # the witness leaves out what the consensus reading states
                side = "c" if has_s else "w"
            else:  # the witness adds what the consensus reading does not state
                side = "w" if has_t else "c"
            if side == "c":
                with_consensus += 1
            elif side == "w":
                with_witness += 1
                if t_keys and has_t:
                    shared.append(r.article_id)
        # twice as many as this witness's side, itself included: 2 of 3, 4 of 6, 9 of 11;
        # for a rounding, two and more than this witness's side
        needed = max(2, with_witness + 2) if rounded else 2 * (with_witness + 1)
        if with_consensus < needed:
            return None
        voters = with_consensus + with_witness + 1
        said, says = _label(s_found, slot, s_keys), _label(t_found, slot, t_keys)
        if s_keys and t_keys:
            message = (f"{with_consensus} of {voters} independent witnesses say “{said}”; "
                       f"this one says “{says}”")
        elif s_keys:
            message = (f"{with_consensus} of {voters} independent witnesses say “{said}”; "
                       "this one leaves it out")
        else:
            message = (f"{with_consensus} of {voters} independent witnesses state it without "
                       f"“{says}”; this one adds it")
        if shared:
            message += f" (as do {len(shared)} other{'s' if len(shared) > 1 else ''})"
        if not (s_keys and t_keys) and finding.severity in ("major", "critical"):
            # an evidential present on one side only, between readings grouped into one
            # claim (not a sentence aligned with its rendering): worth a look, no alarm
            finding = replace(finding, severity=_DOWNGRADE[finding.severity],
                              evidence={**finding.evidence, "one_sided_vote": True})
        return self._departure(claim, finding, consensus, witness, slot, s_keys, t_keys,
                               message, with_consensus, voters, shared)

    @staticmethod
    def _departure(claim: str, finding: Finding, consensus: WitnessReading,
                   witness: WitnessReading, slot: str, s_keys: frozenset[str],
                   t_keys: frozenset[str], message: str, support: int, voters: int,
                   shared: list[str]) -> Departure:
        """The finding restated against the consensus, on the departing witness."""
        said = _label(consensus.at(finding.src_spans), slot, s_keys)
        says = _label(witness.at(finding.tgt_spans), slot, t_keys)
        evidence = {**finding.evidence, "claim": claim, "detector_message": finding.message,
                    "consensus_article": consensus.article_id,
                    "consensus_spans": [list(s) for s in finding.src_spans],
                    "support": support, "voters": voters,
                    "consensus_keys": sorted(s_keys), "witness_keys": sorted(t_keys)}
        restated = replace(finding, src=(), src_spans=[], tgt=witness.sentences,
                           message=f"{message} ({finding.message})", evidence=evidence)
        return Departure(claim, witness.article_id, restated, slot,
                         said if s_keys else ("stated" if slot == "certainty" else ""),
                         says if t_keys else "", support, voters,
                         consensus.article_id, consensus.sentences, shared)


def _widest(departures: list[Departure]) -> list[Departure]:
    """Each departure once: not again against a consensus form that another consensus
    form of it holds ("sources" where another reading says "three sources": the
    witness's "a source" departs from both, once)."""
    def same(d: Departure) -> tuple:
        return (d.article_id, d.finding.kind, d.slot, tuple(d.finding.evidence["witness_keys"]))

    def held(d: Departure, by: Departure) -> bool:
        mine, theirs = (set(x.finding.evidence["consensus_keys"]) for x in (d, by))
        return same(d) == same(by) and mine < theirs

    return [d for d in departures if not any(held(d, o) for o in departures)]


def _label(features: list[Feature], slot: str, keys: frozenset[str] = frozenset()) -> str:
    """The words of a form: the features of the slot (of ``keys``, when given)."""
    labels = list(dict.fromkeys(x.label for x in features
                                if x.slot == slot and (not keys or x.key in keys)))
    if slot == "certainty" and not labels:
        return "stated"
    return ", ".join(labels)


def _measured(reading: WitnessReading) -> bool:
    """Whether a reading states a measure in a unit (miles, kilometres, tonnes...)."""
    return any(q.unit in UNIT_SCALES and q.value for f in reading.facts for q in f.numeric)


def measured(units: Sequence[WitnessReading]) -> list[WitnessReading]:
    """The readings that state a measure in a unit: the only ones a conversion concerns."""
    return [u for u in units if _measured(u)]


def _converts(consensus: WitnessReading, witness: WitnessReading) -> bool:
    """Whether the witness gives one of the consensus reading's measures in another unit
    (a cheap test before the detectors are run on the two)."""
    ours = [q for f in consensus.facts for q in f.numeric if q.unit in UNIT_SCALES]
    return any(p.unit != q.unit and p.compare(q).verdict == "same" for p in ours
               for f in witness.facts for q in f.numeric if q.unit in UNIT_SCALES)


def _measures(reading: WitnessReading) -> list[str]:
    """The keys of a reading that can be stated more or less precisely."""
    return [k for k in reading.keys if k.startswith(("q:", "date:"))]


def _one_per_group(readings: list[WitnessReading]) -> list[WitnessReading]:
    seen: set[int] = set()
    out = []
    for r in readings:
        if r.group not in seen:
            seen.add(r.group)
            out.append(r)
    return out


__all__ = ["CANDIDATES", "ClaimWitnesses", "Collator", "slot_consensus"]
