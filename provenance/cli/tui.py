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
    """Browse CORPUS (default: the bundled sample corpus) in the terminal UI.

    Without a terminal (piped, CI) it prints the Markdown drift report instead.
    """
    from provenance.corpus import require_paths

    paths = list(corpus) or [str(bundled_seeds_dir())]
    require_paths(paths)  # before the screen is taken over
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


def interactive() -> bool:
    """A person at a terminal: the UI can take over the screen."""
    return sys.stdout.isatty() and sys.stdin.isatty()
