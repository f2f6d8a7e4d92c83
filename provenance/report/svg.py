"""The inline SVG drawing of the HTML report: the drift chart.

A plain SVG string, no script and no external resources, so the page opens offline and
prints. Every label goes through :func:`html.escape`. Colour is never the only carrier of
meaning: chart segments carry the kind's symbol. (Who relays whom is a nested list on the
front page, :mod:`provenance.report.fronthtml`: a drawn graph of 200 articles tangled.)
"""

from __future__ import annotations

from html import escape

from provenance.drift.kinds import kind_colour, kind_order, kind_symbol, weights_text
from provenance.report.contents import ReportContents

MAX_CHART_ROWS = 60


def _clip(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def drift_chart_svg(contents: ReportContents) -> str:
    """Weighted drift score per article, one stacked bar per relay, a segment per kind.

    The legend is HTML (see the HTML writer) so that it wraps on narrow pages.

    Relays with the most drift come first; at most :data:`MAX_CHART_ROWS` bars.
    """
    rows = sorted((e for e in contents.entries if e.drift_score > 0),
                  key=lambda e: -e.drift_score)
    label_w, bar_w, row_h, top = 210, 460, 22, 6
    shown = rows[:MAX_CHART_ROWS]
    height = top + max(1, len(shown)) * row_h + 24
    width = label_w + bar_w + 70
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" '
        f'viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
        f'aria-labelledby="chart-title">',
        f'<title id="chart-title">Drift by kind per article (weighted: {weights_text()})'
        '</title>',
    ]
    if not shown:
        parts.append(f'<text x="0" y="{top + 14}" class="note">No drift at or above '
                     f"{escape(contents.min_severity)}.</text>")
    scale = bar_w / max((e.drift_score for e in shown), default=1)
    for i, entry in enumerate(shown):
        y = top + i * row_h
        parts.append(f'<text x="{label_w - 8}" y="{y + 15}" text-anchor="end" class="bar-label">'
                     f"{escape(_clip(entry.article.label, 30))}</text>")
        x = label_w
        weights = entry.weight_by_kind()
        for kind in kind_order(list(weights)):
            w = weights[kind] * scale
            parts.append(
                f'<rect x="{x:.1f}" y="{y + 3}" width="{w:.1f}" height="{row_h - 6}" '
                f'fill="{kind_colour(kind)}" stroke="#fff" stroke-width="0.5">'
                f"<title>{escape(entry.article.label)}: {escape(kind)} {weights[kind]}</title>"
                "</rect>"
            )
            if w >= 14:
                parts.append(f'<text x="{x + w / 2:.1f}" y="{y + 15}" text-anchor="middle" '
                             f'class="bar-symbol">{escape(kind_symbol(kind))}</text>')
            x += w
        parts.append(f'<text x="{x + 6:.1f}" y="{y + 15}" class="bar-value">'
                     f"{entry.drift_score}</text>")
    if len(rows) > len(shown):
        parts.append(f'<text x="0" y="{height - 6}" class="note">{len(shown)} of {len(rows)} '
                     "articles with drift shown; the table lists every article</text>")
    parts.append("</svg>")
    return "\n".join(parts)
