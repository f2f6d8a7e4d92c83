"""What a report says, independent of how it is written down.

Every format (HTML, Markdown, JSON, CSV, TMX) reads the same :class:`ReportContents`:
the articles with their provenance and drift score, and for each relay the aligned
sentence rows with the findings at or above the chosen severity, numbered once so that
every format refers to "finding 3 of this article" the same way.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from provenance.drift.kinds import count_severities, kind_order, sentence_numbers, severity_rank
from provenance.drift.summary import summarize
from provenance.errors import BadInput
from provenance.model import (
    SEVERITIES,
    Article,
    ArticleProvenance,
    CorpusAnalysis,
    Finding,
    PairAnalysis,
)
from provenance.report.claims import ClaimsSection, claims_section
from provenance.report.rows import AlignedRow, aligned_rows

if TYPE_CHECKING:
    from provenance.glossary import Glossary

__all__ = ["AlignedRow", "ArticleEntry", "NumberedFinding", "PairReport", "ReportContents",
           "anchor", "build_contents", "highlight_segments", "kind_order", "sentence_marks",
           "severity_rank"]


#: kinds whose spans are whole sentences with no counterpart
GAP_KINDS = ("omission", "addition")


def anchor(article_id: str) -> str:
    """A stable HTML id for an article: readable, safe in any attribute, never colliding."""
    readable = re.sub(r"[^A-Za-z0-9_-]+", "-", article_id)[:40].strip("-")
    digest = hashlib.sha1(article_id.encode("utf-8")).hexdigest()[:8]
    return f"a-{readable}-{digest}" if readable else f"a-{digest}"


@dataclass
class NumberedFinding:
    """A finding with its number inside its article's report (1-based)."""

    number: int
    finding: Finding


@dataclass
class PairReport:
    """A relay compared with its reference, restricted to the findings shown."""

    pair: PairAnalysis
    reference: Article
    relay: Article
    findings: list[NumberedFinding]

    @property
    def drift_score(self) -> int:
        return sum(nf.finding.weight for nf in self.findings)

    def rows(self) -> Iterator[AlignedRow[NumberedFinding]]:
        """The aligned rows in alignment order, each with the findings it carries.

        Built on demand (not stored) so that a 10,000-article report never holds every
        row at once. Where a finding goes: :mod:`provenance.report.rows`.
        """
        yield from aligned_rows(self.pair, self.reference, self.relay, self.findings,
                                lambda nf: nf.finding)

    @cached_property
    def _texts(self) -> dict[str, dict[int, str]]:
        return {
            "src": {s.index: s.text for s in self.reference.sentences},
            "tgt": {s.index: s.text for s in self.relay.sentences},
        }

    def sentence_text(self, side: str, indices: tuple[int, ...]) -> str:
        """The text of the given sentences of the reference (``"src"``) or relay (``"tgt"``)."""
        by_index = self._texts[side]
        return " ".join(by_index[i] for i in indices if i in by_index)

    def where(self, finding: Finding) -> str:
        """``reference 15 “potential” → relay 1``: the sentences (1-based) a finding
        touches, with its changed spans quoted unless the message quotes them already
        (omissions and additions name whole sentences: their numbers say it)."""
        sides = []
        for side, name, indices in (("src", "reference", finding.src),
                                    ("tgt", "relay", finding.tgt)):
            if not indices:
                continue
            text = f"{name} {sentence_numbers(indices)}"
            quote = self.changed_text(finding, side, 60, unless_in=finding.message)
            if quote and finding.kind not in GAP_KINDS:
                text += f" “{quote}”"
            sides.append(text)
        return " → ".join(sides)

    def changed_text(self, finding: Finding, side: str, limit: int = 80,
                     unless_in: str = "") -> str:
        """What a finding marks on one side: its spans' text joined by `` … ``, clipped
        to ``limit`` characters (a whole omitted paragraph is not a quote); spans that
        ``unless_in`` (the message) already quotes are left out."""
        by_index = self._texts[side]
        spans = finding.src_spans if side == "src" else finding.tgt_spans
        pieces = list(dict.fromkeys(
            " ".join(by_index[i][start:end].split()) for i, start, end in spans
            if i in by_index and end > start))
        pieces = [p for p in pieces if p not in unless_in]
        text = " … ".join(p for p in pieces if p)
        return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


@dataclass
class ArticleEntry:
    """One article as the report lists it."""

    article: Article
    provenance: ArticleProvenance | None
    pair: PairReport | None
    is_reference: bool
    departure_count: int = 0  # departures from the consensus no pair finding reports

    @property
    def findings(self) -> list[NumberedFinding]:
        return self.pair.findings if self.pair else []

    @property
    def drift_score(self) -> int:
        return self.pair.drift_score if self.pair else 0

    @property
    def origin(self) -> str:
        return self.provenance.origin if self.provenance else "unknown"

    @property
    def origin_text(self) -> str:
        """``translation of doc-uk``: the origin, and the article of the corpus it
        translates or copies when there is one."""
        article = self.provenance.origin_article if self.provenance else None
        return self.origin + (f" of {article}" if article else "")

    @property
    def origin_label(self) -> str:
        """``translation (0.94)``, then ``of <article>`` when it renders one of the corpus,
        with ``· reference`` for the version relays are compared with."""
        label = self.origin
        if self.provenance and self.provenance.confidence:
            label += f" ({self.provenance.confidence:.2f})"
        if self.provenance and self.provenance.origin_article:
            label += f" of {self.provenance.origin_article}"
        return label + (" · reference" if self.is_reference and not self.pair else "")

    @property
    def cited_sources(self) -> list[str]:
        """Sources the article cites for its claims, first mention first, no repeats."""
        return self.provenance.cited_sources() if self.provenance else []

    @property
    def derived_from(self) -> list[str]:
        return [e.source for e in self.provenance.derived_from] if self.provenance else []

    def weight_by_kind(self) -> dict[str, int]:
        """Weighted drift score (MQM weights) per kind, of the findings shown."""
        return dict(summarize(nf.finding for nf in self.findings).scores)

    def count_by_kind(self) -> dict[str, int]:
        return dict(summarize(nf.finding for nf in self.findings).counts)

    def count_by_severity(self) -> dict[str, int]:
        return count_severities(nf.finding.severity for nf in self.findings)


