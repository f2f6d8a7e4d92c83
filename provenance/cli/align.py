"""``provenance align SRC TGT``: which sentences of a relay render which of its source."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import click

from provenance.cli.options import output_format
from provenance.cli.pair_input import pair_options

if TYPE_CHECKING:
    from provenance.model import Alignment


def print_table(src: list[str], tgt: list[str], alignment: Alignment) -> None:
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    from provenance.drift.kinds import sentence_numbers

    table = Table(show_lines=True, expand=True)
    table.add_column("src", justify="right", no_wrap=True, style="dim")
    table.add_column(f"source ({alignment.src_lang})", ratio=1, overflow="fold")
    table.add_column("tgt", justify="right", no_wrap=True, style="dim")
    table.add_column(f"relay ({alignment.tgt_lang})", ratio=1, overflow="fold")
    table.add_column("score", justify="right", no_wrap=True)
    for link in alignment.links:
        # article text is not Rich markup: "[WSJ]" must print as written
        left = escape(" ".join(src[i] for i in link.src)) if link.src else "[italic]— added —[/]"
        right = (escape(" ".join(tgt[j] for j in link.tgt)) if link.tgt
                 else "[italic]— omitted —[/]")
        # sentence numbers are 1-based wherever a person reads them (JSON keeps indices)
        table.add_row(sentence_numbers(link.src, ","), left, sentence_numbers(link.tgt, ","),
                      right,
                      f"{link.score:.2f}" if link.src and link.tgt else "")
    Console().print(table)


@click.command(name="align")
@pair_options
@output_format("text", "json", "tmx")
def command(src: str, tgt: str, src_lang: str | None, tgt_lang: str | None, presegmented: bool,
            translation: str | None, translator: str, glossaries: tuple[str, ...], mode: str,
            vector_budget: int | None, fmt: str) -> None:
    """Align the sentences of a relay TGT with its source SRC.

    Every sentence of both sides appears in exactly one link: 1-1, merges and splits,
    omissions (source only), additions (relay only), and crossing links when a
    re-report moved a block.
    """
    from provenance.cli.progress import progress_bar
    from provenance.pairs import PAIR_PHASES, PairSettings, align_pair, read_pair
    from provenance.pipeline import load_glossary

    pair = read_pair(src, tgt, src_lang=src_lang, tgt_lang=tgt_lang, presegmented=presegmented,
                     translation=translation)
    with progress_bar() as progress:  # a long pair shows its phases
        alignment = align_pair(
            pair.src, pair.tgt, PairSettings(translator, mode, vector_budget),
            load_glossary(glossaries),
            translation=pair.translation,
            on_phase=lambda name: progress("pair", PAIR_PHASES.index(name), len(PAIR_PHASES)))
    src_sents = [s.text for s in pair.src.sentences]
    tgt_sents = [s.text for s in pair.tgt.sentences]
    if fmt == "json":
        from provenance.pairs import alignment_document

        click.echo(json.dumps(alignment_document(alignment), ensure_ascii=False))
    elif fmt == "tmx":
        from provenance.align.tmx import alignment_tmx

        click.echo(alignment_tmx(src_sents, tgt_sents, alignment), nl=False)
    else:
        settings = alignment.signature.settings
        click.echo(f"mode: {alignment.mode} (asked: {mode}); translator: "
                   f"{settings.get('translator')}", err=True)
        print_table(src_sents, tgt_sents, alignment)
