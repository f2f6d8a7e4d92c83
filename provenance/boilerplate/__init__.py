"""Separating what is not the article from the article.

* :func:`split_boilerplate` sets aside the furniture of written text (notices, credits,
  captions, share bars, menus, labels, timestamps, subheadings, repeated lines);
* :func:`split_page_chrome` the navigation, header, footer, share and related-link
  elements of an HTML page, and link-dense blocks;
* :func:`corpus_boilerplate` the lines one site prints on many of its pages.

Every block keeps the rule that set it aside (:mod:`provenance.boilerplate.reasons`), so
nothing is silently dropped; the words the rules look for are data
(``provenance/data/boilerplate/<lang>.yaml``).
"""

from provenance.boilerplate.page import split_page_chrome
from provenance.boilerplate.repeated import corpus_boilerplate
from provenance.boilerplate.text import split_boilerplate

__all__ = ["corpus_boilerplate", "split_boilerplate", "split_page_chrome"]
