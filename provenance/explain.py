"""Why two sentences were paired: which words of one render which words of the other.

``explain_pair(src, src_lang, tgt, tgt_lang, glossary)`` lists :class:`WordLink`
records, strongest evidence first claiming each word: glossary concepts named on both
sides, quantities that agree (59亿美元 and $5.9 billion), then, between English and a
foreign language, the cross-lingual word links: dictionary glosses for Chinese
(:mod:`provenance.crosslingual.lexicon`), romanised names and loanwords for Ukrainian,
Russian and Korean (:mod:`provenance.crosslingual.translit`), and Latin words and
numbers written alike. The TUI and the reports show them so that a reader sees what an
alignment rests on; the links are in the order of the first sentence.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from provenance.crosslingual import lexicon, translit
from provenance.crosslingual.wordlink import WordLink
from provenance.facts import read_sentence
from provenance.lang import base, is_cyrillic

if TYPE_CHECKING:
    from provenance.glossary import Glossary

__all__ = ["WordLink", "explain_pair"]


def explain_pair(src_text: str, src_lang: str, tgt_text: str, tgt_lang: str,
                 glossary: Glossary | None = None) -> list[WordLink]:
    """Word links from ``src_text`` to ``tgt_text`` (spans index the two texts), each
    word of either side in at most one link."""
    src = read_sentence(src_text, src_lang, glossary)
    tgt = read_sentence(tgt_text, tgt_lang, glossary)
    links: list[WordLink] = []
    used = list(tgt.terms)
    for term in src.terms:
        match = next((t for t in used if t.concept_id == term.concept_id), None)
        if match is None:
            continue
        used.remove(match)
        score = 0.5 if "deprecated" in (term.status, match.status) else 1.0
        links.append(WordLink(term.start, term.end, match.start, match.end, term.text,
                              match.text, "glossary", score, term.concept_id))
    free = list(tgt.quantities)
    for quantity in src.quantities:
        match = next((q for q in free if quantity.compare(q).verdict == "same"), None)
        if match is None:
            continue
        free.remove(match)
        links.append(WordLink(quantity.start, quantity.end, match.start, match.end,
                              quantity.text, match.text, "quantity", 1.0, quantity.render()))
    for link in _word_links(src_text, src_lang, tgt_text, tgt_lang):
        if not any(_overlaps(link, kept) for kept in links):
            links.append(link)
    links.sort(key=lambda k: (k.src_start, k.tgt_start))
    return links


def _overlaps(a: WordLink, b: WordLink) -> bool:
    return (a.src_start < b.src_end and b.src_start < a.src_end) or (
        a.tgt_start < b.tgt_end and b.tgt_start < a.tgt_end)


def _word_links(src: str, src_lang: str, tgt: str, tgt_lang: str) -> list[WordLink]:
    """Dictionary and transliteration links between English and one foreign language,
    oriented from ``src`` to ``tgt`` whichever side is English."""
    if base(tgt_lang) == "en" and base(src_lang) != "en":
        return _foreign_to_english(src, src_lang, tgt)
    if base(src_lang) == "en" and base(tgt_lang) != "en":
        return [_swap(k) for k in _foreign_to_english(tgt, tgt_lang, src)]
    return []


def _foreign_to_english(foreign: str, lang: str, english: str) -> list[WordLink]:
    code = base(lang)
    if code == "zh":
        return lexicon.word_links(foreign, english)
    if code == "ko" or is_cyrillic(lang):
        return translit.word_links(foreign, english, lang)
    return []


def _swap(link: WordLink) -> WordLink:
    return WordLink(link.tgt_start, link.tgt_end, link.src_start, link.src_end, link.tgt_text,
                    link.src_text, link.kind, link.score, link.evidence)
