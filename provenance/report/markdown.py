"""The Markdown report: the HTML report's content as text tables, for a ticket or a wiki.

Article text is backslash-escaped (CommonMark escapes any ASCII punctuation), so a
``<script>`` in an article shows as text on any renderer and a ``|`` cannot break a
table. Drifted spans read ``⟦**#5.9 billion**⟧³``: the kind's symbol, the span, and the
number of the finding explained below the table.
"""

from __future__ import annotations

from typing import TextIO

from provenance import __version__
from provenance.drift.kinds import kind_symbol, weights_text
from provenance.lang import support_notice
from provenance.model import Sentence
from provenance.report.claims import ClaimsSection
from provenance.report.contents import (
    ArticleEntry,
    NumberedFinding,
    PairReport,
    ReportContents,
    highlight_segments,
    sentence_marks,
)

# Only what can start markup mid-line: emphasis, code, links, raw HTML, tables,
# strikethrough, entities and (on GitHub) math. Nothing of ours starts a line with text.
# Line breaks become spaces: a table row is one line. (str.translate: the report of
# 10,000 articles escapes a million pieces of text.)
_ESCAPES = str.maketrans({c: "\\" + c for c in "\\`*_[]<>|~&$"}
                         | {c: " " for c in "\n\r\t\v\f\x85\u2028\u2029"})
_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


def md(text: object) -> str:
    """Text safe inside a Markdown paragraph or table cell: one line, punctuation escaped."""
    return str(text).translate(_ESCAPES)


def _code(text: str, in_table: bool = False) -> str:
    """A code span; in a table, ``|`` is escaped as GFM requires (it still renders as |)."""
    text = text.replace("`", "'")
    return "`" + (text.replace("|", "\\|") if in_table else text) + "`"


def _table(out: TextIO, header: list[str], rows: list[list[str]]) -> None:
    out.write("| " + " | ".join(header) + " |\n")
    out.write("|" + "|".join("---" for _ in header) + "|\n")
    for row in rows:
        out.write("| " + " | ".join(cell or " " for cell in row) + " |\n")
    out.write("\n")


def write_markdown(contents: ReportContents, out: TextIO) -> None:
    """Write the report as GitHub/CommonMark Markdown to ``out``."""
    analysis, totals = contents.analysis, contents.totals()
    sev = totals["by_severity"]
    out.write("# Translation provenance and drift report\n\n")
    _table(out, ["Setting", "Value"], [
        ["Articles", f"{totals['articles']} ({totals['pairs']} compared with a reference)"],
        ["Findings shown", f"{totals['findings']} (critical {sev['critical']}, major "
                           f"{sev['major']}, minor {sev['minor']}); drift score "
                           f"{totals['drift_score']}"],
        ["Minimum severity", contents.min_severity],
        ["Reference", md(analysis.reference_id or "none")],
        ["Root sources", md(", ".join(analysis.roots) or "none named")],
        ["Signature", _code(contents.signature, in_table=True)],
        ["Generator", f"provenance {__version__}"],
    ])

    out.write("## Who relays whom\n\n")
    edges = contents.edges()
    if edges:
        _table(out, ["Source", "Relay", "Score", "Source is"], [
            [md(s), md(t), f"{score:.2f}", "external" if ext else "an article"]
            for s, t, score, ext in edges
        ])
    else:
        out.write("No derivation found.\n\n")

    out.write("## Articles\n\n")
    _table(out, ["Article", "Outlet", "Language", "Origin", "Cited sources", "Derives from",
                 "Drift score", "Findings"], [_article_row(e) for e in contents.entries])

    out.write("## Drift by kind\n\n")
    kinds = contents.kinds()
    drifting = sorted((e for e in contents.entries if e.drift_score),
                      key=lambda e: -e.drift_score)
    if drifting:
        out.write(f"Count of findings (weighted score) per kind; weights: {weights_text()}.\n\n")
        rows = []
        for e in drifting:
            counts, weights = e.count_by_kind(), e.weight_by_kind()
            rows.append([md(e.article.label), str(e.drift_score)] + [
                f"{counts[k]} ({weights[k]})" if k in counts else "" for k in kinds])
        _table(out, ["Article", "Score"] + [f"{md(kind_symbol(k))} {md(k)}" for k in kinds], rows)
    else:
        out.write(f"No drift at or above {contents.min_severity}.\n\n")

    if contents.claims:
        _claims(contents.claims, out)

    out.write("## Sentence by sentence\n\n")
    for entry in contents.entries:
        _article_section(entry, out)
    out.write(f"---\nprovenance {__version__} · signature {_code(contents.signature)}\n")


def _article_row(e: ArticleEntry) -> list[str]:
    a = e.article
    return [md(a.title or a.id), md(a.outlet or "—"), md(a.lang), md(e.origin_label),
            md(", ".join(e.cited_sources) or "—"), md(", ".join(e.derived_from) or "—"),
            str(e.drift_score) if e.pair else "—", str(len(e.findings)) if e.pair else "—"]


