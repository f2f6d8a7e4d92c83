"""Drift detection: what changed between the English version and a relay.

``detect_drift(src, tgt, alignment, glossary=...)`` runs every detector over one
aligned article pair and returns :class:`~provenance.model.Finding` objects, most
severe first within reading order; ``summarize(findings)`` counts and weighs them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from provenance.drift.attribution import AttributionDrift
from provenance.drift.base import Detector
from provenance.drift.certainty import CertaintyDrift
from provenance.drift.context import PairContext
from provenance.drift.coverage import CoverageDrift
from provenance.drift.dates import DateDrift
from provenance.drift.entities import EntityDrift
from provenance.drift.numbers import NumberDrift
from provenance.drift.polarity import NegationDrift, RelationDrift
from provenance.drift.summary import DriftSummary, summarize, summarize_pairs
from provenance.drift.terms import TermDrift
from provenance.model import SEVERITY_WEIGHTS, Alignment, Article, Finding, Severity

if TYPE_CHECKING:
    from provenance.glossary import Glossary

__all__ = ["DETECTORS", "DRIFT_VERSION", "Detector", "DriftSummary", "PairContext",
           "default_detectors", "detect_drift", "summarize", "summarize_pairs"]


#: goes into signatures: bump when detectors or lexicons change what is found
DRIFT_VERSION = "lexicon-1"


def default_detectors() -> list[Detector]:
    """One instance of every detector family, in report order."""
    return [NumberDrift(), DateDrift(), EntityDrift(), TermDrift(), AttributionDrift(),
            CertaintyDrift(), NegationDrift(), RelationDrift(), CoverageDrift()]


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
        findings.extend(detector.detect(pair))
        step(done, len(chosen) + 1)
    findings = _without_duplicates(findings)
    _discount_loose_links(pair, findings)
    return sorted(findings, key=_reading_order)


def _without_duplicates(findings: list[Finding]) -> list[Finding]:
    """Drop an entity swap already reported as a changed source (WSJ -> Bloomberg)."""
    sources = {(f.src, f.tgt, f.evidence.get("src_concept"), f.evidence.get("tgt_concept"))
               for f in findings if f.evidence.get("change") == "source_changed"}
    return [f for f in findings if not (
        f.kind == "entity" and f.evidence.get("change") == "replaced"
        and (f.src, f.tgt, f.evidence.get("src_concept"), f.evidence.get("tgt_concept"))
        in sources)]


#: below this share of common content, a link is loose: its differences weigh less
LOOSE_LINK = 0.4
_DOWNGRADE: dict[str, Severity] = {"critical": "major", "major": "minor", "minor": "minor"}


def _discount_loose_links(pair: PairContext, findings: list[Finding]) -> None:
    """Lower by one step the severity of findings inside loosely linked units.

    Re-reports paraphrase and merge; when two linked sentences share little content,
    a name or a hedge present on one side only says more about the link than about drift.
    """
    agreement = {(link.src, link.tgt): pair.agreement(link) for link in pair.aligned}
    repaired = {(link.src, link.tgt) for link in pair.aligned if pair.repaired(link)}
    for f in findings:
        if not (f.src and f.tgt):
            continue
        if (f.src, f.tgt) in repaired:
            f.evidence["repaired_link"] = True
        score = agreement.get((f.src, f.tgt))
        if score is not None and score < LOOSE_LINK:
            f.severity = _DOWNGRADE[f.severity]
            f.evidence["loose_link"] = round(score, 2)


def _reading_order(f: Finding) -> tuple[float, float, int]:
    first_src = min(f.src) if f.src else float("inf")
    first_tgt = min(f.tgt) if f.tgt else float("inf")
    return (first_src if f.src else first_tgt - 0.5, first_tgt, -SEVERITY_WEIGHTS[f.severity])
