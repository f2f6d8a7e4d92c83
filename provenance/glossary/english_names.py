"""Names in English text: the side a relay's unknown name is paired with.

A name is a run of capitalised words ("Dmitry Peskov", "National Security Council",
"Kremlin") or an acronym ("NATO"). Capitals prove little at the start of a sentence or
in a title-case headline, so there a single word counts only if it is not an ordinary
English word; and nationality adjectives ("Russian", "Chinese") are left out, because
they name no concept of their own. "Ordinary English word" is read from the glosses of
the Chinese-English dictionary, the one English vocabulary the project already ships:
a word that some gloss writes in lower case ("satellite", "butler") is ordinary.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from provenance.crosslingual import english
from provenance.crosslingual.lexicon import default_lexicon

_CAP = r"(?:[A-Z][a-z]*[A-Z]?[a-z'’\-]*|[A-Z]{2,}s?)"
_CONNECT = r"(?:of|for|de|del|da|von|van|der|al|bin|on)"
# ASCII boundaries, so that a Latin name inside Chinese or Korean text ("Starlink卫星")
# is still one.
_NAME = re.compile(rf"(?<![A-Za-z0-9'’.\-]){_CAP}(?:\s+(?:{_CONNECT}\s+(?:the\s+)?)?{_CAP})*"
                   rf"(?![A-Za-z0-9\-])")
_POSSESSIVE = re.compile(r"['’]s?$")
# Titles before a person's name, left out of the name.
_TITLES = frozenset({
    "general", "gen", "president", "senator", "sen", "minister", "secretary", "chancellor",
    "prime", "vice", "governor", "gov", "king", "queen", "prince", "pope", "judge", "colonel",
    "captain", "admiral", "lieutenant", "sergeant", "sgt", "rep", "representative", "dr",
    "prof", "professor", "director", "chairman", "chairwoman", "chief", "deputy",
    "spokesman", "spokeswoman", "ambassador", "commissioner", "former", "mr", "mrs", "ms",
})
# Words that are capitalised for grammar's sake, not because they name something.
_FUNCTION = frozenset(english.STOPWORDS | {
    "mr", "mrs", "ms", "dr", "st", "jr", "sr", "according", "however", "meanwhile", "earlier",
    "later", "last", "next", "photo", "image", "read", "see", "also", "january", "february",
    "march", "april", "june", "july", "august", "september", "october", "november",
    "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "western", "eastern", "northern", "southern",
})
# Month abbreviations end a name only where they end the capitalised run ("Nov 7"):
# "Jan Bremmer" is a person.
_MONTHS = frozenset({"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
                     "nov", "dec"})


@dataclass(frozen=True, slots=True)
class EnglishName:
    """A name found in English text, with its span."""

    start: int
    end: int
    text: str


@lru_cache(maxsize=20_000)
def is_ordinary(word: str) -> bool:
    """Whether ``word`` is an ordinary English word (some dictionary gloss writes it, or
    another form of it, in lower case), so that its capital may be a sentence's or a
    headline's: "Satellite", "Advisers" and "Butler" are, "Kremlin" and "Kiriyenko" are
    not."""
    low = word.lower().strip(".,;:!?\"'’“”()")
    if low in _FUNCTION:
        return True
    keys = english.word_keys(low, False)
    if not keys:
        return True
    lexicon = default_lexicon()
    for zh in lexicon.chinese_words(low)[:40]:
        for gloss in lexicon.glosses(zh):
            for found in re.findall(r"(?<![\w-])[a-z][a-z'\-]*", gloss):
                if english.word_keys(found, False) & keys:
                    return True
    return False


@lru_cache(maxsize=20_000)
def is_demonym(word: str) -> bool:
    """"Russian", "Chinese", "Europeans": an adjective or people-name built on a place
    name the dictionary knows as a proper noun of one word ("Russia", "China")."""
    if not word[:1].isupper():
        return False
    lexicon = default_lexicon()
    for key in english.word_keys(word) - english.word_keys(word, False):
        for zh in lexicon.chinese_words(key):
            entry = lexicon.entry(zh)
            if entry and entry.proper and any(
                    english.content_keys(g) == (frozenset({key}),) for g in entry.glosses):
                return True
    return _people_or_language(word)


# Chinese words for a people or a language end in one of these: 波兰语 "Polish",
# 德国人 "German person or people", 英文 "English".
_PEOPLE_OR_LANGUAGE = ("人", "语", "語", "文", "族")


def _people_or_language(word: str) -> bool:
    """"Polish", "French", "Germans": the dictionary glosses the word as a people or a
    language (波兰语 "Polish", 德国人 "German person"), or next to the place it is
    built on (法国 "France, French"), though its spelling is not the place's."""
    lexicon = default_lexicon()
    for bare in dict.fromkeys((word, re.sub(r"(?<=[a-z])s$", "", word))):
        for zh in lexicon.chinese_words(bare.lower()):
            entry = lexicon.entry(zh)
            if entry is None or not entry.proper:
                continue
            glosses = [g.split(" (")[0] for g in entry.glosses]
            if zh.endswith(_PEOPLE_OR_LANGUAGE) and any(
                    g == bare or g.startswith((f"{bare} person", f"{bare} people"))
                    for g in glosses):
                return True
            place = glosses[0]
            if bare in glosses[1:] and " " not in place and place[:1].isupper():
                return True  # 法国: France, French
    return False


