"""The ``provenance`` command line: thin commands over library functions.

Each command lives in its own module under ``provenance.cli`` and is imported only when
invoked, so ``provenance --help`` stays fast and heavy libraries load on demand.
"""

from __future__ import annotations

import importlib
import os
import sys
import warnings
from typing import Any, TextIO

import click

from provenance import __version__
from provenance.errors import ProvenanceError, ProvenanceWarning
from provenance.lang import support_summary

# command name -> module under provenance.cli that defines ``command``
COMMANDS: dict[str, tuple[str, str]] = {
    "ingest": ("ingest", "Load articles and list them (language, sentences, boilerplate)."),
    "analyze": ("analyze", "Work out origin, attributions and derivation for a corpus."),
    "align": ("align", "Align the sentences of a relay with its source."),
    "drift": ("drift", "Find what drifted between a source and its relay."),
    "report": ("report", "Write the drift report (html, md, json, csv, tmx)."),
    "glossary": ("glossary", "List, edit, validate, import and export term glossaries."),
    "models": ("models", "Install, list and remove offline translation models."),
    "tui": ("tui", "Browse a corpus in the terminal UI."),
}


class LazyGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name not in COMMANDS:
            return None
        module = importlib.import_module(f"provenance.cli.{COMMANDS[name][0]}")
        return module.command  # type: ignore[no-any-return]

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        # Short help from the table, so listing commands imports none of them.
        with formatter.section("Commands"):
            formatter.write_dl([(name, help_) for name, (_, help_) in COMMANDS.items()])

    def invoke(self, ctx: click.Context) -> Any:
        with warnings.catch_warnings():
            warnings.showwarning = _show_warning
            return self._invoke(ctx)

    def _invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except ProvenanceError as exc:
            _fail(str(exc), exc.exit_code)
        except (OSError, UnicodeError) as exc:
            _fail(_describe_os_error(exc), 2)
        except KeyboardInterrupt:
            _fail("interrupted; completed work is kept in the store, run again to resume", 130)
        except (click.exceptions.Exit, click.ClickException, click.Abort):
            raise
        except Exception as exc:  # the promise is one line, never a traceback
            if os.environ.get("PROVENANCE_DEBUG"):
                raise
            _fail(f"internal error: {type(exc).__name__}: {exc} "
                  "(set PROVENANCE_DEBUG=1 for a traceback)", 3)


def _describe_os_error(exc: Exception) -> str:
    if isinstance(exc, OSError) and exc.filename:
        return f"{exc.filename}: {exc.strerror or exc}"
    return str(exc)


def _show_warning(message: Warning | str, category: type[Warning], filename: str, lineno: int,
                  file: TextIO | None = None, line: str | None = None) -> None:
    """Our own warnings as one line, like errors; anyone else's as Python prints them."""
    if issubclass(category, ProvenanceWarning):
        click.echo(f"warning: {message}", err=True)
    else:
        (file or sys.stderr).write(warnings.formatwarning(message, category, filename, lineno,
                                                         line))


def _fail(message: str, code: int) -> None:
    click.echo(f"error: {message}", err=True)
    sys.exit(code)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="provenance")
def main() -> None:
    """Who relays whom, and what drifted on the way."""


main.help = f"{main.help}\n\n{support_summary()}"  # the language tiers, from the registry
