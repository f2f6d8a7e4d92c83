"""Exchange glossaries with other tools: TBX (read 2008 ``martif`` and v3, write v3
TBX-Basic) and CSV (a header row of language codes, one concept per row).

CSV cells hold the forms of one language separated by `` | ``; a form whose status is
not implied by its position (first: preferred, others: admitted) or that is
case-sensitive carries a bracket: ``Space Force Command [deprecated]``,
``WSJ [preferred, case-sensitive]``. Extra columns ``id``, ``category``, ``canonical``,
``notes`` and ``language`` (the language an outlet publishes in) are optional on import,
so files written before ``language`` existed still read. A cell that a spreadsheet would
run as a formula (``=...``, ``@SUM(...)``, a leading ``+``, ``-``, tab or CR) is written
with a leading apostrophe and read back without it (:mod:`provenance.spreadsheet`).

In TBX the publication language is a concept-level
``<descrip type="publicationLanguage">``; tools that do not know it ignore it.
"""

from __future__ import annotations

import csv
import io
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Sequence
from pathlib import Path

from provenance.atomicfile import write_atomic
from provenance.errors import BadInput, GlossaryError
from provenance.glossary.model import (
    CONCEPT_LANGUAGES,
    LANGUAGES,
    STATUSES,
    Concept,
    Form,
    known_concept_language,
)
from provenance.lang import glossary_code
from provenance.spreadsheet import read_cell, safe_cell

TBX_NS = "urn:iso:std:iso:30042:ed-2"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_STATUS_TO_TBX = {s: f"{s}Term-admn-sts" for s in STATUSES}
_TBX_TO_STATUS = {
    "preferredterm-admn-sts": "preferred", "admittedterm-admn-sts": "admitted",
    "deprecatedterm-admn-sts": "deprecated", "supersededterm-admn-sts": "deprecated",
    "preferred": "preferred", "admitted": "admitted", "deprecated": "deprecated",
}
_CASE_NOTE = "case-sensitive"
_CANONICAL_NOTE = "canonical: "
_LANGUAGE_DESCRIP = "publicationLanguage"
META_COLUMNS = ("id", "category", "canonical", "notes", "language")


def normalise_lang(code: str) -> str:
    """A TBX/CSV language tag as a glossary code: zh-CN -> zh-Hans, en-US -> en."""
    mapped = glossary_code(code.strip())
    for known in LANGUAGES:
        if known.lower() == mapped.lower():
            return known
    return mapped


def publication_language(code: str, where: str) -> str | None:
    """A concept's ``language`` cell/element: empty -> None, unknown -> GlossaryError."""
    if not code.strip():
        return None
    known = known_concept_language(code)
    if known is None:
        raise GlossaryError(f"{where}: unknown publication language {code.strip()!r} "
                            f"(known: {', '.join(CONCEPT_LANGUAGES)})")
    return known


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "concept"


def _default_canonical(forms: dict[str, list[Form]]) -> str | None:
    english = [f for f in forms.get("en", []) if f.status != "deprecated"]
    return english[0].text if english else None


# ---------------------------------------------------------------- TBX

def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _children(node: ET.Element, *names: str) -> list[ET.Element]:
    return [child for child in node if _local(child.tag) in names]


def read_tbx(path: str | Path) -> list[Concept]:
    """Concepts from a TBX file: v3 (conceptEntry/langSec/termSec) or 2008 martif
    (termEntry/langSet/tig|ntig)."""
    path = Path(path)
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as exc:
        line = exc.position[0] if exc.position else 1
        raise GlossaryError(f"{path}:{line}: malformed TBX: {exc}") from exc
    if _local(root.tag) not in ("tbx", "martif"):
        raise GlossaryError(f"{path}:1: not a TBX file (root element <{_local(root.tag)}>)")
    concepts = []
    for index, entry in enumerate(e for e in root.iter()
                                  if _local(e.tag) in ("conceptEntry", "termEntry")):
        concepts.append(_read_entry(entry, index, str(path)))
    return concepts


