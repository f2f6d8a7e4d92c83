"""``provenance align SRC TGT``: which sentences of a relay render which of its source."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

import click

from provenance.cli.options import glossary_paths, output_format
from provenance.errors import BadInput

if TYPE_CHECKING:
    from provenance.model import Alignment


def read_side(path: str, lang: str | None, presegmented: bool) -> tuple[list[str], str]:
    """Sentences and language of one side.

    Presegmented files keep every line, so sentence i is line i (0-based); otherwise the
    file is loaded as an article (boilerplate split off, language detected, segmented).
    """
    if presegmented:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
        if not any(line.strip() for line in lines):
            raise BadInput(f"{path}: no sentences")
        if lang:
            return lines, lang
        from provenance.langid import detect_language

        return lines, detect_language(" ".join(lines))[0]
    from provenance.corpus import load_corpus

    articles = load_corpus([path])
    if not articles or not articles[0].sentences:
        raise BadInput(f"{path}: no article text found")
    article = articles[0]
    return [s.text for s in article.sentences], lang or article.lang


def run_align(src_path: str, tgt_path: str, *, src_lang: str | None, tgt_lang: str | None,
              presegmented: bool, translation: str | None, translator: str,
              glossaries: tuple[str, ...], mode: str) -> tuple[list[str], list[str], Alignment]:
    """Load both sides and align them; what every output format is printed from."""
    from provenance.align import align
    from provenance.glossary import Glossary, default_glossary

    src, s_lang = read_side(src_path, src_lang, presegmented)
    tgt, t_lang = read_side(tgt_path, tgt_lang, presegmented)
    rendered = None
    if translation:
        rendered = Path(translation).read_text(encoding="utf-8").splitlines()
        if len(rendered) != len(src):
            raise BadInput(f"{translation}: {len(rendered)} lines for {len(src)} source "
                           "sentences (one line per source sentence)")
        translator = "file"
    glossary = Glossary.load(list(glossaries)) if glossaries else default_glossary()
    alignment = align(src, tgt, s_lang, t_lang, translator=translator, translation=rendered,
                      glossary=glossary, mode=mode)
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
@click.argument("src", type=click.Path(exists=True, dir_okay=False))
@click.argument("tgt", type=click.Path(exists=True, dir_okay=False))
@click.option("--src-lang", help="Language of SRC (default: detected).")
@click.option("--tgt-lang", help="Language of TGT (default: detected).")
@click.option("--presegmented", is_flag=True,
              help="SRC and TGT hold one sentence per line; indices are line numbers.")
@click.option("--translation", type=click.Path(exists=True, dir_okay=False),
              help="One line per SRC sentence: its rendering in TGT's language.")
@click.option("--translator", type=click.Choice(["auto", "argos", "gloss", "file", "identity"]),
              default="auto", show_default=True, help="Backend that renders text in English.")
@glossary_paths
@click.option("--mode", type=click.Choice(["auto", "monotonic", "reorder"]), default="auto",
              show_default=True,
              help="monotonic: in order; reorder: also moved blocks; auto: picks and says.")
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
