"""What a witness leaves out that the independent witnesses state: a claim's numbers.

A relay that keeps a claim but drops its figure ("a demilitarized zone" where the others
say "an 800-mile demilitarized zone") changes nothing the drift detectors can compare:
there is no value on its side to be wrong. Against one reference it may look like a
rewording; against the witnesses it is an omission, and a checkable one.

A number is the claim's when independent witnesses give it in their reading of the
claim: at least :data:`MIN_STATING` witness groups, and half of those whose reading gives
any number (three independent relays do not invent one figure). A witness that carries the
claim departs when its article states the figure nowhere, in any unit (800 miles, 1,290
km and "近1300公里" are one length, within :data:`ROUNDING`): that it leaves it out is
then a fact, not a matter of votes. A witness whose reading gives another value of that
kind is left to the comparison of values (the detectors say "changed", not "left out"),
and a reading merely attached to the claim (its article's nearest sentence) counts only
when the article is not an excerpt cut short.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from provenance.collation.readings import readable
from provenance.drift.coverage import cut_short
from provenance.facts import sentence_facts
from provenance.model import Departure, Finding
from provenance.quantities.units import UNIT_SCALES

if TYPE_CHECKING:
    from provenance.collation.consensus import ClaimWitnesses
    from provenance.collation.readings import WitnessReading
    from provenance.glossary import Glossary
    from provenance.model import Article
    from provenance.quantities import Quantity

#: witness groups that must state a number in the claim for it to be the claim's
MIN_STATING = 3
#: relative difference within which two magnitudes are one figure, rounded
ROUNDING = 0.05
#: figures too common to tell a claim's from another's ("one", "two")
_TRIVIAL = frozenset({0.0, 1.0, 2.0})


def _magnitude(q: Quantity) -> tuple[str, float] | None:
    """What a quantity measures and how much, in base units where it has a unit."""
    if q.value is None:
        return None
    if q.unit in UNIT_SCALES:
        dimension, scale = UNIT_SCALES[q.unit]
        return dimension, q.value * scale
    return q.currency or q.kind, q.value


def _dimension(q: Quantity) -> str:
    """What a quantity measures: a length, a sum in dollars, a count of years."""
    if q.unit in UNIT_SCALES:
        return UNIT_SCALES[q.unit][0]
    return f"{q.kind}:{q.currency or q.unit or ''}"


def same_figure(a: Quantity, b: Quantity) -> bool:
    """Whether two quantities give one figure, rounded or converted (loosely on purpose:
    a figure the article may state is not reported as left out)."""
    ma, mb = _magnitude(a), _magnitude(b)
    if ma is None or mb is None:
        return False
    if a.value == b.value:
        return True  # "800" with its unit lost, or a count of other things
    if ma[0] != mb[0] or not ma[1]:
        return False
    return abs(mb[1] / ma[1] - 1) <= ROUNDING


@dataclass
class LeftOut:
    """Finds the claim's numbers that a witness's article states nowhere."""

    articles: dict[str, Article]
    glossary: Glossary

    def __post_init__(self) -> None:
        self._figures: dict[str, list[Quantity]] = {}

    def figures(self, article_id: str) -> list[Quantity]:
        """Every number an article states (dates apart)."""
        found = self._figures.get(article_id)
        if found is None:
            found = [q for f in sentence_facts(self.articles[article_id], self.glossary)
                     for q in f.numeric]
            self._figures[article_id] = found
        return found

    def cut(self, article_id: str) -> bool:
        sentences = self.articles[article_id].sentences
        return bool(sentences) and cut_short(sentences[-1].text)

    def states(self, article_id: str, q: Quantity) -> bool:
        return any(same_figure(q, p) for p in self.figures(article_id))

    def departures(self, witnesses: ClaimWitnesses, ranked: list[WitnessReading]
                   ) -> list[Departure]:
        """The claim's numbers each witness's article states nowhere (``ranked``: the
        claim's readings as the consensus ranks them; a figure is quoted from the first
        reading giving it)."""
        reps = {g: r for g, r in witnesses.representatives().items()
                if readable(r.lang, "numbers")}
        order = {id(r): n for n, r in enumerate(ranked)}
        claim_figures = self._claim_figures(sorted(reps.values(),
                                                   key=lambda r: order.get(id(r), 0)))
        out: list[Departure] = []
        for w in witnesses.readings:
            if w.group not in reps or (
                    not witnesses.is_core(w) and self.cut(w.article_id)):
                # an attached reading is only its article's nearest sentence, and an
                # excerpt cut short may carry the claim past its end
                continue
            own = [q for f in w.facts for q in f.numeric]
            for q, reading in claim_figures:
                if reading.group == w.group or self.states(w.article_id, q):
                    continue
                if any(_dimension(p) == _dimension(q) for p in own):
                    continue  # the witness gives another value: a change, judged elsewhere
                stating = [g for g, r in reps.items()
                           if g != w.group and self.states(r.article_id, q)]
                silent = [g for g in reps if g != w.group and g not in stating]
                out.append(self._departure(witnesses.claim, q, reading, w, len(stating),
                                           len(stating) + len(silent) + 1))
        return out

    @staticmethod
    def _claim_figures(reps: list[WitnessReading]
                       ) -> list[tuple[Quantity, WitnessReading]]:
        """(quantity, a reading stating it) for each figure enough groups state in
        their reading of the claim, once per figure."""
        stated = [(q, r) for r in reps for f in r.facts for q in f.numeric
                  if q.value is not None and q.value not in _TRIVIAL]
        out: list[tuple[Quantity, WitnessReading]] = []
        def one(a: Quantity, b: Quantity) -> bool:
            # one figure of one thing: "20 years" and "20%" are two figures of a claim
            return _dimension(a) == _dimension(b) and same_figure(a, b)

        for q, r in stated:
            if any(one(q, p) for p, _ in out):
                continue
            groups = {s.group for p, s in stated if one(q, p)}
            if len(groups) >= MIN_STATING and 2 * len(groups) >= len(
                    [x for x in reps if any(f.numeric for f in x.facts)]):
                out.append((q, r))
        return out

    @staticmethod
    def _departure(claim: str, q: Quantity, consensus: WitnessReading,
                   witness: WitnessReading, support: int, voters: int) -> Departure:
        label = q.render()
        sentence = next(f.index for f in consensus.facts if q in f.numeric)
        message = (f"{support} of {voters} independent witnesses of this claim give “{label}”; "
                   f"this one never states it (the relay leaves out “{label}”)")
        finding = Finding(
            "number", "minor", (), witness.sentences, message,
            evidence={"claim": claim, "change": "left_out", "left_out": [label],
                      "consensus_article": consensus.article_id,
                      "consensus_spans": [[sentence, q.start, q.end]],
                      "support": support, "voters": voters,
                      "consensus_keys": [], "witness_keys": []},
            detector="collation")
        return Departure(claim, witness.article_id, finding, "numbers", label, "", support,
                         voters, consensus.article_id, consensus.sentences)
