"""Option decorators shared by several commands."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import click

F = TypeVar("F", bound=Callable[..., Any])


def output_format(*choices: str, default: str = "text") -> Callable[[F], F]:
    return click.option(
        "--format", "fmt", type=click.Choice(choices), default=default, show_default=True,
        help="Output format.",
    )


def glossary_paths(func: F) -> F:
    return click.option(
        "--glossary", "glossaries", multiple=True,
        type=click.Path(exists=True, dir_okay=True, path_type=str),
        help="Glossary file or folder (repeatable). Default: the bundled glossaries.",
    )(func)


def strict_input(func: F) -> F:
    return click.option(
        "--strict", is_flag=True,
        help="Stop at the first file that cannot be used as it is (empty, binary, "
             "undecodable, unreadable, malformed, too long, or with stray bytes replaced) "
             "instead of reporting it and going on.",
    )(func)


def reference_option(func: F) -> F:
    return click.option(
        "--reference", metavar="ID",
        help="Article id every relay of its story is compared with. Remembered for this "
             "corpus (report and the TUI use it too) until another is given; 'auto' lets "
             "the tool choose again (the cited original when it is in the corpus, else the "
             "best witness, reasons shown).",
    )(func)


def corpus_paths(name: str, *, required: bool = True) -> Callable[[F], F]:
    """The CORPUS (or PATHS) argument: files or folders. Existence is checked by the
    library, whose message is the one every command prints."""
    return click.argument(name, nargs=-1, required=required, type=click.Path(path_type=str))


def corpus_analysis(func: F) -> F:
    """The options of every command that analyses a corpus (analyze, report)."""
    from provenance.align import MODES
    from provenance.translate import KINDS

    # A corpus has no per-pair translation files: the ``file`` translator is for pairs.
    translators = [kind for kind in KINDS if kind != "file"]
    decorators = [
        reference_option,
        click.option("--translator", type=click.Choice(translators),
                     default="auto", show_default=True,
                     help="How foreign sentences reach English."),
        click.option("--mode", type=click.Choice(MODES), default="auto", show_default=True,
                     help="Alignment search."),
        click.option("--fresh", is_flag=True,
                     help="Recompute even if the store has this analysis."),
        click.option("--jobs", type=click.IntRange(min=0), default=0, show_default=True,
                     help="Processes comparing pairs (0: one per CPU); with --engine dask "
                          "and no --scheduler, the local cluster's workers."),
        click.option("--engine", type=click.Choice(["local", "dask"]), default="local",
                     show_default=True,
                     help="Where articles are prepared and read and pairs compared: this "
                          "machine's process pool, or a Dask cluster (pip install "
                          "'provenance[dask]')."),
        click.option("--scheduler", metavar="ADDRESS",
                     help="A running Dask scheduler (tcp://host:8786) for --engine dask. "
                          "Default: a local cluster sized to this machine."),
        glossary_paths,
        strict_input,
    ]
    for decorator in reversed(decorators):
        func = decorator(func)
    return func
