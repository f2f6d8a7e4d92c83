"""The parts every dialog is built from, laid out to fit an 80x24 terminal.

A field is one line: its label beside a borderless input. The buttons sit in a row
docked at the bottom of the dialog, so that when a dialog is taller than the terminal
its fields scroll and the buttons stay in view (``app.tcss`` has the rules).
"""

from __future__ import annotations

from textual.containers import Horizontal
from textual.widget import Widget
from textual.widgets import Button, Label


def field(label: str, widget: Widget) -> Horizontal:
    """``label`` and the widget that holds its value, on one line."""
    return Horizontal(Label(label), widget, classes="field")


def buttons(*row: Button) -> Horizontal:
    """The dialog's buttons, left to right, the default one first."""
    return Horizontal(*row, classes="buttons")
