"""The claims section of a report, independent of how it is written down.

For every story: why its reference was chosen (reasons and runner-up), then each claim
with the consensus of its independent witnesses and every witness's reading beside it,
marked where it departs from that consensus or where its comparison with the reference
found drift in those very sentences (at or above the report's minimum severity). HTML,
Markdown, JSON and the TUI all read :func:`claims_section`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from provenance.drift.kinds import severity_rank
from provenance.model import (
    Claim,
    CorpusAnalysis,
    Departure,
    Finding,
    Reading,
    ReferenceChoice,
)

__all__ = ["AGAINST", "DEPARTS_HEADING", "ClaimEntry", "ClaimsSection", "ReadingEntry",
           "claims_section"]

#: how a view names what a reading departs from
AGAINST = {"consensus": "", "reference": "against the reference: "}
#: the column of departures, as every view heads it
DEPARTS_HEADING = "Departs from the consensus (or the reference)"

#: detectors that sum up a whole article (what it leaves out or brings in, whom it
#: credits): their findings belong to no one claim
ARTICLE_SUMMARIES = frozenset({"coverage", "credits"})


@dataclass
class ReadingEntry:
    """One witness's reading of a claim, its departures from the consensus, and the drift
    its comparison with the reference found in the same sentences (``drift``: where the
    consensus is too thin to vote, or the witnesses drifted together, that comparison is
    what tells this reading apart)."""

    reading: Reading
    label: str  # the article as a reader names it (outlet, title or id)
    departures: list[Departure] = field(default_factory=list)
    drift: list[Finding] = field(default_factory=list)

    @property
    def status(self) -> str:
        """``departs`` from the consensus, ``drifts`` from the reference only, or
        ``agrees`` with both (as far as the tool reads)."""
        return "departs" if self.departures else "drifts" if self.drift else "agrees"

    def changes(self) -> list[tuple[Finding, str]]:
        """What marks the reading, departures first: (finding, what it departs from:
        ``consensus`` or ``reference``)."""
        return ([(d.finding, "consensus") for d in self.departures]
                + [(f, "reference") for f in self.drift])


@dataclass
class ClaimEntry:
    claim: Claim
    readings: list[ReadingEntry]

    @property
    def departing(self) -> list[ReadingEntry]:
        return [r for r in self.readings if r.status != "agrees"]

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
    drift, rendered = _drift_by_reading(analysis, claims, floor)
    entries = []
    for claim in claims:
        shown = by_claim.get(claim.id, [])
        readings = claim.readings + rendered.get(claim.id, [])
        entries.append(ClaimEntry(claim, [
            ReadingEntry(r, labels.get(r.article_id, r.article_id),
                         [d for d in shown if d.article_id == r.article_id],
                         drift.get((claim.id, r.article_id), []))
            for r in readings]))
    return ClaimsSection(list(analysis.references), entries, labels)


def _drift_by_reading(analysis: CorpusAnalysis, claims: list[Claim], floor: int
                      ) -> tuple[dict[tuple[str, str], list[Finding]], dict[str, list[Reading]]]:
    """(claim, article) -> the article's findings against its reference on that claim,
    and claim -> the readings those findings add to it.

    A finding is placed at the first claim whose reading by the relay holds the first
    sentence it quotes; failing that, at the first claim holding the reference sentence
    it was compared with, where the relay's own sentences become its reading of the claim
    when grouping gave it none (a lead the grouping placed elsewhere; when it gave one,
    the finding marks that reading, whose words the finding may not quote). Each finding
    is shown once; one a departure already restates is not shown."""
    restated = {(d.article_id, d.finding.evidence.get("pair_finding"))
                for d in (analysis.collation.departures if analysis.collation else [])}
    first: dict[tuple[str, int], str] = {}  # (article, sentence) -> its first claim
    for claim in claims:
        for r in claim.readings:
            for j in r.sentences:
                first.setdefault((r.article_id, j), claim.id)
    by_id = {c.id: c for c in claims}
    articles = {a.id: a for a in analysis.articles}
    groups = analysis.collation.groups if analysis.collation else {}
    out: dict[tuple[str, str], list[Finding]] = {}
    rendered: dict[str, list[Reading]] = {}
    for pair in analysis.pairs:
        for f in pair.findings:
            if (f.detector in ARTICLE_SUMMARIES or severity_rank(f.severity) < floor
                    or (pair.relay_id, f.message) in restated):
                continue
            quoted = sorted({j for j, _, _ in f.tgt_spans} or set(f.tgt))
            claim_id = next((first[(pair.relay_id, j)] for j in quoted
                             if (pair.relay_id, j) in first), None)
            if claim_id is None and quoted:
                claim_id = next((first[(pair.reference_id, i)] for i in sorted(f.src)
                                 if (pair.reference_id, i) in first), None)
                if claim_id is None:
                    continue
                has = {r.article_id for r in by_id[claim_id].readings} | {
                    r.article_id for r in rendered.get(claim_id, [])}
                if pair.relay_id not in has:
                    if pair.relay_id not in groups:
                        continue  # not a witness of the claim's story
                    rendered.setdefault(claim_id, []).append(Reading(
                        pair.relay_id, tuple(quoted),
                        " ".join(articles[pair.relay_id].sentences[j].text for j in quoted),
                        groups[pair.relay_id]))
            if claim_id is not None:
                out.setdefault((claim_id, pair.relay_id), []).append(f)
    return out, rendered
