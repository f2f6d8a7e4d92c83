"""Romanise Cyrillic and Hangul names, and link unknown names to glossary concepts.

A relay often spells a name the glossary does not list yet ("Ісаакман" for Isaacman).
``romanize`` turns it into Latin letters with the national systems (Ukrainian: the 2010
Cabinet of Ministers table; Russian: the ICAO/GOST R 52535.1 passport table; Korean:
Revised Romanization), and ``link_unknown_name`` compares the result, fuzzily, with the
Latin forms of every concept.

Cyrillic is romanised by ``translitua``, whose tables are the official ones, word-initial
forms included. Hangul keeps the table below: see :func:`_romanize_hangul` for why.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from rapidfuzz import fuzz
from translitua import RussianICAO, UkrainianKMU, translit

from provenance.lang import base, is_cyrillic

if TYPE_CHECKING:
    from provenance.glossary.termbase import Glossary

# Revised Romanization of Korean (2000), by jamo index.
_INITIALS = ["g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "", "j", "jj", "ch",
             "k", "t", "p", "h"]
_MEDIALS = ["a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae", "oe", "yo", "u",
            "wo", "we", "wi", "yu", "eu", "ui", "i"]
_FINALS = ["", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "l", "l", "l", "p", "l", "m",
           "p", "p", "t", "t", "ng", "t", "t", "k", "t", "p", "t"]
# A final consonant followed by a silent ㅇ is pronounced as the next syllable's initial.
_FINAL_LINKED = ["", "g", "kk", "ks", "n", "nj", "nh", "d", "r", "lg", "lm", "lb", "ls", "lt",
                 "lp", "lh", "m", "b", "bs", "s", "ss", "", "j", "ch", "k", "t", "p", "h"]
_SILENT_INITIAL = 11


def _romanize_hangul(text: str) -> str:
    """Revised Romanization, syllable by syllable, with the two rules that make a Korean
    loanword comparable with its English original: an initial ㄹ is "r" and a final
    consonant before a silent ㅇ is read as the next syllable's initial (한국어 ->
    hangugeo). Kept by hand because no library here does this: ``anyascii`` writes each
    jamo's own letter (로이터 -> "LoITeo", 폭스뉴스 -> "PogSeuNyuSeu") and agrees with this
    table on 119 of the 261 Korean glossary forms, case aside; ``translitua`` is Cyrillic
    only.
    """
    out: list[str] = []
    chars = list(text)
    for i, ch in enumerate(chars):
        code = ord(ch) - 0xAC00
        if not 0 <= code < 11172:
            out.append(ch)
            continue
        initial, rest = divmod(code, 588)
        medial, final = divmod(rest, 28)
        nxt = ord(chars[i + 1]) - 0xAC00 if i + 1 < len(chars) else -1
        links = 0 <= nxt < 11172 and nxt // 588 == _SILENT_INITIAL
        out.append(_INITIALS[initial] + _MEDIALS[medial]
                   + (_FINAL_LINKED[final] if links else _FINALS[final]))
    return "".join(out)


def romanize(text: str, lang: str) -> str:
    """Latin spelling of ``text`` (uk, ru or ko); other text is returned unchanged."""
    code = base(lang)
    if code == "uk":
        return translit(text, UkrainianKMU)
    if is_cyrillic(code):  # Russian spelling rules serve the other Cyrillic languages
        return translit(text, RussianICAO)
    if code == "ko" or any(0xAC00 <= ord(c) < 0xD7A4 for c in text):
        return _romanize_hangul(text)
    if re.search(r"[\u0400-\u04FF]", text):  # Cyrillic of an unnamed language
        ukrainian = re.search(r"[іїєґ]", text.lower())
        return translit(text, UkrainianKMU if ukrainian else RussianICAO)
    return text


# Spelling differences that carry no sound difference between an English name and its
# romanised rendering: "Isaacman" / "Isaakman", "Bezos" / "Bezoss".
_SOUND_RULES: list[tuple[str, str]] = [
    (r"ph", "f"), (r"ck", "k"), (r"c(?=[eiy])", "s"), (r"[cq]", "k"), (r"x", "ks"),
    (r"w", "v"), (r"z", "s"), (r"kh", "h"), (r"y", "i"), (r"j", "dzh"), (r"dzhdzh", "dzh"),
    (r"ee|ea", "i"), (r"oo", "u"), (r"(.)\1", r"\1"),
]
# Korean loanwords add 으 (eu) after a final consonant and render English /ʌ/ with 어 (eo).
_KOREAN_RULES: list[tuple[str, str]] = [(r"(?<=[bcdfghjklmnpqrstvxz])eu", ""), (r"eo", "u")]


def sound_key(name: str, lang: str = "en") -> str:
    """A rough spelling-independent key for comparing a romanised name with an English one."""
    key = re.sub(r"[^a-z]", "", name.lower())
    if base(lang) == "ko":
        for pattern, repl in _KOREAN_RULES:
            key = re.sub(pattern, repl, key)
    for pattern, repl in _SOUND_RULES:
        key = re.sub(pattern, repl, key)
    return key


@dataclass(frozen=True)
class _Candidate:
    concept_id: str
    text: str
    key: str


@lru_cache(maxsize=8)
def _latin_candidates(glossary: Glossary) -> tuple[_Candidate, ...]:
    found = []
    for concept in glossary.concepts.values():
        for _, form in concept.all_forms():
            if form.status == "deprecated" or not re.fullmatch(r"[A-Za-z .'\-]+", form.text):
                continue
            found.append(_Candidate(concept.id, form.text.lower(), sound_key(form.text)))
    return tuple(found)


def link_unknown_name(name: str, lang: str, glossary: Glossary,
                      min_score: float = 0.8) -> tuple[str, float] | None:
    """The concept whose Latin form best matches ``name`` romanised, with a 0-1 score.

    ``link_unknown_name("Ісаакман", "uk", g)`` gives ``("jared-isaacman", 1.0)``.
    Returns None when nothing scores at least ``min_score``.
    """
    latin = romanize(name.strip(), lang).lower()
    if not latin:
        return None
    key = sound_key(latin, lang)
    best: tuple[str, float] | None = None
    for cand in _latin_candidates(glossary):
        score = max(fuzz.ratio(latin, cand.text), fuzz.ratio(key, cand.key)) / 100.0
        if best is None or score > best[1]:
            best = (cand.concept_id, score)
    if best is None or best[1] < min_score:
        return None
    return best[0], round(best[1], 3)