@dataclass
class ReportContents:
    """Everything a report shows, for one analysis and one minimum severity."""

    analysis: CorpusAnalysis
    min_severity: str
    entries: list[ArticleEntry]
    claims: ClaimsSection | None = None
    #: the glossary the analysis used, for the word links of foreign rows (None: the
    #: bundled one when the signature says the analysis used it)
    glossary: Glossary | None = None

    @property
    def signature(self) -> str:
        return str(self.analysis.signature)

    @property
    def settings(self) -> dict[str, str]:
        """The report's own settings (the analysis settings are in the signature)."""
        return {"min_severity": self.min_severity}

    @property
    def pairs(self) -> list[PairReport]:
        return [e.pair for e in self.entries if e.pair]

    def kinds(self) -> list[str]:
        return kind_order({nf.finding.kind for e in self.entries for nf in e.findings})

    def totals(self) -> dict[str, object]:
        findings = [nf.finding for e in self.entries for nf in e.findings]
        return {
            "articles": len(self.entries),
            "pairs": len(self.pairs),
            "findings": len(findings),
            "drift_score": sum(f.weight for f in findings),
            "by_severity": {s: sum(f.severity == s for f in findings) for s in SEVERITIES},
            "by_kind": dict(Counter(f.kind for f in findings)),
        }

    def edges(self) -> list[tuple[str, str, float, bool]]:
        """(source, target, score, external) derivation edges: who relays whom."""
        out = []
        for entry in self.entries:
            if entry.provenance:
                for edge in entry.provenance.derived_from:
                    out.append((edge.source, entry.article.id, edge.score, edge.external))
        return out


def build_contents(analysis: CorpusAnalysis, min_severity: str = "minor",
                   glossary: Glossary | None = None) -> ReportContents:
    """Select what a report shows: every article, and the findings at/above ``min_severity``.

    Raises BadInput when a pair names an article the analysis does not hold.
    """
    floor = severity_rank(min_severity)
    by_id = {a.id: a for a in analysis.articles}
    pair_of: dict[str, PairReport] = {}
    for pair in analysis.pairs:
        for article_id in (pair.reference_id, pair.relay_id):
            if article_id not in by_id:
                raise BadInput(f"the analysis compares article {article_id!r}, "
                               "which is not among its articles")
        shown = [f for f in pair.findings if severity_rank(f.severity) >= floor]
        numbered = [NumberedFinding(n, f) for n, f in enumerate(_reading_order(shown), 1)]
        pair_of.setdefault(pair.relay_id, PairReport(
            pair, by_id[pair.reference_id], by_id[pair.relay_id], numbered))
    references = {p.reference_id for p in analysis.pairs}
    if analysis.reference_id:
        references.add(analysis.reference_id)
    departures: Counter[str] = Counter(
        d.article_id for d in (analysis.collation.departures if analysis.collation else [])
        if not d.duplicate and severity_rank(d.finding.severity) >= floor)
    entries = [
        ArticleEntry(a, analysis.provenance.get(a.id), pair_of.get(a.id), a.id in references,
                     departures[a.id])
        for a in analysis.articles
    ]
    return ReportContents(analysis, min_severity, entries,
                          claims_section(analysis, min_severity), glossary)


def _reading_order(findings: list[Finding]) -> list[Finding]:
    """Findings in the order a reader meets them: by relay sentence, then reference."""
    def key(f: Finding) -> tuple[int, int, int]:
        return (min(f.tgt, default=10**9), min(f.src, default=10**9), -f.weight)

    return sorted(findings, key=key)


def highlight_segments(
    text: str, marks: list[tuple[int, int, NumberedFinding]]
) -> list[tuple[str, NumberedFinding | None]]:
    """Cut ``text`` into pieces, each either plain or covered by one finding's span.

    Overlapping spans are clipped (the earlier span keeps the shared characters) so that
    every character is written exactly once; spans outside the text are ignored.
    """
    pieces: list[tuple[str, NumberedFinding | None]] = []
    pos = 0
    for start, end, nf in sorted(marks, key=lambda m: (m[0], -m[1])):
        start, end = max(start, pos), min(end, len(text))
        if start >= end:
            continue
        if start > pos:
            pieces.append((text[pos:start], None))
        pieces.append((text[start:end], nf))
        pos = end
    if pos < len(text) or not pieces:
        pieces.append((text[pos:], None))
    return pieces


def sentence_marks(
    findings: list[NumberedFinding], side: str
) -> dict[int, list[tuple[int, int, NumberedFinding]]]:
    """For each sentence index on one side (``"src"`` or ``"tgt"``), the finding spans in it."""
    marks: dict[int, list[tuple[int, int, NumberedFinding]]] = {}
    for nf in findings:
        spans = nf.finding.src_spans if side == "src" else nf.finding.tgt_spans
        for sentence, start, end in spans:
            marks.setdefault(sentence, []).append((start, end, nf))
    return marks
