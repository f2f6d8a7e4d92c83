"""The corpus screen: every article with its origin, sources and drift; the graph."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Container
from textual.widgets import DataTable, Footer, Header, ProgressBar, Static

from provenance.model import CorpusAnalysis
from provenance.pipeline import describe_progress
from tui.components.provenance_tree import ProvenanceTree
from tui.plain import plain, styled
from tui.screens.base import AnalysisScreen

COLUMNS = ("article", "lang", "origin", "cites", "drift")


class CorpusScreen(AnalysisScreen):
    AUTO_FOCUS = "#articles"
    BINDINGS = [
        Binding("enter", "open", "Compare", show=True),
        Binding("s", "sort", "Sort"),
        Binding("r", "reanalyze", "Re-analyse"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self._sort_column = 0
        self._stage_line = ""

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("analysing...", id="status")
        yield ProgressBar(id="progress", show_eta=False)
        with Container(id="corpus-body"):
            yield DataTable(id="articles", cursor_type="row", zebra_stripes=True)
            yield ProvenanceTree(id="graph")
        yield Footer(compact=True, show_command_palette=False)  # ^p: in the help

    def on_resize(self) -> None:
        self.set_class(self.size.width >= 120, "-wide")  # before AnalysisScreen draws

    def _column_widths(self) -> dict[str, int]:
        # The table gets 2/3 of a wide screen, all of a narrow one; text columns share
        # what the fixed ones leave.
        width = self.size.width * 2 // 3 if self.size.width >= 120 else self.size.width
        # 5 columns with 1 cell of padding each side, a scrollbar, and the fixed columns.
        free = max(30, width - 2 * 5 - 2 - 5 - 6)
        return {"article": free * 4 // 10, "lang": 5, "origin": free * 3 // 10,
                "cites": free * 3 // 10, "drift": 6}

    def show_progress(self, stage: str, done: int, total: int) -> None:
        status = plain(f"{describe_progress(stage, done, total)}: {done}/{total}")
        if stage == "pair":
            # The phases of the pair being compared: a second line under the stage's.
            self.query_one("#status", Static).update(
                styled(self._stage_line, "\n", (str(status), "dim")))
            return
        bar = self.query_one("#progress", ProgressBar)
        bar.display = True
        bar.update(total=max(total, 1), progress=done)
        self._stage_line = str(status)
        self.query_one("#status", Static).update(status)

    def show_analysis(self, analysis: CorpusAnalysis) -> None:
        self.query_one("#progress", ProgressBar).display = False
        ref = analysis.reference_id or "-"
        skipped = sum(issue.skipped for issue in analysis.issues)
        self.query_one("#status", Static).update(styled(
            f"{len(analysis.articles)} articles · reference ", (ref, "bold"),
            f" · roots: {', '.join(analysis.roots) or '-'}",
            (f" · {skipped} file(s) skipped", "bold yellow") if skipped else "",
            # the settings are for the record, not for reading: on a narrow screen they
            # would push the articles down two lines (the help screen shows them)
            *(("\n", (str(analysis.signature), "dim")) if self.size.width >= 120 else ())))
        table = self.query_one("#articles", DataTable)
        cursor = table.cursor_row
        table.clear(columns=True)
        for name, width in self._column_widths().items():
            table.add_column(name, key=name, width=width)
        for article in analysis.articles:
            prov = analysis.provenance.get(article.id)
            pair = analysis.pair_for(article.id)
            origin = "unknown"
            if prov:
                origin = prov.origin + (f" ({prov.origin_language})" if prov.origin_language
                                        and prov.origin_language != article.lang else "")
            cites = ", ".join(prov.cited_sources() if prov else [])
            drift: int | str = pair.drift_score if pair else (
                "ref" if article.id == analysis.reference_id else "-")
            name = article.outlet or article.title or ""
            label = f"{article.id[:12]} {name}".strip()
            table.add_row(plain(label), plain(article.lang), plain(origin), plain(cites),
                          drift, key=article.id)
        if table.row_count:
            table.move_cursor(row=min(cursor, table.row_count - 1))
        self.query_one(ProvenanceTree).show_analysis(analysis)

    def action_sort(self) -> None:
        self._sort_column = (self._sort_column + 1) % len(COLUMNS)
        self._sort_by(COLUMNS[self._sort_column])

    @on(DataTable.HeaderSelected, "#articles")
    def _header(self, event: DataTable.HeaderSelected) -> None:
        self._sort_by(str(event.column_key.value))

    def _sort_by(self, column: str) -> None:
        table = self.query_one("#articles", DataTable)
        # Drift sorts worst first; other columns alphabetically. Mixed cells ("ref", "-")
        # sort as -1 so they never break the comparison.
        if column == "drift":
            table.sort(column, key=lambda v: v if isinstance(v, int) else -1, reverse=True)
        else:
            table.sort(column, key=lambda v: str(v).lower())
        self.notify(f"sorted by {column}", timeout=2)

    @on(DataTable.RowSelected, "#articles")
    def _row_selected(self, event: DataTable.RowSelected) -> None:
        self._open(str(event.row_key.value))

    def action_open(self) -> None:
        table = self.query_one("#articles", DataTable)
        if table.row_count:
            key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key
            self._open(str(key.value))

    def _open(self, article_id: str) -> None:
        analysis = self.app.analysis  # type: ignore[attr-defined]
        if analysis is None:
            return
        if analysis.pair_for(article_id) is None:
            self.notify(f"{article_id} is the reference (or has none): open a relay, or "
                        "press r on a compare screen to switch the reference", timeout=5,
                        markup=False)
            return
        from tui.screens.compare import CompareScreen

        self.app.push_screen(CompareScreen(article_id))

    def action_reanalyze(self) -> None:
        self.app.analyze(fresh=True)  # type: ignore[attr-defined]
