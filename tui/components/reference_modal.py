"""Pick the article every relay is compared with."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from provenance.model import CorpusAnalysis
from tui.plain import plain


class ReferenceModal(ModalScreen[str | None]):
    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, analysis: CorpusAnalysis) -> None:
        super().__init__()
        self.analysis = analysis

    def compose(self) -> ComposeResult:
        with Vertical(classes="modal"):
            yield Label("Compare every relay with:")
            yield OptionList(*[
                Option(plain(f"{'● ' if a.id == self.analysis.reference_id else '  '}{a.id} "
                             f"{a.outlet or ''} ({a.lang})"), id=a.id)
                for a in self.analysis.articles
            ], id="references")

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)
