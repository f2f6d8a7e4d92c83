"""Find glossary concepts in text: Aho-Corasick over every form, plus inflection for uk/ru.

Rules a user can rely on:

- Chinese, Japanese and Korean forms match as substrings (Korean particles attach:
  블루오리진은, 블루오리진이; a Korean form of two syllables is no match inside a longer
  word: 시나 "Sina" in 시나리오 "scenario"), Latin and Cyrillic forms only at word
  boundaries.
- Latin-script forms (brand names such as "SpaceX") match inside text of any language;
  other forms match only text of their own language (both Chinese scripts for Chinese).
- Matching ignores case unless the form is marked ``case_sensitive`` (short acronyms,
  "the Journal" for the WSJ).
- Ukrainian and Russian forms also match inflected words (Трампа, Трампом, Білого дому).
- Overlaps are resolved longest first ("New Glenn" beats "Glenn"), then leftmost.
"""

from __future__ import annotations

import hashlib
import re
import threading
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import ahocorasick

from provenance.crosslingual.korean import particle_at
from provenance.glossary.inflection import fold_word, is_cyrillic, tokens, word_keys
from provenance.glossary.model import Concept, Form, TermMatch
from provenance.lang import glossary_codes, glossary_family, languages_with

# Characters folded to one form before matching; each maps one char to one char so
# that offsets in the folded text are offsets in the original.
_PUNCT = str.maketrans({
    "’": "'", "‘": "'", "ʼ": "'", "`": "'", "“": '"', "”": '"', "«": '"', "»": '"',
    "\u00a0": " ", "\u2009": " ", "\u202f": " ", "\t": " ", "\n": " ", "\r": " ",
    "‐": "-", "‑": "-", "–": "-", "—": "-", "ё": "е", "Ё": "Е",
})

_STATUS_RANK = {"preferred": 0, "admitted": 1, "deprecated": 2}
#: Glossary languages whose forms are matched in any inflected form (pymorphy3).
_INFLECTING = frozenset(glossary_codes(languages_with("inflection")))


def normalise(text: str) -> str:
    """Punctuation and spacing unified, same length as ``text``."""
    return text.translate(_PUNCT)


def fold(text: str) -> str:
    """``normalise`` plus lower case, keeping every offset (chars whose lower case is
    longer, such as 'İ', stay as they are)."""
    out = []
    for ch in normalise(text):
        low = ch.lower()
        out.append(low if len(low) == 1 else ch)
    return "".join(out)


def is_cjk_char(ch: str) -> bool:
    code = ord(ch)
    return (
        0x1100 <= code <= 0x11FF or 0x2E80 <= code <= 0x9FFF or 0xAC00 <= code <= 0xD7AF
        or 0xF900 <= code <= 0xFAFF or 0xFF00 <= code <= 0xFFEF or 0x20000 <= code <= 0x2FFFF
        or 0x3130 <= code <= 0x318F
    )


def script_of(text: str) -> str:
    """"cjk" (any Han/kana/Hangul), "cyrillic", "latin" (other letters) or "other"."""
    if any(is_cjk_char(ch) for ch in text):
        return "cjk"
    if is_cyrillic(text):
        return "cyrillic"
    if any(ch.isalpha() for ch in text):
        return "latin"
    return "other"


def _is_word_char(ch: str) -> bool:
    # CJK neighbours do not break a Latin word ("SpaceX的"), digits and letters do.
    return (ch.isalnum() or unicodedata.category(ch) == "Mn") and not is_cjk_char(ch)


def language_family(lang: str) -> tuple[str, ...]:
    """Glossary languages whose native-script forms may match text in ``lang``, best
    first (the registry's ``glossary_family``)."""
    return glossary_family(lang)


@dataclass(frozen=True)
class _Entry:
    concept: str  # concept id
    lang: str
    status: str
    script: str


@dataclass(frozen=True)
class _TokenEntry:
    concept: str
    lang: str
    status: str
    keys: tuple[frozenset[str], ...]
    capitalised: tuple[bool, ...]


@dataclass(frozen=True)
class _Candidate:
    start: int
    end: int
    entry_rank: tuple[int, int, int]  # lower is better: language, status, pass
    concept: str
    lang: str
    status: str


