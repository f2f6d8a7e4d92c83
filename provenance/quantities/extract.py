"""Find the quantities in a sentence: numbers, money, percentages, ordinals, counts, dates.

The extractor works in two passes. The first finds number cores ("59亿", "5,9 млрд",
"seven") with one compiled regex per language; the second looks around each core for
what gives it meaning: a currency symbol or word, a percent sign, an ordinal marker
(第, -th, 번째), the counted noun and a qualifier ("at least", 至少, 최소, щонайменше).
Dates come from `provenance.quantities.dates`. Overlapping readings are resolved in
favour of the longest, then the richest: "$5.9 billion" is one money quantity.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace

from provenance.errors import BadInput
from provenance.lang import base, base_codes, has, is_cyrillic, languages_with
from provenance.quantities import markers as M
from provenance.quantities import numerals as N
from provenance.quantities.basic import find_basic_dates, localise
from provenance.quantities.counts import count_unit
from provenance.quantities.dates import find_dates
from provenance.quantities.model import Quantity
from provenance.quantities.periods import mark_period
from provenance.quantities.units import PREFIX_SYMBOLS, SUFFIX_CURRENCIES, local_currency

#: Base codes with quantity rules (the registry's "quantities" capability).
LANGS = base_codes(languages_with("quantities"))
# When two readings cover the same characters, the richer kind wins.
_RANK = {"money": 7, "percent": 6, "date": 6, "time": 6, "ordinal": 5, "count": 4, "number": 1}


@dataclass
class _Reading:
    """A candidate quantity before overlaps are resolved."""

    start: int
    end: int
    kind: str
    value: float | None
    unit: str | None = None
    currency: str | None = None
    qualifier: str | None = None


def extract_quantities(text: str, lang: str, published: dt.date | None = None) -> list[Quantity]:
    """Every quantity in ``text`` written in ``lang``, sorted by start, never overlapping.

    ``lang`` is an article or glossary code (en, zh-cn, zh-Hant, ko, uk, ru); a basic-tier
    language (it, de, bg...) is read with the English rules after its decimal mark is put
    right, plus its month names (:mod:`provenance.quantities.basic`); any other language
    with the English rules (digits only matter there). ``published``
    resolves relative dates ("this month") and gives year-less dates their year.
    """
    if not isinstance(text, str):
        raise BadInput(f"extract_quantities needs a string, not {type(text).__name__}")
    published = _as_date(published)
    b = base(lang)
    basic = b not in LANGS and has(lang, "numbers")
    norm = N.ascii_digits(text)
    if basic:
        # digits, money and percentages by the English rules, once the decimal mark is
        # put right; dates with the language's month names (provenance.quantities.basic)
        norm = localise(norm, b)
    own = b
    if b not in LANGS:
        b = "en"
    readings = _number_readings(norm, b, lang)
    found = [(_RANK[r.kind], r) for r in readings]
    dates = find_dates(norm, b, published)
    if basic:
        dates += find_basic_dates(norm, own, published)
    dates = [mark_period(q, norm, own) for q in dates]
    candidates: list[tuple[int, int, int, Quantity | _Reading]] = [
        (r.start, r.end, rank, r) for rank, r in found
    ] + [(q.start, q.end, _RANK[q.kind], q) for q in dates]
    # Longest span first, then the richer kind, then leftmost.
    candidates.sort(key=lambda c: (-(c[1] - c[0]), -c[2], c[0]))
    taken: list[tuple[int, int]] = []
    out: list[Quantity] = []
    for start, end, _, cand in candidates:
        if any(start < e and s < end for s, e in taken):
            continue
        taken.append((start, end))
        if isinstance(cand, Quantity):
            out.append(cand if cand.text == text[start:end] else _retext(cand, text))
        else:
            out.append(
                Quantity(
                    kind=cand.kind,
                    value=cand.value,
                    start=start,
                    end=end,
                    text=text[start:end],
                    unit=cand.unit,
                    currency=cand.currency,
                    qualifier=cand.qualifier,
                )
            )
    out.sort(key=lambda q: q.start)
    return out


def _as_date(published: object) -> dt.date | None:
    """A publication date from a date, a datetime or an ISO string ("2025-06-27")."""
    if published is None or isinstance(published, dt.date):
        return published.date() if isinstance(published, dt.datetime) else published
    if isinstance(published, str):
        try:
            return dt.date.fromisoformat(published.strip()[:10])
        except ValueError:
            pass
    raise BadInput(f"publication date must be a date or YYYY-MM-DD, not {published!r}")


def _retext(q: Quantity, text: str) -> Quantity:
    """The quantity with its text taken from the original (not digit-normalised) string."""
    return replace(q, text=text[q.start : q.end])


# --- number readings ---------------------------------------------------------------------


def _number_readings(text: str, b: str, lang: str) -> list[_Reading]:
    out: list[_Reading] = []
    if b == "en":
        cores = _en_cores(text)
    elif is_cyrillic(b):
        cores = _slavic_cores(text, b)
    elif b == "zh":
        cores = _zh_cores(text)
    else:
        cores = _ko_cores(text)
    for start, end, value, flags in cores:
        r = _dress(text, b, lang, start, end, value, flags)
        if r is not None:
            out.append(r)
    out.extend(_word_ordinals_and_multiples(text, b))
    return out


def _en_cores(text: str) -> list[tuple[int, int, float, set[str]]]:
    cores = []
    for m in N.EN_PATTERN.finditer(text):
        end = m.end()
        flags: set[str] = set()
        if m.group("w"):
            flags.add("word")
            if m.group("w").lower() in ("a", "one") and not m.group("sc"):
                flags.add("weak")  # "one of the", "a": only a quantity with a unit
            if m.group("w")[0].isupper() and not _sentence_start(text, m.start()):
                continue  # "Fox and Seven", "Air Force One": a name, not a number
        if m.group("short"):
            flags.add("short:" + m.group("short").lower())
        chunk = text[m.start() : end]
        try:
            value = N.western_value(chunk, "en")
        except ValueError:
            continue
        cores.append((m.start(), end, value, flags))
    return cores


def _sentence_start(text: str, i: int) -> bool:
    before = text[:i].rstrip(" \t\"“'‘«(")
    return not before or before[-1] in ".!?:;\n"


def _slavic_cores(text: str, b: str) -> list[tuple[int, int, float, set[str]]]:
    rx = N.UK_PATTERN if b == "uk" else N.RU_PATTERN
    cores = []
    for m in rx.finditer(text):
        if not m.group(0).strip():
            continue
        flags: set[str] = set()
        if m.group("w"):
            flags.add("word")
            first = re.split(r"\s", m.group("w"))[0]
            if N.slavic_word_value(first, b) == 1 and not m.group("sc"):
                flags.add("weak")
        end = m.end()
        while end > m.start() and text[end - 1].isspace():
            end -= 1
        try:
            value = N.western_value(text[m.start() : end], b)
        except ValueError:
            continue
        cores.append((m.start(), end, value, flags))
    return cores


def _zh_cores(text: str) -> list[tuple[int, int, float, set[str]]]:
    cores = []
    for m in N.ZH_PATTERN.finditer(text):
        flags: set[str] = set()
        s, e = m.start(), m.end()
        if text.startswith("分之", e) or text[max(0, s - 2) : s] == "分之":
            continue  # a fraction (十分之一), not a count
        if text[max(0, s - 1) : s] in ("数", "數", "几", "幾"):
            continue  # 数十, 几百: "dozens", "hundreds", no number was given
        if m.group("c"):
            flags.add("word")
            chars = m.group("c")
            if s >= 3 and text[s - 3 : s] == "百分之":
                continue
            if chars == "一" and text[s - 1 : s] != "第":
                continue  # 一 + classifier is the indefinite article: 一名男子 "a man"
            if len(chars) == 2 and all(ch in N.ZH_DIGITS for ch in chars):
                continue  # 唯一一个, 三五: words and ranges, not two-digit numbers
            # Numeral characters are common inside words (一直, 统一, 万一): keep them only
            # where a classifier, currency, percent or ordinal marker says they count.
            flags.add("needs_marker")
        body = text[s:e]
        if any(ch in body for ch in "多余餘"):
            flags.add("more_than")  # 200多万: "over two million"
            body = re.sub("[多余餘]", "", body)
        try:
            value = N.myriad_value(body)
        except (ValueError, KeyError):
            continue
        cores.append((s, e, value, flags))
    for m in M.ZH_PERCENT_RX.finditer(text):
        try:
            value = N.myriad_value(m.group("n"))
        except (ValueError, KeyError):
            continue
        cores.append((m.start(), m.end(), value, {"percent"}))
    return cores


def _ko_cores(text: str) -> list[tuple[int, int, float, set[str]]]:
    cores = []
    for m in N.KO_PATTERN.finditer(text):
        try:
            value = N.myriad_value(m.group(0))
        except (ValueError, KeyError):
            continue
        cores.append((m.start(), m.end(), value, set()))
    for m in N.KO_NATIVE_PATTERN.finditer(text):
        value = float(N.KO_NATIVE[m.group("n")])
        flags = {"word", "native"} | ({"weak"} if value == 1 else set())
        cores.append((m.start(), m.end(), value, flags))
    return cores


def _dress(
    text: str, b: str, lang: str, start: int, end: int, value: float, flags: set[str]
) -> _Reading | None:
    """Turn a number core into a reading by looking at the characters around it."""
    kind = "number"
    unit = currency = qualifier = None
    rest = text[end:]
    if "percent" in flags:
        kind = "percent"
    # Currency before the number ("$5.9", "US$ 2.4").
    if kind == "number":
        pm = M.PREFIX_CUR_RX.search(text, max(0, start - 5), start)
        if pm and pm.end() == start and _is_word_boundary_before(text, pm.start()):
            currency = PREFIX_SYMBOLS[
                pm.group("c").upper() if pm.group("c").isalpha() else pm.group("c")
            ]
            kind = "money"
            start = pm.start()
    short = next((f.split(":")[1] for f in flags if f.startswith("short:")), None)
    if short in ("m", "k") and kind != "money":
        # "10 m" is ten metres unless money was named: drop the scale letter again.
        value /= N.EN_SCALES[short]
        end = _strip_short(text, start, end)
        rest = text[end:]
    # Percent after the number.
    if kind == "number":
        pm2 = M.PERCENT_RX[b].match(rest)
        if pm2:
            kind, end = "percent", end + pm2.end()
            rest = text[end:]
            if pm2.groupdict().get("tenth"):
                value *= 10
    # Post qualifiers written straight after the number (100多, 100여).
    if b in ("zh", "ko") and kind in ("number", "money"):
        qm = M.POST_QUAL_RX[b].match(rest)
        if qm and qm.group("q") in ("多", "余", "餘", "여"):
            qualifier = M.POST_QUALIFIERS[b][qm.group("q")]
            end += qm.end()
            rest = text[end:]
    # Currency after the number ("59亿美元", "5,9 млрд доларів", "5 billion dollars").
    if kind == "number":
        cm = M.SUFFIX_CUR_RX[b].match(rest)
        if cm:
            idx = next(i for i, g in enumerate(cm.groups()) if g is not None)
            currency = SUFFIX_CURRENCIES[b][idx][1]
            if currency == "LOCAL":
                currency = local_currency(lang)
            kind, end = "money", end + cm.end()
            rest = text[end:]
    # Ordinal markers.
    if kind == "number":
        if b in M.ORDINAL_PREFIX_RX:
            om = M.ORDINAL_PREFIX_RX[b].search(text, max(0, start - 2), start)
            if om:
                kind, start = "ordinal", om.start()
                cl = M.ZH_CLASSIFIER_RX.match(rest) if b == "zh" else None
                if cl:
                    end += cl.end()
                    rest = text[end:]
        if kind == "number" and b in M.ORDINAL_SUFFIX_RX and ("word" not in flags or b == "ko"):
            om2 = M.ORDINAL_SUFFIX_RX[b].match(rest)
            if om2 and (b != "uk" or rest.startswith("-")) and float(value).is_integer():
                kind, end = "ordinal", end + om2.end()
                rest = text[end:]
    if b == "en" and kind == "number" and rest.startswith("+"):
        qualifier, end = "at_least", end + 1  # "130+ launches"
        rest = text[end:]
    # The counted noun.
    if kind == "number":
        found = count_unit(text, b, start, end, flags)
        if found is not None:
            if b == "zh" and not qualifier:
                # a bound between the classifier and the noun: 125个以上样本
                qualifier = _zh_bound_after_classifier(text, end, found[1])
            unit, end = found
            kind = "count"
            rest = text[end:]
    if kind in ("number", "count", "money", "percent") and b in M.POST_QUAL_RX and not qualifier:
        qm = M.POST_QUAL_RX[b].match(rest)
        if qm and (b != "en" or qm.group("q") != "+" or kind != "percent"):
            qualifier = M.POST_QUALIFIERS[b][qm.group("q")]
            end += qm.end()
    if qualifier is None and "more_than" in flags:
        qualifier = "more_than"
    if qualifier is None:
        qualifier, start = M.pre_qualifier(text, b, start, kind)
    if kind == "number" and "needs_marker" in flags:
        return None
    if "weak" in flags and kind in ("number", "count") and qualifier is None:
        # "one player", "одна ракета", "한 명" often just say "a": 一名 and "a" are not
        # read as numbers either, so a bare "one" is left out on every side ("at least
        # one" stays).
        return None
    return _Reading(start, end, kind, value, unit, currency, qualifier)


def _is_word_boundary_before(text: str, i: int) -> bool:
    return i == 0 or not text[i - 1].isalnum()


def _strip_short(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isalpha():
        end -= 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def _word_ordinals_and_multiples(text: str, b: str) -> list[_Reading]:
    out: list[_Reading] = []
    if b == "zh":
        out.extend(_Reading(m.start(), m.end() + 1, "ordinal", 1.0)
                   for m in M.ZH_FIRST_RX.finditer(text))  # fmt: skip
    if b == "ko":
        out.extend(_Reading(m.start(), m.end(), "ordinal", 1.0)
                   for m in M.KO_FIRST_RX.finditer(text))  # fmt: skip
    if b == "en":
        for m in M.EN_ORDINAL_WORDS_RX.finditer(text):
            if M.EN_FRACTION_RX.search(text, 0, m.start()) and text.startswith(" of", m.end()):
                continue  # "a third of", "one fifth of": a fraction, not a rank
            out.append(
                _Reading(
                    m.start(), m.end(), "ordinal", float(N.EN_ORDINAL_WORDS[m.group("w").lower()])
                )
            )
        for m in M.EN_MULTIPLE_RX.finditer(text):
            qualifier, start = M.pre_qualifier(text, b, m.start(), "count")
            out.append(
                _Reading(
                    start,
                    m.end(),
                    "count",
                    float(N.EN_MULTIPLES[m.group("w").lower()]),
                    "time",
                    qualifier=qualifier,
                )
            )
    elif b in M.SLAVIC_ORDINAL_RX:
        for m in M.SLAVIC_MULTIPLE_RX[b].finditer(text):
            qualifier, start = M.pre_qualifier(text, b, m.start(), "count")
            out.append(
                _Reading(
                    start,
                    m.end(),
                    "count",
                    float(M.SLAVIC_MULTIPLES[b][m.group("w").lower()]),
                    "time",
                    qualifier=qualifier,
                )
            )
        table = M.SLAVIC_ORDINAL_WORDS[b]
        for m in M.SLAVIC_ORDINAL_RX[b].finditer(text):
            if M.SLAVIC_IDIOM_RX.match(text, m.end()):
                continue  # "предмети першої необхідності": essentials, not a rank
            w = re.sub(N.APOSTROPHES, "'", m.group("w").lower())
            stem = max((s for s in table if w.startswith(s)), key=len)
            out.append(_Reading(m.start(), m.end(), "ordinal", float(table[stem])))
    return out


def _zh_bound_after_classifier(text: str, end: int, unit_end: int) -> str | None:
    """The qualifier written between a number's classifier and its noun (125个以上样本),
    inside what the counted noun spans."""
    cl = M.ZH_CLASSIFIER_RX.match(text, end)
    qm = M.POST_QUAL_RX["zh"].match(text, cl.end()) if cl else None
    if qm is None or qm.end() > unit_end or qm.group("q") in ("多", "余", "餘"):
        return None
    return M.POST_QUALIFIERS["zh"][qm.group("q")]
