"""The Markdown report: the HTML report's content as text, for a ticket or a wiki.

Sized for reading: the front page (:mod:`provenance.report.frontmd`), then per article
only the aligned rows that carry drift (a foreign sentence with its English rendering
under it) and one line per finding, quoting the changed spans rather than both
sentences; omitted and added sentences are named by number in their finding. Settings,
weights and signature close the report. Article text is escaped by
:func:`provenance.report.mdtext.md`. Drifted spans read ``⟦**#5.9 billion**⟧³``: the
kind's symbol, the span, and the number of the finding explained below the table.
"""

from __future__ import annotations

import re
from typing import TextIO

from provenance import __version__
from provenance.drift.kinds import kind_symbol, sentence_numbers, severity_mark, weights_text
from provenance.lang import support_notice
from provenance.model import Sentence
from provenance.report.claims import AGAINST, DEPARTS_HEADING, ClaimsSection
from provenance.report.contents import (
    ArticleEntry,
    NumberedFinding,
    PairReport,
    ReportContents,
    highlight_segments,
    sentence_marks,
)
from provenance.report.english import WordMatcher
from provenance.report.frontmd import write_front_page
from provenance.report.frontpage import front_page, origin_phrase
from provenance.report.mdtext import clip, code, md

_ELLIPSES = re.compile(r"…(?:\s*…)+\s*")
_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
#: characters of a sentence kept on either side of a drifted span in the tables
CONTEXT_CHARS = 40
#: characters of a sentence (or rendering) with no drifted span on its side
UNMARKED_CHARS = 80


def _table(out: TextIO, header: list[str], rows: list[list[str]]) -> None:
    out.write("| " + " | ".join(header) + " |\n")
    out.write("|" + "|".join("---" for _ in header) + "|\n")
    for row in rows:
        out.write("| " + " | ".join(cell or " " for cell in row) + " |\n")
    out.write("\n")


def write_markdown(contents: ReportContents, out: TextIO) -> None:
    """Write the report as GitHub/CommonMark Markdown to ``out``."""
    totals = contents.totals()
    out.write("# Translation provenance and drift report\n\n")
    write_front_page(front_page(contents), totals, out)

    out.write("## Articles\n\n")
    _table(out, ["Article", "Outlet", "Language", "Origin", "Cited sources", "Derives from",
                 "Drift score", "Findings"], [_article_row(e) for e in contents.entries])

    out.write("## Drift by kind\n\n")
    kinds = contents.kinds()
    drifting = sorted((e for e in contents.entries if e.drift_score),
                      key=lambda e: -e.drift_score)
    if drifting:
        out.write("Count of findings (weighted score) per kind.\n\n")
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

    words = WordMatcher(contents.analysis, contents.glossary, budget=0)
    out.write("## Sentence by sentence\n\n")
    for entry in contents.entries:
        _article_section(entry, words, out)
    # settings last: the findings are what a reader came for
    out.write("---\n")
    if contents.analysis.issues:
        out.write("Input files left out or repaired:\n\n" + "".join(
            f"- {md(str(issue))}\n" for issue in contents.analysis.issues) + "\n")
    out.write(f"provenance {__version__} · minimum severity {contents.min_severity} · "
              f"weights {weights_text()} · reference "
              f"{md(contents.analysis.reference_id or 'none')} · signature "
              f"{code(contents.signature)}\n")


def _article_row(e: ArticleEntry) -> list[str]:
    a = e.article
    origin = origin_phrase(e) + (" · reference" if e.is_reference and not e.pair else "")
    return [md(a.title or a.id), md(a.outlet or "—"), md(a.lang), md(origin),
            md(", ".join(e.cited_sources) or "—"), md(", ".join(e.derived_from) or "—"),
            str(e.drift_score) if e.pair else "—", str(len(e.findings)) if e.pair else "—"]


def _article_section(entry: ArticleEntry, words: WordMatcher, out: TextIO) -> None:
    a = entry.article
    out.write(f"### {md(a.label)}\n\n")
    meta = [f"id {a.id}", f"language {a.lang}", f"origin {origin_phrase(entry)}"]
    if a.published:
        meta.append(f"published {a.published}")
    if a.url:
        meta.append(a.url)
    out.write(md(" · ".join(meta)) + "\n\n")
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
    src_english, tgt_english = words.renderings(pair.reference), words.renderings(pair.relay)
    rows, quiet = [], 0
    for row in pair.rows():
        # A gap (omission, addition) is named by number in its finding below; a row with
        # no drift is what a reader skips.
        if not row.findings or not row.src or not row.tgt:
            quiet += bool(row.src and row.tgt)
            continue
        rows.append([
            sentence_numbers(row.link.src),
            _side(row.src, src_marks, src_english),
            _side(row.tgt, tgt_marks, tgt_english),
            sentence_numbers(row.link.tgt),
            " ".join(f"{md(kind_symbol(nf.finding.kind))}{nf.number}" for nf in row.findings),
        ])
    if rows:
        _table(out, ["#", f"Reference ({md(pair.reference.lang)})",
                     f"Relay ({md(pair.relay.lang)})", "#", "Drift"], rows)
    if quiet:
        out.write(f"({quiet} aligned row(s) without drift not shown.)\n\n")
    _findings(pair, out)


