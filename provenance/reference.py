"""The reference of a story: the article a reader would defend comparing relays with.

In order:

1. the article asked for (``--reference``), or the one stored for the corpus since it
   was asked for (until ``--reference auto``);
2. the cited original, when it is in the corpus: the outlet most articles name as their
   source (the root), found by its outlet, by a link to the root's site that the
   article carries without attributing its claims to the root (a verbatim paste with
   the original's URL), or by content: written in the root's language, it states the
   claims the other witnesses attribute to the root without attributing them itself;
3. otherwise the best witness: the article stating the most claims of the story's
   collation (claims other independent witnesses carry too, so padding and commentary
   do not count) without departing from their consensus, citing the root directly
   rather than through an intermediary, and published earliest; summaries and opinion
   pieces come last, then the copies and translations of another article of the story
   (the text they were made from is the better witness); translations lose ties.

Every choice comes with its reasons and the runner-up (:class:`ReferenceChoice`).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from provenance.attribution.sites import linked_host, site_names
from provenance.lang import base, display_name
from provenance.model import Article, ArticleProvenance, Collation, ReferenceChoice

if TYPE_CHECKING:
    from provenance.facts import ArticleFacts
    from provenance.glossary import Glossary

#: a content original states at least this many claims that other witnesses carry
ORIGINAL_CLAIMS = 3
#: ... and at least this share of them is attributed to the root by those witnesses
ORIGINAL_ATTRIBUTED = 0.5
_BULLET = re.compile(r"^\s*(?:[-•*·▪●◦‣]|\d{1,2}[.)])\s+\S", re.M)
#: first-person and editorial markers of an opinion piece (whole words where spaced)
OPINION = {
    "en": ("i think", "i believe", "in my view", "in my opinion", "we believe", "op-ed",
           "opinion:", "editorial:", "commentary:", "the author", "this writer"),
    "zh": ("我认为", "笔者", "我觉得", "个人认为", "评论员", "社评", "我們認為", "筆者"),
    "ko": ("필자", "칼럼", "사설", "생각한다", "기자수첩"),
    "uk": ("на мою думку", "я вважаю", "колонка", "на наш погляд"),
    "ru": ("на мой взгляд", "я считаю", "по-моему", "колонка", "мнение автора"),
    "de": ("meiner meinung", "ich glaube", "kommentar:"),
}
#: share of an article's sentences with opinion markers that makes it an opinion piece
OPINION_SHARE = 0.15


@dataclass
class Witness:
    """One candidate article, read for the choice."""

    article: Article
    claims: int = 0  # claims of the collation it carries
    departing: int = 0  # of those, claims where it departs from the consensus
    major: int = 0  # departures of major or critical severity
    minor: int = 0
    cites_root: bool = False
    via: str | None = None  # the intermediary it cites the root through
    copy_of: str | None = None  # the article of the story it translates or copies
    translated_from: str | None = None
    through_language: bool = False  # translated from a language not the root's
    summary: bool = False
    opinion: bool = False
    in_language: bool = False  # written in the root's language (else English)

    @property
    def agreeing(self) -> int:
        return self.claims - self.departing

    @property
    def score(self) -> float:
        return (self.agreeing - 2.0 * self.major - 0.5 * self.minor
                + (1.0 if self.cites_root and not self.via else 0.0)
                - (2.0 if self.via or self.through_language else 0.0)
                - (0.5 if self.translated_from else 0.0)
                + (0.5 if self.in_language else 0.0))


def judge_story(story_no: int, story: Sequence[Article], *,
                facts: Mapping[str, ArticleFacts],
                provenance: Mapping[str, ArticleProvenance], glossary: Glossary,
                requested: str | None = None, stored: str | None = None
                ) -> tuple[ReferenceChoice, Collation | None]:
    """One story's reference and, for a story of three or more articles, its collation.

    Claims are formed from the articles alone, never from the reference comparisons, so
    the collation made here, before any comparison, is the analysis's collation. A pure
    function of the story: ``facts`` and ``provenance`` need hold only its articles, so
    it runs wherever the story is sent (:mod:`provenance.engine`)."""
    from provenance.collation import MIN_ARTICLES, collate_story

    collation = None
    if len(story) >= MIN_ARTICLES:
        collation = collate_story(story_no, story, glossary, provenance=provenance)
    choice = choose_reference(story_no, story, facts=facts, provenance=provenance,
                              collation=collation, glossary=glossary,
                              requested=requested, stored=stored)
    if collation is not None and choice.how == "cited original":
        # the original does not depart from its relays: where they outvote it, they
        # drifted together, which each one's comparison with it reports
        collation.departures = [d for d in collation.departures
                                if d.article_id != choice.article_id]
    return choice, collation


def choose_reference(story_no: int, story: Sequence[Article], *,
                     facts: Mapping[str, ArticleFacts],
                     provenance: Mapping[str, ArticleProvenance],
                     collation: Collation | None, glossary: Glossary | None,
                     requested: str | None = None, stored: str | None = None
                     ) -> ReferenceChoice:
    """The reference of one story, with its reasons and runner-up (see module doc)."""
    root, root_key = _root(story, provenance, facts, glossary)
    # the root's language (English when unknown): comparisons read best there
    language = (_root_language(root_key, glossary) if root_key else None) or "en"
    story_ids = frozenset(a.id for a in story)
    witnesses = [_witness(a, provenance.get(a.id), collation, root, root_key, language,
                          story_ids) for a in story]
    ranked = sorted(witnesses, key=_rank)
    for wanted, how, why in ((requested, "requested", "asked for with --reference"),
                             (stored, "stored", "chosen with --reference for this corpus "
                                                "(--reference auto lets the tool choose)")):
        chosen = next((w for w in witnesses if w.article.id == wanted), None)
        if chosen is not None:
            other = next((w for w in ranked if w is not chosen), None)
            return ReferenceChoice(story_no, chosen.article.id, how, [why],
                                   other.article.id if other else None,
                                   _reasons(other, ranked, root) if other else [])
    if len(story) == 1:
        return ReferenceChoice(story_no, story[0].id, "only candidate",
                               ["the only article of its story"])
    originals = _originals(witnesses, root, root_key, collation, facts, glossary)
    if originals:
        best, why = originals[0]
        other = next((w for w in ranked if w is not best), None)
        return ReferenceChoice(story_no, best.article.id, "cited original",
                               why + _reasons(best, ranked, root, brief=True),
                               other.article.id if other else None,
                               _reasons(other, ranked, root) if other else [])
    best, other = ranked[0], ranked[1]
    return ReferenceChoice(story_no, best.article.id, "best witness",
                           _reasons(best, ranked, root), other.article.id,
                           _reasons(other, ranked, root))


def _rank(w: Witness) -> tuple:
    published = w.article.published_date
    return (w.summary or w.opinion, w.copy_of is not None, -round(w.score, 3),
            published.toordinal() if published else 10**7, -len(w.article.text),
            w.article.id)


# -- the root and its original ----------------------------------------------------------
def _root(story: Sequence[Article], provenance: Mapping[str, ArticleProvenance],
          facts: Mapping[str, ArticleFacts], glossary: Glossary | None
          ) -> tuple[str | None, str | None]:
    """The outlet most articles of the story name as where their report comes from."""
    from provenance.facts import outlet_key

    votes: Counter[str] = Counter()
    for a in story:
        prov = provenance.get(a.id)
        primary = [e for e in (prov.derived_from if prov else [])
                   if e.evidence.get("primary") and e.evidence.get("chain")]
        if primary:
            votes[primary[0].evidence["chain"][0]] += 1
    if not votes:
        return None, None
    name, count = votes.most_common(1)[0]
    if count < 2:
        return None, None
    return name, outlet_key(name, glossary)


def _cites(prov: ArticleProvenance | None, root: str | None, root_key: str | None
           ) -> tuple[bool, str | None]:
    """Whether the article relays the root, and through which intermediary if so."""
    from provenance.attribution import is_relay

    if prov is None or root_key is None:
        return False, None
    cites = any((a.concept_id or a.source.strip().casefold()) == root_key
                for a in prov.attributions if is_relay(a, prov.attributions))
    via = None
    for edge in prov.derived_from:
        chain = edge.evidence.get("chain") or []
        if edge.evidence.get("primary") and len(chain) > 1 and chain[0] == root:
            cites, via = True, chain[-1]
    return cites, via


def _witness(article: Article, prov: ArticleProvenance | None, collation: Collation | None,
             root: str | None, root_key: str | None, language: str,
             story_ids: frozenset[str] = frozenset()) -> Witness:
    w = Witness(article)
    w.cites_root, w.via = _cites(prov, root, root_key)
    w.in_language = base(article.lang) == base(language)
    if prov is not None and prov.origin == "translation" and prov.origin_language \
            and base(prov.origin_language) != base(article.lang):
        w.translated_from = prov.origin_language
        # a rendering of a report written in another language than the root's: the
        # text went through an intermediary, named or not
        w.through_language = bool(language) and base(prov.origin_language) != base(language)
    if collation is not None:
        carried = [c for c in collation.claims if c.reading_of(article.id)]
        w.claims = len(carried)
        mine = collation.departures_of(article.id, duplicates=True)
        w.departing = len({d.claim for d in mine})
        w.major = sum(d.finding.severity != "minor" for d in mine)
        w.minor = len(mine) - w.major
    if prov is not None and prov.origin_article in story_ids:
        # the story holds the text it was made from: that text is the better witness
        w.copy_of = prov.origin_article
    w.summary = is_summary(article)
    w.opinion = is_opinion(article)
    return w


def _originals(witnesses: list[Witness], root: str | None, root_key: str | None,
               collation: Collation | None, facts: Mapping[str, ArticleFacts],
               glossary: Glossary | None) -> list[tuple[Witness, list[str]]]:
    """The articles whose text is the root's, strongest evidence first."""
    if root is None or root_key is None:
        return []
    names = site_names(root, root_key, glossary)
    language = _root_language(root_key, glossary)
    found: list[tuple[int, Witness, list[str]]] = []
    for w in witnesses:
        if w.summary or w.opinion:
            continue
        if facts[w.article.id].outlet_key == root_key:
            found.append((0, w, [f"published by {root}, the outlet the other articles cite"]))
            continue
        host = linked_host(w.article, names)
        if host and not w.cites_root:
            found.append((1, w, [f"its text is {root}'s: it carries a link to {host} and "
                                 f"does not attribute its claims to {root}"]))
            continue
        if w.cites_root or collation is None or (language and
                                                 base(w.article.lang) != base(language)):
            continue
        attributed = _attributed_claims(w.article.id, collation, facts, root_key)
        if attributed >= ORIGINAL_CLAIMS and attributed >= ORIGINAL_ATTRIBUTED * w.claims:
            found.append((2, w, [f"its text is {root}'s: it states {attributed} claims that "
                                 f"other articles attribute to {root}, without attributing "
                                 "them itself" + (f", in {root}'s language" if language
                                                  else "")]))
    found.sort(key=lambda x: (x[0], _rank(x[1])))
    return [(w, why) for _, w, why in found]


