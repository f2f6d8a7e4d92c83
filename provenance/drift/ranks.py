"""Rank qualifiers of titles: "first deputy chief of staff" against "chief of staff".

Two glossary titles whose canonical names differ only by rank qualifiers
(provenance/data/title_ranks.yaml) name two posts of one office, not one post named more
or less precisely: a relay that makes a first deputy the head, or a former adviser a
serving one, changed a fact. Qualifiers that name another post (deputy, acting, former)
weigh more than those that order holders of one post (first, senior).

A title the glossary knows without its qualifier ("former national security adviser" is
the national-security-adviser concept) carries it in the words next to it: the
qualifiers each language writes there are data too (``written`` in the same file), read
by :func:`qualifiers_at`, so that a former adviser made a serving one is seen in any
language the file lists.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from provenance.lang import base, script_of, whole_words

RANKS_FILE = Path(__file__).resolve().parent.parent / "data" / "title_ranks.yaml"


@dataclass(frozen=True)
class RankChange:
    """The rank words one title has and the other lacks, in the title's word order."""

    dropped: tuple[str, ...]  # in the reference's title, not the relay's
    added: tuple[str, ...]  # in the relay's title, not the reference's
    post: bool  # a qualifier that names another post changed

    def describe(self) -> str:
        parts = []
        if self.dropped:
            parts.append(f"“{' '.join(self.dropped)}” dropped")
        if self.added:
            parts.append(f"“{' '.join(self.added)}” added")
        return " and ".join(parts)


@cache
def _data() -> dict:
    """title_ranks.yaml, read once."""
    from ruamel.yaml import YAML

    return YAML(typ="safe").load(RANKS_FILE.read_text(encoding="utf-8")) or {}


@cache
def rank_words() -> tuple[frozenset[str], frozenset[str]]:
    """(post qualifiers, order qualifiers), lower case."""
    data = _data()
    return (frozenset(w.casefold() for w in data.get("post", [])),
            frozenset(w.casefold() for w in data.get("order", [])))


def rank_change(src_canonical: str, tgt_canonical: str) -> RankChange | None:
    """How two titles differ in rank, if that is all they differ in (None otherwise, or
    when they do not differ)."""
    post, order = rank_words()
    ranks = post | order
    src = src_canonical.casefold().split()
    tgt = tgt_canonical.casefold().split()
    if [w for w in src if w not in ranks] != [w for w in tgt if w not in ranks]:
        return None  # another office, not another rank of it
    dropped = tuple(w for w in src if w in ranks and w not in tgt)
    added = tuple(w for w in tgt if w in ranks and w not in src)
    if not (dropped or added):
        return None
    return RankChange(dropped, added, any(w in post for w in dropped + added))


@dataclass(frozen=True)
class Qualifier:
    """A post qualifier written next to a title: which one, and where."""

    name: str  # "former", "acting"
    start: int
    end: int


#: words allowed between a qualifier and the title it qualifies ("former Trump NSC
#: aide"), by script: none in Korean, where 전 before a gap is often "ago"
_GAP = {"latin": r"(?:[\w’'.\-]+\s+)?", "cyrillic": r"(?:[\w’'.\-]+\s+)?"}


@cache
def _written(lang: str) -> tuple[tuple[str, str, re.Pattern[str]], ...]:
    """(qualifier, "before"/"after", pattern) for one language: a "before" pattern
    matches at the end of the text before a title, an "after" one at the start of the
    text after it."""
    data = _data()
    code = base(lang)
    # whole words in alphabets; a Korean word stands between spaces but takes particles
    # (권한대행은); Chinese runs on
    alphabet = whole_words(code) and script_of(code) in ("latin", "cyrillic")
    spaced = alphabet or code == "ko"
    gap = _GAP.get(script_of(code) or "", "") if alphabet else ""
    out = []
    for name, positions in (data.get("written") or {}).items():
        for position, by_lang in positions.items():
            for entry in (by_lang or {}).get(code, []):
                word = re.escape(entry.rstrip("*")) + (r"\w*" if entry.endswith("*") else "")
                word = word.replace(r"\ ", r"\s+")
                if position == "before":
                    pattern = (rf"(?<!\w)({word})[\s\-]+{gap}$" if spaced
                               else rf"({word})$")
                else:
                    pattern = (rf"^\s*({word})(?!\w)" if alphabet else rf"^\s+({word})"
                               if spaced else rf"^({word})")
                out.append((name, position, re.compile(pattern, re.IGNORECASE)))
    return tuple(out)


@cache
def _not_qualifiers(lang: str) -> tuple[str, ...]:
    return tuple((_data().get("not_qualifiers") or {}).get(base(lang), []))


def qualifiers_at(text: str, start: int, end: int, lang: str) -> dict[str, Qualifier]:
    """The post qualifiers written right next to the title at ``text[start:end]``."""
    found: dict[str, Qualifier] = {}
    before, after = text[:start], text[end:]
    for name, position, pattern in _written(lang):
        if name in found:
            continue
        if position == "before":
            m = pattern.search(before)
            if m and not any(before[:m.end(1)].endswith(w) for w in _not_qualifiers(lang)):
                found[name] = Qualifier(name, m.start(1), m.end(1))
        else:
            m = pattern.match(after)
            if m:
                found[name] = Qualifier(name, end + m.start(1), end + m.end(1))
    return found
