"""What a relay "brings in" that other witnesses state too is not its addition.

A reference is often an excerpt (a paywalled page, a forum paste cut off) or a
syndicated copy that names no source: the facts of the original past its end reach the
reader only through the relays, and every relay then "brings in" numbers, names and
dates "which the reference never states", and credits a source "the reference states
the claim without". When another independent witness of the story (not a copy of the
relay, nor the reference) states the same fact or credits the same source, it comes from
the original: only what no other witness states is left in the article-wide "brings in"
findings (what was taken out is named in their evidence, ``witnessed``), and an
attribution the relay adds is reported only when no other witness credits that source
(the WSJ's story credited to Bloomberg).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from functools import partial
from typing import TYPE_CHECKING

from provenance.drift.attribution import source_key
from provenance.drift.context import PairContext
from provenance.drift.coverage import without_witnessed
from provenance.drift.inventory import Fact, Inventory
from provenance.facts import sentence_facts

if TYPE_CHECKING:
    from provenance.glossary import Glossary
    from provenance.model import Article, Collation, PairAnalysis


class _Witnesses:
    """What the articles of the corpus state and whom they credit, read on first use."""

    def __init__(self, articles: Mapping[str, Article], glossary: Glossary) -> None:
        self.articles = articles
        self.glossary = glossary
        self._inventories: dict[str, Inventory] = {}
        self._credits: dict[str, frozenset[str]] = {}

    def state(self, article_id: str, fact: Fact, lang: str) -> bool:
        """Whether the article states ``fact`` (read in ``lang``) anywhere."""
        if article_id not in self._inventories:
            article = self.articles[article_id]
            self._inventories[article_id] = Inventory(
                sentence_facts(article, self.glossary), article.lang, self.glossary)
        return self._inventories[article_id].mentions(fact, lang) is True

    def any_states(self, article_ids: Sequence[str], lang: str, fact: Fact) -> bool:
        """Whether one of the articles states ``fact`` (read in ``lang``)."""
        return any(self.state(a, fact, lang) for a in article_ids)

    def credit(self, article_id: str, source: str) -> bool:
        """Whether the article credits ``source`` (a source key) anywhere."""
        if article_id not in self._credits:
            self._credits[article_id] = frozenset(
                source_key(a) for f in sentence_facts(self.articles[article_id], self.glossary)
                for a in f.attributions if not a.negated)
        return source in self._credits[article_id]


def corroborate(pairs: Sequence[PairAnalysis], collations: Sequence[Collation],
                articles: Mapping[str, Article], glossary: Glossary) -> list[PairAnalysis]:
    """The pairs without what other independent witnesses of each relay's story state:
    the facts it "brings in", the sources it "adds" (``collations``: one per collated
    story, whose ``groups`` say which articles are copies of one another)."""
    story_of = {a: n for n, part in enumerate(collations) for a in part.groups}
    witnesses = _Witnesses(articles, glossary)
    out = []
    for pair in pairs:
        story = story_of.get(pair.relay_id)
        if story is None or not any(f.evidence.get("change") in _CORROBORATED
                                    for f in pair.findings):
            out.append(pair)
            continue
        groups = collations[story].groups
        relay = articles[pair.relay_id]
        others = [a for a, g in groups.items() if g != groups[relay.id]
                  and a != pair.reference_id]

        witnessed = partial(witnesses.any_states, others, relay.lang)
        context = PairContext.build(articles[pair.reference_id], relay, pair.alignment,
                                    glossary)
        kept = []
        for finding in pair.findings:
            if finding.evidence.get("change") == "source_added" and any(
                    witnesses.credit(a, finding.evidence["tgt_key"]) for a in others):
                continue
            rest = without_witnessed(context, finding, witnessed)
            if rest is not None:
                kept.append(rest)
        out.append(replace(pair, findings=kept))
    return out


#: the findings a witness can corroborate
_CORROBORATED = ("article_facts", "source_added")
