"""Drift summaries: counts and MQM-weighted scores by kind and severity.

``summarize(findings)`` gives one article pair's summary; ``DriftSummary.combine``
adds summaries up for a corpus. Scores are sums of MQM weights (minor 1, major 5,
critical 25), so they add across pairs; ``per_100`` normalises by sentence pairs.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from provenance.model import SEVERITIES, SEVERITY_WEIGHTS, Finding, PairAnalysis


@dataclass
class DriftSummary:
    """How much drifted, by kind and by severity."""

    counts: Counter[str] = field(default_factory=Counter)  # kind -> findings
    scores: Counter[str] = field(default_factory=Counter)  # kind -> weighted score
    severities: Counter[str] = field(default_factory=Counter)  # severity -> findings
    by_kind_severity: Counter[tuple[str, str]] = field(default_factory=Counter)
    pairs: int = 1  # article pairs summarised
    sentence_pairs: int = 0  # aligned units, when known (for rates per 100)

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def score(self) -> int:
        return sum(self.scores.values())

    def per_100(self, severity: str | None = None) -> float:
        """Findings per 100 sentence pairs (of one severity, or all)."""
        if not self.sentence_pairs:
            return 0.0
        n = self.severities[severity] if severity else self.total
        return 100.0 * n / self.sentence_pairs

    @classmethod
    def combine(cls, summaries: Iterable[DriftSummary]) -> DriftSummary:
        """The corpus summary: counts and scores added over article pairs."""
        out = cls(pairs=0)
        for s in summaries:
            out.counts.update(s.counts)
            out.scores.update(s.scores)
            out.severities.update(s.severities)
            out.by_kind_severity.update(s.by_kind_severity)
            out.pairs += s.pairs
            out.sentence_pairs += s.sentence_pairs
        return out

    def to_dict(self) -> dict[str, Any]:
        kinds = sorted(self.counts, key=lambda k: (-self.scores[k], k))
        return {
            "pairs": self.pairs,
            "sentence_pairs": self.sentence_pairs,
            "findings": self.total,
            "score": self.score,
            "by_severity": {s: self.severities[s] for s in SEVERITIES},
            "by_kind": {k: {"count": self.counts[k], "score": self.scores[k],
                            **{s: self.by_kind_severity[(k, s)] for s in SEVERITIES}}
                        for k in kinds},
        }


def summarize(findings: Iterable[Finding], *, sentence_pairs: int = 0) -> DriftSummary:
    """Counts and weighted scores by kind for one article pair's findings."""
    summary = DriftSummary(sentence_pairs=sentence_pairs)
    for f in findings:
        summary.counts[f.kind] += 1
        summary.scores[f.kind] += SEVERITY_WEIGHTS[f.severity]
        summary.severities[f.severity] += 1
        summary.by_kind_severity[(f.kind, f.severity)] += 1
    return summary


def summarize_pairs(pairs: Iterable[PairAnalysis]) -> tuple[dict[str, DriftSummary], DriftSummary]:
    """Per-relay summaries (keyed by relay article id) and the corpus summary."""
    per_article: dict[str, DriftSummary] = {}
    for pair in pairs:
        units = sum(1 for link in pair.alignment.links if link.src and link.tgt)
        per_article[pair.relay_id] = summarize(pair.findings, sentence_pairs=units)
    return per_article, DriftSummary.combine(per_article.values())