def _title_case(sentence: str) -> bool:
    words = re.findall(r"[A-Za-z][\w'’\-]*", sentence)
    content = [w for w in words if w.lower() not in english.STOPWORDS]
    return len(content) >= 3 and sum(w[0].isupper() for w in content) >= 0.8 * len(content)


def _plain(word: str) -> bool:
    """An ordinary word, a demonym or a title: capitalised, it still names nothing."""
    bare = _POSSESSIVE.sub("", word.strip(".,;:!?\"“”()"))
    return bare.lower() in _TITLES or is_demonym(bare) or all(
        is_ordinary(part) for part in bare.split("-") if part)


def _pieces(match: re.Match[str], title: bool) -> list[list[re.Match[str]]]:
    """The words of a capitalised run, cut where a grammar word ("With", "The") or a
    possessive ("Musk's") ends one name, without grammar words and titles at the edges.
    In a title-case headline only the stretch from the first to the last word that is
    no ordinary word is kept ("Join NATO" -> "NATO")."""
    words = list(re.finditer(r"\S+", match.group()))
    pieces: list[list[re.Match[str]]] = [[]]
    for n, word in enumerate(words):
        bare = _POSSESSIVE.sub("", word.group())
        if bare.lower() in _FUNCTION and not re.fullmatch(_CONNECT, word.group()) \
                or bare.lower() in _MONTHS and n == len(words) - 1 \
                or re.fullmatch(r"[A-Z]['’][a-z]+", bare):  # I'm, I'll
            pieces.append([])
            continue
        pieces[-1].append(word)
        if bare != word.group():
            pieces.append([])
    out = []
    for piece in pieces:
        while piece and (re.fullmatch(_CONNECT, piece[-1].group()) or piece[-1].group() == "the"):
            piece = piece[:-1]
        while len(piece) >= 2 and piece[0].group().lower() in _TITLES:
            piece = piece[1:]  # "General Keith Kellogg": the person is Keith Kellogg
        plain = [_plain(w.group()) for w in piece]
        if title and False in plain:  # "Join NATO": a headline's verb is no part of it
            first = plain.index(False)
            piece, plain = piece[first:], plain[first:]
        # "Presidential Administration Serhiy Kiriyenko": a title, then a person's name
        # (two words or more that are no ordinary words).
        parts = [piece]
        if True in plain:
            last = len(plain) - 1 - plain[::-1].index(True)
            if len(piece) - last - 1 >= 2:
                parts = [piece[:last + 1], piece[last + 1:]]
        out += [part for part in parts if part and not all(
            w.group().lower() in _TITLES or is_demonym(w.group()) for w in part)]
    return out


def english_names(sentence: str) -> list[EnglishName]:
    """The names of one English sentence, in order (see the module docstring)."""
    title = _title_case(sentence)
    out = []
    for match in _NAME.finditer(sentence):
        for piece in _pieces(match, title):
            start = match.start() + piece[0].start()
            end = match.start() + piece[-1].end()
            text = _POSSESSIVE.sub("", sentence[start:end])
            end = start + len(text)
            words = text.split()
            if len(text) < 2:
                continue
            at_start = not sentence[:start].strip(" \"“‘'([—–-")
            if len(words) == 1:
                if text.isupper():
                    out.append(EnglishName(start, end, text))  # an acronym
                    continue
                if (at_start or title) and _plain(text) or is_demonym(text):
                    continue
            elif title and all(_plain(w) for w in words):
                continue  # "Secret Conversations" in a headline
            out.append(EnglishName(start, end, text))
    return out
