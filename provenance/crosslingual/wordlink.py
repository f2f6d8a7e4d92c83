"""A word of one sentence linked to the word or words that render it in another.

Every cross-lingual signal (a dictionary gloss, a transliterated name, a glossary
concept, a quantity) reports its links in this one shape, so alignment can count them
and a reader can be shown them: "普京 -> Putin (lexicon: Vladimir Putin)".
"""

from __future__ import annotations

from dataclasses import dataclass

#: What made a link, strongest evidence first (the order explanations list them in).
KINDS = ("glossary", "quantity", "latin", "lexicon", "translit", "number")


@dataclass(frozen=True, slots=True)
class WordLink:
    """``src_text`` at ``src_start:src_end`` of the first sentence renders ``tgt_text``
    at ``tgt_start:tgt_end`` of the second.

    ``kind`` is one of :data:`KINDS`; ``score`` (0-1) how sure the link is;
    ``evidence`` what a reader needs to check it: the dictionary gloss, the
    romanisation, the concept id or the normalised quantity.
    """

    src_start: int
    src_end: int
    tgt_start: int
    tgt_end: int
    src_text: str
    tgt_text: str
    kind: str
    score: float
    evidence: str = ""

    @property
    def src_span(self) -> tuple[int, int]:
        return self.src_start, self.src_end

    @property
    def tgt_span(self) -> tuple[int, int]:
        return self.tgt_start, self.tgt_end

    def to_dict(self) -> dict[str, object]:
        return {"src": [self.src_start, self.src_end], "tgt": [self.tgt_start, self.tgt_end],
                "src_text": self.src_text, "tgt_text": self.tgt_text, "kind": self.kind,
                "score": round(self.score, 3), "evidence": self.evidence}

    def __str__(self) -> str:
        note = f": {self.evidence}" if self.evidence else ""
        return f"{self.src_text} -> {self.tgt_text} ({self.kind}{note})"
