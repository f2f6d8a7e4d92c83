"""The glossary file format: YAML read with line numbers, written back atomically.

A glossary file is a YAML mapping with a ``concepts`` list (see ``glossaries/README.md``)::

    concepts:
      - id: blue-origin
        category: company
        canonical: Blue Origin          # optional: defaults to the first English form
        language: en                    # optional: the language an outlet publishes in
        forms:
          en: [Blue Origin]
          zh-Hans: [蓝色起源]
          ko: [블루오리진, 블루 오리진]
          uk: [Блу Оріджин, {text: Блакитне походження, status: deprecated}]
        notes: Jeff Bezos's space company.

A form is either a plain string (the first one in a list is ``preferred``, the others
``admitted``) or a mapping ``{text, status, case_sensitive}``. Files are read with
ruamel's round-trip loader, so an edit keeps the order and the comments of the file.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from provenance.atomicfile import write_atomic
from provenance.errors import GlossaryError
from provenance.glossary.model import (
    CATEGORIES,
    CONCEPT_LANGUAGES,
    LANGUAGES,
    STATUSES,
    Concept,
    Form,
    known_concept_language,
)
from provenance.paths import data_dir

if TYPE_CHECKING:
    from ruamel.yaml import YAML
    from ruamel.yaml.comments import CommentedMap

CONCEPT_KEYS = frozenset({"id", "category", "canonical", "language", "forms", "notes"})
FORM_KEYS = frozenset({"text", "status", "case_sensitive"})


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a glossary file, located by file and 1-based line."""

    path: str
    line: int
    message: str
    severity: str = "error"  # "error" stops loading; "warning" does not

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


def yaml_round_trip() -> YAML:
    """The YAML reader/writer used for glossaries: round-trip, unicode, stable indent."""
    # Imported here: most commands read the parse cache and never need the parser.
    from ruamel.yaml import YAML

    yaml = YAML(typ="rt")
    yaml.allow_unicode = True
    yaml.width = 4096
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.preserve_quotes = True
    return yaml


def read_document(path: Path) -> Any:
    """Parse a glossary file; malformed YAML raises GlossaryError naming the line."""
    from ruamel.yaml.error import MarkedYAMLError

    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise GlossaryError(f"{path}:1: not UTF-8 text ({exc.reason})") from exc
    try:
        doc = yaml_round_trip().load(text)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else 1
        problem = exc.problem or exc.context or "malformed YAML"
        raise GlossaryError(f"{path}:{line}: malformed YAML: {problem}") from exc
    return new_document() if doc is None else doc


def _line_of_key(node: Any, key: Any, fallback: int) -> int:
    try:
        return int(node.lc.key(key)[0]) + 1
    except (AttributeError, KeyError, TypeError):
        return fallback


def _line_of_item(node: Any, index: int, fallback: int) -> int:
    try:
        return int(node.lc.item(index)[0]) + 1
    except (AttributeError, KeyError, TypeError, IndexError):
        return fallback


def parse_concepts(doc: Any, path: Path) -> tuple[list[Concept], list[Problem]]:
    """Concepts of one parsed file, plus every structural problem found in it."""
    where = str(path)
    problems: list[Problem] = []
    concepts: list[Concept] = []
    if not isinstance(doc, dict) or not isinstance(doc.get("concepts"), list):
        problems.append(Problem(where, 1, "expected a mapping with a 'concepts' list"))
        return concepts, problems
    seq = doc["concepts"]
    for index, item in enumerate(seq):
        line = _line_of_item(seq, index, 1)
        if not isinstance(item, dict):
            problems.append(Problem(where, line,
                                    "a concept must be a mapping with id, category, forms"))
            continue
        concept = _parse_concept(item, where, line, problems)
        if concept is not None:
            concepts.append(concept)
    return concepts, problems


def _parse_concept(item: Any, where: str, line: int, problems: list[Problem]) -> Concept | None:
    for key in item:
        if key not in CONCEPT_KEYS:
            problems.append(Problem(where, _line_of_key(item, key, line),
                                    f"unknown key {key!r} "
                                    f"(expected one of {sorted(CONCEPT_KEYS)})"))
    cid = item.get("id")
    if not isinstance(cid, str) or not cid.strip():
        problems.append(Problem(where, line, "concept without an id"))
        return None
    category = item.get("category")
    if category not in CATEGORIES:
        problems.append(Problem(where, _line_of_key(item, "category", line),
                                f"{cid}: unknown category {category!r} "
                                f"(known: {', '.join(CATEGORIES)})"))
        category = "other"
    forms: dict[str, list[Form]] = {}
    raw_forms = item.get("forms")
    if not isinstance(raw_forms, dict) or not raw_forms:
        problems.append(Problem(where, _line_of_key(item, "forms", line), f"{cid}: no forms"))
        raw_forms = {}
    for lang, entries in raw_forms.items():
        lang_line = _line_of_key(raw_forms, lang, line)
        if lang not in LANGUAGES:
            problems.append(Problem(where, lang_line,
                                    f"{cid}: unknown language code {lang!r} "
                                    f"(known: {', '.join(LANGUAGES)})"))
            continue
        if isinstance(entries, (str, dict)):
            entries = [entries]
        if not isinstance(entries, list) or not entries:
            problems.append(Problem(where, lang_line, f"{cid}: empty form list for {lang}"))
            continue
        parsed = []
        for j, entry in enumerate(entries):
            form = _parse_form(entry, j, cid, lang, where, _line_of_item(entries, j, lang_line),
                               problems)
            if form is not None:
                parsed.append(form)
        if parsed:
            forms[lang] = parsed
    canonical = item.get("canonical")
    if canonical is not None and (not isinstance(canonical, str) or not canonical.strip()):
        problems.append(Problem(where, _line_of_key(item, "canonical", line),
                                f"{cid}: empty canonical form"))
        canonical = None
    if canonical is None:
        english = [f for f in forms.get("en", []) if f.status != "deprecated"]
        if english:
            canonical = english[0].text
        else:
            problems.append(Problem(where, line,
                                    f"{cid}: no canonical form "
                                    "(give 'canonical' or an English form)"))
            canonical = cid
    notes = item.get("notes") or ""
    language = _parse_language(item, cid, where, line, problems)
    return Concept(id=cid.strip(), category=category, canonical=str(canonical).strip(), forms=forms,
                   notes=str(notes).strip(), source=where, line=line, language=language)


