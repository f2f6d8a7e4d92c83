"""``provenance tui``: the terminal UI (the report on stdout when there is no terminal)."""

from __future__ import annotations

import sys

import click

from provenance.cli.options import corpus_paths, reference_option, strict_input
from provenance.paths import bundled_seeds_dir


@click.command(name="tui")
@corpus_paths("corpus", required=False)
@reference_option
@strict_input
def command(corpus: tuple[str, ...], reference: str | None, strict: bool) -> None:
    """Browse CORPUS (default: the bundled sample corpus) in the terminal UI.

    Without a terminal (piped, CI) it prints the Markdown drift report instead.
    """
    from provenance.corpus import require_paths

    paths = list(corpus) or [str(bundled_seeds_dir())]
    require_paths(paths)  # before the screen is taken over
    if not (sys.stdout.isatty() and sys.stdin.isatty()):
        from provenance.cli.issues import summarise_issues
        from provenance.cli.progress import progress_bar
        from provenance.pipeline import analyze_corpus
        from provenance.report import write_report

        with progress_bar() as progress:
            analysis = analyze_corpus(paths, reference=reference, progress=progress,
                                      strict=strict)
        write_report(analysis, "-", "md")
        summarise_issues(analysis.issues)
        return
    from tui.app import run  # the only place the CLI reaches into the UI package

    run(paths, reference=reference, strict=strict)
