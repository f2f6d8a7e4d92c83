"""``provenance align SRC TGT``: which sentences of a relay render which of its source."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import click

from provenance.cli.options import output_format
from provenance.cli.pair_input import load_side, pair_options, read_translation
from provenance.errors import BadInput

if TYPE_CHECKING:
    from provenance.model import Alignment


def run_align(src_path: str, tgt_path: str, *, src_lang: str | None, tgt_lang: str | None,
              presegmented: bool, translation: str | None, translator: str,
              glossaries: tuple[str, ...], mode: str) -> tuple[list[str], list[str], Alignment]:
    """Load both sides and align them; what every output format is printed from."""
    from provenance.align import align
    from provenance.pipeline import load_glossary

    src_article = load_side(src_path, src_lang, presegmented)
    tgt_article = load_side(tgt_path, tgt_lang, presegmented)
    src = [s.text for s in src_article.sentences]
    tgt = [s.text for s in tgt_article.sentences]
    rendered = read_translation(translation, len(src))
    if rendered is not None:
        translator = "file"
    alignment = align(src, tgt, src_article.lang, tgt_article.lang, translator=translator,
                      translation=rendered, glossary=load_glossary(glossaries), mode=mode)
    return src, tgt, alignment


def alignment_json(alignment: Alignment) -> dict[str, object]:
    """The stable JSON contract: languages, mode, signature and links."""
    return {
        "src_lang": alignment.src_lang,
        "tgt_lang": alignment.tgt_lang,
        "mode": alignment.mode,
        "signature": str(alignment.signature),
        "links": [link.to_dict() for link in alignment.links],
    }


def print_table(src: list[str], tgt: list[str], alignment: Alignment) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(show_lines=True, expand=True)
    table.add_column("src", justify="right", no_wrap=True, style="dim")
    table.add_column(f"source ({alignment.src_lang})", ratio=1, overflow="fold")
    table.add_column("tgt", justify="right", no_wrap=True, style="dim")
    table.add_column(f"relay ({alignment.tgt_lang})", ratio=1, overflow="fold")
    table.add_column("score", justify="right", no_wrap=True)
    for link in alignment.links:
        left = " ".join(src[i] for i in link.src) if link.src else "[italic]— added —[/]"
        right = " ".join(tgt[j] for j in link.tgt) if link.tgt else "[italic]— omitted —[/]"
        table.add_row(",".join(map(str, link.src)), left, ",".join(map(str, link.tgt)), right,
                      f"{link.score:.2f}" if link.src and link.tgt else "")
    Console().print(table)


@click.command(name="align")
@pair_options
@output_format("text", "json", "tmx")
def command(src: str, tgt: str, src_lang: str | None, tgt_lang: str | None, presegmented: bool,
            translation: str | None, translator: str, glossaries: tuple[str, ...], mode: str,
            fmt: str) -> None:
    """Align the sentences of a relay TGT with its source SRC.

    Every sentence of both sides appears in exactly one link: 1-1, merges and splits,
    omissions (source only), additions (relay only), and crossing links when a
    re-report moved a block.
    """
    if translator == "file" and not translation:
        raise BadInput("--translator file needs --translation FILE")
    src_sents, tgt_sents, alignment = run_align(
        src, tgt, src_lang=src_lang, tgt_lang=tgt_lang, presegmented=presegmented,
        translation=translation, translator=translator, glossaries=glossaries, mode=mode)
    if fmt == "json":
        click.echo(json.dumps(alignment_json(alignment), ensure_ascii=False))
    elif fmt == "tmx":
        from provenance.align.tmx import alignment_tmx

        click.echo(alignment_tmx(src_sents, tgt_sents, alignment), nl=False)
    else:
        settings = alignment.signature.settings
        click.echo(f"mode: {alignment.mode} (asked: {mode}); translator: "
                   f"{settings.get('translator')}", err=True)
        print_table(src_sents, tgt_sents, alignment)
