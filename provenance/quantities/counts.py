"""The thing a number counts: "28 missions", "28次发射", "발사 28회", "28 польотів".

A count is comparable across a translation only if both sides name the same unit, so
the noun after (or, in Korean, before) the number is mapped to an English lemma with
`units.unit_lemma`. Chinese and Korean classifiers (次, 名, 회, 명) give a unit of their
own when no noun follows.
"""

from __future__ import annotations

import re

from provenance.lang import is_cyrillic
from provenance.quantities import markers as M
from provenance.quantities.lazyre import lazy_compile
from provenance.quantities.units import LOOKUP, unit_lemma

_EN_UNIT_ADJECTIVE = re.compile(r"-(?P<w>[a-z]+)(?![\w-])")


def count_unit(
    text: str, b: str, start: int, end: int, flags: set[str]
) -> tuple[str | None, int] | None:
    """(English unit lemma or None, new end) when a counted noun follows the number."""
    rest = text[end : end + 40]
    if b == "en":
        yo = M.EN_YEAR_OLD_RX.match(rest)
        if yo:
            return "year_old", end + yo.end()
        hyphen = _EN_UNIT_ADJECTIVE.match(rest)  # "an 800-mile zone", "a 20-year ban"
        if hyphen and unit_lemma(hyphen.group("w"), "en"):
            return unit_lemma(hyphen.group("w"), "en"), end + hyphen.end()
        m1 = M.WORD_RX.match(rest)
        if not m1:
            return None
        w1 = m1.group("w")
        lemma = unit_lemma(w1, "en")
        if lemma:
            return lemma, end + m1.end()
        m2 = M.WORD_RX.match(rest, m1.end())
        if m2 and w1.islower() and unit_lemma(m2.group("w"), "en"):
            return unit_lemma(m2.group("w"), "en"), end + m2.end()
        guess = unit_lemma(w1, "en", guess=True) if w1.islower() else None
        if guess and not rest.startswith(("-", ",")) and "short" not in flags:
            return guess, end + m1.end()
        return None
    if is_cyrillic(b):  # the Slavic stems and endings
        tm = M.SLAVIC_TIMES_RX.match(rest)
        if tm:
            return "time", end + tm.end()
        m1 = M.WORD_RX.match(rest)
        if not m1:
            return None
        lemma = unit_lemma(m1.group("w"), b)
        if lemma:
            return lemma, end + m1.end()
        m2 = M.WORD_RX.match(rest, m1.end())
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
    qm = M.POST_QUAL_RX["zh"].match(rest)
    if qm and qm.group("q") in ("多", "余", "餘"):
        offset = qm.end()
    direct = unit_lemma(rest[offset:].lstrip(), "zh")
    cl = M.ZH_CLASSIFIER_RX.match(rest, offset)
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

    low = tail.lower()
    for w, _ in LOOKUP[lang]:
        if low.startswith(w):
            return tail[: len(w)]
    return ""


_KO_COUNTER_RX = lazy_compile(
    r"\s?(?P<c>번째|번|회|차례|명|개국|개월|개|건|대(?!\s?(?:남성|여성|남자|여자|청년|초반|중반|후반))"
    r"|척|곳|마리|그루|가지|시간|분(?!기)|초(?!반)|살|세|일간)"
)
_KO_NOUN_RX = lazy_compile(r"\s?(?P<w>[가-힣]+)")


def _ko_unit(text: str, start: int, end: int, flags: set[str]) -> tuple[str | None, int] | None:
    rest = text[end : end + 20]
    offset = 0
    qm = M.POST_QUAL_RX["ko"].match(rest)
    if qm and qm.group("q") == "여":
        offset = qm.end()
    cm = _KO_COUNTER_RX.match(rest, offset)
    if not cm:
        direct = unit_lemma(rest[offset:].lstrip(), "ko")
        # "10년 만에" counts years; "2025년" is a date and left to the date reader.
        short = re.fullmatch(r"\d{1,3}", text[start:end].strip()) is not None
        if direct and (direct not in ("day", "month", "year") or (direct == "year" and short)):
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
