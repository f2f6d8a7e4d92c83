"""The ``file`` backend: translations the user supplies.

Two shapes are accepted:

* one line per source sentence, in order (the way Bleualign takes a translation): any
  text file; its line count must equal the number of sentences translated;
* a mapping from source sentence to translation: a JSON object
  (``{"source": "translation"}``) or a TSV file (``source<TAB>translation`` per line).
  A JSON list of strings is read as one line per sentence.

Lookups in a mapping ignore differences in Unicode normalisation and whitespace, because a
sentence copied from a web page rarely matches the segmenter's output byte for byte.
"""

from __future__ import annotations

import hashlib
import json
import unicodedata
from collections.abc import Sequence
from pathlib import Path

from provenance.errors import BadInput
from provenance.translate.base import Translator


def _norm(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).split())


class FileTranslator(Translator):
    """Serves the user's own translations, by position or by source sentence."""

    name = "file"

    def __init__(self, src_lang: str, tgt_lang: str, *, lines: Sequence[str] | None = None,
                 mapping: dict[str, str] | None = None, origin: str = "<memory>",
                 version: str | None = None) -> None:
        if (lines is None) == (mapping is None):
            raise ValueError("give exactly one of lines= or mapping=")
        self.lines = list(lines) if lines is not None else None
        self.mapping = {_norm(k): v for k, v in mapping.items()} if mapping is not None else None
        self.origin = origin
        if version is None:
            payload = json.dumps(self.lines if self.lines is not None else mapping,
                                 ensure_ascii=False, sort_keys=True)
            version = hashlib.sha256(payload.encode()).hexdigest()[:12]
        super().__init__(src_lang, tgt_lang, version=version)

    @classmethod
    def from_path(cls, path: str | Path, src_lang: str, tgt_lang: str) -> FileTranslator:
        """Read a translation file; the format follows the suffix (.json, .tsv, else lines)."""
        path = Path(path)
        try:
            raw = path.read_bytes()
        except FileNotFoundError:
            raise BadInput(f"translation file not found: {path}") from None
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise BadInput(f"{path}: translation file is not UTF-8 text") from None
        if "\x00" in text:
            raise BadInput(f"{path}: translation file is binary, expected text")
        version = hashlib.sha256(raw).hexdigest()[:12]
        suffix = path.suffix.lower()
        if suffix == ".json":
            return cls._from_json(text, path, src_lang, tgt_lang, version)
        if suffix == ".tsv":
            return cls(src_lang, tgt_lang, mapping=_parse_tsv(text, path), origin=str(path),
                       version=version)
        lines = text.splitlines()
        if lines and lines[-1] == "":
            lines.pop()
        return cls(src_lang, tgt_lang, lines=lines, origin=str(path), version=version)

    @classmethod
    def _from_json(cls, text: str, path: Path, src_lang: str, tgt_lang: str,
                   version: str) -> FileTranslator:
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise BadInput(f"{path}: invalid JSON at line {exc.lineno}: {exc.msg}") from None
        if isinstance(data, dict) and all(isinstance(k, str) and isinstance(v, str)
                                          for k, v in data.items()):
            return cls(src_lang, tgt_lang, mapping=data, origin=str(path), version=version)
        if isinstance(data, list) and all(isinstance(v, str) for v in data):
            return cls(src_lang, tgt_lang, lines=data, origin=str(path), version=version)
        raise BadInput(f"{path}: expected a JSON object mapping source sentences to "
                       "translations, or a JSON list of strings")

    def _translate_batch(self, sentences: list[str]) -> list[str]:
        if self.lines is not None:
            if len(self.lines) != len(sentences):
                raise BadInput(
                    f"{self.origin}: {len(self.lines)} translation lines for "
                    f"{len(sentences)} source sentences; give one line per sentence")
            return list(self.lines)
        assert self.mapping is not None
        out: list[str] = []
        missing: list[str] = []
        for sentence in sentences:
            found = self.mapping.get(_norm(sentence))
            if found is None:
                missing.append(sentence)
            out.append(found or "")
        if missing:
            first = missing[0] if len(missing[0]) <= 60 else missing[0][:57] + "..."
            raise BadInput(f"{self.origin}: no translation for {len(missing)} of "
                           f"{len(sentences)} sentences, e.g. {first!r}")
        return out

    def describe(self) -> str:
        return f"file {self.origin} ({self.src_lang}→{self.tgt_lang})"


def _parse_tsv(text: str, path: Path) -> dict[str, str]:
    mapping: dict[str, str] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        source, tab, translation = line.partition("\t")
        if not tab:
            raise BadInput(f"{path}:{number}: expected 'source<TAB>translation'")
        mapping[source] = translation.rstrip("\r")
    if not mapping:
        raise BadInput(f"{path}: no 'source<TAB>translation' lines")
    return mapping
