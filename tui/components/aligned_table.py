"""Reference and relay sentences on shared rows, drifted spans marked, terms underlined."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from rich.text import Text
from textual.widgets import DataTable

from provenance.model import Article, Finding, Link, PairAnalysis
from tui.drift_marks import TERM_STYLE, mark, span_style

GAP = Text("·  ·  ·", style="dim italic")

# (start, end, kind) inside one sentence
Span = tuple[int, int, str]
TermFinder = Callable[[str, str], list[tuple[int, int]]]


@dataclass
class Row:
    link: Link
    findings: list[Finding]


def build_rows(pair: PairAnalysis, findings: Sequence[Finding]) -> list[Row]:
    """One row per alignment link, with the (filtered) findings that touch it."""
    rows = []
    for link in pair.alignment.links:
        src, tgt = set(link.src), set(link.tgt)
        touching = [f for f in findings if (src & set(f.src)) or (tgt & set(f.tgt))]
        rows.append(Row(link, touching))
    return rows


def side_text(article: Article, indices: Sequence[int], spans: dict[int, list[Span]],
              terms: TermFinder | None) -> Text:
    """The sentences of one side of a link as rich Text with drift and term marks."""
    if not indices:
        return GAP.copy()
    text = Text()
    for n, index in enumerate(indices):
        sentence = article.sentences[index].text
        if n:
            text.append(" ")
        piece = Text(sentence)
        if terms:
            for start, end in terms(sentence, article.sentences[index].lang or article.lang):
                piece.stylize(TERM_STYLE, start, end)
        # Insert the kind's symbol before each span, right to left so offsets hold.
        marks = sorted(spans.get(index, []), key=lambda s: s[0], reverse=True)
        for start, end, kind in marks:
            start, end = max(0, start), min(len(sentence), end)
            if start >= end:
                continue
            piece.stylize(span_style(kind), start, end)
            piece = piece[:start] + Text(mark(kind), style=span_style(kind)) + piece[start:]
        text.append_text(piece)
    return text


def spans_by_sentence(findings: Sequence[Finding]) -> tuple[dict[int, list[Span]],
                                                            dict[int, list[Span]]]:
    src: dict[int, list[Span]] = defaultdict(list)
    tgt: dict[int, list[Span]] = defaultdict(list)
    for f in findings:
        for i, a, b in f.src_spans:
            src[i].append((a, b, f.kind))
        for i, a, b in f.tgt_spans:
            tgt[i].append((a, b, f.kind))
    return src, tgt


class AlignedTable(DataTable[Text]):
    """A DataTable whose rows are alignment links (only rows are virtualised, so a
    long pair scrolls as fast as a short one)."""

    def __init__(self, **kwargs: object) -> None:
        super().__init__(cursor_type="row", zebra_stripes=True, **kwargs)  # type: ignore[arg-type]
        self.rows_data: list[Row] = []

    def show_pair(self, reference: Article, relay: Article, pair: PairAnalysis,
                  findings: Sequence[Finding], terms: TermFinder | None, width: int) -> None:
        self.clear(columns=True)
        side = max(20, (width - 16) // 2)
        self.add_column("ref", width=side, key="ref")
        self.add_column("relay", width=side, key="relay")
        self.add_column("drift", width=6, key="drift")
        src_spans, tgt_spans = spans_by_sentence(findings)
        self.rows_data = build_rows(pair, findings)
        for n, row in enumerate(self.rows_data):
            kinds = "".join(sorted({mark(f.kind) for f in row.findings}))
            self.add_row(
                side_text(reference, row.link.src, src_spans, terms),
                side_text(relay, row.link.tgt, tgt_spans, terms),
                Text(kinds, style="bold"),
                height=None,
                key=str(n),
            )
