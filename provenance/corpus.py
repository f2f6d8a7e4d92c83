"""Loading a corpus of articles from files and folders.

``load_corpus(paths)`` reads ``.txt``, ``.md`` (YAML front matter), ``.html`` (main text
and metadata via trafilatura; navigation, related links and footers kept as
boilerplate), ``.json`` (an object or a list of objects), ``.jsonl`` (one object per
line) and ``.parquet`` (one row per article, with pyarrow), and returns fully prepared
``Article``s: boilerplate separated, language detected, sentences segmented with spans
into ``Article.text``. ``article_from_text`` prepares in-memory text the same way.

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
import warnings
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from provenance.boilerplate import split_boilerplate, split_page_chrome
from provenance.encoding import decode_bytes, scrub_controls
from provenance.errors import BadInput, RepairedInput, SkippedInput
from provenance.langid import detect_language, sentence_language
from provenance.model import Article, BoilerplateBlock, InputIssue
from provenance.segment import segment
from provenance.signature import Signature

TEXT_SUFFIXES = (".txt", ".text")
MARKDOWN_SUFFIXES = (".md", ".markdown")
HTML_SUFFIXES = (".html", ".htm")
JSON_SUFFIXES = (".json",)
JSONL_SUFFIXES = (".jsonl", ".ndjson")
#: Parquet shards of articles (one row each: text, url, date, language...), the way news
#: archives are distributed; read with pyarrow, from the optional ``dask`` extra.
PARQUET_SUFFIXES = (".parquet",)
SUPPORTED_SUFFIXES = (TEXT_SUFFIXES + MARKDOWN_SUFFIXES + HTML_SUFFIXES + JSON_SUFFIXES
                      + JSONL_SUFFIXES + PARQUET_SUFFIXES)

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
    where: str = ""  # "item 3", "line 7" inside a multi-article file

    @property
    def label(self) -> str:
        """How messages name this article: its file, and its place in a multi-article file."""
        return f"{self.source_path} ({self.where})" if self.where else self.source_path


#: Largest file read at all: a JSON Lines file of many articles may be large, but a
#: gigabyte is not a corpus file.
MAX_FILE_BYTES = 256 * 1024 * 1024
#: Largest HTML page handed to the extractor (characters): pages are a few hundred KB.
MAX_PAGE_CHARS = 16_000_000


@dataclass
class Corpus:
    """What :func:`read_corpus` found: the articles, sorted by id, the files (or the
    articles in them) left out or repaired, and how many files were read."""

    articles: list[Article]
    issues: list[InputIssue]
    files: int


def load_corpus(paths: Sequence[str | Path], *, strict: bool = False,
                progress: Callable[[str, int, int], None] | None = None) -> list[Article]:
    """Every article in ``paths`` (files or folders, searched recursively), sorted by id.

    A file that cannot be used (empty, binary, undecodable, unreadable, malformed, too
    large) is left out with a :class:`~provenance.errors.SkippedInput` warning naming it
    and the reason, and stray bytes replaced in a file that is used give a
    :class:`~provenance.errors.RepairedInput` warning; with ``strict`` the first of
    either raises ``BadInput`` instead. ``progress("read", done, total)`` is called per
    file, ``progress("ingest", done, total)`` per article prepared.
    """
    corpus = read_corpus(paths, strict=strict, progress=progress)
    warn_issues(corpus.issues)
    return corpus.articles


#: prepare_many(raws): each found article prepared (an ``Article``), or the exception
#: that stopped it, in the order given; :func:`prepare_each` is the one in process, an
#: engine may run it elsewhere (:mod:`provenance.engine`)
PrepareMany = Callable[[Sequence["_Raw"]], Iterable["Article | Exception"]]


def read_corpus(paths: Sequence[str | Path], *, strict: bool = False,
                progress: Callable[[str, int, int], None] | None = None,
                prepare_many: PrepareMany | None = None) -> Corpus:
    """:func:`load_corpus` returning the issues instead of warning about them.

    Raises ``BadInput`` for a path that does not exist, a folder without article files,
    and a corpus of which nothing could be used (all issues are in the message's count).
    Files are read here; the articles found in them are prepared (boilerplate,
    language, sentences) by ``prepare_many``, by default here too.
    """
    if isinstance(paths, str | Path):
        paths = [paths]
    report = progress or (lambda stage, done, total: None)
    intake = _Intake(strict)
    files = _collect(paths, intake)
    raws: list[_Raw] = []
    for done, path in enumerate(files, 1):
        with intake.reading(str(path)):
            found = _read(path, intake)
            for raw in found:
                raw.default_id = raw.default_id or path.stem
            raws += found
        report("read", done, len(files))
    raws = _assign_ids(raws, intake)
    articles = []
    # one at a time here (progress per article, strict stops at the first bad one)
    prepared = iter((prepare_many or _prepare_lazily)(raws))
    for done, raw in enumerate(raws, 1):
        with intake.reading(raw.source_path, raw.label):
            article = next(prepared)
            if isinstance(article, Exception):
                raise article  # the issue it makes, as if it had been raised here
            articles.append(article)
        report("ingest", done, len(raws))
    if not articles:
        issues = intake.issues
        if len(issues) == 1:
            raise BadInput(issues[0].message)
        warn_issues(issues)
        raise BadInput(f"none of the {len(files)} files holds a usable article"
                       + (f" ({len(issues)} problems, first: {issues[0].message})"
                          if issues else ""))
    return Corpus(sorted(articles, key=lambda a: a.id), intake.issues, len(files))


def prepare_each(raws: Sequence[_Raw]) -> list[Article | Exception]:
    """Each article found in a file, prepared, or the exception that stopped it (which
    :func:`read_corpus` turns into the issue of that article)."""
    return list(_prepare_lazily(raws))


def _prepare_lazily(raws: Sequence[_Raw]) -> Iterator[Article | Exception]:
    for raw in raws:
        try:
            yield _prepare(raw)
        except Exception as exc:  # reported by the reader, as any one article's failure
            yield exc


def raw_digest(raw: _Raw) -> str:
    """Identity of what :func:`prepare_each` reads in a found article."""
    h = hashlib.sha256()
    for part in (raw.label, raw.text, json.dumps(raw.fields, sort_keys=True, default=str),
                 *(b.text for b in raw.boilerplate)):
        h.update(part.encode("utf-8", "surrogatepass"))
        h.update(b"\0")
    return h.hexdigest()[:24]


def warn_issues(issues: Sequence[InputIssue]) -> None:
    """Each issue as a one-line warning (the CLI prints ``warning: <message>``)."""
    for issue in issues:
        warnings.warn(str(issue), SkippedInput if issue.skipped else RepairedInput,
                      stacklevel=2)


class _Intake:
    """Collects the issues of one corpus read; under ``strict`` the first one raises."""

    def __init__(self, strict: bool) -> None:
        self.strict = strict
        self.issues: list[InputIssue] = []

    def skip(self, path: str, message: str) -> None:
        if self.strict:
            raise BadInput(message)
        self.issues.append(InputIssue(path, message, skipped=True))

    def repaired(self, path: str, message: str) -> None:
        if self.strict:
            raise BadInput(f"{message} (--strict refuses repaired input)")
        self.issues.append(InputIssue(path, message, skipped=False))

    @contextmanager
    def reading(self, path: str, label: str | None = None) -> Iterator[None]:
        """Whatever goes wrong with one file (or the article ``label`` names in it)
        skips it, not the corpus."""
        label = label or path
        try:
            yield
        except BadInput as exc:
            self.skip(path, str(exc))
        except OSError as exc:
            self.skip(path, f"{exc.filename or label}: cannot read ({exc.strerror or exc})")
        except Exception as exc:  # a parser's crash on one odd file
            self.skip(path, f"{label}: cannot read ({type(exc).__name__}: {exc})")


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

def require_paths(paths: Sequence[str | Path]) -> None:
    """Raise ``BadInput`` naming the first of ``paths`` that does not exist: a path the
    user typed is a usage error, unlike a bad file found in a folder."""
    for given in paths:
        if not Path(given).exists():
            raise BadInput(f"{given}: no such file or folder")


def _collect(paths: Sequence[str | Path], intake: _Intake) -> list[Path]:
    files: list[Path] = []
    seen: set[Path] = set()
    require_paths(paths)
    for given in paths:
        path = Path(given)
        if path.is_dir():
            found = _files_in(path, intake)
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
                files.append(p)
    return files


def _files_in(root: Path, intake: _Intake) -> list[Path]:
    """Article files below ``root``, hidden files and folders left out; a folder that
    cannot be listed is an issue like an unreadable file."""

    def unreadable(exc: OSError) -> None:
        where = str(exc.filename or root)
        intake.skip(where, f"{where}: cannot read folder ({exc.strerror or exc})")

    found = []
    for folder, dirs, names in os.walk(root, onerror=unreadable):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in names:
            path = Path(folder, name)
            if name.startswith(".") or path.suffix.lower() not in SUPPORTED_SUFFIXES:
                continue
            if path.stem.casefold() in FOLDER_DOCUMENTS:
                intake.skip(str(path), f"{path}: the folder's {path.stem}, not an article "
                                       "(name the file itself to read it as one)")
                continue
            found.append(path)
    return sorted(found)


#: Files a folder of articles often holds besides its articles (their stems): left out
#: when a folder is read, read when named.
FOLDER_DOCUMENTS = frozenset({"readme", "license", "licence", "copying", "changelog",
                              "contributing", "authors"})
#: A text whose lines are mostly Markdown table rows (and this many at least) is a
#: document of notes or data about articles, not an article.
TABLE_ROWS = 10
_TABLE_ROW = re.compile(r"^\s*\|.*\|\s*$")


def _not_a_table_document(path: Path, text: str) -> None:
    lines = [line for line in text.splitlines() if line.strip()]
    rows = sum(1 for line in lines if _TABLE_ROW.match(line))
    if rows >= TABLE_ROWS and rows * 2 >= len(lines):
        raise BadInput(f"{path}: {rows} of its {len(lines)} lines are table rows: a document "
                       "of notes or data, not an article")


def _assign_ids(raws: list[_Raw], intake: _Intake) -> list[_Raw]:
    """Give every article its id (see the module docstring); the raws kept, in order: a
    second article claiming an id already given is an issue."""
    explicit: dict[str, str] = {}
    kept = []
    for raw in raws:
        if raw.explicit_id:
            art_id = str(raw.fields["id"])
            if art_id in explicit:
                intake.skip(raw.source_path, f"duplicate article id '{art_id}' in "
                            f"{explicit[art_id]} and {raw.label}")
                continue
            explicit[art_id] = raw.label
        kept.append(raw)
    raws = kept
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
    return raws


def _path_id(raw: _Raw, common: Path, keep_extension: bool) -> str:
    source = Path(raw.source_path).resolve()
    suffix = raw.default_id[len(source.stem):]  # "#2" for multi-article files
    rel = source.relative_to(common)
    return (rel if keep_extension else rel.with_suffix("")).as_posix() + suffix


# --- reading files -------------------------------------------------------------------

def _read(path: Path, intake: _Intake) -> list[_Raw]:
    suffix = path.suffix.lower()
    if suffix in HTML_SUFFIXES:
        return [_read_html(path, intake)]
    if suffix in PARQUET_SUFFIXES:
        return _read_parquet(path, intake)
    text = _text_of(path, intake)
    if suffix in MARKDOWN_SUFFIXES or suffix in TEXT_SUFFIXES:
        _not_a_table_document(path, text)
    if suffix in MARKDOWN_SUFFIXES:
        return [_read_markdown(path, text)]
    if suffix in JSON_SUFFIXES:
        return _read_json(path, text, intake)
    if suffix in JSONL_SUFFIXES:
        return _read_jsonl(path, text, intake)
    return [_Raw(text=text, source_path=str(path))]


def _bytes_of(path: Path) -> bytes:
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise BadInput(f"{path}: too large to read ({size / 2**20:,.0f} MB; the limit is "
                       f"{MAX_FILE_BYTES // 2**20} MB)")
    return path.read_bytes()


def _text_of(path: Path, intake: _Intake, declared: str | None = None) -> str:
    """The decoded text of a file; replaced stray bytes are an issue of the file."""
    decoded = decode_bytes(_bytes_of(path), name=str(path), declared=declared)
    if problem := decoded.problem():
        intake.repaired(str(path), f"{path}: {problem}")
    return decoded.text


def _read_markdown(path: Path, text: str) -> _Raw:
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


def _read_json(path: Path, text: str, intake: _Intake) -> list[_Raw]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise BadInput(f"{path}: invalid JSON at line {exc.lineno}: {exc.msg}") from None
    if isinstance(data, dict) and isinstance(data.get("articles"), list):
        data = data["articles"]
    if not isinstance(data, list):
        return [_from_object(data, path, None, "", intake)]
    raws = []
    known = len(intake.issues)
    for n, item in enumerate(data, 1):
        # One bad item costs that item, not the file.
        with intake.reading(str(path), f"{path} (item {n})"):
            raws.append(_from_object(item, path, n, f"item {n}", intake))
    if not raws and len(intake.issues) == known:
        raise BadInput(f"{path}: no articles")
    return raws


def _read_jsonl(path: Path, text: str, intake: _Intake) -> list[_Raw]:
    raws: list[_Raw] = []
    known = len(intake.issues)
    for lineno, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        with intake.reading(str(path), f"{path} (line {lineno})"):
            try:
                item = json.loads(line)
            except json.JSONDecodeError as exc:
                raise BadInput(f"{path}: invalid JSON on line {lineno}: {exc.msg}") from None
            raws.append(_from_object(item, path, len(raws) + 1, f"line {lineno}", intake))
    if not raws and len(intake.issues) == known:
        raise BadInput(f"{path}: no articles")
    return raws


def _read_parquet(path: Path, intake: _Intake) -> list[_Raw]:
    """Each row an article, read like a JSON Lines object (``text``, ``url``, ``date``,
    ``language`` and the other article fields; other columns are metadata)."""
    try:
        import pyarrow.parquet as pq
    except ImportError:
        raise BadInput(f"{path}: reading Parquet needs pyarrow: "
                       "pip install 'provenance[dask]'") from None
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise BadInput(f"{path}: too large to read ({size / 2**20:,.0f} MB; the limit is "
                       f"{MAX_FILE_BYTES // 2**20} MB)")
    try:
        rows = pq.read_table(path).to_pylist()
    except Exception as exc:  # pyarrow's errors for a damaged or foreign file vary
        raise BadInput(f"{path}: not a readable Parquet file ({exc})") from None
    raws: list[_Raw] = []
    known = len(intake.issues)
    for n, row in enumerate(rows, 1):
        with intake.reading(str(path), f"{path} (row {n})"):
            item = {k: v for k, v in row.items() if v is not None}
            raws.append(_from_object(item, path, len(raws) + 1, f"row {n}", intake))
    if not raws and len(intake.issues) == known:
        raise BadInput(f"{path}: no articles")
    return raws


def _from_object(item: Any, path: Path, n: int | None, where: str, intake: _Intake) -> _Raw:
    label = f"{path} ({where})" if where else str(path)
    if not isinstance(item, dict):
        raise BadInput(f"{label}: expected an object with a 'text' field")
    fields, extra = _split_fields(item)
    text = fields.pop("text", None)
    if not isinstance(text, str) or not text.strip():
        raise BadInput(f"{label}: no 'text'")
    # JSON can carry any character escaped: control characters are stray bytes here too.
    text, controls = scrub_controls(text.replace("\r\n", "\n"))
    if controls:
        intake.repaired(str(path), f"{label}: {controls} control character"
                        f"{'s' if controls > 1 else ''} replaced with U+FFFD")
    raw = _Raw(text=text, source_path=str(path), fields=fields, metadata=extra, where=where)
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


def _read_html(path: Path, intake: _Intake) -> _Raw:
    data = _bytes_of(path)
    match = _META_CHARSET.search(data[:4096])
    declared = match.group(1).decode("ascii").lower().replace("_", "-") if match else None
    html = _text_of(path, intake, declared)
    if len(html) > MAX_PAGE_CHARS:
        raise BadInput(f"{path}: page too large ({len(html):,} characters; the limit is "
                       f"{MAX_PAGE_CHARS:,})")
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


# --- preparation ---------------------------------------------------------------------

def _prepare(raw: _Raw) -> Article:
    name = raw.label or str(raw.fields.get("id"))
    body, blocks = split_boilerplate(raw.text)
    if not body.strip():
        raise BadInput(f"{name}: no article text (everything is boilerplate)")
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
