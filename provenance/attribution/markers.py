"""Citation markers left by aggregators and AI summaries: "Journal12", "goal1.", "[3]".

Such footnote digits, glued to the last word of a sentence or clause, are how answer
engines point at their numbered sources. They survive copy-and-paste into a re-report
and are a strong sign that the text was compiled from several web sources rather than
translated from one foreign article.
"""

from __future__ import annotations

import re

# Digits glued to a lowercase word end, a closing quote or bracket, followed by a
# boundary. Requiring lowercase before the digits keeps "G7", "F-35", "A320" out.
_GLUED = re.compile(r"(?<=[a-z][a-z])(\d{1,3})(?=[\s.,;:!?)\]]|$)"
                    r"|(?<=[\"”’'.,;)])(\d{1,3})(?=[\s.,;]|$)")
_BRACKETED = re.compile(r"\[(\d{1,3})\]")
# Units and ordinals that look glued but are not markers ("km2", "1st" is not lowercase-first).
_NOT_MARKERS = re.compile(r"(?:km|cm|mm|m|ft|mp|h|x|co|no|vol|ch|pt|p)$", re.IGNORECASE)


def citation_markers(text: str) -> list[tuple[int, int]]:
    """Spans (start, end) of footnote digits in ``text``, in order.

    >>> citation_markers("the Journal reported12. That goal1.")
    [(20, 22), (32, 33)]
    """
    spans: list[tuple[int, int]] = []
    for m in _GLUED.finditer(text):
        group = 1 if m.group(1) else 2
        start, end = m.span(group)
        if group == 1:
            word = re.search(r"[A-Za-z]+$", text[:start])
            if word and _NOT_MARKERS.fullmatch(word.group(0)):
                continue
        elif re.search(r"\d[.,]$", text[:start]):
            continue  # "5.9" or "1,000": a decimal, not a marker after a full stop
        spans.append((start, end))
    spans += [m.span(1) for m in _BRACKETED.finditer(text)]
    return sorted(spans)
