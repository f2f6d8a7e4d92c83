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
from dataclasses import dataclass

from provenance.errors import BadInput
from provenance.lang import base
from provenance.quantities import numerals as N
from provenance.quantities.dates import find_dates
from provenance.quantities.model import Quantity
from provenance.quantities.units import (
    PREFIX_SYMBOLS,
    SUFFIX_CURRENCIES,
    local_currency,
    unit_lemma,
)

LANGS = ("en", "zh", "ko", "uk", "ru")
# When two readings cover the same characters, the richer kind wins.
_RANK = {"money": 7, "percent": 6, "date": 6, "time": 6, "ordinal": 5, "count": 4, "number": 1}


def _alts(table: dict[str, str]) -> str:
    return "|".join(re.escape(k) for k in sorted(table, key=len, reverse=True))


# --- qualifiers --------------------------------------------------------------------------

_PRE_QUALIFIERS: dict[str, dict[str, str]] = {
    "en": {
        "at least": "at_least",
        "no fewer than": "at_least",
        "no less than": "at_least",
        "not less than": "at_least",
        "a minimum of": "at_least",
        "more than": "more_than",
        "over": "more_than",
        "above": "more_than",
        "upwards of": "more_than",
        "in excess of": "more_than",
        "exceeding": "more_than",
        "nearly": "about",
        "less than": "less_than",
        "fewer than": "less_than",
        "under": "less_than",
        "below": "less_than",
        "at most": "at_most",
        "no more than": "at_most",
        "not more than": "at_most",
        "up to": "at_most",
        "a maximum of": "at_most",
        "about": "about",
        "around": "about",
        "approximately": "about",
        "roughly": "about",
        "some": "about",
        "almost": "about",
        "close to": "about",
        "an estimated": "about",
        "approx.": "about",
        "~": "about",
    },
    "zh": {
        "至少": "at_least",
        "起码": "at_least",
        "起碼": "at_least",
        "最少": "at_least",
        "超过": "more_than",
        "超過": "more_than",
        "逾": "more_than",
        "多于": "more_than",
        "多於": "more_than",
        "不到": "less_than",
        "不足": "less_than",
        "少于": "less_than",
        "少於": "less_than",
        "不超过": "at_most",
        "不超過": "at_most",
        "最多": "at_most",
        "至多": "at_most",
        "约": "about",
        "約": "about",
        "大约": "about",
        "大約": "about",
        "近": "about",
        "将近": "about",
        "將近": "about",
        "接近": "about",
        "大概": "about",
    },
    "ko": {
        "최소": "at_least",
        "적어도": "at_least",
        "최소한": "at_least",
        "최대": "at_most",
        "약": "about",
        "대략": "about",
        "거의": "about",
    },
    "uk": {
        "щонайменше": "at_least",
        "принаймні": "at_least",
        "не менше ніж": "at_least",
        "не менш ніж": "at_least",
        "не менше як": "at_least",
        "не менше": "at_least",
        "мінімум": "at_least",
        "понад": "more_than",
        "більше ніж": "more_than",
        "більш ніж": "more_than",
        "більше як": "more_than",
        "більше": "more_than",
        "менше ніж": "less_than",
        "менш ніж": "less_than",
        "менше": "less_than",
        "не більше ніж": "at_most",
        "не більше": "at_most",
        "щонайбільше": "at_most",
        "максимум": "at_most",
        "близько": "about",
        "приблизно": "about",
        "майже": "about",
        "орієнтовно": "about",
        "до": "at_most",
    },
    "ru": {
        "как минимум": "at_least",
        "по меньшей мере": "at_least",
        "не менее": "at_least",
        "минимум": "at_least",
        "не меньше": "at_least",
        "более чем": "more_than",
        "более": "more_than",
        "больше": "more_than",
        "свыше": "more_than",
        "менее": "less_than",
        "меньше": "less_than",
        "не более": "at_most",
        "максимум": "at_most",
        "около": "about",
        "примерно": "about",
        "почти": "about",
        "приблизительно": "about",
        "порядка": "about",
        "до": "at_most",
    },
}
_POST_QUALIFIERS: dict[str, dict[str, str]] = {
    "en": {" or more": "at_least", "-plus": "at_least", "+": "at_least", " or so": "about"},
    "zh": {
        "多": "more_than",
        "余": "more_than",
        "餘": "more_than",
        "以上": "more_than",
        "左右": "about",
        "上下": "about",
        "以下": "at_most",
        "以内": "at_most",
        "以內": "at_most",
    },
    "ko": {
        "여": "more_than",
        "이상": "at_least",
        "초과": "more_than",
        "넘게": "more_than",
        "넘는": "more_than",
        "가량": "about",
        "정도": "about",
        "쯤": "about",
        "안팎": "about",
        "미만": "less_than",
        "이하": "at_most",
    },
    "uk": {},
    "ru": {},
}
# "до" is "to" as often as "up to": only trust it before a count ("до 50 атак").
_TO_NOT_UP_TO_RX = re.compile(
    r"(?:\w(?:ла|ло|ли|лась|лося|лися|вся|ться|ів|ав|ив|ув|ал|ил|ул)|\bвід\s+\S+|\bот\s+\S+)\s*$",
    re.IGNORECASE,
)
_WEAK_QUALIFIERS = frozenset({"до", "some", "under", "over", "above", "below"})

