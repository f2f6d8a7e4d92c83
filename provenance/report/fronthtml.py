"""The front page of the HTML report: each story, its reference and why, who relayed
whom as a tree, and the most serious findings, linked to their place below.

The tree is nested lists, not a drawing: labels never overlap, long ones wrap or clip
with the full text on hover, and a node's children past the first few fold behind a
"+N more" ``<details>`` (no script), so 200 articles read as well as five. All text
from articles goes through :func:`html.escape`.
"""

from __future__ import annotations

from html import escape
from typing import TextIO

from provenance.drift.kinds import kind_symbol, severity_level, worst_first
from provenance.lang import base
from provenance.report.contents import ArticleEntry, anchor
from provenance.report.frontpage import (
    SIBLINGS_SHOWN,
    STORIES_SHOWN,
    FrontPage,
    RelayNode,
    StoryFront,
    TopFinding,
    origin_phrase,
)

#: characters of a label before it is clipped (the whole label is in its title)
LABEL_CHARS = 70

FRONT_CSS = """
.lede { font-size: 1.05rem; margin: .2rem 0 1rem; }
section.story { border: 1px solid var(--rule); border-radius: 6px; padding: .6rem 1rem .8rem;
  margin: 1rem 0; }
section.story h2 { margin: .2rem 0 .3rem; border: 0; font-size: 1.25rem; }
section.story h3 { margin: .8rem 0 .2rem; font-size: 1rem; }
.facts, .why { margin: .2rem 0; } .why .runner { color: var(--muted); }
ul.tree, ul.tree ul { list-style: none; margin: 0; padding-left: 1.3rem; }
ul.tree { padding-left: 0; }
ul.tree ul { border-left: 1px solid #bbb; margin-left: .45rem; padding-left: .9rem; }
ul.tree li { margin: .12rem 0; }
ul.tree li > .node { display: inline-block; max-width: 100%; white-space: nowrap;
  overflow: hidden; text-overflow: ellipsis; vertical-align: top; }
ul.tree ul > li > .node::before { content: "└ "; color: #999; }
.lang { display: inline-block; min-width: 2.2em; font: 600 .75rem ui-monospace, monospace;
  text-align: center; border-radius: 3px; background: #eef; color: #223; padding: 0 .25em;
  margin-right: .3em; }
.ext { font-style: italic; } .how { color: var(--muted); }
.ref-badge { font-size: .72rem; font-weight: 700; color: #fff; background: #1b1b1b;
  border-radius: 3px; padding: 0 .35em; margin-left: .3em; }
.counts { margin-left: .4em; font-variant-numeric: tabular-nums; }
.counts span { margin-right: .35em; font-weight: 600; }
details.more > summary { cursor: pointer; color: #0050a0; list-style: none; }
details.more > summary::-webkit-details-marker { display: none; }
ol.top { padding-left: 2.2rem; margin: .3rem 0; }
ol.top li { white-space: nowrap; overflow: hidden; text-overflow: ellipsis; margin: .12rem 0; }
ol.top .who { font-weight: 600; }
@media print { ul.tree li > .node, ol.top li { white-space: normal; } }
"""


def write_front_page(front: FrontPage, totals: dict, out: TextIO) -> None:
    """The stories (the first few in full, the others folded), then the top findings."""
    out.write('<section id="front">\n')
    out.write(f'<p class="lede">{escape(front.lede(totals))}</p>\n')
    for story in front.stories[:STORIES_SHOWN]:
        _story(story, out)
    rest = front.stories[STORIES_SHOWN:]
    if rest:
        out.write(f'<details class="more"><summary>+{len(rest)} more '
                  f"{'story' if len(rest) == 1 else 'stories'} "
                  f"({sum(len(s.entries) for s in rest)} articles)</summary>\n")
        for story in rest:
            _story(story, out)
        out.write("</details>\n")
    _top(front, out)
    out.write("</section>\n")


def _story(story: StoryFront, out: TextIO) -> None:
    out.write(f'<section class="story" id="story-{story.number}">\n<h2>Story {story.number}: '
              f"{escape(story.headline)}</h2>\n")
    out.write(f'<p class="facts">{escape(story.facts_line)}</p>\n')
    _why(story, out)
    if story.tree:
        out.write("<h3>Who relayed whom</h3>\n<ul class=\"tree\">\n")
        _nodes(story.tree, out)
        out.write("</ul>\n")
    out.write("</section>\n")


