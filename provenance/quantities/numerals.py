"""Numbers as people write them: digits with local separators, words, and scale words.

Three writing systems meet here:
- Western grouping (en): "1,250", "5.9 billion", "$5.9bn", "seven";
- Slavic grouping (uk, ru): "14 014", "5,9 млрд", "20,6 тисячі", "сім", "п'ятеро";
- East Asian myriads (zh, ko): "59亿", "2万3千", "3,500억", "12억 5천만", "百分之四十".

Each ``*_PATTERN`` is a regex fragment matching one whole number expression; the matching
``value_*`` function turns the matched text into a float. cn2an reads pure Chinese
numerals ("四十", "二〇二五"); mixed digit/character forms and 兆/万亿 go through our own
myriad parser, which also serves Korean.
"""

from __future__ import annotations

import re

from provenance.lang import is_cyrillic
from provenance.quantities.lazyre import lazy_compile

# --- digits ------------------------------------------------------------------------------

# The full-width comma stays: in Chinese it separates clauses, not digit groups.
_FULLWIDTH = str.maketrans("０１２３４５６７８９．％", "0123456789.%")


def ascii_digits(text: str) -> str:
    """Full-width digits and separators as ASCII; the length (hence every span) is kept."""
    return text.translate(_FULLWIDTH)


# Thin/narrow/no-break spaces group digits in Slavic typography ("14 014").
GROUP_SPACE = "[ \u00a0\u202f\u2009]"
DIGITS_WESTERN = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!,?\d)|\d+(?:\.\d+)?(?!\.?\d)"
DIGITS_SLAVIC = (
    rf"\d{{1,3}}(?:{GROUP_SPACE}\d{{3}})+(?:,\d+)?(?![\d,.]?\d)"
    r"|\d+,\d+(?!\d)|\d+(?:\.\d+)?(?![.,]?\d)"
)


def parse_digits(text: str, lang: str) -> float:
    """ "1,250" -> 1250 (en, zh, ko); "5,9" -> 5.9 and "14 014" -> 14014 (uk, ru: the
    Cyrillic-script quantity languages)."""
    s = re.sub(GROUP_SPACE, "", text.strip())
    if is_cyrillic(lang):
        if "," in s:
            s = s.replace(".", "").replace(",", ".")
    else:
        s = s.replace(",", "")
    return float(s)


# --- English words ----------------------------------------------------------------------

EN_UNITS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
EN_SCALES = {
    "dozen": 12,
    "hundred": 100,
    "thousand": 1e3,
    "million": 1e6,
    "billion": 1e9,
    "trillion": 1e12,
    "bn": 1e9,
    "mn": 1e6,
    "mln": 1e6,
    "tn": 1e12,
    "trn": 1e12,
    "m": 1e6,
    "k": 1e3,
}
EN_ORDINAL_WORDS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "thirteenth": 13,
    "fourteenth": 14,
    "fifteenth": 15,
    "sixteenth": 16,
    "seventeenth": 17,
    "eighteenth": 18,
    "nineteenth": 19,
    "twentieth": 20,
    "thirtieth": 30,
    "fortieth": 40,
    "fiftieth": 50,
    "hundredth": 100,
}
EN_MULTIPLES = {"once": 1, "twice": 2, "thrice": 3}

_en_word = "|".join(sorted(EN_UNITS, key=len, reverse=True))
_en_scale = r"dozen|hundred|thousand|million|billion|trillion"
EN_WORDNUM = rf"(?:{_en_word})(?:-(?:{_en_word}))?"
EN_PATTERN = lazy_compile(
    rf"(?<![\w.,])(?<![A-Za-z]-)(?:(?<!\S[”\"’)\]])(?P<d>{DIGITS_WESTERN})(?:\s?(?P<short>bn|mn|mln|tn|trn|m|k)\b)?"
    rf"|(?P<w>\b{EN_WORDNUM}\b|\ba\b(?= (?:dozen|hundred|thousand|million|billion|trillion)\b)))"
    rf"(?P<sc>(?:[ -](?:{_en_scale})\b)*)",
    re.IGNORECASE,
)

# --- Ukrainian and Russian words ---------------------------------------------------------

APOSTROPHES = "['’ʼ`]"


def _forms(table: dict[int, str]) -> dict[str, int]:
    out: dict[str, int] = {}
    for value, alts in table.items():
        for form in alts.split():
            out[form.replace("'", "'")] = value
    return out


