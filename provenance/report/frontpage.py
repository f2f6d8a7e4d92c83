"""The front page of a report: what a reader asks first, in the order they ask it.

1. What story? (each story's headline, size and languages)
2. Compared with which original, or which reference and why (the reasons and the
   runner-up of :class:`provenance.model.ReferenceChoice`)?
3. Who relayed whom: a layered tree from the original (or the outlet every relay cites)
   through intermediaries to the relays, each line saying the relay's language, how it
   came to be (translation, re-report) and from what.
4. The findings that matter most: critical, then major, one line each.

HTML and Markdown write the same :class:`FrontPage`. A tree of 200 articles stays
readable because the writers show the first :data:`SIBLINGS_SHOWN` children of a node
and fold the rest behind a "+N more" line; this module only orders them (most drifted
first, so the folded ones are the quiet ones).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from provenance.drift.kinds import count_severities, severity_rank, worst_first
from provenance.graph import TreeNode, provenance_forest
from provenance.lang import base
from provenance.model import ReferenceChoice
from provenance.report.contents import ArticleEntry, NumberedFinding, ReportContents

__all__ = ["FrontPage", "RelayNode", "StoryFront", "TopFinding", "front_page", "origin_phrase",
           "SIBLINGS_SHOWN", "STORIES_SHOWN", "TOP_SHOWN"]

#: children of a tree node shown before "+N more"
SIBLINGS_SHOWN = 6
#: stories shown in full before the others fold away
STORIES_SHOWN = 3
#: findings listed on the front page before the rest fold away
TOP_SHOWN = 8
#: findings behind the fold at most (a 10,000-article report must stay small)
TOP_FOLDED = 200
#: characters of a first sentence standing in for a missing title
HEADLINE_CHARS = 100


@dataclass
class RelayNode:
    """One line of the relay tree: an article of the corpus, or an outlet outside it."""

    name: str  # the article id, or the external source's name
    entry: ArticleEntry | None  # None: a source the corpus does not hold
    score: float | None  # how sure the link to the parent is
    children: list[RelayNode] = field(default_factory=list)
    elsewhere: bool = False  # an article of another story that this story's relays cite

    @property
    def size(self) -> int:
        """Articles in this subtree (an external source counts none)."""
        return (self.entry is not None and not self.elsewhere) + sum(c.size for c in self.children)


@dataclass
class StoryFront:
    number: int  # the analysis's story index + 1 (0: articles with no provenance)
    entries: list[ArticleEntry]
    choice: ReferenceChoice | None
    tree: list[RelayNode]

    @property
    def reference(self) -> ArticleEntry | None:
        wanted = self.choice.article_id if self.choice else None
        return next((e for e in self.entries if e.article.id == wanted), None) or next(
            (e for e in self.entries if e.is_reference), None)

    @property
    def headline(self) -> str:
        """The story as its reference names it (its title, else its first sentence, which
        scraped articles start with the headline), else the first titled article."""
        ordered = ([self.reference] if self.reference else []) + self.entries
        if not ordered:
            return ""
        lead = ordered[0].article
        if lead.title:
            return lead.title
        if lead.sentences:
            return _clip(lead.sentences[0].text, HEADLINE_CHARS)
        return next((e.article.title for e in ordered if e.article.title), lead.label)

    @property
    def facts_line(self) -> str:
        """``5 article(s) in en 3, zh 2 · findings: 2 major, 41 minor`` (plain text)."""
        langs = ", ".join(f"{lang} {n}" for lang, n in self.languages())
        found = ", ".join(f"{n} {level.name}"
                          for level, n in worst_first(self.findings_by_severity()))
        return f"{len(self.entries)} article(s) in {langs} · findings: {found or 'none'}"

    @property
    def role(self) -> str:
        """"Original" when the cited original is in the corpus, else "Reference"."""
        return ("Original" if self.choice is not None and self.choice.how == "cited original"
                else "Reference")

    @property
    def why(self) -> str:
        """How the reference was chosen and why, as one sentence (empty when unknown)."""
        choice = self.choice
        if choice is None:
            return ""
        reasons = f": {'; '.join(choice.reasons)}" if choice.reasons else ""
        return f" — {choice.how}{reasons}."

    @property
    def runner_up(self) -> str:
        """The runner-up and why it came second, as one sentence (empty when none)."""
        choice = self.choice
        if choice is None or not choice.runner_up:
            return ""
        label = next((e.article.label for e in self.entries
                      if e.article.id == choice.runner_up), choice.runner_up)
        reasons = (f" ({'; '.join(choice.runner_up_reasons)})"
                   if choice.runner_up_reasons else "")
        return f"Runner-up: {label}{reasons}."

    def languages(self) -> list[tuple[str, int]]:
        """(language, articles) most common first: written in, not translated from."""
        return Counter(base(e.article.lang) for e in self.entries).most_common()

    def findings_by_severity(self) -> dict[str, int]:
        return count_severities(nf.finding.severity for e in self.entries
                                for nf in e.findings)


@dataclass
class TopFinding:
    entry: ArticleEntry
    finding: NumberedFinding


@dataclass
class FrontPage:
    stories: list[StoryFront]
    top: list[TopFinding]  # every finding worth the front page, most severe first
    languages: list[tuple[str, int]]

    @property
    def shown(self) -> list[TopFinding]:
        return self.top[:TOP_SHOWN]

    @property
    def folded(self) -> list[TopFinding]:
        """Critical and major findings past the first few (minor ones never fold in)."""
        return [t for t in self.top[TOP_SHOWN:TOP_SHOWN + TOP_FOLDED]
                if severity_rank(t.finding.finding.severity) >= severity_rank("major")]

    @property
    def hidden(self) -> int:
        """Critical and major findings neither shown nor folded (past the fold's cap)."""
        serious = sum(severity_rank(t.finding.finding.severity) >= severity_rank("major")
                      for t in self.top)
        return max(0, serious - len(self.shown) - len(self.folded))

    def lede(self, totals: dict) -> str:
        """The corpus in one sentence: articles, stories, languages, findings by severity
        (plain text; each writer escapes it)."""
        langs = ", ".join(f"{lang} {n}" for lang, n in self.languages)
        counts = ", ".join(f"{n} {level.name}"
                           for level, n in worst_first(totals["by_severity"], keep_zero=True))
        stories = len(self.stories)
        return (f"{totals['articles']} article(s) in {stories} "
                f"{'story' if stories == 1 else 'stories'} ({langs}); {totals['pairs']} "
                f"compared with a reference; findings: {counts}.")


def origin_phrase(e: ArticleEntry) -> str:
    """``translation from ko of 003_…``, ``re-report``, ``original``: how the article came
    to be, with the language it came from when that is not its own."""
    phrase = e.origin
    prov = e.provenance
    if prov and prov.origin_language and base(prov.origin_language) != base(e.article.lang):
        phrase += f" from {base(prov.origin_language)}"
    if prov and prov.origin_article:
        phrase += f" of {prov.origin_article}"
    return phrase


def front_page(contents: ReportContents) -> FrontPage:
    entries = {e.article.id: e for e in contents.entries}
    forest = [_node(t, entries) for t in provenance_forest(contents.analysis)]
    choices = {c.story: c for c in contents.analysis.references}
    by_story: dict[int, list[ArticleEntry]] = {}
    for e in contents.entries:
        by_story.setdefault(e.provenance.story if e.provenance else -1, []).append(e)
    stories = []
    for story, members in sorted(by_story.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        ids = {e.article.id for e in members}
        tree = [n for n in (_within(t, ids) for t in forest) if n is not None]
        # numbered as the analysis numbers stories (the claims and the TUI say "story 2")
        stories.append(StoryFront(story + 1, members, choices.get(story), tree))
    languages = Counter(base(e.article.lang) for e in contents.entries).most_common()
    return FrontPage(stories, _top_findings(contents), languages)


def _node(tree: TreeNode, entries: dict[str, ArticleEntry]) -> RelayNode:
    return RelayNode(tree.name, None if tree.external else entries.get(tree.name), tree.score,
                     [_node(c, entries) for c in tree.children])


def _within(node: RelayNode, ids: set[str]) -> RelayNode | None:
    """``node`` pruned to the articles of one story (None when it holds none of them);
    children most drifted first, then biggest subtree, then by name."""
    children = [c for c in (_within(c, ids) for c in node.children) if c is not None]
    if node.entry is not None and node.name not in ids and not children:
        return None
    if node.entry is None and not children:
        return None
    # the reference first (the others are read against it), then the most drifted
    children.sort(key=lambda c: (not (c.entry and c.entry.is_reference and not c.entry.pair),
                                 -(c.entry.drift_score if c.entry else 0), -c.size, c.name))
    return RelayNode(node.name, node.entry, node.score, children,
                     elsewhere=node.entry is not None and node.name not in ids)


def _top_findings(contents: ReportContents) -> list[TopFinding]:
    """Every finding, most severe first, then by the article's drift, then reading order."""
    found = [TopFinding(e, nf) for e in contents.entries for nf in e.findings]
    found.sort(key=lambda t: (-severity_rank(t.finding.finding.severity),
                              -t.entry.drift_score, t.entry.article.id, t.finding.number))
    return found


def _clip(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
