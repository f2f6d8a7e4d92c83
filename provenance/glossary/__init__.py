"""Multilingual term glossaries: one concept, its forms in every language, found in text.

``Glossary.load(paths)`` reads YAML glossary files; ``default_glossary()`` is the bundled
set; ``Glossary.match(text, lang)`` returns :class:`TermMatch` spans.
"""

from provenance.glossary.model import CATEGORIES, LANGUAGES, STATUSES, Concept, Form, TermMatch
from provenance.glossary.termbase import Glossary, default_glossary

__all__ = [
    "CATEGORIES", "LANGUAGES", "STATUSES", "Concept", "Form", "Glossary", "TermMatch",
    "default_glossary",
]