def _article_section(entry: ArticleEntry, out: TextIO) -> None:
    a = entry.article
    out.write(f"### {md(a.label)}\n\n")
    meta = [f"id {a.id}", f"language {a.lang}", f"origin {entry.origin_text}"]
    if a.published:
        meta.append(f"published {a.published}")
    if a.url:
        meta.append(a.url)
    out.write("Article: " + md(" · ".join(meta)) + "\n\n")
    if notice := support_notice(a.lang):
        out.write(f"> Language support: {md(notice)}\n\n")
    if entry.pair is None:
        out.write("Reference: the relays are compared with this article.\n\n"
                  if entry.is_reference else
                  "Not compared: no reference version was found for this article.\n\n")
        return
    pair = entry.pair
    out.write(f"Compared with {md(pair.reference.label)}; drift score **{pair.drift_score}**, "
              f"{len(pair.findings)} finding(s) shown.\n\n")
    src_marks = sentence_marks(pair.findings, "src")
    tgt_marks = sentence_marks(pair.findings, "tgt")
    rows = []
    for row in pair.rows():
        rows.append([
            _indices(row.link.src),
            _side(row.src, src_marks, "*— not in the reference (addition) —*"),
            _side(row.tgt, tgt_marks, "*— not in the relay (omission) —*"),
            _indices(row.link.tgt),
            " ".join(f"{md(kind_symbol(nf.finding.kind))}{nf.number}" for nf in row.findings),
        ])
    _table(out, ["#", f"Reference ({md(pair.reference.lang)})",
                 f"Relay ({md(pair.relay.lang)})", "#", "Drift"], rows)
    _findings(pair, out)


def _indices(indices: tuple[int, ...]) -> str:
    return ", ".join(str(i + 1) for i in indices)


def _side(sentences: list[Sentence], marks: dict, gap: str) -> str:
    if not sentences:
        return gap
    return " ".join(
        "".join(md(piece) if nf is None else _mark(piece, nf)
                for piece, nf in highlight_segments(s.text, marks.get(s.index, [])))
        for s in sentences
    )


def _mark(piece: str, nf: NumberedFinding) -> str:
    # Emphasis inside the brackets: CommonMark opens ``**`` after punctuation (⟦) whatever
    # precedes it, so the highlight also works glued to CJK text or a word; edge spaces
    # stay outside, where they cannot stop the emphasis from opening or closing.
    core = piece.strip()
    if not core:
        return md(piece)
    lead, trail = piece[: len(piece) - len(piece.lstrip())], piece[len(piece.rstrip()):]
    number = str(nf.number).translate(_SUPERSCRIPT)
    return f"{md(lead)}⟦**{md(kind_symbol(nf.finding.kind))}{md(core)}**⟧{number}{md(trail)}"


def _findings(pair: PairReport, out: TextIO) -> None:
    if not pair.findings:
        out.write("No drift at or above the minimum severity.\n\n")
        return
    for nf in pair.findings:
        f = nf.finding
        out.write(f"{nf.number}. **{f.severity.upper()}** {md(kind_symbol(f.kind))} {md(f.kind)}: "
                  f"{md(f.message)}")
        where = []
        if f.src:
            where.append(f"reference {_indices(f.src)}: “{pair.sentence_text('src', f.src)}”")
        if f.tgt:
            where.append(f"relay {_indices(f.tgt)}: “{pair.sentence_text('tgt', f.tgt)}”")
        if where:
            out.write("  \n   " + md(" → ".join(where)))
        out.write("\n")
    out.write("\n")


def _claims(section: ClaimsSection, out: TextIO) -> None:
    """The reference of each story and why, then the claims table: each witness's
    reading beside the consensus of the independent witnesses."""
    out.write("## The reference and the claims\n\n")
    for choice in section.references:
        label = section.labels.get(choice.article_id, choice.article_id)
        out.write(f"Story {choice.story + 1}: compared with **{md(label)}** ({md(choice.how)}): "
                  f"{md('; '.join(choice.reasons))}.")
        if choice.runner_up:
            runner = section.labels.get(choice.runner_up, choice.runner_up)
            out.write(f" Runner-up: {md(runner)} ({md('; '.join(choice.runner_up_reasons))}).")
        out.write("\n\n")
    for entry in section.claims:
        claim = entry.claim
        out.write(f"### Claim {md(claim.id)} · {claim.witnesses} independent witnesses\n\n")
        source = section.labels.get(claim.article_id, claim.article_id)
        out.write(f"Consensus reading: “{md(claim.text)}” ({md(source)})")
        if line := entry.consensus_line():
            out.write(f"  \nAgreed: {md(line)}")
        out.write("\n\n")
        _table(out, ["Witness", "Reading", "Departs from the consensus"], [
            [md(r.label), md(r.reading.text),
             "; ".join(f"**{d.finding.severity.upper()}** {md(kind_symbol(d.finding.kind))} "
                       f"{md(d.finding.message)}" for d in r.departures) or "—"]
            for r in entry.readings])
