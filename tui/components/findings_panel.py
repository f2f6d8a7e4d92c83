"""The findings of the selected row, one line each, with severity and kind marks."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.widgets import Static

from provenance.drift.kinds import kind_symbol, severity_level
from provenance.model import Finding
from tui.drift_marks import span_style


class FindingsPanel(Static):
    def show(self, findings: Sequence[Finding], link_label: str) -> None:
        if not findings:
            self.update(Text(f"{link_label}: no drift found here", style="dim"))
            return
        text = Text(f"{link_label}: {len(findings)} finding(s)\n", style="bold")
        for f in findings:
            text.append(f" {severity_level(f.severity).mark} {f.severity:<8}")
            text.append(f" {kind_symbol(f.kind)} {f.kind:<11}", style=span_style(f.kind))
            text.append(f" {f.message}\n")
        self.update(text)
