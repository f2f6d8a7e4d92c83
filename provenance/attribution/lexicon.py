"""Attribution cue lexicons: data files, one per language, compiled into cue tables.

Every language the registry gives the ``attribution`` capability has a YAML file in
``provenance/data/attribution/`` (``en.yaml``, ``it.yaml``...). A file holds

* ``words``: named lists of phrases ("according to", "secondo", "据"). A phrase matches
  as written, case-insensitively, with any run of spaces for a space; ``*`` at its end
  stands for any word ending (``сообща*`` is сообщает, сообщил...); a phrase starting
  with ``re:`` is a regular expression. Some lists are read by name: ``unnamed_heads``
  and ``modifiers`` ("White House officials" is unnamed sourcing), ``generic_refs`` and
  ``determiners`` ("the report" means the outlet named before), ``not_names``
  (capitalised words that are never a source) and ``name_articles`` ("Le Kremlin");
* ``before`` and ``after``: cue patterns, each a mapping: ``pattern`` (a regular
  expression in which ``{name}`` stands for the ``words`` list of that name, with a
  ``cue`` group: the words a reader sees as the cue), ``rank`` (its place in a relay
  chain), and optionally ``outlets_only`` (only an outlet can be cited this way: "told
  the WSJ"), ``subject`` (the source is the subject of the cue's verb), ``context`` (a
  pattern the text on the mention's other side must match) and ``credit`` (a byline or
  dateline: the text is this outlet's). ``before`` patterns are matched against the text
  just before a source mention (they end with ``$``), ``after`` patterns against the text
  after it (they start with ``^``). A file may leave them out: then the frames of its
  script family (:data:`FRAMES`) are used, over the same list names;
* ``negated_before``, ``negated_after``, ``unverified_after`` ("could not verify"),
  ``unnamed``, ``short_refs``, ``dates``, ``name_like`` (unknown names), ``objects``
  (text before a name that makes it an object) and ``embedding`` (text that starts
  someone else's reported words): patterns with the same ``{name}`` substitution;
* ``also``: other languages whose words are merged in, and whose patterns serve where
  the file has none of its own (Ukrainian and Russian texts quote each other).

Ranks order the sources of one sentence into a relay chain (see
:mod:`provenance.attribution.cues`). A list a pattern names but a file lacks matches
nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Any

from provenance.lang import languages_with, whole_words

DATA = Path(__file__).resolve().parent.parent / "data" / "attribution"

_FLAGS = re.IGNORECASE | re.UNICODE
_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")

# Word edges: a Latin or Cyrillic cue is a whole word; CJK, Korean and Arabic cues are not
# (particles and prefixes are glued on).
_W0, _W1 = r"(?<![^\W\d_])", r"(?![^\W\d_])"
_OPEN = r"[«\"“„'‘「《『(]?"
_CLOSE = r"[»\"”'’」》』]?"
_PAREN = r"(?:\([^)]{1,30}\)\s*)?"

#: Default cue frames by script family: used where a language file gives no patterns of
#: its own. ``{fillers}``: words between a cue and the source it introduces (articles,
#: "the newspaper"); ``{adverbs}``: words between a source and its verb ("also").
FRAMES: dict[str, dict[str, list[dict[str, Any]]]] = {
    "words": {
        "before": [
            {"rank": 3, "pattern": _W0 + r"(?P<cue>{citing})\s*(?:{fillers}\s*){0,3}"
                                   + _OPEN + r"\s*$"},
            {"rank": 1, "pattern": _W0 + r"(?P<cue>{according_to})\s*(?:{fillers}\s*){0,3}"
                                   + _OPEN + r"\s*$"},
            {"rank": 2, "pattern": _W0 + r"(?P<cue>{reported_by})\s*(?:{fillers}\s*){0,3}"
                                   + _OPEN + r"\s*$"},
            {"rank": 2, "outlets_only": True,
             "pattern": _W0 + r"(?P<cue>{told})\s*(?:{fillers}\s*){0,3}" + _OPEN + r"\s*$"},
            # a dash before a name ending a headline: "... – WSJ"
            {"rank": 2, "outlets_only": True, "context": r"^\s*[.!]?\s*$",
             "pattern": r"\S\s+(?P<cue>[–—-])\s*$"},
        ],
        "after": [
            {"rank": 0, "context": r"[,，]\s*[\"'“‘«]?\s*$",
             "pattern": r"^" + _CLOSE + r"\s*(?P<cue>{closing})\s*[.!]?" + _CLOSE + r"\s*$"},
            {"rank": 1, "pattern": r"^" + _CLOSE + r"\s*,?\s*(?P<cue>{per_source})" + _W1},
            {"rank": 3, "pattern": r"^" + _CLOSE + r"\s*,?\s*(?P<cue>{citing_after})" + _W1},
            {"rank": 2, "subject": True,
             "pattern": r"^" + _CLOSE + r"\s*" + _PAREN + r"(?:{adverbs}\s+){0,3}"
                        r"(?P<cue>{says})" + _W1},
        ],
    },
    "glued": {
        "before": [
            {"rank": 3, "pattern": r"(?P<cue>{citing})\s*(?:{fillers}\s*){0,3}" + _OPEN
                                   + r"\s*$"},
            {"rank": 1, "pattern": r"(?P<cue>{according_to})\s*(?:{fillers}\s*){0,3}" + _OPEN
                                   + r"\s*$"},
            {"rank": 2, "pattern": r"(?P<cue>{reported_by})\s*(?:{fillers}\s*){0,3}" + _OPEN
                                   + r"\s*$"},
            {"rank": 2, "outlets_only": True,
             "pattern": r"(?P<cue>{told})\s*(?:{fillers}\s*){0,3}" + _OPEN + r"\s*$"},
        ],
        "after": [
            {"rank": 1, "pattern": r"^" + _CLOSE + r"\s*" + _PAREN + r"(?:{particles})?\s*"
                                   r"(?P<cue>{per_source})"},
            {"rank": 3, "pattern": r"^" + _CLOSE + r"\s*" + _PAREN + r"(?:{particles})?\s*"
                                   r"(?P<cue>{citing_after})"},
            {"rank": 2, "subject": True,
             "pattern": r"^" + _CLOSE + r"\s*" + _PAREN + r"(?:{particles})?\s*"
                        r"(?:{adverbs}\s*){0,2}(?P<cue>{says})"},
        ],
    },
}


def phrase_regex(phrase: str) -> str:
    """One ``words`` entry as a regular expression (see the module docstring)."""
    if phrase.startswith("re:"):
        return phrase[3:]
    stem = phrase.endswith("*") and len(phrase) > 1
    text = phrase[:-1] if stem else phrase
    body = r"\s+".join(re.escape(part) for part in text.split())
    if not body:
        return ""
    return body + (r"[^\W\d_]*" if stem else "")


def alternation(phrases: Iterable[str]) -> str | None:
    """``(?:a|b|c)``, longest phrase first so that "reported by" beats "reported"."""
    parts = sorted({p for p in (phrase_regex(x) for x in phrases) if p}, key=len,
                   reverse=True)
    return f"(?:{'|'.join(parts)})" if parts else None


def expand(pattern: str, words: dict[str, list[str]]) -> str:
    """``pattern`` with each ``{name}`` replaced by its list. An empty or missing list
    matches nothing, so a cue over it never fires and an optional gap over it is empty."""

    def sub(m: re.Match[str]) -> str:
        return alternation(words.get(m.group(1), [])) or "(?!)"

    return _PLACEHOLDER.sub(sub, pattern)


def _read(code: str) -> dict[str, Any]:
    from ruamel.yaml import YAML

    path = DATA / f"{code}.yaml"
    data = YAML(typ="safe").load(path.read_text(encoding="utf-8")) or {}
    if not isinstance(data, dict):
        raise ValueError(f"{path}: expected a mapping")
    return data


def _merged(code: str) -> dict[str, Any]:
    data = _read(code)
    words: dict[str, list[str]] = {k: list(v or []) for k, v in (data.get("words") or {}).items()}
    for other in data.get("also", []) or []:
        theirs = _read(other)
        for key, values in (theirs.get("words") or {}).items():
            words.setdefault(key, [])
            words[key] += [v for v in values or [] if v not in words[key]]
        for key, value in theirs.items():  # patterns this file does not write itself
            if key not in ("words", "also"):
                data.setdefault(key, value)
    data["words"] = words
    return data


def cue_patterns(code: str, data: dict[str, Any], side: str) -> list[dict[str, Any]]:
    """The ``before`` or ``after`` cue entries of a language, its own or its frame's."""
    own = data.get(side)
    if own is not None:
        return list(own)
    frame = "words" if whole_words(code) else "glued"
    return list(FRAMES[frame][side])


def compiled(patterns: Iterable[str], words: dict[str, list[str]],
             flags: int = _FLAGS) -> tuple[re.Pattern[str], ...]:
    """Each pattern, its ``{name}`` lists expanded, compiled."""
    return tuple(re.compile(expand(pattern, words), flags) for pattern in patterns)


@cache
def language_data(code: str) -> dict[str, Any]:
    """The merged data of one language file (``words`` with ``also`` applied)."""
    return _merged(code)


def attribution_languages() -> tuple[str, ...]:
    """Base codes of the languages with a cue lexicon (the registry's capability)."""
    return tuple(dict.fromkeys(r.base for r in languages_with("attribution")))
