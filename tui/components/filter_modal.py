"""Choose which drift kinds and which minimum severity the compare screen shows."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Label, RadioButton, RadioSet, SelectionList

from provenance.drift.kinds import kind_symbol
from provenance.model import SEVERITIES
from tui.components.dialog import buttons


class FilterModal(ModalScreen[tuple[set[str], str] | None]):
    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, kinds: list[str], chosen: set[str], min_severity: str) -> None:
        super().__init__()
        self.kinds, self.chosen, self.min_severity = kinds, chosen, min_severity

    def compose(self) -> ComposeResult:
        with Vertical(classes="modal"):
            yield Label("Show these kinds (none ticked = all)")
            yield SelectionList[str](
                *[(f"{kind_symbol(k)} {k}", k, k in self.chosen) for k in self.kinds], id="kinds")
            with Horizontal(classes="field"):
                yield Label("At least")
                with RadioSet(id="severity", compact=True):
                    for severity in SEVERITIES:
                        yield RadioButton(severity, value=severity == self.min_severity,
                                          compact=True)
            yield buttons(Button("Apply", variant="primary", id="apply"),
                          Button("Cancel", id="cancel"))

    @on(Button.Pressed, "#apply")
    def _apply(self) -> None:
        kinds = set(self.query_one("#kinds", SelectionList).selected)
        pressed = self.query_one("#severity", RadioSet).pressed_index
        self.dismiss((kinds, SEVERITIES[max(pressed, 0)]))

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
