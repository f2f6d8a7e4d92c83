"""How each drift kind looks: a colour and a symbol, so the UI reads without colour too."""

from __future__ import annotations

from rich.style import Style

# kind -> (symbol, colour). The symbol is shown before every highlighted span and in the
# drift column; reverse video marks the span itself, which survives NO_COLOR.
KIND_MARKS: dict[str, tuple[str, str]] = {
    "number": ("#", "red"),
    "date": ("@", "magenta"),
    "entity": ("&", "yellow"),
    "term": ("~", "cyan"),
    "attribution": ("»", "blue"),
    "certainty": ("?", "green"),
    "negation": ("!", "bright_red"),
    "relation": ("%", "bright_magenta"),
    "omission": ("-", "bright_black"),
    "addition": ("+", "bright_green"),
}
SEVERITY_MARKS = {"minor": "·", "major": "▲", "critical": "✖"}


def mark(kind: str) -> str:
    return KIND_MARKS.get(kind, ("*", "white"))[0]


def span_style(kind: str) -> Style:
    colour = KIND_MARKS.get(kind, ("*", "white"))[1]
    return Style(color=colour, reverse=True, bold=True)


TERM_STYLE = Style(underline=True)
