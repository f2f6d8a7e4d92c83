"""The translation backend interface shared by every backend.

A :class:`Translator` turns a batch of sentences in ``src_lang`` into one string per
sentence in ``tgt_lang``. Backends implement one hook, :meth:`Translator._translate_batch`;
the public :meth:`Translator.translate` adds the persistent cache and checks that exactly
one output comes back per input, so callers can zip inputs and outputs safely.
"""

from __future__ import annotations

import sqlite3
import warnings
from abc import ABC, abstractmethod
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, ClassVar

from provenance.errors import ProvenanceWarning

if TYPE_CHECKING:
    from provenance.translate.cache import TranslationCache


class Translator(ABC):
    """Translate sentences from ``src_lang`` to ``tgt_lang``.

    ``name`` is the backend (``argos``, ``file``, ``gloss``, ``identity``) and ``version``
    the model version that produced the text; both go into result signatures because a
    different model gives different alignments.
    """

    #: backend name, as the user types it after ``--translator``
    name: ClassVar[str] = ""
    #: whether outputs are worth keeping in the on-disk cache (slow or model-dependent)
    cacheable: ClassVar[bool] = False

    def __init__(self, src_lang: str, tgt_lang: str, *, version: str = "1") -> None:
        self.src_lang = src_lang
        self.tgt_lang = tgt_lang
        self.version = version
        self.cache: TranslationCache | None = None
        #: how many sentences the backend itself translated (cache misses); for tests/stats
        self.computed = 0

    def translate(self, sentences: Sequence[str]) -> list[str]:
        """One translation per input sentence, in order; cached outputs are reused."""
        sentences = list(sentences)
        if not sentences:
            return []
        if self.cache is None or not self.cacheable:
            out = self._checked(sentences, self._translate_batch(sentences))
            self.computed += len(sentences)
            return out
        key = (self.name, self.version, self.src_lang, self.tgt_lang)
        try:
            found = self.cache.get_many(*key, sentences)
        except sqlite3.Error as exc:  # a cache costs time when missing, never results
            warnings.warn(f"translation cache unavailable ({exc}); translating anew",
                          ProvenanceWarning, stacklevel=2)
            found = {}
        missing = list(dict.fromkeys(s for s in sentences if s not in found))
        if missing:
            fresh = self._checked(missing, self._translate_batch(missing))
            self.computed += len(missing)
            new = dict(zip(missing, fresh, strict=True))
            try:
                self.cache.put_many(*key, new)
            except sqlite3.Error as exc:
                warnings.warn(f"could not save translations to the cache ({exc})",
                              ProvenanceWarning, stacklevel=2)
            found.update(new)
        return [found[s] for s in sentences]

    @abstractmethod
    def _translate_batch(self, sentences: list[str]) -> list[str]:
        """Translate uncached sentences; must return exactly one string per input."""

    def signature_fields(self) -> dict[str, Any]:
        """Settings for a :class:`provenance.signature.Signature`: backend and model."""
        return {"translator": self.name, "translator_version": self.version}

    def describe(self) -> str:
        """One line for the user: which backend and model translate which pair."""
        return f"{self.name} {self.version} ({self.src_lang}→{self.tgt_lang})"

    def _checked(self, sentences: list[str], outputs: list[str]) -> list[str]:
        if len(outputs) != len(sentences):
            raise RuntimeError(
                f"{self.name} returned {len(outputs)} translations for {len(sentences)} sentences"
            )
        return outputs

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.describe()}>"
