"""Number drift: a value, its scale, its unit or currency, or its qualifier changed.

Quantities are compared language-neutrally (59亿美元 = $5.9 billion). A quantity found on
one side only is reported as minor: extraction is not perfect, and a translator may
fold "two" into a word. A quantity paired with a different one is major, and a scale
error (x10, x100, x1000...) is critical: it is the classic 亿/万 or billion/million slip.
"""

from __future__ import annotations

import math
import re
from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING

from provenance.drift.base import LinkDetector
from provenance.facts import SentenceFacts, cues_in
from provenance.model import Finding, Link
from provenance.quantities import extract_quantities
from provenance.quantities.markers import EMPHATIC_CEILINGS
from provenance.quantities.model import format_value
from provenance.quantities.units import UNIT_SCALES, plural_en, unit_words

if TYPE_CHECKING:
    from provenance.drift.context import PairContext
    from provenance.lexicons import Cue
    from provenance.quantities import Quantity

QUALIFIER_WORDS = {"at_least": "at least", "more_than": "more than", "less_than": "less than",
                   "at_most": "at most", "about": "about"}
# "about" is often dropped by translators; bounds change what is claimed.
_SOFT_QUALIFIERS = {"about", None}
#: which way a bound points: a lower bound turned into an upper one reverses the claim
_DIRECTION = {"at_least": "up", "more_than": "up", "at_most": "down", "less_than": "down"}
#: units of a span of time: a count in them is a duration, not an amount of things
_SPANS = frozenset({"year", "month", "week", "day", "hour", "minute", "second", "decade"})


def _word(qualifier: str | None) -> str:
    return QUALIFIER_WORDS.get(qualifier or "", qualifier or "")


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


def _in_units_of(a: Quantity, b: Quantity) -> float | None:
    """``a``'s value expressed in ``b``'s unit (800 miles -> 1,287.48 kilometres)."""
    if a.value is None:
        return None
    if a.unit and b.unit and a.unit != b.unit:
        ua, ub = UNIT_SCALES.get(a.unit), UNIT_SCALES.get(b.unit)
        if ua is None or ub is None or ua[0] != ub[0]:
            return None
        return a.value * ua[1] / ub[1]
    return a.value


def _about(value: float) -> str:
    """A converted value as a reader wants it: 1,287.48 -> "1,287.5"."""
    return f"{value:,.1f}".removesuffix(".0") if value < 1e6 else format_value(value)


def _converted(a: Quantity, b: Quantity) -> bool:
    """Whether ``b`` is ``a`` written in another unit of the same dimension."""
    return bool(a.unit and b.unit and a.unit != b.unit) and a.compare(b).verdict == "same"


def _same_unit(a: Quantity, b: Quantity) -> bool:
    return (a.unit or a.currency) == (b.unit or b.currency)


def _exact(a: Quantity, b: Quantity) -> bool:
    """Same value, or a conversion right to the precision the relay writes (800 miles as
    1,287 km)."""
    exact = _in_units_of(a, b)
    if exact is None or b.value is None or math.isclose(exact, b.value, rel_tol=1e-9):
        return True
    step = _precision(b)
    # the reference's trailing zeros count as written ("800 miles" is 800 exactly)
    given = _precision(a, zeros=False) * (exact / a.value if a.value else 1.0)
    return abs(exact - b.value) <= step / 2 + 1e-9 * abs(exact) and step <= max(1.0, given)


def _precision(q: Quantity, *, zeros: bool = True) -> float:
    """The step a written value is given to: 1,300 -> 100, 5.9 billion -> 0.1 billion,
    $6bn -> 1 billion."""
    m = re.search(r"\d[\d,\s.]*", q.text)
    if not m or not q.value:
        return 1.0
    digits = m.group().strip().rstrip(".,")
    decimals = len(digits.rsplit(".", 1)[1]) if "." in digits else 0
    mantissa = float(re.sub(r"[,\s]", "", digits) or 0)
    if not mantissa:
        return 1.0
    scale = q.value / mantissa  # 1e9 for "5.9 billion", 1 for "1,300"
    whole = re.sub(r"[,\s]", "", digits.split(".")[0])
    trailing = len(whole) - len(whole.rstrip("0")) if (
        zeros and not decimals and whole.strip("0")) else 0
    return scale * 10 ** (trailing - decimals)


