"""Parts of a period around a date: "late 2022", 2022年底, 2022년 말, наприкінці 2022 року.

A date quantity followed or preceded by such words gets the part as its ``qualifier``
("early", "mid", "late", "first_half", "second_half") and a span that takes the words in,
so that a relay writing "since 2022" for "since late 2022" shows as a date made less
precise. The words are data: ``provenance/data/quantities/periods.yaml``.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache
from pathlib import Path

from provenance.lang import base, whole_words
from provenance.quantities.model import Quantity

DATA = Path(__file__).resolve().parent.parent / "data" / "quantities" / "periods.yaml"
#: the parts, as a message names them
PARTS = {"early": "early", "mid": "mid", "late": "late", "first_half": "first half of",
         "second_half": "second half of"}


@cache
def _tables() -> dict[str, dict[str, list[tuple[str, str]]]]:
    from ruamel.yaml import YAML

    data = YAML(typ="safe").load(DATA.read_text(encoding="utf-8")) or {}
    out: dict[str, dict[str, list[tuple[str, str]]]] = {}
    for lang, sides in data.items():
        for side, parts in (sides or {}).items():
            words = [(str(w), str(part)) for part, ws in parts.items() for w in ws]
            out.setdefault(str(lang), {})[str(side)] = sorted(words, key=lambda x: -len(x[0]))
    return out


@cache
def _patterns(lang: str) -> tuple[re.Pattern[str] | None, re.Pattern[str] | None]:
    sides = _tables().get(lang, {})
    edge = whole_words(lang)

    def alts(side: str) -> str:
        return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w, _ in sides.get(side, []))

    before = after = None
    if sides.get("before"):
        lead = r"(?<![\w-])" if edge else ""
        # "mid-2022" is written joined; the others before a space ("late 2022")
        before = re.compile(rf"{lead}(?P<w>{alts('before')})(?:\s+|(?<=-))$", re.IGNORECASE)
    if sides.get("after"):
        # Korean: 말 and 초 also open words (말했다 "said", 초청 "invitation")
        trail = r"(?!\w)" if edge else r"(?![했하씀청대기])" if lang == "ko" else ""
        after = re.compile(rf"\s?(?P<w>{alts('after')}){trail}", re.IGNORECASE)
    return before, after


def _part(lang: str, side: str, word: str) -> str | None:
    low = " ".join(word.lower().split())
    return next((part for w, part in _tables().get(lang, {}).get(side, []) if w == low), None)


def mark_period(q: Quantity, text: str, lang: str) -> Quantity:
    """``q`` with the part of the period the text puts around it, if any."""
    if q.kind != "date" or q.qualifier or not q.date or "T" in q.date:
        return q
    code = base(lang)
    if code not in _tables():
        return q
    before, after = _patterns(code)
    if before is not None and (m := before.search(text, max(0, q.start - 40), q.start)):
        part = _part(code, "before", m.group("w"))
        if part:
            return replace(q, qualifier=part, start=m.start("w"), text=text[m.start("w"):q.end])
    if after is not None and (m := after.match(text, q.end)):
        part = _part(code, "after", m.group("w"))
        if part:
            return replace(q, qualifier=part, end=m.end("w"), text=text[q.start:m.end("w")])
    return q
