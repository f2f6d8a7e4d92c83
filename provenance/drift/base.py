"""The detector interface: one small class per drift family.

A detector looks at a :class:`~provenance.drift.context.PairContext` (built once per
article pair) and returns the :class:`~provenance.model.Finding` objects it is sure
enough about. Detectors never re-extract quantities or terms: the context holds them.
Most families compare each aligned unit on its own: they derive from
:class:`LinkDetector`, which owns the loop over links and calls one hook per unit.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import TYPE_CHECKING, ClassVar

from provenance.model import Finding, Link, SentenceSpan, Severity

if TYPE_CHECKING:
    from provenance.drift.context import PairContext
    from provenance.facts import SentenceFacts


class Detector(ABC):
    """One family of drift. Subclasses set ``name`` and ``kinds`` and implement ``detect``."""

    name: ClassVar[str] = ""
    #: the Finding kinds this detector can emit
    kinds: ClassVar[tuple[str, ...]] = ()

    @abstractmethod
    def detect(self, pair: PairContext) -> list[Finding]:
        """All findings of this family for one article pair."""

    def detect_after(self, pair: PairContext, found: list[Finding]) -> list[Finding]:
        """The findings of this family given those the detectors before it made (a
        family that sums up what is left unexplained overrides it); ``detect`` by
        default."""
        return self.detect(pair)

    def finding(
        self,
        kind: str,
        severity: Severity,
        src: tuple[int, ...],
        tgt: tuple[int, ...],
        message: str,
        *,
        src_spans: list[SentenceSpan] | None = None,
        tgt_spans: list[SentenceSpan] | None = None,
        **evidence: object,
    ) -> Finding:
        """A Finding stamped with this detector's name (message kept to one line)."""
        return Finding(
            kind=kind,
            severity=severity,
            src=tuple(src),
            tgt=tuple(tgt),
            message=" ".join(message.split()),
            src_spans=list(src_spans or []),
            tgt_spans=list(tgt_spans or []),
            evidence=dict(evidence),
            detector=self.name,
        )


class LinkDetector(Detector):
    """A family whose evidence sits inside each aligned unit (sentences on both sides).

    Subclasses implement ``compare`` for one unit; ``across`` may add findings that need
    the whole pair. Findings come unit by unit in link order, then the ``across`` ones.
    """

    def detect(self, pair: PairContext) -> list[Finding]:
        findings: list[Finding] = []
        for link in pair.aligned:
            findings.extend(self.compare(link, pair.src_of(link), pair.tgt_of(link)))
        findings.extend(self.across(pair, findings))
        return findings

    @abstractmethod
    def compare(self, link: Link, src: list[SentenceFacts], tgt: list[SentenceFacts]
                ) -> list[Finding]:
        """Findings for one aligned unit: ``src`` and ``tgt`` are its sentences' facts."""

    def across(self, pair: PairContext, found: list[Finding]) -> list[Finding]:
        """Findings that need the whole pair, given the per-unit ones (none by default)."""
        return []
