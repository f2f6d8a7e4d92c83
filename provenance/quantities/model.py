"""The value types: a `Quantity` found in text and the `Comparison` of two of them.

A Quantity is normalised so that "$5.9 billion", "59亿美元", "59억 달러" and
"5,9 млрд доларів" carry the same kind, value and currency, while 5.9亿美元 carries a
value ten times smaller. `Quantity.compare` says which, and why, in words a
fact-checker can read.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from provenance.quantities.datevalue import DateValue
from provenance.quantities.units import CURRENCY_PREFIX, CURRENCY_WORD, UNIT_SCALES, plural_en

KINDS = ("number", "money", "percent", "ordinal", "count", "date", "time")
QUALIFIERS = ("at_least", "more_than", "less_than", "at_most", "about")
_QUALIFIER_EN = {
    "at_least": "at least",
    "more_than": "more than",
    "less_than": "less than",
    "at_most": "at most",
    "about": "about",
}
# Kinds whose values measure the same sort of thing: an amount of something.
_AMOUNT_KINDS = frozenset({"number", "money", "count"})


@dataclass(frozen=True)
class Comparison:
    """How a second quantity relates to a first one.

    verdict: "same" (the magnitude agrees), "different" (it does not; ``ratio`` =
    other / self, 0.1 for a tenfold shrink) or "not_comparable" (a date against a sum).
    notes: what else changed, for a reader: "scale x10", "currency differs",
    "qualifier dropped: at_least", "day differs (1 day)", ...
    """

    verdict: str
    ratio: float | None = None
    notes: list[str] = field(default_factory=list)

    @property
    def exact(self) -> bool:
        """Same value and nothing else changed (no qualifier, unit or currency note)."""
        return self.verdict == "same" and not self.notes


@dataclass(frozen=True)
class Quantity:
    """A number, amount of money, percentage, ordinal, count, date or time in a text.

    ``start``/``end`` are character offsets into the text it came from and ``text`` the
    exact characters. ``value`` is the magnitude in units (5.9e9 for "$5.9 billion"),
    ``unit`` the English lemma of the counted noun ("mission"), ``currency`` an ISO 4217
    code, ``qualifier`` a bound or approximation ("at_least" for "至少"), ``date`` an ISO
    8601 date, month, year, interval or datetime ("2025-06-26", "2025-06",
    "2024-06/2024-08", "2025-06-26T17:15"; "--06-26" when the year is unknown), and
    ``local_time`` whether the text said the time is local (当地时间, 현지시간).
    """

    kind: str
    value: float | None
    unit: str | None = None
    currency: str | None = None
    qualifier: str | None = None
    start: int = 0
    end: int = 0
    text: str = ""
    date: str | None = None
    local_time: bool = False
    note: str | None = None  # how a relative date was resolved: "relative: this month"

    def __str__(self) -> str:
        return self.render()

    def render(self) -> str:
        """An English rendering: "$5.9 billion", "at least twice", "28 missions", "2025-06-26"."""
        if self.kind in ("date", "time"):
            body = self.date or relative_en(self.note) or self.text
            if self.qualifier:  # the part of a period: "late 2022"
                body = f"{self.qualifier.replace('_', ' ')} {body}"
            return f"{body} (local time)" if self.local_time else body
        qual = _QUALIFIER_EN[self.qualifier] + " " if self.qualifier else ""
        v = self.value
        if v is None:
            return qual + self.text
        if self.kind == "money":
            amount = format_value(v)
            cur = self.currency or ""
            if cur in CURRENCY_PREFIX:
                return f"{qual}{CURRENCY_PREFIX[cur]}{amount}"
            return f"{qual}{amount} {CURRENCY_WORD.get(cur, cur)}".rstrip()
        if self.kind == "percent":
            return f"{qual}{format_value(v)}%"
        if self.kind == "ordinal":
            return qual + ordinal_en(v)
        if self.kind == "count" and self.unit == "time" and v in (1, 2):
            return qual + ("once" if v == 1 else "twice")
        if self.kind == "count" and self.unit == "year_old":
            return f"{qual}{format_value(v)}-year-old"
        if self.kind == "count" and self.unit:
            return f"{qual}{format_value(v)} {plural_en(self.unit, v)}"
        return qual + format_value(v)

    def compare(self, other: Quantity) -> Comparison:
        """Compare this quantity (the source) with ``other`` (its rendering elsewhere)."""
        if self.kind in ("date", "time") or other.kind in ("date", "time"):
            if self.kind in ("date", "time") and other.kind in ("date", "time"):
                return _compare_dates(self, other)
            return Comparison("not_comparable", None, [f"{self.kind} vs {other.kind}"])
        if (
            self.kind != other.kind
            and not (self.kind in _AMOUNT_KINDS and other.kind in _AMOUNT_KINDS)
            and {self.kind, other.kind} != {"number", "percent"}
            and {self.kind, other.kind} != {"number", "ordinal"}
        ):
            return Comparison("not_comparable", None, [f"{self.kind} vs {other.kind}"])
        notes: list[str] = []
        _note_kind_change(self, other, notes)
        if self.currency and other.currency and self.currency != other.currency:
            notes.append(f"currency differs: {self.currency} vs {other.currency}")
        if self.unit and other.unit and self.unit != other.unit:
            notes.append(f"unit differs: {self.unit} vs {other.unit}")
        elif self.unit and not other.unit and self.kind == other.kind == "count":
            notes.append(f"unit missing: {self.unit}")
        _note_qualifiers(self.qualifier, other.qualifier, notes)
        if self.value is None or other.value is None:
            return Comparison("not_comparable", None, notes)
        converted = _convert(self, other)
        if converted is not None:
            return converted
        if self.value == 0 or other.value == 0:
            same = self.value == other.value
            return Comparison("same" if same else "different", None, notes)
        ratio = other.value / self.value
        if math.isclose(ratio, 1.0, rel_tol=1e-9):
            verdict = "same"
            if any(n.startswith("currency differs") for n in notes):
                verdict = "different"
            return Comparison(verdict, 1.0, notes)
        scale = math.log10(ratio)
        if abs(scale - round(scale)) < 1e-9:
            factor = 10 ** abs(round(scale))
            notes.insert(0, f"scale x{factor:g}")
            notes.insert(1, f"other is {factor:g}x {'larger' if ratio > 1 else 'smaller'}")
        if any(n.startswith("unit differs") for n in notes):
            return Comparison("not_comparable", ratio, notes)
        return Comparison("different", ratio, notes)


def _convert(a: Quantity, b: Quantity) -> Comparison | None:
    """Compare measures written in different units: 85 miles and 137 kilometres agree."""
    if not (a.unit and b.unit and a.unit != b.unit and a.value and b.value):
        return None
    ua, ub = UNIT_SCALES.get(a.unit), UNIT_SCALES.get(b.unit)
    if ua is None or ub is None:
        return None
    if ua[0] != ub[0]:  # a length is never an area, whatever the numbers
        return Comparison("not_comparable", None, [f"unit differs: {a.unit} vs {b.unit}"])
    ratio = (b.value * ub[1]) / (a.value * ua[1])
    notes = [f"unit converted: {a.unit} -> {b.unit}"]
    _note_qualifiers(a.qualifier, b.qualifier, notes)
    # Translators round conversions ("85 miles (137 kilometers)" is 136.8): allow 2%.
    if abs(ratio - 1) <= 0.02:
        return Comparison("same", ratio, notes)
    return Comparison("different", ratio, notes)


def _note_kind_change(a: Quantity, b: Quantity, notes: list[str]) -> None:
    if a.kind == b.kind:
        return
    if a.kind == "money" and not b.currency:
        notes.append(f"currency missing: {a.currency}")
    elif b.kind == "money" and not a.currency:
        notes.append(f"currency added: {b.currency}")
    elif a.kind == "count" and a.unit and not b.unit:
        notes.append(f"unit missing: {a.unit}")
    elif b.kind == "count" and b.unit and not a.unit:
        notes.append(f"unit added: {b.unit}")
    else:
        notes.append(f"kind differs: {a.kind} vs {b.kind}")


def _note_qualifiers(a: str | None, b: str | None, notes: list[str]) -> None:
    if a == b:
        return
    if a and not b:
        notes.append(f"qualifier dropped: {a}")
    elif b and not a:
        notes.append(f"qualifier added: {b}")
    else:
        notes.append(f"qualifier changed: {a} -> {b}")


def _compare_dates(a: Quantity, b: Quantity) -> Comparison:
    notes: list[str] = []
    if a.qualifier != b.qualifier:
        # the part of a period: "late 2022" vs "2022"
        notes.append(f"part dropped: {a.qualifier}" if not b.qualifier else
                     f"part added: {b.qualifier}" if not a.qualifier else
                     f"part differs: {a.qualifier} vs {b.qualifier}")
    if a.local_time != b.local_time:
        notes.append("local time dropped" if a.local_time else "local time added")
    if not a.date or not b.date:
        # Unresolved relative dates (no publication date) still compare by what they say.
        rel_a = a.note if a.note and a.note.startswith("relative:") else None
        rel_b = b.note if b.note and b.note.startswith("relative:") else None
        if rel_a and rel_b and not a.date and not b.date:
            verdict = "same" if rel_a == rel_b else "different"
            return Comparison(
                verdict,
                None,
                notes
                + (
                    []
                    if verdict == "same"
                    else [f"relative date differs: {rel_a[9:]} vs {rel_b[9:]}"]
                ),
            )
        return Comparison("not_comparable", None, notes)
    verdict, date_notes = DateValue.parse(a.date).compare(DateValue.parse(b.date))
    return Comparison(verdict, None, date_notes + notes)


_WEEKDAYS_EN = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_STEP_EN = {"-2": "the {} before last", "-1": "last {}", "+0": "this {}", "+1": "next {}"}
_DAY_EN = {"-2": "the day before yesterday", "-1": "yesterday", "+0": "today", "+1": "tomorrow"}


def relative_en(note: str | None) -> str | None:
    """English for a relative-date key: "relative:year-1" -> "last year"."""
    if not note or not note.startswith("relative:"):
        return None
    key = note[len("relative:") :]
    if key.startswith("weekday="):
        return _WEEKDAYS_EN[int(key[8:]) % 7]
    if key.startswith("ago:"):
        _, n, unit = key.split(":", 2)
        return f"{n} {plural_en(unit, float(n)) if unit != '?' else 'units'} ago"
    unit, step = key[:-2], key[-2:]
    if ":" in key:  # season-1:summer
        head, season = key.split(":", 1)
        unit, step = season, head[-2:]
    if unit == "day":
        return _DAY_EN.get(step)
    template = _STEP_EN.get(step)
    return template.format(unit) if template else None


def format_value(v: float) -> str:
    """5.9e9 -> "5.9 billion", 1250 -> "1,250", 0.5 -> "0.5"."""
    for size, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if abs(v) >= size:
            return f"{_trim(v / size)} {word}"
    if float(v).is_integer():
        return f"{int(v):,}"
    return _trim(v)


def _trim(x: float) -> str:
    s = f"{x:.6f}".rstrip("0").rstrip(".")
    return s


def ordinal_en(v: float) -> str:
    n = int(v)
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"
