"""Export the analysis with the same writers as ``provenance report``."""

from __future__ import annotations

from pathlib import Path

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label
from textual.worker import Worker, WorkerState

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

    @work(thread=True, exclusive=True, group="export", exit_on_error=False)
    def write(self, path: Path) -> Path:
        from provenance.report import write_report

        write_report(self.analysis, path, None)
        return path

    @on(Worker.StateChanged)
    def _written(self, event: Worker.StateChanged) -> None:
        if event.state == WorkerState.ERROR:
            self.query_one("#export-error", Label).update(str(event.worker.error))
        elif event.state == WorkerState.SUCCESS:
            self.app.notify(f"report written to {event.worker.result}")
            self.dismiss(event.worker.result)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
