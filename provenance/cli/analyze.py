"""``provenance analyze``: origin, attributions, derivation and drift for a corpus."""

from __future__ import annotations

import json

import click
from rich.console import Console
from rich.table import Table
from rich.tree import Tree

from provenance.cli.issues import summarise_issues
from provenance.cli.options import corpus_analysis, corpus_paths, output_format
from provenance.cli.progress import progress_bar
from provenance.graph import TreeNode, provenance_forest
from provenance.lang import support_lines
from provenance.model import CorpusAnalysis


@click.command(name="analyze")
@corpus_paths("corpus")
@corpus_analysis
@output_format("text", "json")
@click.option("--results", "results", metavar="DIR", type=click.Path(path_type=str),
              help="Also write the partitioned Parquet result set (articles, pairs, "
                   "findings) to DIR, for `provenance report DIR` and other tools.")
def command(corpus: tuple[str, ...], reference: str | None, translator: str, mode: str,
            fresh: bool, jobs: int, engine: str, scheduler: str | None,
            glossaries: tuple[str, ...], strict: bool, fmt: str, results: str | None) -> None:
    """Work out, for every article of CORPUS (files or folders), its language, origin
    (original, translation, re-report), whom it cites, what it derives from, and how far
    it drifted from the English version. Results are stored for the TUI and reports."""
    from provenance.cli.engine import chosen_engine
    from provenance.pipeline import analyze_corpus

    with chosen_engine(engine, scheduler, jobs) as runner, progress_bar() as progress:
        analysis = analyze_corpus(list(corpus), reference=reference, translator=translator,
                                  mode=mode, glossary_paths=list(glossaries) or None,
                                  progress=progress, reuse=not fresh,
                                  workers=jobs, strict=strict, engine=runner)
    if results:
        from provenance.engine.results import write_result_set

        write_result_set(analysis, results)
        click.echo(f"result set of {len(analysis.articles)} articles written to {results}",
                   err=True)
    if fmt == "json":
        from provenance.report.jsonreport import analysis_json

        click.echo(json.dumps(analysis_json(analysis), ensure_ascii=False, indent=2))
    else:
        print_analysis(analysis, Console())
    summarise_issues(analysis.issues)


def print_analysis(analysis: CorpusAnalysis, console: Console) -> None:
    table = Table(title="Articles", title_justify="left")
    for col in ("id", "outlet", "lang", "origin", "cites", "derived from", "drift"):
        table.add_column(col, overflow="fold")
    for article in analysis.articles:
        prov = analysis.provenance.get(article.id)
        pair = analysis.pair_for(article.id)
        origin = "unknown"
        if prov:
            origin = f"{prov.origin} {prov.confidence:.2f}"
            if prov.origin_language:
                origin += f" ({prov.origin_language})"
            if prov.origin_article:
                origin += f" of {prov.origin_article}"
        cites = prov.cited_sources() if prov else []
        parents = [f"{e.source} {e.score:.2f}" for e in prov.derived_from] if prov else []
        drift = "reference" if article.id == analysis.reference_id else (
            f"{pair.drift_score} ({len(pair.findings)})" if pair else "-")
        table.add_row(article.id, article.outlet or "", article.lang, origin, ", ".join(cites),
                      ", ".join(parents), drift)
    console.print(table)
    for line in support_lines((a.id, a.lang) for a in analysis.articles):
        console.print(line, style="dim", highlight=False, markup=False)
    for line in reference_lines(analysis):
        console.print(line, highlight=False, markup=False)
    console.print(provenance_tree(analysis))
    console.print(f"[dim]signature: {analysis.signature}[/dim]")


def provenance_tree(analysis: CorpusAnalysis) -> Tree:
    """Root sources -> relays -> relays of relays, as a rich tree."""
    tree = Tree("provenance")

    def grow(branch: Tree, node: TreeNode) -> None:
        label = f"[bold]{node.name}[/bold] (external)" if node.external else node.name
        if node.score is not None:
            label += f" [dim]{node.score:.2f}[/dim]"
        sub = branch.add(label)
        for child in node.children:
            grow(sub, child)

    for top in provenance_forest(analysis):
        grow(tree, top)
    return tree


def reference_lines(analysis: CorpusAnalysis) -> list[str]:
    """Each story's reference, how it was chosen and why, and its claims' departures."""
    lines = []
    for choice in analysis.references:
        line = (f"story {choice.story + 1}: reference {choice.article_id} ({choice.how}): "
                + "; ".join(choice.reasons))
        if choice.runner_up:
            line += f"; runner-up {choice.runner_up}"
        lines.append(line)
    if analysis.collation is not None:
        collation = analysis.collation
        lines.append(f"claims: {len(collation.claims)} collated from the witnesses, "
                     f"{len(collation.departures)} departures from their consensus "
                     f"({sum(not d.duplicate for d in collation.departures)} not reported by "
                     "the comparisons with the reference)")
    return lines
