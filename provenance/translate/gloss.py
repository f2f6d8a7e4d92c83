"""The ``gloss`` backend: an English skeleton of each sentence, with no model at all.

When no translation model is installed, a Chinese, Korean or Ukrainian sentence is still
comparable with English through what survives translation unchanged in meaning: names
and terms (glossary concepts, written as their English canonical form), quantities
(normalised: 59亿美元 and 5,9 млрд доларів both become "$5.9 billion") and words already
in Latin script (brand names such as "SpaceX"). Capitalised Cyrillic words the glossary
lacks are put in the nominative and transliterated ("біля Бахмута" -> "Bakhmut"). The
skeleton keeps all of these in source order:

    据《华尔街日报》报道，SpaceX获得59亿美元合同  ->  "The Wall Street Journal SpaceX $5.9 billion"

Everything else is dropped, so similarity scores see names and numbers, not noise.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from typing import TYPE_CHECKING, Any

from provenance import __version__
from provenance.lang import base, has
from provenance.translate.base import Translator

if TYPE_CHECKING:
    from provenance.glossary import Glossary
    from provenance.quantities import Quantity

#: bump when the skeleton's shape changes, so cached skeletons are not reused
GLOSS_VERSION = "2"

_LATIN_TOKEN = re.compile(r"[A-Za-z0-9][A-Za-z0-9&'’.\-]*[A-Za-z0-9]|[A-Za-z]")
_CYRILLIC_NAME = re.compile(r"(?<![\w'’])[А-ЯІЇЄҐЁ][а-яіїєґёʼ'’]+(?:-[А-ЯІЇЄҐЁ][а-яіїєґёʼ'’]+)?")
# Ukrainian national transliteration (2010), the form English news mostly uses
_TRANSLIT = {
    "а": "a", "б": "b", "в": "v", "г": "h", "ґ": "g", "д": "d", "е": "e", "є": "ie", "ж": "zh",
    "з": "z", "и": "y", "і": "i", "ї": "i", "й": "i", "к": "k", "л": "l", "м": "m", "н": "n",
    "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
    "ч": "ch", "ш": "sh", "щ": "shch", "ь": "", "ю": "iu", "я": "ia", "ъ": "", "ы": "y",
    "э": "e", "ё": "io", "'": "", "’": "", "ʼ": "",
}
# Russian names in English news: BGN/PCGN-like ("Песков" -> "Peskov", "Юрий" -> "Yuriy")
_TRANSLIT_RU = {**_TRANSLIT, "г": "g", "и": "i", "й": "y", "е": "e", "ё": "yo", "ю": "yu",
                "я": "ya", "ы": "y"}
_QUALIFIERS = {"at_least": "at least", "more_than": "more than", "less_than": "less than",
               "at_most": "at most", "about": "about"}


class GlossTranslator(Translator):
    """English skeletons: glossary canonical forms, quantities and Latin-script words."""

    name = "gloss"
    cacheable = True

    def __init__(self, src_lang: str, tgt_lang: str, *, glossary: Glossary | None = None,
                 published: dt.date | None = None) -> None:
        if glossary is None:
            from provenance.glossary import default_glossary

            glossary = default_glossary()
        self.glossary = glossary
        self.published = published
        super().__init__(src_lang, tgt_lang,
                         version=f"{GLOSS_VERSION}+glossary:{glossary.digest}+{__version__}")

    def _translate_batch(self, sentences: list[str]) -> list[str]:
        return [self.skeleton(s) for s in sentences]

    def skeleton(self, sentence: str) -> str:
        """The English skeleton of one sentence (empty when nothing carries over)."""
        from provenance.facts import read_sentence

        # the sentence's facts: alignment reads the same ones, so it is read once
        facts = read_sentence(sentence, self.src_lang, self.glossary, self.published)
        pieces = [(match.start, match.end, match.canonical) for match in facts.terms]
        taken = [(s, e) for s, e, _ in pieces]
        for quantity in facts.extracted:
            if not _overlaps(quantity.start, quantity.end, taken):
                pieces.append((quantity.start, quantity.end, render_quantity(quantity)))
                taken.append((quantity.start, quantity.end))
        for token in _LATIN_TOKEN.finditer(sentence):
            if not _overlaps(token.start(), token.end(), taken):
                pieces.append((token.start(), token.end(), token.group()))
                taken.append((token.start(), token.end()))
        for name in _CYRILLIC_NAME.finditer(sentence):
            if not _overlaps(name.start(), name.end(), taken):
                latin = self._cyrillic_name(name.group(), _starts_sentence(sentence, name.start()))
                if latin:
                    pieces.append((name.start(), name.end(), latin))
        pieces.sort(key=lambda p: (p[0], p[1]))
        return " ".join(text for _, _, text in pieces if text)

    def _cyrillic_name(self, word: str, sentence_start: bool) -> str | None:
        """A capitalised Cyrillic word the glossary lacks, as English would write it.

        Inside a sentence a capitalised word is most likely a name; at a sentence start
        only if the morphology says so. Names are put back in the nominative
        ("Бахмута" -> "Bakhmut") and transliterated the way English news does.
        """
        parse = _name_parse(word, self.src_lang)
        if parse is None:
            return None if sentence_start else transliterate(word, self.src_lang)
        lemma, is_name = parse
        if is_name:
            return transliterate(lemma, self.src_lang)
        return None if sentence_start else transliterate(lemma, self.src_lang)

    def signature_fields(self) -> dict[str, Any]:
        return {**super().signature_fields(), "glossary": self.glossary.digest}


_NAME_TAGS = frozenset({"Surn", "Name", "Patr", "Geox", "Orgn", "Trad"})


@functools.cache
def _morph(lang: str) -> Any:
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang=lang)


@functools.lru_cache(maxsize=20000)
def _name_parse(word: str, lang: str) -> tuple[str, bool] | None:
    """``(nominative, is a name)`` for Ukrainian/Russian words, None for other languages."""
    code = base(lang)
    if not has(code, "inflection"):  # pymorphy3 has dictionaries for these
        return None
    parses = _morph(code).parse(word)
    for parse in parses:
        if _NAME_TAGS & parse.tag.grammemes:
            return parse.normal_form, True
    if parses and parses[0].tag.POS == "NOUN":  # a town the dictionary lacks: Вугледара
        return parses[0].normal_form, False
    return word, False


def _starts_sentence(text: str, start: int) -> bool:
    before = text[:start].rstrip(" \t«»\"“”„'(")
    return not before or before[-1] in ".!?…:;—–-"


def transliterate(word: str, lang: str = "uk") -> str:
    """Cyrillic to Latin, keeping the capital: "Миколаїв" -> "Mykolaiv"."""
    table = _TRANSLIT_RU if base(lang) == "ru" else _TRANSLIT
    latin = "".join(table.get(ch.lower(), ch.lower()) for ch in word)
    return latin[:1].upper() + latin[1:]


def _overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(start < e and s < end for s, e in spans)


def render_quantity(q: Quantity) -> str:
    """A quantity as an English newspaper writes it: "$5.9 billion", "at least 28 flights".

    Uses ``Quantity.render()`` (normalised, so it reads the same whatever language the
    quantity was found in), except that dates are spelled "June 26, 2025" as in English
    prose rather than ISO 8601, so that string similarity sees them.
    """
    if q.kind in ("date", "time") and not q.date:
        return ""  # "本月" with no publication date to resolve it: nothing English to say
    if q.kind == "date" and q.date:
        text = " to ".join(_render_date(part) for part in q.date.split("/"))
        qualifier = _QUALIFIERS.get(q.qualifier or "")
        return f"{qualifier} {text}" if qualifier else text
    return q.render()


def _render_date(iso: str) -> str:
    """``2025-06-26`` -> "June 26, 2025"; partial dates keep only what is known."""
    # ISO 8601 with optional parts: 2025-06-26, 2025-06, 2025, --06-26 (year unknown)
    match = re.match(r"(\d{4})?(?:-{1,2}(\d{2}))?(?:-(\d{2}))?", iso.removeprefix("--"))
    if iso.startswith("--"):
        match = re.match(r"()(\d{2})-(\d{2})", iso[2:])
    if not match or not any(match.groups()):
        return iso
    year, month, day = (g or None for g in match.groups())
    if not month or not 1 <= int(month) <= 12:
        return year or iso
    name = dt.date(2000, int(month), 1).strftime("%B")
    if day:
        return f"{name} {int(day)}, {year}" if year else f"{name} {int(day)}"
    return f"{name} {year}" if year else name