UK_WORDS = _forms(
    {
        1: "один одна одне одного одної однієї одному одній одним одну",
        2: "два дві двох двом двома двоє",
        3: "три трьох трьом трьома троє",
        4: "чотири чотирьох чотирьом чотирма четверо",
        5: "п'ять п'яти п'ятьох п'ятьма п'ятеро",
        6: "шість шести шістьох шістьма шестеро",
        7: "сім семи сімох сімома семеро",
        8: "вісім восьми вісьмох вісьмома восьмеро",
        9: "дев'ять дев'яти дев'ятьох дев'ятеро",
        10: "десять десяти десятьох десятеро",
        11: "одинадцять одинадцяти",
        12: "дванадцять дванадцяти",
        13: "тринадцять тринадцяти",
        14: "чотирнадцять чотирнадцяти",
        15: "п'ятнадцять п'ятнадцяти",
        16: "шістнадцять шістнадцяти",
        17: "сімнадцять сімнадцяти",
        18: "вісімнадцять вісімнадцяти",
        19: "дев'ятнадцять дев'ятнадцяти",
        20: "двадцять двадцяти",
        30: "тридцять тридцяти",
        40: "сорок сорока",
        50: "п'ятдесят п'ятдесяти",
        60: "шістдесят шістдесяти",
        70: "сімдесят сімдесяти",
        80: "вісімдесят вісімдесяти",
        90: "дев'яносто",
        100: "сто ста",
        200: "двісті двохсот",
        300: "триста трьохсот",
        400: "чотириста чотирьохсот",
        500: "п'ятсот п'ятисот",
        600: "шістсот",
        700: "сімсот",
        800: "вісімсот",
        900: "дев'ятсот",
    }
)
RU_WORDS = _forms(
    {
        1: "один одна одно одного одной одному одним одну",
        2: "два две двух двум двумя двое двоих",
        3: "три трех трёх трем трём тремя трое троих",
        4: "четыре четырех четырёх четырем четырём четырьмя четверо",
        5: "пять пяти пятью пятеро",
        6: "шесть шести шестью шестеро",
        7: "семь семи семью семеро",
        8: "восемь восьми восемью",
        9: "девять девяти девятью",
        10: "десять десяти десятью",
        11: "одиннадцать одиннадцати",
        12: "двенадцать двенадцати",
        13: "тринадцать тринадцати",
        14: "четырнадцать четырнадцати",
        15: "пятнадцать пятнадцати",
        16: "шестнадцать шестнадцати",
        17: "семнадцать семнадцати",
        18: "восемнадцать восемнадцати",
        19: "девятнадцать девятнадцати",
        20: "двадцать двадцати",
        30: "тридцать тридцати",
        40: "сорок сорока",
        50: "пятьдесят пятидесяти",
        60: "шестьдесят шестидесяти",
        70: "семьдесят семидесяти",
        80: "восемьдесят восьмидесяти",
        90: "девяносто",
        100: "сто ста",
        200: "двести двухсот",
        300: "триста трехсот",
        400: "четыреста",
        500: "пятьсот пятисот",
    }
)
SLAVIC_SCALES = {
    "uk": [
        (r"десят(?:ок|ки|ків|ка)", 10.0),  # "два десятки": two tens
        (r"тис\.|тисяч(?:а|і|ею|ами|ам)?", 1e3),
        (r"млн\.?|мільйон(?:а|ів|и|ом|ами)?", 1e6),
        (r"млрд\.?|мільярд(?:а|ів|и|ом|ами)?", 1e9),
        (r"трлн\.?|трильйон(?:а|ів|и|ом)?", 1e12),
    ],
    "ru": [
        (r"десят(?:ок|ка|ков|ки)", 10.0),
        (r"тыс\.|тысяч(?:а|и|у|ей|ами|ам)?", 1e3),
        (r"млн\.?|миллион(?:а|ов|ы|ом|ами)?", 1e6),
        (r"млрд\.?|миллиард(?:а|ов|ы|ом|ами)?", 1e9),
        (r"трлн\.?|триллион(?:а|ов|ы|ом)?", 1e12),
    ],
}


def _slavic_pattern(lang: str) -> re.Pattern[str]:
    words = UK_WORDS if lang == "uk" else RU_WORDS
    alts = "|".join(
        re.escape(w).replace("'", APOSTROPHES) for w in sorted(words, key=len, reverse=True)
    )
    scales = "|".join(p for p, _ in SLAVIC_SCALES[lang])
    wordnum = rf"(?:{alts})(?:\s(?:{alts}))*"
    return lazy_compile(
        rf"(?<![\w.,])(?:(?<![^\W\d_]-)(?P<d>{DIGITS_SLAVIC})|(?P<w>(?<!\w){wordnum}(?!\w)))"
        rf"(?P<sc>(?:\s?(?:{scales})(?![\w]))*)",
        re.IGNORECASE,
    )


