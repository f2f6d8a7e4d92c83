"""Model objects for tests that need an analysis without running the pipeline.

Tests import from here (``from support.analysis_factory import article_from_lines``);
shipped code never does.
"""

from __future__ import annotations

from typing import Any

from provenance.model import Article, Sentence


def article_from_lines(article_id: str, lines: list[str], lang: str, *, sep: str = "\n",
                       **fields: Any) -> Article:
    """An Article whose text is ``lines`` joined by ``sep``, one Sentence per line.

    Sentence spans are exact offsets into the text; ``fields`` are any other Article
    fields (title, outlet, url, published...). ``language`` is ``lang``.
    """
    sentences, pos = [], 0
    for i, line in enumerate(lines):
        sentences.append(Sentence(i, line, pos, pos + len(line), lang))
        pos += len(line) + len(sep)
    return Article(id=article_id, text=sep.join(lines), language=lang, sentences=sentences,
                   **fields)
