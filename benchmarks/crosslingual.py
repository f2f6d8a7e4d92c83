"""How well word-level cross-lingual evidence finds a sentence's translation, and its cost.

For every document in ../shared/data/parallel/, line i of one file translates line i of
the other. Each foreign line is scored against every English line of its document
(Chinese: ``lexicon.lexical_overlap``; Ukrainian: ``translit.translit_overlap``); we
count how often the true line ranks first, and how often it beats a line drawn from
another document (the chance level of a score that knows the story but not the
sentence is far above that of one that knows neither).

    python benchmarks/crosslingual.py [--data DIR] [--show N]

Prints per pair: foreign lines, top-1 rate within the document, rate of beating a line
from another document; then the dictionary load time (cold compile and warm) and the
cost per sentence pair.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "parallel"
# (pair folder, foreign file, foreign lang, English file)
PAIRS = [("en-zh", "zh.a.txt", "zh", "en.txt"), ("en-zh", "zh.b.txt", "zh", "en.txt"),
         ("uk-en", "uk.txt", "uk", "en.a.txt")]


def _documents(data: Path, folder: str, foreign: str,
               english: str) -> list[tuple[list[str], list[str]]]:
    docs = []
    for doc in sorted((data / folder).iterdir()):
        if (doc / foreign).is_file() and (doc / english).is_file():
            src = (doc / foreign).read_text(encoding="utf-8").splitlines()
            tgt = (doc / english).read_text(encoding="utf-8").splitlines()
            if len(src) == len(tgt):
                docs.append((src, tgt))
    return docs


def _scorer(lang: str) -> Callable[[str, str], float]:
    if lang == "zh":
        from provenance.crosslingual.lexicon import lexical_overlap

        return lexical_overlap
    from provenance.crosslingual.translit import translit_overlap

    return lambda src, tgt: translit_overlap(src, tgt, lang)


def rank(data: Path, show: int) -> None:
    rng = random.Random(13)
    print(f"{'pair':26} {'lines':>6} {'top-1':>7} {'beats other doc':>16} {'ms/pair':>8}")
    for folder, foreign, lang, english in PAIRS:
        docs = _documents(data, folder, foreign, english)
        score = _scorer(lang)
        lines = top1 = beats = pairs = 0
        elapsed = 0.0
        shown = 0
        for d, (src, tgt) in enumerate(docs):
            others = [line for e, (_, t) in enumerate(docs) if e != d for line in t]
            for i, line in enumerate(src):
                if not line.strip():
                    continue
                start = time.perf_counter()
                scores = [score(line, t) for t in tgt]
                decoy = score(line, rng.choice(others))
                elapsed += time.perf_counter() - start
                pairs += len(tgt) + 1
                lines += 1
                best = max(range(len(tgt)), key=lambda j: (scores[j], j == i))
                top1 += best == i
                beats += scores[i] > decoy
                if best != i and shown < show:
                    shown += 1
                    print(f"  miss {lang} {line[:60]!r}\n    true {scores[i]:.3f} "
                          f"{tgt[i][:60]!r}\n    got  {scores[best]:.3f} {tgt[best][:60]!r}")
        print(f"{folder + ' ' + foreign:26} {lines:6} {top1 / lines:7.1%} {beats / lines:16.1%}"
              f" {elapsed / pairs * 1000:8.2f}")


def load_times() -> None:
    """Cold (compile into an empty home) and warm load of the dictionary, in a fresh
    interpreter each, so neither benefits from the other's caches."""
    import subprocess

    code = ("import time; t = time.perf_counter(); "
            "from provenance.crosslingual.lexicon import default_lexicon; "
            "n = len(default_lexicon()); print(f'{time.perf_counter() - t:.2f} s, {n} words')")
    with tempfile.TemporaryDirectory() as home:
        env = {**os.environ, "PROVENANCE_HOME": home}
        for label in ("cold (compile)", "warm"):
            out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True,
                                 text=True, check=True).stdout.strip()
            print(f"lexicon load, {label}: {out}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--show", type=int, default=0, help="print N misses per pair")
    args = parser.parse_args()
    load_times()
    rank(args.data, args.show)


if __name__ == "__main__":
    main()
