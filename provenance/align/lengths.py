"""How long a translation is: character-length ratios per language pair.

Length is the evidence every pair has, translated or not (Gale and Church 1993). The
expansion factors and spreads were measured on the WMT news test sets in
../shared/data/parallel; ``benchmarks/alignment.py --calibrate`` prints them again.
"""

from __future__ import annotations

import math
import re

from provenance.lang import CJK, base

#: Target characters per source character (non-space) and the spread of
#: log(target length / expected length) for true 1-1 links, measured on the WMT news
#: test sets in ../shared/data/parallel (``benchmarks/alignment.py --calibrate``).
EXPANSION: dict[tuple[str, str], tuple[float, float]] = {
    ("en", "zh"): (0.383, 0.21),
    ("uk", "en"): (1.066, 0.14),
    ("zh", "zh"): (1.0, 0.16),
}
#: Spread used for language pairs that were not measured.
LENGTH_SIGMA = 0.25

_SPACE = re.compile(r"\s+")
#: Latin letters and digits: the names, figures and codes a Chinese, Japanese or Korean
#: text copies from a text in a Western language as they are.
_COPIED = re.compile(r"[A-Za-z0-9]")


def expansion_factor(src_lang: str, tgt_lang: str) -> float | None:
    """Known target/source length ratio for a language pair, if measured."""
    found = length_model(src_lang, tgt_lang)
    return found[0] if found else None


def length_model(src_lang: str, tgt_lang: str) -> tuple[float, float] | None:
    """(expansion factor, log-ratio spread) for a language pair, if measured.

    Pairs measured in one direction serve the other; pairs with English on neither side
    go through English.
    """
    a, b = base(src_lang), base(tgt_lang)
    direct = _measured(a, b)
    if direct:
        return direct
    to_en, en_to = _measured(a, "en"), _measured("en", b)
    if to_en and en_to:
        return to_en[0] * en_to[0], math.hypot(to_en[1], en_to[1])
    if a == b:
        return 1.0, LENGTH_SIGMA
    return None


def _measured(a: str, b: str) -> tuple[float, float] | None:
    if a == b == "en":
        return 1.0, 0.16
    if (a, b) in EXPANSION:
        return EXPANSION[(a, b)]
    if (b, a) in EXPANSION:
        factor, sigma = EXPANSION[(b, a)]
        return 1.0 / factor, sigma
    return None


def char_length(text: str) -> int:
    """Characters that carry content: whitespace does not count (Chinese uses none)."""
    return len(_SPACE.sub("", text))


def copied_rates(src_lang: str, tgt_lang: str, expansion: float) -> tuple[float, float]:
    """What one Latin letter or digit of a source and of a target sentence counts for in
    :func:`rendered_length`.

    Across a CJK and a Western language a sentence shrinks or grows by the expansion
    factor (~0.38 from English to Chinese), but the names and figures copied into the CJK
    text keep their length: "EverGrow Coin" makes a short Chinese question look twice as
    long as its English. Counted at the expansion factor on the CJK side (at its inverse
    when the CJK text is the source), they weigh what their rendering would. Other
    pairs count every character once.
    """
    cjk = base(src_lang) in CJK, base(tgt_lang) in CJK
    if cjk == (False, True):
        return 1.0, expansion
    if cjk == (True, False):
        return 1.0 / expansion, 1.0
    return 1.0, 1.0


def rendered_length(text: str, copied_rate: float = 1.0) -> float:
    """:func:`char_length`, Latin letters and digits counted ``copied_rate`` each."""
    if copied_rate == 1.0:
        return float(char_length(text))
    copied = len(_COPIED.findall(text))
    return char_length(text) - copied * (1.0 - copied_rate)