def _parse_language(item: Any, cid: str, where: str, line: int,
                    problems: list[Problem]) -> str | None:
    """The optional ``language`` key: a known code, or a problem on its line."""
    if "language" not in item:
        return None
    raw = item.get("language")
    known = known_concept_language(raw) if isinstance(raw, str) else None
    if known is None:
        problems.append(Problem(where, _line_of_key(item, "language", line),
                                f"{cid}: unknown publication language {raw!r} "
                                f"(known: {', '.join(CONCEPT_LANGUAGES)})"))
    return known


def _parse_form(entry: Any, index: int, cid: str, lang: str, where: str, line: int,
                problems: list[Problem]) -> Form | None:
    default_status = "preferred" if index == 0 else "admitted"
    if isinstance(entry, str):
        text, status, case_sensitive = entry, default_status, False
    elif isinstance(entry, dict):
        for key in entry:
            if key not in FORM_KEYS:
                problems.append(Problem(where, line, f"{cid}: unknown form key {key!r}"))
        text = entry.get("text")
        status = entry.get("status", default_status)
        case_sensitive = bool(entry.get("case_sensitive", False))
        if not isinstance(text, str):
            text = "" if text is None else str(text)
    else:
        problems.append(Problem(where, line, f"{cid}: a {lang} form must be text or a mapping"))
        return None
    if not text.strip():
        problems.append(Problem(where, line, f"{cid}: empty {lang} form"))
        return None
    if status not in STATUSES:
        problems.append(Problem(where, line,
                                f"{cid}: unknown status {status!r} (known: {', '.join(STATUSES)})"))
        status = "admitted"
    return Form(text=" ".join(text.split()), status=status, case_sensitive=case_sensitive,
                line=line)


#: Bump when parsing changes, so cached parses of unchanged files are not reused.
_PARSE_VERSION = "2"  # 2: concepts carry ``language``


def load_file(path: str | Path) -> tuple[list[Concept], list[Problem]]:
    """Read one glossary file: its concepts and its problems (malformed YAML raises).

    The round-trip YAML parser is slow (about a second for the bundled files), so the
    parse is cached under the data directory, keyed by the file's content hash: an
    unchanged file loads from JSON, an edited one is parsed again.
    """
    path = Path(path)
    raw = path.read_bytes()
    cache = _cache_file(raw)
    if cache is not None and cache.is_file():
        try:
            return _from_cache(json.loads(cache.read_text(encoding="utf-8")), str(path))
        except (ValueError, KeyError, TypeError, OSError):
            pass  # a damaged cache entry is simply parsed again
    concepts, problems = parse_concepts(read_document(path), path)
    if cache is not None:
        # Caching is an optimisation: a read-only home must not stop loading.
        with contextlib.suppress(OSError):
            write_atomic(cache, json.dumps(_to_cache(concepts, problems), ensure_ascii=False))
    return concepts, problems


def _cache_file(raw: bytes) -> Path | None:
    try:
        folder = data_dir() / "glossary-cache"
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    digest = hashlib.sha256(_PARSE_VERSION.encode() + b"\0" + raw).hexdigest()[:32]
    return folder / f"{digest}.json"


def _to_cache(concepts: list[Concept], problems: list[Problem]) -> dict[str, Any]:
    return {
        "concepts": [
            {**c.to_dict(), "line": c.line,
             "form_lines": {lang: [f.line for f in forms] for lang, forms in c.forms.items()}}
            for c in concepts
        ],
        "problems": [[p.line, p.message, p.severity] for p in problems],
    }


def _from_cache(data: dict[str, Any], where: str) -> tuple[list[Concept], list[Problem]]:
    concepts = []
    for c in data["concepts"]:
        forms = {
            lang: [Form(f["text"], f["status"], f["case_sensitive"], line)
                   for f, line in zip(entries, c["form_lines"][lang], strict=True)]
            for lang, entries in c["forms"].items()
        }
        concepts.append(Concept(c["id"], c["category"], c["canonical"], forms, c["notes"],
                                source=where, line=c["line"], language=c["language"]))
    problems = [Problem(where, line, message, severity)
                for line, message, severity in data["problems"]]
    return concepts, problems


def dump_document(doc: Any) -> str:
    buffer = io.StringIO()
    yaml_round_trip().dump(doc, buffer)
    return buffer.getvalue()


def save_document(path: str | Path, doc: Any) -> None:
    """Write a round-trip document back atomically, keeping order and comments."""
    write_atomic(path, dump_document(doc))


def new_document(description: str | None = None) -> CommentedMap:
    """An empty glossary document, optionally headed by a comment."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    doc = CommentedMap()
    doc["concepts"] = CommentedSeq()
    if description:
        doc.yaml_set_start_comment(description)
    return doc
