"""Credits: whether an article names where its text and its story come from.

Two attribution findings on a whole article, from what derivation and collation already
know (no alignment of their own, any language):

* **uncredited copy**: derivation says the article copies or translates another article
  of the corpus (``ArticleProvenance.origin_article``, a direction read from the texts,
  not assumed), and it names neither that article's outlet (its outlet field, glossary
  concept in any language, or site) nor the outlet that article credits as its author
  (a credit line, 【环球网报道】, or a link to the author's site). What it credits instead
  is listed. A translation that credits a source its parent credits too is left alone:
  two relays translating one original read as translations of each other, while word-
  for-word copies in one language do not happen by chance.
* **the story's source is never named**: most independent witnesses of the story (at
  least :data:`SOURCE_WITNESSES_MIN` witness groups, and :data:`SOURCE_SHARE` of those
  that could credit it) credit one outlet, and the article names it in no form (glossary
  forms in every language, abbreviations, its site), though it reports the story (it
  states :data:`CLAIMS_MIN` or more of its claims). Not for an article that is that
  outlet's own text (its outlet, its site, a credit line, a link to its site), nor for
  the story's reference (it has no pair to carry the finding).

Both are minor: the claims are unchanged, but a reader cannot follow them back.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from provenance.attribution import is_relay
from provenance.attribution.sites import linked_host, site_names
from provenance.drift.attribution import source_key
from provenance.facts import ArticleFacts, outlet_mentions
from provenance.model import Attribution, Collation, Finding, SentenceSpan

if TYPE_CHECKING:
    from provenance.glossary import Glossary
    from provenance.model import Article, ArticleProvenance, ReferenceChoice

#: A story source needs this many independent witness groups crediting it ...
SOURCE_WITNESSES_MIN = 3
#: ... and this share of the groups that could credit it (other than the article's own,
#: and other than the outlet's own text)
SOURCE_SHARE = 2 / 3
#: An article stating fewer of the story's claims mentions it rather than reports it (a
#: headline, a teaser, an excerpt): there is no room to credit anyone.
CLAIMS_MIN = 3

DETECTOR = "credits"

# scripts written without spaces: a name is found inside a word ("월스트리트저널은")
_UNSPACED = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
# a host written in a text, with or without a scheme ("wsj.com", "https://www.wsj.com/")
_HOST = re.compile(r"(?<![\w@.-])((?:[\w-]+\.)+[a-z]{2,})(?![\w-])", re.IGNORECASE)


@dataclass(frozen=True)
class Outlet:
    """An outlet and every way a text may name it."""

    key: str  # glossary concept id, else the name casefolded
    name: str  # as a reader knows it ("The Wall Street Journal")
    forms: tuple[tuple[str, bool], ...]  # (form, case sensitive), in every language
    sites: frozenset[str]  # what its web address may be called ("wsj", "wallstreetjournal")


def outlet(key: str, name: str, glossary: Glossary | None) -> Outlet:
    """The outlet ``key`` (named ``name`` when the glossary does not know it)."""
    forms: list[tuple[str, bool]] = [(name, False)]
    if glossary is not None and key in glossary:
        concept = glossary.get(key)
        name = concept.canonical
        forms = [(concept.canonical, False)] + [(f.text, f.case_sensitive)
                                                for _, f in concept.all_forms()]
    return Outlet(key, name, tuple(dict.fromkeys(forms)),
                  frozenset(site_names(name, key, glossary)))


def _form_pattern(form: str, case_sensitive: bool) -> re.Pattern[str]:
    body = r"\s+".join(re.escape(w) for w in form.split())
    if not _UNSPACED.search(form):
        body = rf"(?<!\w){body}(?!\w)"
    return re.compile(body, 0 if case_sensitive else re.IGNORECASE)


def names(facts: ArticleFacts, target: Outlet) -> bool:
    """Whether the article names the outlet anywhere, in any form: a citation of it (even
    "could not verify X's report"), a glossary form in any language, its site."""
    if any(source_key(a) == target.key for a in facts.attributions):
        return True
    text = facts.full_text
    if any(_form_pattern(form, cs).search(text) for form, cs in target.forms if form.strip()):
        return True
    return any(_site_of(m.group(1), target.sites) for m in _HOST.finditer(text))


def written_by(facts: ArticleFacts, target: Outlet) -> bool:
    """Whether the article is the outlet's own text: its outlet or its site is the
    outlet's, a credit line names it, or it carries a link to the outlet's site."""
    article = facts.article
    if facts.outlet_key == target.key:
        return True
    if any(a.credit and source_key(a) == target.key for a in facts.attributions):
        return True
    return linked_host(article, set(target.sites)) is not None


def _site_of(host: str, sites: Iterable[str]) -> bool:
    labels = host.casefold().removeprefix("www.").split(".")[:-1]
    return any(label in sites for label in labels)


def _host(article: Article) -> str:
    return article.host.removeprefix("www.")


class _Corpus:
    """The articles' facts, and what each credits, read on first use."""

    def __init__(self, facts: Mapping[str, ArticleFacts], glossary: Glossary | None) -> None:
        self.facts = facts
        self.glossary = glossary
        self._credits: dict[str, list[Attribution]] = {}

    @cached_property
    def outlet_concepts(self) -> list[Outlet]:
        if self.glossary is None:
            return []
        return [outlet(c.id, c.canonical, self.glossary)
                for c in self.glossary.by_category("outlet")]

    def credits(self, article_id: str) -> list[Attribution]:
        """The outlets the article relays (first mention of each) and its credit lines."""
        if article_id not in self._credits:
            self._credits[article_id] = self._read_credits(article_id)
        return self._credits[article_id]

    def _read_credits(self, article_id: str) -> list[Attribution]:
        attributions = self.facts[article_id].attributions
        seen: dict[str, Attribution] = {}
        for a in attributions:
            if not a.negated and (a.credit or is_relay(a, attributions)) \
                    and a.kind != "unnamed":
                seen.setdefault(source_key(a), a)
        return list(seen.values())

    def credited_outlets(self, article_id: str) -> list[Outlet]:
        return [outlet(source_key(a), a.source, self.glossary)
                for a in self.credits(article_id)]

    def own_outlet(self, article_id: str) -> Outlet | None:
        """The outlet an article is published by, when its outlet field or site says."""
        f = self.facts[article_id]
        article = f.article
        if article.outlet:
            return outlet(f.outlet_key or article.outlet.casefold(), article.outlet,
                          self.glossary)
        host = _host(article)
        if not host:
            return None
        for known in self.outlet_concepts:
            if _site_of(host, known.sites):
                return known
        return Outlet(host.casefold(), _written_name(f) or host, (), frozenset(f.own_names))

    def authors(self, article_id: str) -> list[Outlet]:
        """The outlets whose text the article says it is (its credit lines)."""
        attributions = self.facts[article_id].attributions
        keys = dict.fromkeys(source_key(a) for a in attributions if a.credit and not a.negated)
        by_key = {source_key(a): a.source for a in attributions}
        return [outlet(k, by_key[k], self.glossary) for k in keys]


