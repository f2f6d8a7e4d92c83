"""Export the analysis with the same writers as ``provenance report``."""

from __future__ import annotations

from pathlib import Path

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label
from textual.worker import Worker, WorkerState

from provenance.model import CorpusAnalysis
from tui.components.dialog import buttons
from tui.errorlog import log_error
from tui.plain import plain


class ExportModal(ModalScreen[Path | None]):
    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, analysis: CorpusAnalysis, default: str = "provenance-report.html") -> None:
        super().__init__()
        self.analysis = analysis
        self.default = default

    def compose(self) -> ComposeResult:
        with Vertical(classes="modal"):
            yield Label("Export to (.html, .md, .json, .csv or .tmx):")
            yield Input(value=self.default, id="export-path", compact=True)
            yield Label("", id="export-error", classes="error")
            yield buttons(Button("Export", variant="primary", id="export"),
                          Button("Cancel", id="cancel"))

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
            error = event.worker.error
            log_error("export failed", error)
            self.query_one("#export-error", Label).update(plain(_describe(error)))
        elif event.state == WorkerState.SUCCESS:
            self.app.notify(f"report written to {event.worker.result}", markup=False)
            self.dismiss(event.worker.result)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)


def _describe(error: BaseException | None) -> str:
    """An error as the one line the modal shows (an OSError as the CLI words it)."""
    if isinstance(error, OSError) and error.filename:
        return f"{error.filename}: {error.strerror or error}"
    return str(error)
