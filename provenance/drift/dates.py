"""Date and time drift: a different day, month or year after normalisation.

Each side's relative dates ("on the 26th", "yesterday", "last month") were resolved by
the quantity extractor against that side's OWN publication date, so a relay published a
day later that says "yesterday" for the same day agrees. A one-day difference where
either side states local time is reported as minor: it is usually a time-zone shift
(US evening = Asian morning), not an error.
"""

from __future__ import annotations

import datetime as dt
import re
from calendar import month_abbr
from dataclasses import dataclass
from typing import TYPE_CHECKING

from provenance.drift.base import LinkDetector
from provenance.drift.context import PairContext
from provenance.facts import SentenceFacts
from provenance.model import Finding, Link
from provenance.quantities.dates import MONTH_BEFORE_YEAR
from provenance.quantities.datevalue import DateValue
from provenance.quantities.recent import RecentPeriod, fit, period_start

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


_Item = tuple[int, "Quantity"]


def _pairing(src: list[SentenceFacts], tgt: list[SentenceFacts]
             ) -> tuple[list[tuple[_Item, _Item]], list[tuple[_Item, _Item]], list[_Item],
                        list[_Item]]:
    """The dates of one aligned unit paired: (agreements, pairs that differ, source dates
    left, relay dates left). Agreements come first (a part of the period dropped is still
    reported), then what is left is paired in reading order by kind."""
    s_items = [(f.index, q) for f in src for q in f.dates if q.date]
    t_items = [(f.index, q) for f in tgt for q in f.dates if q.date]
    agreed: list[tuple[_Item, _Item]] = []
    for s in list(s_items):
        for t in t_items:
            parts_a, parts_b = date_parts(s[1].date), date_parts(t[1].date)
            if set(parts_a) & set(parts_b) and not _differences(parts_a, parts_b):
                s_items.remove(s)
                t_items.remove(t)
                agreed.append((s, t))
                break
    paired: list[tuple[_Item, _Item]] = []
    for (i, a) in list(s_items):
        pa = date_parts(a.date)
        partner = next((t for t in t_items if t[1].kind == a.kind
                        and _comparable(pa, date_parts(t[1].date))), None)
        if partner is None:
            continue
        s_items.remove((i, a))
        t_items.remove(partner)
        paired.append(((i, a), partner))
    return agreed, paired, s_items, t_items


