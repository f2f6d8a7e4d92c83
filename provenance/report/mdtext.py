"""Text safe in Markdown: escaping, code spans and clipping, shared by the Markdown
report's sections.

Article text is backslash-escaped (CommonMark escapes any ASCII punctuation), so a
``<script>`` in an article shows as text on any renderer and a ``|`` cannot break a
table.
"""

from __future__ import annotations

# Only what can start markup mid-line: emphasis, code, links, raw HTML, tables,
# strikethrough, entities and (on GitHub) math. Nothing of ours starts a line with text.
# Line breaks become spaces: a table row is one line. (str.translate: the report of
# 10,000 articles escapes a million pieces of text.)
_ESCAPES = str.maketrans({c: "\\" + c for c in "\\`*_[]<>|~&$"}
                         | {c: " " for c in "\n\r\t\v\f\x85\u2028\u2029"})


def md(text: object) -> str:
    """Text safe inside a Markdown paragraph or table cell: one line, punctuation escaped."""
    return str(text).translate(_ESCAPES)


def code(text: str, in_table: bool = False) -> str:
    """A code span; in a table, ``|`` is escaped as GFM requires (it still renders as |)."""
    text = text.replace("`", "'")
    return "`" + (text.replace("|", "\\|") if in_table else text) + "`"


def clip(text: str, limit: int) -> str:
    """``text`` on one line, cut to ``limit`` characters with an ellipsis."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