class FamilyIndex:
    """The compiled automata for text of one language family: the forms of the family's
    languages and every Latin-script form (the only ones that may match such text), and,
    when the family inflects, the lemma keys of its Cyrillic forms.

    Built from the concepts alone, so it is pickled and reused across processes
    (:mod:`provenance.indexcache`): the lemma keys cost pymorphy3 calls for every form.
    """

    def __init__(self, concepts: Iterable[Concept], family: tuple[str, ...]) -> None:
        self.folded: ahocorasick.Automaton | None = None
        self.exact: ahocorasick.Automaton | None = None
        self.token_index: dict[str, list[_TokenEntry]] = defaultdict(list)
        inflecting = family[0] in _INFLECTING
        folded_entries: dict[str, list[_Entry]] = defaultdict(list)
        exact_entries: dict[str, list[_Entry]] = defaultdict(list)
        for concept in concepts:
            for lang, form in concept.all_forms():
                script = script_of(form.text)
                if lang not in family and script != "latin":
                    continue  # could never match this family's text (see Matcher._rank)
                entry = _Entry(concept.id, lang, form.status, script)
                if form.case_sensitive:
                    exact_entries[normalise(form.text)].append(entry)
                else:
                    folded_entries[fold(form.text)].append(entry)
                if (inflecting and lang in family and lang in _INFLECTING
                        and script == "cyrillic"):
                    self._add_token_entry(concept.id, lang, form)
        self.folded = _automaton(folded_entries)
        self.exact = _automaton(exact_entries)
        self.token_index = dict(self.token_index)

    def _add_token_entry(self, concept: str, lang: str, form: Form) -> None:
        words = [w for _, _, w in tokens(form.text)]
        if not words:
            return
        keys = tuple(word_keys(w, lang) for w in words)
        capitalised = tuple(w[:1].isupper() for w in words)
        entry = _TokenEntry(concept, lang, form.status, keys, capitalised)
        for key in keys[0]:
            self.token_index[key].append(entry)

    def candidates(self, text: str, family: Sequence[str]) -> list[_Candidate]:
        found: list[_Candidate] = []
        if self.folded is not None:
            found += _scan(self.folded, fold(text), family)
        if self.exact is not None:
            found += _scan(self.exact, normalise(text), family)
        if self.token_index:
            found += self._scan_tokens(text, family)
        return found

    def _scan_tokens(self, text: str, family: Sequence[str]) -> list[_Candidate]:
        words = tokens(text)
        lang = family[0]
        keys = [word_keys(w, lang) if is_cyrillic(w) else frozenset({fold_word(w)})
                for _, _, w in words]
        found: list[_Candidate] = []
        for i, (start, _, _) in enumerate(words):
            seen: set[int] = set()
            for key in keys[i]:
                for entry in self.token_index.get(key, ()):
                    if id(entry) in seen:
                        continue
                    seen.add(id(entry))
                    end = _match_tokens(entry, words, keys, i, text)
                    if end is None:
                        continue
                    rank = (family.index(entry.lang), _STATUS_RANK[entry.status], 1)
                    found.append(_Candidate(start, end, rank, entry.concept, entry.lang,
                                            entry.status))
        return found


def _automaton(entries: dict[str, list[_Entry]]) -> ahocorasick.Automaton | None:
    if not entries:
        return None
    automaton = ahocorasick.Automaton()
    for key, found in entries.items():
        automaton.add_word(key, (key, tuple(found)))
    automaton.make_automaton()
    return automaton


def _scan(automaton: ahocorasick.Automaton, haystack: str,
          family: Sequence[str]) -> list[_Candidate]:
    found: list[_Candidate] = []
    for end_index, (key, entries) in automaton.iter(haystack):
        end = end_index + 1
        start = end - len(key)
        for entry in entries:
            rank = _rank(entry.lang, entry.script, family)
            if rank is None:
                continue
            if entry.script != "cjk" and not _at_boundaries(haystack, start, end):
                continue
            if entry.script == "cjk" and _glued(haystack, end, key):
                continue
            found.append(_Candidate(start, end, (rank, _STATUS_RANK[entry.status], 0),
                                    entry.concept, entry.lang, entry.status))
    return found


_HANGUL = re.compile("[\uac00-\ud7a3]")


def _glued(haystack: str, end: int, key: str) -> bool:
    """A short Korean form with more of a word after it that is no particle: 시나 (Sina)
    in 시나리오 (scenario), 한국 in 한국시간 (Korea time). Particles attach (미국은), as
    does 인 (미국인, an American); longer forms are names whatever follows."""
    if len(key) > 2 or not all(_HANGUL.match(ch) for ch in key) or end >= len(haystack) \
            or not _HANGUL.match(haystack[end]):
        return False
    return not (particle_at(haystack, end) or haystack.startswith("인", end))


def _rank(form_lang: str, script: str, family: Sequence[str]) -> int | None:
    """How well a form's language fits the text (0 best), None if it may not match."""
    if form_lang in family:
        return family.index(form_lang)
    if script == "latin":
        # Brand names in Latin script appear inside text of every language.
        return 5 if form_lang == "en" else 6
    return None


