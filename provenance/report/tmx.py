"""TMX 1.4 export: the aligned sentence pairs of every relay, for translation-memory tools.

One ``<tu>`` per alignment link that has sentences on both sides (gaps are not
translations), the reference text in one ``<tuv>`` and the relay text in the other,
each tagged with its ``xml:lang``. Properties name the articles, the link score and the
drift kinds found on the link, so a translator can filter drifted units out. The header
carries the analysis signature and the report settings.

Written as a stream with escaped text (characters XML 1.0 forbids are dropped), so any
article text yields a well-formed file. The unit layout and language tags are those of
:mod:`provenance.align.tmx` (which writes one alignment, for ``provenance align``); this
writer streams every relay of a corpus into one file and adds the article ids and the
drift found on each unit.
"""

from __future__ import annotations

import re
from typing import TextIO
from xml.sax.saxutils import escape, quoteattr

from provenance import __version__
from provenance.align.tmx import tmx_lang
from provenance.report.contents import ReportContents

__all__ = ["tmx_lang", "write_tmx"]

# Characters XML 1.0 does not allow, even escaped.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_text(text: str) -> str:
    return escape(_NOT_XML.sub("", text))


def xml_attr(text: str) -> str:
    return quoteattr(_NOT_XML.sub("", text))


def _prop(kind: str, value: str) -> str:
    return f'<prop type={xml_attr(kind)}>{xml_text(value)}</prop>'


def write_tmx(contents: ReportContents, out: TextIO) -> None:
    """Write a TMX 1.4 document of every relay's aligned sentence pairs to ``out``."""
    source_langs = {tmx_lang(p.reference.lang) for p in contents.pairs}
    srclang = source_langs.pop() if len(source_langs) == 1 else "*all*"
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n'
              '<!DOCTYPE tmx SYSTEM "tmx14.dtd">\n<tmx version="1.4">\n')
    out.write(f'<header creationtool="provenance" creationtoolversion={xml_attr(__version__)} '
              f'segtype="sentence" o-tmf="provenance" adminlang="en" srclang="{srclang}" '
              'datatype="plaintext">\n'
              f"  {_prop('x-signature', contents.signature)}\n"
              f"  {_prop('x-min-severity', contents.min_severity)}\n"
              "</header>\n<body>\n")
    for pair in contents.pairs:
        src_lang, tgt_lang = tmx_lang(pair.reference.lang), tmx_lang(pair.relay.lang)
        for n, row in enumerate(pair.rows()):
            if not row.src or not row.tgt:
                continue
            kinds = sorted({nf.finding.kind for nf in row.findings})
            props = [_prop("x-reference", pair.reference.id), _prop("x-relay", pair.relay.id),
                     _prop("x-src-sentences", ",".join(map(str, row.link.src))),
                     _prop("x-tgt-sentences", ",".join(map(str, row.link.tgt))),
                     _prop("x-link-score", f"{row.link.score:.4f}")]
            if kinds:
                props.append(_prop("x-drift", ",".join(kinds)))
            src_text = " ".join(s.text for s in row.src)
            tgt_text = " ".join(s.text for s in row.tgt)
            out.write(
                f"<tu tuid={xml_attr(f'{pair.relay.id}#{n}')} srclang=\"{src_lang}\">"
                + "".join(props)
                + f'<tuv xml:lang="{src_lang}"><seg>{xml_text(src_text)}</seg></tuv>'
                f'<tuv xml:lang="{tgt_lang}"><seg>{xml_text(tgt_text)}</seg></tuv></tu>\n'
            )
    out.write("</body>\n</tmx>\n")
