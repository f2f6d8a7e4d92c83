"""The detector interface: one small class per drift family.

A detector looks at a :class:`~provenance.drift.context.PairContext` (built once per
article pair) and returns the :class:`~provenance.model.Finding` objects it is sure
enough about. Detectors never re-extract quantities or terms: the context holds them.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import TYPE_CHECKING, ClassVar

from provenance.model import Finding, SentenceSpan, Severity

if TYPE_CHECKING:
    from provenance.drift.context import PairContext


class Detector(ABC):
    """One family of drift. Subclasses set ``name`` and ``kinds`` and implement ``detect``."""

    name: ClassVar[str] = ""
    #: the Finding kinds this detector can emit
    kinds: ClassVar[tuple[str, ...]] = ()

    @abstractmethod
    def detect(self, pair: PairContext) -> list[Finding]:
        """All findings of this family for one article pair."""

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
