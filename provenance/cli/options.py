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
