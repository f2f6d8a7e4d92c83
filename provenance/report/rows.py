"""Aligned rows: a pair's sentences side by side, each finding placed on one row.

The reports and the terminal UI draw the same rows from this one function, so a finding
shows beside the same sentences everywhere and each finding appears exactly once.

The rule: a finding belongs to the row holding its first reference sentence that any row
holds; a finding with no such sentence (an addition) belongs to the row holding its first
relay sentence. A finding whose sentences no row holds is on no row (the findings list
still shows it). One row, not every row the finding touches: drift repairs some links
before comparing, so a finding can pair a reference sentence and a relay sentence that
the alignment put on different rows; on every row it touched it would be counted twice
and ``n``/``p`` in the TUI would stop at it twice.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from provenance.model import Article, Finding, Link, PairAnalysis, Sentence

#: what a row carries per finding: a Finding, or a report's numbered finding
F = TypeVar("F")


@dataclass
class AlignedRow(Generic[F]):
    """One alignment link: reference sentences on the left, relay sentences on the right.

    An empty side is a gap: an omission (no relay sentence) or an addition (no reference
    sentence).
    """

    link: Link
    src: list[Sentence]
    tgt: list[Sentence]
    findings: list[F] = field(default_factory=list)


def aligned_rows(pair: PairAnalysis, reference: Article, relay: Article, findings: Iterable[F],
                 finding_of: Callable[[F], Finding]) -> list[AlignedRow[F]]:
    """One row per alignment link, in alignment order, with the findings placed on it.

    ``finding_of`` reads the Finding inside each item, so the rows can carry whatever the
    caller numbers or filters (the reports carry numbered findings, the TUI plain ones).
    Items keep their given order within a row.
    """
    src_by_index = {s.index: s for s in reference.sentences}
    tgt_by_index = {s.index: s for s in relay.sentences}
    rows: list[AlignedRow[F]] = [
        AlignedRow(
            link,
            [src_by_index[i] for i in link.src if i in src_by_index],
            [tgt_by_index[i] for i in link.tgt if i in tgt_by_index],
        )
        for link in pair.alignment.links
    ]
    row_of_src = {i: row for row in rows for i in row.link.src}
    row_of_tgt = {i: row for row in rows for i in row.link.tgt}
    for item in findings:
        finding = finding_of(item)
        row = next((row_of_src[i] for i in finding.src if i in row_of_src), None)
        if row is None:
            row = next((row_of_tgt[i] for i in finding.tgt if i in row_of_tgt), None)
        if row is not None:
            row.findings.append(item)
    return rows
