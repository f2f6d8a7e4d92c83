"""The words and signs around a number that give it meaning, per language.

Qualifiers before and after a number ("at least", 至少, 최소, щонайменше; 以上, 이상),
currency symbols and words, percent signs, ordinal markers (第, -th, 번째, -й) and the
multiplicatives ("twice", двічі). `extract` looks for these around every number core.
"""

from __future__ import annotations

import re

from provenance.lang import whole_words
from provenance.quantities import numerals as N
from provenance.quantities.lazyre import lazy_compile
from provenance.quantities.units import PREFIX_SYMBOLS, SUFFIX_CURRENCIES


def alts(table: dict[str, str]) -> str:
    """A regex alternation of the table's keys, longest first so "more than" beats "more"."""
    return "|".join(re.escape(k) for k in sorted(table, key=len, reverse=True))


# --- qualifiers --------------------------------------------------------------------------

PRE_QUALIFIERS: dict[str, dict[str, str]] = {
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
        "as many as": "at_most",
        "as much as": "at_most",
        "as long as": "at_most",
        "as high as": "at_most",
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
        # "as long as", "as many as", "as high as": a ceiling, not a floor
        "长达": "at_most",
        "長達": "at_most",
        "多达": "at_most",
        "多達": "at_most",
        "高达": "at_most",
        "高達": "at_most",
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
#: ceilings that stress a value as large ("as many as 96 samples", 多达96个样本) more than
#: they bound it: translators add and drop them freely, so drift reports one only where it
#: turns a floor around ("at least 20 years" -> 长达20年)
EMPHATIC_CEILINGS = frozenset({"as many as", "as much as", "as long as", "as high as",
                               "长达", "長達", "多达", "多達", "高达", "高達"})
POST_QUALIFIERS: dict[str, dict[str, str]] = {
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
        "或更多": "at_least",
        "或以上": "at_least",
        "及以上": "at_least",
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
TO_NOT_UP_TO_RX = lazy_compile(
    r"(?:\w(?:ла|ло|ли|лась|лося|лися|вся|ться|ів|ав|ив|ув|ал|ил|ул)|\bвід\s+\S+|\bот\s+\S+)\s*$",
    re.IGNORECASE,
)
WEAK_QUALIFIERS = frozenset({"до", "some", "under", "over", "above", "below"})

PRE_QUAL_RX = {
    lang: lazy_compile(
        rf"(?:^|(?<=[\s(\"“«,]))(?P<q>{alts(t)})\s*$"
        if whole_words(lang)
        else rf"(?P<q>{alts(t)})\s*$",
        re.IGNORECASE,
    )
    for lang, t in PRE_QUALIFIERS.items()
}
POST_QUAL_RX = {
    lang: lazy_compile(rf"\s?(?P<q>{alts(t)})") for lang, t in POST_QUALIFIERS.items() if t
}

# --- markers around a number -------------------------------------------------------------

PREFIX_CUR_RX = lazy_compile(rf"(?P<c>{alts(PREFIX_SYMBOLS)})\s?$")
SUFFIX_CUR_RX = {
    lang: lazy_compile(
        r"\s?(?:" + "|".join(f"(?P<c{i}>{p})" for i, (p, _) in enumerate(rules)) + ")",
        re.IGNORECASE,
    )
    for lang, rules in SUFFIX_CURRENCIES.items()
}
PERCENT_RX = {
    "en": lazy_compile(r"\s?(?:%|per ?cent\b|percentage points?\b)", re.IGNORECASE),
    # 三成 is 30%: 成 counts tenths, unless it starts a word (成为, 成立, 成功...).
    "zh": lazy_compile(r"\s?(?:[%％]|(?P<tenth>成)(?![为為员員功立长長本交果熟年绩績就品型人本]))"),
    "ko": lazy_compile(r"\s?(?:%|퍼센트|프로(?![가-힣]))"),
    "uk": lazy_compile(
        r"\s?(?:%|відс(?:оток|отка|отки|отків|отками)?\.?(?!\w)|процент(?:а|ів|и)?)", re.IGNORECASE
    ),
    "ru": lazy_compile(r"\s?(?:%|процент(?:а|ов|ы|ами)?|проц\.)", re.IGNORECASE),
}
ORDINAL_SUFFIX_RX = {
    "en": lazy_compile(r"(?:st|nd|rd|th)\b"),
    "ko": lazy_compile(r"\s?(?:번째|째|차(?![가-힣]))"),
    "uk": lazy_compile(r"-?(?:ий|ій|ша|ше|ше|го|ої|ій|му|им|й|а|я|е|є|ї|ти|ми|тя|та|те|ту)(?!\w)"),
    "ru": lazy_compile(r"-(?:ый|ий|ой|го|му|м|й|я|е|ю|х)(?!\w)"),
}
ORDINAL_PREFIX_RX = {"zh": lazy_compile(r"第\s?$"), "ko": lazy_compile(r"제\s?$")}
ZH_PERCENT_RX = lazy_compile(rf"百分之(?P<n>[{N.ZH_CHARS}\d.]+)")
ZH_CLASSIFIER = (
    "个個名位次架艘枚颗顆辆輛项項份家所座只隻条條张張台部件起例倍场場轮輪届屆批支门門"
    "栋棟层層间間片块塊头頭匹棵株篇首套对對双雙根口声聲下遍回趟波人岁歲年天"
)
ZH_CLASSIFIER_RX = lazy_compile(
    rf"\s?(?P<cl>个月|個月|个小时|個小時|小时|小時|分钟|分鐘|[{ZH_CLASSIFIER}])"
)
WORD_RX = lazy_compile(r"\s*(?P<w>[^\W\d_][\w'’ʼ-]*)")
EN_ORDINAL_WORDS_RX = lazy_compile(rf"\b(?P<w>{alts(N.EN_ORDINAL_WORDS)})\b", re.IGNORECASE)
# "once" is "when" or "formerly" more often than "one time": left out.
EN_FRACTION_RX = lazy_compile(r"\b(?:a|one|two|three)\s+$", re.IGNORECASE)
EN_MULTIPLE_RX = lazy_compile(r"\b(?P<w>twice|thrice)\b", re.IGNORECASE)
SLAVIC_ORDINAL_WORDS = {
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
SLAVIC_ORDINAL_RX = {
    lang: lazy_compile(
        rf"(?<!\w)(?P<w>(?:{'|'.join(s.replace(chr(39), N.APOSTROPHES) for s in t)})"
        rf"(?:ий|ій|ій|ого|ої|ому|им|ою|а|е|є|я|і|их|ый|ой|ая|ое|ую|ых|ым|ые))(?!\w)",
        re.IGNORECASE,
    )
    for lang, t in SLAVIC_ORDINAL_WORDS.items()
}
EN_YEAR_OLD_RX = lazy_compile(r"[- ]years?[- ]old\b", re.IGNORECASE)
SLAVIC_MULTIPLES = {
    "uk": {"двічі": 2, "тричі": 3, "чотиричі": 4},
    "ru": {"дважды": 2, "трижды": 3, "четырежды": 4},
}
SLAVIC_MULTIPLE_RX = {
    lang: lazy_compile(rf"(?<!\w)(?P<w>{alts(t)})(?!\w)", re.IGNORECASE)
    for lang, t in SLAVIC_MULTIPLES.items()
}
SLAVIC_TIMES_RX = lazy_compile(r"\s?(?P<w>раз(?:и|а|ів|ов)?)(?!\w)", re.IGNORECASE)


def pre_qualifier(text: str, b: str, start: int, kind: str) -> tuple[str | None, int]:
    window = text[max(0, start - 24) : start]
    m = PRE_QUAL_RX[b].search(window)
    if not m:
        return None, start
    word = m.group("q").lower()
    if word in WEAK_QUALIFIERS and kind not in ("count", "money"):
        return None, start
    if word == "до" and TO_NOT_UP_TO_RX.search(
        text[max(0, start - 40) : start - len(window) + m.start("q")]
    ):
        return None, start  # "зросла до 14 014" (rose to), "від 10 до 20": not "up to"
    key = next(k for k in PRE_QUALIFIERS[b] if k.lower() == word)
    return PRE_QUALIFIERS[b][key], start - (len(window) - m.start("q"))


# 首次 "the first time", 首位 "the first (person)", 首批 "the first batch".
ZH_FIRST_RX = lazy_compile(r"首(?=[次位个個批届屆家架艘款部座])")
# Fixed phrases where an ordinal word is no rank: "першої необхідності" (essentials),
# "в першу чергу" (above all).
SLAVIC_IDIOM_RX = lazy_compile(r"\s+(?:необхідності|необходимости|чергу|очередь)\b", re.IGNORECASE)
# 첫 번째 / 첫째 / 첫 비행: "the first".
KO_FIRST_RX = lazy_compile(r"(?<![가-힣])첫(?:\s?번째|째)?(?=\s|[가-힣])")
