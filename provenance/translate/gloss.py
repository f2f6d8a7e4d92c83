"""The ``gloss`` backend: an English skeleton of each sentence, with no model at all.

When no translation model is installed, a Chinese, Korean or Ukrainian sentence is still
comparable with English through what survives translation unchanged in meaning: names
and terms (glossary concepts, written as their English canonical form), quantities
(normalised: 59亿美元 and 5,9 млрд доларів both become "$5.9 billion") and words already
in Latin script (brand names such as "SpaceX"). The skeleton keeps them in source order:

    据《华尔街日报》报道，SpaceX获得59亿美元合同  ->  "The Wall Street Journal SpaceX $5.9 billion"

Everything else is dropped, so similarity scores see names and numbers, not noise.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING, Any

from provenance import __version__
from provenance.translate.base import Translator

if TYPE_CHECKING:
    from provenance.glossary import Glossary
    from provenance.quantities import Quantity

#: bump when the skeleton's shape changes, so cached skeletons are not reused
GLOSS_VERSION = "1"

_LATIN_TOKEN = re.compile(r"[A-Za-z0-9][A-Za-z0-9&'’.\-]*[A-Za-z0-9]|[A-Za-z]")
_QUALIFIERS = {"at_least": "at least", "more_than": "more than", "less_than": "less than",
               "at_most": "at most", "about": "about"}


class GlossTranslator(Translator):
    """English skeletons: glossary canonical forms, quantities and Latin-script words."""

    name = "gloss"
    cacheable = True

    def __init__(self, src_lang: str, tgt_lang: str, *, glossary: Glossary | None = None,
                 published: dt.date | None = None) -> None:
        if glossary is None:
            from provenance.glossary import default_glossary

            glossary = default_glossary()
        self.glossary = glossary
        self.published = published
        super().__init__(src_lang, tgt_lang,
                         version=f"{GLOSS_VERSION}+glossary:{glossary.digest}+{__version__}")

    def _translate_batch(self, sentences: list[str]) -> list[str]:
        return [self.skeleton(s) for s in sentences]

    def skeleton(self, sentence: str) -> str:
        """The English skeleton of one sentence (empty when nothing carries over)."""
        from provenance.quantities import extract_quantities

        pieces: list[tuple[int, int, str]] = []
        for match in self.glossary.match(sentence, self.src_lang):
            pieces.append((match.start, match.end, match.canonical))
        taken = [(s, e) for s, e, _ in pieces]
        for quantity in extract_quantities(sentence, self.src_lang, self.published):
            if not _overlaps(quantity.start, quantity.end, taken):
                pieces.append((quantity.start, quantity.end, render_quantity(quantity)))
                taken.append((quantity.start, quantity.end))
        for token in _LATIN_TOKEN.finditer(sentence):
            if not _overlaps(token.start(), token.end(), taken):
                pieces.append((token.start(), token.end(), token.group()))
        pieces.sort(key=lambda p: (p[0], p[1]))
        return " ".join(text for _, _, text in pieces if text)

    def signature_fields(self) -> dict[str, Any]:
        return {**super().signature_fields(), "glossary": self.glossary.digest}


def _overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(start < e and s < end for s, e in spans)


def render_quantity(q: Quantity) -> str:
    """A quantity as an English newspaper writes it: "$5.9 billion", "at least 28 flights".

    Uses ``Quantity.render()`` (normalised, so it reads the same whatever language the
    quantity was found in), except that dates are spelled "June 26, 2025" as in English
    prose rather than ISO 8601, so that string similarity sees them.
    """
    if q.kind in ("date", "time") and not q.date:
        return ""  # "本月" with no publication date to resolve it: nothing English to say
    if q.kind == "date" and q.date:
        text = " to ".join(_render_date(part) for part in q.date.split("/"))
        qualifier = _QUALIFIERS.get(q.qualifier or "")
        return f"{qualifier} {text}" if qualifier else text
    return q.render()


def _render_date(iso: str) -> str:
    """``2025-06-26`` -> "June 26, 2025"; partial dates keep only what is known."""
    # ISO 8601 with optional parts: 2025-06-26, 2025-06, 2025, --06-26 (year unknown)
    match = re.match(r"(\d{4})?(?:-{1,2}(\d{2}))?(?:-(\d{2}))?", iso.removeprefix("--"))
    if iso.startswith("--"):
        match = re.match(r"()(\d{2})-(\d{2})", iso[2:])
    if not match or not any(match.groups()):
        return iso
    year, month, day = (g or None for g in match.groups())
    if not month or not 1 <= int(month) <= 12:
        return year or iso
    name = dt.date(2000, int(month), 1).strftime("%B")
    if day:
        return f"{name} {int(day)}, {year}" if year else f"{name} {int(day)}"
    return f"{name} {year}" if year else name
