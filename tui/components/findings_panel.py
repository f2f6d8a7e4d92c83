"""The findings of the selected row, one line each, with severity and kind marks."""

from __future__ import annotations

from collections.abc import Sequence

from rich.cells import cell_len
from rich.text import Text
from textual.widgets import Static

from provenance.crosslingual.wordlink import WordLink
from provenance.drift.kinds import kind_symbol, severity_level
from provenance.model import Finding
from tui.drift_marks import span_style


class FindingsPanel(Static):
    """Shown under the aligned table; it changes with every cursor move, so it asks for
    a new screen layout only when its height changes (a layout redraws every widget)."""

    _height: int | None = None

    def show(self, findings: Sequence[Finding], link_label: str,
             words: Sequence[WordLink] = ()) -> None:
        """The row's findings, and the words matched across its two sides (a foreign
        sentence beside an English one), so a reader sees why they were paired."""
        if not findings:
            text = Text(f"{link_label}: no drift found here", style="dim")
            if words:
                text.append("\n")
        else:
            text = Text(f"{link_label}: {len(findings)} finding(s)\n", style="bold")
            for f in findings:
                text.append(f" {severity_level(f.severity).mark} {f.severity:<8}")
                text.append(f" {kind_symbol(f.kind)} {f.kind:<11}", style=span_style(f.kind))
                text.append(f" {f.message}\n")
        if words:
            text.append(" matched words: ", style="bold")
            for n, link in enumerate(words):
                text.append(" · " if n else "")
                text.append(f"{link.src_text} → {link.tgt_text}")
                text.append(f" ({link.kind})", style="dim")
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
