"""TMX 1.4 export: the aligned sentence pairs of every relay, for translation-memory tools.

One ``<tu>`` per alignment link that has sentences on both sides (gaps are not
translations), the reference text in one ``<tuv>`` and the relay text in the other,
each tagged with its ``xml:lang``. Properties name the articles, the link score and the
drift kinds found on the link, so a translator can filter drifted units out. The header
carries the analysis signature and the report settings.

The document is written by :mod:`provenance.tmx` (shared with ``provenance align``), as a
stream: every relay of a corpus goes into one file.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TextIO

from provenance.report.contents import ReportContents
from provenance.tmx import TranslationUnit, tmx_lang
from provenance.tmx import write_tmx as write_document

__all__ = ["tmx_lang", "write_tmx"]


def write_tmx(contents: ReportContents, out: TextIO) -> None:
    """Write a TMX 1.4 document of every relay's aligned sentence pairs to ``out``."""
    source_langs = {tmx_lang(p.reference.lang) for p in contents.pairs}
    srclang = source_langs.pop() if len(source_langs) == 1 else "*all*"
    write_document(out, _units(contents), srclang=srclang,
                   props=[("x-signature", contents.signature),
                          ("x-min-severity", contents.min_severity)])


def _units(contents: ReportContents) -> Iterator[TranslationUnit]:
    for pair in contents.pairs:
        src_lang, tgt_lang = tmx_lang(pair.reference.lang), tmx_lang(pair.relay.lang)
        for n, row in enumerate(pair.rows()):
            if not row.src or not row.tgt:
                continue
            props = [("x-reference", pair.reference.id), ("x-relay", pair.relay.id),
                     ("x-src-sentences", ",".join(map(str, row.link.src))),
                     ("x-tgt-sentences", ",".join(map(str, row.link.tgt))),
                     ("x-link-score", f"{row.link.score:.4f}")]
            if kinds := sorted({nf.finding.kind for nf in row.findings}):
                props.append(("x-drift", ",".join(kinds)))
            yield TranslationUnit(f"{pair.relay.id}#{n}", src_lang, tgt_lang,
                                  " ".join(s.text for s in row.src),
                                  " ".join(s.text for s in row.tgt), props)
