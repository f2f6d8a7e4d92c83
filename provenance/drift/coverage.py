"""Omission and addition: sentences with no counterpart, ranked by what they carry.

A dropped sentence carrying numbers, named entities, a cited source or a caveat
("Reuters could not verify the report") matters more than a dropped "The picture is
from the Internet". Boilerplate is never aligned, so it never shows up here.
"""

from __future__ import annotations

from dataclasses import dataclass

from provenance.drift.base import Detector
from provenance.drift.context import PairContext
from provenance.drift.repair import length_ratio, unrendered
from provenance.facts import SentenceFacts
from provenance.model import Finding, Severity

# What each kind of content adds to a sentence's information score.
# How the parts read in a message: (one, several).
LABELS = {"quantity": ("quantity", "quantities"), "entity": ("name", "names")}
WEIGHTS = {"quantity": 2.0, "date": 1.5, "entity": 1.0, "attribution": 2.0, "caveat": 3.0,
           "negation": 1.0, "hedge": 1.0}
MAJOR_AT = 4.0  # a sentence scoring this much is major when dropped or added
MINOR_AT = 1.0


@dataclass(frozen=True)
class Information:
    """How much a sentence says, and why."""

    score: float
    parts: dict[str, int]

    def describe(self) -> str:
        shown = [f"{n} {LABELS.get(k, (k, k + 's'))[n > 1]}"
                 for k, n in self.parts.items() if n]
        return ", ".join(shown) if shown else "no numbers, names or sources"


def information(facts: SentenceFacts) -> Information:
    """Score a sentence by the checkable content it carries."""
    attributions = facts.attributions
    parts = {
        "quantity": len(facts.numeric),
        "date": len(facts.dates),
        "entity": len({t.concept_id for t in facts.entities}),
        "attribution": sum(1 for a in attributions if not a.negated),
        "caveat": sum(1 for a in attributions if a.negated),
        "hedge": len(facts.cues_of("evidential", "modal")),
        "negation": len(facts.cues_of("negation")),
    }
    if not parts["entity"]:
        from provenance.drift.names import find_names

        parts["entity"] = min(len(find_names(facts.text, facts.lang)), 3)
    score = sum(WEIGHTS[k] * n for k, n in parts.items())
    # a verification caveat is a negated claim about a source, even without the extractor
    if parts["caveat"] == 0 and parts["negation"] and (parts["attribution"] or parts["entity"]):
        score += 1.0
    return Information(score, parts)


def _severity(score: float) -> Severity:
    return "major" if score >= MAJOR_AT else "minor"


class CoverageDrift(Detector):
    """Source sentences the relay leaves out, and relay sentences the source lacks."""

    name = "coverage"
    kinds = ("omission", "addition")

    def detect(self, pair: PairContext) -> list[Finding]:
        findings: list[Finding] = []
        facing = _facing(pair)
        for link in pair.omitted:
            findings.extend(self._unlinked(pair, "src", i, facing) for i in link.src)
        for link in pair.added:
            findings.extend(self._unlinked(pair, "tgt", j, facing) for j in link.tgt)
        findings.extend(self._merged(pair))
        # most informative first, so a report can cut the tail
        findings.sort(key=lambda f: -float(f.evidence["information"]))
        return findings


    def _unlinked(self, pair: PairContext, side: str, k: int,
                  facing: dict[tuple[str, int], int]) -> Finding:
        """An omission (source sentence ``k``) or an addition (relay sentence ``k``)."""
        omitted = side == "src"
        facts = (pair.src_facts if omitted else pair.tgt_facts)[k]
        info = information(facts)
        across = facing.get((side, k))
        severity = "minor" if across is not None else _severity(info.score)
        where = (f"source sentence {k + 1} is not in the relay" if omitted
                 else f"relay sentence {k + 1} has no source")
        return self.finding(
            "omission" if omitted else "addition", severity,
            (k,) if omitted else (), () if omitted else (k,),
            f"{where} ({info.describe()}): “{_clip(facts.text)}”",
            **{f"{side}_spans": [(k, 0, len(facts.text))]},
            information=round(info.score, 2), carries=info.parts,
            **{"facing_addition" if omitted else "facing_omission": across})

    def _merged(self, pair: PairContext) -> list[Finding]:
        """Sentences an aligner folded into a neighbour's link although nothing renders them.

        A dropped sentence is often linked together with its neighbour (2-1) rather than
        left alone. Inside a many-to-one link, a sentence counts as unrendered when its
        anchors (concepts, numbers) all miss the other side while a sibling's are found,
        or when the other side is as long as the siblings alone (lengths calibrated on
        the pair's one-to-one links).
        """
        ratio = length_ratio(pair.src_facts, pair.tgt_facts, pair.aligned)
        findings: list[Finding] = []
        for link in pair.aligned:
            for side, many, other in (("src", link.src, link.tgt), ("tgt", link.tgt, link.src)):
                if len(many) < 2 or len(many) <= len(other):
                    continue
                facts = pair.src_facts if side == "src" else pair.tgt_facts
                other_facts = pair.tgt_facts if side == "src" else pair.src_facts
                r = ratio if side == "src" else (1 / ratio if ratio else None)
                k = unrendered([facts[i] for i in many], [other_facts[j] for j in other], r)
                if k is None:
                    continue
                info = information(facts[k])
                kind = "omission" if side == "src" else "addition"
                where = "not rendered in the relay" if side == "src" else "to have no source"
                findings.append(self.finding(
                    kind, _severity(info.score), (k,) if side == "src" else (),
                    () if side == "src" else (k,),
                    f"{'source' if side == 'src' else 'relay'} sentence {k + 1} is linked with "
                    f"its neighbour but seems {where} ({info.describe()}): "
                    f"“{_clip(facts[k].text)}”",
                    **{f"{side}_spans": [(k, 0, len(facts[k].text))]},
                    information=round(info.score, 2), carries=info.parts, merged_link=True,
                    linked_with=list(other)))
        return findings


def _facing(pair: PairContext) -> dict[tuple[str, int], int]:
    """Omitted source and added relay sentences that sit in the same gap between links.

    A dropped sentence facing an added one is as likely a rewrite the aligner could not
    pair as a real omission plus addition, so both are reported as minor.
    """
    aligned = pair.aligned
    added = sorted(j for link in pair.added for j in link.tgt)
    facing: dict[tuple[str, int], int] = {}
    for link in pair.omitted:
        for i in link.src:
            before = [max(k.tgt) for k in aligned if max(k.src) < i]
            after = [min(k.tgt) for k in aligned if min(k.src) > i]
            low = max(before) if before else -1
            high = min(after) if after else len(pair.tgt_facts)
            inside = [j for j in added if low < j < high and ("tgt", j) not in facing]
            if inside:
                facing[("src", i)] = inside[0]
                facing[("tgt", inside[0])] = i
    return facing


def _clip(text: str, width: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"