class DateDrift(LinkDetector):
    """Dates and times that disagree, compared component by component."""

    name = "dates"
    kinds = ("date",)

    def compare(self, link: Link, src: list[SentenceFacts], tgt: list[SentenceFacts]
                ) -> list[Finding]:
        agreed, paired, _, _ = _pairing(src, tgt)
        findings = [self._part(link, s, t) for s, t in agreed
                    if s[1].qualifier != t[1].qualifier
                    and _year_level(date_parts(s[1].date), date_parts(t[1].date))]
        for (i, a), (j, b) in paired:
            pa, pb = date_parts(a.date), date_parts(b.date)
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
        return findings + self._relative(pair) + self._month_first(pair)

    def _month_first(self, pair: PairContext) -> list[Finding]:
        """Dates the relay writes month first in a language that puts the year first
        (4月2021 for 2021年4月): the order of an English "April 2021" kept by machine
        translation. A slip of form worth a line, not a changed date; said once per
        relay sentence, on the relay's side only (the reference need not state it)."""
        findings: list[Finding] = []
        for f in pair.tgt_facts:
            for q in f.dates:
                if q.note != MONTH_BEFORE_YEAR or not q.date:
                    continue
                value = DateValue.parse(q.date)
                read = (f"{month_abbr[value.month]} {value.year}"
                        if value.month and value.year else q.date)
                findings.append(self.finding(
                    "date", "minor", (), (f.index,),
                    f"date written month first: the relay's “{q.text}” puts the month "
                    f"before the year, an order its language does not use (an English "
                    f"date kept in its order, as machine translation does); it reads "
                    f"{read}: a slip of form, not a changed date",
                    tgt_spans=[(f.index, q.start, q.end)], change="format",
                    tgt_date=q.date))
                break
        return findings

    def _relative(self, pair: PairContext) -> list[Finding]:
        """A date one side states ("since late 2022") written on the other as a period
        counted back from publication ("over the last two years", 최근 2년간).

        In each aligned unit, a relative period with no such period opposite is held
        against a date the unit's other side states and leaves unpaired: the one that
        begins a period ("since ..."), else the only one. A relay's period that the
        aligner put beside a sentence without a date is held, article-wide, against the
        reference's date that begins a period, when there is one such date and the two
        sentences share a name; only an agreement is reported then, for the sentences
        were not aligned (a disagreement may be about two different things)."""
        findings: list[Finding] = []
        loose_tgt: list[tuple[int, RecentPeriod]] = []
        for link in pair.links:
            src, tgt = pair.src_of(link), pair.tgt_of(link)
            _, _, s_left, _ = _pairing(src, tgt)
            s_dates = [x for x in s_left if _stated(x[1])]
            s_periods = [(f.index, p) for f in src for p in f.recent_periods]
            t_periods = [(f.index, p) for f in tgt for p in f.recent_periods]
            for t in list(t_periods):  # a period on both sides: the same wording of it
                twin = next((x for x in s_periods if x[1].unit == t[1].unit), None)
                if twin is not None:
                    s_periods.remove(twin)
                    t_periods.remove(t)
            for j, period in t_periods:
                stated = _stated_for(pair.src_facts, s_dates, pair.src_lang)
                if stated is None:
                    if not s_dates:
                        loose_tgt.append((j, period))
                    continue
                s_dates.remove((stated.index, stated.date))
                findings.append(self._period_finding(
                    link.src, link.tgt, stated, (j, period), pair.tgt.published_date))
        return findings + self._unaligned(pair, loose_tgt)

    def _unaligned(self, pair: PairContext, loose: list[tuple[int, RecentPeriod]]
                   ) -> list[Finding]:
        """Relay periods with no date opposite, against the one date of the reference that
        begins a period (see ``_relative``)."""
        starts = [s for f in pair.src_facts for q in f.dates if _stated(q)
                  if (s := _stated_for(pair.src_facts, [(f.index, q)], pair.src_lang))
                  and s.begins]
        if len(starts) != 1:
            return []
        stated = starts[0]
        for j, period in loose:
            shared = pair.src_facts[stated.index].concepts & pair.tgt_facts[j].concepts
            if not shared or fit(stated.date, True, period,
                                 pair.tgt.published_date).verdict != "agrees":
                continue
            f = self._period_finding((stated.index,), (j,), stated, (j, period),
                                     pair.tgt.published_date)
            names = sorted({t.text for t in pair.src_facts[stated.index].terms
                            if t.concept_id in shared})
            f.message += ("; the aligner did not pair the two sentences, but both name "
                          + ", ".join(names))
            f.evidence["aligned"] = False
            return [f]
        return []

    def _period_finding(self, src: tuple[int, ...], tgt: tuple[int, ...], stated: _Stated,
                        relative: tuple[int, RecentPeriod], published: dt.date | None
                        ) -> Finding:
        """A date the reference states, a period counted back from the relay's
        publication (``published``) in the relay: an approximation when they agree
        within the period's precision, else a change."""
        j, period = relative
        judged = fit(stated.date, stated.begins, period, published)
        head = f"the reference's “{stated.text}” is “{period.text}” in the relay"
        when = stated.date.render() if stated.date.date else stated.text
        if judged.verdict == "vague":
            what, severity = "date made vague", "minor"
            tail = (f"“{period.text}” gives no count, so it says no more than some "
                    f"{period.unit}s before the relay's publication")
        elif judged.verdict == "unresolved":
            what, severity = "date made relative", "minor"
            tail = (f"without the relay's publication date (or a year for “{stated.text}”), "
                    f"where “{period.text}” begins cannot be checked")
        else:
            assert published is not None and judged.reaches_back is not None
            back = f"{month_abbr[judged.reaches_back[1]]} {judged.reaches_back[0]}"
            reach = (f"counted back {period.describe()} from the relay's publication "
                     f"({published.day} {month_abbr[published.month]} {published.year}), "
                     f"“{period.text}” reaches back to about {back}")
            if judged.verdict == "agrees":
                what, severity = "date made relative", "minor"
                tail = (f"{reach}, which agrees with {when} within the precision of the "
                        "period: an approximation, not an error")
            else:
                what, severity = "date changed", "major"
                fits = "begins" if stated.begins else "lies"
                tail = f"{reach}, but the reference says it {fits} in {when}"
        period_span = [(j, period.start, period.end)]
        stated_span = [(stated.index, stated.start, stated.end)]
        return self.finding(
            "date", severity, src, tgt, f"{what}: {head}; {tail}",
            src_spans=stated_span, tgt_spans=period_span,
            change="relative_period", verdict=judged.verdict, stated_date=stated.date.date,
            begins=stated.begins, period_count=period.count, period_unit=period.unit,
            reaches_back=(f"{judged.reaches_back[0]:04d}-{judged.reaches_back[1]:02d}"
                          if judged.reaches_back else None),
            published=published.isoformat() if published else None)




@dataclass(frozen=True)
class _Stated:
    """A date as one side states it, with the word that makes it begin a period."""

    index: int
    date: Quantity
    start: int
    end: int
    text: str
    begins: bool


def _stated(q: Quantity) -> bool:
    """A date the text states outright (not "last year", which is relative itself)."""
    return q.kind == "date" and not (q.note or "").startswith("relative:") and bool(
        q.date) and not q.date.startswith(("-", "T"))


def _stated_for(facts: list[SentenceFacts], dates: list[_Item], lang: str) -> _Stated | None:
    """The date a relative period on the other side stands for: the first one that
    begins a period, else the only date there is."""
    for i, q in dates:
        span = period_start(q, facts[i].text, lang)
        if span is not None:
            return _Stated(i, q, span[0], span[1], facts[i].text[span[0]:span[1]], True)
    if len(dates) == 1:
        i, q = dates[0]
        return _Stated(i, q, q.start, q.end, q.text, False)
    return None


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