def _side(sentences: list[Sentence], marks: dict, english: dict[int, str]) -> str:
    marked = [s for s in sentences if marks.get(s.index)]
    # In a cell of several sentences, those with no drifted span are elided: the row
    # is here for the spans, and the sentence numbers point at the whole text.
    text = " ".join(_quoted(s, marks.get(s.index, [])) if s in marked or not marked else "…"
                    for s in sentences)
    text = _ELLIPSES.sub("… ", text).strip()
    rendering = " ".join(english[s.index] for s in sentences if english.get(s.index))
    # <br> is ours, never the article's (its text is escaped): a line break in a cell
    return text + (f"<br>*en: {md(clip(rendering, UNMARKED_CHARS))}*" if rendering else "")


def _quoted(sentence: Sentence, marks: list) -> str:
    """The sentence around its drifted spans: :data:`CONTEXT_CHARS` of text on either side
    of a span, the rest elided; a sentence with no span on this side is clipped."""
    pieces = highlight_segments(sentence.text, marks)
    if not any(nf for _, nf in pieces):
        return md(clip(sentence.text, UNMARKED_CHARS))
    out = []
    for n, (piece, nf) in enumerate(pieces):
        if nf is not None:
            out.append(_mark(piece, nf))
            continue
        head = CONTEXT_CHARS if n > 0 else 0  # after a span
        tail = CONTEXT_CHARS if n < len(pieces) - 1 else 0  # before a span
        out.append(md(_elide(piece, head, tail)))
    return "".join(out)


def _elide(text: str, head: int, tail: int) -> str:
    """``text`` keeping ``head`` characters at its start and ``tail`` at its end, cut at
    spaces where there are any, with `` … `` for what goes."""
    if len(text) <= head + tail + 8:
        return text
    start = text[:head]
    if head and " " in start:
        start = start[: start.rfind(" ")]
    end = text[len(text) - tail:] if tail else ""
    if tail and " " in end:
        end = end[end.find(" ") + 1:]
    return f"{start.rstrip()} … {end.lstrip()}" if start else f"… {end.lstrip()}"


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
        out.write(f"{nf.number}. **{md(severity_mark(f.severity))} {md(f.severity)}** "
                  f"{md(kind_symbol(f.kind))} {md(f.kind)} ({md(pair.where(f))}): "
                  f"{md(f.message)}\n")
    out.write("\n")


def _claims(section: ClaimsSection, out: TextIO) -> None:
    """The reference of each story (why it was chosen is on the front page), then the
    claims table: each witness's reading beside the consensus of the independent
    witnesses."""
    out.write("## The reference and the claims\n\n")
    for choice in section.references:
        label = section.labels.get(choice.article_id, choice.article_id)
        out.write(f"Story {choice.story + 1}: compared with **{md(label)}** ({md(choice.how)}; "
                  "the reasons and the runner-up are under the story above).\n\n")
    # Claims every witness agrees on take one line; the full readings are shown only
    # where somebody departs (the HTML report and the TUI show them all).
    quiet = [entry for entry in section.claims if not entry.departing]
    if quiet:
        out.write("Claims on which no witness departs from the consensus:\n\n")
        for entry in quiet:
            source = section.labels.get(entry.claim.article_id, entry.claim.article_id)
            out.write(f"- **{md(entry.claim.id)}** ({entry.claim.witnesses} independent "
                      f"witnesses): “{md(entry.claim.text)}” ({md(source)})\n")
        out.write("\n")
    for entry in section.claims:
        if not entry.departing:
            continue
        claim = entry.claim
        out.write(f"### Claim {md(claim.id)} · {claim.witnesses} independent witnesses\n\n")
        source = section.labels.get(claim.article_id, claim.article_id)
        out.write(f"Consensus reading: “{md(claim.text)}” ({md(source)})")
        if line := entry.consensus_line():
            out.write(f"  \nAgreed: {md(line)}")
        agree = [md(r.label) for r in entry.readings if r.status == "agrees"]
        if agree:
            out.write(f"  \nAgree: {', '.join(agree)}")
        out.write("\n\n")
        _table(out, ["Witness", "Reading", DEPARTS_HEADING], [
            [md(r.label), md(r.reading.text),
             "; ".join(f"**{md(severity_mark(f.severity))} {f.severity}** "
                       f"{md(kind_symbol(f.kind))} {AGAINST[against]}"
                       f"{md(f.message)}" for f, against in r.changes())]
            for r in entry.departing])
