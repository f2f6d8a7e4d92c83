"""The options of ``align`` and ``drift``: two articles and how to compare them.

Loading the two sides and the translation file is library work
(:func:`provenance.pairs.read_pair`); only the command-line contract lives here.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import click

from provenance.cli.options import glossary_paths

F = TypeVar("F", bound=Callable[..., Any])


def pair_options(func: F) -> F:
    """SRC, TGT and the options every two-article command takes (a stable contract)."""
    from provenance.align import MODES
    from provenance.translate import KINDS

    decorators = [
        click.argument("src", type=click.Path(exists=True, dir_okay=False)),
        click.argument("tgt", type=click.Path(exists=True, dir_okay=False)),
        click.option("--src-lang", help="Language of SRC (default: detected)."),
        click.option("--tgt-lang", help="Language of TGT (default: detected)."),
        click.option("--presegmented", is_flag=True,
                     help="SRC and TGT hold one sentence per line; indices are line numbers."),
        click.option("--translation", type=click.Path(exists=True, dir_okay=False),
                     help="SRC rendered in TGT's language, one line per SRC sentence."),
        click.option("--translator", type=click.Choice(KINDS), default="auto",
                     show_default=True,
                     help="How the two sides are brought into one language."),
        glossary_paths,
        click.option("--mode", type=click.Choice(MODES), default="auto", show_default=True,
                     help="Alignment search (reorder allows moved blocks)."),
        click.option("--vector-budget", type=click.IntRange(min=0), default=None,
                     metavar="N",
                     help="Texts the sentence vectors may embed for this pair (default: "
                          "400, or the whole pair when up to 4,000 texts cover it). A "
                          "book-length pair needs about three per sentence to be covered "
                          "whole; its first run then takes minutes (vectors are cached)."),
    ]
    for decorator in reversed(decorators):
        func = decorator(func)
    return func
