"""The front page of the Markdown report: the HTML front page as text.

Each story with its reference and why, who relayed whom as a nested list (a node's
children past the first few summed up in one "+N more" line), then the most serious
findings, one line each, pointing at their article and number below. Stories past the
first few take one line each.
"""

from __future__ import annotations

from typing import TextIO

from provenance.drift.kinds import kind_symbol, severity_level, worst_first
from provenance.lang import base
from provenance.report.contents import ArticleEntry
from provenance.report.frontpage import (
    SIBLINGS_SHOWN,
    STORIES_SHOWN,
    FrontPage,
    RelayNode,
    StoryFront,
    TopFinding,
    origin_phrase,
)
from provenance.report.mdtext import clip, md

#: characters of a finding's message on the front page (the whole one is below)
MESSAGE_CHARS = 110


def write_front_page(front: FrontPage, totals: dict, out: TextIO) -> None:
    out.write(f"{md(front.lede(totals))}\n\n")
    for story in front.stories[:STORIES_SHOWN]:
        _story(story, out)
    rest = front.stories[STORIES_SHOWN:]
    if rest:
        out.write(f"## {len(rest)} more {'story' if len(rest) == 1 else 'stories'}\n\n")
        for story in rest:
            out.write(f"- Story {story.number}: {md(clip(story.headline, 90))} · "
                      f"{_facts(story)} · {_reference_short(story)}\n")
        out.write("\n")
    _top(front, out)


def _facts(story: StoryFront) -> str:
    return md(story.facts_line)


def _reference_short(story: StoryFront) -> str:
    reference = story.reference
    if reference is None:
        return "nothing compared"
    how = f" ({md(story.choice.how)})" if story.choice else ""
    return f"reference {md(reference.article.label)}{how}"


def _story(story: StoryFront, out: TextIO) -> None:
    out.write(f"## Story {story.number}: {md(story.headline)}\n\n{_facts(story)}\n\n")
    reference = story.reference
    if reference is None:
        out.write("No reference: nothing in this story was compared.\n\n")
    else:
        runner = f" {md(story.runner_up)}" if story.runner_up else ""
        out.write(f"**{story.role}:** {md(reference.article.label)}{md(story.why)}{runner}\n\n")
    if story.tree:
        out.write("Who relayed whom:\n\n")
        _nodes(story.tree, 0, out)
        out.write("\n")


def _nodes(nodes: list[RelayNode], depth: int, out: TextIO) -> None:
    indent = "  " * depth
    for node in nodes[:SIBLINGS_SHOWN]:
        out.write(f"{indent}- {node_text(node)}\n")
        _nodes(node.children, depth + 1, out)
    rest = nodes[SIBLINGS_SHOWN:]
    if rest:
        articles = sum(n.size for n in rest)
        out.write(f"{indent}- +{len(rest)} more ({articles} article"
                  f"{'s' if articles != 1 else ''}; all are in the table of articles)\n")


def node_text(node: RelayNode) -> str:
    if node.entry is None:
        return f"*{md(node.name)}* (not in the corpus)"
    e = node.entry
    text = f"`{base(e.article.lang)}` {md(e.article.label)}"
    if node.elsewhere:
        return text + " (another story)"
    if e.is_reference and not e.pair:
        text += " **reference**"
    text += f" · {md(origin_phrase(e))}"
    if e.pair:
        text += " · " + counts_text(e)
    return text


def counts_text(e: ArticleEntry) -> str:
    return " ".join(f"{md(level.mark)}{n} {level.name}"
                    for level, n in worst_first(e.count_by_severity())) or "no drift"


def _top(front: FrontPage, out: TextIO) -> None:
    out.write("## Most serious findings\n\n")
    if not front.top:
        out.write("No drift at or above the minimum severity.\n\n")
        return
    for n, top in enumerate([*front.shown, *front.folded], 1):
        out.write(f"{n}. {top_line(top)}\n")
    if front.hidden:
        out.write(f"\n{front.hidden} more critical or major finding(s) are in the article "
                  "sections.\n")
    out.write("\n")


def top_line(top: TopFinding) -> str:
    f = top.finding.finding
    level = severity_level(f.severity)
    return (f"**{md(level.mark)} {level.name}** {md(kind_symbol(f.kind))} {f.kind} · "
            f"{md(clip(top.entry.article.label, 50))} #{top.finding.number}: "
            f"{md(clip(f.message, MESSAGE_CHARS))}")
