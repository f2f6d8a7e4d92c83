"""The findings of the selected row, one line each, with severity and kind marks."""

from __future__ import annotations

from collections.abc import Sequence

from rich.cells import cell_len
from rich.text import Text
from textual.widgets import Static

from provenance.drift.kinds import kind_symbol, severity_level
from provenance.model import Finding
from tui.drift_marks import span_style


class FindingsPanel(Static):
    """Shown under the aligned table; it changes with every cursor move, so it asks for
    a new screen layout only when its height changes (a layout redraws every widget)."""

    _height: int | None = None

    def show(self, findings: Sequence[Finding], link_label: str) -> None:
        if not findings:
            self._show(Text(f"{link_label}: no drift found here", style="dim"))
            return
        text = Text(f"{link_label}: {len(findings)} finding(s)\n", style="bold")
        for f in findings:
            text.append(f" {severity_level(f.severity).mark} {f.severity:<8}")
            text.append(f" {kind_symbol(f.kind)} {f.kind:<11}", style=span_style(f.kind))
            text.append(f" {f.message}\n")
        self._show(text)

    def _show(self, text: Text) -> None:
        height = self._lines(text)
        self.update(text, layout=height is None or height != self._height)
        self._height = height

    def _lines(self, text: Text) -> int | None:
        """Lines ``text`` takes in the panel, None when a line may wrap (only a layout
        can tell then)."""
        width = self.content_region.width
        lines = text.plain.split("\n")
        if not width or any(cell_len(line) >= width for line in lines):
            return None
        return len(lines)
