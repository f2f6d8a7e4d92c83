"""What a relay "brings in" that other witnesses state too is not its addition.

A reference is often an excerpt (a paywalled page, a forum paste cut off): the facts of
the original past its end reach the reader only through the relays, and every relay then
"brings in" numbers, names and dates "which the reference never states". When another
independent witness of the story (not a copy of the relay, nor the reference) states the
same fact, it comes from the original; only what no other witness states is left in the
article-wide "brings in" findings, and what was taken out is named in their evidence
(``witnessed``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from provenance.drift.context import PairContext
from provenance.drift.coverage import without_witnessed
from provenance.drift.inventory import Fact, Inventory
from provenance.facts import sentence_facts

if TYPE_CHECKING:
    from provenance.glossary import Glossary
    from provenance.model import Article, Collation, PairAnalysis


def corroborate(pairs: Sequence[PairAnalysis], collations: Sequence[Collation],
                articles: Mapping[str, Article], glossary: Glossary) -> list[PairAnalysis]:
    """The pairs, each relay's "brings in" findings without the facts that other
    independent witnesses of its story state (``collations``: one per collated story,
    whose ``groups`` say which articles are copies of one another)."""
    story_of = {a: n for n, part in enumerate(collations) for a in part.groups}
    inventories: dict[str, Inventory] = {}

    def inventory(article_id: str) -> Inventory:
        if article_id not in inventories:
            article = articles[article_id]
            inventories[article_id] = Inventory(sentence_facts(article, glossary),
                                                article.lang, glossary)
        return inventories[article_id]

    out = []
    for pair in pairs:
        story = story_of.get(pair.relay_id)
        brings = [f for f in pair.findings if f.evidence.get("change") == "article_facts"
                  and f.tgt_spans]
        if story is None or not brings:
            out.append(pair)
            continue
        groups = collations[story].groups
        relay = articles[pair.relay_id]
        others = [a for a, g in groups.items() if g != groups[relay.id]
                  and a != pair.reference_id]

        def witnessed(fact: Fact, others: list[str] = others, lang: str = relay.lang) -> bool:
            return any(inventory(a).mentions(fact, lang) is True for a in others)

        context = PairContext.build(articles[pair.reference_id], relay, pair.alignment,
                                    glossary)
        findings = [without_witnessed(context, f, witnessed) for f in pair.findings]
        out.append(replace(pair, findings=[f for f in findings if f is not None]))
    return out
