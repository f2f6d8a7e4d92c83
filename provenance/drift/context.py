"""Everything the detectors need about one article pair.

``PairContext.build`` takes the facts of every sentence on both sides from
:mod:`provenance.facts` (quantities resolved against each side's OWN article's
publication date, glossary matches, lexicon cues, attributions on first use), where
they are read once per article and kept for every other pair the article is in.
Detectors then only compare.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Any

from provenance.attribution.sites import linked_host, site_names
from provenance.drift.repair import repair_links
from provenance.errors import BadInput
from provenance.facts import SentenceFacts, outlet_key, sentence_facts
from provenance.lang import base
from provenance.model import Alignment, Article, Link

if TYPE_CHECKING:
    from provenance.glossary import Glossary


@dataclass
class PairContext:
    """One reference article (``src``), one relay (``tgt``), their alignment and facts."""

    src: Article
    tgt: Article
    alignment: Alignment
    glossary: Glossary
    src_facts: list[SentenceFacts]
    tgt_facts: list[SentenceFacts]

    @classmethod
    def build(cls, src: Article, tgt: Article, alignment: Alignment, glossary: Glossary
              ) -> PairContext:
        """The pair with both sides' facts; raises BadInput when the alignment does not fit."""
        for link in alignment.links:
            if any(i < 0 or i >= len(src.sentences) for i in link.src) or any(
                    j < 0 or j >= len(tgt.sentences) for j in link.tgt):
                raise BadInput(
                    f"alignment link {list(link.src)}-{list(link.tgt)} points outside the "
                    f"articles ({len(src.sentences)} and {len(tgt.sentences)} sentences)")
        return cls(src, tgt, alignment, glossary,
                   sentence_facts(src, glossary), sentence_facts(tgt, glossary))

    @property
    def src_lang(self) -> str:
        return self.src.lang

    @property
    def tgt_lang(self) -> str:
        return self.tgt.lang

    @property
    def same_language(self) -> bool:
        return base(self.src_lang) == base(self.tgt_lang)

    @cached_property
    def _effective(self) -> tuple[list[Link], set[tuple]]:
        return repair_links(self.src_facts, self.tgt_facts, self.alignment.links)

    @property
    def links(self) -> list[Link]:
        """The aligner's links, with drifted sentences it left unpaired paired again."""
        return self._effective[0]

    def repaired(self, link: Link) -> bool:
        """Whether a link was re-paired here rather than proposed by the aligner."""
        return (link.src, link.tgt) in self._effective[1]

    @cached_property
    def aligned(self) -> list[Link]:
        """Links with sentences on both sides (the pairs whose content can be compared)."""
        return [link for link in self.links if link.src and link.tgt]

    @cached_property
    def omitted(self) -> list[Link]:
        return [link for link in self.links if link.src and not link.tgt]

    @cached_property
    def added(self) -> list[Link]:
        return [link for link in self.links if link.tgt and not link.src]

    def agreement(self, link: Link, ignore: frozenset[str] = frozenset()) -> float | None:
        """How much of what a linked unit says is found on both sides (0..1); see
        :func:`agreement`."""
        # a relay that merges sentences names in its rendering what the reference's
        # neighbouring sentences name ("the White House is worried about Musk's contacts"
        # for "the contacts raise concerns among some in the administration", Musk being
        # named one sentence before): those names do not count against the link
        near = {t.concept_id for i in link.src for k in (i - 1, i + 1)
                if 0 <= k < len(self.src_facts) and k not in link.src
                for t in self.src_facts[k].terms}
        own = {t.concept_id for f in self.src_of(link) for t in f.terms}
        told = {t.concept_id for f in self.tgt_of(link) for t in f.terms}
        return agreement(self.src_of(link), self.tgt_of(link),
                         ignore | frozenset((told & near) - own))

    def written_by(self, outlet: str, key: str) -> bool:
        """Whether the reference is the text of ``outlet`` (concept or casefolded name
        ``key``): its own outlet, or a paste carrying a link to the outlet's site. A relay
        crediting that outlet credits the reference's author."""
        if outlet_key(self.src.outlet, self.glossary) == key:
            return True
        return linked_host(self.src, site_names(outlet, key, self.glossary)) is not None

    def src_of(self, link: Link) -> list[SentenceFacts]:
        return [self.src_facts[i] for i in link.src]

    def tgt_of(self, link: Link) -> list[SentenceFacts]:
        return [self.tgt_facts[j] for j in link.tgt]


def agreement(src: list[SentenceFacts], tgt: list[SentenceFacts],
              ignore: frozenset[str] = frozenset()) -> float | None:
    """How much of what two groups of linked sentences say is found on both sides (0..1).

    Counts glossary concepts and numeric quantities. None when a side says too little to
    tell. A low value means the two sides are not renderings of each other (a loose link
    in a re-report), so differences there are weak evidence of drift. ``ignore``: concepts
    left out of the count (the two of a swap, which lower it by being swapped).
    """
    s_concepts = {t.concept_id for f in src for t in f.terms} - ignore
    t_concepts = {t.concept_id for f in tgt for t in f.terms} - ignore
    # digit-written quantities only; a changed value still shows the units correspond
    s_qty = [q for f in src for q in f.numeric if any(c.isdigit() for c in q.text)]
    t_qty = [q for f in tgt for q in f.numeric if any(c.isdigit() for c in q.text)]
    shared_qty = min(len(s_qty), len(t_qty))
    total = max(len(s_concepts) + len(s_qty), len(t_concepts) + len(t_qty))
    if total < 3:
        return None
    return (len(s_concepts & t_concepts) + shared_qty) / total


def describe(obj: Any) -> str:
    """The text of a quantity, term or attribution for a message, quoted."""
    return f"“{getattr(obj, 'text', obj)}”"