def _read_entry(entry: ET.Element, index: int, source: str) -> Concept:
    category, notes, canonical, language = "other", "", None, None
    for node in _children(entry, "descrip", "descripGrp", "note", "admin"):
        if _local(node.tag) == "descripGrp":
            node = next(iter(_children(node, "descrip")), node)
        kind = node.get("type", "")
        text = (node.text or "").strip()
        if kind == "subjectField" and text:
            category = text
        elif kind == _LANGUAGE_DESCRIP:
            language = publication_language(text, f"{source}: {entry.get('id') or index + 1}")
        elif kind == "definition" or (_local(node.tag) == "note" and
                                       not text.startswith(_CANONICAL_NOTE)):
            notes = "\n".join(x for x in (notes, text) if x)
        elif _local(node.tag) == "note" and text.startswith(_CANONICAL_NOTE):
            canonical = text[len(_CANONICAL_NOTE):].strip()
    forms: dict[str, list[Form]] = {}
    for lang_node in _children(entry, "langSec", "langSet"):
        lang = normalise_lang(lang_node.get(XML_LANG) or lang_node.get("lang") or "und")
        for term_node in _children(lang_node, "termSec", "tig", "ntig"):
            group = next(iter(_children(term_node, "termGrp")), term_node)
            term = next(iter(_children(group, "term")), None)
            if term is None or not "".join(term.itertext()).strip():
                continue
            status, case_sensitive = None, False
            for note in [*_children(group, "termNote"), *_children(term_node, "termNote")]:
                if note.get("type") == "administrativeStatus":
                    status = _TBX_TO_STATUS.get((note.text or "").strip().lower())
            for note in _children(term_node, "note"):
                case_sensitive |= (note.text or "").strip() == _CASE_NOTE
            existing = forms.setdefault(lang, [])
            status = status or ("preferred" if not existing else "admitted")
            existing.append(Form(" ".join("".join(term.itertext()).split()), status,
                                 case_sensitive))
    concept_id = entry.get("id") or slug(_default_canonical(forms) or f"concept-{index + 1}")
    return Concept(id=concept_id, category=category,
                   canonical=canonical or _default_canonical(forms) or concept_id,
                   forms=forms, notes=notes, source=source, language=language)


def write_tbx(concepts: Iterable[Concept], path: str | Path) -> None:
    """Write TBX v3 (TBX-Basic dialect, DCA style); category goes to subjectField."""
    ET.register_namespace("", TBX_NS)
    root = ET.Element(f"{{{TBX_NS}}}tbx", {"type": "TBX-Basic", "style": "dca", XML_LANG: "en"})
    header = ET.SubElement(root, f"{{{TBX_NS}}}tbxHeader")
    desc = ET.SubElement(ET.SubElement(header, f"{{{TBX_NS}}}fileDesc"),
                         f"{{{TBX_NS}}}sourceDesc")
    ET.SubElement(desc, f"{{{TBX_NS}}}p").text = "Exported by provenance glossary export"
    body = ET.SubElement(ET.SubElement(root, f"{{{TBX_NS}}}text"), f"{{{TBX_NS}}}body")
    for concept in concepts:
        entry = ET.SubElement(body, f"{{{TBX_NS}}}conceptEntry", {"id": concept.id})
        ET.SubElement(entry, f"{{{TBX_NS}}}descrip", {"type": "subjectField"}).text = \
            concept.category
        if concept.notes:
            ET.SubElement(entry, f"{{{TBX_NS}}}descrip", {"type": "definition"}).text = \
                concept.notes
        if concept.language:
            ET.SubElement(entry, f"{{{TBX_NS}}}descrip", {"type": _LANGUAGE_DESCRIP}).text = \
                concept.language
        if concept.canonical != _default_canonical(concept.forms):
            ET.SubElement(entry, f"{{{TBX_NS}}}note").text = _CANONICAL_NOTE + concept.canonical
        for lang, forms in concept.forms.items():
            lang_sec = ET.SubElement(entry, f"{{{TBX_NS}}}langSec", {XML_LANG: lang})
            for form in forms:
                term_sec = ET.SubElement(lang_sec, f"{{{TBX_NS}}}termSec")
                ET.SubElement(term_sec, f"{{{TBX_NS}}}term").text = form.text
                ET.SubElement(term_sec, f"{{{TBX_NS}}}termNote",
                              {"type": "administrativeStatus"}).text = _STATUS_TO_TBX[form.status]
                if form.case_sensitive:
                    ET.SubElement(term_sec, f"{{{TBX_NS}}}note").text = _CASE_NOTE
    ET.indent(root)
    text = ET.tostring(root, encoding="unicode", xml_declaration=False)
    write_atomic(path, '<?xml version="1.0" encoding="UTF-8"?>\n' + text + "\n")


# ---------------------------------------------------------------- CSV