_PRE_QUAL_RX = {
    lang: re.compile(
        rf"(?:^|(?<=[\s(\"“«,]))(?P<q>{_alts(t)})\s*$"
        if lang != "zh" and lang != "ko"
        else rf"(?P<q>{_alts(t)})\s*$",
        re.IGNORECASE,
    )
    for lang, t in _PRE_QUALIFIERS.items()
}
_POST_QUAL_RX = {
    lang: re.compile(rf"\s?(?P<q>{_alts(t)})") for lang, t in _POST_QUALIFIERS.items() if t
}

# --- markers around a number -------------------------------------------------------------

_PREFIX_CUR_RX = re.compile(rf"(?P<c>{_alts(PREFIX_SYMBOLS)})\s?$")
_SUFFIX_CUR_RX = {
    lang: re.compile(
        r"\s?(?:" + "|".join(f"(?P<c{i}>{p})" for i, (p, _) in enumerate(rules)) + ")",
        re.IGNORECASE,
    )
    for lang, rules in SUFFIX_CURRENCIES.items()
}
_PERCENT_RX = {
    "en": re.compile(r"\s?(?:%|per ?cent\b|percentage points?\b)", re.IGNORECASE),
    "zh": re.compile(r"\s?[%％]"),
    "ko": re.compile(r"\s?(?:%|퍼센트|프로(?![가-힣]))"),
    "uk": re.compile(
        r"\s?(?:%|відс(?:оток|отка|отки|отків|отками)?\.?(?!\w)|процент(?:а|ів|и)?)", re.IGNORECASE
    ),
    "ru": re.compile(r"\s?(?:%|процент(?:а|ов|ы|ами)?|проц\.)", re.IGNORECASE),
}
_ORDINAL_SUFFIX_RX = {
    "en": re.compile(r"(?:st|nd|rd|th)\b"),
    "ko": re.compile(r"\s?(?:번째|째|차(?![가-힣]))"),
    "uk": re.compile(r"-?(?:ий|ій|ша|ше|ше|го|ої|ій|му|им|й|а|я|е|є|ї|ти|ми|тя|та|те|ту)(?!\w)"),
    "ru": re.compile(r"-(?:ый|ий|ой|го|му|м|й|я|е|ю|х)(?!\w)"),
}
_ORDINAL_PREFIX_RX = {"zh": re.compile(r"第\s?$"), "ko": re.compile(r"제\s?$")}
_ZH_PERCENT_RX = re.compile(rf"百分之(?P<n>[{N.ZH_CHARS}\d.]+)")
_ZH_CLASSIFIER = (
    "个個名位次架艘枚颗顆辆輛项項份家所座只隻条條张張台部件起例倍场場轮輪届屆批支门門"
    "栋棟层層间間片块塊头頭匹棵株篇首套对對双雙根口声聲下遍回趟波人岁歲年天"
)
_ZH_CLASSIFIER_RX = re.compile(
    rf"\s?(?P<cl>个月|個月|个小时|個小時|小时|小時|分钟|分鐘|[{_ZH_CLASSIFIER}])"
)
_WORD_RX = re.compile(r"\s*(?P<w>[^\W\d_][\w'’ʼ-]*)")
_EN_ORDINAL_WORDS_RX = re.compile(rf"\b(?P<w>{_alts(N.EN_ORDINAL_WORDS)})\b", re.IGNORECASE)
# "once" is "when" or "formerly" more often than "one time": left out.
_EN_FRACTION_RX = re.compile(r"\b(?:a|one|two|three)\s+$", re.IGNORECASE)
_EN_MULTIPLE_RX = re.compile(r"\b(?P<w>twice|thrice)\b", re.IGNORECASE)
_SLAVIC_ORDINAL_WORDS = {
    "uk": {
        "перш": 1,
        "друг": 2,
        "трет": 3,
        "четверт": 4,
        "п'ят": 5,
        "шост": 6,
        "сьом": 7,
        "восьм": 8,
        "дев'ят": 9,
        "десят": 10,
    },
    "ru": {
        "перв": 1,
        "втор": 2,
        "трет": 3,
        "четверт": 4,
        "пят": 5,
        "шест": 6,
        "седьм": 7,
        "восьм": 8,
        "девят": 9,
        "десят": 10,
    },
}
_SLAVIC_ORDINAL_RX = {
    lang: re.compile(
        rf"(?<!\w)(?P<w>(?:{'|'.join(s.replace(chr(39), N._APOS) for s in t)})"
        rf"(?:ий|ій|ій|ого|ої|ому|им|ою|а|е|є|я|і|их|ый|ой|ая|ое|ую|ых|ым|ые))(?!\w)",
        re.IGNORECASE,
    )
    for lang, t in _SLAVIC_ORDINAL_WORDS.items()
}
_EN_YEAR_OLD_RX = re.compile(r"[- ]years?[- ]old\b", re.IGNORECASE)
_SLAVIC_MULTIPLES = {
    "uk": {"двічі": 2, "тричі": 3, "чотиричі": 4},
    "ru": {"дважды": 2, "трижды": 3, "четырежды": 4},
}
_SLAVIC_MULTIPLE_RX = {
    lang: re.compile(rf"(?<!\w)(?P<w>{_alts(t)})(?!\w)", re.IGNORECASE)
    for lang, t in _SLAVIC_MULTIPLES.items()
}
_SLAVIC_TIMES_RX = re.compile(r"\s?(?P<w>раз(?:и|а|ів|ов)?)(?!\w)", re.IGNORECASE)


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

    ``lang`` is an article or glossary code (en, zh-cn, zh-Hant, ko, uk, ru); other
    languages are read with the English rules (digits only matter there). ``published``
    resolves relative dates ("this month") and gives year-less dates their year.
    """
    if not isinstance(text, str):
        raise BadInput(f"extract_quantities needs a string, not {type(text).__name__}")
    b = base(lang)
    if b not in LANGS:
        b = "en"
    norm = N.ascii_digits(text)
    readings = _number_readings(norm, b, lang)
    found = [(_RANK[r.kind], r) for r in readings]
    dates = find_dates(norm, b, published)
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


def _retext(q: Quantity, text: str) -> Quantity:
    from dataclasses import replace

    return replace(q, text=text[q.start : q.end])


# --- number readings ---------------------------------------------------------------------


def _number_readings(text: str, b: str, lang: str) -> list[_Reading]:
    out: list[_Reading] = []
    if b == "en":
        cores = _en_cores(text)
    elif b in ("uk", "ru"):
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
    for m in _ZH_PERCENT_RX.finditer(text):
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
        cores.append((m.start(), m.end(), float(N.KO_NATIVE[m.group("n")]), {"word", "native"}))
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
        pm = _PREFIX_CUR_RX.search(text, max(0, start - 5), start)
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
        pm2 = _PERCENT_RX[b].match(rest)
        if pm2:
            kind, end = "percent", end + pm2.end()
            rest = text[end:]
    # Post qualifiers written straight after the number (100多, 100여).
    if b in ("zh", "ko") and kind in ("number", "money"):
        qm = _POST_QUAL_RX[b].match(rest)
        if qm and qm.group("q") in ("多", "余", "餘", "여"):
            qualifier = _POST_QUALIFIERS[b][qm.group("q")]
            end += qm.end()
            rest = text[end:]
    # Currency after the number ("59亿美元", "5,9 млрд доларів", "5 billion dollars").
    if kind == "number":
        cm = _SUFFIX_CUR_RX[b].match(rest)
        if cm:
            idx = next(i for i, g in enumerate(cm.groups()) if g is not None)
            currency = SUFFIX_CURRENCIES[b][idx][1]
            if currency == "LOCAL":
                currency = local_currency(lang)
            kind, end = "money", end + cm.end()
            rest = text[end:]
    # Ordinal markers.
    if kind == "number":
        if b in _ORDINAL_PREFIX_RX:
            om = _ORDINAL_PREFIX_RX[b].search(text, max(0, start - 2), start)
            if om:
                kind, start = "ordinal", om.start()
                cl = _ZH_CLASSIFIER_RX.match(rest) if b == "zh" else None
                if cl:
                    end += cl.end()
                    rest = text[end:]
        if kind == "number" and b in _ORDINAL_SUFFIX_RX and "word" not in flags:
            om2 = _ORDINAL_SUFFIX_RX[b].match(rest)
            if om2 and (b != "uk" or rest.startswith("-")) and float(value).is_integer():
                kind, end = "ordinal", end + om2.end()
                rest = text[end:]
    if b == "en" and kind == "number" and rest.startswith("+"):
        qualifier, end = "at_least", end + 1  # "130+ launches"
        rest = text[end:]
    # The counted noun.
    if kind == "number":
        found = _count_unit(text, b, start, end, flags)
        if found is not None:
            unit, end = found
            kind = "count"
            rest = text[end:]
    if kind in ("number", "count", "money", "percent") and b in _POST_QUAL_RX and not qualifier:
        qm = _POST_QUAL_RX[b].match(rest)
        if qm and (b != "en" or qm.group("q") != "+" or kind != "percent"):
            qualifier = _POST_QUALIFIERS[b][qm.group("q")]
            end += qm.end()
    if qualifier is None and "more_than" in flags:
        qualifier = "more_than"
    if qualifier is None:
        qualifier, start = _pre_qualifier(text, b, start, kind)
    if kind == "number" and ({"needs_marker", "weak"} & flags):
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


def _pre_qualifier(text: str, b: str, start: int, kind: str) -> tuple[str | None, int]:
    window = text[max(0, start - 24) : start]
    m = _PRE_QUAL_RX[b].search(window)
    if not m:
        return None, start
    word = m.group("q").lower()
    if word in _WEAK_QUALIFIERS and kind not in ("count", "money"):
        return None, start
    if word == "до" and _TO_NOT_UP_TO_RX.search(
        text[max(0, start - 40) : start - len(window) + m.start("q")]
    ):
        return None, start  # "зросла до 14 014" (rose to), "від 10 до 20": not "up to"
    key = next(k for k in _PRE_QUALIFIERS[b] if k.lower() == word)
    return _PRE_QUALIFIERS[b][key], start - (len(window) - m.start("q"))


def _count_unit(
    text: str, b: str, start: int, end: int, flags: set[str]
) -> tuple[str | None, int] | None:
    """(English unit lemma or None, new end) when a counted noun follows the number."""
    rest = text[end : end + 40]
    if b == "en":
        yo = _EN_YEAR_OLD_RX.match(rest)
        if yo:
            return "year_old", end + yo.end()
        m1 = _WORD_RX.match(rest)
        if not m1:
            return None
        w1 = m1.group("w")
        lemma = unit_lemma(w1, "en")
        if lemma:
            return lemma, end + m1.end()
        m2 = _WORD_RX.match(rest, m1.end())
        if m2 and w1.islower() and unit_lemma(m2.group("w"), "en"):
            return unit_lemma(m2.group("w"), "en"), end + m2.end()
        guess = unit_lemma(w1, "en", guess=True) if w1.islower() else None
        if guess and not rest.startswith(("-", ",")) and "short" not in flags:
            return guess, end + m1.end()
        return None
    if b in ("uk", "ru"):
        tm = _SLAVIC_TIMES_RX.match(rest)
        if tm:
            return "time", end + tm.end()
        m1 = _WORD_RX.match(rest)
        if not m1:
            return None
        lemma = unit_lemma(m1.group("w"), b)
        if lemma:
            return lemma, end + m1.end()
        m2 = _WORD_RX.match(rest, m1.end())
        if (
            m2
            and unit_lemma(m2.group("w"), b)
            and m1.group("w")[-2:] in ("их", "ых", "ій", "ої", "их", "ий", "ої", "ні", "ті")
        ):
            return unit_lemma(m2.group("w"), b), end + m2.end()
        return None
    if b == "zh":
        return _zh_unit(text, end)
    return _ko_unit(text, start, end, flags)


def _zh_unit(text: str, end: int) -> tuple[str | None, int] | None:
    rest = text[end : end + 12]
    offset = 0
    qm = _POST_QUAL_RX["zh"].match(rest)
    if qm and qm.group("q") in ("多", "余", "餘"):
        offset = qm.end()
    direct = unit_lemma(rest[offset:].lstrip(), "zh")
    cl = _ZH_CLASSIFIER_RX.match(rest, offset)
    if direct and (not cl or direct not in ("time", "person", "year", "day", "week")):
        lead = len(rest[offset:]) - len(rest[offset:].lstrip())
        form = _matched_form(rest[offset + lead :], "zh")
        return direct, end + offset + lead + len(form)
    if not cl:
        return None
    unit = unit_lemma(cl.group("cl"), "zh")
    after = cl.end()
    # A noun after the classifier names the thing: 28次发射 is 28 launches, not 28 times.
    for skip in range(0, 4):
        tail = rest[after + skip :]
        noun = unit_lemma(tail, "zh")
        form = _matched_form(tail, "zh") if noun else ""
        if noun and len(form) >= 2:
            return noun, end + after + skip + len(form)
        if (
            skip < 3
            and after + skip < len(rest)
            and not ("\u4e00" <= rest[after + skip] <= "\u9fff")
        ):
            break
    return unit, end + after


def _matched_form(tail: str, lang: str) -> str:
    from provenance.quantities.units import _LOOKUP

    low = tail.lower()
    for w, _ in _LOOKUP[lang]:
        if low.startswith(w):
            return tail[: len(w)]
    return ""


_KO_COUNTER_RX = re.compile(
    r"\s?(?P<c>번째|번|회|차례|명|개국|개월|개|건|대|척|곳|마리|그루|가지|시간|분|초|살|세|일간)"
)
_KO_NOUN_RX = re.compile(r"\s?(?P<w>[가-힣]+)")


def _ko_unit(text: str, start: int, end: int, flags: set[str]) -> tuple[str | None, int] | None:
    rest = text[end : end + 20]
    offset = 0
    qm = _POST_QUAL_RX["ko"].match(rest)
    if qm and qm.group("q") == "여":
        offset = qm.end()
    cm = _KO_COUNTER_RX.match(rest, offset)
    if not cm:
        direct = unit_lemma(rest[offset:].lstrip(), "ko")
        if direct and direct not in ("day", "month", "year"):
            lead = len(rest[offset:]) - len(rest[offset:].lstrip())
            nm = _KO_NOUN_RX.match(rest, offset)
            return direct, end + (nm.end() if nm else offset + lead)
        return None
    if cm.group("c") == "번째":
        return None
    unit = unit_lemma(cm.group("c"), "ko")
    new_end = end + cm.end()
    if cm.group("c") in ("번", "회", "차례", "건", "개"):
        # Korean puts the noun before the number ("발사 28회") or right after ("28회 발사").
        nm = _KO_NOUN_RX.match(text, new_end + (1 if text.startswith("의", new_end) else 0))
        if nm and unit_lemma(nm.group("w"), "ko") not in (None, "time"):
            return unit_lemma(nm.group("w"), "ko"), nm.end()
        before = re.search(r"([가-힣]+)\s*$", text[max(0, start - 12) : start])
        if before:
            noun = re.sub(r"(?:을|를|이|가|은|는|의|도)$", "", before.group(1))
            lemma = unit_lemma(noun, "ko")
            if lemma and lemma != "time":
                return lemma, new_end
    return unit, new_end


def _word_ordinals_and_multiples(text: str, b: str) -> list[_Reading]:
    out: list[_Reading] = []
    if b == "en":
        for m in _EN_ORDINAL_WORDS_RX.finditer(text):
            if _EN_FRACTION_RX.search(text, 0, m.start()) and text.startswith(" of", m.end()):
                continue  # "a third of", "one fifth of": a fraction, not a rank
            out.append(
                _Reading(
                    m.start(), m.end(), "ordinal", float(N.EN_ORDINAL_WORDS[m.group("w").lower()])
                )
            )
        for m in _EN_MULTIPLE_RX.finditer(text):
            qualifier, start = _pre_qualifier(text, b, m.start(), "count")
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
    elif b in _SLAVIC_ORDINAL_RX:
        for m in _SLAVIC_MULTIPLE_RX[b].finditer(text):
            qualifier, start = _pre_qualifier(text, b, m.start(), "count")
            out.append(
                _Reading(
                    start,
                    m.end(),
                    "count",
                    float(_SLAVIC_MULTIPLES[b][m.group("w").lower()]),
                    "time",
                    qualifier=qualifier,
                )
            )
        table = _SLAVIC_ORDINAL_WORDS[b]
        for m in _SLAVIC_ORDINAL_RX[b].finditer(text):
            w = re.sub(N._APOS, "'", m.group("w").lower())
            stem = max((s for s in table if w.startswith(s)), key=len)
            out.append(_Reading(m.start(), m.end(), "ordinal", float(table[stem])))
    return out
