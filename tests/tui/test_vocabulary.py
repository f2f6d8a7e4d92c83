"""The TUI and the reports speak one drift vocabulary: same symbols, same rows, same findings.

One hand-made pair carries a finding of every kind (and of a kind no table knows yet) plus a
finding whose sentences sit on two rows; the aligned table and the Markdown and HTML reports
render it, and each surface's symbols and row placement are read back from its output.
"""

from __future__ import annotations

import re

from support.analysis_factory import article_from_lines
from support.report_checks import render
from textual.app import App, ComposeResult

from provenance.drift.kinds import KINDS
from provenance.model import Alignment, CorpusAnalysis, Finding, Link, PairAnalysis
from provenance.report.contents import build_contents
from provenance.signature import Signature
from tui.components.aligned_table import AlignedTable

KIND_NAMES = [*KINDS, "quantifier"]  # the last one: a kind from a newer detector


def _analysis() -> CorpusAnalysis:
    n = len(KIND_NAMES)
    ref = article_from_lines("ref", [f"Word{i} in the reference." for i in range(n)], "en")
    relay = article_from_lines("relay", [f"Word{i} in the relay." for i in range(n)], "en")
    links = [Link((i,), (i,), 1.0) for i in range(n)]
    findings = [Finding(kind, "major", (i,), (i,), f"{kind} changed",
                        src_spans=[(i, 0, 4)], tgt_spans=[(i, 0, 4)])
                for i, kind in enumerate(KIND_NAMES)]
    # Reference sentence 1 with relay sentence 0: rows 1 and 0 both touch it.
    findings.append(Finding("entity", "major", (1,), (0,), "name moved"))
    pair = PairAnalysis("ref", "relay", Alignment("en", "en", "reorder", links), findings)
    return CorpusAnalysis(Signature(), [ref, relay], {}, [pair], reference_id="ref")


class TableApp(App[None]):
    def compose(self) -> ComposeResult:
        yield AlignedTable()


async def _tui_rows(analysis: CorpusAnalysis) -> list[tuple[str, str, list[str]]]:
    """(drift column, relay cell, kinds of the row's findings) per row, as the TUI shows them."""
    pair = analysis.pairs[0]
    app = TableApp()
    async with app.run_test(size=(120, 40)):
        table = app.query_one(AlignedTable)
        table.show_pair(analysis.article("ref"), analysis.article("relay"), pair,
                        pair.findings, None, 120)
        return [(table.get_row_at(n)[2].plain, table.get_row_at(n)[1].plain,
                 [f.kind for f in row.findings]) for n, row in enumerate(table.rows_data)]


def _markdown_rows(analysis: CorpusAnalysis) -> list[tuple[str, str]]:
    """(drift column, relay cell) per row of the Markdown report's aligned table."""
    text = render(analysis, "md")
    table = text[text.index("| # | Reference"):].split("\n\n")[0].splitlines()[2:]
    cells = [[c.strip() for c in re.split(r"(?<!\\) \| ", line.strip("| "))] for line in table]
    unescape = re.compile(r"\\(.)")
    return [(unescape.sub(r"\1", row[4]), unescape.sub(r"\1", row[2])) for row in cells]


async def test_tui_and_reports_mark_every_kind_with_the_same_symbol() -> None:
    analysis = _analysis()
    tui = await _tui_rows(analysis)
    markdown = _markdown_rows(analysis)
    html = render(analysis, "html")
    assert len(tui) == len(markdown) == len(KIND_NAMES)
    for i, kind in enumerate(KIND_NAMES):
        tui_symbol = tui[i][1][0]  # inserted before the span, which starts the sentence
        md_symbol = re.match(r"⟦\*\*(.)", markdown[i][1]).group(1)
        html_symbols = re.findall(rf'<mark class="kind-\S+ sev-major" title="{kind}, major: '
                                  r'[^"]*"><span class="sym" aria-hidden="true">([^<]+)</span>',
                                  html)
        assert tui_symbol == md_symbol == html_symbols[0], kind
        assert len(set(html_symbols)) == 1  # reference and relay side alike
    assert len({row[1][0] for row in tui}) == len(KIND_NAMES)  # no two kinds look alike


async def test_tui_and_reports_put_each_finding_on_the_same_row() -> None:
    analysis = _analysis()
    tui = await _tui_rows(analysis)
    markdown = _markdown_rows(analysis)
    report_rows = list(build_contents(analysis).pairs[0].rows())
    # The report orders a row's findings by their number, the TUI as the filter gives them.
    assert [sorted(kinds) for _, _, kinds in tui] == \
        [sorted(nf.finding.kind for nf in row.findings) for row in report_rows]
    assert tui[0][2] == ["number"] and sorted(tui[1][2]) == ["date", "entity"]
    for (tui_column, _, _), (md_column, _) in zip(tui, markdown, strict=True):
        # The TUI lists each kind once; the report numbers each finding.
        assert set(tui_column) == set(re.sub(r"[\d ]", "", md_column))
