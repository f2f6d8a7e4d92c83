"""Dates with the precision the text gave them, and how two of them differ.

A relay often writes a date less precisely than its source ("this month" for "June 26"),
drops the year, or shifts a day because of time zones ("June 25 (local time)" in Seoul
for a June 26 report). `DateValue` keeps the components a text actually stated so that a
comparison can tell these apart from a wrong date.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

_ISO = re.compile(
    r"^(?:(?P<y>\d{4})|-)(?:-(?P<m>\d{2})|-)?(?:-(?P<d>\d{2}))?(?:T(?P<H>\d{2}):(?P<M>\d{2}))?$"
)


@dataclass(frozen=True)
class DateValue:
    """A calendar date or period; any component may be unknown (None)."""

    year: int | None = None
    month: int | None = None
    day: int | None = None
    hour: int | None = None
    minute: int | None = None
    until: DateValue | None = None  # end of a period ("2024-06/2024-08": last summer)

    @classmethod
    def parse(cls, iso: str) -> DateValue:
        """Read the ISO forms Quantity.date uses: 2025-06-26, 2025-06, --06-26, T17:15, a/b."""
        if "/" in iso:
            first, last = iso.split("/", 1)
            start = cls.parse(first)
            return cls(
                start.year, start.month, start.day, start.hour, start.minute, until=cls.parse(last)
            )
        if iso.startswith("T"):
            hh, mm = iso[1:].split(":")[:2]
            return cls(hour=int(hh), minute=int(mm))
        if iso.startswith("---"):
            return cls(day=int(iso[3:5]))
        m = _ISO.match(iso)
        if not m:
            raise ValueError(f"not an ISO date: {iso!r}")

        def num(g: str) -> int | None:
            return int(m.group(g)) if m.group(g) else None

        return cls(num("y"), num("m"), num("d"), num("H"), num("M"))

    def iso(self) -> str:
        """The ISO 8601 text for these components (see `parse`)."""
        if self.until is not None:
            return f"{DateValue(self.year, self.month, self.day).iso()}/{self.until.iso()}"
        if self.year is None and self.month is None and self.day is None:
            return f"T{self.hour:02d}:{self.minute or 0:02d}" if self.hour is not None else ""
        if self.year is None and self.month is None:
            out = f"---{self.day:02d}"
        else:
            out = f"{self.year:04d}" if self.year is not None else "-"
            if self.month is not None:
                out += f"-{self.month:02d}"
                if self.day is not None:
                    out += f"-{self.day:02d}"
        if self.hour is not None:
            out += f"T{self.hour:02d}:{self.minute or 0:02d}"
        return out

    def compare(self, other: DateValue) -> tuple[str, list[str]]:
        """("same"|"different"|"not_comparable", notes) for ``other`` against this date."""
        if self.iso() == other.iso():
            return "same", []
        if self.until or other.until:
            return self._compare_periods(other)
        notes: list[str] = []
        differs = False
        shared = 0
        for name in ("year", "month", "day"):
            a, b = getattr(self, name), getattr(other, name)
            if a is not None and b is not None:
                shared += 1
                if a != b:
                    differs = True
                    notes.append(f"{name} differs: {a} vs {b}")
            elif a is not None:
                notes.append(f"{name} missing")
            elif b is not None:
                notes.append(f"{name} added")
        if self.hour is not None and other.hour is not None:
            shared += 1
            if (self.hour, self.minute) != (other.hour, other.minute):
                differs = True
                notes.append("time differs")
        elif self.hour is not None:
            notes.append("time missing")
        elif other.hour is not None:
            notes.append("time added")
        gap = self.days_to(other)
        if gap:
            notes = [
                n
                if not n.startswith("day differs")
                else f"{n} ({abs(gap)} day{'s' if abs(gap) > 1 else ''})"
                for n in notes
            ]
        if not shared:
            return "not_comparable", notes
        return ("different" if differs else "same"), notes

    def days_to(self, other: DateValue) -> int | None:
        try:
            if self.year and self.month and self.day and other.year and other.month and other.day:
                return (
                    dt.date(other.year, other.month, other.day)
                    - dt.date(self.year, self.month, self.day)
                ).days
        except ValueError:
            return None
        return None

    def _bounds(self) -> tuple[tuple[int, int, int], tuple[int, int, int]] | None:
        if self.year is None:
            return None
        lo = (self.year, self.month or 1, self.day or 1)
        end = self.until or self
        if end.year is None:
            return None
        hi = (end.year, end.month or 12, end.day or 31)
        return lo, hi

    def _compare_periods(self, other: DateValue) -> tuple[str, list[str]]:
        a, b = self._bounds(), other._bounds()
        if a is None or b is None:
            return "not_comparable", ["period without a year"]
        if a == b:
            return "same", []
        if a[0] <= b[0] and b[1] <= a[1]:
            return "same", ["precision differs: other is within this period"]
        if b[0] <= a[0] and a[1] <= b[1]:
            return "same", ["precision differs: this is within the other period"]
        if a[1] < b[0] or b[1] < a[0]:
            return "different", ["periods do not overlap"]
        return "not_comparable", ["periods overlap partly"]
