"""Inline SVG drawings for the HTML report: the provenance graph and the drift chart.

Plain SVG strings, no script and no external resources, so the page opens offline and
prints. Every label goes through :func:`html.escape`. Colour is never the only carrier of
meaning: nodes print their origin as text and chart segments carry the kind's symbol.
"""

from __future__ import annotations

from collections import defaultdict
from html import escape

from provenance.drift.kinds import kind_colour, kind_order, kind_symbol, weights_text
from provenance.lang import base
from provenance.report.contents import ArticleEntry, ReportContents, anchor

ORIGIN_COLOURS: dict[str, str] = {
    "original": "#e8f4ea", "translation": "#e6eefa", "re-report": "#fbf0e0", "unknown": "#f1f1f1",
}

NODE_W, NODE_H, GAP_X, GAP_Y, PAD = 200, 46, 70, 14, 16
MAX_GRAPH_NODES = 120
MAX_CHART_ROWS = 60


def _clip(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _depths(nodes: list[str], parents: dict[str, list[str]]) -> dict[str, int]:
    """Longest chain of sources above each node (0 for roots); cycles are cut."""
    depth: dict[str, int] = {}
    for start in nodes:
        if start in depth:
            continue
        # Iterative DFS: a relay chain of thousands must not hit the recursion limit.
        stack: list[tuple[str, int]] = [(start, 0)]
        on_path: set[str] = set()
        while stack:
            node, state = stack.pop()
            if state == 0:
                if node in depth or node in on_path:
                    continue
                on_path.add(node)
                stack.append((node, 1))
                stack.extend((p, 0) for p in parents.get(node, []) if p not in on_path)
            else:
                on_path.discard(node)
                above = [depth[p] for p in parents.get(node, []) if p in depth]
                depth[node] = 1 + max(above) if above else 0
    return depth


def graph_svg(contents: ReportContents) -> str:
    """Who relays whom: one box per article or external source, an arrow per derivation.

    Sources sit left of the articles that derive from them. Large corpora show the
    first :data:`MAX_GRAPH_NODES` nodes (those in a derivation first) and say so.
    """
    entries = {e.article.id: e for e in contents.entries}
    edges = contents.edges()
    parents: dict[str, list[str]] = defaultdict(list)
    for source, target, _score, _ext in edges:
        parents[target].append(source)
    linked = list(dict.fromkeys([n for s, t, _, _ in edges for n in (s, t)]))
    externals = [n for n in dict.fromkeys([*contents.analysis.roots, *linked])
                 if n not in entries]
    ordered = list(dict.fromkeys([*externals, *linked, *entries]))
    total = len(ordered)
    shown = ordered[:MAX_GRAPH_NODES]
    keep = set(shown)
    depth = _depths(shown, {k: [p for p in v if p in keep] for k, v in parents.items()})

    columns: dict[int, list[str]] = defaultdict(list)
    for node in shown:
        columns[depth[node]].append(node)
    pos: dict[str, tuple[int, int]] = {}
    for col, nodes in sorted(columns.items()):
        for row, node in enumerate(nodes):
            pos[node] = (PAD + col * (NODE_W + GAP_X), PAD + 22 + row * (NODE_H + GAP_Y))
    width = PAD * 2 + (max(columns, default=0) + 1) * (NODE_W + GAP_X) - GAP_X
    height = PAD * 2 + 22 + max((len(v) for v in columns.values()), default=1) * (NODE_H + GAP_Y)

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="graph" role="img" '
        f'viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
        f'aria-labelledby="graph-title">',
        '<title id="graph-title">Provenance graph: an arrow goes from a source to the '
        'article that relays it</title>',
        '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" '
        'markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" '
        'fill="#333"/></marker></defs>',
    ]
    note = (f"{len(shown)} of {total} nodes shown; the table lists every article"
            if total > len(shown) else "source → relay; score = confidence of derivation")
    parts.append(f'<text x="{PAD}" y="{PAD + 6}" class="note">{escape(note)}</text>')
    for source, target, score, external in edges:
        if source not in pos or target not in pos:
            continue
        (x1, y1), (x2, y2) = pos[source], pos[target]
        x1, y1, y2 = x1 + NODE_W, y1 + NODE_H // 2, y2 + NODE_H // 2
        bend = max(40, abs(x2 - x1) // 2)
        dash = ' stroke-dasharray="5 3"' if external else ""
        parts.append(
            f'<path class="edge" d="M{x1},{y1} C{x1 + bend},{y1} {x2 - bend},{y2} {x2},{y2}" '
            f'fill="none" stroke="#333" stroke-width="1.4"{dash} marker-end="url(#arrow)">'
            f"<title>{escape(source)} → {escape(target)} ({score:.2f})</title></path>"
        )
        parts.append(f'<text class="edge-label" x="{(x1 + x2) // 2}" y="{(y1 + y2) // 2 - 4}" '
                     f'text-anchor="middle">{score:.2f}</text>')
    for node in shown:
        x, y = pos[node]
        entry = entries.get(node)
        parts.append(_node(node, entry, x, y))
    parts.append("</svg>")
    return "\n".join(parts)


def _node(node: str, entry: ArticleEntry | None, x: int, y: int) -> str:
    if entry is None:
        title, detail, fill, href = node, "external source", "#ffffff", None
        dash = ' stroke-dasharray="4 3"'
    else:
        a = entry.article
        title = a.label
        role = "reference" if entry.is_reference else entry.origin
        detail = f"{base(a.lang)} · {role}"
        if entry.pair:
            detail += f" · drift {entry.drift_score}"
        fill, dash, href = ORIGIN_COLOURS.get(entry.origin, "#f1f1f1"), "", anchor(a.id)
    body = (
        f'<rect x="{x}" y="{y}" width="{NODE_W}" height="{NODE_H}" rx="6" fill="{fill}" '
        f'stroke="#333"{dash}/>'
        f'<text x="{x + 8}" y="{y + 18}" class="node-title">{escape(_clip(title, 28))}</text>'
        f'<text x="{x + 8}" y="{y + 36}" class="node-detail">{escape(_clip(detail, 34))}</text>'
        f"<title>{escape(node)}</title>"
    )
    if href:
        return f'<a href="#{href}" class="node">{body}</a>'
    return f'<g class="node external">{body}</g>'


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
