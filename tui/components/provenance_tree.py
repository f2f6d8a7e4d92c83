"""The provenance graph as a tree: root sources -> relays -> relays of relays."""

from __future__ import annotations

from textual.widgets import Tree

from provenance.model import CorpusAnalysis


class ProvenanceTree(Tree[str]):
    def __init__(self, **kwargs: object) -> None:
        super().__init__("provenance", **kwargs)  # type: ignore[arg-type]
        self.show_root = False

    def show_analysis(self, analysis: CorpusAnalysis) -> None:
        self.clear()
        children: dict[str, set[str]] = {}
        has_parent: set[str] = set()
        for prov in analysis.provenance.values():
            for edge in prov.derived_from:
                children.setdefault(edge.source, set()).add(prov.article_id)
                has_parent.add(prov.article_id)
        labels = {a.id: f"{a.id}  [dim]{a.outlet or ''} {a.lang}[/dim]" for a in analysis.articles}
        origins = {k: v.origin for k, v in analysis.provenance.items()}
        tops = list(analysis.roots) + sorted(
            a.id for a in analysis.articles if a.id not in has_parent
        )

        def grow(node, name: str, seen: frozenset[str]) -> None:  # type: ignore[no-untyped-def]
            for child in sorted(children.get(name, ())):
                if child in seen:
                    continue
                label = f"{labels.get(child, child)} [italic]{origins.get(child, '')}[/italic]"
                grow(node.add(label, data=child, expand=True), child, seen | {child})

        for top in tops:
            label = labels.get(top, f"[bold]{top}[/bold] [dim](external source)[/dim]")
            node = self.root.add(label, data=top, expand=True)
            grow(node, top, frozenset({top}))
        self.root.expand()
