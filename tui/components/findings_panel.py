"""The findings of the selected row, one line each, with severity and kind marks."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.widgets import Static

from provenance.model import Finding
from tui.drift_marks import SEVERITY_MARKS, mark, span_style


class FindingsPanel(Static):
    def show(self, findings: Sequence[Finding], link_label: str) -> None:
        if not findings:
            self.update(Text(f"{link_label}: no drift found here", style="dim"))
            return
        text = Text(f"{link_label}: {len(findings)} finding(s)\n", style="bold")
        for f in findings:
            text.append(f" {SEVERITY_MARKS.get(f.severity, '?')} {f.severity:<8}")
            text.append(f" {mark(f.kind)} {f.kind:<11}", style=span_style(f.kind))
            text.append(f" {f.message}\n")
        self.update(text)
