"""How drift looks in the terminal: Rich styles over the shared drift vocabulary.

Symbols, colours and severity marks live in :mod:`provenance.drift.kinds`, read by the
reports too; this module only turns them into Rich styles.
"""

from __future__ import annotations

from functools import cache

from rich.style import Style

from provenance.drift.kinds import drift_kind


@cache
def span_style(kind: str) -> Style:
    """A drifted span: reverse video in the kind's colour (reverse survives NO_COLOR)."""
    return Style(color=drift_kind(kind).terminal, reverse=True, bold=True)


TERM_STYLE = Style(underline=True)
