"""``provenance glossary``: list, show, edit, validate, import, export and suggest terms."""

from __future__ import annotations

import json
from pathlib import Path

import click

from provenance.cli.options import glossary_paths
from provenance.errors import BadInput
from provenance.glossary import STATUSES, Glossary
from provenance.glossary.model import CATEGORIES, LANGUAGES, Concept, Form
from provenance.paths import bundled_glossaries_dir
from provenance.signature import Signature


def _sources(glossaries: tuple[str, ...]) -> list[str | Path]:
    return list(glossaries) or [bundled_glossaries_dir()]


def _load(glossaries: tuple[str, ...]) -> Glossary:
    return Glossary.load(list(glossaries) or None)


def _describe_forms(concept: Concept, lang: str | None = None) -> str:
    parts = []
    for form_lang, forms in concept.forms.items():
        if lang and form_lang != lang:
            continue
        texts = [f.text + ("" if f.status != "deprecated" else " (deprecated)") for f in forms]
        parts.append(f"{form_lang}: {', '.join(texts)}")
    return "; ".join(parts)


def _parse_form_option(value: str) -> tuple[str, str, str | None]:
    """``LANG=TEXT[:status]`` -> (lang, text, status or None)."""
    lang, sep, rest = value.partition("=")
    if not sep or not rest.strip():
        raise BadInput(f"--form {value!r}: expected LANG=TEXT[:status], e.g. uk=Блу Оріджин")
    text, status = rest, None
    head, colon, tail = rest.rpartition(":")
    if colon and tail.strip() in STATUSES:
        text, status = head, tail.strip()
    return lang.strip(), " ".join(text.split()), status


@click.group("glossary")
def command() -> None:
    """List, edit, validate, import and export term glossaries."""


@command.command("list")
@click.option("--category", type=click.Choice(CATEGORIES), help="Only this category.")
@click.option("--lang", help="Only concepts with forms in this glossary language (e.g. uk).")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="Output format.")
@glossary_paths
def list_cmd(category: str | None, lang: str | None, fmt: str,
             glossaries: tuple[str, ...]) -> None:
    """List concepts: id, category, canonical name and forms."""
    glossary = _load(glossaries)
    concepts = [c for c in glossary.concepts.values()
                if (category is None or c.category == category)
                and (lang is None or lang in c.forms)]
    if fmt == "json":
        signature = Signature({"glossary": glossary.digest})
        click.echo(json.dumps({"signature": str(signature),
                               "concepts": [c.to_dict() for c in concepts]},
                              ensure_ascii=False, indent=2))
        return
    for c in concepts:
        click.echo(f"{c.id}\t{c.category}\t{c.canonical}\t{_describe_forms(c, lang)}")
    click.echo(f"{len(concepts)} concept(s)", err=True)


@command.command("show")
@click.argument("concept_id")
@glossary_paths
def show_cmd(concept_id: str, glossaries: tuple[str, ...]) -> None:
    """Show one concept with every form, its status and where it is defined."""
    glossary = _load(glossaries)
    if concept_id not in glossary:
        raise BadInput(f"no concept {concept_id!r} (see `provenance glossary list`)")
    c = glossary.get(concept_id)
    click.echo(f"{c.id}  [{c.category}]  {c.canonical}")
    click.echo(f"  defined at {c.source}:{c.line}")
    for lang, forms in c.forms.items():
        for form in forms:
            flags = " case-sensitive" if form.case_sensitive else ""
            click.echo(f"  {lang:8} {form.text}  ({form.status}{flags})")
    if c.notes:
        click.echo(f"  notes: {c.notes}")


def _target_file(file: str | None, concept_id: str, glossaries: tuple[str, ...]) -> Path:
    from provenance.glossary.edit import file_of

    return Path(file) if file else file_of(concept_id, _sources(glossaries))


@command.command("add")
@click.argument("concept_id")
@click.option("--category", required=True, type=click.Choice(CATEGORIES), help="Category.")
@click.option("--en", "english", multiple=True,
              help="English form (repeatable; the first is preferred).")
@click.option("--form", "forms", multiple=True, metavar="LANG=TEXT[:status]",
              help="A form in another language (repeatable), e.g. ko=블루오리진.")
@click.option("--canonical", help="English canonical name (default: the first --en).")
@click.option("--notes", default="", help="Free-text notes.")
@click.option("--language", help="Language an outlet publishes in (e.g. ko for Yonhap).")
@click.option("--file", "file", required=True, type=click.Path(dir_okay=False),
              help="Glossary YAML file to add to (created if missing).")