def _written_name(f: ArticleFacts) -> str | None:
    """How the article writes its own outlet's name ("Euromaidan Press" for
    euromaidanpress.com): the form met most often, one without a domain first."""
    counts: Counter[str] = Counter()
    for name in sorted(f.own_names):
        if "-" not in name:
            counts.update(outlet_mentions(f.full_text, name))
    if not counts:
        return None
    best = max(counts, key=lambda w: (not w.endswith(".*"), counts[w]))
    return best.removesuffix(".*")


def credit_findings(
    story_articles: Sequence[Sequence[str]],
    provenance: Mapping[str, ArticleProvenance],
    facts: Mapping[str, ArticleFacts],
    collations: Sequence[Collation],
    references: Sequence[ReferenceChoice],
    glossary: Glossary | None,
) -> dict[str, list[Finding]]:
    """Article id -> its credit findings (uncredited copy, story source never named), for
    the articles compared with a reference (``references``: one per story, in the order
    of ``story_articles``; ``collations``: those of the stories of three articles or
    more)."""
    corpus = _Corpus(facts, glossary)
    reference_ids = {r.article_id for r in references}
    cited_originals = {r.article_id for r in references if r.how == "cited original"}
    found: dict[str, list[Finding]] = {}
    story_sources: dict[str, list[tuple[Outlet, int, int]]] = {}
    collation_of = {a: c for c in collations for a in c.groups}
    for ids in story_articles:
        collation = next((collation_of[a] for a in ids if a in collation_of), None)
        if collation is None:
            continue
        votes = _Votes(collation, corpus)
        for article_id in ids:
            sources = votes.sources_for(article_id)
            story_sources[article_id] = sources
            if article_id in reference_ids:
                continue
            finding = _source_never_named(article_id, sources, collation, corpus)
            if finding is not None:
                found.setdefault(article_id, []).append(finding)
    for article_id, prov in provenance.items():
        if article_id in reference_ids or prov.origin_article is None:
            continue
        authors = list(corpus.authors(prov.origin_article))
        if prov.origin_article in cited_originals:
            # the story's cited original is the text of the outlet its witnesses credit
            authors += [o for o, _, _ in story_sources.get(prov.origin_article, [])]
        finding = _uncredited_copy(prov, authors, corpus)
        if finding is not None:
            found.setdefault(article_id, []).append(finding)
    return found