def _attributed_claims(article_id: str, collation: Collation,
                       facts: Mapping[str, ArticleFacts], root_key: str) -> int:
    """Claims the article carries whose other witnesses mostly cite the root."""
    citing = {a_id for a_id, f in facts.items()
              if any((a.concept_id or a.source.strip().casefold()) == root_key
                     for a in f.attributions if not a.negated)}
    count = 0
    for claim in collation.claims:
        if claim.reading_of(article_id) is None:
            continue
        others = [r.article_id for r in claim.readings if r.article_id != article_id]
        if others and sum(o in citing for o in others) * 2 >= len(others):
            count += 1
    return count


def _root_language(root_key: str, glossary: Glossary | None) -> str | None:
    if glossary is None or root_key not in glossary:
        return None
    return glossary.get(root_key).language


# -- kinds of article that are not references -------------------------------------------
def is_summary(article: Article) -> bool:
    """A digest: most of its lines are bullet points (three or more of them)."""
    lines = [ln for ln in article.text.splitlines() if ln.strip()]
    bullets = len(_BULLET.findall(article.text))
    return bullets >= 3 and bullets * 2 >= len(lines)


def is_opinion(article: Article) -> bool:
    """An opinion piece: first-person or editorial markers in a good share of it."""
    markers = OPINION.get(base(article.lang), ())
    if not markers or not article.sentences:
        return False
    marked = sum(1 for s in article.sentences
                 if any(_has_marker(s.text.casefold(), m) for m in markers))
    return marked >= 2 and marked >= OPINION_SHARE * len(article.sentences)


