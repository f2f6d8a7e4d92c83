"""The two inputs of ``align`` and ``drift``: options, loading and the translation file."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from provenance.cli.options import glossary_paths
from provenance.errors import BadInput
from provenance.model import Article, Sentence

F = TypeVar("F", bound=Callable[..., Any])


def pair_options(func: F) -> F:
    """SRC, TGT and the options every two-article command takes (a stable contract)."""
    decorators = [
        click.argument("src", type=click.Path(exists=True, dir_okay=False)),
        click.argument("tgt", type=click.Path(exists=True, dir_okay=False)),
        click.option("--src-lang", help="Language of SRC (default: detected)."),
        click.option("--tgt-lang", help="Language of TGT (default: detected)."),
        click.option("--presegmented", is_flag=True,
                     help="SRC and TGT hold one sentence per line; indices are line numbers."),
        click.option("--translation", type=click.Path(exists=True, dir_okay=False),
                     help="SRC rendered in TGT's language, one line per SRC sentence."),
        click.option("--translator",
                     type=click.Choice(["auto", "argos", "gloss", "file", "identity"]),
                     default="auto", show_default=True,
                     help="How the two sides are brought into one language."),
        glossary_paths,
        click.option("--mode", type=click.Choice(["auto", "monotonic", "reorder"]),
                     default="auto", show_default=True,
                     help="Alignment search (reorder allows moved blocks)."),
    ]
    for decorator in reversed(decorators):
        func = decorator(func)
    return func


def load_side(path: str, lang: str | None, presegmented: bool) -> Article:
    """One side as an article.

    Presegmented files keep every line, blank ones too, so sentence i is line i
    (0-based). Otherwise the file is loaded like a corpus article (boilerplate split
    off, language detected, segmented); a declared ``lang`` is honoured before
    segmentation.
    """
    if presegmented:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
        if not any(line.strip() for line in lines):
            raise BadInput(f"{path}: no sentences")
        if not lang:
            from provenance.langid import detect_language

            lang = detect_language(" ".join(lines))[0]
        sentences, pos = [], 0
        for i, text in enumerate(lines):
            sentences.append(Sentence(i, text, pos, pos + len(text), lang))
            pos += len(text) + 1
        return Article(id=Path(path).stem, text="\n".join(lines), language=lang,
                       declared_language=lang, source_path=str(path), sentences=sentences)
    from provenance.corpus import article_from_text, load_corpus

    articles = load_corpus([path])
    if not articles or not articles[0].sentences:
        raise BadInput(f"{path}: no article text found")
    article = articles[0]
    if lang and lang != article.lang:
        # Segment and label again in the language the user says it is.
        again = article_from_text(article.text, id=article.id, lang=lang, title=article.title,
                                  outlet=article.outlet, url=article.url,
                                  published=article.published, source_path=article.source_path)
        again.boilerplate = article.boilerplate
        article = again
    return article


def read_translation(path: str | None, sentences: int) -> list[str] | None:
    """The ``--translation`` file: exactly one line per source sentence."""
    if not path:
        return None
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    if len(lines) != sentences:
        raise BadInput(f"{path}: {len(lines)} lines for {sentences} source sentences "
                       "(one line per source sentence)")
    return lines
