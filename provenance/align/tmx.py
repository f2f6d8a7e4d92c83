"""TMX 1.4 for one alignment: each link with sentences on both sides becomes a ``<tu>``.

Omissions and additions are not translation units and are left out. Each unit carries
the sentence indices and the link score as properties; the header carries the
alignment signature, so a translation-memory tool keeps the settings that produced it.
The document is written by :mod:`provenance.tmx`, as the report's TMX is.
"""

from __future__ import annotations

import io
from collections.abc import Iterator, Sequence

from provenance.model import Alignment
from provenance.tmx import TranslationUnit, tmx_lang, write_tmx

__all__ = ["alignment_tmx", "tmx_lang"]


def alignment_tmx(src: Sequence[str], tgt: Sequence[str], alignment: Alignment) -> str:
    """The TMX 1.4 document (a string, XML declaration included) for ``alignment``."""
    out = io.StringIO()
    write_tmx(out, _units(src, tgt, alignment), srclang=tmx_lang(alignment.src_lang),
              props=[("x-signature", str(alignment.signature)),
                     ("x-align-mode", alignment.mode)])
    return out.getvalue()


def _units(src: Sequence[str], tgt: Sequence[str],
           alignment: Alignment) -> Iterator[TranslationUnit]:
    src_lang, tgt_lang = tmx_lang(alignment.src_lang), tmx_lang(alignment.tgt_lang)
    for n, link in enumerate(alignment.links):
        if not link.src or not link.tgt:
            continue
        yield TranslationUnit(
            str(n), src_lang, tgt_lang,
            " ".join(src[i] for i in link.src), " ".join(tgt[j] for j in link.tgt),
            [("x-src-sentences", ",".join(map(str, link.src))),
             ("x-tgt-sentences", ",".join(map(str, link.tgt))),
             ("x-link-score", f"{link.score:.4f}")])