def add_cmd(concept_id: str, category: str, english: tuple[str, ...], forms: tuple[str, ...],
            canonical: str | None, notes: str, language: str | None, file: str) -> None:
    """Add a concept; refuses a duplicate id or a form another concept claims."""
    from provenance.glossary.edit import add_concept

    by_lang: dict[str, list[Form]] = {}
    for i, text in enumerate(english):
        by_lang.setdefault("en", []).append(Form(text, "preferred" if i == 0 else "admitted"))
    for value in forms:
        lang, text, status = _parse_form_option(value)
        existing = by_lang.setdefault(lang, [])
        existing.append(Form(text, status or ("admitted" if existing else "preferred")))
    concept = add_concept(file, concept_id, category, by_lang, canonical=canonical, notes=notes,
                          language=language)
    click.echo(f"added {concept.id} to {file}:{concept.line}")


@command.command("add-variant")
@click.argument("concept_id")
@click.argument("lang", type=click.Choice(LANGUAGES))
@click.argument("text")
@click.option("--status", type=click.Choice(STATUSES), help="Default: preferred if first.")
@click.option("--case-sensitive", is_flag=True, help="Match this form with exact case only.")
@click.option("--file", type=click.Path(exists=True, dir_okay=False),
              help="Glossary file holding the concept (default: found in --glossary).")
@glossary_paths
def add_variant_cmd(concept_id: str, lang: str, text: str, status: str | None,
                    case_sensitive: bool, file: str | None, glossaries: tuple[str, ...]) -> None:
    """Add a form (e.g. a known mistranslation with --status deprecated) to a concept."""
    from provenance.glossary.edit import add_variant

    path = _target_file(file, concept_id, glossaries)
    add_variant(path, concept_id, lang, text, status, case_sensitive=case_sensitive)
    click.echo(f"added {lang} form {text!r} to {concept_id} in {path}")


@command.command("remove")
@click.argument("concept_id")
@click.option("--file", type=click.Path(exists=True, dir_okay=False),
              help="Glossary file holding the concept (default: found in --glossary).")
@glossary_paths
def remove_cmd(concept_id: str, file: str | None, glossaries: tuple[str, ...]) -> None:
    """Remove a concept from its glossary file."""
    from provenance.glossary.edit import remove_concept

    path = _target_file(file, concept_id, glossaries)
    remove_concept(path, concept_id)
    click.echo(f"removed {concept_id} from {path}")


@command.command("validate")
@click.argument("paths", nargs=-1, type=click.Path(exists=True))
def validate_cmd(paths: tuple[str, ...]) -> None:
    """Check glossary files; prints file:line: message per problem, exit 1 on errors."""
    from provenance.glossary.validate import errors_only, validate_paths

    concepts, problems = validate_paths(list(paths) or [bundled_glossaries_dir()])
    for problem in problems:
        click.echo(f"{problem.severity}: {problem}")
    errors = errors_only(problems)
    click.echo(f"{len(concepts)} concept(s), {len(errors)} error(s), "
               f"{len(problems) - len(errors)} warning(s)", err=True)
    if errors:
        raise SystemExit(1)


@command.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("--into", required=True, type=click.Path(dir_okay=False),
              help="Glossary YAML file to merge into (created if missing).")
def import_cmd(file: str, into: str) -> None:
    """Import concepts from a .tbx (2008 martif or v3) or .csv file into a YAML glossary."""
    from provenance.glossary.edit import import_concepts
    from provenance.glossary.exchange import read_exchange

    summary = import_concepts(into, read_exchange(file))
    click.echo(f"{len(summary.added)} concept(s) added, "
               f"{sum(summary.extended.values())} form(s) added to existing concepts, "
               f"{len(summary.skipped)} skipped")
    for message in summary.skipped:
        click.echo(f"skipped: {message}", err=True)


@command.command("export")
@click.argument("file", type=click.Path(dir_okay=False))
@click.option("--category", type=click.Choice(CATEGORIES), help="Only this category.")
@glossary_paths
def export_cmd(file: str, category: str | None, glossaries: tuple[str, ...]) -> None:
    """Export concepts to FILE: TBX v3 TBX-Basic (.tbx) or CSV (.csv)."""
    from provenance.glossary.exchange import write_exchange

    glossary = _load(glossaries)
    concepts = [c for c in glossary.concepts.values() if category in (None, c.category)]
    write_exchange(concepts, file)
    click.echo(f"exported {len(concepts)} concept(s) to {file}")


