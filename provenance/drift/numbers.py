"""Number drift: a value, its scale, its unit or currency, or its qualifier changed.

Quantities are compared language-neutrally (59亿美元 = $5.9 billion). A quantity found on
one side only is reported as minor: extraction is not perfect, and a translator may
fold "two" into a word. A quantity paired with a different one is major, and a scale
error (x10, x100, x1000...) is critical: it is the classic 亿/万 or billion/million slip.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from provenance.drift.base import LinkDetector
from provenance.facts import SentenceFacts
from provenance.model import Finding, Link

if TYPE_CHECKING:
    from provenance.quantities import Quantity

QUALIFIER_WORDS = {"at_least": "at least", "more_than": "more than", "less_than": "less than",
                   "at_most": "at most", "about": "about"}
# "about" is often dropped by translators; bounds change what is claimed.
_SOFT_QUALIFIERS = {"about", None}


def _scale(ratio: float) -> int | None:
    """The power of ten (1..9) a ratio is, within 2%, else None."""
    if ratio <= 0:
        return None
    exponent = round(math.log10(ratio))
    if exponent == 0:
        return None
    return exponent if abs(ratio / 10 ** exponent - 1) < 0.02 else None


def _fmt(q: Quantity) -> str:
    return f"“{q.text}”"


def _same_sort(a: Quantity, b: Quantity) -> bool:
    """Whether two different values can be the same quantity mistranslated: same kind
    (a plain number may stand for a count), and no conflicting counted unit."""
    kinds = {a.kind, b.kind}
    if a.kind != b.kind and kinds != {"number", "count"}:
        return False
    return not (a.unit and b.unit and a.unit != b.unit)


def _has_digit(q: Quantity) -> bool:
    return any(ch.isdigit() for ch in q.text)


def _same_value(a: Quantity, b: Quantity) -> bool:
    if a.value is None or b.value is None:
        return False
    return math.isclose(a.value, b.value, rel_tol=1e-6)


class NumberDrift(LinkDetector):
    """Values, scales, units, currencies and qualifiers of numbers, money, percentages."""

    name = "numbers"
    kinds = ("number",)

    def compare(self, link: Link, src: list[SentenceFacts], tgt: list[SentenceFacts]
                ) -> list[Finding]:
        s_items = [(f.index, q) for f in src for q in f.numeric]
        t_items = [(f.index, q) for f in tgt for q in f.numeric]
        findings: list[Finding] = []
        pairs: list[tuple[tuple[int, Quantity], tuple[int, Quantity], str]] = []
        # 1. identical values first, so that a changed one is paired with what is left
        for s in list(s_items):
            for t in t_items:
                if s[1].compare(t[1]).verdict == "same":
                    pairs.append((s, t, "same"))
                    s_items.remove(s)
                    t_items.remove(t)
                    break
        # 2. what is left pairs with the closest comparable quantity, in reading order
        for s in list(s_items):
            best: tuple[float, tuple[int, Quantity]] | None = None
            for t in t_items:
                cmp = s[1].compare(t[1])
                if cmp.verdict != "different" or not _same_sort(s[1], t[1]):
                    continue
                distance = abs(math.log10(cmp.ratio)) if cmp.ratio and cmp.ratio > 0 else 9.0
                if (s[1].unit or s[1].currency) == (t[1].unit or t[1].currency):
                    distance -= 0.5  # same unit: most likely the same quantity, mistranslated
                if best is None or distance < best[0]:
                    best = (distance, t)
            if best is not None:
                pairs.append((s, best[1], "different"))
                s_items.remove(s)
                t_items.remove(best[1])
        for s, t, verdict in pairs:
            findings.extend(self._compare(link, s, t, verdict))
        # a number with no counterpart in the unit is judged article-wide (coverage)
        return findings

    def _compare(self, link: Link, s: tuple[int, Quantity], t: tuple[int, Quantity],
                 verdict: str) -> list[Finding]:
        (i, a), (j, b) = s, t
        spans = {"src_spans": [(i, a.start, a.end)], "tgt_spans": [(j, b.start, b.end)]}
        evidence = {"src_value": a.value, "tgt_value": b.value, "src_unit": a.unit,
                    "tgt_unit": b.unit, "src_currency": a.currency, "tgt_currency": b.currency,
                    "src_qualifier": a.qualifier, "tgt_qualifier": b.qualifier}
        found: list[Finding] = []
        if verdict == "same":
            if a.currency and b.currency and a.currency != b.currency:
                found.append(self.finding(
                    "number", "major", link.src, link.tgt,
                    f"currency changed: {_fmt(a)} ({a.currency}) became {_fmt(b)} ({b.currency})",
                    **spans, **evidence, change="currency"))
            elif a.unit and b.unit and a.unit != b.unit:
                # translators pick other counted nouns ("missions" for "launches"): minor
                found.append(self.finding(
                    "number", "minor", link.src, link.tgt,
                    f"counted thing changed: {_fmt(a)} ({a.unit}) became {_fmt(b)} ({b.unit})",
                    **spans, **evidence, change="unit"))
        if verdict == "different":
            cmp = a.compare(b)
            evidence["notes"] = list(cmp.notes)
            if a.currency and b.currency and a.currency != b.currency:
                found.append(self.finding(
                    "number", "major", link.src, link.tgt,
                    f"currency changed: {_fmt(a)} ({a.currency}) became {_fmt(b)} ({b.currency})",
                    **spans, **evidence, change="currency"))
            elif _same_value(a, b):
                found.append(self.finding(
                    "number", "major", link.src, link.tgt,
                    f"unit changed: {_fmt(a)} became {_fmt(b)}", **spans, **evidence,
                    change="unit"))
            else:
                ratio = (b.value / a.value) if a.value and b.value else None
                scale = _scale(ratio) if ratio else None
                if scale is not None:
                    factor = 10 ** abs(scale)
                    direction = "larger" if scale > 0 else "smaller"
                    found.append(self.finding(
                        "number", "critical", link.src, link.tgt,
                        f"scale error: {_fmt(a)} became {_fmt(b)}, {factor:g} times {direction}",
                        **spans, **evidence, change="scale", ratio=ratio))
                else:
                    found.append(self.finding(
                        "number", "major", link.src, link.tgt,
                        f"number changed: {_fmt(a)} became {_fmt(b)}", **spans, **evidence,
                        change="value", ratio=ratio))
        if a.qualifier != b.qualifier:
            # a bound dropped or added is minor (translators fold "more than" into 以上,
            # which extraction may miss); a bound turned around ("at least" -> "at most")
            # changes the claim
            soft = a.qualifier is None or b.qualifier is None or (
                a.qualifier in _SOFT_QUALIFIERS and b.qualifier in _SOFT_QUALIFIERS)
            if b.qualifier is None:
                what = f"qualifier “{QUALIFIER_WORDS.get(a.qualifier or '', a.qualifier)}” dropped"
            elif a.qualifier is None:
                what = f"qualifier “{QUALIFIER_WORDS.get(b.qualifier, b.qualifier)}” added"
            else:
                what = (f"qualifier changed from “{QUALIFIER_WORDS.get(a.qualifier, a.qualifier)}” "
                        f"to “{QUALIFIER_WORDS.get(b.qualifier, b.qualifier)}”")
            found.append(self.finding(
                "number", "minor" if soft else "major", link.src, link.tgt,
                f"{what}: {_fmt(a)} became {_fmt(b)}", **spans, **evidence, change="qualifier"))
        return found
