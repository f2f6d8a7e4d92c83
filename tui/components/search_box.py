"""A search box that owns the keyboard while it has the focus.

Typed into, every printable key is text: "space" is a query, not ``a`` (add a form)
after ``sp``, and "blue" does not open the export dialog on its ``e``. The box lets go
of the keyboard on Escape (or Down), handing the focus to the widget it searches, where
the screen's keys work again. :func:`typing` tells ``check_action`` when a text field
has the keyboard, so footers do not offer letter keys that would only be typed.
"""

from __future__ import annotations

from textual.app import App
from textual.binding import Binding
from textual.keys import _character_to_key
from textual.widgets import Input, TextArea


class SearchBox(Input):
    """An :class:`Input` whose Escape and Down hand the focus to ``target``."""

    BINDINGS = [
        Binding("escape", "leave", "To the results"),
        Binding("down", "leave", "Results", show=False),
    ]

    def __init__(self, *, target: str, hide_on_leave: bool = False, **kwargs: object) -> None:
        """``target``: a selector of the widget searched; ``hide_on_leave``: a box that
        appears on demand (``/``) disappears again when left."""
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.target = target
        self.hide_on_leave = hide_on_leave

    def action_leave(self) -> None:
        if self.hide_on_leave:
            self.display = False
        self.screen.query_one(self.target).focus()


def typing(app: App[object]) -> bool:
    """Whether a text field has the keyboard (printable keys go into it)."""
    return isinstance(app.focused, Input | TextArea)


#: The names of the keys that type a character (``a``, ``question_mark``, ``slash``).
#: (Textual names keys with this function; there is no public inverse of it.)
TYPED_KEYS = frozenset(_character_to_key(chr(code)) for code in range(32, 127))


def letter_actions(bindings: list[Binding]) -> frozenset[str]:
    """The actions of ``bindings`` bound to a key that types a character."""
    return frozenset(binding.action for binding in bindings
                     if any(key.strip() in TYPED_KEYS for key in binding.key.split(",")))
