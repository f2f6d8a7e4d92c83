"""Whose web address an article carries: an outlet's site named in a link.

A paste of a paywalled report often keeps the original's link ("https://www.wsj.com/...")
and nothing else of its outlet: the link says whose text it is. Used to find the cited
original in a corpus (:mod:`provenance.reference`) and to tell that a relay crediting
that outlet credits the reference's own author (:mod:`provenance.drift.attribution`).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

if TYPE_CHECKING:
    from provenance.glossary import Glossary
    from provenance.model import Article

_URL = re.compile(r"https?://([^/\s\"')<>]+)", re.I)


def site_names(outlet: str, key: str, glossary: Glossary | None) -> set[str]:
    """What an outlet's web address may be named: its forms squashed, its initials
    (``key``: its glossary concept, when it has one)."""
    forms = [outlet]
    if glossary is not None and key in glossary:
        concept = glossary.get(key)
        forms += [concept.canonical] + [f.text for _, f in concept.all_forms()]
    names = set()
    for form in forms:
        words = [w for w in re.findall(r"[A-Za-z0-9]+", form)]
        if not words:
            continue
        names.add("".join(words).casefold())
        content = [w for w in words if w.casefold() not in ("the", "of", "and")]
        if len(content) >= 2:
            names.add("".join(w[0] for w in content).casefold())
    return {n for n in names if len(n) >= 3}


def linked_host(article: Article, names: set[str]) -> str | None:
    """A web address of the outlet's site (named ``names``) in the article's text or
    set-aside blocks, or the article's own address."""
    texts = [article.text] + [b.text for b in article.boilerplate]
    for text in texts:
        for m in _URL.finditer(text):
            host = m.group(1).casefold().split(":")[0]
            labels = host.removeprefix("www.").split(".")
            if any(label in names for label in labels[:-1]):
                return host
    own = urlsplit(article.url or "").hostname or ""
    labels = own.removeprefix("www.").split(".")
    return own if any(label in names for label in labels[:-1]) else None
