"""Checks shared by the alignment tests."""

from __future__ import annotations

from provenance.model import Alignment


def pairs(alignment: Alignment) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    """(source indices, target indices) of every link, in order."""
    return [(link.src, link.tgt) for link in alignment.links]


def assert_covers(alignment: Alignment, n: int, m: int) -> None:
    """Each of the n source and m target sentences is in exactly one link; no empty link."""
    src = sorted(i for link in alignment.links for i in link.src)
    tgt = sorted(j for link in alignment.links for j in link.tgt)
    assert src == list(range(n))
    assert tgt == list(range(m))
    assert all(link.src or link.tgt for link in alignment.links)
