"""The claims section of a report, independent of how it is written down.

For every story: why its reference was chosen (reasons and runner-up), then each claim
with the consensus of its independent witnesses and every witness's reading beside it,
marked where it departs (the departures at or above the report's minimum severity).
HTML, Markdown and JSON all read :func:`claims_section`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from provenance.drift.kinds import severity_rank
from provenance.model import Claim, CorpusAnalysis, Departure, Reading, ReferenceChoice

__all__ = ["ClaimEntry", "ClaimsSection", "ReadingEntry", "claims_section"]


@dataclass
class ReadingEntry:
    """One witness's reading of a claim and its departures from the consensus."""

    reading: Reading
    label: str  # the article as a reader names it (outlet, title or id)
    departures: list[Departure] = field(default_factory=list)

    @property
    def status(self) -> str:
        """``departs`` or ``agrees`` (with the consensus, as far as the tool reads)."""
        return "departs" if self.departures else "agrees"


@dataclass
class ClaimEntry:
    claim: Claim
    readings: list[ReadingEntry]

    @property
    def departing(self) -> list[ReadingEntry]:
        return [r for r in self.readings if r.departures]

    def consensus_line(self) -> str:
        """The forms the witnesses agree on: "numbers: at least twice (4/5); ..."."""
        return "; ".join(f"{c.slot.replace('_', ' ')}: {c.form} ({c.support}/{c.voters})"
                         for c in self.claim.consensus)


@dataclass
class ClaimsSection:
    references: list[ReferenceChoice]
    claims: list[ClaimEntry]
    labels: dict[str, str]

    def __bool__(self) -> bool:
        return bool(self.references or self.claims)


def claims_section(analysis: CorpusAnalysis, min_severity: str = "minor") -> ClaimsSection:
    """The reference choices and the claims, with the departures at or above
    ``min_severity`` attached to the readings they mark."""
    floor = severity_rank(min_severity)
    labels = {a.id: a.label for a in analysis.articles}
    claims = analysis.collation.claims if analysis.collation else []
    by_claim: dict[str, list[Departure]] = {}
    for d in analysis.collation.departures if analysis.collation else []:
        if severity_rank(d.finding.severity) >= floor:
            by_claim.setdefault(d.claim, []).append(d)
    entries = []
    for claim in claims:
        shown = by_claim.get(claim.id, [])
        entries.append(ClaimEntry(claim, [
            ReadingEntry(r, labels.get(r.article_id, r.article_id),
                         [d for d in shown if d.article_id == r.article_id])
            for r in claim.readings]))
    return ClaimsSection(list(analysis.references), entries, labels)
