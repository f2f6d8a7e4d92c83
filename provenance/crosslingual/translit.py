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
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Protocol

from rapidfuzz import fuzz
from translitua import RussianICAO, UkrainianKMU, translit

from provenance.crosslingual import english
from provenance.crosslingual.korean import strip_particles
from provenance.crosslingual.wordlink import WordLink
from provenance.lang import base, is_cyrillic

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


# Sounds Korean writes with one letter: f and p (ㅍ), v and b (ㅂ), l and r (ㄹ).
_KOREAN_MERGE = str.maketrans("fvl", "pbr")


def korean_key(key: str) -> str:
    """A sound key (Korean or English) with the distinctions Hangul cannot write merged,
    so that 페스코프 meets Peskov and 크렘린 meets Kremlin."""
    return re.sub(r"(.)\1", r"\1", key.translate(_KOREAN_MERGE))


class _FormLike(Protocol):
    text: str
    status: str


class _ConceptLike(Protocol):
    id: str

    def all_forms(self) -> Sequence[tuple[str, _FormLike]]: ...


class GlossaryLike(Protocol):
    """What name linking reads from a glossary (``provenance.glossary.Glossary``; a
    protocol, because transliteration sits below the glossary package)."""

    @property
    def concepts(self) -> Mapping[str, _ConceptLike]: ...


@dataclass(frozen=True)
class _Candidate:
    concept_id: str
    text: str
    key: str


@lru_cache(maxsize=8)
def _latin_candidates(glossary: GlossaryLike) -> tuple[_Candidate, ...]:
    found = []
    for concept in glossary.concepts.values():
        for _, form in concept.all_forms():
            if form.status == "deprecated" or not re.fullmatch(r"[A-Za-z .'\-]+", form.text):
                continue
            found.append(_Candidate(concept.id, form.text.lower(), sound_key(form.text)))
    return tuple(found)


