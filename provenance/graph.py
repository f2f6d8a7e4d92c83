"""The provenance graph as a tree: root sources, their relays, relays of relays.

Each article hangs under its strongest ``derived_from`` source. External sources (outlets
not in the corpus) hang under the source their own attribution chains name upstream, so
"WSJ <- Kommersant Ukrainian <- article" shows as WSJ > Kommersant Ukrainian > article.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from provenance.model import CorpusAnalysis


@dataclass
class TreeNode:
    name: str  # an article id or an external source's name
    external: bool
    score: float | None = None  # the edge score to the parent
    children: list[TreeNode] = field(default_factory=list)


def provenance_forest(analysis: CorpusAnalysis) -> list[TreeNode]:
    articles = {a.id for a in analysis.articles}
    parent: dict[str, tuple[str, float]] = {}
    externals: set[str] = set(analysis.roots)
    for prov in analysis.provenance.values():
        if prov.derived_from:
            best = max(prov.derived_from, key=lambda e: e.score)
            parent[prov.article_id] = (best.source, best.score)
        externals.update(e.source for e in prov.derived_from if e.source not in articles)
    for prov in analysis.provenance.values():
        for attribution in prov.attributions:
            chain = attribution.chain
            for upstream, downstream in zip(chain, chain[1:], strict=False):
                if downstream in externals and upstream != downstream:
                    externals.add(upstream)
                    parent.setdefault(downstream, (upstream, 1.0))

    children: dict[str, list[str]] = {}
    for child, (source, _) in parent.items():
        children.setdefault(source, []).append(child)

    def build(name: str, seen: frozenset[str]) -> TreeNode:
        node = TreeNode(name, name not in articles, parent.get(name, (None, None))[1])
        for child in sorted(children.get(name, [])):
            if child not in seen:
                node.children.append(build(child, seen | {child}))
        return node

    # An external source that is nobody's strongest source (a side citation) and not a
    # root of the story would be a lone leaf: leave it out of the tree.
    tops = sorted(n for n in externals | articles if n not in parent
                  and (n in articles or n in analysis.roots or n in children))
    # A cycle (a <- b <- a) leaves no top: break it at its first member.
    placed = {n for top in tops for n in _names(build(top, frozenset({top})))}
    tops += sorted(n for n in articles if n not in placed)
    tops.sort(key=lambda n: (n in articles, n))
    return [build(top, frozenset({top})) for top in tops]


def _names(node: TreeNode) -> list[str]:
    return [node.name, *(n for c in node.children for n in _names(c))]
