"""``provenance drift SRC TGT``: what drifted between a source and its relay."""

from __future__ import annotations

import json
from typing import Any

import click

from provenance.cli.options import output_format
from provenance.cli.pair_input import pair_options
from provenance.drift.kinds import (
    SEVERITY_LEVELS,
    drift_kind,
    kind_order,
    kind_symbol,
    sentence_numbers,
)
from provenance.model import Finding

#: characters of a sentence kept on either side of a drifted span
CONTEXT_CHARS = 40


def _highlight(text: str, spans: list[list[int]], kind: str) -> Any:
    """The drifted spans of a sentence in the kind's colour, with :data:`CONTEXT_CHARS`
    of text around each and the rest elided: the spans are what changed."""
    from rich.text import Text

    full = Text(text)
    keep: list[list[int]] = []
    for _, start, end in sorted(spans, key=lambda s: s[1]):
        full.stylize(f"{drift_kind(kind).terminal} underline", start, end)
        lo, hi = max(0, start - CONTEXT_CHARS), min(len(text), end + CONTEXT_CHARS)
        if lo > 0 and (space := text.find(" ", lo, start)) >= 0:  # whole words
            lo = space + 1
        if hi < len(text) and (space := text.rfind(" ", end, hi)) >= 0:
            hi = space
        if keep and lo <= keep[-1][1]:
            keep[-1][1] = max(keep[-1][1], hi)
        else:
            keep.append([lo, hi])
    out = Text()
    for n, (lo, hi) in enumerate(keep):
        out.append("…" if lo > 0 else "")
        out.append_text(full[lo:hi])
        if n == len(keep) - 1 and hi < len(text):
            out.append("…")
    return out


def _print_text(doc: dict[str, Any]) -> None:
    from rich.console import Console
    from rich.text import Text

    from provenance.lang import support_lines

    console = Console()
    findings = [Finding.from_dict(f) for f in doc["findings"]]
    summary = doc["summary"]
    console.print(f"[bold]{doc['src']['id']}[/] ({doc['src']['lang']}) → "
                  f"[bold]{doc['tgt']['id']}[/] ({doc['tgt']['lang']}): "
                  f"{summary['findings']} findings, drift score {summary['score']}")
    for line in support_lines((doc[side]["id"], doc[side]["lang"]) for side in ("src", "tgt")):
        console.print(line, style="dim", highlight=False, markup=False)
    for level in reversed(SEVERITY_LEVELS.values()):
        group = [f for f in findings if f.severity == level.name]
        if not group:
            continue
        console.rule(f"[{level.terminal}]{level.mark} {level.name} ({len(group)})")
        for f in group:
            # sentence numbers are 1-based wherever a person reads them
            where = f"src {sentence_numbers(f.src, ',') or '-'} / " \
                    f"tgt {sentence_numbers(f.tgt, ',') or '-'}"
            console.print(Text.assemble((f"{kind_symbol(f.kind)} {f.kind} ", level.terminal),
                                        (where + "  ", "dim"), f.message))
            for side, spans in (("src", f.src_spans), ("tgt", f.tgt_spans)):
                if not spans or f.kind in ("omission", "addition"):
                    continue
                for i in sorted({s[0] for s in spans}):
                    text = doc[side]["sentences"][i]
                    line = Text(f"    {side}: ", style="dim")
                    line.append(_highlight(text, [list(s) for s in spans if s[0] == i],
                                           f.kind))
                    console.print(line)
    if findings:
        kinds = summary["by_kind"]
        by_kind = ", ".join(f"{kind_symbol(k)} {k} {kinds[k]['count']} ({kinds[k]['score']})"
                            for k in kind_order(kinds))
        console.rule()
        console.print(f"by kind: {by_kind}")
    else:
        console.print("no drift found")
    # settings last: the findings are what a reader came for
    console.print(f"[dim]signature: {doc['signature']}[/]")


@click.command(name="drift")
@pair_options
@output_format("text", "json")
def command(src: str, tgt: str, src_lang: str | None, tgt_lang: str | None, presegmented: bool,
            translation: str | None, translator: str, glossaries: tuple[str, ...], mode: str,
            vector_budget: int | None, fmt: str) -> None:
    """Find what drifted between SRC (the reference, usually English) and its relay TGT.

    Numbers, dates, names, glossary terms, attributions, hedges, negations, relation
    verbs, and sentences dropped or added, each with a severity (minor, major,
    critical) and the spans that differ.
    """
    from provenance.cli.progress import progress_bar
    from provenance.pairs import PairSettings, compare_pair, drift_document, read_pair
    from provenance.pipeline import load_glossary

    glossary = load_glossary(glossaries)
    pair = read_pair(src, tgt, src_lang=src_lang, tgt_lang=tgt_lang, presegmented=presegmented,
                     translation=translation)
    with progress_bar() as progress:  # a long pair shows its phases
        result = compare_pair(pair.src, pair.tgt, PairSettings(translator, mode, vector_budget),
                              glossary, translation=pair.translation, progress=progress)
    doc = drift_document(pair.src, pair.tgt, result, glossary)
    if fmt == "json":
        click.echo(json.dumps(doc, ensure_ascii=False, indent=2))
    else:
        _print_text(doc)