def _has_marker(text: str, marker: str) -> bool:
    if marker.isascii() or " " in marker:
        return re.search(rf"(?<!\w){re.escape(marker)}(?!\w)", text) is not None
    return marker in text


# -- reasons ----------------------------------------------------------------------------
def _reasons(w: Witness, ranked: list[Witness], root: str | None,
             brief: bool = False) -> list[str]:
    """Why this witness ranks where it does, in words a reader can check."""
    reasons: list[str] = []
    most = max((x.claims for x in ranked), default=0)
    if w.claims or most:
        line = f"states {w.claims} of the story's claims" + (" (the most)" if w.claims == most
                                                             and w.claims else "")
        line += (", departing from the consensus on none of them" if not w.departing else
                 f", departing from the consensus on {w.departing}")
        reasons.append(line)
    if brief:
        return reasons
    if root and w.via:
        reasons.append(f"cites {root} through {w.via}")
    elif root and w.cites_root:
        reasons.append(f"cites {root} directly")
    elif root:
        reasons.append(f"does not name {root}")
    published = w.article.published_date
    if published:
        dated = [x.article.published_date for x in ranked if x.article.published_date]
        reasons.append(f"published {published.isoformat()}"
                       + (" (the earliest)" if published == min(dated) else ""))
    if w.copy_of:
        reasons.append(f"made from {w.copy_of}, which the story holds")
    if w.summary:
        reasons.append("a summary (mostly bullet points)")
    if w.opinion:
        reasons.append("an opinion piece (first-person or editorial markers)")
    if w.translated_from:
        reasons.append(f"a translation (from {display_name(w.translated_from)})"
                       + (": the report went through another language than the original's"
                          if w.through_language else ""))
    if not (w.summary or w.opinion or w.translated_from or w.copy_of):
        reasons.append("not a summary, an opinion piece or a translation")
    return reasons
