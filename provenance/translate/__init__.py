"""Translation backends: an English rendering of each foreign sentence, for alignment.

``get_translator(src, tgt)`` picks a backend per language pair:

* ``identity`` when both sides share a language;
* ``argos`` when an installed Argos package covers the pair (directly or through English);
* ``gloss`` otherwise: the offline default, an English skeleton of glossary names and
  quantities.

``kind`` forces a backend (``argos``, ``gloss``, ``file``, ``identity``). The chosen
backend's name and model version are in ``translator.signature_fields()`` and
``translator.describe()``, so every result says what translated it.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import TYPE_CHECKING

from provenance.errors import BadInput
from provenance.lang import same_language
from provenance.translate.base import Translator
from provenance.translate.cache import TranslationCache

if TYPE_CHECKING:
    from provenance.glossary import Glossary

KINDS = ("auto", "argos", "gloss", "file", "identity")

__all__ = ["KINDS", "TranslationCache", "Translator", "get_translator"]


def get_translator(src_lang: str, tgt_lang: str, kind: str = "auto", *,
                   glossary: Glossary | None = None,
                   translation_file: str | Path | None = None,
                   use_cache: bool = True) -> Translator:
    """The translator for one language pair; see the module docstring for the choice.

    Raises ``ModelMissing`` when ``kind="argos"`` and no package covers the pair, and
    ``BadInput`` for an unknown kind or a ``file`` backend without a readable file.
    """
    if kind not in KINDS:
        raise BadInput(f"unknown translator {kind!r}; choose one of {', '.join(KINDS)}")
    if kind == "auto":
        kind = _auto_kind(src_lang, tgt_lang)
    translator: Translator
    if kind == "identity":
        from provenance.translate.identity import IdentityTranslator

        translator = IdentityTranslator(src_lang, tgt_lang)
    elif kind == "file":
        if translation_file is None:
            raise BadInput("the file translator needs a translation file")
        from provenance.translate.userfile import FileTranslator

        translator = FileTranslator.from_path(translation_file, src_lang, tgt_lang)
    elif kind == "argos":
        from provenance.translate.argos import ArgosTranslator

        translator = ArgosTranslator(src_lang, tgt_lang)
    else:
        from provenance.translate.gloss import GlossTranslator

        translator = GlossTranslator(src_lang, tgt_lang, glossary=glossary)
    if use_cache and translator.cacheable:
        translator.cache = _shared_cache()
    return translator


def _auto_kind(src_lang: str, tgt_lang: str) -> str:
    if same_language(src_lang, tgt_lang):
        return "identity"
    from provenance.translate.packages import find_chain

    if find_chain(src_lang, tgt_lang) and _argos_importable():
        return "argos"
    return "gloss"


def _argos_importable() -> bool:
    return all(importlib.util.find_spec(m) is not None
               for m in ("argostranslate", "ctranslate2", "sentencepiece"))


_caches: dict[Path, TranslationCache] = {}


def _shared_cache() -> TranslationCache:
    """One open cache per cache file and process (tests switch homes, so key by path)."""
    from provenance import paths

    path = paths.translation_cache_path()
    cache = _caches.get(path)
    if cache is None or not path.exists():
        cache = _caches[path] = TranslationCache(path)
    return cache
