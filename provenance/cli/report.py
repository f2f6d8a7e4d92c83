"""``provenance report``: analyse a corpus (reusing stored results) and write the report."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from provenance.cli.issues import summarise_issues
from provenance.cli.options import corpus_analysis, corpus_paths
from provenance.errors import BadInput
from provenance.model import SEVERITIES, CorpusAnalysis
from provenance.report import FORMATS, format_from_path, write_report
from provenance.report.contents import severity_rank


@click.command(name="report")
@corpus_paths("corpus")
@click.option("-o", "--output", required=True, metavar="OUT",
              help="File to write (its extension picks the format), or - for stdout.")
@click.option("--format", "fmt", type=click.Choice(list(FORMATS)),
              help="Report format. Default: from the extension of OUT.")
@click.option("--min-severity", type=click.Choice(SEVERITIES), default="minor",
              show_default=True, help="Leave out findings below this severity.")
@click.option("--fail-on", type=click.Choice(SEVERITIES),
              help="Exit with status 1 when a finding of this severity or worse exists.")
@corpus_analysis
def command(corpus: tuple[str, ...], output: str, fmt: str | None, reference: str | None,
            min_severity: str, fail_on: str | None, translator: str, mode: str, fresh: bool,
            jobs: int, engine: str, scheduler: str | None, glossaries: tuple[str, ...],
            strict: bool) -> None:
    """Write the drift report of CORPUS (files or folders) to OUT as HTML, Markdown, JSON,
    CSV or TMX.

    Results already in the store are reused, so an interrupted report on a large corpus
    continues where it stopped. A Parquet result set (`analyze --results DIR`) as CORPUS
    is summarised (top stories, top findings) as Markdown or JSON. Exit status: 0
    written, 1 a finding reached --fail-on, 2 bad input.
    """
    from provenance.cli.engine import chosen_engine
    from provenance.cli.progress import progress_bar
    from provenance.engine.results import is_result_set
    from provenance.pipeline import analyze_corpus, load_glossary

    # Settle the format before the (long) analysis, so a typo fails at once.
    fmt = fmt or format_from_path(output)
    if output != "-" and not Path(output).resolve().parent.is_dir():
        raise BadInput(f"cannot write {output}: its folder does not exist")
    if len(corpus) == 1 and is_result_set(corpus[0]):
        summarise_result_set(corpus[0], output, fmt, min_severity, fail_on)
        return
    with chosen_engine(engine, scheduler, jobs) as runner, progress_bar() as progress:
        analysis = analyze_corpus(list(corpus), reference=reference, translator=translator,
                                  mode=mode, glossary_paths=list(glossaries) or None,
                                  progress=progress, reuse=not fresh,
                                  workers=jobs, strict=strict, engine=runner)
    # the glossary the analysis used, so the report marks its words in the renderings
    write_report(analysis, output, fmt, min_severity=min_severity,
                 glossary=load_glossary(glossaries) if glossaries else None)
    where = "stdout" if output == "-" else output
    click.echo(f"{fmt} report of {len(analysis.articles)} articles written to {where}",
               err=True)
    summarise_issues(analysis.issues)
    if fail_on:
        reached = findings_at_or_above(analysis, fail_on)
        if reached:
            click.echo(f"{reached} finding(s) at or above {fail_on}", err=True)
            sys.exit(1)


def findings_at_or_above(analysis: CorpusAnalysis, severity: str) -> int:
    """How many findings of the analysis are at least as severe as ``severity``."""
    floor = severity_rank(severity)
    return sum(severity_rank(f.severity) >= floor for p in analysis.pairs for f in p.findings)


def summarise_result_set(folder: str, output: str, fmt: str, min_severity: str,
                         fail_on: str | None) -> None:
    """The report of a large run: totals, top stories and top findings, from its Parquet
    result set, never every row."""
    from provenance.atomicfile import write_atomic
    from provenance.engine.results import summarise, write_summary

    summary = summarise(folder, min_severity=min_severity)
    text = write_summary(summary, fmt)
    if output == "-":
        click.echo(text, nl=False)
    else:
        write_atomic(output, text)
    where = "stdout" if output == "-" else output
    click.echo(f"{fmt} summary of {summary.articles:,} articles written to {where}", err=True)
    if fail_on and (reached := summary.findings_at_or_above(fail_on)):
        click.echo(f"{reached} finding(s) at or above {fail_on}", err=True)
        sys.exit(1)
