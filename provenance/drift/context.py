"""Everything the detectors need about one article pair, computed once.

``PairContext.build`` extracts, for every sentence on both sides, the quantities (each
side resolved against its OWN article's publication date), the glossary matches and
the lexicon cues; attributions are extracted on first use. Detectors then only compare.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any

from provenance.errors import BadInput
from provenance.lang import base, glossary_code
from provenance.lexicons import Cue, find_cues
from provenance.model import Alignment, Article, Attribution, Link

if TYPE_CHECKING:
    from provenance.glossary import Glossary, TermMatch
    from provenance.quantities import Quantity

#: glossary categories that name an entity (person, organisation, outlet, place)
ENTITY_CATEGORIES = frozenset({"person", "organisation", "organization", "outlet", "place",
                               "agency", "company", "country", "city"})


@dataclass
class SentenceFacts:
    """What one sentence says, in language-neutral terms."""

    index: int
    text: str
    lang: str
    quantities: list[Quantity]
    terms: list[TermMatch]
    cues: list[Cue]
    _glossary: Glossary | None = field(default=None, repr=False)
    _attributions: list[Attribution] | None = field(default=None, repr=False)

    @property
    def attributions(self) -> list[Attribution]:
        """Cited sources in this sentence (extracted on first use)."""
        if self._attributions is None:
            from provenance.attribution import extract_attributions

            self._attributions = list(
                extract_attributions(self.text, self.lang, self._glossary, self.index))
        return self._attributions

    def cues_of(self, *categories: str) -> list[Cue]:
        return [c for c in self.cues if c.category in categories]

    @property
    def entities(self) -> list[TermMatch]:
        return [t for t in self.terms if t.category in ENTITY_CATEGORIES]

    @property
    def numeric(self) -> list[Quantity]:
        return [q for q in self.quantities if q.kind not in ("date", "time")]

    @property
    def dates(self) -> list[Quantity]:
        return [q for q in self.quantities if q.kind in ("date", "time")]


def cues_in(facts: list[SentenceFacts], *categories: str) -> list[tuple[int, Cue]]:
    """(sentence index, cue) for every cue of these categories, in reading order."""
    return [(f.index, c) for f in facts for c in f.cues_of(*categories)]


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
        """Extract facts for both sides; raises BadInput when the alignment does not fit."""
        for link in alignment.links:
            if any(i < 0 or i >= len(src.sentences) for i in link.src) or any(
                    j < 0 or j >= len(tgt.sentences) for j in link.tgt):
                raise BadInput(
                    f"alignment link {list(link.src)}-{list(link.tgt)} points outside the "
                    f"articles ({len(src.sentences)} and {len(tgt.sentences)} sentences)")
        return cls(src, tgt, alignment, glossary,
                   _facts(src, glossary), _facts(tgt, glossary))

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
        from provenance.drift.repair import repair_links

        return repair_links(self, self.alignment.links)

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

    def agreement(self, link: Link) -> float | None:
        """How much of what a linked unit says is found on both sides (0..1).

        Counts glossary concepts and numeric quantities. None when a side says too
        little to tell. A low value means the two sides are not renderings of each other
        (a loose link in a re-report), so differences there are weak evidence of drift.
        """
        src, tgt = self.src_of(link), self.tgt_of(link)
        s_concepts = {t.concept_id for f in src for t in f.terms}
        t_concepts = {t.concept_id for f in tgt for t in f.terms}
        # digit-written quantities only; a changed value still shows the units correspond
        s_qty = [q for f in src for q in f.numeric if any(c.isdigit() for c in q.text)]
        t_qty = [q for f in tgt for q in f.numeric if any(c.isdigit() for c in q.text)]
        shared_qty = min(len(s_qty), len(t_qty))
        total = max(len(s_concepts) + len(s_qty), len(t_concepts) + len(t_qty))
        if total < 3:
            return None
        return (len(s_concepts & t_concepts) + shared_qty) / total

    def src_of(self, link: Link) -> list[SentenceFacts]:
        return [self.src_facts[i] for i in link.src]

    def tgt_of(self, link: Link) -> list[SentenceFacts]:
        return [self.tgt_facts[j] for j in link.tgt]


def _facts(article: Article, glossary: Glossary) -> list[SentenceFacts]:
    from provenance.quantities import extract_quantities

    published = article.published_date
    facts: list[SentenceFacts] = []
    # Alignment links index positions in Article.sentences, so positions are the indices.
    for position, sentence in enumerate(article.sentences):
        lang = sentence.lang or article.lang
        terms = list(glossary.match(sentence.text, glossary_code(lang)))
        # a number inside a name ("Falcon 9", "Apollo 11") is part of the name
        quantities = [q for q in extract_quantities(sentence.text, lang, published)
                      if not any(t.start <= q.start and q.end <= t.end for t in terms)]
        facts.append(SentenceFacts(
            index=position,
            text=sentence.text,
            lang=lang,
            quantities=quantities,
            terms=terms,
            cues=find_cues(sentence.text, lang),
            _glossary=glossary,
        ))
    return facts


def describe(obj: Any) -> str:
    """The text of a quantity, term or attribution for a message, quoted."""
    return f"“{getattr(obj, 'text', obj)}”"
