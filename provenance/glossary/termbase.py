"""The :class:`Glossary`: concepts loaded from glossary files, matched in text.

>>> from provenance.glossary import default_glossary
>>> [m.concept_id for m in default_glossary().match("블루오리진은 뉴글렌을 개발 중이다", "ko")]
['blue-origin', 'new-glenn']
"""

from __future__ import annotations

import hashlib
import json
import sys
import threading
from collections.abc import Iterable, Sequence
from functools import cached_property, lru_cache
from pathlib import Path

from provenance.errors import GlossaryError
from provenance.glossary.matcher import Matcher, fold
from provenance.glossary.model import Concept, TermMatch
from provenance.glossary.validate import errors_only, glossary_files, validate_paths
from provenance.indexcache import cached_index, source_digest
from provenance.paths import bundled_glossaries_dir


class Glossary:
    """A set of concepts with their forms; ``match`` finds them in text of any language."""

    def __init__(self, concepts: Iterable[Concept], paths: Sequence[Path] = ()) -> None:
        self.concepts: dict[str, Concept] = {c.id: c for c in concepts}
        self.paths: list[Path] = [Path(p) for p in paths]
        self._matcher: Matcher | None = None
        self._lock = threading.Lock()

    @classmethod
    def load(cls, paths: Sequence[str | Path] | None = None) -> Glossary:
        """Load glossary files or folders (None: the bundled ``glossaries/`` folder).

        Raises GlossaryError ("file:line: message") on the first error; run
        ``provenance glossary validate`` to see all of them.
        """
        sources = [bundled_glossaries_dir()] if paths is None else list(paths)
        # A checked glossary is kept (index cache) under its files' content: the next
        # command loads it without parsing, validating or hashing again.
        concepts, files, digest = cached_index("glossary", _files_key(sources),
                                               lambda: cls._checked(sources))
        glossary = cls(concepts, files)
        glossary.__dict__["digest"] = digest  # the cached_property, already known
        return glossary

    @classmethod
    def _checked(cls, sources: Sequence[str | Path]) -> tuple[list[Concept], list[Path], str]:
        concepts, problems = validate_paths(sources)
        errors = errors_only(problems)
        if errors:
            more = f" (and {len(errors) - 1} more; run `provenance glossary validate`)" \
                if len(errors) > 1 else ""
            raise GlossaryError(f"{errors[0]}{more}")
        files = sorted({Path(c.source) for c in concepts if c.source})
        return concepts, files, cls(concepts, files).digest

    def __len__(self) -> int:
        return len(self.concepts)

    def __contains__(self, concept_id: object) -> bool:
        return concept_id in self.concepts

    def get(self, concept_id: str) -> Concept:
        """The concept with this id; KeyError names it when absent."""
        try:
            return self.concepts[concept_id]
        except KeyError:
            raise KeyError(f"no concept {concept_id!r} in the glossary") from None

    @cached_property
    def digest(self) -> str:
        """A short hash of the content (not the comments or layout), for signatures."""
        payload = json.dumps([self.concepts[k].to_dict() for k in sorted(self.concepts)],
                             ensure_ascii=False, sort_keys=True)
        return hashlib.sha256(payload.encode()).hexdigest()[:12]

    @property
    def matcher(self) -> Matcher:
        """The matcher; its automata are compiled per language on first use, and kept
        on disk per glossary digest (see :mod:`provenance.indexcache`)."""
        if self._matcher is None:
            with self._lock:
                if self._matcher is None:
                    self._matcher = Matcher(self.concepts.values(), cache_key=self.digest)
        return self._matcher

    def match(self, text: str, lang: str) -> list[TermMatch]:
        """Concepts in ``text`` (article language code, e.g. "zh-cn"), non-overlapping,
        longest match first, sorted by start."""
        return self.matcher.match(text, lang)

    def lookup(self, text: str, lang: str | None = None) -> Concept | None:
        """The concept one of whose forms is exactly ``text`` (case-folded), if any."""
        key = fold(" ".join(text.split()))
        for concept in self.concepts.values():
            for form_lang, form in concept.all_forms():
                if (lang is None or form_lang == lang) and fold(form.text) == key:
                    return concept
        return None

    def by_category(self, category: str) -> list[Concept]:
        return [c for c in self.concepts.values() if c.category == category]


def _files_key(sources: Sequence[str | Path]) -> str:
    """The glossary files behind ``sources`` (folders expanded), each with a digest of
    its bytes, and the code that reads them."""
    from provenance.glossary import fileformat, model, validate

    parts = [source_digest(sys.modules[__name__], fileformat, model, validate)]
    for path in glossary_files(sources):
        parts.append(f"{path}\0{hashlib.sha256(path.read_bytes()).hexdigest()}")
    return "\n".join(parts)


@lru_cache(maxsize=1)
def default_glossary() -> Glossary:
    """The bundled glossaries, loaded once per process."""
    return Glossary.load()
