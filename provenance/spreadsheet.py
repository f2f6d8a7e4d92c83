"""Cells a spreadsheet shows as text and never runs as a formula.

A CSV cell starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is a
formula to Excel, LibreOffice and Google Sheets (``=cmd|' /c calc'!A1``,
``@SUM(A1:A9)``, ``=HYPERLINK(...)``): article text, finding messages and glossary forms
are written through :func:`safe_cell`, which puts an apostrophe in front (the
spreadsheets' own mark for "text", not shown in the cell). A cell that already starts
with apostrophes before such a character gets one more, so :func:`read_cell` gives back
exactly the text that was written: the glossary CSV round-trips.
"""

from __future__ import annotations

#: What makes a spreadsheet read a cell as a formula (OWASP's list).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _escaped(text: str) -> bool:
    """``text`` is apostrophes followed by a formula start (e.g. ``'=x``, ``''@y``)."""
    return text.startswith("'") and text.lstrip("'").startswith(FORMULA_START)


def safe_cell(text: str) -> str:
    """``text`` as a cell that is shown, never evaluated."""
    if text.startswith(FORMULA_START) or _escaped(text):
        return "'" + text
    return text


def read_cell(text: str) -> str:
    """The text :func:`safe_cell` was given, from the cell it wrote."""
    return text[1:] if _escaped(text) else text