#: words that make an amount approximate whatever its qualifier ("two dozen", "десятки")
_APPROXIMATE = re.compile(r"dozen|score|десят[оки]|几十|幾十|数十|數十|수십", re.IGNORECASE)


def _approximate(q: Quantity) -> bool:
    return q.qualifier == "about" or bool(_APPROXIMATE.search(q.text))


def _rounding(a: Quantity, b: Quantity) -> bool:
    """Whether ``b`` is ``a`` rounded to the precision ``b`` is written to ($5.9bn as
    $6bn; 800 miles as 1,300 km)."""
    exact = _in_units_of(a, b)
    if exact is None or b.value is None or not exact:
        return False
    step = _precision(b)
    return abs(exact - b.value) <= step / 2 + 1e-9 * abs(exact) and abs(
        b.value / exact - 1) < 0.1


class NumberDrift(LinkDetector):
    """Values, scales, units, currencies and qualifiers of numbers, money, percentages."""

    name = "numbers"
    kinds = ("number",)

    def detect(self, pair: PairContext) -> list[Finding]:
        return [_mended(pair, f) for f in super().detect(pair)]

    def compare(self, link: Link, src: list[SentenceFacts], tgt: list[SentenceFacts]
                ) -> list[Finding]:
        s_items = [(f.index, q) for f in src for q in f.numeric]
        t_items = [(f.index, q) for f in tgt for q in f.numeric]
        findings: list[Finding] = []
        pairs: list[tuple[tuple[int, Quantity], tuple[int, Quantity], str]] = []
        # 1. identical values first (the same unit before a conversion), so that a
        # changed one is paired with what is left
        for exact in (True, False):
            for s in list(s_items):
                for t in t_items:
                    cmp = s[1].compare(t[1])
                    if cmp.verdict == "same" and (not exact or cmp.ratio in (None, 1.0)):
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
        # a conversion the relay adds beside the value ("800-mile (1,300 kilometers)")
        for t in t_items:
            s = next((p[0] for p in pairs if _converted(p[0][1], t[1])), None)
            if s is not None and not _exact(s[1], t[1]):
                findings.append(self._rounded(link, s, t, added=True))
        findings.extend(self._vague(link, src, tgt, s_items, t_items))
        # a number with no counterpart in the unit is judged article-wide (coverage)
        return findings

    def _vague(self, link: Link, src: list[SentenceFacts], tgt: list[SentenceFacts],
               s_left: list[tuple[int, Quantity]], t_left: list[tuple[int, Quantity]]
               ) -> list[Finding]:
        """A count left without counterpart where the other side has a vague amount:
        "at least twice" rendered "multiple times", "several officials" rendered "two"."""
        for side_left, other, direction in ((s_left, tgt, "vague"), (t_left, src, "exact")):
            # a span of time ("less than two weeks") or a measure ("800 miles") is no
            # amount of what "some" or "many times" counts
            counts = [(k, q) for k, q in side_left if q.kind in ("count", "number")
                      and q.value is not None and q.value >= 2 and q.unit not in _SPANS
                      and q.unit not in UNIT_SCALES and not _bare_year(q)]
            vague = cues_in(other, "vague_quantity")
            if counts and vague and _of_occasions(vague[0][1], other):
                # "many times" is made exact by "twice", not by "two former aides"
                counted = src if direction == "vague" else tgt
                texts = {f.index: f.text for f in counted}
                counts = [(k, q) for k, q in counts
                          if _occasions(q, texts.get(k, ""), counted[0].lang)]
            if not counts or not vague:
                continue
            (k, q), (m, cue) = counts[0], vague[0]
            if direction == "vague":
                message = (f"amount made vague: the reference's {_fmt(q)} is “{cue.text}” "
                           "in the relay")
                spans = {"src_spans": [(k, q.start, q.end)],
                         "tgt_spans": [(m, cue.start, cue.end)]}
            else:
                message = (f"vague amount made exact: the reference's “{cue.text}” is "
                           f"{_fmt(q)} in the relay")
                spans = {"src_spans": [(m, cue.start, cue.end)],
                         "tgt_spans": [(k, q.start, q.end)]}
            return [self.finding("number", "minor", link.src, link.tgt, message, **spans,
                                 change=direction, value=q.value, lexicon=cue.text)]
        return []

    def _qualifier(self, link: Link, s: tuple[int, Quantity], t: tuple[int, Quantity],
                   spans: dict, evidence: dict) -> Finding:
        """A bound dropped, added or turned around ("at least 20 years" -> "20 years").

        A bound dropped or added is minor: translators fold "more than" into 以上, which
        extraction may miss, and a headline drops "at least" for brevity. A bound turned
        around ("at least" -> "up to", "more than" -> "less than") changes the claim.
        ("about" comes and goes in ordinary translation and is not reported.)
        """
        (_, a), (_, b) = s, t
        qa, qb = _word(a.qualifier), _word(b.qualifier)
        if not b.qualifier or b.qualifier == "about":
            what, severity = f"the relay drops “{qa}”", "minor"
        elif not a.qualifier or a.qualifier == "about":
            what, severity = f"the relay adds “{qb}”", "minor"
        else:
            turned = {_DIRECTION.get(a.qualifier), _DIRECTION.get(b.qualifier)} == {"up", "down"}
            what, severity = f"“{qa}” became “{qb}”", "major" if turned else "minor"
        return self.finding(
            "number", severity, link.src, link.tgt,
            f"quantifier changed: the reference's {_fmt(a)} is {_fmt(b)} in the relay ({what})",
            **spans, **evidence, change="qualifier")

    def _rounded(self, link: Link, s: tuple[int, Quantity], t: tuple[int, Quantity], *,
                 added: bool = False) -> Finding:
        """A value the relay rounds (in a unit conversion or not): minor, worth a look."""
        (i, a), (j, b) = s, t
        cmp = a.compare(b)
        exact = _in_units_of(a, b)
        shown = f" (= {_about(exact)} {plural_en(b.unit, exact)})" \
            if exact is not None and b.unit and a.unit != b.unit else ""
        what = "adds a rounded conversion" if added else "rounds"
        return self.finding(
            "number", "minor", link.src, link.tgt,
            f"rounded: the reference's “{a.text}”{shown} is “{b.text}” in the relay "
            f"(the relay {what})",
            src_spans=[(i, a.start, a.end)], tgt_spans=[(j, b.start, b.end)],
            change="rounded", src_value=a.value, tgt_value=b.value, src_unit=a.unit,
            tgt_unit=b.unit, exact=exact, ratio=cmp.ratio, notes=list(cmp.notes))

    def _compare(self, link: Link, s: tuple[int, Quantity], t: tuple[int, Quantity],
                 verdict: str) -> list[Finding]:
        (i, a), (j, b) = s, t
        spans = {"src_spans": [(i, a.start, a.end)], "tgt_spans": [(j, b.start, b.end)]}
        evidence = {"src_value": a.value, "tgt_value": b.value, "src_unit": a.unit,
                    "tgt_unit": b.unit, "src_currency": a.currency, "tgt_currency": b.currency,
                    "src_qualifier": a.qualifier, "tgt_qualifier": b.qualifier}
        found: list[Finding] = []
        if verdict == "same" and not _exact(a, b) and _rounding(a, b):
            found.append(self._rounded(link, s, t))
        # the same value with another counted noun ("28 missions", "28 flights") is
        # wording, not drift; with another currency it is not the same amount
        if verdict == "same" and a.currency and b.currency and a.currency != b.currency:
            found.append(self.finding(
                "number", "major", link.src, link.tgt,
                f"currency changed: the reference's {_fmt(a)} ({a.currency}) is {_fmt(b)} "
                f"({b.currency}) in the relay", **spans, **evidence, change="currency"))
        if verdict == "different":
            cmp = a.compare(b)
            evidence["notes"] = list(cmp.notes)
            if a.currency and b.currency and a.currency != b.currency:
                found.append(self.finding(
                    "number", "major", link.src, link.tgt,
                    f"currency changed: the reference's {_fmt(a)} ({a.currency}) is {_fmt(b)} "
                    f"({b.currency}) in the relay", **spans, **evidence, change="currency"))
            elif _same_value(a, b):
                found.append(self.finding(
                    "number", "major", link.src, link.tgt,
                    f"unit changed: the reference's {_fmt(a)} is {_fmt(b)} in the relay",
                    **spans, **evidence,
                    change="unit"))
            elif _same_unit(a, b) and _rounding(a, b):
                found.append(self._rounded(link, s, t))
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
                    # "two dozen" for "два десятки", "about 20" for "nearly 25": amounts
                    # given as approximations differ without the claim changing much
                    loose = (_approximate(a) or _approximate(b)) and ratio is not None \
                        and 0.75 <= ratio <= 1.34
                    found.append(self.finding(
                        "number", "minor" if loose else "major", link.src, link.tgt,
                        f"number changed: the reference's {_fmt(a)} is {_fmt(b)} in the relay"
                        + (" (both approximate)" if loose else ""), **spans, **evidence,
                        change="value", ratio=ratio))
        soft = _SOFT_QUALIFIERS | ({"at_most"} if _emphatic(a) or _emphatic(b) else set())
        if a.qualifier != b.qualifier and {a.qualifier, b.qualifier} - soft:
            found.append(self._qualifier(link, s, t, spans, evidence))
        return found


