"""TMX 1.4, the translation-memory exchange format: the one writer behind
``provenance align --format tmx`` (:mod:`provenance.align.tmx`) and the report's TMX
(:mod:`provenance.report.tmx`).

A document is a header (the tool, the source language, ``<prop>`` settings such as the
signature) and a stream of translation units, one ``<tu>`` per aligned sentence pair with
a ``<tuv>`` per language. Units are written one by one, so a corpus of any size streams
out; text is escaped and characters XML 1.0 forbids even escaped are dropped, so any
article text yields a well-formed file.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TextIO
from xml.sax.saxutils import escape, quoteattr

from provenance import __version__

# Characters XML 1.0 does not allow, even escaped; article text sometimes holds them.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")

#: A ``<prop type="...">value</prop>``: (type, value).
Prop = tuple[str, str]


def tmx_lang(code: str | None) -> str:
    """An RFC 4646 tag as TMX expects it: ``zh-cn`` -> ``zh-CN``; none -> ``und``."""
    parts = (code or "und").replace("_", "-").split("-")
    head = parts[0].lower() or "und"
    rest = [p.upper() if len(p) == 2 else p.title() if len(p) == 4 else p for p in parts[1:]]
    return "-".join([head, *rest])


def xml_text(text: str) -> str:
    return escape(_NOT_XML.sub("", text))


def xml_attr(text: str) -> str:
    """An attribute value, quotes included."""
    return quoteattr(_NOT_XML.sub("", text))


@dataclass(frozen=True)
class TranslationUnit:
    """One aligned sentence pair: the source text, its rendering, and their properties.

    Languages are TMX tags (:func:`tmx_lang`).
    """

    tuid: str
    src_lang: str
    tgt_lang: str
    src: str
    tgt: str
    props: Sequence[Prop] = ()


def write_tmx(out: TextIO, units: Iterable[TranslationUnit], *, srclang: str,
              props: Sequence[Prop] = ()) -> None:
    """Write a TMX 1.4 document to ``out``.

    ``srclang`` is the source language of every unit (``*all*`` when they differ);
    ``props`` are the header's properties.
    """
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n'
              '<!DOCTYPE tmx SYSTEM "tmx14.dtd">\n<tmx version="1.4">\n')
    out.write(f'<header creationtool="provenance" creationtoolversion={xml_attr(__version__)} '
              f'segtype="sentence" o-tmf="provenance" adminlang="en" srclang={xml_attr(srclang)} '
              'datatype="plaintext">\n')
    for kind, value in props:
        out.write(f"  {_prop(kind, value)}\n")
    out.write("</header>\n<body>\n")
    for unit in units:
        out.write(
            f"<tu tuid={xml_attr(unit.tuid)} srclang={xml_attr(unit.src_lang)}>"
            + "".join(_prop(kind, value) for kind, value in unit.props)
            + f"<tuv xml:lang={xml_attr(unit.src_lang)}><seg>{xml_text(unit.src)}</seg></tuv>"
            f"<tuv xml:lang={xml_attr(unit.tgt_lang)}><seg>{xml_text(unit.tgt)}</seg></tuv></tu>\n"
        )
    out.write("</body>\n</tmx>\n")


def _prop(kind: str, value: str) -> str:
    return f"<prop type={xml_attr(kind)}>{xml_text(value)}</prop>"
