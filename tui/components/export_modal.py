"""Export the analysis with the same writers as ``provenance report``."""

from __future__ import annotations

from pathlib import Path

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label

from provenance.errors import ProvenanceError
from provenance.model import CorpusAnalysis


class ExportModal(ModalScreen[Path | None]):
    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, analysis: CorpusAnalysis, default: str = "provenance-report.html") -> None:
        super().__init__()
        self.analysis = analysis
        self.default = default

    def compose(self) -> ComposeResult:
        with Vertical(classes="modal"):
            yield Label("Export to (.html, .md, .json, .csv or .tmx):")
            yield Input(value=self.default, id="export-path")
            yield Label("", id="export-error", classes="error")
            with Horizontal(classes="buttons"):
                yield Button("Export", variant="primary", id="export")
                yield Button("Cancel", id="cancel")

    @on(Input.Submitted, "#export-path")
    @on(Button.Pressed, "#export")
    def _export(self) -> None:
        self.write(Path(self.query_one("#export-path", Input).value.strip()))

    @work(thread=True, exclusive=True, group="export", description="exporting report")
    def write(self, path: Path) -> None:
        from provenance.report import write_report

        try:
            write_report(self.analysis, path, None)
        except (ProvenanceError, OSError) as exc:
            self.app.call_from_thread(self.query_one("#export-error", Label).update, str(exc))
            return
        self.app.call_from_thread(self.app.notify, f"report written to {path}")
        self.app.call_from_thread(self.dismiss, path)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
