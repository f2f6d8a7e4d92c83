"""The ``provenance`` command line: thin commands over library functions.

Each command lives in its own module under ``provenance.cli`` and is imported only when
invoked, so ``provenance --help`` stays fast and heavy libraries load on demand.
"""

from __future__ import annotations

import importlib
import os
import sys
import warnings
from typing import Any, NoReturn

import click

from provenance import __version__
from provenance.errors import ProvenanceError, ProvenanceWarning, show_warning_line
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

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        # The group's own options ("provenance --bogus") are parsed before invoke().
        try:
            return super().parse_args(ctx, args)
        except click.UsageError as exc:
            _usage_error(exc)

    def invoke(self, ctx: click.Context) -> Any:
        with warnings.catch_warnings():
            warnings.showwarning = show_warning_line
            # Every warning of ours is shown, even one repeating an earlier message.
            warnings.simplefilter("always", ProvenanceWarning)
            return self._invoke(ctx)

    def _invoke(self, ctx: click.Context) -> Any:
        try:
            result = super().invoke(ctx)
            sys.stdout.flush()  # a closed pipe shows here, not at interpreter exit
            return result
        except ProvenanceError as exc:
            _fail(str(exc), exc.exit_code)
        except BrokenPipeError:
            _quiet_broken_pipe()
        except (OSError, UnicodeError) as exc:
            _fail(_describe_os_error(exc), 2)
        except KeyboardInterrupt:
            _fail("interrupted; completed work is kept in the store, run again to resume", 130)
        except click.UsageError as exc:
            _usage_error(exc)
        except click.ClickException as exc:
            _fail(_one_line(exc.format_message()), exc.exit_code)
        except (click.exceptions.Exit, click.Abort):
            raise
        except Exception as exc:  # the promise is one line, never a traceback
            if os.environ.get("PROVENANCE_DEBUG"):
                raise
            _fail(f"internal error: {type(exc).__name__}: {_one_line(str(exc))} "
                  "(set PROVENANCE_DEBUG=1 for a traceback)", 3)


def _usage_error(exc: click.UsageError) -> NoReturn:
    """A usage mistake as one ``error:`` line naming the help to read, not click's
    usage block."""
    if isinstance(exc, click.exceptions.NoArgsIsHelpError):
        raise exc  # "provenance" alone: the help is the answer
    where = f" (see '{exc.ctx.command_path} --help')" if exc.ctx else ""
    _fail(_one_line(exc.format_message()) + where, exc.exit_code)


def _quiet_broken_pipe() -> NoReturn:
    """The reader of stdout went away (``provenance glossary list | head``): stop quietly.

    Python would complain once more when it flushes stdout at exit, so stdout is pointed
    at /dev/null first (the recipe of the ``signal`` module's documentation).
    """
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    sys.exit(1)


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _describe_os_error(exc: Exception) -> str:
    if isinstance(exc, OSError) and exc.filename:
        return f"{exc.filename}: {exc.strerror or exc}"
    return str(exc)


def _fail(message: str, code: int) -> NoReturn:
    click.echo(f"error: {message}", err=True)
    sys.exit(code)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="provenance")
def main() -> None:
    """Who relays whom, and what drifted on the way."""


main.help = f"{main.help}\n\n{support_summary()}"  # the language tiers, from the registry