@command.command("suggest")
@click.argument("corpus", nargs=-1, required=True, type=click.Path(exists=True))
@click.option("--concepts", is_flag=True,
              help="Mine concepts from the corpus's aligned pairs: a relay's unknown name "
                   "with the English it renders, grouped across relays (runs the analysis).")
@click.option("--min-count", default=1, show_default=True,
              help="Only terms seen this often (with --concepts: in this many relays).")
@click.option("--top", type=int, help="Only the N best suggestions.")
@click.option("--kind", "kinds", multiple=True,
              type=click.Choice(["name", "outlet", "quoted", "quantity"]),
              help="Only these kinds (repeatable; without --concepts).")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="Output format.")
@glossary_paths
def suggest_cmd(corpus: tuple[str, ...], concepts: bool, min_count: int, top: int | None,
                kinds: tuple[str, ...], fmt: str, glossaries: tuple[str, ...]) -> None:
    """Names, quoted names, outlets and quantities in CORPUS that no concept covers; with
    --concepts, candidate concepts with their forms per language, ready for `glossary
    add` (or `add-variant` when the English side is a concept already)."""
    if concepts:
        _suggest_concepts(corpus, min_count, top, fmt, glossaries)
        return
    from provenance.corpus import load_corpus
    from provenance.glossary.suggest import KINDS, suggest_terms

    glossary = _load(glossaries)
    articles = load_corpus(list(corpus))
    suggestions = suggest_terms(articles, glossary, min_count=min_count,
                                kinds=kinds or KINDS)[:top]
    if fmt == "json":
        signature = Signature({"glossary": glossary.digest, "min_count": min_count})
        click.echo(json.dumps({"signature": str(signature),
                               "suggestions": [s.to_dict() for s in suggestions]},
                              ensure_ascii=False, indent=2))
        return
    for s in suggestions:
        click.echo(f"{s.count:4}  {s.kind:8}  {s.text}  [{','.join(s.langs)}]")
    click.echo(f"{len(suggestions)} suggestion(s) from {len(articles)} article(s)", err=True)


def _suggest_concepts(corpus: tuple[str, ...], min_count: int, top: int | None, fmt: str,
                      glossaries: tuple[str, ...]) -> None:
    from provenance.cli.progress import progress_bar
    from provenance.glossary.mining import mine_concepts
    from provenance.pipeline import analyze_corpus

    glossary = _load(glossaries)
    with progress_bar() as progress:
        analysis = analyze_corpus(list(corpus), glossary_paths=list(glossaries) or None,
                                  glossary=glossary, progress=progress)
    proposals = [p for p in mine_concepts(analysis, glossary) if p.articles >= min_count][:top]
    if fmt == "json":
        signature = Signature({"glossary": glossary.digest, "min_count": min_count,
                               "mode": "concepts"})
        click.echo(json.dumps({"signature": str(signature),
                               "concepts": [p.to_dict() for p in proposals]},
                              ensure_ascii=False, indent=2))
        return
    for p in proposals:
        forms = " | ".join([f"en: {', '.join(p.english)}"] * bool(p.english)
                           + [f"{lang}: {', '.join(f)}" for lang, f in p.forms.items()])
        evidence = ", ".join(f"{k} {n}" for k, n in p.evidence.items())
        click.echo(f"{p.score:5.2f}  {p.kind:7}  {p.id}  [{p.category}]  {forms}  "
                   f"({p.articles} relay(s): {evidence})")
        for line in p.command().splitlines():
            click.echo(f"       {line}")
    click.echo(f"{len(proposals)} proposal(s) from {len(analysis.articles)} article(s)",
               err=True)


@command.command("link")
@click.argument("name")
@click.option("--lang", required=True, help="Language of NAME (uk, ru, ko).")
@click.option("--min-score", default=0.8, show_default=True, help="Lowest fuzzy score (0-1).")
@glossary_paths
def link_cmd(name: str, lang: str, min_score: float, glossaries: tuple[str, ...]) -> None:
    """Romanise an unknown NAME and link it to the closest concept, if close enough."""
    from provenance.crosslingual.translit import link_unknown_name, romanize

    glossary = _load(glossaries)
    found = link_unknown_name(name, lang, glossary, min_score=min_score)
    latin = romanize(name, lang)
    if found is None:
        click.echo(f"{name} -> {latin}: no concept scores {min_score} or more")
        raise SystemExit(1)
    concept_id, score = found
    click.echo(f"{name} -> {latin} -> {concept_id} ({glossary.get(concept_id).canonical}, "
               f"score {score:.2f})")
