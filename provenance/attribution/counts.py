"""How many people an unnamed source is: "three people close to Trump" (3), "a source"
(one), "sources" (more than one), "по словам источника" (one).

Read from the unnamed attribution the extractor found, its words and the word right
before it, with the lists of the language's data file (``words`` in
``provenance/data/attribution/<lang>.yaml``):

* ``source_one`` and ``source_many``: head nouns singular ("source", "источника") or
  plural ("sources", "джерел");
* ``source_one_after``: forms singular only after a cue that takes the genitive
  (``genitive_cues``): Ukrainian "джерела" is one source after "за словами" and several
  anywhere else it may stand;
* the number words of the language and of its ``also`` languages
  (:func:`provenance.quantities.numerals.number_words`: "three", "трьох"), and
  ``count_<n>``: other words stating how many ("a", "both"); a number wins over the
  noun's form (Russian "три источника" has a singular-looking noun);
* ``partitive``: a count before them counts a part ("one of the sources"): not read.

A count is read only when all of this agrees; anything else (no head noun known, a
count and a form that disagree, a language without lists) reads as unknown, and an
unknown count is never compared.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from provenance.attribution.lexicon import alternation, attribution_languages, language_data
from provenance.lang import base
from provenance.model import Attribution
from provenance.quantities.numerals import number_words

# a word, apostrophes and hyphens inside it ("п'ять"), or a number
_WORD = re.compile(r"[^\W\d_](?:[^\W\d_]|['’-](?=[^\W\d_]))*|\d+")
_COUNT_KEY = re.compile(r"count_(\d+)")


@dataclass(frozen=True)
class SourceCount:
    """How many sources: ``exact`` when stated (1 for "a source"), else only whether
    they are several."""

    exact: int | None
    several: bool
    words: str  # what was read, as written
    start: int = 0  # its span in the sentence
    end: int = 0

    def differs(self, other: SourceCount) -> bool:
        """Whether two counts cannot be the same people ("three" and "sources" can)."""
        if self.exact is not None and other.exact is not None:
            return self.exact != other.exact
        return self.several != other.several

    def describe(self) -> str:
        if self.exact == 1:
            return "one source"
        if self.exact is not None:
            return f"{self.exact} sources"
        return "several sources"


@dataclass(frozen=True)
class _Lists:
    one: re.Pattern[str] | None
    many: re.Pattern[str] | None
    one_after: re.Pattern[str] | None
    genitive: re.Pattern[str] | None
    partitive: re.Pattern[str] | None
    counts: tuple[tuple[int, re.Pattern[str]], ...]


def _compiled(words: list[str]) -> re.Pattern[str] | None:
    alt = alternation(words)
    return re.compile(alt, re.IGNORECASE) if alt else None


@cache
def _lists(code: str) -> _Lists | None:
    if code not in attribution_languages():
        return None
    data = language_data(code)
    words = data["words"]
    if not words.get("source_one") and not words.get("source_many"):
        return None
    # Ukrainian and Russian texts quote each other: the ``also`` languages' numbers count
    by_count: dict[int, list[str]] = {}
    for lang in (code, *(data.get("also") or [])):
        for word, n in number_words(lang).items():
            by_count.setdefault(n, []).append(word)
    for key, listed in words.items():
        if m := _COUNT_KEY.fullmatch(key):
            by_count.setdefault(int(m.group(1)), []).extend(listed)
    counts = tuple((n, p) for n, listed in sorted(by_count.items())
                   if (p := _compiled(listed)) is not None)
    return _Lists(_compiled(words.get("source_one", [])),
                  _compiled(words.get("source_many", [])),
                  _compiled(words.get("source_one_after", [])),
                  _compiled(words.get("genitive_cues", [])),
                  _compiled(words.get("partitive", [])), counts)


def _is(pattern: re.Pattern[str] | None, word: str) -> bool:
    return pattern is not None and pattern.fullmatch(word) is not None


def _count(word: str, lists: _Lists) -> int | None:
    if word.isdigit():
        return int(word) if len(word) <= 2 else None  # "in 2024 sources said": a year
    return next((n for n, p in lists.counts if p.fullmatch(word)), None)


def source_count(attribution: Attribution, sentence: str, lang: str) -> SourceCount | None:
    """How many people an unnamed attribution of ``sentence`` is, or None when that is
    not read with confidence (see the module docstring)."""
    if attribution.kind != "unnamed":
        return None
    lists = _lists(base(lang))
    if lists is None:
        return None
    # the span may stop inside a word ("источник" of "источника"): read to its end
    start, end = attribution.start, attribution.end
    while end < len(sentence) and (sentence[end].isalpha() or sentence[end] in "'’"):
        end += 1
    before = list(_WORD.finditer(sentence[:start]))[-2:]
    if before and _is(lists.partitive, before[-1].group(0)) and len(before) > 1 \
            and _count(before[-2].group(0), lists) is not None:
        return None  # "one of the sources": one of several
    if before and _count(before[-1].group(0), lists) is not None:
        start = before[-1].start()  # "трьох джерел": the count stands before the span
    words = _WORD.findall(sentence[start:end])
    # the first head noun is the subject ("sources close to a senior official"), and
    # only the words before it count it
    at = next((k for k, w in enumerate(words) if _is(lists.one, w) or _is(lists.many, w)
               or _is(lists.one_after, w)), None)
    if at is None:
        return None
    stated = {n for w in words[:at] if (n := _count(w, lists)) is not None}
    if len(stated) > 1:
        return None
    head, text = words[at], sentence[start:end]
    if stated:
        n = stated.pop()
        if n == 1 and _is(lists.many, head):
            return None  # "one sources": the words disagree
        # a number wins over the noun's form: Russian "три источника"
        return SourceCount(n, n > 1, text, start, end)
    if _is(lists.many, head):
        return SourceCount(None, True, text, start, end)
    if _is(lists.one, head) or _is(lists.genitive, attribution.cue.strip()):
        return SourceCount(1, False, text, start, end)  # "за словами джерела": genitive singular
    return None
