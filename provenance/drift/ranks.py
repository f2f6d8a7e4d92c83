"""Rank qualifiers of titles: "first deputy chief of staff" against "chief of staff".

Two glossary titles whose canonical names differ only by rank qualifiers
(provenance/data/title_ranks.yaml) name two posts of one office, not one post named more
or less precisely: a relay that makes a first deputy the head, or a former adviser a
serving one, changed a fact. Qualifiers that name another post (deputy, acting, former)
weigh more than those that order holders of one post (first, senior).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

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
def rank_words() -> tuple[frozenset[str], frozenset[str]]:
    """(post qualifiers, order qualifiers), lower case."""
    from ruamel.yaml import YAML

    data = YAML(typ="safe").load(RANKS_FILE.read_text(encoding="utf-8"))
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