def _why(story: StoryFront, out: TextIO) -> None:
    reference = story.reference
    if reference is None:
        out.write('<p class="why">No reference: nothing in this story was compared.</p>\n')
        return
    out.write(f'<p class="why"><strong>{story.role}:</strong> '
              f'<a href="#{anchor(reference.article.id)}">{escape(reference.article.label)}</a>'
              f"{escape(story.why)}")
    if story.runner_up:
        out.write(f' <span class="runner">{escape(story.runner_up)}</span>')
    out.write("</p>\n")


def _nodes(nodes: list[RelayNode], out: TextIO) -> None:
    for node in nodes[:SIBLINGS_SHOWN]:
        _node(node, out)
    rest = nodes[SIBLINGS_SHOWN:]
    if rest:
        articles = sum(n.size for n in rest)
        out.write(f'<li><details class="more"><summary>+{len(rest)} more '
                  f"({articles} article{'s' if articles != 1 else ''})</summary><ul>\n")
        for node in rest:
            _node(node, out)
        out.write("</ul></details></li>\n")


def _node(node: RelayNode, out: TextIO) -> None:
    out.write(f'<li><span class="node"{_title(node)}>{node_html(node)}</span>')
    if node.children:
        out.write("\n<ul>\n")
        _nodes(node.children, out)
        out.write("</ul>\n")
    out.write("</li>\n")


def _title(node: RelayNode) -> str:
    parts = [node.entry.article.label if node.entry else node.name]
    if node.score is not None:
        parts.append(f"link to the source above: {node.score:.2f}")
    return f' title="{escape(" · ".join(parts))}"'


def node_html(node: RelayNode) -> str:
    """One tree line: language, name, how it came to be, its findings."""
    if node.entry is None:
        return (f'<span class="ext">{escape(_clip(node.name))}</span>'
                ' <span class="how">(not in the corpus)</span>')
    e = node.entry
    a = e.article
    html = (f'<span class="lang">{escape(base(a.lang))}</span>'
            f'<a href="#{anchor(a.id)}">{escape(_clip(a.label))}</a>')
    if node.elsewhere:
        return html + ' <span class="how">(another story)</span>'
    if e.is_reference and not e.pair:
        html += '<span class="ref-badge">reference</span>'
    html += f' <span class="how">{escape(origin_phrase(e))}</span>'
    if e.pair:
        html += _counts(e)
    return html


def _counts(e: ArticleEntry) -> str:
    marks = "".join(f'<span class="sev-{level.name}">{escape(level.mark)}{n} {level.name}</span>'
                    for level, n in worst_first(e.count_by_severity()))
    return f'<span class="counts">{marks or "no drift"}</span>'


def _top(front: FrontPage, out: TextIO) -> None:
    out.write('<section id="top-findings">\n<h2>Most serious findings</h2>\n')
    if not front.top:
        out.write('<p class="note">No drift at or above the minimum severity.</p>\n'
                  "</section>\n")
        return
    out.write('<ol class="top">\n')
    for top in front.shown:
        out.write(top_line(top))
    out.write("</ol>\n")
    if front.folded:
        out.write(f'<details class="more"><summary>+{len(front.folded)} more critical or '
                  'major</summary>\n<ol class="top" start="'
                  f'{len(front.shown) + 1}">\n')
        for top in front.folded:
            out.write(top_line(top))
        out.write("</ol></details>\n")
    if front.hidden:
        out.write(f'<p class="note">{front.hidden} more critical or major finding(s) are '
                  "in the article sections.</p>\n")
    out.write("</section>\n")


def top_line(top: TopFinding) -> str:
    f, entry = top.finding.finding, top.entry
    level = severity_level(f.severity)
    aid = anchor(entry.article.id)
    return (f'<li title="{escape(f.message)}"><a href="#{aid}-f{top.finding.number}">'
            f'<span class="sev sev-{level.name}">{escape(level.mark)} {level.name}</span></a> '
            f"<strong>{escape(kind_symbol(f.kind))} {escape(f.kind)}</strong> · "
            f'<span class="who">{escape(_clip(entry.article.label, 40))}</span> '
            f'<span class="lang">{escape(base(entry.article.lang))}</span>'
            f"{escape(f.message)}</li>\n")


def _clip(text: str, limit: int = LABEL_CHARS) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