#: a number cut by a paragraph break on a scraped page ("$ 1." / "8 billion"): the
#: sentence ends right after the number's first part, the next opens with its digits
_CUT_TAIL = re.compile(r"\s*([.,])\s*$")
_CUT_HEAD = re.compile(r"\s*(?=\d)")


def _mended(pair: PairContext, f: Finding) -> Finding:
    """A changed value that reads as the reference's once the relay's next sentence is
    read on is a page's formatting slip, not a changed number: minor, and said so."""
    if f.evidence.get("change") != "value" or len(f.tgt_spans) != 1:
        return f
    (j, start, end), tgt = f.tgt_spans[0], pair.tgt_facts
    if j + 1 >= len(tgt):
        return f
    tail, head = _CUT_TAIL.match(tgt[j].text[end:]), _CUT_HEAD.match(tgt[j + 1].text)
    if tail is None or head is None:
        return f
    first = tgt[j].text[start:end] + tail.group(1)
    rest = tgt[j + 1].text[head.end():]
    whole = next(iter(extract_quantities(first + rest, tgt[j].lang)), None)
    if whole is None or whole.start != 0 or whole.end <= len(first) or \
            whole.value != f.evidence.get("src_value") or \
            whole.currency != f.evidence.get("src_currency"):
        return f
    second = rest[:whole.end - len(first)]
    return replace(
        f, severity="minor", tgt=tuple(sorted({*f.tgt, j + 1})),
        message=f"number cut by a paragraph break: the relay's “{first}” and “{second}” "
                f"read together as “{whole.text}”, the reference's value (a slip of the "
                "page, not a changed value)",
        tgt_spans=[(j, start, end + tail.end(1)),
                   (j + 1, head.end(), head.end() + len(second))],
        evidence={**f.evidence, "change": "cut", "mended": whole.text})


