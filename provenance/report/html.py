"""The HTML report: one self-contained page (inline CSS and SVG, no script, no network).

Sections: the front page (each story, its reference and why, who relayed whom as a
tree, the most serious findings: :mod:`provenance.report.fronthtml`), the table of
articles, the drift chart, the claims, then every article with its sentences aligned
side by side against its reference, drifted spans highlighted (colour *and* a symbol, so
it reads printed in black and white), foreign sentences with their English rendering
under them and the words matched across marked on both sides, and each finding
explained. Settings and signature close the page. All text from articles goes through
:func:`html.escape`, so a hostile article cannot inject markup or script.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from html import escape
from typing import TextIO

from provenance import __version__
from provenance.drift.kinds import (
    KINDS,
    OTHER_KIND,
    SEVERITY_LEVELS,
    kind_colour,
    kind_symbol,
    sentence_numbers,
    weights_text,
)
from provenance.lang import support_notice
from provenance.model import Sentence
from provenance.report.claimshtml import write_claims
from provenance.report.contents import (
    ArticleEntry,
    NumberedFinding,
    PairReport,
    ReportContents,
    anchor,
    highlight_segments,
    sentence_marks,
)
from provenance.report.english import RowWords, SideLink, WordMatcher
from provenance.report.fronthtml import FRONT_CSS, write_front_page
from provenance.report.frontpage import front_page, origin_phrase
from provenance.report.rows import AlignedRow
from provenance.report.svg import drift_chart_svg

# The severity colours come from the drift vocabulary, at their place in the sheet.
_CSS = ("""
:root { --ink: #1b1b1b; --muted: #5b5b5b; --rule: #d0d0d0; }
* { box-sizing: border-box; }
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", "Noto Sans", "Noto Sans CJK SC",
       sans-serif; color: var(--ink); margin: 0 auto; max-width: 1200px; padding: 1.5rem; }
h1 { font-size: 1.6rem; margin: 0 0 .5rem; } h2 { margin-top: 2.2rem; border-bottom: 2px solid
  var(--ink); } h3 { margin: 1.6rem 0 .3rem; }
code, .sig { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace;
  font-size: .85em; word-break: break-all; }
dl.settings { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; }
dl.settings dt { font-weight: 600; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0; }
th, td { border: 1px solid var(--rule); padding: .3rem .45rem; vertical-align: top;
  text-align: left; overflow-wrap: anywhere; }
