"""Model objects for tests that need an analysis without running the pipeline.

Tests import from here (``from support.analysis_factory import article_from_lines``);
shipped code never does.
"""

from __future__ import annotations

from typing import Any

from provenance.model import (
    Alignment,
    Article,
    ArticleProvenance,
    CorpusAnalysis,
    Finding,
    PairAnalysis,
    Sentence,
)
from provenance.signature import Signature


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


def stories_analysis(stories: int) -> CorpusAnalysis:
    """An analysis of ``stories`` stories (an English reference, one to three Chinese
    relays each, one minor finding per relay); story 7's first relay has the one
    critical finding."""
    articles, provenance, pairs = [], {}, []
    for story in range(stories):
        ref = article_from_lines(f"s{story}-en", ["One.", "Two."], "en")
        articles.append(ref)
        provenance[ref.id] = ArticleProvenance(ref.id, "original", 0.9, story=story)
        for k in range(story % 3 + 1):
            relay = article_from_lines(f"s{story}-zh{k}", ["一。", "二。"], "zh")
            articles.append(relay)
            provenance[relay.id] = ArticleProvenance(relay.id, "translation", 0.8,
                                                     story=story)
            # story 7 has the one critical finding; the rest minor ones, one per story
            severity = "critical" if story == 7 and k == 0 else "minor"
            findings = [Finding("number", severity, (0,), (0,), f"{story}/{k} changed")]
            pairs.append(PairAnalysis(ref.id, relay.id,
                                      Alignment("en", "zh", "monotonic", []), findings))
    return CorpusAnalysis(Signature({"align": "auto"}), articles, provenance, pairs)