def _emphatic(q: Quantity) -> bool:
    """A ceiling that stresses the value ("as many as", 多达) rather than bounds it."""
    text = q.text.casefold()
    return q.qualifier == "at_most" and any(text.startswith(w) for w in EMPHATIC_CEILINGS)


@lru_cache(maxsize=64)
def _time_words(lang: str) -> tuple[str, ...]:
    # English counts occasions in "times" too ("two times"), which units leave out: "three
    # times as many" is a ratio
    return (*unit_words("time", lang), *(("times",) if lang.startswith("en") else ()))


def _of_occasions(cue: Cue, facts: list[SentenceFacts]) -> bool:
    """Whether a vague amount counts occasions ("many times", 여러 차례, 多次, кілька
    разів) rather than things ("several officials")."""
    lang = facts[0].lang if facts else "en"
    return any(w in cue.text.casefold() for w in _time_words(lang))


def _occasions(q: Quantity, sentence: str, lang: str) -> bool:
    """Whether a count counts occasions: "twice", 두 차례, or a number followed by the
    language's word for times ("two times", три раза)."""
    after = sentence[q.end:q.end + 12].lstrip().casefold()
    return q.unit == "time" or after.startswith(_time_words(lang))


def _bare_year(q: Quantity) -> bool:
    """A bare four-digit number a year can be ("自2022" where the date reader missed the
    year): not an amount of anything."""
    return (q.kind == "number" and not q.unit and q.value is not None
            and float(q.value).is_integer() and 1900 <= q.value <= 2100
            and sum(ch.isdigit() for ch in q.text) == 4)