UK_PATTERN = _slavic_pattern("uk")
RU_PATTERN = _slavic_pattern("ru")


def slavic_word_value(word: str, lang: str) -> int | None:
    table = UK_WORDS if lang == "uk" else RU_WORDS
    return table.get(re.sub(APOSTROPHES, "'", word.lower()))


def _slavic_scale(word: str, lang: str) -> float | None:
    for pat, value in SLAVIC_SCALES[lang]:
        if re.fullmatch(pat, word, re.IGNORECASE):
            return value
    return None


# --- myriad systems (zh, ko) -------------------------------------------------------------

ZH_DIGITS = {
    "零": 0,
    "〇": 0,
    "○": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "兩": 2,
    "俩": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
    "壹": 1,
    "贰": 2,
    "貳": 2,
    "叁": 3,
    "參": 3,
    "肆": 4,
    "伍": 5,
    "陆": 6,
    "陸": 6,
    "柒": 7,
    "捌": 8,
    "玖": 9,
}
SMALL_UNITS = {
    "十": 10,
    "拾": 10,
    "廿": 20,
    "百": 100,
    "佰": 100,
    "千": 1000,
    "仟": 1000,
    "십": 10,
    "백": 100,
    "천": 1000,
}
BIG_UNITS = {
    "万": 1e4,
    "萬": 1e4,
    "亿": 1e8,
    "億": 1e8,
    "兆": 1e12,
    "만": 1e4,
    "억": 1e8,
    "조": 1e12,
}
# Sino-Korean digit syllables, only used inside a number that already has a scale.
KO_DIGITS = {"일": 1, "이": 2, "삼": 3, "사": 4, "오": 5, "육": 6, "칠": 7, "팔": 8, "구": 9}
KO_NATIVE = {
    "한": 1,
    "하나": 1,
    "두": 2,
    "둘": 2,
    "세": 3,
    "석": 3,  # before a few counters: 석 달 "three months"
    "셋": 3,
    "네": 4,
    "넷": 4,
    "다섯": 5,
    "여섯": 6,
    "일곱": 7,
    "여덟": 8,
    "아홉": 9,
    "열": 10,
    "열한": 11,
    "열두": 12,
    "스무": 20,
    "스물": 20,
    "서른": 30,
    "마흔": 40,
    "쉰": 50,
}

ZH_CHARS = "".join(ZH_DIGITS) + "十拾廿百佰千仟万萬亿億兆"
_zh_num = rf"(?:{DIGITS_WESTERN}|[{ZH_CHARS}])"
ZH_PATTERN = lazy_compile(
    rf"(?<![A-Za-z0-9.,])(?<![A-Za-z]-)(?:(?P<d>{DIGITS_WESTERN})(?:\s?[多余餘](?=[十百千万萬亿億兆]))?(?:\s?[十百千万萬亿億兆])*"
    rf"(?:\s?\d+(?:\.\d+)?\s?[十百千万萬亿億兆]+)*|(?P<c>[{ZH_CHARS}]+))"
)
_ko_unit = "[십백천만억조]"
KO_PATTERN = lazy_compile(
    rf"(?<![A-Za-z0-9.,])(?<![A-Za-z]-)(?P<d>{DIGITS_WESTERN})"
    rf"(?:{_ko_unit}+(?:\s?\d+(?:\.\d+)?{_ko_unit}+)*(?:\d+(?![\d.]))?)?"
    rf"|(?P<c>(?<![가-힣])[일이삼사오육칠팔구]?{_ko_unit}(?:[일이삼사오육칠팔구]?{_ko_unit})*(?=\s?(?:달러|원|명|개|건|번|회|위안|유로|엔)))"
)
KO_NATIVE_PATTERN = lazy_compile(
    rf"(?<![가-힣])(?P<n>{'|'.join(sorted(KO_NATIVE, key=len, reverse=True))})"
    r"(?=\s?(?:번|명|개|차례|가지|곳|대|척|마리|살|시간|달|해|사람|건|군데|채|그루|권|잔))"
)


