"""langdetect's language profiles as a compact table, built once and read lazily.

langdetect builds its n-gram table (87,598 n-grams x 55 languages, one Python list per
n-gram) from 55 JSON files the first time it is asked anything: about 0.35 s, paid by
every command that reads an article. This module builds the very same table once with
langdetect's own loader, stores it sparse (only the 184,000 non-zero probabilities) in
the index cache, and hands langdetect a mapping that materialises a row only for the
n-grams a text actually contains. The rows hold the same floats in the same language
order, so detection results are identical to langdetect's own.
"""

from __future__ import annotations

import os
import sys
from array import array
from bisect import bisect_left

from provenance.indexcache import cached_index, source_digest


class ProfileTable:
    """n-gram -> per-language probabilities, the shape ``Detector`` reads
    (``word in table``, ``table[word]``); rows are built on first access.

    The n-grams are one sorted list searched by bisection: building a dict of 87,598
    keys would cost more than everything else a short command does here."""

    def __init__(self, words: str, starts: array, langs: bytes, probs: array,
                 size: int) -> None:
        self._words = words.split("\0")
        self._starts = starts
        self._langs = langs
        self._probs = probs
        self._size = size
        self._rows: dict[str, list[float] | None] = {}

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and self._row(word) is not None

    def __len__(self) -> int:
        return len(self._words)

    def __getitem__(self, word: str) -> list[float]:
        row = self._row(word)
        if row is None:
            raise KeyError(word)
        return row

    def _row(self, word: str) -> list[float] | None:
        try:
            return self._rows[word]
        except KeyError:
            pass
        i = bisect_left(self._words, word)
        row = None
        if i < len(self._words) and self._words[i] == word:
            row = [0.0] * self._size
            for k in range(self._starts[i], self._starts[i + 1]):
                row[self._langs[k]] = self._probs[k]
        self._rows[word] = row
        return row


def _build() -> tuple[list[str], str, array, bytes, array]:
    """langdetect's own table, read by its own loader, stored sparse and sorted."""
    from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory

    factory = DetectorFactory()
    factory.load_profile(PROFILES_DIRECTORY)
    words = sorted(factory.word_lang_prob_map)
    starts = array("l", [0])
    langs = bytearray()
    probs = array("d")
    for word in words:
        for lang, prob in enumerate(factory.word_lang_prob_map[word]):
            if prob:
                langs.append(lang)
                probs.append(prob)
        starts.append(len(probs))
    return list(factory.langlist), "\0".join(words), starts, bytes(langs), probs


def install() -> None:
    """Make langdetect use the cached table (its own loader never runs)."""
    from langdetect import detector_factory

    if detector_factory._factory is not None:
        return
    folder = detector_factory.PROFILES_DIRECTORY
    key = "|".join([source_digest(sys.modules[__name__], detector_factory),
                    *sorted(f"{e.name}:{e.stat().st_size}:{e.stat().st_mtime_ns}"
                            for e in os.scandir(folder))])
    langlist, words, starts, langs, probs = cached_index("langdetect", key, _build)
    factory = detector_factory.DetectorFactory()
    factory.langlist = langlist
    factory.word_lang_prob_map = ProfileTable(words, starts, langs, probs, len(langlist))
    detector_factory._factory = factory
