"""Edit glossary files safely: add a concept, add a variant, remove a concept.

Every edit is a locked read-modify-write: a file lock (``.<name>.lock`` beside the
file) serialises concurrent writers so none loses another's entry, the file is parsed
again inside the lock, and the result is written atomically (temp file, fsync, rename)
with its order and comments kept. Edits refuse a duplicate id or a variant that
another concept already claims, naming where it is defined.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from filelock import FileLock, Timeout
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from provenance.errors import BadInput, GlossaryError
from provenance.glossary.fileformat import (
    new_document,
    parse_concepts,
    read_document,
    save_document,
)
from provenance.glossary.model import (
    CATEGORIES,
    CONCEPT_LANGUAGES,
    LANGUAGES,
    STATUSES,
    Concept,
    Form,
    known_concept_language,
)
from provenance.glossary.validate import errors_only, glossary_files, validate_paths

LOCK_TIMEOUT_SECONDS = 30.0


def lock_path(path: Path) -> Path:
    return path.parent / f".{path.name}.lock"


@contextmanager
def locked(path: str | Path) -> Any:
    """Hold the write lock of one glossary file."""
    path = Path(path)
    lock = FileLock(str(lock_path(path)), timeout=LOCK_TIMEOUT_SECONDS)
    try:
        with lock:
            yield
    except Timeout as exc:
        raise GlossaryError(f"{path}: another process holds the glossary lock "
                            f"({lock_path(path)}); try again") from exc


def _load_for_edit(path: Path) -> tuple[Any, list[Concept]]:
    doc = read_document(path) if path.exists() else new_document()
    concepts, problems = parse_concepts(doc, path)
    errors = errors_only(problems)
    if errors:
        raise GlossaryError(f"{errors[0]} (fix the file before editing it)")
    return doc, concepts


def _others(path: Path, context: Iterable[str | Path] | None) -> list[Concept]:
    """Concepts of the other glossary files that an edit must not clash with."""
    sources = [path.parent] if context is None else list(context)
    files = [f for f in glossary_files(sources) if f.resolve() != path.resolve()]
    concepts, _ = validate_paths(files) if files else ([], [])
    return concepts


def _clash(concepts: Iterable[Concept], lang: str, form: Form, own_id: str) -> Concept | None:
    for concept in concepts:
        if concept.id == own_id:
            continue
        for other in concept.forms.get(lang, []):
            # Two case-sensitive forms may differ by case only; otherwise case is ignored.
            if form.case_sensitive and other.case_sensitive:
                same = other.text == form.text
            else:
                same = other.text.casefold() == form.text.casefold()
            if same:
                return concept
    return None


def _check_form(lang: str, form: Form) -> None:
    if lang not in LANGUAGES:
        raise BadInput(f"unknown language code {lang!r} (known: {', '.join(LANGUAGES)})")
    if not form.text.strip():
        raise BadInput(f"empty {lang} form")
    if form.status not in STATUSES:
        raise BadInput(f"unknown status {form.status!r} (known: {', '.join(STATUSES)})")


def _form_node(form: Form, index: int) -> Any:
    """A plain string when the position implies the status, else a flow mapping."""
    implied = "preferred" if index == 0 else "admitted"
    if form.status == implied and not form.case_sensitive:
        return form.text
    node = CommentedMap()
    node["text"] = form.text
    node["status"] = form.status
    if form.case_sensitive:
        node["case_sensitive"] = True
    node.fa.set_flow_style()
    return node


def add_concept(path: str | Path, concept_id: str, category: str,
                forms: Mapping[str, Sequence[Form]], *, canonical: str | None = None,
                notes: str = "", context: Iterable[str | Path] | None = None,
                language: str | None = None) -> Concept:
    """Append a new concept to ``path`` (created if missing) and return it.

    ``context`` lists other glossary files or folders the new forms must not clash with
    (default: the other files in the same folder). Raises BadInput naming the clash.
    ``language`` is the language an outlet publishes in (see ``Concept.language``).
    """
    path = Path(path)
    concept_id = concept_id.strip()
    if not concept_id:
        raise BadInput("a concept needs an id")
    if category not in CATEGORIES:
        raise BadInput(f"unknown category {category!r} (known: {', '.join(CATEGORIES)})")
    if not any(forms.values()):
        raise BadInput(f"{concept_id}: give at least one form (e.g. --en 'Blue Origin')")
    for lang, lang_forms in forms.items():
        for form in lang_forms:
            _check_form(lang, form)
    if canonical is None and not forms.get("en"):
        raise BadInput(f"{concept_id}: give an English form or a canonical name")
    if language is not None:
        known = known_concept_language(language)
        if known is None:
            raise BadInput(f"{concept_id}: unknown publication language {language!r} "
                           f"(known: {', '.join(CONCEPT_LANGUAGES)})")
        language = known
    others = _others(path, context)
    with locked(path):
        doc, own = _load_for_edit(path)
        for concept in [*own, *others]:
            if concept.id == concept_id:
                raise BadInput(f"concept {concept_id!r} already exists "
                               f"({concept.source}:{concept.line})")
        for lang, lang_forms in forms.items():
            for form in lang_forms:
                if (hit := _clash([*own, *others], lang, form, concept_id)) is not None:
                    raise BadInput(f"{lang} form {form.text!r} is already claimed by "
                                   f"{hit.id!r} ({hit.source}:{hit.line})")
        canonical = canonical or forms["en"][0].text
        node = _concept_node(Concept(concept_id, category, canonical,
                                     {k: list(v) for k, v in forms.items() if v}, notes,
                                     language=language))
        doc["concepts"].append(node)
        save_document(path, doc)
    concepts, _ = parse_concepts(read_document(path), path)
    return next(c for c in concepts if c.id == concept_id)


def add_variant(path: str | Path, concept_id: str, lang: str, text: str,
                status: str | None = None, *, case_sensitive: bool = False,
                context: Iterable[str | Path] | None = None) -> Concept:
    """Add one form to an existing concept in ``path``; returns the updated concept.

    ``status`` defaults to "preferred" for a concept's first form in ``lang`` and to
    "admitted" otherwise. Refuses (BadInput) an unknown concept, a form the concept
    already has, or a form another concept claims in the same language.
    """
    path = Path(path)
    _check_form(lang, Form(text, status or "admitted", case_sensitive))
    others = _others(path, context)
    with locked(path):
        doc, own = _load_for_edit(path)
        target = next((c for c in own if c.id == concept_id), None)
        if target is None:
            raise BadInput(f"no concept {concept_id!r} in {path}")
        if status is None:
            status = "admitted" if target.forms.get(lang) else "preferred"
        form = Form(" ".join(text.split()), status, case_sensitive)
        if _clash([target], lang, form, "") is not None:
            raise BadInput(f"{concept_id} already has the {lang} form {form.text!r}")
        if (hit := _clash([*own, *others], lang, form, concept_id)) is not None:
            raise BadInput(f"{lang} form {form.text!r} is already claimed by "
                           f"{hit.id!r} ({hit.source}:{hit.line})")
        node = next(n for n in doc["concepts"] if isinstance(n, dict) and n.get("id") == concept_id)
        forms = node.get("forms")
        if forms is None:
            forms = node["forms"] = CommentedMap()
        seq = forms.get(lang)
        if seq is None:
            seq = CommentedSeq()
            seq.fa.set_flow_style()
            forms[lang] = seq
        elif isinstance(seq, (str, dict)):
            seq = forms[lang] = CommentedSeq([seq])
            seq.fa.set_flow_style()
        seq.append(_form_node(form, len(seq)))
        save_document(path, doc)
    concepts, _ = parse_concepts(read_document(path), path)
    return next(c for c in concepts if c.id == concept_id)


def remove_concept(path: str | Path, concept_id: str) -> None:
    """Delete a concept (and its comment lines' anchor) from ``path``."""
    path = Path(path)
    with locked(path):
        doc, own = _load_for_edit(path)
        seq = doc["concepts"]
        index = next((i for i, n in enumerate(seq)
                      if isinstance(n, dict) and n.get("id") == concept_id), None)
        if index is None:
            raise BadInput(f"no concept {concept_id!r} in {path}")
        del seq[index]
        save_document(path, doc)


def file_of(concept_id: str, paths: Iterable[str | Path]) -> Path:
    """The glossary file (among files/folders ``paths``) that defines ``concept_id``."""
    concepts, _ = validate_paths(paths)
    for concept in concepts:
        if concept.id == concept_id and concept.source:
            return Path(concept.source)
    raise BadInput(f"no concept {concept_id!r} in {', '.join(str(p) for p in paths)}")


def _concept_node(concept: Concept) -> CommentedMap:
    node = CommentedMap()
    node["id"] = concept.id
    node["category"] = concept.category
    english = [f for f in concept.forms.get("en", []) if f.status != "deprecated"]
    if not english or english[0].text != concept.canonical:
        node["canonical"] = concept.canonical
    if concept.language:
        node["language"] = concept.language
    form_map = CommentedMap()
    for lang, lang_forms in concept.forms.items():
        if lang_forms:
            seq = CommentedSeq(_form_node(f, i) for i, f in enumerate(lang_forms))
            seq.fa.set_flow_style()
            form_map[lang] = seq
    node["forms"] = form_map
    if concept.notes:
        node["notes"] = concept.notes
    return node


@dataclass
class ImportSummary:
    """What ``import_concepts`` did: new concepts, forms added to existing ones, skips."""

    added: list[str] = field(default_factory=list)
    extended: dict[str, int] = field(default_factory=dict)
    skipped: list[str] = field(default_factory=list)


def import_concepts(path: str | Path, concepts: Iterable[Concept], *,
                    context: Iterable[str | Path] | None = None) -> ImportSummary:
    """Merge concepts (e.g. read from TBX or CSV) into the YAML glossary ``path``.

    New ids are appended; forms of an id already in ``path`` are added when new; a
    form another concept claims, or an id defined in another file, is skipped and
    reported in the summary rather than silently overwritten.
    """
    path = Path(path)
    summary = ImportSummary()
    others = _others(path, context)
    other_ids = {c.id: c for c in others}
    with locked(path):
        doc, own = _load_for_edit(path)
        known = {c.id: c for c in own}
        for incoming in concepts:
            if incoming.category not in CATEGORIES:
                incoming.category = "other"
            if incoming.id in other_ids:
                hit = other_ids[incoming.id]
                summary.skipped.append(f"{incoming.id}: already defined in {hit.source}")
                continue
            kept: dict[str, list[Form]] = {}
            for lang, form in incoming.all_forms():
                if lang not in LANGUAGES:
                    summary.skipped.append(f"{incoming.id}: unknown language {lang!r}")
                    continue
                hit = _clash([*known.values(), *others], lang, form, incoming.id)
                if hit is not None:
                    summary.skipped.append(f"{incoming.id}: {lang} {form.text!r} belongs to "
                                           f"{hit.id}")
                    continue
                current = known.get(incoming.id)
                if current is not None and _clash([current], lang, form, "") is not None:
                    continue
                kept.setdefault(lang, []).append(form)
            if incoming.id in known:
                node = next(n for n in doc["concepts"]
                            if isinstance(n, dict) and n.get("id") == incoming.id)
                added = 0
                for lang, lang_forms in kept.items():
                    seq = node["forms"].get(lang)
                    if seq is None:
                        seq = CommentedSeq()
                        seq.fa.set_flow_style()
                        node["forms"][lang] = seq
                    for form in lang_forms:
                        seq.append(_form_node(form, len(seq)))
                        added += 1
                if added:
                    summary.extended[incoming.id] = added
                _merge_language(node, incoming, summary)
            elif kept:
                concept = Concept(incoming.id, incoming.category, incoming.canonical, kept,
                                  incoming.notes, language=incoming.language)
                doc["concepts"].append(_concept_node(concept))
                known[incoming.id] = concept
                summary.added.append(incoming.id)
        save_document(path, doc)
    return summary


def _merge_language(node: Any, incoming: Concept, summary: ImportSummary) -> None:
    """Give an existing concept the imported ``language`` it lacks; never overwrite one."""
    if not incoming.language:
        return
    current = node.get("language")
    if current is None:
        # keep the usual key order: after canonical/category, before forms
        position = list(node.keys()).index("forms") if "forms" in node else len(node)
        node.insert(position, "language", incoming.language)
    elif current != incoming.language:
        summary.skipped.append(f"{incoming.id}: language {incoming.language!r} differs from "
                               f"{current!r} in {node.get('id')}")