def myriad_value(text: str) -> float:
    """Value of a zh/ko number mixing digits, numeral characters and scale characters.

    "59亿" -> 5.9e9, "2万3千" -> 23000, "12억 5천만" -> 1.25e9, "3,500억" -> 3.5e11,
    "1.5万亿" -> 1.5e12, "二〇二五" -> 2025, "一百零五" -> 105.
    """
    s = re.sub(r"[\s,]", "", ascii_digits(text))
    if s and all(ch in ZH_DIGITS for ch in s):
        # A bare run of digit characters reads digit by digit ("二〇二五"), except one char.
        return float("".join(str(ZH_DIGITS[ch]) for ch in s))
    if s and all(ch in ZH_CHARS for ch in s) and not any(ch in "兆" for ch in s):
        try:
            import cn2an  # imported here: it costs 0.1 s and only Chinese text needs it

            return float(cn2an.cn2an(_simplified_numerals(s), "normal"))
        except (ValueError, KeyError, IndexError):
            pass  # "万亿" and the like: fall through to our parser
    total = 0.0
    section = 0.0
    current: float | None = None
    last_big = 0.0
    prev_big = False
    for tok in re.findall(r"\d+(?:\.\d+)?|.", s):
        if tok[0].isdigit():
            current = float(tok)
            prev_big = False
        elif tok in ZH_DIGITS or tok in KO_DIGITS:
            current = float(ZH_DIGITS.get(tok, KO_DIGITS.get(tok, 0)))
            prev_big = False
        elif tok in SMALL_UNITS:
            section += (current if current is not None else 1) * SMALL_UNITS[tok]
            current = None
            prev_big = False
        elif tok in BIG_UNITS:
            big = BIG_UNITS[tok]
            if prev_big:  # 万亿: the second scale multiplies the whole number so far
                total *= big
            else:
                section += current or 0.0
                section = section or 1.0
                total = (total + section) * big if big > last_big else total + section * big
                last_big = big
            section = 0.0
            current = None
            prev_big = True
        else:
            raise ValueError(f"not a numeral: {text!r}")
    return total + section + (current or 0.0)


def _simplified_numerals(s: str) -> str:
    return s.translate(str.maketrans("萬億兩〇○", "万亿两零零"))


# --- words and scales for western and Slavic text ----------------------------------------


def western_value(text: str, lang: str) -> float:
    """Value of an en/uk/ru number expression: "5.9 billion", "two hundred", "5,9 млрд"."""
    total = 0.0
    current = 0.0
    seen = False
    for tok in re.findall(
        rf"[\d][\d,.\u00a0\u202f\u2009 ]*\d|\d|[^\W\d_]+(?:{APOSTROPHES}[^\W\d_]+)?\.?", text
    ):
        low = tok.lower()
        if tok[0].isdigit():
            current += parse_digits(tok, lang)
            seen = True
            continue
        if lang == "en":
            bare = low.rstrip(".")
            if bare in EN_UNITS:
                current += EN_UNITS[bare]
                seen = True
            elif bare == "a":
                current += 1
                seen = True
            elif bare == "hundred":
                current = (current or 1) * 100
            elif bare in EN_SCALES:
                total += (current or 1) * EN_SCALES[bare]
                current = 0.0
            elif bare == "and":
                continue
            else:
                raise ValueError(f"not a number word: {tok!r}")
        else:
            word_value = slavic_word_value(tok, lang)
            if word_value is not None:
                current += word_value
                seen = True
                continue
            scale = _slavic_scale(tok, lang)
            if scale is None:
                raise ValueError(f"not a number word: {tok!r}")
            total += (current or 1) * scale
            current = 0.0
    if not seen and total == 0:
        raise ValueError(f"no number in {text!r}")
    return total + current


# --- count words -------------------------------------------------------------------------

#: The words that state a count on their own, per language this module reads. Chinese:
#: a lone character, a digit or 十 ("近两年", "十年来").
_NUMBER_WORDS: dict[str, dict[str, int]] = {
    "en": EN_UNITS,
    "uk": UK_WORDS,
    "ru": RU_WORDS,
    "ko": KO_NATIVE,
    "zh": {**ZH_DIGITS, "十": 10},
}


def number_words(lang: str) -> dict[str, int]:
    """Count word -> its value in ``lang`` (a base code): "three", "трьох", "п'ять", 두, 两.

    For readers that look counts up by word ("three sources", "за последние два года");
    each word with every apostrophe it may be written with ("п’ять"); no zero. Empty for
    a language whose number words this module does not read.
    """
    return {word.replace("'", mark): value
            for word, value in _NUMBER_WORDS.get(lang, {}).items() if value
            for mark in APOSTROPHES.strip("[]")}
