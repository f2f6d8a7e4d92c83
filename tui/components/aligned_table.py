"""Reference and relay sentences on shared rows, drifted spans marked, terms underlined."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence

from rich.text import Text
from textual.widgets import DataTable

from provenance.drift.kinds import kind_order, kind_symbol
from provenance.model import Article, Finding, PairAnalysis, Sentence
from provenance.report.rows import AlignedRow, aligned_rows
from tui.drift_marks import TERM_STYLE, span_style

GAP = Text("·  ·  ·", style="dim italic")

# (start, end, kind) inside one sentence
Span = tuple[int, int, str]
TermFinder = Callable[[str, str], list[tuple[int, int]]]
Row = AlignedRow[Finding]


def side_text(sentences: Sequence[Sentence], lang: str, spans: dict[int, list[Span]],
              terms: TermFinder | None) -> Text:
    """The sentences of one side of a row as rich Text with drift and term marks."""
    if not sentences:
        return GAP.copy()
    text = Text()
    for n, sentence in enumerate(sentences):
        if n:
            text.append(" ")
        piece = Text(sentence.text)
        if terms:
            for start, end in terms(sentence.text, sentence.lang or lang):
                piece.stylize(TERM_STYLE, start, end)
        # Insert the kind's symbol before each span, right to left so offsets hold.
        marks = sorted(spans.get(sentence.index, []), key=lambda s: s[0], reverse=True)
        for start, end, kind in marks:
            start, end = max(0, start), min(len(sentence.text), end)
            if start >= end:
                continue
            piece.stylize(span_style(kind), start, end)
            piece = piece[:start] + Text(kind_symbol(kind), style=span_style(kind)) + piece[start:]
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
        self.rows_data: list[Row] = []  # the same rows, and findings on them, as the reports

    def show_pair(self, reference: Article, relay: Article, pair: PairAnalysis,
                  findings: Sequence[Finding], terms: TermFinder | None, width: int) -> None:
        self.clear(columns=True)
        side = max(20, (width - 16) // 2)
        self.add_column("ref", width=side, key="ref")
        self.add_column("relay", width=side, key="relay")
        self.add_column("drift", width=6, key="drift")
        src_spans, tgt_spans = spans_by_sentence(findings)
        self.rows_data = aligned_rows(pair, reference, relay, findings, lambda f: f)
        for n, row in enumerate(self.rows_data):
            kinds = "".join(kind_symbol(k) for k in kind_order(f.kind for f in row.findings))
            self.add_row(
                side_text(row.src, reference.lang, src_spans, terms),
                side_text(row.tgt, relay.lang, tgt_spans, terms),
                Text(kinds, style="bold"),
                height=None,
                key=str(n),
            )
