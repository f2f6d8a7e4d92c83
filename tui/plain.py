"""Article text and metadata on screen as text, never as markup.

Titles, outlets, ids, file names and sentences come from the web: "[/PHOTO]" in a
caption, "[link=...]" in an outlet, "[en]" in a tag. Handed to a widget as a string,
Textual and Rich read them as markup (and crash, or drop the tag silently). Everything
that holds data goes through :func:`plain` (or :func:`styled` for parts of a line), and
notifications that quote data are sent with ``markup=False``.
"""

from __future__ import annotations

from rich.text import Text


def plain(value: object, style: str = "") -> Text:
    """``value`` as one Rich ``Text``, shown as it is written."""
    return Text("" if value is None else str(value), style=style, end="")


def styled(*parts: str | tuple[str, str]) -> Text:
    """A line assembled from plain strings and ``(text, style)`` pairs; no part is
    parsed as markup."""
    text = Text(end="")
    for part in parts:
        if isinstance(part, tuple):
            text.append(part[0], style=part[1])
        else:
            text.append(part)
    return text
