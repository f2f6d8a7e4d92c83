"""Loading a corpus of articles from files and folders.

``load_corpus(paths)`` reads ``.txt``, ``.md`` (YAML front matter), ``.html`` (main text
and metadata via trafilatura; navigation, related links and footers kept as
boilerplate), ``.json`` (an object or a list of objects) and ``.jsonl`` (one object per
line), and returns fully prepared ``Article``s: boilerplate separated, language detected,
sentences segmented with spans into ``Article.text``. ``article_from_text`` prepares
in-memory text the same way.

Article ids are stable: the ``id`` given in front matter or JSON, else the file name
without extension (``name#2`` for the second article of a JSON/JSONL file without ids).
When two files in different folders share a name, their ids are their relative paths.
Articles are returned sorted by id.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from provenance.boilerplate import split_boilerplate, split_page_chrome
from provenance.encoding import decode, read_text
from provenance.errors import BadInput
from provenance.langid import detect_language, sentence_language
from provenance.model import Article, BoilerplateBlock
from provenance.segment import segment
from provenance.signature import Signature

TEXT_SUFFIXES = (".txt", ".text")
MARKDOWN_SUFFIXES = (".md", ".markdown")
HTML_SUFFIXES = (".html", ".htm")
JSON_SUFFIXES = (".json",)
JSONL_SUFFIXES = (".jsonl", ".ndjson")
SUPPORTED_SUFFIXES = (TEXT_SUFFIXES + MARKDOWN_SUFFIXES + HTML_SUFFIXES + JSON_SUFFIXES
                      + JSONL_SUFFIXES)

# Fields an article may carry in front matter or JSON, and the Article attribute they set.
_FIELD_ALIASES = {
    "id": "id", "title": "title", "headline": "title", "outlet": "outlet", "source": "outlet",
    "sitename": "outlet", "url": "url", "link": "url", "published": "published",
    "date": "published", "language": "declared_language", "lang": "declared_language",
    "text": "text", "body": "text", "content": "text",
}
_FRONT_MATTER = re.compile(r"\A\ufeff?---[ \t]*\n(.*?\n)?---[ \t]*(?:\n|\Z)", re.DOTALL)


@dataclass
class _Raw:
    """What a file reader found, before preparation."""

    text: str
    source_path: str
    fields: dict[str, Any] = field(default_factory=dict)
    metadata: dict[str, Any] = field(default_factory=dict)
    boilerplate: list[BoilerplateBlock] = field(default_factory=list)
    default_id: str = ""
    explicit_id: bool = False


def load_corpus(paths: Sequence[str | Path], *,
                progress: Callable[[str, int, int], None] | None = None) -> list[Article]:
    """Every article in ``paths`` (files or folders, searched recursively), sorted by id.

    ``progress("ingest", done, total)`` is called as articles are prepared.
    """
    if isinstance(paths, str | Path):
        paths = [paths]
    files = list(_collect(paths))
    raws: list[_Raw] = []
    for path in files:
        for raw in _read(path):
            raw.default_id = raw.default_id or path.stem
            raws.append(raw)
    _assign_ids(raws)
    articles = []
    for done, raw in enumerate(raws, 1):
        articles.append(_prepare(raw))
        if progress:
            progress("ingest", done, len(raws))
    return sorted(articles, key=lambda a: a.id)


def ingest_signature() -> Signature:
    """The settings that shape ingest results: segmenter, language identifier, rules."""
    from importlib.metadata import version

    return Signature({
        "segmenter": f"sentencex-{version('sentencex')}+rules",
        "langid": f"langdetect-{version('langdetect')}+script",
        "boilerplate": "rules",
    })


def article_from_text(text: str, *, id: str | None = None, lang: str | None = None,
                      **meta: Any) -> Article:
    """An article from in-memory text, prepared like a loaded file.

    ``lang`` is the declared language; ``meta`` may set ``title``, ``outlet``, ``url``,
    ``published`` and ``source_path``; other keys go to ``Article.metadata``.
    """
    if not text or not text.strip():
        raise BadInput("empty text")
    raw = _Raw(text=text, source_path=str(meta.pop("source_path", "") or "") or "")
    fields, extra = _split_fields({**meta, "language": lang})
    raw.fields, raw.metadata = fields, extra
    raw.fields["id"] = id or "text-" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:10]
    return _prepare(raw)


# --- finding files -------------------------------------------------------------------

def _collect(paths: Sequence[str | Path]) -> Iterator[Path]:
    seen: set[Path] = set()
    for given in paths:
        path = Path(given)
        if not path.exists():
            raise BadInput(f"{path}: no such file or folder")
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file() and _wanted(p, path))
            if not found:
                raise BadInput(f"{path}: no article files in folder "
                               f"(looked for {', '.join(SUPPORTED_SUFFIXES)})")
            candidates = found
        elif path.suffix.lower() not in SUPPORTED_SUFFIXES:
            raise BadInput(f"{path}: unsupported file type '{path.suffix or '(none)'}' "
                           f"(supported: {', '.join(SUPPORTED_SUFFIXES)})")
        else:
            candidates = [path]
        for p in candidates:
            key = p.resolve()
            if key not in seen:
                seen.add(key)
                yield p


def _wanted(path: Path, root: Path) -> bool:
    rel = path.relative_to(root)
    if any(part.startswith(".") for part in rel.parts):
        return False
    return path.suffix.lower() in SUPPORTED_SUFFIXES


def _assign_ids(raws: list[_Raw]) -> None:
    explicit: dict[str, str] = {}
    for raw in raws:
        if raw.explicit_id:
            art_id = str(raw.fields["id"])
            if art_id in explicit:
                raise BadInput(f"duplicate article id '{art_id}' in {explicit[art_id]} "
                               f"and {raw.source_path}")
            explicit[art_id] = raw.source_path
    groups: dict[str, list[_Raw]] = {}
    for raw in raws:
        if not raw.explicit_id:
            groups.setdefault(raw.default_id, []).append(raw)
    for default_id, group in groups.items():
        files = {Path(r.source_path).resolve() for r in group}
        if len(files) == 1 and default_id not in explicit:
            for raw in group:
                raw.fields["id"] = default_id
            continue
        # The same file name in several folders: the path below their common folder
        # tells them apart, whatever order the folders were given in.
        common = Path(os.path.commonpath([str(f.parent) for f in files]))
        for keep_extension in (False, True):  # "a.txt" and "a.md" side by side keep theirs
            ids = [_path_id(raw, common, keep_extension) for raw in group]
            if len(set(ids)) == len(ids) and not set(ids) & explicit.keys():
                break
        else:
            raise BadInput(f"articles in {group[0].source_path} clash with article id "
                           f"'{default_id}'; give them ids")
        for raw, art_id in zip(group, ids, strict=True):
            raw.fields["id"] = art_id


def _path_id(raw: _Raw, common: Path, keep_extension: bool) -> str:
    source = Path(raw.source_path).resolve()
    suffix = raw.default_id[len(source.stem):]  # "#2" for multi-article files
    rel = source.relative_to(common)
    return (rel if keep_extension else rel.with_suffix("")).as_posix() + suffix


# --- reading files -------------------------------------------------------------------

def _read(path: Path) -> list[_Raw]:
    suffix = path.suffix.lower()
    if suffix in MARKDOWN_SUFFIXES:
        return [_read_markdown(path)]
    if suffix in HTML_SUFFIXES:
        return [_read_html(path)]
    if suffix in JSON_SUFFIXES:
        return _read_json(path)
    if suffix in JSONL_SUFFIXES:
        return _read_jsonl(path)
    return [_Raw(text=read_text(path), source_path=str(path))]


def _read_markdown(path: Path) -> _Raw:
    text = read_text(path)
    raw = _Raw(text=text, source_path=str(path))
    match = _FRONT_MATTER.match(text)
    if not match:
        return raw
    header = _parse_yaml(match.group(1) or "", path)
    raw.text = text[match.end():]
    raw.fields, raw.metadata = _split_fields(header)
    raw.explicit_id = raw.fields.get("id") is not None
    if not raw.text.strip():
        raise BadInput(f"{path}: no article text after the front matter")
    return raw


def _parse_yaml(source: str, path: Path) -> dict[str, Any]:
    from ruamel.yaml import YAML
    from ruamel.yaml.error import YAMLError

    try:
        data = YAML(typ="safe", pure=True).load(source)
    except YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" line {mark.line + 2}" if mark else ""
        raise BadInput(f"{path}:{where} invalid front matter: "
                       f"{getattr(exc, 'problem', None) or exc}") from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise BadInput(f"{path}: front matter must be a mapping of fields")
    return data


def _read_json(path: Path) -> list[_Raw]:
    try:
        data = json.loads(read_text(path))
    except json.JSONDecodeError as exc:
        raise BadInput(f"{path}: invalid JSON at line {exc.lineno}: {exc.msg}") from None
    if isinstance(data, dict) and isinstance(data.get("articles"), list):
        data = data["articles"]
    items = data if isinstance(data, list) else [data]
    multi = isinstance(data, list)
    return [_from_object(item, path, n if multi else None) for n, item in enumerate(items, 1)]


def _read_jsonl(path: Path) -> list[_Raw]:
    raws = []
    for lineno, line in enumerate(read_text(path).split("\n"), 1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as exc:
            raise BadInput(f"{path}: invalid JSON on line {lineno}: {exc.msg}") from None
        raws.append(_from_object(item, path, len(raws) + 1, where=f"line {lineno}"))
    if not raws:
        raise BadInput(f"{path}: no articles")
    return raws


def _from_object(item: Any, path: Path, n: int | None, where: str | None = None) -> _Raw:
    where = where or (f"item {n}" if n else "")
    label = f"{path} ({where})" if where else str(path)
    if not isinstance(item, dict):
        raise BadInput(f"{label}: expected an object with a 'text' field")
    fields, extra = _split_fields(item)
    text = fields.pop("text", None)
    if not isinstance(text, str) or not text.strip():
        raise BadInput(f"{label}: no 'text'")
    raw = _Raw(text=text.replace("\r\n", "\n"), source_path=str(path), fields=fields,
               metadata=extra)
    raw.explicit_id = fields.get("id") is not None
    raw.default_id = f"{path.stem}#{n}" if n else path.stem
    return raw


def _split_fields(data: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """Known article fields (normalised) and the rest (kept as metadata)."""
    fields: dict[str, Any] = {}
    extra: dict[str, Any] = {}
    for key, value in data.items():
        target = _FIELD_ALIASES.get(str(key).lower())
        value = _plain(value)
        if target and target not in fields:
            if value is None or value == "":
                continue
            fields[target] = value if target == "text" else str(value)
        elif value is not None:
            extra[str(key)] = value
    return fields, extra


def _plain(value: Any) -> Any:
    """YAML dates and other objects as JSON-safe values."""
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


# --- HTML ----------------------------------------------------------------------------

_META_CHARSET = re.compile(rb"<meta[^>]+charset=[\"']?([A-Za-z0-9_\-]+)", re.IGNORECASE)


def _read_html(path: Path) -> _Raw:
    data = path.read_bytes()
    html = _decode_html(data, str(path))
    import trafilatura

    doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False,
                                      favor_recall=True, include_tables=True)
    if doc is None or not (getattr(doc, "text", None) or "").strip():
        raise BadInput(f"{path}: no article text found in the page")
    text = doc.text or ""
    title = (doc.title or "").strip() or None
    first, _, rest = text.partition("\n")
    if title and first.strip() == title and rest.strip():
        text = rest  # the headline is the title, not the first sentence of the body
    text, chrome = split_page_chrome(html, main_text=text)
    raw = _Raw(text=text, source_path=str(path), boilerplate=chrome)
    raw.fields, raw.metadata = _split_fields({
        "title": title, "outlet": doc.sitename, "url": doc.url, "published": doc.date,
    })
    for key in ("author", "hostname", "description"):
        if value := getattr(doc, key, None):
            raw.metadata[key] = value
    return raw


def _decode_html(data: bytes, name: str) -> str:
    match = _META_CHARSET.search(data[:4096])
    if match:
        try:
            return data.decode(match.group(1).decode("ascii").lower().replace("_", "-"))
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong declaration: detect instead
    return decode(data, name=name)


# --- preparation ---------------------------------------------------------------------

def _prepare(raw: _Raw) -> Article:
    body, blocks = split_boilerplate(raw.text)
    if not body.strip():
        raise BadInput(f"{raw.source_path or raw.fields.get('id')}: no article text "
                       "(everything is boilerplate)")
    language, confidence = detect_language(body)
    declared = raw.fields.get("declared_language")
    process_lang = declared or language
    sentences = segment(body, process_lang)
    for sentence in sentences:
        sentence.lang = sentence_language(sentence.text, process_lang)
    return Article(
        id=str(raw.fields["id"]),
        text=body,
        title=raw.fields.get("title"),
        outlet=raw.fields.get("outlet"),
        url=raw.fields.get("url"),
        published=raw.fields.get("published"),
        language=language,
        declared_language=declared,
        language_confidence=round(confidence, 4),
        source_path=raw.source_path or None,
        boilerplate=raw.boilerplate + blocks,
        sentences=sentences,
        metadata=raw.metadata,
    )