def link_unknown_name(name: str, lang: str, glossary: GlossaryLike,
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


# -- consonant skeletons -----------------------------------------------------------------
# Chinese writes a foreign name with syllables that add vowels (佩斯科夫, pei si ke fu,
# for Peskov) and cannot tell l from r or k from g: what survives is the order of the
# consonants, by class. Both sides are reduced to that skeleton: labials P, dentals T,
# velars K, sibilants S, liquids R, nasals M and N.
_ENGLISH_CLASSES = [
    (r"ph", "P"), (r"th", "T"), (r"[cs]h", "S"), (r"ck", "K"), (r"c(?=[eiy])", "S"),
    (r"x", "KS"), (r"[bpfv]", "P"), (r"[dt]", "T"), (r"[gkcqj]", "K"), (r"[sz]", "S"),
    (r"[lr]", "R"), (r"m", "M"), (r"n", "N"), (r"[aeiouyhw]", ""),
]
_PINYIN_INITIALS = [("zh", "S"), ("ch", "S"), ("sh", "S"), ("b", "P"), ("p", "P"), ("f", "P"),
                    ("m", "M"), ("d", "T"), ("t", "T"), ("n", "N"), ("l", "R"), ("r", "R"),
                    ("g", "K"), ("k", "K"), ("h", "K"), ("j", "K"), ("q", "K"), ("x", "S"),
                    ("z", "S"), ("c", "S"), ("s", "S")]


def consonant_skeleton(latin: str) -> str:
    """The consonant classes of a Latin name in order ("Peskov" -> "PSKP"); an English
    final r after a vowel is silent in the Chinese rendering and left out."""
    word = re.sub(r"[^a-z]", "", latin.lower())
    word = re.sub(r"(?<=[aeiou])r$", "", word)
    for pattern, cls in _ENGLISH_CLASSES:
        word = re.sub(pattern, cls, word)
    return re.sub(r"(.)\1+", r"\1", word)


def pinyin_skeleton(syllables: Sequence[str]) -> str:
    """The consonant classes of pinyin syllables ("pei4 si1 ke1 fu1" -> "PSKP"): each
    initial, and a final n or ng."""
    out = []
    for syllable in syllables:
        syl = re.sub(r"[^a-z]", "", syllable.lower())
        if syl == "er":
            out.append("R")
            continue
        for initial, cls in _PINYIN_INITIALS:
            if syl.startswith(initial):
                out.append(cls)
                break
        if syl.endswith(("n", "ng")) and len(syl) > 1:
            out.append("N")
    return re.sub(r"(.)\1+", r"\1", "".join(out))


# -- word links -------------------------------------------------------------------------
_CYRILLIC_WORD = re.compile(r"[\u0400-\u04FF]+(?:['’ʼ\-][\u0400-\u04FF]+)*")
_HANGUL_WORD = re.compile(r"[\uac00-\ud7a3]+")
# Case endings of Ukrainian and Russian nouns and adjectives, longest first: Путіним,
# Маска and Кремлю must meet Putin, Musk and Kremlin. (provenance.glossary.inflection
# keeps the full set with pymorphy3 lemmas; this layer sits below it.)
_ENDINGS = sorted({
    "ами", "ями", "ові", "еві", "ому", "ого", "ему", "его", "ими", "ыми", "ою", "ею", "ом",
    "ем", "ів", "ов", "ах", "ях", "ам", "им", "ым", "ий", "ой", "ей", "а", "я", "у", "ю",
    "і", "и", "е", "ы", "ь",
}, key=len, reverse=True)
@dataclass(frozen=True, slots=True)
class _Reading:
    """A foreign word and the sound keys of its romanisations (whole and stemmed)."""

    start: int
    end: int
    text: str
    keys: tuple[str, ...]
    capitalised: bool
    #: Consonant skeletons of a capitalised Cyrillic word (whole and stemmed), for names
    #: whose vowels the two alphabets write differently (Маск, Musk).
    skeletons: tuple[str, ...] = ()


def _strip(word: str, endings: list[str], keep: int) -> str:
    low = word.lower()
    for ending in endings:
        if low.endswith(ending) and len(low) - len(ending) >= keep:
            return word[: -len(ending)]
    return word


@lru_cache(maxsize=4096)  # alignment scores one sentence against many
def _readings(text: str, lang: str) -> tuple[_Reading, ...]:
    code = base(lang)
    out: list[_Reading] = []
    if code == "ko":
        for match in _HANGUL_WORD.finditer(text):
            stem = strip_particles(match.group())
            if len(stem) >= 2:
                key = korean_key(sound_key(romanize(stem, "ko"), "ko"))
                out.append(_Reading(match.start(), match.start() + len(stem), stem, (key,),
                                    True))
        return tuple(out)
    for match in _CYRILLIC_WORD.finditer(text):
        word = match.group()
        if len(word) < 3:
            continue
        stem = _strip(word, _ENDINGS, 3)
        keys = {sound_key(romanize(w, lang)) for w in (word, stem)}
        if code == "uk":  # English often spells Ukrainian names the Russian way (Hennadiy)
            keys |= {sound_key(translit(w, RussianICAO)) for w in (word, stem)}
        skeletons = tuple(sorted({consonant_skeleton(romanize(w, lang)) for w in (word, stem)}
                                 )) if word[0].isupper() else ()
        out.append(_Reading(match.start(), match.end(), word, tuple(sorted(keys)),
                            word[0].isupper(), skeletons))
    return tuple(out)


@lru_cache(maxsize=50_000)
def _english_key(word: str) -> str:
    return sound_key(word)


def _similarity(keys: tuple[str, ...], english_key: str) -> float:
    best = 0.0
    for key in keys:
        shorter = min(len(key), len(english_key))
        if shorter < 3:
            continue
        score = fuzz.ratio(key, english_key) / 100
        # Short keys must agree closely: "vin" is not "win".
        need = 1.0 if shorter == 3 else 0.88 if shorter == 4 else 0.8
        if score >= need:
            best = max(best, score)
    return best


def _targets(words: list[english.Word], taken: set[int],
             korean: bool) -> list[tuple[tuple[int, ...], str]]:
    """English words (index spans with their sound keys) a foreign word may render.

    Korean writes a multi-word name as one word (월스트리트저널, Wall Street Journal), so
    runs of two or three capitalised English words are offered whole; and a Korean
    word only meets capitalised words (names), because a romanised Korean word is too
    loose a key to trust against any English word.
    """
    out = []
    for j, word in enumerate(words):
        if j in taken or not word.keys or not word.text.isalpha():
            continue
        if korean and not word.text[0].isupper():
            continue
        if not korean:
            out.append(((j,), _english_key(word.text)))
            continue
        out.append(((j,), korean_key(_english_key(word.text))))
        run = [j]
        for k in range(j + 1, min(j + 3, len(words))):
            if k in taken or not words[k].text[:1].isupper() or not words[k].text.isalpha():
                break
            run.append(k)
            out.append((tuple(run),
                        korean_key("".join(_english_key(words[i].text) for i in run))))
    return out


def word_links(foreign: str, en: str, lang: str) -> list[WordLink]:
    """Words of a Ukrainian, Russian (any Cyrillic) or Korean sentence whose romanised
    spelling matches a word of the English sentence ``en``: names and loanwords
    (Пєскова -> Peskov, Кремль -> Kremlin, 페스코프 -> Peskov), plus Latin words and
    numbers written alike. Each word on either side is linked at most once, best match
    first (see :func:`_targets` for Korean).
    """
    words = english.words(en)
    taken: set[int] = set()
    links = english.identical_links(foreign, en, words, taken)
    readings = _readings(foreign, lang)
    korean = base(lang) == "ko"
    targets = _targets(words, taken, korean)
    candidates = []
    for r, reading in enumerate(readings):
        for t, (span, key) in enumerate(targets):
            score = _similarity(reading.keys, key)
            if not score and reading.skeletons and len(span) == 1 and \
                    words[span[0]].text[0].isupper():
                # two capitalised names with the same consonants in order (Маск, Musk)
                skeleton = consonant_skeleton(words[span[0]].text)
                same_start = reading.keys[0][:1] == key[:1]
                score = 0.75 if len(skeleton) >= 3 and same_start and \
                    skeleton in reading.skeletons else 0.0
            if score:
                candidates.append((score, len(span), r, t))
    used: set[int] = set()
    for score, _, r, t in sorted(candidates, key=lambda c: (-c[0], -c[1], c[2], c[3])):
        span = targets[t][0]
        if r in used or taken.intersection(span):
            continue
        used.add(r)
        taken.update(span)
        reading, first, last = readings[r], words[span[0]], words[span[-1]]
        links.append(WordLink(reading.start, reading.end, first.start, last.end, reading.text,
                              en[first.start:last.end], "translit", round(score, 3),
                              romanize(reading.text, lang)))
    links.sort(key=lambda link: (link.src_start, link.tgt_start))
    return links


def sounds_like(word: str, lang: str, english_word: str) -> float:
    """How closely one Cyrillic or Korean word (any case ending or particle) sounds like
    one English word, 0 to 1, by the rules :func:`word_links` uses (Владіміром and
    Vladimir, 엘론 and Elon)."""
    readings = _readings(word, lang)
    if len(readings) != 1:
        return 0.0
    key = _english_key(english_word)
    return _similarity(readings[0].keys, korean_key(key) if base(lang) == "ko" else key)


def translit_overlap(foreign: str, en: str, lang: str) -> float:
    """How much of each sentence the transliteration links explain (0-1; see
    :func:`provenance.crosslingual.english.overlap`), counting foreign words."""
    links = word_links(foreign, en, lang)
    total = len(_readings(foreign, lang)) + len(english.identical_links(
        foreign, foreign, english.words(foreign), set()))
    return english.overlap(len({link.src_start for link in links}), total, links,
                           english.words(en))