class _Votes:
    """Which independent witness groups of a story credit which outlet, read once."""

    def __init__(self, collation: Collation, corpus: _Corpus) -> None:
        self.groups = collation.groups
        self.corpus = corpus
        self.members: dict[int, list[str]] = {}
        for a, g in self.groups.items():
            self.members.setdefault(g, []).append(a)
        self.crediting: dict[str, set[int]] = {}
        self.outlets: dict[str, Outlet] = {}
        for g, ids in self.members.items():
            for a in ids:
                for o in corpus.credited_outlets(a):
                    self.crediting.setdefault(o.key, set()).add(g)
                    self.outlets.setdefault(o.key, o)
        # groups holding the outlet's own text (a paste of its report): they cannot
        # credit it, and do not vote on it
        self.own_text = {key: {g for g, ids in self.members.items() if g not in groups
                               and any(written_by(corpus.facts[a], self.outlets[key])
                                       for a in ids)}
                         for key, groups in self.crediting.items()
                         if len(groups) >= SOURCE_WITNESSES_MIN}

    def sources_for(self, article_id: str) -> list[tuple[Outlet, int, int]]:
        """(outlet, groups crediting it, groups that could) for the outlets most
        independent witnesses of the article's story credit, its own group left out."""
        own = self.groups.get(article_id)
        sources = []
        for key, own_text in self.own_text.items():
            crediting = self.crediting[key] - {own}
            voters = set(self.members) - {own} - own_text
            if len(crediting) >= SOURCE_WITNESSES_MIN and \
                    len(crediting) >= SOURCE_SHARE * len(voters):
                sources.append((self.outlets[key], len(crediting), len(voters)))
        return sorted(sources, key=lambda s: (-s[1], s[0].key))


def _source_never_named(article_id: str, sources: list[tuple[Outlet, int, int]],
                        collation: Collation, corpus: _Corpus) -> Finding | None:
    f = corpus.facts[article_id]
    missing = [(o, n, m) for o, n, m in sources
               if not names(f, o) and not written_by(f, o)]
    if not missing:
        return None
    stated = sum(1 for claim in collation.claims if claim.reading_of(article_id))
    if stated < CLAIMS_MIN:
        return None  # a mention or an excerpt of the story: nothing to credit it in
    target, n, m = missing[0]
    credits = corpus.credits(article_id)
    unnamed = [a for a in f.attributions if a.kind == "unnamed" and not a.negated]
    if credits:
        instead = f"it credits {_names_list([a.source for a in credits])}"
    elif unnamed:
        instead = f"it says only “{_quote(f, unnamed[0])}”"
    else:
        instead = "it credits no source"
    shown = credits + unnamed
    message = (f"the story's source is never named: {n} of {m} independent witnesses of "
               f"the story credit {target.name}; this article never names it ({instead})")
    return _finding(message, shown, change="source_never_named", source=target.name,
                    source_key=target.key, witnesses_crediting=n, witnesses=m,
                    claims_stated=stated,
                    credits=[a.source for a in credits],
                    unnamed=[_quote(f, a) for a in unnamed])


