"""Renderings: which article of a corpus translates or copies which, and which way round.

Two sources of evidence that one article renders another sentence by sentence:

* a relay aligned with its story's reference in another language (the pipeline's pair
  analyses): most of the relay's sentences (:data:`RENDERED_SHARE`) and half the
  reference's (:data:`provenance.reuse.TRANSLATED_SHARE`) linked;
* text reuse between any two articles (:mod:`provenance.reuse`): copies in one
  language, translations across two.

Who rendered whom is read from the texts, in this order (:func:`rendering_direction`):
a text naming the other's outlet ("Copyright Euromaidanpress.com" in a copy); publication
dates; a text naming its own outlet where the other names none (an aggregator pasting
a text credits nobody); traces of translation in an English text (a day-first dotted
date, an open plural: :mod:`provenance.origin`); a text keeping the other's wording of
names in parentheses, as translators do ("弗拉基米尔·普京 (Vladimir Putin)"), in any
language; the paragraphs a copy left out between the ones it kept. Failing all, the
story's reference is taken as the source (else the longer text), and the direction says
it was assumed.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from provenance.lang import base
from provenance.origin import translation_score
from provenance.reuse import TRANSLATED_SHARE, find_reuse

if TYPE_CHECKING:
    from provenance.facts import ArticleFacts
    from provenance.model import Attribution, PairAnalysis

#: A relay with this share of its sentences aligned with a reference in another language
#: renders it (a translation, one way or the other).
RENDERED_SHARE = 0.8
#: An English text whose translation traces weigh this much (noisy-OR) reads as the
#: translated side of a pair.
TRACES_MIN = 0.3
#: A text keeping this many of the other's wordings in parentheses, where the other keeps
#: none of its own, reads as the translated side (one can be a name glossed in its own
#: language, as a Ukrainian original writes "Олаф Шольц (Olaf Scholz)").
GLOSSES_MIN = 2

_PARENTHESIS = re.compile(r"[(（]\s*([^()（）\n]{2,60}?)\s*[)）]")
# scripts written without spaces between words: no word boundary to look for
_UNSPACED = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")


@dataclass
class Rendering:
    """``target`` translates or copies ``source`` (article ids), ``share`` of it."""

    source: str
    target: str
    kind: str  # "translation" or "copy"
    share: float
    #: why this way round (see :func:`rendering_direction`); "assumed: ..." when no
    #: evidence told
    direction: str
    evidence: dict[str, Any] = field(default_factory=dict)
    #: (source sentence, target sentence) pairs that render each other
    links: tuple[tuple[int, int], ...] = ()


def find_renderings(corpus: Sequence[ArticleFacts], pairs: Sequence[PairAnalysis],
                    shares: dict[tuple[str, str], float], link_min: float
                    ) -> dict[str, Rendering]:
    """The article each article renders (translates or copies), if any, by target id:
    the one it renders most of. ``shares`` are the relays' aligned shares of the
    ``pairs`` (links of score ``link_min`` or more count)."""
    facts = {f.article.id: f for f in corpus}
    reused = find_reuse(corpus)
    found: list[tuple[str, str, str, float, dict[str, Any], tuple[int, int],
                      tuple[tuple[int, int], ...]]] = []
    references = {p.reference_id for p in pairs}
    for pair in pairs:
        ref, relay = pair.reference_id, pair.relay_id
        share = shares.get((ref, relay), 0.0)
        if share >= RENDERED_SHARE and \
                base(facts[ref].article.lang) != base(facts[relay].article.lang):
            links = tuple((i, j) for link in pair.alignment.links
                          if link.src and link.tgt and link.score >= link_min
                          for i in link.src for j in link.tgt)
            covered = len({i for i, _ in links}) / max(len(facts[ref].article.sentences), 1)
            if covered < TRANSLATED_SHARE:
                continue  # a summary renders a few of its sentences, not the article
            found.append((ref, relay, "translation", share,
                          {"aligned_share": round(share, 3),
                           "source_share": round(covered, 3)}, (0, 0), links))
    for r in reused:
        found.append((r.first, r.second, r.kind, r.share, r.evidence(), r.gaps, r.matched))
    best: dict[str, Rendering] = {}
    for x, y, kind, share, evidence, gaps, links in found:
        src, tgt, why = rendering_direction(facts[x], facts[y], gaps, references)
        if tgt in best and best[tgt].share >= share:
            continue
        oriented = links if src == x else tuple((j, i) for i, j in links)
        best[tgt] = Rendering(src, tgt, kind, share, why, evidence, oriented)
    # a pair judged both ways round (a <- b and b <- a) keeps its better-founded half
    for tgt, rendering in list(best.items()):
        back = best.get(rendering.source)
        if back is not None and back.source == tgt and tgt in best:
            weaker = rendering if rendering.direction.startswith("assumed") else back
            best.pop(weaker.target, None)
    return best


def own_attributions(rendering: Rendering, target: ArticleFacts) -> list[Attribution]:
    """The target's attributions that are its own: those outside the sentences that
    render its source (a translation says "according to Reuters" because its source
    does, whether or not the source's wording reads as a citation here)."""
    rendered = {j for _, j in rendering.links}
    return [a for a in target.attributions if a.sentence not in rendered]


def rendering_direction(x: ArticleFacts, y: ArticleFacts, gaps: tuple[int, int],
                         references: set[str]) -> tuple[str, str, str]:
    """(source id, target id, why) of two articles one of which renders the other."""
    for src, tgt in ((x, y), (y, x)):
        # "Copyright Euromaidanpress.com" in a copy: it names where its text is from
        if src.own_names and tgt.names_outlet(src.own_names) and \
                not src.names_outlet(tgt.own_names):
            return src.article.id, tgt.article.id, "names the other's outlet"
    dx, dy = x.article.published_date, y.article.published_date
    if dx and dy and dx != dy:
        src, tgt = (x, y) if dx < dy else (y, x)
        return src.article.id, tgt.article.id, "published earlier"
    for src, tgt in ((x, y), (y, x)):
        # the copy credits nobody: an aggregator does not name itself in a pasted text
        # (a site that translates stamps its name on its translations all the same)
        if base(x.article.lang) == base(y.article.lang) and \
                src.names_outlet(src.own_names) and not tgt.names_outlet(tgt.own_names):
            return src.article.id, tgt.article.id, "names its own outlet, the other none"
    if base(x.article.lang) != base(y.article.lang):
        traces = {f.article.id: translation_score(f.signals) if base(f.article.lang) == "en"
                  else 0.0 for f in (x, y)}
        for src, tgt in ((x, y), (y, x)):
            if traces[tgt.article.id] >= TRACES_MIN > traces[src.article.id]:
                return src.article.id, tgt.article.id, "translation traces in the other"
        glossed = {f.article.id: len(source_glosses(f.article.text, g.article.text))
                   for f, g in ((x, y), (y, x))}
        for src, tgt in ((x, y), (y, x)):
            if glossed[tgt.article.id] >= GLOSSES_MIN and not glossed[src.article.id]:
                return src.article.id, tgt.article.id, "keeps the other's wording in brackets"
    if bool(gaps[0]) != bool(gaps[1]):
        src, tgt = (x, y) if gaps[0] else (y, x)
        return src.article.id, tgt.article.id, "the other left out paragraphs between"
    for src, tgt in ((x, y), (y, x)):
        if src.article.id in references and tgt.article.id not in references:
            return src.article.id, tgt.article.id, "assumed: the story's reference"
    src, tgt = sorted((x, y), key=lambda f: (-len(f.article.sentences), f.article.id))
    return src.article.id, tgt.article.id, "assumed: the longer text"


def source_glosses(text: str, other: str) -> list[str]:
    """What ``text`` puts in parentheses that is ``other``'s own wording, written there
    without them: a translator keeps the source's spelling next to its rendering of a
    name ("达伦·莫斯 (Darren Moss)"). Acronyms do not count (every language writes
    "(NATO)"), nor numbers, nor what ``other`` brackets itself (a "(SIS)"
    carried over)."""
    bracketed = {m.group(1).casefold() for m in _PARENTHESIS.finditer(other)}
    folded = other.casefold()
    found = []
    for m in _PARENTHESIS.finditer(text):
        gloss = m.group(1)
        letters = [c for c in gloss if c.isalpha()]
        if not letters or all(c.isupper() for c in letters):
            continue
        key = gloss.casefold()
        if key in bracketed:
            continue
        pattern = re.escape(key) if _UNSPACED.search(key) else rf"(?<!\w){re.escape(key)}(?!\w)"
        if re.search(pattern, folded):
            found.append(gloss)
    return found
