"""Periods counted back from publication, and dates that start a period.

"over the last two years", 최근 2년간, 近两年, за последние два года, in den letzten zwei
Jahren: a period that ends when the article is published and reaches back a number of
years or months (or an untold number: "in recent years"). A relay often writes one for a
date its source states ("since late 2022"); whether the two agree depends on the relay's
publication date, which is why a `RecentPeriod` keeps the count and unit and
`RecentPeriod.reaches_back` resolves it.

`period_start` tells whether a date quantity begins a period ("since late 2022", 2022년
말부터, 自2022年底以来): such a date is compared with where a relative period begins,
any other only needs to fall inside it.

The phrases and words are data: ``provenance/data/quantities/recent.yaml``; number words
come from ``provenance.quantities.numerals.number_words`` for the languages it reads.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from provenance.lang import base, whole_words
from provenance.quantities.datevalue import DateValue
from provenance.quantities.model import Quantity
from provenance.quantities.numerals import number_words

DATA = Path(__file__).resolve().parent.parent / "data" / "quantities" / "recent.yaml"
#: months in one unit
UNIT_MONTHS = {"year": 12, "month": 1}
_DIGITS = r"(?<![\d.,])\d{1,2}(?:[.,]5)?(?![\d.,]?\d)"


@dataclass(frozen=True)
class RecentPeriod:
    """A period that ends at publication: ``count`` units back (None: not told)."""

    start: int
    end: int
    text: str
    count: float | None
    unit: str  # "year" or "month"

    @property
    def months(self) -> float | None:
        return None if self.count is None else self.count * UNIT_MONTHS[self.unit]

    def reaches_back(self, published: dt.date) -> tuple[int, int] | None:
        """(year, month) the period begins in, counted back from ``published``."""
        if self.months is None:
            return None
        index = published.year * 12 + published.month - 1 - round(self.months)
        return index // 12, index % 12 + 1

    def describe(self) -> str:
        """ "2 years", "18 months", "an untold number of years"."""
        if self.count is None:
            return f"an untold number of {self.unit}s"
        count, unit = self.count, self.unit
        if not float(count).is_integer() and self.months is not None:
            count, unit = self.months, "month"  # "近半年": 6 months, not 0.5 years
        return f"{count:g} {unit}{'' if count == 1 else 's'}"


@dataclass(frozen=True)
class _Table:
    phrases: tuple[re.Pattern[str], ...]
    units: dict[str, str]
    numbers: dict[str, float]
    few: frozenset[str]
    since_before: re.Pattern[str] | None
    since_after: re.Pattern[str] | None
    not_before: tuple[str, ...]
    not_after: re.Pattern[str] | None


@cache
def _data() -> dict[str, dict[str, Any]]:
    from ruamel.yaml import YAML

    return YAML(typ="safe").load(DATA.read_text(encoding="utf-8")) or {}


def _alts(words: Any) -> str:
    return "|".join(re.escape(str(w)).replace(r"\ ", r"\s+")
                    for w in sorted(words, key=lambda w: -len(str(w))))


@cache
def _table(lang: str) -> _Table | None:
    spec = _data().get(lang)
    if not spec:
        return None
    spaced = whole_words(lang)
    units = {str(w).casefold(): str(u) for u, ws in (spec.get("units") or {}).items()
             for w in ws}
    # the language's number words ("two", "трёх"), then the file's other count words
    numbers = {str(w).casefold(): float(v) for w, v in
               [*number_words(lang).items(), *(spec.get("numbers") or {}).items()]}
    few = frozenset(str(w).casefold() for w in spec.get("few") or [])
    count = rf"(?P<n>{_DIGITS}|{_alts(list(numbers) + list(few))})"
    gap = r"\s+" if spaced else r"\s*"
    lead, trail = (r"(?<![\w-])", r"(?![\w-])") if spaced else ("", "")
    phrases = []
    for template in spec.get("periods") or []:
        parts = re.split(r"(\{n\}|\{unit\}|\s+)", str(template))
        rx = "".join(count if p == "{n}" else rf"(?P<u>{_alts(units)})" if p == "{unit}"
                     else gap if p.isspace() else re.escape(p) for p in parts if p)
        phrases.append(re.compile(f"{lead}{rx}{trail}", re.IGNORECASE))
    since = spec.get("since") or {}
    before = (re.compile(rf"{lead}(?:{_alts(since['before'])})\s*$", re.IGNORECASE)
              if since.get("before") else None)
    after = (re.compile(rf"\s*(?:{_alts(since['after'])}){trail}", re.IGNORECASE)
             if since.get("after") else None)
    not_after = (re.compile(rf"\s+(?:{_alts(spec['not_after'])})(?!\w)", re.IGNORECASE)
                 if spec.get("not_after") else None)
    return _Table(tuple(phrases), units, numbers, few, before, after,
                  tuple(str(w) for w in spec.get("not_before") or []), not_after)


def find_recent_periods(text: str, lang: str) -> list[RecentPeriod]:
    """The periods counted back from publication that ``text`` names, in reading order."""
    table = _table(base(lang))
    if table is None:
        return []
    # every phrase's matches, the longest first where they overlap ("近两年来" over "两年来")
    matches = sorted((m for rx in table.phrases for m in rx.finditer(text)),
                     key=lambda m: (m.start(), -m.end()))
    found: list[RecentPeriod] = []
    for m in matches:
        if found and m.start() < found[-1].end:
            continue
        if any(text[:m.start()].endswith(w) for w in table.not_before) or (
                table.not_after is not None and table.not_after.match(text, m.end())):
            continue
        unit = table.units.get(" ".join((m.groupdict().get("u") or "").casefold().split()))
        if unit is None:
            continue
        count = _count(m.groupdict().get("n"), table)
        found.append(RecentPeriod(m.start(), m.end(), m.group(0), count, unit))
    return found


def _count(word: str | None, table: _Table) -> float | None:
    if word is None:
        return None
    low = " ".join(word.casefold().split())
    if low in table.few:
        return None
    if low in table.numbers:
        return table.numbers[low]
    try:
        return float(low.replace(",", "."))
    except ValueError:
        return None


def period_start(q: Quantity, text: str, lang: str) -> tuple[int, int] | None:
    """The span of the date ``q`` in ``text`` with the word that makes it begin a period
    ("since late 2022", 2022년 말부터, 自2022年底以来); None when no such word is there."""
    table = _table(base(lang))
    if table is None or q.kind != "date":
        return None
    start, end = q.start, q.end
    if table.since_before is not None and (
            m := table.since_before.search(text, max(0, q.start - 24), q.start)):
        start = m.start() + len(m.group(0)) - len(m.group(0).lstrip())
    if table.since_after is not None and (m := table.since_after.match(text, q.end)):
        end = m.end()
    return (start, end) if (start, end) != (q.start, q.end) else None


#: months a part of a year covers ("late 2022": September to December)
_PART_MONTHS = {"early": (1, 4), "mid": (5, 8), "late": (9, 12), "first_half": (1, 6),
                "second_half": (7, 12)}


@dataclass(frozen=True)
class PeriodFit:
    """How a stated date fits a period counted back from publication.

    ``verdict``: "agrees" (within the period's precision), "contradicts", "vague" (the
    period gives no count, so no start) or "unresolved" (no publication date, or a date
    without a year). ``reaches_back``: (year, month) the period begins in, when known.
    """

    verdict: str
    reaches_back: tuple[int, int] | None = None


def fit(date: Quantity, begins: bool, period: RecentPeriod, published: dt.date | None
        ) -> PeriodFit:
    """How ``date`` (which ``begins`` a period: "since late 2022", or happened at some
    point: "in April 2021") fits ``period`` of a text published on ``published``.

    A date that begins a period must lie within half a unit of where the period begins
    ("the last two years" from October 2024 reaches back to about October 2022: late
    2022 fits, 2021 does not); any other date must fall inside the period, within the
    same allowance. A count is rounded by whoever writes it, hence the allowance.
    """
    if period.count is None:
        return PeriodFit("vague")
    bounds = _month_bounds(date)
    if published is None or bounds is None:
        return PeriodFit("unresolved")
    back = period.reaches_back(published)
    assert back is not None  # a period with a count reaches back somewhere
    start = back[0] * 12 + back[1] - 1
    end = published.year * 12 + published.month - 1
    slack = max(1, UNIT_MONTHS[period.unit] // 2)
    lo, hi = bounds
    # a start must sit where the period begins; a point anywhere inside it
    agrees = (lo - slack <= start <= hi + slack) if begins else (
        hi >= start - slack and lo <= end)
    return PeriodFit("agrees" if agrees else "contradicts", back)


def _month_bounds(date: Quantity) -> tuple[int, int] | None:
    """First and last month (as year * 12 + month - 1) a date quantity covers."""
    if not date.date or date.date.startswith(("-", "T")):
        return None
    try:
        value = DateValue.parse(date.date)
    except ValueError:
        return None
    last = value.until or value
    if value.year is None or last.year is None:
        return None
    first_month, last_month = value.month or 1, last.month or 12
    if value.month is None and value.until is None and date.qualifier in _PART_MONTHS:
        first_month, last_month = _PART_MONTHS[date.qualifier]
    return value.year * 12 + first_month - 1, last.year * 12 + last_month - 1
