"""Date and time drift: a different day, month or year after normalisation.

Each side's relative dates ("on the 26th", "yesterday", "last month") were resolved by
the quantity extractor against that side's OWN publication date, so a relay published a
day later that says "yesterday" for the same day agrees. A one-day difference where
either side states local time is reported as minor: it is usually a time-zone shift
(US evening = Asian morning), not an error.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from provenance.drift.base import LinkDetector
from provenance.drift.context import PairContext
from provenance.facts import SentenceFacts
from provenance.model import Finding, Link

if TYPE_CHECKING:
    from provenance.quantities import Quantity

_FULL = re.compile(r"^(\d{4})-(\d{2})(?:-(\d{2}))?")
_MONTH_DAY = re.compile(r"^--(\d{2})(?:-(\d{2}))?")
_TIME = re.compile(r"T?(\d{2}):(\d{2})")


def date_parts(iso: str | None) -> dict[str, int]:
    """Year, month, day, hour, minute present in an ISO-ish string ("2025-06", "--06-26")."""
    if not iso:
        return {}
    parts: dict[str, int] = {}
    if m := _FULL.match(iso):
        parts["year"], parts["month"] = int(m.group(1)), int(m.group(2))
        if m.group(3):
            parts["day"] = int(m.group(3))
    elif m := _MONTH_DAY.match(iso):
        parts["month"] = int(m.group(1))
        if m.group(2):
            parts["day"] = int(m.group(2))
    elif re.fullmatch(r"\d{4}", iso):
        parts["year"] = int(iso)
    clock = iso[iso.find("T"):] if "T" in iso else iso
    if ("T" in iso or re.fullmatch(r"\d{2}:\d{2}(:\d{2})?", iso)) and (t := _TIME.search(clock)):
        parts["hour"], parts["minute"] = int(t.group(1)), int(t.group(2))
    return parts


def _differences(a: dict[str, int], b: dict[str, int]) -> list[str]:
    return [k for k in ("year", "month", "day", "hour", "minute") if k in a and k in b
            and a[k] != b[k]]


def _comparable(a: dict[str, int], b: dict[str, int]) -> bool:
    """Whether two dates can be the same date rendered: they share a component, and the
    relay's does not name a month or day the reference's lacks ("2022" in the reference
    and "the 24th" in the relay are two events, not one date changed)."""
    return bool(set(a) & set(b)) and not any(k in b and k not in a for k in ("month", "day"))


def _year_level(a: dict[str, int], b: dict[str, int]) -> bool:
    """Dates named by year or month, whose part of the period means something."""
    return "day" not in a and "day" not in b


def _one_day_apart(a: dict[str, int], b: dict[str, int]) -> bool:
    import datetime as dt

    if a.get("month") is None or b.get("month") is None or "day" not in a or "day" not in b:
        return False
    year = a.get("year", b.get("year", 2000))
    try:
        da = dt.date(a.get("year", year), a["month"], a["day"])
        db = dt.date(b.get("year", year), b["month"], b["day"])
    except ValueError:
        return False
    return abs((da - db).days) == 1


class DateDrift(LinkDetector):
    """Dates and times that disagree, compared component by component."""

    name = "dates"
    kinds = ("date",)

    def compare(self, link: Link, src: list[SentenceFacts], tgt: list[SentenceFacts]
                ) -> list[Finding]:
        s_items = [(f.index, q) for f in src for q in f.dates if q.date]
        t_items = [(f.index, q) for f in tgt for q in f.dates if q.date]
        findings: list[Finding] = []
        # agreements first (a part of the period dropped is still reported), then pair
        # what is left in reading order by kind
        for s in list(s_items):
            for t in t_items:
                parts_a, parts_b = date_parts(s[1].date), date_parts(t[1].date)
                if set(parts_a) & set(parts_b) and not _differences(parts_a, parts_b):
                    s_items.remove(s)
                    t_items.remove(t)
                    if s[1].qualifier != t[1].qualifier and _year_level(parts_a, parts_b):
                        findings.append(self._part(link, s, t))
                    break
        for (i, a) in list(s_items):
            pa = date_parts(a.date)
            partner = next((t for t in t_items if t[1].kind == a.kind
                            and _comparable(pa, date_parts(t[1].date))), None)
            if partner is None:
                continue
            s_items.remove((i, a))
            t_items.remove(partner)
            j, b = partner
            pb = date_parts(b.date)
            local = a.local_time or b.local_time
            timezone_shift = local and _one_day_apart(pa, pb)
            differs = _differences(pa, pb)
            dropped = [k for k in ("month", "day") if k in pa and k not in pb]
            what = " and ".join(f"{k} changed" for k in differs) + "".join(
                f", {k} dropped" for k in dropped)
            message = (f"{a.kind} changed: the reference's “{a.text}” ({a.date}) is "
                       f"“{b.text}” ({b.date}) in the relay ({what})")
            if timezone_shift:
                message += "; one side gives local time, a time-zone shift is possible"
            findings.append(self.finding(
                "date", "minor" if timezone_shift else "major", link.src, link.tgt, message,
                src_spans=[(i, a.start, a.end)], tgt_spans=[(j, b.start, b.end)],
                src_date=a.date, tgt_date=b.date, differs="/".join(differs),
                dropped=dropped, local_time=local))
        # a date with no counterpart in the unit is judged article-wide (coverage)
        return findings

    def _part(self, link: Link, s: tuple[int, Quantity], t: tuple[int, Quantity]) -> Finding:
        """The same year (or month) with its part of the period dropped or changed:
        "late 2022" written "2022" (less precise, minor) or "early 2022" (changed)."""
        (i, a), (j, b) = s, t
        if b.qualifier is None:
            what, severity = "made less precise", "minor"
        elif a.qualifier is None:
            what, severity = "made more precise", "minor"
        else:
            # "late" and "second half" overlap; "early" and "late" do not
            overlap = {a.qualifier, b.qualifier} in ({"late", "second_half"},
                                                     {"early", "first_half"})
            what, severity = "changed", "minor" if overlap else "major"
        return self.finding(
            "date", severity, link.src, link.tgt,
            f"date {what}: the reference's “{a.text}” is “{b.text}” in the relay",
            src_spans=[(i, a.start, a.end)], tgt_spans=[(j, b.start, b.end)],
            src_date=a.date, tgt_date=b.date, change="period_part",
            src_part=a.qualifier, tgt_part=b.qualifier)

    def across(self, pair: PairContext, found: list[Finding]) -> list[Finding]:
        """Dates given for the same cited report ("the WSJ reported on the 26th") that
        disagree anywhere in the two articles: an aligner may not link those sentences."""
        src_dates = _dated_sources(pair.src_facts)
        tgt_dates = _dated_sources(pair.tgt_facts)
        seen = {(tuple(f.src_spans), tuple(f.tgt_spans)) for f in found}
        findings: list[Finding] = []
        for key, (i, a, name) in src_dates.items():
            if key not in tgt_dates:
                continue
            j, b, _ = tgt_dates[key]
            pa, pb = date_parts(a.date), date_parts(b.date)
            differs = _differences(pa, pb)
            spans = ([(i, a.start, a.end)], [(j, b.start, b.end)])
            if not differs or (tuple(spans[0]), tuple(spans[1])) in seen:
                continue
            local = a.local_time or b.local_time
            shift = local and _one_day_apart(pa, pb)
            message = (f"{name} report dated “{a.text}” ({a.date}) in the source but “{b.text}” "
                       f"({b.date}) in the relay")
            if shift:
                message += "; one side gives local time, a time-zone shift is possible"
            findings.append(self.finding(
                "date", "minor" if shift else "major", (i,), (j,), message,
                src_spans=spans[0], tgt_spans=spans[1], src_date=a.date, tgt_date=b.date,
                differs="/".join(differs), local_time=local, source=name, report_date=True))
        return findings

def _dated_sources(facts: list[SentenceFacts]) -> dict[str, tuple[int, Quantity, str]]:
    """Cited source -> (sentence, date quantity) of the first dated mention of its report."""
    dated: dict[str, tuple[int, Quantity, str]] = {}
    for f in facts:
        for a in f.attributions:
            if not a.date or a.negated or a.kind in ("unnamed", "unknown"):
                continue
            key = a.concept_id or a.source.casefold()
            date = next((q for q in f.dates if q.date and (q.text in a.date or a.date in q.text)),
                        None)
            if date is not None:
                dated.setdefault(key, (f.index, date, a.source))
    return dated
