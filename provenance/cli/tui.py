"""``provenance tui``: the terminal UI (the report on stdout when there is no terminal)."""

from __future__ import annotations

import sys

import click

from provenance.paths import bundled_seeds_dir


@click.command(name="tui")
@click.argument("corpus", nargs=-1, type=click.Path(exists=True))
@click.option("--reference", help="Article id of the English version relays are compared with.")
def command(corpus: tuple[str, ...], reference: str | None) -> None:
    """Browse CORPUS (default: the bundled sample corpus) in the terminal UI.

    Without a terminal (piped, CI) it prints the Markdown drift report instead.
    """
    paths = list(corpus) or [str(bundled_seeds_dir())]
    if not (sys.stdout.isatty() and sys.stdin.isatty()):
        from provenance.cli.progress import progress_bar
        from provenance.pipeline import analyze_corpus
        from provenance.report import write_report

        with progress_bar() as progress:
            analysis = analyze_corpus(paths, reference=reference, progress=progress)
        write_report(analysis, "-", "md")
        return
    from tui.app import run  # the only place the CLI reaches into the UI package

    run(paths, reference=reference)
