"""English beside a foreign sentence: its rendering, and the words that match across.

A relay in Korean shown next to its English reference reads to most readers as one
column of text they cannot check. So each foreign sentence of a report gets the English
rendering the analysis aligned with (the translation backend of the analysis signature:
argos output when a model is installed, else the gloss, both read from the translation
cache the analysis filled), and each row pairing a foreign sentence with an English one
gets its word links (:func:`provenance.explain.explain_pair`: glossary concepts,
numbers, dictionary and transliteration links), marked on both sides.

Cost stays bounded: renderings are one cached batch per article side, and word links
are computed for at most :data:`MAX_EXPLAINED_ROWS` rows per report, rows that carry a
finding first (a reader checks those); rows past the budget show their rendering only.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from provenance.errors import ProvenanceError
from provenance.explain import explain_pair
from provenance.lang import base

if TYPE_CHECKING:
    from provenance.crosslingual.wordlink import WordLink
    from provenance.glossary import Glossary
    from provenance.model import Article, CorpusAnalysis, Sentence
    from provenance.report.rows import AlignedRow
    from provenance.translate import Translator

__all__ = ["MAX_EXPLAINED_ROWS", "RowWords", "SideLink", "WordMatcher"]

#: rows of one report whose word links are computed (about 5 ms each once warm)
MAX_EXPLAINED_ROWS = 1500


@dataclass(frozen=True)
class SideLink:
    """A matched word on one side of a row: its span in one sentence and its counterpart."""

    start: int
    end: int
    number: int  # the link's number within the row: the same on both sides
    other: str  # the words it matches on the other side
    kind: str  # glossary, quantity, lexicon, translit, latin, number


@dataclass
class RowWords:
    """The matched words of one row, per side and sentence index."""

    src: dict[int, list[SideLink]]
    tgt: dict[int, list[SideLink]]

    def __bool__(self) -> bool:
        return bool(self.src or self.tgt)


def is_english(lang: str) -> bool:
    return base(lang) == "en"


class WordMatcher:
    """Renderings and word links for the rows of one report."""

    def __init__(self, analysis: CorpusAnalysis, glossary: Glossary | None = None,
                 budget: int = MAX_EXPLAINED_ROWS) -> None:
        self.kind = str(analysis.signature.settings.get("translator") or "auto")
        self.glossary = glossary if glossary is not None else _glossary_of(analysis)
        self.budget = budget
        self.explained = 0
        self.skipped = 0  # rows past the budget
        self._translators: dict[str, Translator | None] = {}
        self._renderings: dict[tuple[str, int], str] = {}

    # -- renderings ---------------------------------------------------------------------
    def translator_name(self, lang: str) -> str:
        translator = self._translator(lang)
        return translator.name if translator else ""

    def renderings(self, article: Article) -> dict[int, str]:
        """English rendering of every sentence of a foreign article ({} for English)."""
        if is_english(article.lang) or not article.sentences:
            return {}
        translator = self._translator(article.lang)
        if translator is None:
            return {}
        texts = [s.text for s in article.sentences]
        try:
            english = translator.translate(texts)
        except ProvenanceError:
            return {}
        return {s.index: e for s, e in zip(article.sentences, english, strict=True)}

    def _translator(self, lang: str) -> Translator | None:
        if lang not in self._translators:
            from provenance.translate import get_translator

            # The file backend held one analysis's own translations: not ours to reread.
            kind = self.kind if self.kind in ("argos", "gloss") else "auto"
            try:
                found: Translator | None = get_translator(lang, "en", kind,
                                                          glossary=self.glossary)
            except ProvenanceError:  # no model for the pair any more: the gloss
                try:
                    found = get_translator(lang, "en", "gloss", glossary=self.glossary)
                except ProvenanceError:
                    found = None
            self._translators[lang] = found
        return self._translators[lang]

    # -- word links ----------------------------------------------------------------------
    def row_words(self, row: AlignedRow, src_lang: str, tgt_lang: str) -> RowWords | None:
        """Matched words of a row pairing a foreign and an English side; None for a
        gap, a same-language row, or a row past the budget."""
        if not row.src or not row.tgt or is_english(src_lang) == is_english(tgt_lang):
            return None
        if self.explained >= self.budget:
            self.skipped += 1
            return None
        self.explained += 1
        src_text, src_starts = _joined(row.src)
        tgt_text, tgt_starts = _joined(row.tgt)
        links = explain_pair(src_text, src_lang, tgt_text, tgt_lang, self.glossary)
        words = RowWords({}, {})
        for number, link in enumerate(links, 1):
            _place(words.src, row.src, src_starts, link.src_start, link.src_end, number,
                   link.tgt_text, link)
            _place(words.tgt, row.tgt, tgt_starts, link.tgt_start, link.tgt_end, number,
                   link.src_text, link)
        return words


def _glossary_of(analysis: CorpusAnalysis) -> Glossary | None:
    """The bundled glossary when the analysis used it (its digest is in the signature)."""
    from provenance.glossary import default_glossary

    glossary = default_glossary()
    return glossary if analysis.signature.settings.get("glossary") == glossary.digest else None


def _joined(sentences: list[Sentence]) -> tuple[str, list[int]]:
    """The sentences joined by spaces, as the report prints them, and where each starts."""
    starts, pos = [], 0
    for s in sentences:
        starts.append(pos)
        pos += len(s.text) + 1
    return " ".join(s.text for s in sentences), starts


def _place(side: dict[int, list[SideLink]], sentences: list[Sentence], starts: list[int],
           start: int, end: int, number: int, other: str, link: WordLink) -> None:
    for sentence, offset in zip(sentences, starts, strict=True):
        if offset <= start < offset + len(sentence.text):
            side.setdefault(sentence.index, []).append(SideLink(
                start - offset, min(end - offset, len(sentence.text)), number, other,
                link.kind))
            return
