"""``provenance ingest PATH...``: load articles and show what the tool sees in them."""

from __future__ import annotations

import json
import sys
from typing import Any

import click

from provenance.cli.options import output_format


def ingest_document(paths: tuple[str, ...]) -> dict[str, Any]:
    """The JSON document ``--format json`` prints: signature and prepared articles."""
    from provenance.cli.progress import progress_bar
    from provenance.corpus import ingest_signature, load_corpus

    with progress_bar() as progress:
        articles = load_corpus(list(paths), progress=progress)
    return {"signature": str(ingest_signature()),
            "articles": [a.to_dict() for a in articles]}


@click.command(name="ingest")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=str))
@output_format("text", "json")
def command(paths: tuple[str, ...], fmt: str) -> None:
    """Load articles and list them: id, outlet, language, sentences, boilerplate lines.

    PATHS are files (.txt, .md with YAML front matter, .html, .json, .jsonl) or folders
    searched recursively. Boilerplate (notices, credits, captions, menus, share bars,
    related links, subheadings, repeated lines...) is set aside, never aligned.
    """
    document = ingest_document(paths)
    if fmt == "json":
        json.dump(document, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return
    _print_table(document)


def _print_table(document: dict[str, Any]) -> None:
    from rich.console import Console
    from rich.table import Table

    from provenance.lang import support_lines

    articles = document["articles"]
    table = Table(title=f"{len(articles)} article(s)", title_justify="left")
    table.add_column("id", overflow="fold")
    table.add_column("outlet")
    table.add_column("language")
    table.add_column("sentences", justify="right")
    table.add_column("boilerplate lines", justify="right")
    table.add_column("boilerplate kinds")
    for a in articles:
        lang = a["language"] or "und"
        if a["declared_language"] and a["declared_language"] != lang:
            lang = f"{lang} (declared {a['declared_language']})"
        blocks = a["boilerplate"]
        lines = sum(len(b["text"].splitlines()) for b in blocks)
        kinds = ", ".join(dict.fromkeys(b["reason"] for b in blocks)) or "-"
        table.add_row(a["id"], a["outlet"] or "-",
                      f"{lang} {a['language_confidence']:.2f}",
                      str(len(a["sentences"])), str(lines), kinds)
    console = Console()
    console.print(table)
    for line in support_lines((a["id"], a["declared_language"] or a["language"]) for a in articles):
        console.print(line, style="dim", highlight=False, markup=False)
    console.print(f"signature: {document['signature']}", style="dim", highlight=False,
                  soft_wrap=True)