th { background: #f4f4f4; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
table.aligned { table-layout: fixed; }
table.articles td:nth-child(2), table.articles td:nth-child(3),
table.articles td:nth-child(7), table.articles td:nth-child(8) { white-space: nowrap; }
table.aligned col.idx { width: 3.2rem; } table.aligned col.marks { width: 6rem; }
td.gap { color: var(--muted); font-style: italic; background: repeating-linear-gradient(
  45deg, #fafafa, #fafafa 6px, #f0f0f0 6px, #f0f0f0 12px); }
tr.drift td { border-left-width: 3px; }
mark { padding: 0 .1em; border-bottom: 2px solid currentColor; color: inherit; }
mark .sym { font-weight: 700; margin-right: .1em; }
mark sup a, .refs a { text-decoration: none; }
.sev { display: inline-block; min-width: 4.8em; font-size: .75rem; font-weight: 700;
  text-transform: uppercase; border: 1px solid currentColor; border-radius: 3px;
  padding: 0 .3em; text-align: center; }
/*severity colours*/
ol.findings li { margin: .35rem 0; }
.where, .evidence, .note, .meta { color: var(--muted); font-size: .9em; }
ul.legend { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: .3rem 1rem; }
.swatch { display: inline-block; width: .9em; height: .9em; vertical-align: -.1em;
  margin-right: .25em; border: 1px solid #333; }
svg text { font: 12px system-ui, sans-serif; fill: #1b1b1b; }
svg .node-title { font-weight: 600; } svg .note { fill: #5b5b5b; }
svg .bar-symbol { fill: #fff; font-weight: 700; }
.figure { overflow-x: auto; }
nav ol { display: flex; flex-wrap: wrap; gap: .2rem 1.6rem; list-style: none; padding: 0;
  margin: .3rem 0 0; }
div.en { color: #3a3a3a; font-size: .88em; margin-top: .25rem; padding-left: .5rem;
  border-left: 3px solid #c9d6ea; }
div.en .via { font: 600 .7rem ui-monospace, monospace; color: var(--muted);
  margin-right: .35em; text-transform: uppercase; }
span.w { text-decoration: underline dotted #4f7aa6; text-decoration-thickness: 2px;
  text-underline-offset: 3px; }
span.w::after { content: attr(data-n); font-size: .62em; color: #4f7aa6;
  vertical-align: sub; margin-left: .05em; }
.settings-footer { margin-top: 2.5rem; border-top: 1px solid var(--rule); }
@media print {
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  nav, .screen-only { display: none; }
  a { color: inherit; text-decoration: none; }
  mark { background: none !important; border-bottom: 1.5px solid #000; }
  tr, li, svg { break-inside: avoid; }
  thead { display: table-header-group; }
  h2, h3 { break-after: avoid; }
  .figure { overflow: visible; }
  @page { margin: 1.4cm; }
}
""" + FRONT_CSS).replace("/*severity colours*/", " ".join(f".sev-{s.name} {{ color: {s.colour}; }}"
                                              for s in SEVERITY_LEVELS.values()))


def _kind_css() -> str:
    # Light tint of the kind colour behind the highlighted span; the border keeps the hue.
    rules = [f"mark.kind-{k.name} {{ background: {k.colour}33; border-color: {k.colour}; }}"
             for k in KINDS.values()]
    other = OTHER_KIND.colour
    rules.append(f"mark.kind-other {{ background: {other}22; border-color: {_short(other)}; }}")
    return "\n".join(rules)


def _short(colour: str) -> str:
    """``#444444`` as ``#444`` (CSS shorthand) when its digits pair up, else unchanged."""
    return "#" + colour[1::2] if len(colour) == 7 and colour[1::2] == colour[2::2] else colour


def _kind_class(kind: str) -> str:
    return f"kind-{kind}" if kind in KINDS else "kind-other"


def write_html(contents: ReportContents, out: TextIO) -> None:
    """Write the report as one HTML5 page to ``out``."""
    analysis = contents.analysis
    totals = contents.totals()
    title = "Translation provenance and drift report"
    out.write(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<meta name="generator" content="provenance {escape(__version__)}">\n'
        f'<meta name="provenance-signature" content="{escape(contents.signature)}">\n'
        f"<title>{title}</title>\n<style>{_CSS}\n{_kind_css()}</style>\n</head>\n<body>\n"
    )
    out.write(f"<header>\n<h1>{title}</h1>\n")
    out.write('<nav class="screen-only"><ol><li><a href="#top-findings">Most serious '
              'findings</a></li><li><a href="#articles">Articles</a></li>'
              '<li><a href="#drift-by-kind">Drift by kind</a></li>'
              + ('<li><a href="#claims">The reference and the claims</a></li>'
                 if contents.claims else "")
              + '<li><a href="#comparisons">Sentence by sentence</a></li>'
              '<li><a href="#settings">Settings</a></li></ol></nav>\n</header>\n')
    write_front_page(front_page(contents), totals, out)
    _articles_table(contents, out)
    _chart(contents, out)
    if contents.claims:
        write_claims(contents.claims, out)

    words = WordMatcher(analysis, contents.glossary)
    out.write('<section id="comparisons">\n<h2>Sentence by sentence</h2>\n')
    for entry in contents.entries:
        _article_section(entry, words, out)
    out.write("</section>\n")
    _settings(contents, totals, words, out)
    out.write("</body>\n</html>\n")


def _settings(contents: ReportContents, totals: dict, words: WordMatcher, out: TextIO) -> None:
    """What produced the page, last: the findings are what a reader came for."""
    analysis = contents.analysis
    out.write('<footer class="settings-footer" id="settings">\n<h2>Settings</h2>\n'
              '<dl class="settings">\n')
    settings = [
        ("Articles", f"{totals['articles']} ({totals['pairs']} compared with a reference)"),
        ("Findings shown", _totals_line(totals)),
        ("Minimum severity", contents.min_severity),
        ("Weights", weights_text()),
        ("Reference", analysis.reference_id or "none"),
        ("Root sources", ", ".join(analysis.roots) or "none named"),
    ]
    if analysis.issues:
        skipped = sum(i.skipped for i in analysis.issues)
        settings.append(("Input files", f"{skipped} left out, {len(analysis.issues) - skipped} "
                                        "repaired: " + "; ".join(map(str, analysis.issues))))
    if words.skipped:
        settings.append(("Matched words", f"shown on the first {words.explained} foreign "
                                          f"rows; {words.skipped} more rows show the "
                                          "English rendering only"))
    for name, value in settings:
        out.write(f"<dt>{name}</dt><dd>{escape(str(value))}</dd>\n")
    out.write(f'<dt>Signature</dt><dd><code class="sig">{escape(contents.signature)}</code>'
              f"</dd>\n<dt>Generator</dt><dd>provenance {escape(__version__)}</dd>\n</dl>\n"
              "</footer>\n")


def _totals_line(totals: dict) -> str:
    sev = totals["by_severity"]
    return (f"{totals['findings']} (critical {sev['critical']}, major {sev['major']}, "
            f"minor {sev['minor']}); drift score {totals['drift_score']}")


def _articles_table(contents: ReportContents, out: TextIO) -> None:
    out.write('<section id="articles">\n<h2>Articles</h2>\n<table class="articles">\n<thead><tr>'
              "<th>Article</th><th>Outlet</th><th>Language</th><th>Origin</th>"
              "<th>Cited sources</th><th>Derives from</th><th>Drift score</th><th>Findings</th>"
              "</tr></thead>\n<tbody>\n")
    for e in contents.entries:
        a = e.article
        out.write(
            f'<tr data-article-id="{escape(a.id)}"><td><a href="#{anchor(a.id)}">'
            f"{escape(a.title or a.id)}</a></td><td>{escape(a.outlet or '—')}</td>"
            f"<td>{escape(a.lang)}</td><td>{escape(_origin_cell(e))}</td>"
            f"<td>{escape(_few(e.cited_sources))}</td>"
            f"<td>{escape(_few(e.derived_from))}</td>"
            f'<td class="num">{e.drift_score if e.pair else "—"}</td>'
            f'<td class="num">{len(e.findings) if e.pair else "—"}</td></tr>\n'
        )
    out.write("</tbody>\n</table>\n</section>\n")


def _few(names: list[str], shown: int = 4) -> str:
    """At most ``shown`` names, then "+N more": a cell must not outgrow its table."""
    if not names:
        return "—"
    rest = len(names) - shown
    return ", ".join(_clip(n, 48) for n in names[:shown]) + (f", +{rest} more" if rest > 0
                                                             else "")


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _origin_cell(e: ArticleEntry) -> str:
    """``translation from ko (0.98)``, then `` · reference`` for the compared-with version."""
    cell = origin_phrase(e)
    if e.provenance and e.provenance.confidence:
        cell += f" ({e.provenance.confidence:.2f})"
    return cell + (" · reference" if e.is_reference and not e.pair else "")


def _chart(contents: ReportContents, out: TextIO) -> None:
    out.write('<section id="drift-by-kind">\n<h2>Drift by kind</h2>\n<ul class="legend">')
    for kind in contents.kinds():
        out.write(f'<li><span class="swatch" style="background:{kind_colour(kind)}"></span>'
                  f"<strong>{escape(kind_symbol(kind))}</strong> {escape(kind)}</li>")
    out.write(f'</ul>\n<p class="note">Bar length is the weighted score ({weights_text()}).'
              '</p>\n<div class="figure">\n')
    out.write(drift_chart_svg(contents))
    out.write("\n</div>\n</section>\n")


def _article_section(entry: ArticleEntry, words: WordMatcher, out: TextIO) -> None:
    a, aid = entry.article, anchor(entry.article.id)
    out.write(f'<section class="article" id="{aid}" data-article-id="{escape(a.id)}">\n'
              f"<h3>{escape(a.label)}</h3>\n")
    meta = [f"id {a.id}", f"language {a.lang}", f"origin {origin_phrase(entry)}"]
    if a.published:
        meta.append(f"published {a.published}")
    if a.title and a.title != a.label:
        meta.append(f"“{a.title}”")
    out.write(f'<p class="meta">{escape(" · ".join(meta))}')
    if a.url:
        out.write(" · " + _url(a.url))
    out.write("</p>\n")
    if notice := support_notice(a.lang):
        out.write(f'<p class="support">Language support: {escape(notice)}</p>\n')
    if entry.pair is None:
        if entry.is_reference:
            out.write("<p>Reference: the relays below are compared with this article.</p>\n")
        else:
            out.write("<p>Not compared: no reference version was found for this article.</p>\n")
        out.write("</section>\n")
        return
    pair = entry.pair
    out.write(f'<p>Compared with <a href="#{anchor(pair.reference.id)}">'
              f"{escape(pair.reference.label)}</a>; drift score "
              f"<strong>{pair.drift_score}</strong>, {len(pair.findings)} finding(s) shown.</p>\n")
    _aligned_table(pair, aid, words, out)
    _findings_list(pair, aid, out)
    out.write("</section>\n")


def _url(url: str) -> str:
    # Only web links become links: a javascript: or data: URL stays inert text.
    if url.lower().startswith(("http://", "https://")):
        return f'<a href="{escape(url)}" rel="noopener noreferrer">{escape(url)}</a>'
    return escape(url)


@dataclass
class _Side:
    """What one side of the aligned table needs: language, drift marks, renderings."""

    lang: str
    marks: dict[int, list[tuple[int, int, NumberedFinding]]]
    english: dict[int, str]
    via: str  # the backend that wrote ``english``


def _aligned_table(pair: PairReport, aid: str, words: WordMatcher, out: TextIO) -> None:
    # full codes: zh-cn and zh-tw need different CJK fonts
    src = _Side(pair.reference.lang, sentence_marks(pair.findings, "src"),
                words.renderings(pair.reference), words.translator_name(pair.reference.lang))
    tgt = _Side(pair.relay.lang, sentence_marks(pair.findings, "tgt"),
                words.renderings(pair.relay), words.translator_name(pair.relay.lang))
    out.write('<table class="aligned">\n<colgroup><col class="idx"><col><col><col class="idx">'
              '<col class="marks"></colgroup>\n<thead><tr><th>#</th>'
              f"<th>Reference ({escape(pair.reference.lang)})</th>"
              f"<th>Relay ({escape(pair.relay.lang)})</th><th>#</th><th>Drift</th></tr></thead>\n"
              "<tbody>\n")
    for row, matched in _rows_with_words(pair, words):
        out.write(_row_html(row, aid, src, tgt, matched))
    out.write("</tbody>\n</table>\n")


def _rows_with_words(pair: PairReport, words: WordMatcher
                     ) -> Iterator[tuple[AlignedRow, RowWords | None]]:
    """The rows in order, with their matched words: rows carrying a finding are
    explained first, so that a spent budget leaves the quiet rows bare."""
    rows = list(pair.rows())
    src_lang, tgt_lang = pair.reference.lang, pair.relay.lang
    matched: dict[int, RowWords | None] = {}
    for n in sorted(range(len(rows)), key=lambda n: not rows[n].findings):
        matched[n] = words.row_words(rows[n], src_lang, tgt_lang)
    for n, row in enumerate(rows):
        yield row, matched[n]


_ADDED, _OMITTED = "not in the reference (addition)", "not in the relay (omission)"


def _row_html(row: AlignedRow, aid: str, src: _Side, tgt: _Side,
              matched: RowWords | None) -> str:
    cls = ' class="drift"' if row.findings else ""
    refs = " ".join(
        f'<a href="#{aid}-f{nf.number}" title="{escape(nf.finding.message)}">'
        f"{escape(kind_symbol(nf.finding.kind))}{nf.number}</a>"
        for nf in row.findings
    )
    return (
        f"<tr{cls}><td class=\"num\">{sentence_numbers(row.link.src)}</td>"
        f"{_cell(row.src, src, matched.src if matched else {}, aid, _ADDED)}"
        f"{_cell(row.tgt, tgt, matched.tgt if matched else {}, aid, _OMITTED)}"
        f'<td class="num">{sentence_numbers(row.link.tgt)}</td><td class="refs">{refs}</td></tr>\n'
    )


def _cell(sentences: list[Sentence], side: _Side, links: dict[int, list[SideLink]], aid: str,
          gap: str) -> str:
    if not sentences:
        return f'<td class="gap">— {gap} —</td>'
    text = " ".join(_sentence_html(s, side.marks.get(s.index, []), links.get(s.index, []), aid)
                    for s in sentences)
    english = " ".join(side.english[s.index] for s in sentences if side.english.get(s.index))
    if english:
        text += (f'<div class="en" lang="en"><span class="via">{escape(side.via)}</span>'
                 f"{escape(english)}</div>")
    elif side.english:  # a rendering that kept no word: say so rather than show nothing
        text += (f'<div class="en"><span class="via">{escape(side.via)}</span>'
                 "no word of this sentence is known to it</div>")
    return f'<td lang="{escape(side.lang)}">{text}</td>'


def _sentence_html(sentence: Sentence, marks: list, links: list[SideLink], aid: str) -> str:
    """The sentence with its drifted spans marked and, inside or around them, the words
    matched across (a word link is cut where a drift mark starts or ends)."""
    parts, pos = [], 0
    for piece, nf in highlight_segments(sentence.text, marks):
        inner = _linked(piece, pos, links)
        pos += len(piece)
        parts.append(inner if nf is None else _mark(inner, nf, aid))
    return "".join(parts)


def _linked(piece: str, offset: int, links: list[SideLink]) -> str:
    """``piece`` (at ``offset`` in its sentence), escaped, its matched words wrapped."""
    out, pos = [], 0
    for link in sorted(links, key=lambda k: k.start):
        start, end = max(link.start - offset, pos), min(link.end - offset, len(piece))
        if start >= end:
            continue
        out.append(escape(piece[pos:start]))
        # the number is drawn by CSS (data-n): copying the sentence copies the sentence
        out.append(f'<span class="w" data-n="{link.number}" '
                   f'title="{escape(f"= {link.other} ({link.kind})")}">'
                   f"{escape(piece[start:end])}</span>")
        pos = end
    out.append(escape(piece[pos:]))
    return "".join(out)


def _mark(inner: str, nf: NumberedFinding, aid: str) -> str:
    f = nf.finding
    return (
        f'<mark class="{_kind_class(f.kind)} sev-{escape(f.severity)}" '
        f'title="{escape(f"{f.kind}, {f.severity}: {f.message}")}">'
        f'<span class="sym" aria-hidden="true">{escape(kind_symbol(f.kind))}</span>'
        f'{inner}<sup><a href="#{aid}-f{nf.number}">{nf.number}</a></sup></mark>'
    )


def _findings_list(pair: PairReport, aid: str, out: TextIO) -> None:
    if not pair.findings:
        out.write('<p class="note">No drift at or above the minimum severity.</p>\n')
        return
    out.write('<ol class="findings">\n')
    for nf in pair.findings:
        f = nf.finding
        level = SEVERITY_LEVELS.get(f.severity)
        out.write(
            f'<li id="{aid}-f{nf.number}" value="{nf.number}">'
            f'<span class="sev sev-{escape(f.severity)}">'
            f'{escape(level.mark + " " if level else "")}{escape(f.severity)}</span> '
            f"<strong>{escape(kind_symbol(f.kind))} {escape(f.kind)}</strong> — {escape(f.message)}"
        )
        if where := pair.where(nf.finding):
            out.write(f'<div class="where">{escape(where)}</div>')
        evidence = "; ".join(f"{k}: {json.dumps(v, ensure_ascii=False, default=str)}"
                             for k, v in f.evidence.items() if v is not None)
        if evidence:
            out.write(f'<div class="evidence">evidence: {escape(evidence)}</div>')
        out.write("</li>\n")
    out.write("</ol>\n")
