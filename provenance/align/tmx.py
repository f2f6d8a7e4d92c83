"""TMX 1.4 for one alignment: each link with sentences on both sides becomes a ``<tu>``.

Omissions and additions are not translation units and are left out. Each unit carries
the sentence indices and the link score as properties; the header carries the
alignment signature, so a translation-memory tool keeps the settings that produced it.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Sequence

from provenance import __version__
from provenance.model import Alignment

# Characters XML 1.0 forbids even when escaped; article text sometimes holds them.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def tmx_lang(code: str | None) -> str:
    """An RFC 4646 tag as TMX expects it: ``zh-cn`` -> ``zh-CN``; none -> ``und``."""
    parts = (code or "und").replace("_", "-").split("-")
    head = parts[0].lower() or "und"
    rest = [p.upper() if len(p) == 2 else p.title() if len(p) == 4 else p for p in parts[1:]]
    return "-".join([head, *rest])


def _clean(text: str) -> str:
    return _NOT_XML.sub("", text)


def alignment_tmx(src: Sequence[str], tgt: Sequence[str], alignment: Alignment) -> str:
    """The TMX 1.4 document (a string, XML declaration included) for ``alignment``."""
    src_lang, tgt_lang = tmx_lang(alignment.src_lang), tmx_lang(alignment.tgt_lang)
    root = ET.Element("tmx", version="1.4")
    header = ET.SubElement(root, "header", {
        "creationtool": "provenance", "creationtoolversion": __version__,
        "segtype": "sentence", "o-tmf": "provenance", "adminlang": "en",
        "srclang": src_lang, "datatype": "plaintext",
    })
    ET.SubElement(header, "prop", type="x-signature").text = str(alignment.signature)
    ET.SubElement(header, "prop", type="x-align-mode").text = alignment.mode
    body = ET.SubElement(root, "body")
    for n, link in enumerate(alignment.links):
        if not link.src or not link.tgt:
            continue
        tu = ET.SubElement(body, "tu", tuid=str(n), srclang=src_lang)
        ET.SubElement(tu, "prop", type="x-src-sentences").text = ",".join(map(str, link.src))
        ET.SubElement(tu, "prop", type="x-tgt-sentences").text = ",".join(map(str, link.tgt))
        ET.SubElement(tu, "prop", type="x-link-score").text = f"{link.score:.4f}"
        for lang, texts, idx in ((src_lang, src, link.src), (tgt_lang, tgt, link.tgt)):
            tuv = ET.SubElement(tu, "tuv", {"xml:lang": lang})
            ET.SubElement(tuv, "seg").text = _clean(" ".join(texts[i] for i in idx))
    ET.indent(root, space=" ")
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE tmx SYSTEM "tmx14.dtd">\n'
            + ET.tostring(root, encoding="unicode") + "\n")
