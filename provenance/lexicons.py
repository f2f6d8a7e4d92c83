"""Multilingual cue lexicons: hedges, evidentials, negations, vague amounts, loaded labels
and relation classes, read from data files.

Every language with the ``drift`` capability has a file ``provenance/data/lexicons/<lang>.yaml``
mapping categories to entries (``evidential: [reportedly, allegedly, ...]``) and listing
``masks``; ``provenance/data/relations.yaml`` groups the relation classes in pairs that a
relay must not swap ("spoke with" vs "met"). Adding a language, a word or a relation is
a change to those files, not to code.

Entries for space-delimited languages (en, uk, ru, de, fr, es) match whole words,
case-insensitively, with any run of spaces for a space; a word ending in ``*`` matches
any word starting with it (Ukrainian and Russian inflect). Chinese and Korean entries
match as substrings, after masking the compounds listed under ``masks`` (不过 "however"
contains 不 but negates nothing; 안보 is not 안); the Korean "안" must stand alone. An
entry that spells out a masked compound (非常可能 "very likely" holds 非常) means that
compound, and is matched in the text as written.

The lexicons are deliberately small and precise: a cue found on one side only becomes a
finding, so a cue that fires on ordinary wording would produce false alarms on faithful
translations.

Cues are sentence facts (``SentenceFacts.cues``), read below the drift detectors that
compare them; hence this module sits beside the glossary and quantity readers rather
than inside ``provenance.drift``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from provenance.lang import base, has, whole_words

DATA = Path(__file__).resolve().parent / "data" / "lexicons"
RELATIONS_FILE = Path(__file__).resolve().parent / "data" / "relations.yaml"

#: categories every language file has (the relation classes and vague amounts may be
#: missing where a language has no entries yet)
CORE = ("evidential", "modal", "negation", "negation_strong", "reporting")
#: the words that join the members of a list ("and", "or"): read between two names by
#: drift.lists, not searched for as cues
CONJUNCTIONS = ("list_and", "list_or")
#: how strong a hedge is: possible ("could", 可能), probable ("likely", 很可能), or the
#: probable negated ("unlikely", 不太可能); a relay that trades one for another says more
#: or less than its source (drift.certainty)
HEDGE_STRENGTHS = ("hedge_weak", "hedge_strong", "hedge_other")
#: a part of a group of people ("some in the administration"), and any word for a part
#: or a few ("some", 一些, деякі): a relay without the latter speaks for the whole group
SCOPES = ("scope_group", "scope_part")
#: words that stand alone in a language whose other entries match as substrings
_ALONE = {"ko": frozenset({"안"})}


@dataclass(frozen=True)
class Cue:
    """A lexicon hit inside one sentence: its category, the cue as written and its span."""

    category: str
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class RelationGroup:
    """Two classes of words a relay must not swap ("spoke" vs "met")."""

    name: str
    severity: str
    classes: tuple[str, str]
    descriptions: tuple[str, str]
    #: the Finding kind of a swap, and how its message begins
    kind: str = "relation"
    change: str = "relation changed"
    #: a qualifier of a claim ("regular", "current and former"), not what it is about:
    #: collation does not group sentences into claims by it
    qualifier: bool = False
    #: a reference with both classes whose relay keeps only the second, and more of it,
    #: is a swap too (drift.polarity.RelationDrift); for groups whose two classes name
    #: different things in one sentence (funding and troops), not two wordings of one
    partial: bool = False
    #: the class that the other class's words, denied by a negation next to them, mean
    #: ("hasn't approved a plan": a plan under discussion); None: denial changes nothing
    denied: str | None = None

    def describe(self, category: str) -> str:
        return self.descriptions[self.classes.index(category)]


def _yaml(path: Path) -> dict[str, Any]:
    from ruamel.yaml import YAML

    return YAML(typ="safe").load(path.read_text(encoding="utf-8")) or {}


@cache
def lexicon(lang: str) -> dict[str, tuple[str, ...]]:
    """category -> entries for a lexicon language (``en``, ``zh``...); empty if none."""
    path = DATA / f"{lang}.yaml"
    if not path.is_file():
        return {}
    data = _yaml(path)
    return {str(k): tuple(str(e) for e in v or ()) for k, v in data.items() if k != "masks"}


@cache
def masks(lang: str) -> tuple[str, ...]:
    """Compounds that contain a cue but do not carry its meaning (masked before matching)."""
    path = DATA / f"{lang}.yaml"
    if not path.is_file():
        return ()
    return tuple(str(m) for m in _yaml(path).get("masks") or ())


@cache
def relation_groups() -> dict[str, RelationGroup]:
    """The relation groups of ``provenance/data/relations.yaml``, by name."""
    groups: dict[str, RelationGroup] = {}
    for name, spec in _yaml(RELATIONS_FILE).items():
        classes = tuple(spec["classes"])
        if len(classes) != 2:
            raise ValueError(f"{RELATIONS_FILE.name}: group {name} needs two classes")
        groups[str(name)] = RelationGroup(
            str(name), str(spec.get("severity", "major")), (classes[0], classes[1]),
            (str(spec["classes"][classes[0]]), str(spec["classes"][classes[1]])),
            str(spec.get("kind", "relation")), str(spec.get("change", "relation changed")),
            bool(spec.get("qualifier", False)), bool(spec.get("partial", False)),
            spec.get("denied"))
        if groups[str(name)].denied not in (None, *classes):
            raise ValueError(f"{RELATIONS_FILE.name}: group {name} denies into an unknown "
                             "class")
    return groups


def categories() -> tuple[str, ...]:
    """Every category: the core ones, vague amounts, loaded labels, the people around a
    leader (advisers), then each relation class."""
    out = [*CORE, "relaying", *HEDGE_STRENGTHS, *SCOPES, "vague_quantity", "label", "advisers"]
    for group in relation_groups().values():
        out += list(group.classes)
    return tuple(out)


def lexicon_lang(lang: str | None) -> str | None:
    """The lexicon key for an article language, or None when there is no lexicon."""
    key = base(lang)
    return key if has(key, "drift") else None


def _spells_mask(entry: str, lang: str) -> bool:
    """Whether an entry holds a masked compound (非常可能 holds 非常, 不同意 holds 不同):
    it means the compound, so it is matched as written, before masking."""
    low = entry.lower()
    return any(mask.lower() in low for mask in masks(lang))


#: where a whole word starts and ends: not inside a word, nor joined to one by an
#: apostrophe (contractions, possessives), though an apostrophe may quote it
_WORD_START = r"(?<!\w)(?<!\w['’])"
_WORD_END = r"(?!\w)(?!['’]\w)"


@lru_cache(maxsize=512)
def _pattern(category: str, lang: str, as_written: bool = False) -> re.Pattern[str] | None:
    """The category's entries as one pattern: those to match in the masked text, or
    (``as_written``) those that spell a masked compound, to match in the text itself."""
    entries = [e for e in lexicon(lang).get(category, ()) if _spells_mask(e, lang) == as_written]
    if not entries:
        return None
    parts: list[str] = []
    for entry in sorted(entries, key=len, reverse=True):
        body = r"\s+".join(re.escape(w.rstrip("*")) + (r"\w*" if w.endswith("*") else "")
                           for w in entry.split())
        if whole_words(lang):
            # a word inside an apostrophe-quote ('could signal') is a word; one in a
            # contraction ("don't", "could've") is not
            if entry.endswith("*"):
                parts.append(_WORD_START + body)
            elif entry.startswith(("n't", "n’t")):
                parts.append(body)
            else:
                parts.append(_WORD_START + body + _WORD_END)
        elif entry in _ALONE.get(lang, ()):
            parts.append(r"(?<!\S)" + body + r"(?!\S)")
        else:
            parts.append(body)
    return re.compile("|".join(parts), re.IGNORECASE)


def _masked(text: str, lang: str) -> str:
    """The text with non-cue compounds blanked out, offsets unchanged."""
    low = text.lower()
    for mask in masks(lang):
        start = low.find(mask)
        while start >= 0:
            low = low[:start] + "\x00" * len(mask) + low[start + len(mask):]
            start = low.find(mask, start + len(mask))
    return low


def find_cues(text: str, lang: str | None, categories_: tuple[str, ...] | None = None
              ) -> list[Cue]:
    """Every cue of the given categories (default: all) in ``text``, in reading order."""
    key = lexicon_lang(lang)
    if key is None:
        return []
    masked = _masked(text, key)
    found: list[Cue] = []
    for category in categories_ or categories():
        for pattern, where in ((_pattern(category, key), masked),
                               (_pattern(category, key, as_written=True), text)):
            if pattern is None:
                continue
            for m in pattern.finditer(where):
                if key == "en" and text[m.start():m.end()] == "May":
                    # the month, a wish ("May God be with them") or a request ("May I"):
                    # the modal hedge opens no sentence
                    continue
                found.append(Cue(category, text[m.start():m.end()], m.start(), m.end()))
    found.sort(key=lambda c: (c.start, c.category))
    return _outermost(found)


@cache
def _siblings() -> dict[str, str]:
    """relation class -> the other class of its group."""
    out: dict[str, str] = {}
    for group in relation_groups().values():
        a, b = group.classes
        out[a], out[b] = b, a
    return out


def _outermost(cues: list[Cue]) -> list[Cue]:
    """The cues without those lying inside a longer cue of their sibling class: the
    "former" of "current and former" is not a second, opposite reading."""
    siblings = _siblings()
    return [c for c in cues
            if not any(o.category == siblings.get(c.category) and o.start <= c.start
                       and c.end <= o.end and (o.end - o.start) > (c.end - c.start)
                       for o in cues)]
