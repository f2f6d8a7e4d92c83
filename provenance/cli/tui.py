"""``provenance tui``: the terminal UI (the report on stdout when there is no terminal)."""

from __future__ import annotations

import sys

import click

from provenance.cli.options import corpus_paths, glossary_paths, reference_option, strict_input
from provenance.paths import bundled_seeds_dir


@click.command(name="tui")
@corpus_paths("corpus", required=False)
@reference_option
@glossary_paths
@strict_input
def command(corpus: tuple[str, ...], reference: str | None, glossaries: tuple[str, ...],
            strict: bool) -> None:
    """Browse CORPUS (default: the bundled sample corpus) in the terminal UI; a Parquet
    result set (`analyze --results DIR`) as CORPUS is browsed story by story.

    Without a terminal (piped, CI) it prints the Markdown drift report instead.
    """
    from provenance.corpus import require_paths
    from provenance.engine.results import is_result_set

    paths = list(corpus) or [str(bundled_seeds_dir())]
    require_paths(paths)  # before the screen is taken over
    if len(paths) == 1 and is_result_set(paths[0]):
        browse_result_set(paths[0])
        return
    if not interactive():
        from provenance.cli.issues import summarise_issues
        from provenance.cli.progress import progress_bar
        from provenance.pipeline import analyze_corpus
        from provenance.report import write_report

        with progress_bar() as progress:
            analysis = analyze_corpus(paths, reference=reference, progress=progress,
                                      glossary_paths=list(glossaries) or None, strict=strict)
        write_report(analysis, "-", "md")
        summarise_issues(analysis.issues)
        return
    from tui.app import run  # the only place the CLI reaches into the UI package

    run(paths, reference=reference, glossary_paths=glossaries, strict=strict)


def browse_result_set(folder: str) -> None:
    """A result set (``analyze --results DIR``): browsed story by story in the UI, its
    summary printed without a terminal."""
    if not interactive():
        from provenance.engine.results import summarise, summary_markdown

        click.echo(summary_markdown(summarise(folder)), nl=False)
        return
    from tui.app import run_results

    run_results(folder)


def interactive() -> bool:
    """A person at a terminal: the UI can take over the screen."""
    return sys.stdout.isatty() and sys.stdin.isatty()