class Matcher:
    """Concepts found in text of any language. Build once, match often.

    The automata are compiled per language family on first use (a Korean–English pair
    never builds the Ukrainian lemma index) and, given a ``cache_key`` naming the
    concepts (the glossary digest), kept on disk for the next process.
    """

    def __init__(self, concepts: Iterable[Concept], cache_key: str | None = None) -> None:
        self.concepts: list[Concept] = list(concepts)
        self._by_id = {c.id: c for c in self.concepts}
        # The order of concepts breaks ties between equal candidates, so it is part of
        # what a cached index was built from.
        self._cache_key = None if cache_key is None else \
            f"{cache_key}|{_hash_ids(self._by_id)}"
        self._families: dict[tuple[str, ...], FamilyIndex] = {}
        self._lock = threading.Lock()

    def match(self, text: str, lang: str) -> list[TermMatch]:
        """Concepts found in ``text`` (article language ``lang``), non-overlapping, by start."""
        if not text:
            return []
        family = language_family(lang)
        candidates = self.index(family).candidates(text, family)
        return [self._to_match(c, text) for c in _select(candidates)]

    def index(self, family: tuple[str, ...]) -> FamilyIndex:
        """The compiled index for text whose glossary family is ``family``."""
        found = self._families.get(family)
        if found is None:
            with self._lock:
                found = self._families.get(family)
                if found is None:
                    found = self._families[family] = self._build(family)
        return found

    def _build(self, family: tuple[str, ...]) -> FamilyIndex:
        if self._cache_key is None:
            return FamilyIndex(self.concepts, family)
        from provenance.indexcache import cached_index

        return cached_index("matcher", _index_key(self._cache_key, family),
                            lambda: FamilyIndex(self.concepts, family))

    def _to_match(self, c: _Candidate, text: str) -> TermMatch:
        concept = self._by_id[c.concept]
        return TermMatch(concept_id=concept.id, category=concept.category,
                         canonical=concept.canonical, start=c.start, end=c.end,
                         text=text[c.start:c.end], lang=c.lang, status=c.status)


def _hash_ids(ids: Iterable[str]) -> str:
    return hashlib.sha256("\0".join(ids).encode()).hexdigest()[:16]


def _index_key(concepts_key: str, family: tuple[str, ...]) -> str:
    """Everything a family index depends on besides the concepts: this code, the
    language tables it read, and (for an inflecting family) the lemmatiser."""
    import sys

    from provenance import indexcache
    from provenance.glossary import inflection

    parts = [concepts_key, ",".join(family), ",".join(sorted(_INFLECTING)),
             indexcache.source_digest(sys.modules[__name__], inflection, ahocorasick)]
    if family[0] in _INFLECTING:
        parts.append(inflection.lemmatiser_version())
    return "|".join(parts)


def _match_tokens(entry: _TokenEntry, words: list[tuple[int, int, str]],
                  keys: list[frozenset[str]], i: int, text: str) -> int | None:
    """End offset if the words from ``i`` on spell ``entry`` (inflected), else None."""
    n = len(entry.keys)
    if i + n > len(words):
        return None
    for k in range(n):
        start, _, word = words[i + k]
        if k and text[words[i + k - 1][1]:start].strip():
            return None  # words of a multi-word form must be adjacent
        if entry.capitalised[k] and not word[:1].isupper():
            return None  # "маска" (a mask) is not Маск (Musk)
        if not (entry.keys[k] & keys[i + k]):
            return None
    return words[i + n - 1][1]


def _at_boundaries(haystack: str, start: int, end: int) -> bool:
    before = haystack[start - 1] if start > 0 else " "
    after = haystack[end] if end < len(haystack) else " "
    first, last = haystack[start], haystack[end - 1]
    if _is_word_char(first) and _is_word_char(before):
        return False
    if not (_is_word_char(last) and _is_word_char(after)):
        return True
    # Footnote markers glued to a name ("the Journal12") do not extend it; a digit after a
    # form ending in a digit does ("Falcon 9" is not "Falcon 90").
    return last.isalpha() and after.isdigit()


def _select(candidates: list[_Candidate]) -> list[_Candidate]:
    """Longest first, then leftmost, then best language/status; no two overlap."""
    if not candidates:
        return []
    candidates.sort(key=lambda c: (-(c.end - c.start), c.start, c.entry_rank))
    taken = bytearray(max(c.end for c in candidates))
    chosen: list[_Candidate] = []
    for c in candidates:
        if any(taken[c.start:c.end]):
            continue
        taken[c.start:c.end] = b"\x01" * (c.end - c.start)
        chosen.append(c)
    chosen.sort(key=lambda c: c.start)
    return chosen
