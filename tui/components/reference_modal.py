"""Pick the article every relay is compared with."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from provenance.model import Article, CorpusAnalysis
from tui.plain import plain

#: Characters of an article's outlet or title shown (the dialog is 64 wide at 80x24).
LABEL_WIDTH = 38


class ReferenceModal(ModalScreen[str | None]):
    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, analysis: CorpusAnalysis) -> None:
        super().__init__()
        self.analysis = analysis

    def compose(self) -> ComposeResult:
        current = self.analysis.reference_id
        with Vertical(classes="modal"):
            yield Label("Compare every relay with (● the reference now):")
            yield OptionList(*[Option(self._line(a, a.id == current), id=a.id)
                               for a in self.analysis.articles], id="references")

    @staticmethod
    def _line(article: Article, current: bool) -> Text:
        label = article.label if article.label != article.id else ""
        if len(label) > LABEL_WIDTH:  # one line per article: 200 of them must scroll fast
            label = label[:LABEL_WIDTH - 1] + "…"
        return plain(f"{'●' if current else ' '} {article.id[:12]}  {article.lang:<5} {label}",
                     "bold" if current else "")

    def on_mount(self) -> None:
        # The cursor starts on the reference in use: Enter keeps it, a move picks another.
        ids = [a.id for a in self.analysis.articles]
        if self.analysis.reference_id in ids:
            self.query_one(OptionList).highlighted = ids.index(self.analysis.reference_id)

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)
