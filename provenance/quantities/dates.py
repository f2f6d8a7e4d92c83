"""Dates and times as news text writes them, resolved against the publication date.

Absolute forms ("June 26", "26 June 17:15", "Jun 27, 2025", "6月25日", "6월 25일",
"25 червня", "08.02.2023") are read with month tables; a date without a year takes the
publication year. Relative forms ("this month", "last summer", 本月, 지난달, минулого
року) resolve to the month, year or period they mean, with a ``note`` saying so.
Weekdays and "N hours ago" go through dateparser, only on the span found here and with
the publication date as RELATIVE_BASE. Without a publication date, year-less dates keep
an unknown year ("--06-26") and relative ones keep no date at all.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from functools import lru_cache

from provenance.lang import whole_words
from provenance.quantities.datevalue import DateValue
from provenance.quantities.lazyre import lazy_compile
from provenance.quantities.model import Quantity
from provenance.quantities.numerals import myriad_value

_EN_MONTHS = {
    "January": 1, "February": 2, "March": 3, "April": 4, "May": 5, "June": 6, "July": 7,
    "August": 8, "September": 9, "October": 10, "November": 11, "December": 12,
    "Jan": 1, "Feb": 2, "Mar": 3, "Apr": 4, "Jun": 6, "Jul": 7, "Aug": 8, "Sep": 9,
    "Sept": 9, "Oct": 10, "Nov": 11, "Dec": 12,
}  # fmt: skip
_UK_MONTHS_GEN = ["січня", "лютого", "березня", "квітня", "травня", "червня", "липня",
                  "серпня", "вересня", "жовтня", "листопада", "грудня"]  # fmt: skip
_UK_MONTHS_LOC = ["січні", "лютому", "березні", "квітні", "травні", "червні", "липні",
                  "серпні", "вересні", "жовтні", "листопаді", "грудні"]  # fmt: skip
_RU_MONTHS_GEN = ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа",
                  "сентября", "октября", "ноября", "декабря"]  # fmt: skip
_RU_MONTHS_LOC = ["январе", "феврале", "марте", "апреле", "мае", "июне", "июле", "августе",
                  "сентябре", "октябре", "ноябре", "декабре"]  # fmt: skip
_UK_MONTHS_NOM = ["січень", "лютий", "березень", "квітень", "травень", "червень", "липень",
                  "серпень", "вересень", "жовтень", "листопад", "грудень"]  # fmt: skip
_MONTHS: dict[str, dict[str, int]] = {
    "en": _EN_MONTHS,
    "uk": {m: i + 1 for i, m in enumerate(_UK_MONTHS_GEN)},
    "ru": {m: i + 1 for i, m in enumerate(_RU_MONTHS_GEN)},
}
_MONTHS_LOC = {
    "uk": {m: i % 12 + 1 for i, m in enumerate(_UK_MONTHS_LOC + _UK_MONTHS_NOM)},
    "ru": {m: i + 1 for i, m in enumerate(_RU_MONTHS_LOC)},
}
_SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11),
            "winter": (12, 2)}  # fmt: skip


def _alts(words: object) -> str:
    return "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))  # type: ignore[attr-defined]


_EN_MON = rf"(?P<mon>{_alts(_EN_MONTHS)})\.?"
_DAY = r"(?P<d>[0-3]?\d)"
_YEAR = r"(?P<y>(?:1[89]|20|21)\d{2})"
_CJK_NUM = r"[\d一二三四五六七八九十〇零两]{1,3}"
_TIME_EN = (
    r"(?<![\d.])(?P<h>[0-2]?\d)(?:[:.](?P<mi>[0-5]\d))?\s*(?P<ap>[ap]\.\s?m\.|[ap]m\b)"
    r"|(?<![\d:.])(?P<h24>[0-2]?\d):(?P<m24>[0-5]\d)(?::[0-5]\d)?(?![\d:])"
)
_TIME_ZH = (
    r"(?P<pd>上午|下午|晚上|晚间|晚間|凌晨|中午|早上|清晨|傍晚|夜间|夜間)?\s?(?P<h>[0-2]?\d|[一二三四五六七八九十两]{1,3})"
    r"\s?[点點时時](?:\s?(?P<mi>[0-5]?\d)\s?分|(?P<half>半))?"
)
_TIME_KO = (
    r"(?P<pd>오전|오후|밤|새벽|저녁|아침)?\s?(?P<h>[0-2]?\d)시"
    r"(?:\s?(?P<mi>[0-5]?\d)분|\s?(?P<half>반))?"
)

#: the note of a date written month first in a language that puts the year first
MONTH_BEFORE_YEAR = "month before year"
#: what may follow a year written after its month ("4月2021。"): punctuation only
_AFTER_YEAR = r"[。，,.;；:：!！?？)）」』”\"'、]"
_TIME_24 = lazy_compile(r"(?<![\d:.])(?P<h24>[0-2]?\d):(?P<m24>[0-5]\d)(?::[0-5]\d)?(?![\d:])")

_PATTERNS: dict[str, list[tuple[str, re.Pattern[str]]]] = {
    "en": [
        ("mdy", lazy_compile(rf"\b{_EN_MON}\s+{_DAY}(?:st|nd|rd|th)?(?:\s?-\s?(?P<d2>[0-3]?\d))?"
                           rf"(?:,?\s+{_YEAR})?(?!\d|:\d)")),
        ("dmy", lazy_compile(
            rf"\b{_DAY}(?:st|nd|rd|th)?\s+(?:of\s+)?{_EN_MON}(?:,?\s+{_YEAR})?\b")),
        ("my", lazy_compile(rf"\b{_EN_MON}\s+(?:of\s+)?{_YEAR}\b")),
        ("m", lazy_compile(r"\b(?i:in|as|between|since|by|until|from|during|of|for|early|late|mid|"
                         rf"last|next|this|before|after|through|and|or)[\s-]+(?P<span>{_EN_MON})\b")),
        ("nth", lazy_compile(r"\bon the (?P<d>[0-3]?\d)(?:st|nd|rd|th)\b(?!\s+(?:of\s+)?[a-z]*(?:"
                           r"floor|day|anniversary|time|century|minute|place|round|anniv\w*)\b)")),
        ("iso", lazy_compile(rf"\b{_YEAR}-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b")),
        ("decade", lazy_compile(r"\b(?:the\s+)?(?P<y>(?:1[89]|20)\d0)['’]?s\b")),
        ("dotted", lazy_compile(rf"(?<![\d.]){_DAY}\.(?P<m>[01]\d)\.{_YEAR}(?![\d])")),
        ("y", lazy_compile(rf"(?<![\d.,$£€#-]){_YEAR}"
                         r"(?!\d|,\d|\.\d|\s?%|\s?(?:percent|per cent)\b)")),
        ("time", lazy_compile(_TIME_EN, re.IGNORECASE)),
    ],
    "uk": [
        ("dmy", lazy_compile(rf"(?<![\d.]){_DAY}(?:\s?-\s?(?P<d2>[0-3]?\d))?\s+(?P<mon>"
                           rf"{_alts(_UK_MONTHS_GEN)})(?:\s+{_YEAR}(?:\s?(?:року|р\.))?)?",
                           re.IGNORECASE)),
        ("my", lazy_compile(rf"(?:\b[ув]\s+)?(?P<mon>{_alts(_UK_MONTHS_LOC + _UK_MONTHS_GEN)})"
                          rf"\s+{_YEAR}(?:\s?(?:року|р\.))?", re.IGNORECASE)),
        ("mloc", lazy_compile(rf"(?<!\w)[уві]\s+(?P<mon>{_alts(_UK_MONTHS_LOC)})(?!\w)",
                            re.IGNORECASE)),
        ("dotted", lazy_compile(rf"(?<![\d.]){_DAY}\.(?P<m>[01]\d)\.{_YEAR}(?![\d])")),
        ("y", lazy_compile(rf"(?<![\d.,]){_YEAR}(?:-(?:го|й|му|м|ий)|\s?(?:року|році|рік|р\.))?"
                         r"(?!\w|,\d)")),
        ("mgen", lazy_compile(r"(?<!\w)(?:з|із|від|до|початку|середини|кінця|наприкінці)\s+"
                            rf"(?P<span>(?P<mon>{_alts(_UK_MONTHS_GEN)}))(?!\w)", re.IGNORECASE)),
        ("mnom", lazy_compile(
            rf"(?<!\w)(?:по|на)\s+(?P<span>(?P<mon>{_alts(_UK_MONTHS_NOM)}))(?!\w)",
            re.IGNORECASE)),
        ("time", _TIME_24),
    ],
    "ru": [
        ("dmy", lazy_compile(rf"(?<![\d.]){_DAY}(?:\s?-\s?(?P<d2>[0-3]?\d))?\s+(?P<mon>"
                           rf"{_alts(_RU_MONTHS_GEN)})(?:\s+{_YEAR}(?:\s?(?:года|г\.))?)?",
                           re.IGNORECASE)),
        ("my", lazy_compile(rf"(?:\bв\s+)?(?P<mon>{_alts(_RU_MONTHS_LOC + _RU_MONTHS_GEN)})"
                          rf"\s+{_YEAR}(?:\s?(?:года|г\.))?", re.IGNORECASE)),
        ("mloc", lazy_compile(rf"(?<!\w)в\s+(?P<mon>{_alts(_RU_MONTHS_LOC)})(?!\w)",
                            re.IGNORECASE)),
        ("dotted", lazy_compile(rf"(?<![\d.]){_DAY}\.(?P<m>[01]\d)\.{_YEAR}(?![\d])")),
        ("y", lazy_compile(rf"(?<![\d.,]){_YEAR}(?:-(?:го|й|му|м|ый)|\s?(?:года|году|год|г\.))?"
                         r"(?!\w|,\d)")),
        ("mgen", lazy_compile(r"(?<!\w)(?:с|со|до|начала|середины|конца)\s+"
                            rf"(?P<span>(?P<mon>{_alts(_RU_MONTHS_GEN)}))(?!\w)", re.IGNORECASE)),
        ("time", _TIME_24),
    ],
    "zh": [
        ("cjk", lazy_compile(rf"(?:(?P<y>\d{{4}}|[〇零一二三四五六七八九]{{4}})\s?年\s?)?"
                           rf"(?P<m>{_CJK_NUM})\s?月"
                           rf"(?:\s?(?P<d>{_CJK_NUM})\s?[日号號])?")),
        # "4月2021": an English "April 2021" kept in its order (machine translation); read
        # only when nothing follows the year that could make it a count ("4月2021名")
        ("cjk_my", lazy_compile(rf"(?<![\d年])(?P<m>[01]?\d)\s?月\s?(?P<y>(?:19|20)\d{{2}})"
                              rf"(?=$|\s?{_AFTER_YEAR})")),
        ("cjk_d", lazy_compile(r"(?<![\d月])(?P<d>[0-3]?\d|[一二三]?十[一二三四五六七八九]?"
                             r"|[一二三四五六七八九])\s?[日号號](?![本元圆圓])")),
        ("cjk_y", lazy_compile(r"(?P<y>(?:1[89]|20|21)\d{2})\s?年"
                             r"(?![代度]|[0-9一二三四五六七八九十]+[个個]?月)")),
        ("decade", lazy_compile(r"(?:(?P<c>1[89]|20|十[八九]|二十)\s?世[纪紀]\s?)?"
                              r"(?P<dd>[1-9]0|[一二三四五六七八九]十)\s?年代")),
        ("time", lazy_compile(_TIME_ZH)),
        ("time", _TIME_24),
    ],
    "ko": [
        ("cjk", lazy_compile(r"(?:(?P<y>\d{4})\s?년\s?)?(?P<m>[01]?\d)\s?월"
                           r"(?:\s?(?P<d>[0-3]?\d)\s?일)?")),
        ("cjk_my", lazy_compile(rf"(?<![\d년])(?P<m>[01]?\d)\s?월\s?(?P<y>(?:19|20)\d{{2}})"
                              rf"(?=$|\s?(?:{_AFTER_YEAR}|에|의))")),
        ("cjk_d", lazy_compile(r"(?<![\d월])(?P<d>[0-3]?\d)\s?일(?![간동])")),
        ("cjk_y", lazy_compile(r"(?P<y>(?:1[89]|20|21)\d{2})\s?년(?!대|도|간|\s?[0-9]+\s?월)")),
        ("time", lazy_compile(_TIME_KO)),
        ("time", _TIME_24),
    ],
}  # fmt: skip

# Relative expressions: (regex, resolver key). Keys: month±n, year±n, season±n:name, day±n.
_RELATIVE: dict[str, list[tuple[str, str]]] = {
    "en": [
        (r"(?:earlier |later |early |late )?this month", "month+0"),
        (r"last month|the previous month", "month-1"), (r"next month", "month+1"),
        (r"(?:earlier |later )?this year", "year+0"), (r"last year|the previous year", "year-1"),
        (r"next year", "year+1"), (r"yesterday", "day-1"), (r"today", "day+0"),
        (r"tomorrow", "day+1"),
        (r"last (?P<s>summer|winter|spring|autumn|fall)", "season-1"),
        (r"this (?P<s>summer|winter|spring|autumn|fall)", "season+0"),
        (r"next (?P<s>summer|winter|spring|autumn|fall)", "season+1"),
        (r"(?:on |last |this |next )?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)",
         "parse"),
        (r"\d+ (?:day|week|hour|minute|month|year)s?(?:\(s\))? ago", "parse"),
    ],
    "zh": [
        (r"本月|这个月|這個月|当月|當月", "month+0"), (r"上个?月|上個月", "month-1"),
        (r"下个?月|下個月", "month+1"), (r"今年", "year+0"), (r"去年", "year-1"),
        (r"明年", "year+1"), (r"前年", "year-2"), (r"昨天|昨日", "day-1"),
        (r"今天|今日", "day+0"), (r"明天|明日", "day+1"), (r"前天", "day-2"),
        (r"去年(?P<s>夏天|冬天|春天|秋天|夏季|冬季|春季|秋季)", "season-1"),
        (r"今年(?P<s>夏天|冬天|春天|秋天|夏季|冬季|春季|秋季)", "season+0"),
        (r"(?:本|上|下)?(?:周|週|星期|礼拜|禮拜)[一二三四五六日天]", "parse"),
        (r"(?<!\d)\d{1,3}\s?(?:分钟|分鐘|小时|小時|个小时|個小時|天|周|週|个星期|個星期|个月|個月|年)"
         r"(?:以)?前", "parse"),
    ],
    "ko": [
        (r"이달|이번 ?달|금월", "month+0"), (r"지난 ?달|전월", "month-1"), (r"다음 ?달", "month+1"),
        (r"올해|금년", "year+0"), (r"지난 ?해|작년", "year-1"), (r"내년", "year+1"),
        (r"어제", "day-1"), (r"오늘", "day+0"), (r"내일", "day+1"),
        (r"(?:지난\s?해?|작년)\s?(?P<s>여름|겨울|봄|가을)", "season-1"),
        (r"올 ?(?P<s>여름|겨울|봄|가을)", "season+0"),
        (r"(?:지난 |이번 |다음 )?[월화수목금토일]요일", "parse"),
        (r"\d+\s?(?:분|시간|일|주|주일|개월|년)\s?전", "parse"),
    ],
    "uk": [
        (r"цього місяця|у цьому місяці|в цьому місяці", "month+0"),
        (r"минулого місяця|у минулому місяці|в минулому місяці", "month-1"),
        (r"наступного місяця", "month+1"), (r"цього року|у цьому році|в цьому році", "year+0"),
        (r"минулого року|у минулому році|в минулому році|торік", "year-1"),
        (r"наступного року", "year+1"), (r"вчора|учора", "day-1"), (r"сьогодні", "day+0"),
        (r"завтра", "day+1"), (r"позавчора", "day-2"),
        (r"минулого (?P<s>літа)|торік (?P<s2>влітку|восени|взимку|навесні)", "season-1"),
        (r"минулої (?P<s>осені|зими|весни)", "season-1"),
        (r"(?:ранку|ранок|вечора|вечір|ночі|у ніч на|вдень) (?:понеділка|вівторка|середи|четверга|"
         r"п['’]ятниці|суботи|неділі)", "parse"),
        (r"цього (?P<s>літа)", "season+0"),
        (r"(?:у|в) (?:понеділок|вівторок|середу|четвер|п'ятницю|п’ятницю|суботу|неділю)", "parse"),
        (r"\d+ (?:годин|хвилин|днів|дні|день|тижні|тижнів)\w*(?: \(\w+\))? тому", "parse"),
    ],
    "ru": [
        (r"в этом месяце|этого месяца", "month+0"),
        (r"в прошлом месяце|прошлого месяца", "month-1"),
        (r"в следующем месяце", "month+1"), (r"в этом году|этого года", "year+0"),
        (r"в прошлом году|прошлого года", "year-1"), (r"в следующем году", "year+1"),
        (r"вчера", "day-1"), (r"сегодня", "day+0"), (r"завтра", "day+1"),
        (r"позавчера", "day-2"), (r"прошлым (?P<s>летом)|прошлого (?P<s2>лета)", "season-1"),
        (r"этим (?P<s>летом)", "season+0"),
        (r"в (?:понедельник|вторник|среду|четверг|пятницу|субботу|воскресенье)", "parse"),
        (r"прошлой (?P<s>осенью|зимой|весной)", "season-1"),
        (r"\d+ (?:час|минут|дн|дней|недел)\w* назад", "parse"),
    ],
}  # fmt: skip
_SEASON_WORDS = {"夏": "summer", "冬": "winter", "春": "spring", "秋": "autumn",
                 "여름": "summer", "겨울": "winter", "봄": "spring", "가을": "autumn",
                 "літ": "summer", "влітку": "summer", "лет": "summer", "осен": "autumn",
                 "восени": "autumn", "зим": "winter", "взимку": "winter", "весн": "spring",
                 "навесні": "spring", "осенью": "autumn", "зимой": "winter",
                 "весной": "spring"}  # fmt: skip
_RELATIVE_RX = {
    lang: [(lazy_compile(rf"(?<!\w){p}(?!\w)" if whole_words(lang) else p,
                       re.IGNORECASE), key) for p, key in rules]
    for lang, rules in _RELATIVE.items()
}  # fmt: skip
_LOCAL_MARKERS = {
    "en": lazy_compile(r"\s?\(?local time\)?|\s?(?:\(|,\s)?local\)?"),
    "zh": lazy_compile(r"当地时间|當地時間|当地時間"),
    "ko": lazy_compile(r"현지\s?시간|현지시각"),
    "uk": lazy_compile(r"\s?за місцевим часом"),
    "ru": lazy_compile(r"\s?по местному времени"),
}  # fmt: skip


def find_dates(text: str, lang: str, published: dt.date | None) -> list[Quantity]:
    """Date and time quantities in ``text`` (``lang`` is a base code: en, zh, ko, uk, ru).

    Overlapping matches are left to the caller, which keeps the longest; a time right
    after a date ("26 June 17:15") is merged into one "time" quantity here.
    """
    if isinstance(published, dt.datetime):
        published = published.date()
    out: list[Quantity] = []
    for kind, rx in _PATTERNS.get(lang, _PATTERNS["en"]):
        for m in rx.finditer(text):
            q = _absolute(m, kind, lang, published, text)
            if q is not None:
                out.append(q)
    for rx, key in _RELATIVE_RX.get(lang, []):
        for m in rx.finditer(text):
            out.append(_relative(m, key, lang, published, text))
    out = _merge_date_and_time(out, text)
    return [_mark_local(q, text, lang) for q in out]


def _absolute(
    m: re.Match[str], kind: str, lang: str, published: dt.date | None, text: str
) -> Quantity | None:
    g = m.groupdict()
    if kind == "time":
        return _time(m, lang, published)
    year = _num(g.get("y"))
    day = _num(g.get("d"))
    month: int | None
    if "mon" in g and g["mon"]:
        if kind in ("mloc", "mnom"):
            month = _MONTHS_LOC[lang].get(g["mon"].lower())
        elif lang == "en":
            month = _EN_MONTHS.get(g["mon"])
        else:
            month = _MONTHS[lang].get(g["mon"].lower()) or _MONTHS_LOC[lang].get(g["mon"].lower())
    else:
        month = _num(g.get("m"))
    note = None
    if kind in ("nth", "cjk_d"):
        # "on the 26th", "26日": a day of the month the article was published in.
        if published is not None:
            year, month = published.year, published.month
        note = "day of the publication month"
    if kind in ("y", "cjk_y"):
        return _q(m, DateValue(year=year), None)
    if kind == "cjk_my":
        note = MONTH_BEFORE_YEAR
    if kind == "decade":
        # "the 1880s", "19 世纪 80 年代"; a decade without its century is the 1900s ("80年代").
        if year is None:
            century = _num(g.get("c")) or 20
            year = (century - 1) * 100 + (_num(g.get("dd")) or 0)
        return _q(m, DateValue(year, until=DateValue(year + 9)), "decade")
    bad_month = month is None or not 1 <= month <= 12
    bad_day = day is not None and not 1 <= day <= 31
    day_only = kind in ("nth", "cjk_d") and day is not None and not bad_day
    if (bad_month or bad_day) and not day_only:
        return None
    if year is None and published is not None and month is not None:
        year = published.year
        note = note or "year from the publication date"
    value = DateValue(year, month, day)
    d2 = _num(g.get("d2"))
    if d2 and day and d2 > day:
        value = replace(value, until=DateValue(year, month, d2))
    return _q(m, value, note)


_NEXT_WEEK_RX = lazy_compile(r"^(?:next|下|다음|наступн|следующ)")
_LAST_WEEK_RX = lazy_compile(r"^(?:last|上|지난|минул|прошл)")
_AFTERNOON = frozenset({"下午", "晚上", "晚间", "晚間", "傍晚", "오후", "저녁", "밤"})


def _time(m: re.Match[str], lang: str, published: dt.date | None) -> Quantity | None:
    g = m.groupdict()
    if g.get("h24"):
        hour, minute = int(g["h24"]), int(g["m24"])
    else:
        hour = _num(g.get("h"))
        if hour is None:
            return None
        minute = _num(g.get("mi")) or (30 if g.get("half") else 0)
        ap = (g.get("ap") or "").lower().replace(".", "").replace(" ", "")
        pd = g.get("pd") or ""
        afternoon = ap == "pm" or pd in _AFTERNOON
        if afternoon and hour < 12:
            hour += 12
        if (ap == "am" or pd in ("凌晨", "오전", "새벽")) and hour == 12:
            hour = 0
        if lang in ("zh", "ko") and not pd and not g.get("mi") and not g.get("half"):
            return None  # a bare "3点" or "3시" is too often something else ("3시간")
    if hour > 24 or minute > 59:
        return None
    return Quantity(
        kind="time",
        value=None,
        start=m.start(),
        end=m.end(),
        text=m.group(0),
        date=DateValue(hour=hour, minute=minute).iso(),
    )


def _relative(
    m: re.Match[str], key: str, lang: str, published: dt.date | None, text: str
) -> Quantity:
    canon = _canonical(m.group(0), key)
    # The note keeps a language-neutral key ("relative:year-1", "relative:weekday=5") so
    # that "last year" and "去年" still compare as the same without a publication date.
    note = f"relative:{canon}"
    if published is None:
        return _q(m, None, note)
    if canon.startswith("weekday="):
        # The latest such weekday on or before publication: news tells of the past week.
        span = m.group(0).lower()
        if _NEXT_WEEK_RX.search(span):
            d = published + dt.timedelta(days=(int(canon[8:]) - published.weekday()) % 7 or 7)
        else:
            back = (published.weekday() - int(canon[8:])) % 7
            if back == 0 and _LAST_WEEK_RX.search(span):
                back = 7
            d = published - dt.timedelta(days=back)
        return _q(m, DateValue(d.year, d.month, d.day), note)
    if key == "parse":
        return _q(m, _dateparser(m.group(0), lang, published), note)
    unit, _, off = key.partition("+") if "+" in key else key.partition("-")
    n = int(off) * (1 if "+" in key else -1)
    if unit == "month":
        y, mth = divmod(published.year * 12 + published.month - 1 + n, 12)
        return _q(m, DateValue(y, mth + 1), note)
    if unit == "year":
        return _q(m, DateValue(published.year + n), note)
    if unit == "day":
        d = published + dt.timedelta(days=n)
        return _q(m, DateValue(d.year, d.month, d.day), note)
    first, last = _SEASONS[_season(m)]
    # "last summer" is the latest summer that has ended before publication.
    year = published.year + n
    if n < 0 and (published.month > last and first <= last):
        year += 1
    end_year = year + 1 if first > last else year
    return _q(m, DateValue(year, first, until=DateValue(end_year, last)), note)


def _season(m: re.Match[str]) -> str:
    word = m.groupdict().get("s") or m.groupdict().get("s2") or "summer"
    return next((v for k, v in _SEASON_WORDS.items() if k in word), word.lower())


_WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6, "понеділ": 0, "вівтор": 1, "серед": 2, "четвер": 3, "п'ятниц": 4,
    "субот": 5, "неділ": 6, "понедель": 0, "вторник": 1, "сред": 2, "четверг": 3,
    "пятниц": 4, "воскресен": 6, "월요일": 0, "화요일": 1, "수요일": 2, "목요일": 3,
    "금요일": 4, "토요일": 5, "일요일": 6,
}  # fmt: skip
_AGO_UNITS = [
    (("minute", "хвилин", "минут", "分", "분"), "minute"),
    (("hour", "годин", "час", "小时", "小時", "个小时", "個小時", "시간"), "hour"),
    (("day", "дн", "день", "дні", "天", "일"), "day"),
    (("week", "тиж", "недел", "周", "週", "个星期", "個星期", "주"), "week"),
    (("month", "місяц", "месяц", "个月", "個月", "개월"), "month"),
    (("year", "рок", "рік", "год", "лет", "年", "년"), "year"),
]
_ZH_WEEKDAYS = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6}


def _canonical(span: str, key: str) -> str:
    """A language-neutral name for a relative expression: "year-1", "weekday=5", ..."""
    low = span.lower().replace("’", "'")
    if key.startswith("season"):
        word = next((v for k, v in _SEASON_WORDS.items() if k in low), None)
        word = word or next((s for s in _SEASONS if s in low), "summer")
        return f"{key}:{'autumn' if word == 'fall' else word}"
    if key != "parse":
        return key
    ago = re.match(r"(\d+)\s*(\w+)", low)
    if ago and re.search(r"ago|тому|назад|前|전$", low):
        unit = next((u for stems, u in _AGO_UNITS if ago.group(2).startswith(stems)), "?")
        return f"ago:{ago.group(1)}:{unit}"
    for name, idx in _WEEKDAYS.items():
        if name in low:
            return f"weekday={idx}"
    if re.search(r"[周週期拜][一二三四五六日天]", low):
        return f"weekday={_ZH_WEEKDAYS[low[-1]]}"
    return re.sub(r"\s+", " ", low)


@lru_cache(maxsize=2048)
def _dateparser(span: str, lang: str, published: dt.date) -> DateValue | None:
    import dateparser  # imported on first use: it is slow and most sentences never need it

    base = dt.datetime(published.year, published.month, published.day, 12, 0)
    span = re.sub(r"\s\(\w+\)", "", span)  # "31 хвилин (и) тому"
    span = re.sub(r"^(?:on|у|в)\s+", "", span, flags=re.IGNORECASE)
    found = dateparser.parse(
        span, languages=[lang], settings={"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past"}
    )
    if found is None:
        return None
    if re.search(r"годин|хвилин|hour|minute|час|минут", span):
        return DateValue(found.year, found.month, found.day, found.hour, found.minute)
    return DateValue(found.year, found.month, found.day)


def _q(m: re.Match[str], value: DateValue | None, note: str | None) -> Quantity:
    iso = value.iso() if value is not None else None
    kind = "time" if value is not None and value.hour is not None else "date"
    # Patterns that need context to be sure ("in April") mark the date itself as "span".
    span = "span" if "span" in m.groupdict() else 0
    return Quantity(
        kind=kind,
        value=None,
        start=m.start(span),
        end=m.end(span),
        text=m.group(span),
        date=iso or None,
        note=note,
    )


def _num(s: str | None) -> int | None:
    if not s:
        return None
    if s.isdigit():
        return int(s)
    try:
        return int(myriad_value(s))
    except (ValueError, KeyError):
        return None


def _merge_date_and_time(found: list[Quantity], text: str) -> list[Quantity]:
    """ "26 June 17:15" and "6月25日下午5点" become one time quantity with a datetime."""
    times = [q for q in found if q.kind == "time" and q.date and q.date.startswith("T")]
    days = [
        q
        for q in found
        if q.kind == "date" and q.date and "/" not in q.date and DateValue.parse(q.date).day
    ]
    merged = list(found)
    for t in times:
        for d in days:
            gap = text[d.end : t.start] if d.end <= t.start else text[t.end : d.start]
            if len(gap) > 4 or not re.fullmatch(r"[\s,]*(?:at\s*)?", gap):
                continue
            start, end = min(d.start, t.start), max(d.end, t.end)
            merged.append(
                Quantity(
                    kind="time",
                    value=None,
                    start=start,
                    end=end,
                    text=text[start:end],
                    date=f"{d.date}{t.date}",
                    note=d.note,
                )
            )
    return merged


_LOCAL_AFTER = {k: lazy_compile(rf"\s?[（(]?\s?(?:{rx.pattern})")
                for k, rx in _LOCAL_MARKERS.items()}
_LOCAL_BEFORE = {
    k: lazy_compile(rf"(?:{rx.pattern})\s?[（(,，]?\s?$") for k, rx in _LOCAL_MARKERS.items()
}


def _mark_local(q: Quantity, text: str, lang: str) -> Quantity:
    if lang not in _LOCAL_AFTER:
        return q
    after = _LOCAL_AFTER[lang].match(text, q.end)
    before = _LOCAL_BEFORE[lang].search(text, max(0, q.start - 24), q.start)
    if (after and after.group(0).strip()) or before:
        return replace(q, local_time=True)
    return q
