"""A screen that draws the app's analysis: once mounted, and again at every resize
(column widths follow the terminal)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.screen import Screen

if TYPE_CHECKING:
    from provenance.model import CorpusAnalysis


class AnalysisScreen(Screen[None]):
    """Subclasses implement ``show_analysis``; the app also calls it when a new analysis
    is ready."""

    def show_analysis(self, analysis: CorpusAnalysis) -> None:
        raise NotImplementedError

    def redraw(self) -> None:
        if self.app.analysis is not None:  # type: ignore[attr-defined]
            self.show_analysis(self.app.analysis)  # type: ignore[attr-defined]

    # Textual calls these handlers of every class in the MRO: a subclass's own on_resize
    # runs first, then this one draws.
    def on_mount(self) -> None:
        self.redraw()

    def on_resize(self) -> None:
        self.redraw()
