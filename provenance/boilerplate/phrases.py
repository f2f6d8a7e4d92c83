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
    byline: re.Pattern[str]  # patterns anchored at the line's start: matched
    byline_anywhere: re.Pattern[str]  # the others: searched when a byline cue is there
    byline_cues: tuple[str, ...]
    related_heading: re.Pattern[str]
    share_strong: frozenset[str]
    share_weak: frozenset[str]
    chrome: re.Pattern[str]
    promo: re.Pattern[str]
    promo_cues: tuple[str, ...]
    dateline: re.Pattern[str]
    photo_labels: tuple[str, ...]
    photo_agencies: tuple[str, ...]
    byline_roles: tuple[str, ...]
    timestamp_words: frozenset[str]
    #: derived once: the caption patterns, the share-bar pieces longest first
    caption_patterns: tuple[re.Pattern[str], ...] = ()
    share_pieces: tuple[str, ...] = ()

    def __hash__(self) -> int:  # one Phrases per process: identity is enough
        return id(self)


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

    byline = words("byline")
    anchored = [b for b in byline if b.startswith(("^", "(?-i:^"))]
    share_strong = frozenset(w.lower() for w in words("share_strong"))
    share_weak = frozenset(w.lower() for w in words("share_weak"))
    photo_labels, photo_agencies = tuple(words("photo_labels")), tuple(words("photo_agencies"))
    return Phrases(
        disclaimer=_either(words("disclaimer")),
        disclaimer_cues=tuple(w.lower() for w in words("disclaimer_cues")),
        copyright=_either(words("copyright")),
        copyright_cues=tuple(w.lower() for w in words("copyright_cues")),
        byline=_either(anchored),
        byline_anywhere=_either([b for b in byline if b not in anchored]),
        byline_cues=tuple(w.lower() for w in words("byline_cues")),
        related_heading=_either(words("related"), r"^\W{{0,3}}{}\b\s*[:：]?"),
        share_strong=share_strong,
        share_weak=share_weak,
        chrome=_either(words("chrome"), r"^\W{{0,3}}{}"),
        promo=_either(words("promo")),
        promo_cues=tuple(w.lower() for w in words("promo_cues")),
        dateline=_either(words("dateline")),
        photo_labels=photo_labels,
        photo_agencies=photo_agencies,
        byline_roles=tuple(words("byline_roles")),
        timestamp_words=frozenset(w.lower() for w in words("timestamp_words")),
        caption_patterns=_captions(photo_labels, photo_agencies),
        share_pieces=tuple(sorted(share_strong | share_weak, key=len, reverse=True)),
    )


def _captions(labels_: tuple[str, ...], agencies_: tuple[str, ...]) -> tuple[re.Pattern[str], ...]:
    labels = "|".join(re.escape(w) for w in labels_) or "(?!)"
    agencies = "|".join(re.escape(w) for w in agencies_) or "(?!)"
    return (
        # "Фото: ЕРА", "照片:Brian Snyder/路透社", "Photo by, X": a credit line
        re.compile(rf"^(?:{labels})\s*[:：=,]", _I),
        # "... (Image: Reuters)", "... Screenshot: Foxnews", "Дональд Трамп. Фото: Getty Images"
        re.compile(rf"[(\[]?\b(?:{labels})\s*[:：=]\s*[^.。:：]{{1,40}}[)\]]?\s*$", _I),
        # "Oleksii Filippov / AFP", "(Charly Triballeau/ AFP) (Pugliano/Getty Images) #tag"
        re.compile(rf"(?:/\s*|\()(?:{agencies})\)?(?:\s*\([^)]*\))*(?:\s*#\S+)*\s*$"),
        # a Korean caption: "... [AP연합뉴스]", "... [AP]"
        re.compile(rf"\[(?:[^\[\]]*?(?:{agencies})[^\[\]]*)\]\s*$"),
        # "[워싱턴=AP/뉴시스] ... 사진은 ..."
        re.compile(rf"^\[[^\]=]{{1,12}}=\s*(?:{agencies})\s*/[^\]]+\]"),
    )
