"""Numbers and dates in the basic-tier languages (the registry's ``numbers`` capability).

Full-tier languages have their own number words, counted nouns, units and qualifiers
(:mod:`provenance.quantities.extract`). A basic-tier language gets what a library or a
plain convention gives for free:

* numbers, money and percentages written in digits, read with the English rules after
  the language's decimal mark is put right: "5,9 Mrd. $" and "1.290 km" in German are
  5.9 and 1290 (:func:`localise` swaps the marks between digits, keeping every offset);
* dates written with month names, from dateparser's calendars for the language
  ("25 octombrie 2024", "25 de octubre", "25 Ekim 2024", "2024年10月25日"), resolved
  against the publication date when they give no year.

Number words ("cinque miliardi"), counted nouns and hedges around numbers are not read:
:func:`provenance.lang.support_notice` says so.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache

from provenance.quantities.datevalue import DateValue
from provenance.quantities.model import Quantity

#: Languages that write the decimal mark as a comma (and group thousands with a point or
#: a space): "5,9" is five point nine.
DECIMAL_COMMA = frozenset({"de", "fr", "es", "it", "pt", "pl", "ro", "bg", "tr", "vi"})
_MARK_BETWEEN_DIGITS = re.compile(r"(?<=\d)[.,](?=\d)")
# "1 290 km", "14 014": thousands grouped with a (thin, no-break) space
_SPACE_GROUPS = re.compile(r"(?<![\d.,])\d{1,3}(?:[ \u00a0\u202f\u2009]\d{3})+(?![\d.,]?\d)")
_SWAP = str.maketrans({".": ",", ",": "."})
_DAY = r"(?P<d>[0-3]?\d)"
_YEAR = r"(?P<y>(?:1[89]|20|21)\d{2})"
_MONTH_KEYS = ("january", "february", "march", "april", "may", "june", "july", "august",
               "september", "october", "november", "december")


def localise(text: str, lang: str) -> str:
    """``text`` with a decimal-comma language's marks swapped to the English convention,
    between digits only: "1.290,5" -> "1,290.5", "1 290" -> "1,290". Same length, so
    spans hold."""
    if lang not in DECIMAL_COMMA:
        return text
    text = _MARK_BETWEEN_DIGITS.sub(lambda m: m.group(0).translate(_SWAP), text)
    return _SPACE_GROUPS.sub(lambda m: re.sub(r"\s", ",", m.group(0)), text)


@cache
def month_names(lang: str) -> dict[str, int]:
    """Month name (lower case) -> month number, from dateparser's calendar for ``lang``
    (abbreviations and inflected forms included); empty for a language it lacks."""
    from dateparser.languages.loader import default_loader

    try:
        info = default_loader.get_locale(lang).info
    except (KeyError, ValueError):
        return {}
    names: dict[str, int] = {}
    for number, key in enumerate(_MONTH_KEYS, 1):
        for name in info.get(key, []):
            if len(name) >= 3 or not name.isascii():
                names[name.lower()] = number
    return names


@cache
def _date_patterns(lang: str) -> tuple[tuple[str, re.Pattern[str]], ...]:
    names = month_names(lang)
    if not names:
        return ()
    mon = "|".join(sorted((re.escape(n) for n in names), key=len, reverse=True))
    mon = rf"(?P<mon>{mon})\.?"
    de = r"(?:\s+de)?"  # "25 de octubre de 2024" (es, pt)
    edge = r"(?![^\W\d_])"
    return (
        ("ymd", re.compile(rf"{_YEAR}\s?年\s?(?P<m>[01]?\d)\s?月\s?{_DAY}\s?日")),
        ("dmy", re.compile(rf"(?<![\d.]){_DAY}\.?{de}\s+{mon}{edge}(?:{de}\s+{_YEAR})?",
                           re.IGNORECASE)),
        ("mdy", re.compile(rf"(?<![^\W\d_]){mon}\s+{_DAY}(?:,?\s+{_YEAR})?(?!\d)",
                           re.IGNORECASE)),
        ("my", re.compile(rf"(?<![^\W\d_]){mon}{de}\s+{_YEAR}", re.IGNORECASE)),
        ("md", re.compile(rf"(?P<m>[01]?\d)\s?月\s?{_DAY}\s?日")),
    )


def find_basic_dates(text: str, lang: str, published: dt.date | None) -> list[Quantity]:
    """Dates with month names in a basic-tier language, overlaps left to the caller."""
    names = month_names(lang)
    out = []
    for _kind, pattern in _date_patterns(lang):
        for m in pattern.finditer(text):
            g = m.groupdict()
            month = names.get((g.get("mon") or "").lower()) or _int(g.get("m"))
            year, day = _int(g.get("y")), _int(g.get("d"))
            if not month or month > 12 or (day is not None and not 1 <= day <= 31):
                continue
            if year is None and day is not None and published is not None:
                year = published.year
            value = DateValue(year=year, month=month, day=day)
            out.append(Quantity(kind="date", value=None, start=m.start(), end=m.end(),
                                text=m.group(0), date=value.iso() or None))
    return out


def _int(s: str | None) -> int | None:
    return int(s) if s and s.isdigit() else None
