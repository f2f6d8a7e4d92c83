"""Inflection-tolerant keys for Ukrainian and Russian words.

"Трамп", "Трампа" and "Трампом" must all find the concept Donald Trump; "Білого дому"
must find "Білий дім". Each word gets a small set of keys: its lower-cased surface, a
crude stem (common case endings stripped) and every lemma pymorphy3 proposes. Two
words match when their key sets meet. Lemmas are cached per process, so an article
pays for each distinct word once.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

WORD_RE = re.compile(r"[^\W\d_]+(?:['’ʼ\-][^\W\d_]+)*")
_CYRILLIC_RE = re.compile(r"[\u0400-\u04FF]")

# Noun and adjective endings of Ukrainian and Russian, longest first, so a name loses
# its case ending but keeps enough of a stem to stay distinctive.
_ENDINGS = sorted({
    "ами", "ями", "ові", "еві", "єві", "ому", "ого", "ему", "его", "ими", "ыми", "іми",
    "ою", "ею", "єю", "ом", "ем", "єм", "ів", "їв", "ах", "ях", "ам", "ям", "ий", "ій",
    "ая", "яя", "ое", "ее", "ые", "ие", "ой", "ей", "их", "ых", "им", "ым", "ої",
    "а", "я", "у", "ю", "і", "и", "е", "є", "о", "ь", "й", "ы", "ї",
}, key=len, reverse=True)
_MIN_STEM = 3


def fold_word(word: str) -> str:
    """Lower-case, with ё read as е and apostrophes unified (ʼ ’ -> ')."""
    return word.lower().replace("ё", "е").replace("’", "'").replace("ʼ", "'")


def stem(word: str) -> str:
    """The word with one common case ending removed (if a stem of 3+ letters remains)."""
    folded = fold_word(word)
    for ending in _ENDINGS:
        if folded.endswith(ending) and len(folded) - len(ending) >= _MIN_STEM:
            return folded[: -len(ending)]
    return folded


def is_cyrillic(text: str) -> bool:
    return bool(_CYRILLIC_RE.search(text))


@lru_cache(maxsize=4)
def _analyzer(lang: str) -> Any:
    import pymorphy3  # loaded on first use: ~0.1 s and its dictionaries

    return pymorphy3.MorphAnalyzer(lang="uk") if lang == "uk" else pymorphy3.MorphAnalyzer()


def lemmatiser_version() -> str:
    """pymorphy3 and its dictionaries, as installed: the lemmas (and the glossary indexes
    built from them) depend on these versions."""
    versions = []
    for name in ("pymorphy3", "pymorphy3_dicts_ru", "pymorphy3_dicts_uk"):
        try:
            module = __import__(name)
        except ImportError:
            versions.append(f"{name}:-")
        else:
            versions.append(f"{name}:{getattr(module, '__version__', '?')}")
    return ",".join(versions)


@lru_cache(maxsize=50_000)
def parses(word: str) -> tuple[Any, ...]:
    """pymorphy3 analyses of a Cyrillic word (Ukrainian dictionary if the word has
    Ukrainian-only letters or is unknown to the Russian one)."""
    lang = "uk" if re.search(r"[іїєґ]", word.lower()) else "ru"
    try:
        found = _analyzer(lang).parse(word)
        if lang == "ru" and not any(p.is_known for p in found):
            found = _analyzer("uk").parse(word)
    except Exception:  # a broken dictionary install must not stop the caller
        return ()
    return tuple(p for p in found if p.is_known)


@lru_cache(maxsize=200_000)
def word_keys(word: str, lang: str) -> frozenset[str]:
    """Every key under which ``word`` (in ``lang``: "uk" or "ru") can be matched."""
    folded = fold_word(word)
    keys = {folded, stem(folded)}
    if is_cyrillic(folded) and "-" not in folded:
        try:
            parses = _analyzer(lang).parse(folded)
        except Exception:  # a broken dictionary install must not stop matching
            parses = []
        for parse in parses[:4]:
            normal = fold_word(parse.normal_form)
            keys.add(normal)
            keys.add(stem(normal))
    return frozenset(keys)


def tokens(text: str) -> list[tuple[int, int, str]]:
    """Words of ``text`` as (start, end, word)."""
    return [(m.start(), m.end(), m.group()) for m in WORD_RE.finditer(text)]