def _format_form(form: Form, index: int) -> str:
    implied = "preferred" if index == 0 else "admitted"
    marks = []
    if form.status != implied or form.case_sensitive:
        marks.append(form.status)
    if form.case_sensitive:
        marks.append(_CASE_NOTE)
    return form.text + (f" [{', '.join(marks)}]" if marks else "")


_MARKED = re.compile(r"^(?P<text>.*?)\s*\[(?P<marks>[a-z ,\-]+)\]$")


def _parse_cell(cell: str, where: str) -> list[Form]:
    forms: list[Form] = []
    for index, raw in enumerate(p.strip() for p in cell.split(" | ") if p.strip()):
        status, case_sensitive, text = ("preferred" if index == 0 else "admitted"), False, raw
        if match := _MARKED.match(raw):
            text = match["text"]
            for mark in (m.strip() for m in match["marks"].split(",")):
                if mark in STATUSES:
                    status = mark
                elif mark == _CASE_NOTE:
                    case_sensitive = True
                else:
                    raise GlossaryError(f"{where}: unknown mark {mark!r} in {raw!r}")
        forms.append(Form(text, status, case_sensitive))
    return forms


def write_csv(concepts: Sequence[Concept], path: str | Path) -> None:
    """One row per concept: id, category, canonical, notes, language, then one column per
    form language."""
    langs = [lang for lang in LANGUAGES if any(lang in c.forms for c in concepts)]
    langs += sorted({lang for c in concepts for lang in c.forms} - set(langs))
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow([*META_COLUMNS, *langs])
    for c in concepts:
        cells = [" | ".join(_format_form(f, i) for i, f in enumerate(c.forms.get(lang, [])))
                 for lang in langs]
        canonical = "" if c.canonical == _default_canonical(c.forms) else c.canonical
        # Forms and notes are text from the web and from users: never a formula.
        writer.writerow([safe_cell(value) for value in
                         (c.id, c.category, canonical, c.notes, c.language or "", *cells)])
    write_atomic(path, buffer.getvalue())


def read_csv(path: str | Path) -> list[Concept]:
    """Concepts from a CSV whose header names language codes (plus optional meta columns)."""
    path = Path(path)
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = [[read_cell(value) for value in row] for row in csv.reader(handle)]
    if not rows:
        raise GlossaryError(f"{path}:1: empty CSV (expected a header row of language codes)")
    header = [h.strip() for h in rows[0]]
    lang_columns = {i: normalise_lang(h) for i, h in enumerate(header) if h not in META_COLUMNS}
    unknown = [header[i] for i, code in lang_columns.items() if code not in LANGUAGES]
    if unknown or not lang_columns:
        raise GlossaryError(f"{path}:1: header must name language codes "
                            f"({', '.join(LANGUAGES)}); got {', '.join(unknown) or 'none'}")
    meta = {name: header.index(name) for name in META_COLUMNS if name in header}
    concepts = []
    for line, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        row = row + [""] * (len(header) - len(row))
        forms = {code: parsed for i, code in lang_columns.items()
                 if (parsed := _parse_cell(row[i], f"{path}:{line}"))}
        if not forms:
            raise GlossaryError(f"{path}:{line}: a row without any form")

        def cell(name: str, row: list[str] = row) -> str:
            return row[meta[name]].strip() if name in meta else ""

        canonical = cell("canonical") or _default_canonical(forms) or \
            next(iter(forms.values()))[0].text
        concepts.append(Concept(id=cell("id") or slug(canonical),
                                category=cell("category") or "other", canonical=canonical,
                                forms=forms, notes=cell("notes"), source=str(path), line=line,
                                language=publication_language(cell("language"),
                                                              f"{path}:{line}")))
    return concepts


# ---------------------------------------------------------------- dispatch

def read_exchange(path: str | Path) -> list[Concept]:
    """Concepts from a .tbx/.xml or .csv file (chosen by extension)."""
    suffix = Path(path).suffix.lower()
    if suffix in (".tbx", ".xml"):
        return read_tbx(path)
    if suffix == ".csv":
        return read_csv(path)
    raise BadInput(f"{path}: unknown exchange format {suffix!r} (use .tbx or .csv)")


def write_exchange(concepts: Sequence[Concept], path: str | Path) -> None:
    """Write concepts as .tbx or .csv (chosen by extension)."""
    suffix = Path(path).suffix.lower()
    if suffix in (".tbx", ".xml"):
        write_tbx(concepts, path)
    elif suffix == ".csv":
        write_csv(concepts, path)
    else:
        raise BadInput(f"{path}: unknown exchange format {suffix!r} (use .tbx or .csv)")
