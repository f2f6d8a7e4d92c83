"""Quantities as alignment evidence: which source and target sentences agree on a number.

A quantity both sentences give (the same value and unit) is strong evidence that they
render each other; one that differs is weak counter-evidence only, because a changed
number is drift, not a different sentence.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any


class QuantityJudge:
    """Agreeing and conflicting quantities between sentences of a pair, memoised.

    Each distinct quantity gets an integer id once (quantities are frozen dataclasses
    and hashing them is not free), so ``Quantity.compare`` runs once per distinct pair.
    """

    def __init__(self, src: Sequence[tuple[Any, ...]], tgt: Sequence[tuple[Any, ...]]) -> None:
        ids: dict[Any, int] = {}
        self.objects: list[Any] = []

        def intern(quantities: tuple[Any, ...]) -> tuple[int, ...]:
            out = []
            for q in quantities:
                if q not in ids:
                    ids[q] = len(self.objects)
                    self.objects.append(q)
                out.append(ids[q])
            return tuple(out)

        self.src = [intern(q) for q in src]
        self.tgt = [intern(q) for q in tgt]
        self._verdicts: dict[tuple[int, int], str] = {}
        self._pairs: dict[tuple[tuple[int, ...], tuple[int, ...]], tuple[int, int]] = {}

    def compare(self, i: int, j: int) -> tuple[int, int]:
        """(agreeing, conflicting) for source sentence i and target sentence j.

        Each source quantity counts once: as agreeing if some target quantity is the
        same, else as conflicting if a comparable target quantity differs.
        """
        key = (self.src[i], self.tgt[j])
        found = self._pairs.get(key)
        if found is None:
            same = conflict = 0
            for qa in key[0]:
                verdicts = [self._verdict(qa, qb) for qb in key[1]]
                if "same" in verdicts:
                    same += 1
                elif "different" in verdicts:
                    conflict += 1
            found = self._pairs[key] = (same, conflict)
        return found

    def _verdict(self, a: int, b: int) -> str:
        found = self._verdicts.get((a, b))
        if found is None:
            found = self._verdicts[(a, b)] = self.objects[a].compare(self.objects[b]).verdict
        return found
