"""The lexical side of boilerplate: phrase lists, one data file per language.

``provenance/data/boilerplate/<lang>.yaml`` holds what page furniture *says* in a
language: disclaimers, copyright lines, bylines, "read also" headings, share-bar words,
page chrome ("Skip to content", "Прослухати"), promotions ("Become a member"), photo
labels and agencies, byline roles (기자, 记者) and timestamp words (등록, 最后更新). Every
file applies to every text: boilerplate is set aside before the language is known, and
relays quote other languages' furniture. :data:`PHRASES` merges them; the shapes of lines
(length, position, punctuation, repetition) are read in :mod:`provenance.boilerplate.text`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data" / "boilerplate"
_I = re.IGNORECASE


@dataclass(frozen=True)
class Phrases:
    """Every language's furniture vocabulary, compiled."""

    disclaimer: re.Pattern[str]
    disclaimer_cues: tuple[str, ...]
    copyright: re.Pattern[str]
    copyright_cues: tuple[str, ...]
    byline: re.Pattern[str]
    related_heading: re.Pattern[str]
    share_strong: frozenset[str]
    share_weak: frozenset[str]
    chrome: re.Pattern[str]
    promo: re.Pattern[str]
    dateline: re.Pattern[str]
    photo_labels: tuple[str, ...]
    photo_agencies: tuple[str, ...]
    byline_roles: tuple[str, ...]
    timestamp_words: frozenset[str]


def _either(patterns: list[str], template: str = "{}") -> re.Pattern[str]:
    alt = "|".join(f"(?:{p})" for p in patterns) or "(?!)"
    return re.compile(template.format(f"(?:{alt})"), _I)


@cache
def load() -> Phrases:
    """The merged phrase lists of every language file."""
    from ruamel.yaml import YAML

    merged: dict[str, list[str]] = {}
    for path in sorted(DATA.glob("*.yaml")):
        data = YAML(typ="safe").load(path.read_text(encoding="utf-8")) or {}
        for key, values in data.items():
            merged.setdefault(key, [])
            merged[key] += [str(v) for v in values or [] if str(v) not in merged[key]]

    def words(key: str) -> list[str]:
        return merged.get(key, [])

    return Phrases(
        disclaimer=_either(words("disclaimer")),
        disclaimer_cues=tuple(w.lower() for w in words("disclaimer_cues")),
        copyright=_either(words("copyright")),
        copyright_cues=tuple(w.lower() for w in words("copyright_cues")),
        byline=_either(words("byline")),
        related_heading=_either(words("related"), r"^\W{{0,3}}{}\b\s*[:：]?"),
        share_strong=frozenset(w.lower() for w in words("share_strong")),
        share_weak=frozenset(w.lower() for w in words("share_weak")),
        chrome=_either(words("chrome"), r"^\W{{0,3}}{}"),
        promo=_either(words("promo")),
        dateline=_either(words("dateline")),
        photo_labels=tuple(words("photo_labels")),
        photo_agencies=tuple(words("photo_agencies")),
        byline_roles=tuple(words("byline_roles")),
        timestamp_words=frozenset(w.lower() for w in words("timestamp_words")),
    )
