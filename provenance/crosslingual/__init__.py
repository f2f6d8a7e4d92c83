"""The one room for cross-lingual signals: vectors, lexicon, transliteration.

Each module here tells, without machine translation, which words or sentences of two
languages say the same thing: :mod:`~provenance.crosslingual.lexicon` (Chinese words
and their English glosses from CC-CEDICT), :mod:`~provenance.crosslingual.translit`
(Cyrillic and Hangul names romanised and compared with English spellings). Both report
:class:`~provenance.crosslingual.wordlink.WordLink` records, so alignment can weigh
them and a reader can see them.
"""
