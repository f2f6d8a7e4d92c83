"""Surface person/organisation/place names that the glossary does not know.

Latin-script names are capitalised words not at the start of a sentence, and acronyms;
Ukrainian and Russian names the same in Cyrillic, transliterated to Latin so that
"Зеленський" and "Zelensky" compare. English is read by the glossary's reader of English
names, which knows title-case headlines ("Freeze' War" names nothing) and "I'm". German
capitalises every noun: there a word the language's dictionary knows ("Berater",
"Einfrieren") is no name by its capital. Chinese and Korean names cannot be found this
way (no capitals): those sides rely on the glossary only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz

from provenance.glossary.english_names import english_names
from provenance.glossary.inflection import is_cyrillic, parses
from provenance.lang import base, has, language, script_of

_LATIN = re.compile(r"\b(?:[A-Z][a-z’'\-]+|[A-Z]{2,}[a-z]?)(?:\s+(?:[A-Z][a-z’'\-]+|[A-Z]{2,}))*\b")
_CYRILLIC = re.compile(
    r"(?<!\w)[А-ЯІЇЄҐЁ][а-яіїєґёʼ’'\-]+(?:\s+[А-ЯІЇЄҐЁ][а-яіїєґёʼ’'\-]+)*")
# English capitalises demonyms ("Russian", "Ukrainians"); other languages do not.
_DEMONYM = re.compile(r"^[A-Z][a-z]+(?:ian|ians|ican|icans|ean|eans|ese|ish|ite|ites)$")

# Capitalised words that are not names (sentence-internal capitals in English headlines,
# days and months, titles).
_NOT_NAME_WORDS = """
I The A An In On At For And But Or Of To By With From As Mr Mrs Ms Dr Prof It He She They We
You His Her Their Our This That These Those There Here When While After Before If Mon Monday
Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July
August September October November December President Prime Minister Chief Executive CEO
Secretary General Governor Senator Representative Director Chairman Former Vice According
Meanwhile However Also Although Despite During Since Last Next Earlier Later Today Yesterday
Tomorrow Sir Lord Lady Saint St Street Road Mt Mount Lake River Premier Chancellor King Queen
Western Eastern Northern Southern
Prince Princess Pope Justice Judge Officer Police Government Parliament Ministry Department
Президент Прем'єр Прем’єр Міністр Міністерство Уряд Голова Речник Посол Генерал Пан Пані
Премьер Министр Министерство Правительство Председатель Глава Посол Господин Госпожа По За
Як Але І Та У В На Це Цей Ця Ці Він Вона Вони Как Но И А Это Этот Эта Эти Он Она Они Мы Ми
"""
_NOT_NAMES = frozenset(_NOT_NAME_WORDS.split())

_TRANSLIT = str.maketrans({
    "а": "a", "б": "b", "в": "v", "г": "h", "ґ": "g", "д": "d", "е": "e", "є": "ye", "ж": "zh",
    "з": "z", "и": "y", "і": "i", "ї": "yi", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n",
    "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
    "ч": "ch", "ш": "sh", "щ": "shch", "ь": "", "ю": "yu", "я": "ya", "ё": "yo", "ы": "y",
    "э": "e", "ъ": "", "’": "", "'": "",
})


@dataclass(frozen=True)
class Name:
    """A name as written, its span in the sentence, and a Latin key for comparing."""

    text: str
    start: int
    end: int
    key: str
    category: str | None = None  # the glossary category, when the name is a known concept
    concept: str | None = None  # the glossary concept id, likewise


def latin_key(text: str, lang: str) -> str:
    """A lower-case Latin key: Cyrillic transliterated (Ukrainian г -> h, Russian г -> g)."""
    low = text.lower()
    if base(lang) == "ru":
        low = low.replace("г", "g").replace("и", "i")
    return _fold(low.translate(_TRANSLIT))


_FOLDS = (("shch", "sh"), ("sch", "sh"), ("kh", "h"), ("ph", "f"), ("ck", "k"), ("w", "v"),
          ("g", "h"), ("y", "i"), ("tz", "z"), ("ts", "z"), ("c", "k"), ("q", "k"),
          ("x", "ks"), ("j", "i"), ("ii", "i"))


def _fold(key: str) -> str:
    """Spelling differences transliteration cannot settle: Washington ~ Вашингтон."""
    for a, b in _FOLDS:
        key = key.replace(a, b)
    return re.sub(r"(.)\1", r"\1", key)


def name_script(lang: str) -> str | None:
    """"latin" or "cyrillic" when names in ``lang`` can be found and compared (the
    registry's "names" capability), else None (Chinese, Korean: no capitals)."""
    return script_of(lang) if has(lang, "names") else None


def find_names(text: str, lang: str, skip: list[tuple[int, int]] | None = None) -> list[Name]:
    """Names in one sentence, excluding spans in ``skip`` (e.g. glossary matches)."""
    if base(lang) == "en":
        return [Name(n.text, n.start, n.end, latin_key(n.text, lang))
                for n in english_names(text)
                if not (skip and any(a < n.end and n.start < b for a, b in skip))]
    # Latin capitals are looked for in every other language: "Bloomberg" inside Chinese,
    # "ISW" and "(Olaf Scholz)" inside Ukrainian
    patterns = (_CYRILLIC, _LATIN) if name_script(lang) == "cyrillic" else (_LATIN,)
    matches = sorted((m for p in patterns for m in p.finditer(text)), key=lambda m: m.start())
    names: list[Name] = []
    for m in matches:
        # "Trump’s Golden Dome" is two names: split after a possessive
        offset = m.start()
        for part in re.split(r"(?<=[’']s)(\s+)", m.group(0)):
            if part and not part.isspace():
                name = _name(text, offset, offset + len(part), lang, skip)
                if name is not None:
                    names.append(name)
            offset += len(part)
    return names


def _name(text: str, start: int, end: int, lang: str, skip: list[tuple[int, int]] | None
          ) -> Name | None:
    words = text[start:end].split()
    # drop leading non-name words ("The", "President"), and a lone capitalised word
    # opening the sentence (capitalised because it opens the sentence)
    while words and (words[0].strip("’'") in _NOT_NAMES or (
            start == _first_word(text) and not words[0].isupper() and (
                len(words) == 1 or _common_cyrillic(words[0])))):
        start += len(words[0])
        start += len(text[start:end]) - len(text[start:end].lstrip())
        words = words[1:]
    if not words or (len(words) == 1 and _DEMONYM.match(words[0])):
        return None
    if _nouns_capitalised(lang):
        # "Sieg Trump", "Wladimir Putin": the nouns at either end are not the name
        while words and _common_noun(words[0], lang):
            start = text.index(words[1], start + len(words[0])) if len(words) > 1 else end
            words = words[1:]
        while words and _common_noun(words[-1], lang):
            words = words[:-1]
        if not words:
            return None
        end = text.index(words[-1], start) + len(words[-1])
    for suffix in ("’s", "'s", "’", "'"):  # possessive: "Trump’s" is Trump
        if text[start:end].endswith(suffix):
            end -= len(suffix)
            break
    end = start + len(text[start:end].rstrip("-"))  # "Valdai-" of "Valdai-Forum"
    if end <= start or (skip and any(a < end and start < b for a, b in skip)):
        return None
    written = text[start:end]
    return Name(written, start, end, latin_key(written, lang))


def _nouns_capitalised(lang: str) -> bool:
    record = language(lang)
    return record is not None and record.nouns_capitalised


@lru_cache(maxsize=50_000)
def _common_noun(word: str, lang: str) -> bool:
    """A word the language's dictionary knows (simplemma's word lists, shipped inside the
    package): capitalised in German, it is a noun, not a name. Acronyms are names."""
    import simplemma

    bare = word.strip("’'\"„“”,.;:()")
    if len(bare) >= 2 and bare.isupper():
        return False
    return simplemma.is_known(bare, lang=base(lang))


#: pymorphy3 tags of proper names: a first name, surname, patronymic, place, organisation
_PROPER_TAGS = frozenset({"Name", "Surn", "Patr", "Geox", "Orgn", "Trad", "Abbr"})


def _common_cyrillic(word: str) -> bool:
    """A Cyrillic word the dictionary knows only as a common word ("Контакты", "Газета"):
    opening a sentence, its capital is the sentence's ("Контакты Маска" names Musk)."""
    if not is_cyrillic(word):
        return False
    found = parses(word)
    return bool(found) and not any(_PROPER_TAGS & p.tag.grammemes for p in found)


def _first_word(text: str) -> int:
    stripped = text.lstrip(" \"“‘'«(—-–")
    return len(text) - len(stripped)


def same_name(a: Name, b: Name) -> bool:
    """Whether two names refer to the same thing, allowing inflection and transliteration.

    Every word of the shorter name must match a word of the longer one ("Trump" within
    "Donald Trump", "Трампом" ~ "Trump"), so "Susan Wiles" is not "Susie Wiles".
    """
    if a.key == b.key:
        return True
    short, long_ = sorted((a.key.split(), b.key.split()), key=len)
    return bool(short) and all(any(_same_word(w, v) for v in long_) for w in short)


def _same_word(w: str, v: str) -> bool:
    if w == v:
        return True
    if min(len(w), len(v)) >= 4 and (w.startswith(v[:max(4, len(v) - 3)])
                                     or v.startswith(w[:max(4, len(w) - 3)])):
        return True  # inflection: Трампа, Трампом
    if len(w) > len(v):
        w, v = v, w
    if len(w) < 4:
        return False
    return max(fuzz.ratio(w, v[:len(w)]), fuzz.ratio(w, v[:len(w) + 1])) >= 75


def similar_name(a: Name, b: Name) -> float:
    """0-100 similarity, for "Susan" vs "Susie"."""
    return float(fuzz.ratio(a.key, b.key))
