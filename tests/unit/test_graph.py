"""The provenance tree: strongest parents, external chains, no lost articles."""

from __future__ import annotations

from provenance.graph import provenance_forest
from provenance.model import (
    Article,
    ArticleProvenance,
    Attribution,
    CorpusAnalysis,
    DerivationEdge,
)
from provenance.signature import Signature


def _analysis(provs: list[ArticleProvenance], roots: list[str]) -> CorpusAnalysis:
    articles = [Article(p.article_id, "text") for p in provs]
    return CorpusAnalysis(Signature(), articles, {p.article_id: p for p in provs}, [], None,
                          roots)


def _shape(nodes) -> list:
    return [(n.name, _shape(n.children)) for n in nodes]


def test_external_chain_places_intermediary_under_root():
    chain = ["WSJ", "Kommersant"]
    relay = ArticleProvenance(
        "relay", "translation", 0.9,
        attributions=[Attribution("Kommersant", "outlet", "reports", 0, 0, 5, chain=chain)],
        derived_from=[DerivationEdge("Kommersant", "relay", 0.9, external=True)])
    direct = ArticleProvenance("direct", "re-report", 0.8,
                               derived_from=[DerivationEdge("WSJ", "direct", 0.8, True)])
    forest = provenance_forest(_analysis([relay, direct], ["WSJ"]))
    assert _shape(forest) == [("WSJ", [("Kommersant", [("relay", [])]), ("direct", [])])]
    assert forest[0].external and not forest[0].children[1].external


def test_strongest_parent_wins_and_side_citations_are_not_roots():
    a = ArticleProvenance("a", "re-report", 0.9, derived_from=[
        DerivationEdge("WSJ", "a", 0.9, True), DerivationEdge("Fox", "a", 0.4, True)])
    b = ArticleProvenance("b", "re-report", 0.9, derived_from=[DerivationEdge("a", "b", 0.7)])
    forest = provenance_forest(_analysis([a, b], ["WSJ"]))
    assert _shape(forest) == [("WSJ", [("a", [("b", [])])])]


def test_a_cycle_loses_no_article():
    a = ArticleProvenance("a", "re-report", 0.5, derived_from=[DerivationEdge("b", "a", 0.5)])
    b = ArticleProvenance("b", "re-report", 0.5, derived_from=[DerivationEdge("a", "b", 0.6)])
    c = ArticleProvenance("c", "original", 0.9)
    names = [n.name for n in provenance_forest(_analysis([a, b, c], []))]
    assert "c" in names and ("a" in names or "b" in names)
