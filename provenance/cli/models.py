"""``provenance models``: offline translation models (Argos packages) for the argos backend.

Nothing is ever downloaded: fetch ``translate-zh_en-*.argosmodel`` from the Argos package
index on a connected machine, copy it over and ``provenance models install FILE``.
"""

from __future__ import annotations

import json

import click
from rich.console import Console
from rich.table import Table

from provenance import paths
from provenance.cli.options import output_format
from provenance.translate.packages import (
    auto_choices,
    install_model,
    installed_models,
    remove_model,
)


@click.group("models")
def command() -> None:
    """Install, list and remove offline translation models (Argos packages)."""


@command.command("list")
@output_format("text", "json")
def list_models(fmt: str) -> None:
    """Show installed language pairs with their package versions."""
    models = installed_models()
    if fmt == "json":
        click.echo(json.dumps([{
            "code": m.code, "from": m.from_code, "to": m.to_code,
            "package_version": m.package_version, "argos_version": m.argos_version,
            "version": m.version, "path": str(m.path)} for m in models], indent=2))
        return
    if not models:
        click.echo(f"no models installed in {paths.argos_packages_dir()}; foreign text is "
                   "compared through the offline gloss backend (names and numbers only).")
        return
    table = Table("pair", "package version", "argos", "model id", "path")
    for m in models:
        table.add_row(f"{m.from_code}→{m.to_code}", m.package_version or "?",
                      m.argos_version or "?", m.version, str(m.path))
    Console().print(table)
    click.echo("translator chosen by --translator auto: " + ", ".join(
        f"{src}→en {backend}" for src, backend in auto_choices().items()))


@command.command("install")
@click.argument("file", type=click.Path(dir_okay=False, path_type=str))
@click.option("--pair", metavar="FROM-TO",
              help="Refuse the file unless it translates this pair (e.g. zh-en).")
@click.option("--replace", is_flag=True, help="Replace an installed model for the same pair.")
def install(file: str, pair: str | None, replace: bool) -> None:
    """Install a downloaded FILE.argosmodel (validated first; works offline)."""
    result = install_model(file, pair=pair, replace=replace)
    model = result.model
    verb = {"installed": "installed", "replaced": "replaced",
            "unchanged": "already installed (identical file)"}[result.status]
    click.echo(f"{verb}: {model.from_code}→{model.to_code} {model.version}")


@command.command("remove")
@click.argument("code")
def remove(code: str) -> None:
    """Remove the model for a pair, e.g. zh_en or zh-en."""
    model = remove_model(code)
    click.echo(f"removed: {model.from_code}→{model.to_code} {model.version}")
