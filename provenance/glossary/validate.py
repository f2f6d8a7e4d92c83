"""Check glossary files and report every problem with its file and line.

Per file (see :mod:`provenance.glossary.fileformat`): malformed YAML, unknown keys,
unknown category, status or language code (of a form, or of a concept's ``language``,
the language an outlet publishes in), empty forms, concepts without an id or a
canonical name. Across files: duplicate concept ids, and one variant claimed by two
concepts in the same language (compared case-folded), which would make matching
ambiguous.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from provenance.errors import GlossaryError
from provenance.glossary.fileformat import Problem, load_file
from provenance.glossary.model import Concept, Form


def glossary_files(paths: Iterable[str | Path]) -> list[Path]:
    """Expand folders to their ``*.yaml``/``*.yml`` files (sorted); keep files as given."""
    files: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files.extend(sorted(p for p in path.iterdir()
                                if p.suffix in (".yaml", ".yml") and not p.name.startswith(".")))
        elif path.is_file():
            files.append(path)
        else:
            raise GlossaryError(f"{path}: no such glossary file or folder")
    # A file named both directly and through its folder is read once.
    unique: dict[Path, Path] = {}
    for file in files:
        unique.setdefault(file.resolve(), file)
    return list(unique.values())


def _form_line(concept: Concept, form: Form) -> int:
    return form.line or concept.line or 1


def check_concepts(concepts: Sequence[Concept]) -> list[Problem]:
    """Problems that involve more than one concept (ids and variants)."""
    problems: list[Problem] = []
    by_id: dict[str, Concept] = {}
    claimed: dict[tuple[str, str], Concept] = {}
    for concept in concepts:
        where, line = concept.source or "<memory>", concept.line or 1
        if concept.id in by_id:
            first = by_id[concept.id]
            problems.append(Problem(where, line, f"duplicate concept id {concept.id!r} "
                                    f"(first defined at {first.source}:{first.line})"))
            continue
        by_id[concept.id] = concept
        own: set[tuple[str, str]] = set()
        for lang, form in concept.all_forms():
            # Case-sensitive forms differ by case on purpose ("the Journal" / "The Journal").
            key = (lang, form.text if form.case_sensitive else form.text.casefold())
            if key in own:
                problems.append(Problem(where, _form_line(concept, form),
                                        f"{concept.id}: {lang} form {form.text!r} listed twice",
                                        severity="warning"))
                continue
            own.add(key)
            other = claimed.get(key)
            if other is not None and other.id != concept.id:
                problems.append(Problem(
                    where, _form_line(concept, form),
                    f"{concept.id}: {lang} form {form.text!r} is already claimed by "
                    f"{other.id!r} ({other.source}:{other.line})"))
                continue
            claimed[key] = concept
    return problems


def validate_paths(paths: Iterable[str | Path]) -> tuple[list[Concept], list[Problem]]:
    """Load and check glossary files; malformed YAML becomes a problem, not an exception."""
    concepts: list[Concept] = []
    problems: list[Problem] = []
    for path in glossary_files(paths):
        try:
            file_concepts, file_problems = load_file(path)
        except GlossaryError as exc:
            where, line, message = _split_located(str(exc), str(path))
            problems.append(Problem(where, line, message))
            continue
        concepts.extend(file_concepts)
        problems.extend(file_problems)
    problems.extend(check_concepts(concepts))
    return concepts, problems


def _split_located(message: str, fallback: str) -> tuple[str, int, str]:
    """"file:12: text" -> (file, 12, text)."""
    head, sep, rest = message.partition(": ")
    path, colon, line = head.rpartition(":")
    if sep and colon and line.isdigit():
        return path, int(line), rest
    return fallback, 1, message


def errors_only(problems: Iterable[Problem]) -> list[Problem]:
    return [p for p in problems if p.severity == "error"]
