"""How sure we are that two linked sentences render each other.

A drift finding compares two sentences, so it is only as good as the link between them:
a negation "added" in a relay sentence that renders another reference sentence, or a
place "replaced" in a sentence the aligner paired for want of a better one, is noise
that a reader cannot tell from drift. Before a finding is reported as major or critical,
the link it quotes is judged here on the evidence the pair holds:

* agreement: the share of glossary concepts and digit-written quantities found on both
  sides (:meth:`PairContext.agreement`); below :data:`LOOSE_AGREEMENT` the two sides say
  different things;
* text similarity, when both sides are in one language (a re-report of an English
  original): their word overlap;
* sentence vectors, when the alignment used them (its signature names the model): the
  two quoted sentences must stand out as each other's match, their cosine well above
  the cosines of each with every other sentence of the other article (translations
  are close, but so is much else in news about one story), and no other sentence may
  render either of them better;
* a link re-paired around a drift (:mod:`provenance.drift.repair`) rather than proposed
  by the aligner needs one of the above to vouch for it.

Vectors are computed only for pairs with a major finding to judge (the cache keeps
them, and the alignment has embedded many of the sentences already).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any

from rapidfuzz import fuzz

from provenance.lang import CJK, base

if TYPE_CHECKING:
    import numpy as np

    from provenance.drift.context import PairContext
    from provenance.model import Link

#: below this share of common concepts and quantities, a link is loose
LOOSE_AGREEMENT = 0.4
#: word overlap (0-100, rapidfuzz token set ratio) that vouches for a same-language link
SAME_LANGUAGE_OVERLAP = 55.0
#: how far (in standard deviations) a linked pair's cosine must stand above the cosines of
#: its sentences with every other sentence of the other article: 1-1 links of faithful
#: WMT translations stand at 1.4 or more in 99% of cases, 1.8 or more in 95% (en-zh; 2.3
#: and 2.5 for uk-en); links between unrelated sentences of a relay pair, at 1.5 and below
STANDOUT = 1.75
#: sentences an article needs for a cosine to stand out among them
MIN_SENTENCES = 5
#: how much closer (cosine) another sentence must be to count as the better match
MARGIN = 0.01


@dataclass(frozen=True)
class Confidence:
    """The verdict on one link (or the two sentences of it a finding quotes)."""

    confident: bool
    reason: str  # one phrase a reader understands: why the link is trusted or not
    evidence: dict[str, Any] = field(default_factory=dict)

    def to_evidence(self) -> dict[str, Any]:
        return {"confident": self.confident, "why": self.reason, **self.evidence}


class LinkJudge:
    """Judges the links of one article pair; vector similarities are computed on demand."""

    def __init__(self, pair: PairContext) -> None:
        self.pair = pair

    @cached_property
    def uses_vectors(self) -> bool:
        """Whether the alignment was made with sentence vectors (its signature says so)."""
        model = self.pair.alignment.signature.settings.get("vectors")
        if not model or model == "none":
            return False
        from provenance.crosslingual import vectors

        return vectors.available()

    def cheap(self, link: Link, ignore: frozenset[str] = frozenset()) -> Confidence:
        """The verdict from the evidence that costs nothing: agreement, word overlap,
        the aligner's own score and whether the link was re-paired. ``ignore``: concepts
        a finding swaps (they do not count against the agreement)."""
        pair = self.pair
        agreement = pair.agreement(link, ignore)
        repaired = pair.repaired(link)
        evidence: dict[str, Any] = {"link_score": round(link.score, 2), "repaired": repaired}
        if agreement is not None:
            evidence["agreement"] = round(agreement, 2)
        overlap = self._overlap(link)
        if overlap is not None:
            evidence["word_overlap"] = round(overlap)
        if agreement is not None and agreement < LOOSE_AGREEMENT:
            return Confidence(False, f"the linked sentences share only {agreement:.0%} of "
                                     "their names and numbers", evidence)
        if overlap is not None:
            if overlap >= SAME_LANGUAGE_OVERLAP:
                return Confidence(True, "the linked sentences share most of their words",
                                  evidence)
            if agreement is None:
                return Confidence(False, "the linked sentences share few words", evidence)
        if repaired and agreement is None:
            return Confidence(False, "the aligner did not pair these sentences and they share "
                                     "too few names and numbers to vouch for it", evidence)
        return Confidence(True, "the linked sentences agree on their names and numbers"
                          if agreement is not None else "the aligner paired them", evidence)

    def judge(self, link: Link, src: int | None = None, tgt: int | None = None,
              ignore: frozenset[str] = frozenset()) -> Confidence:
        """The verdict on ``link``; ``src``/``tgt`` are the sentences a finding quotes
        (default: the link's sentences that match each other best)."""
        cheap = self.cheap(link, ignore)
        if not cheap.confident or not self.uses_vectors:
            return cheap
        i, j = self._quoted(link, src, tgt)
        sims = self._similarities
        cos = float(sims[i, j])
        row, col = sims[i], sims[:, j]
        z_row = _standard(cos, row)
        z_col = _standard(cos, col)
        evidence = {**cheap.evidence, "similarity": round(cos, 3),
                    "standout": round(min(z_row, z_col), 2)}
        if min(z_row, z_col) < STANDOUT:
            return Confidence(False, "the two sentences are no closer in meaning than the "
                                     "other sentences of the articles are", evidence)
        rival = self._rival(link, i, j, cos)
        if rival is not None:
            side, k, other = rival
            where = (f"reference sentence {k + 1}" if side == "src"
                     else f"relay sentence {k + 1}")
            what = "relay" if side == "src" else "reference"
            evidence["closer"] = {"side": side, "sentence": k, "similarity": round(other, 3)}
            return Confidence(False, f"the {what} sentence reads closer to {where} than to "
                                     "the one it is linked with", evidence)
        return Confidence(True, "the linked sentences are each other's closest match in "
                                "meaning", evidence)

    # -- evidence --------------------------------------------------------------------
    def _overlap(self, link: Link) -> float | None:
        pair = self.pair
        if not pair.same_language:
            return None
        glue = "" if base(pair.src_lang) in CJK else " "
        a = glue.join(pair.src.sentences[i].text for i in link.src)
        b = glue.join(pair.tgt.sentences[j].text for j in link.tgt)
        return float(fuzz.token_set_ratio(a.casefold(), b.casefold()))

    def _quoted(self, link: Link, src: int | None, tgt: int | None) -> tuple[int, int]:
        candidates = [(i, j) for i in ([src] if src is not None else link.src)
                      for j in ([tgt] if tgt is not None else link.tgt)]
        sims = self._similarities
        return max(candidates, key=lambda c: float(sims[c]))

    def _rival(self, link: Link, i: int, j: int, cos: float
               ) -> tuple[str, int, float] | None:
        """A sentence outside the link that renders ``i`` or ``j`` better than they
        render each other."""
        sims = self._similarities
        best: tuple[str, int, float] | None = None
        for k in range(sims.shape[1]):
            if k not in link.tgt and sims[i, k] > cos + MARGIN and (
                    best is None or sims[i, k] > best[2]):
                best = ("src", k, float(sims[i, k]))
        for k in range(sims.shape[0]):
            if k not in link.src and sims[k, j] > cos + MARGIN and (
                    best is None or sims[k, j] > best[2]):
                best = ("tgt", k, float(sims[k, j]))
        return best

    @cached_property
    def _similarities(self) -> np.ndarray:
        """Cosines of every reference sentence with every relay sentence (embedded once
        per pair, and only for a pair with a finding to judge; the cache keeps them)."""
        from provenance.crosslingual.vectors import sentence_vectors

        src = sentence_vectors([s.text for s in self.pair.src.sentences])
        tgt = sentence_vectors([s.text for s in self.pair.tgt.sentences])
        return src @ tgt.T


def _standard(value: float, among: np.ndarray) -> float:
    """How many standard deviations ``value`` stands above the values it competes with."""
    if len(among) < MIN_SENTENCES:
        # too few sentences to tell (among four, the best can stand at most sqrt(3) =
        # 1.73 deviations above the rest): no evidence either way
        return STANDOUT
    spread = float(among.std())
    return (value - float(among.mean())) / spread if spread > 1e-9 else 0.0
