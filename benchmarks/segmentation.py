"""Sentence-boundary accuracy on real news: ../shared/data/parallel/.

Each line of those files is one segment (usually a sentence). We join a document's lines
(with a space for en/uk, with nothing for zh), segment the result, and compare the
predicted boundaries (character offsets between sentences) with the gold line boundaries.
Prints precision, recall and F1 per language, micro-averaged over documents.

Run: /work/venv/bin/python benchmarks/segmentation.py [--data PATH] [--worst N]
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from provenance.segment import segment

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "parallel"


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    # Gold boundaries after sentence-final punctuation (headlines, datelines and photo
    # captions have none: once joined, no segmenter can find those).
    punct_gold: int = 0
    punct_found: int = 0
    errors: list[str] = field(default_factory=list)

    def add(self, other: Score) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        self.punct_gold += other.punct_gold
        self.punct_found += other.punct_found
        self.errors += other.errors

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def joiner(lang: str) -> str:
    return "" if lang.startswith(("zh", "ja")) else " "


def document_score(lines: list[str], lang: str) -> Score:
    """Boundary precision/recall of ``segment`` on the joined ``lines``."""
    sep = joiner(lang)
    lines = [line.strip() for line in lines if line.strip()]
    text = sep.join(lines)
    gold, punctuated, pos = set(), set(), 0
    for line in lines[:-1]:
        pos += len(line)
        gold.add(pos)
        if line.rstrip("\"'”’»)）」』") [-1:] in set(".!?。！？…"):
            punctuated.add(pos)
        pos += len(sep)
    sentences = segment(text, lang)
    predicted = {s.end for s in sentences[:-1]}
    score = Score()
    score.tp = len(gold & predicted)
    score.fp = len(predicted - gold)
    score.fn = len(gold - predicted)
    score.punct_gold = len(punctuated)
    score.punct_found = len(punctuated & predicted)
    for b in sorted(predicted ^ gold):
        kind = "extra" if b in predicted else "missed"
        score.errors.append(f"{kind}: …{text[max(0, b - 40):b]}‖{text[b:b + 30]}…")
    return score


def language_of(path: Path) -> str:
    return {"en": "en", "uk": "uk", "zh": "zh-cn"}[path.name.split(".")[0]]


def run(data: Path) -> dict[str, Score]:
    scores: dict[str, Score] = defaultdict(Score)
    for doc in sorted(p for p in data.glob("*/*") if p.is_dir()):
        for path in sorted(doc.glob("*.txt")):
            if path.name == "meta.txt":
                continue
            lang = language_of(path)
            lines = path.read_text(encoding="utf-8").splitlines()
            scores[lang].add(document_score(lines, lang))
    return dict(scores)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--worst", type=int, default=0, help="show N boundary errors per language")
    args = parser.parse_args(argv)
    if not args.data.is_dir():
        print(f"no data at {args.data}", file=sys.stderr)
        return 2
    scores = run(args.data)
    print(f"{'lang':6} {'gold':>6} {'pred':>6} {'P':>6} {'R':>6} {'F1':>6} {'R.punct':>8}")
    for lang, s in sorted(scores.items()):
        r_punct = s.punct_found / s.punct_gold if s.punct_gold else 1.0
        print(f"{lang:6} {s.tp + s.fn:6d} {s.tp + s.fp:6d} "
              f"{s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f} {r_punct:8.3f}")
    print("R.punct: recall on gold boundaries that follow sentence-final punctuation")
    if args.worst:
        for lang, s in sorted(scores.items()):
            print(f"\n[{lang}]")
            for line in s.errors[: args.worst]:
                print("  " + line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
