"""Checks shared by the ingest tests."""

from __future__ import annotations

from provenance.model import Article


def check_spans(article: Article) -> None:
    """The article has sentences, each the exact text of its span, each with a language."""
    assert article.sentences, article.id
    for s in article.sentences:
        assert article.text[s.start:s.end] == s.text
        assert s.lang
