"""``provenance ingest PATH...``: load articles and show what the tool sees in them."""

from __future__ import annotations

import json
import sys
from typing import Any

import click

from provenance.cli.options import corpus_paths, output_format, strict_input


def ingest_document(paths: tuple[str, ...], *, strict: bool = False) -> dict[str, Any]:
    """The JSON document ``--format json`` prints: signature and prepared articles, and
    the files left out or repaired (``issues``, present only when there are any)."""
    from provenance.cli.progress import progress_bar
    from provenance.corpus import ingest_signature, read_corpus, warn_issues

    with progress_bar() as progress:
        corpus = read_corpus(list(paths), strict=strict, progress=progress)
    warn_issues(corpus.issues)
    document: dict[str, Any] = {"signature": str(ingest_signature()),
                                "articles": [a.to_dict() for a in corpus.articles]}
    if corpus.issues:
        document["issues"] = [issue.to_dict() for issue in corpus.issues]
    return document


@click.command(name="ingest")
@corpus_paths("paths")
@output_format("text", "json")
@strict_input
def command(paths: tuple[str, ...], fmt: str, strict: bool) -> None:
    """Load articles and list them: id, outlet, language, sentences, boilerplate lines.

    PATHS are files (.txt, .md with YAML front matter, .html, .json, .jsonl) or folders
    searched recursively. Boilerplate (notices, credits, captions, menus, share bars,
    related links, subheadings, repeated lines...) is set aside, never aligned.
    """
    from provenance.cli.issues import summarise_issues
    from provenance.model import InputIssue

    document = ingest_document(paths, strict=strict)
    if fmt == "json":
        json.dump(document, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        _print_table(document)
    summarise_issues([InputIssue(**i) for i in document.get("issues", [])])


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
