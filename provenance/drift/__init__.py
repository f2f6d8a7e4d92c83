"""Drift detection: what changed between the English version and a relay.

``detect_drift(src, tgt, alignment, glossary=...)`` runs every detector over one
aligned article pair and returns :class:`~provenance.model.Finding` objects, most
severe first within reading order; ``summarize(findings)`` counts and weighs them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from provenance.drift.agency import AgencyDrift
from provenance.drift.attribution import AttributionDrift
from provenance.drift.base import Detector
from provenance.drift.certainty import CertaintyDrift
from provenance.drift.confidence import LinkJudge
from provenance.drift.context import PairContext
from provenance.drift.coverage import CoverageDrift, furniture
from provenance.drift.dates import DateDrift
from provenance.drift.entities import EntityDrift
from provenance.drift.framing import FramingDrift
from provenance.drift.lists import ListDrift
from provenance.drift.numbers import NumberDrift
from provenance.drift.persons import GivenNameDrift
from provenance.drift.polarity import NegationDrift, RelationDrift
from provenance.drift.summary import DriftSummary, summarize, summarize_pairs
from provenance.drift.terms import TermDrift
from provenance.model import SEVERITY_WEIGHTS, Alignment, Article, Finding

if TYPE_CHECKING:
    from provenance.glossary import Glossary

__all__ = ["DETECTORS", "DRIFT_VERSION", "Detector", "DriftSummary", "PairContext",
           "default_detectors", "detect_drift", "summarize", "summarize_pairs"]


#: goes into signatures: bump when detectors or lexicons change what is found
DRIFT_VERSION = "findings-10"


def default_detectors() -> list[Detector]:
    """One instance of every detector family, in report order."""
    return [NumberDrift(), DateDrift(), EntityDrift(), GivenNameDrift(), TermDrift(),
            AttributionDrift(), CertaintyDrift(), NegationDrift(), RelationDrift(),
            AgencyDrift(), FramingDrift(), ListDrift(), CoverageDrift()]


DETECTORS: tuple[str, ...] = tuple(d.name for d in default_detectors())


def detect_drift(src: Article, tgt: Article, alignment: Alignment, *, glossary: Glossary,
                 detectors: Sequence[Detector] | None = None,
                 progress: Callable[[int, int], None] | None = None) -> list[Finding]:
    """Every drift between ``src`` (the reference) and ``tgt`` (the relay).

    ``alignment.links`` index ``src.sentences`` and ``tgt.sentences``. Findings come in
    source reading order (additions by their relay position), most severe first at
    each position. ``progress(done, total)`` is called as the steps finish (reading
    both sides, then each detector), so a long pair shows that it advances.
    """
    chosen = list(detectors) if detectors is not None else default_detectors()
    step = progress or (lambda done, total: None)
    step(0, len(chosen) + 1)
    pair = PairContext.build(src, tgt, alignment, glossary)
    step(1, len(chosen) + 1)
    findings: list[Finding] = []
    for done, detector in enumerate(chosen, start=2):
        findings.extend(detector.detect_after(pair, findings))
        step(done, len(chosen) + 1)
    findings = _without_duplicates(findings)
    findings = _judge_links(pair, findings)
    return sorted(findings, key=_reading_order)


def _without_duplicates(findings: list[Finding]) -> list[Finding]:
    """Drop an entity swap already reported as a changed source (WSJ -> Bloomberg), and
    a name change reported twice (in a unit, and article-wide for the person)."""
    sources = {(f.src, f.tgt, f.evidence.get("src_concept"), f.evidence.get("tgt_concept"))
               for f in findings if f.evidence.get("change") == "source_changed"}
    persons = {tuple(f.tgt_spans) for f in findings if f.evidence.get("change") == "given_name"}
    return [f for f in findings if not (
        f.kind == "entity" and f.evidence.get("change") == "replaced"
        and (f.src, f.tgt, f.evidence.get("src_concept"), f.evidence.get("tgt_concept"))
        in sources) and not (
        f.kind == "entity" and f.evidence.get("change") in ("respelled", "replaced")
        and any(_inside(f.tgt_spans, spans) for spans in persons))]


def _inside(spans: list, others: tuple) -> bool:
    return any(j == k and a <= c < d <= b or j == k and c <= a < b <= d
               for j, c, d in spans for k, a, b in others)


#: changes that pair one name or word with another ("could" made "very likely"): only as
#: good as the link that pairs them
SWAPS = frozenset({"replaced", "respelled", "hedge_raised", "hedge_lowered"})
#: detectors whose findings sum up the whole article rather than one aligned unit
ARTICLE_WIDE = frozenset({"coverage", "persons"})
#: findings that rest on an absence: a modal hedge ("could", "potential") dropped or
#: added, a scope widened ("some in the administration" with no word for a part in the
#: relay), advisers' proposals given to the leader (no word for the advisers in the
#: relay); and a negation on one side only (any finding of kind negation, see
#: :func:`_absence`: a relay's lead that sums up "promise not to join NATO" as "отказ
#: от НАТО" is linked with another sentence, whose "not" it lacks). Even a minor one is
#: judged with sentence vectors, for hedges come and go in ordinary rewording and a lone
#: one in two sentences that render different things says nothing. So is a name swapped
#: for another
#: (kind entity): in sentences that do not render each other, "Xi Jinping" is not
#: "replaced" by the "Bremmer" of a neighbouring sentence, and such a swap is left out
#: even when the names around it agree (the story's names are in every sentence)
ABSENCES = frozenset({"hedge_removed", "hedge_added", "scope_widened", "agency"})


def _absence(f: Finding) -> bool:
    """Whether a finding rests on an absence on the other side (:data:`ABSENCES`, and a
    negation on one side)."""
    return f.kind == "negation" or f.evidence.get("change") in ABSENCES


def _judge_links(pair: PairContext, findings: list[Finding]) -> list[Finding]:
    """Every finding inside an aligned unit carries how sure the link is; a major or
    critical one on a link that is not sure is lowered to minor (saying why), and a cue
    seen on one side of such a link is left out (in a sentence the other side does not
    render, a lone "not" or "reportedly" says nothing), whether its names and numbers or
    its meaning (sentence vectors) say so. Findings that quote page furniture
    ("Read also", a credit line left in the text) are left out."""
    judge = LinkJudge(pair)
    links = {(link.src, link.tgt): link for link in pair.aligned}
    kept: list[Finding] = []
    for f in findings:
        if any(furniture(pair.src_facts[i]) for i, _, _ in f.src_spans) or any(
                furniture(pair.tgt_facts[j]) for j, _, _ in f.tgt_spans):
            continue
        link = links.get((f.src, f.tgt)) if f.detector not in ARTICLE_WIDE else None
        if link is None:
            kept.append(f)  # article-wide findings are judged by their detectors
            continue
        # a finding on an absence (no hedge, no word for the advisers) quotes one side's
        # cue and at most the words around the other's: as weak as a lone cue
        one_sided = not (f.src_spans and f.tgt_spans) or _absence(f)
        # a date put for another ("2021" read against "the end of last year") is a swap
        # of values as a name is of names
        swap = f.evidence.get("change") in SWAPS or (f.kind == "date"
                                                     and not f.evidence.get("change"))
        swapped = frozenset(c for c in (f.evidence.get("src_concept"),
                                        f.evidence.get("tgt_concept")) if c)
        if f.severity == "minor" and not _absence(f) and not (
                f.kind == "entity" and swap):
            verdict = judge.cheap(link, swapped)
        else:
            i = f.src_spans[0][0] if f.src_spans else None
            j = f.tgt_spans[0][0] if f.tgt_spans else None
            verdict = judge.judge(link, i, j, swapped)
        f.evidence["alignment"] = verdict.to_evidence()
        if one_sided and verdict.confident and f.severity != "minor" and len(
                f.src if f.src_spans else f.tgt) > 1:
            # a cue in one of several linked sentences: its own counterpart is unknown
            f.severity = "minor"
            f.evidence["lowered"] = ("the sentence holding it is linked together with "
                                     "another, so its own counterpart is not known")
        if not verdict.confident:
            if one_sided or (swap and (f.kind in ("entity", "date")
                                       or not judge.cheap(link, swapped).confident)):
                # a lone cue in sentences that do not render each other (by their names
                # and numbers, or by their meaning), or one name or date put for another
                # in sentences that say different things: evidence of nothing
                continue
            if f.severity != "minor":
                f.severity = "minor"
                f.evidence["lowered"] = verdict.reason
        kept.append(f)
    return kept


def _reading_order(f: Finding) -> tuple[float, float, int]:
    first_src = min(f.src) if f.src else float("inf")
    first_tgt = min(f.tgt) if f.tgt else float("inf")
    return (first_src if f.src else first_tgt - 0.5, first_tgt, -SEVERITY_WEIGHTS[f.severity])