def _uncredited_copy(prov: ArticleProvenance, authors: list[Outlet], corpus: _Corpus
                     ) -> Finding | None:
    parent_id = prov.origin_article
    assert parent_id is not None
    edge = next((e for e in prov.derived_from if e.source == parent_id and not e.external),
                None)
    if edge is None:
        return None
    kind = edge.evidence.get("reason")
    direction = str(edge.evidence.get("direction", ""))
    if kind not in ("copy", "translation") or not direction or direction.startswith("assumed"):
        return None  # which text renders which is not known: perhaps both render a third
    f, parent = corpus.facts[prov.article_id], corpus.facts[parent_id]
    publisher = corpus.own_outlet(parent_id)
    if publisher is None:
        return None  # nothing to look for: whether it credits the source cannot be told
    mine = corpus.own_outlet(prov.article_id)
    if mine is not None and (mine.key == publisher.key or f.own_names & parent.own_names):
        return None  # one outlet's two pages
    if names(f, publisher) or f.names_outlet(parent.own_names):
        return None
    if any(names(f, a) for a in authors):
        return None  # it credits the text's author
    credits = corpus.credits(prov.article_id)
    if kind == "translation":
        upstream = {source_key(a) for a in corpus.credits(parent_id)}
        if any(source_key(a) in upstream for a in credits):
            return None  # it may translate the source both credit
    verb = "copies" if kind == "copy" else "translates"
    author = [a for a in authors if a.key != publisher.key]
    instead = (f"it credits {_names_list([a.source for a in credits])}" if credits
               else "it credits no source")
    how = f"{_how_much(edge.evidence, f, parent)}; derivation: {direction}"
    if author:
        credited_to = _names_list([a.name for a in author])
        message = (f"uncredited {kind}: this article {verb} {publisher.name}'s article, which "
                   f"credits its text to {credited_to} ({how}), and names neither "
                   f"{_names_list([publisher.name, credited_to], 'nor')} ({instead})")
    else:
        message = (f"uncredited {kind}: this article {verb} {publisher.name}'s article "
                   f"({how}) without naming {publisher.name} ({instead})")
    return _finding(message, credits, change="copy_uncredited", copies=parent_id,
                    copied_outlet=publisher.name, copied_site=_host(parent.article),
                    text_credited_to=[a.name for a in author], rendering=kind,
                    derivation={k: v for k, v in edge.evidence.items()},
                    credits=[a.source for a in credits])


def _how_much(evidence: Mapping[str, object], f: ArticleFacts, parent: ArticleFacts) -> str:
    mine, theirs = len(f.article.sentences), len(parent.article.sentences)
    shared = evidence.get("shared_sentences")
    if isinstance(shared, int) and mine and theirs:
        alike = "word for word" if evidence.get("reuse") == "copy" else "rendered"
        return (f"{shared} of its {mine} sentences {alike}, "
                f"{shared / theirs:.0%} of that article")
    share, covered = evidence.get("aligned_share"), evidence.get("source_share")
    if isinstance(share, float) and isinstance(covered, float):
        return f"{share:.0%} of its sentences render {covered:.0%} of that article"
    return "derivation's edge"


def _finding(message: str, shown: Sequence[Attribution], **evidence: object) -> Finding:
    """An article-level attribution finding on the sentences that show whom the article
    credits instead (none: the article as a whole)."""
    spans: list[SentenceSpan] = sorted({(a.sentence, a.start, a.end) for a in shown})
    return Finding(kind="attribution", severity="minor", src=(),
                   tgt=tuple(sorted({a.sentence for a in shown})),
                   message=" ".join(message.split()), tgt_spans=spans,
                   evidence=dict(evidence), detector=DETECTOR)


def _quote(f: ArticleFacts, a: Attribution) -> str:
    sentences = f.article.sentences
    if 0 <= a.sentence < len(sentences):
        text = sentences[a.sentence].text[a.start:a.end].strip()
        if text:
            return text
    return a.source


def _names_list(items: Sequence[str], last: str = "and") -> str:
    items = list(dict.fromkeys(items))
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + f" {last} {items[-1]}"


__all__ = ["CLAIMS_MIN", "SOURCE_SHARE", "SOURCE_WITNESSES_MIN", "Outlet", "credit_findings",
           "names", "outlet", "written_by"]
