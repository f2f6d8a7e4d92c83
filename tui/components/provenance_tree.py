"""The provenance graph as a tree: root sources -> relays -> relays of relays."""

from __future__ import annotations

from textual.widgets import Tree
from textual.widgets.tree import TreeNode as UINode

from provenance.graph import TreeNode, provenance_forest
from provenance.model import CorpusAnalysis
from tui.plain import styled


class ProvenanceTree(Tree[str]):
    def __init__(self, **kwargs: object) -> None:
        super().__init__("provenance", **kwargs)  # type: ignore[arg-type]
        self.show_root = False

    def show_analysis(self, analysis: CorpusAnalysis) -> None:
        articles = {a.id: a for a in analysis.articles}
        self.root.remove_children()

        def grow(parent: UINode[str], node: TreeNode) -> None:
            if node.external:
                label = styled((node.name, "bold"), " ", ("(external)", "dim"))
            else:
                article = articles[node.name]
                prov = analysis.provenance.get(node.name)
                origin = prov.origin if prov else ""
                if prov and prov.origin_language and prov.origin_language != article.lang:
                    origin += f" ({prov.origin_language})"  # as the corpus table says it
                label = styled(node.name[:12], " ", (article.lang, "dim"), " ",
                               (origin, "italic"))
            if not node.children:
                parent.add_leaf(label, data=node.name)
                return
            branch = parent.add(label, data=node.name, expand=True)
            for child in node.children:
                grow(branch, child)

        for top in provenance_forest(analysis):
            grow(self.root, top)
        self.root.expand()
