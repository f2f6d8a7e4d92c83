"""Every command has help text and is documented in the README (sqlite-utils style)."""

from __future__ import annotations

import click
import pytest
from conftest import REPO
from support.cli import run_cli

from provenance.cli import COMMANDS, main

README = (REPO / "README.md").read_text(encoding="utf-8")


def _walk(command: click.Command, ctx: click.Context, prefix: str):
    yield prefix, command
    if isinstance(command, click.Group):
        for name in command.list_commands(ctx):
            sub = command.get_command(ctx, name)
            yield from _walk(sub, ctx, f"{prefix} {name}")


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_every_command_has_help_and_is_in_the_readme(name):
    ctx = click.Context(main)
    command = main.get_command(ctx, name)
    for path, cmd in _walk(command, ctx, name):
        assert (cmd.help or "").strip(), f"`provenance {path}` has no help text"
        result = run_cli(*path.split(), "--help")
        assert result.exit_code == 0, result.output
    assert f"provenance {name}" in README, f"README does not document `provenance {name}`"


def test_version_and_unknown_command():
    result = run_cli("--version")
    assert result.exit_code == 0 and "provenance" in result.output
    assert run_cli("no-such-command").exit_code == 2
