"""The claims section of the HTML report: each story's reference and why, then every
claim with the witnesses' readings side by side and their departures marked.

All article text goes through :func:`html.escape`, as everywhere in the report.
"""

from __future__ import annotations

from html import escape
from typing import TextIO

from provenance.drift.kinds import kind_symbol
from provenance.report.claims import AGAINST, DEPARTS_HEADING, ClaimEntry, ClaimsSection
from provenance.report.contents import anchor


def write_claims(section: ClaimsSection, out: TextIO) -> None:
    out.write('<section id="claims">\n<h2>The reference and the claims</h2>\n')
    for choice in section.references:
        label = section.labels.get(choice.article_id, choice.article_id)
        out.write(f'<p class="reference">Story {choice.story + 1}: compared with '
                  f'<a href="#{anchor(choice.article_id)}"><strong>{escape(label)}</strong></a> '
                  f"({escape(choice.how)}): {escape('; '.join(choice.reasons))}.")
        if choice.runner_up:
            runner = section.labels.get(choice.runner_up, choice.runner_up)
            out.write(f' <span class="note">Runner-up: {escape(runner)} '
                      f"({escape('; '.join(choice.runner_up_reasons))}).</span>")
        out.write("</p>\n")
    if section.claims:
        out.write('<p class="note">Each claim is what one source sentence asserts, as every '
                  "witness of the story carries it; copies of one text count once. A witness "
                  "departs where the independent witnesses agree otherwise.</p>\n")
    for entry in section.claims:
        _claim(entry, section, out)
    out.write("</section>\n")


def _claim(entry: ClaimEntry, section: ClaimsSection, out: TextIO) -> None:
    claim = entry.claim
    source = section.labels.get(claim.article_id, claim.article_id)
    out.write(f'<h3 id="claim-{escape(claim.id)}">Claim {escape(claim.id)} · '
              f"{claim.witnesses} independent witnesses</h3>\n"
              f'<p>Consensus reading: “{escape(claim.text)}” <span class="note">'
              f"({escape(source)})</span></p>\n")
    if line := entry.consensus_line():
        out.write(f'<p class="note">Agreed: {escape(line)}</p>\n')
    out.write('<table class="claims">\n<thead><tr><th>Witness</th><th>Reading</th>'
              f"<th>{escape(DEPARTS_HEADING)}</th></tr></thead>\n<tbody>\n")
    for r in entry.readings:
        marks = "<br>".join(
            f'<span class="sev sev-{escape(f.severity)}">'
            f"{escape(f.severity)}</span> <strong>{escape(kind_symbol(f.kind))} "
            f"{escape(f.kind)}</strong> — {escape(AGAINST[against])}{escape(f.message)}"
            for f, against in r.changes()) or "—"
        cls = ' class="drift"' if r.status != "agrees" else ""
        out.write(f'<tr{cls}><td><a href="#{anchor(r.reading.article_id)}">{escape(r.label)}'
                  f"</a></td><td>{escape(r.reading.text)}</td><td>{marks}</td></tr>\n")
    out.write("</tbody>\n</table>\n")
