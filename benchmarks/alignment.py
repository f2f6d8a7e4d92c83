"""Alignment benchmark: our aligner against Gale–Church (nltk) on perturbed news pairs.

    /work/venv/bin/python benchmarks/alignment.py            # all pairs, all modes, + 5k pair
    /work/venv/bin/python benchmarks/alignment.py --quick    # skip the 5,000-sentence pair
    /work/venv/bin/python benchmarks/alignment.py --calibrate  # length expansion factors

Pairs come from benchmarks/perturb.py (merges, splits, ~15% drops, insertions from other
documents, one moved block of 2-4 sentences per document). Scores are micro-averaged over
all links of all documents, null links (omissions, additions) included:

- strict: a predicted link counts when it equals a gold link exactly;
- lax: a predicted link counts when it shares a (source, target) sentence pair with a
  gold link (for omissions/additions: the same sentence left out on the same side).

Recall is the same computation with gold and prediction swapped (as in Vecalign's
score.py). Cross-language pairs use the ``gloss`` backend (no machine translation);
zh.a→zh.b compares the two Chinese translations directly (identity).
"""

from __future__ import annotations

import argparse
import math
import os
import resource
import statistics
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from perturb import (
    PAIRS,
    PARALLEL,
    PerturbedPair,
    build_pairs,
    clean_pairs,
    long_pair,
    read_lines,
)

# Translations and models go to a scratch home, never the user's (and never a warm cache).
os.environ.setdefault("PROVENANCE_HOME", tempfile.mkdtemp(prefix="provenance-bench-"))

from provenance.align import align  # noqa: E402
from provenance.align.lengths import char_length, expansion_factor  # noqa: E402

LinkT = tuple[tuple[int, ...], tuple[int, ...]]


def _pairs_of(link: LinkT) -> set[tuple[int, int]]:
    src, tgt = link
    if not src:
        return {(-1, j) for j in tgt}
    if not tgt:
        return {(i, -1) for i in src}
    return {(i, j) for i in src for j in tgt}


def _precision(gold: Sequence[LinkT], test: Sequence[LinkT]) -> tuple[int, int, int]:
    """(strict hits, lax hits, test links)."""
    gold_set = set(gold)
    gold_pairs = set().union(*(_pairs_of(g) for g in gold)) if gold else set()
    strict = lax = 0
    for link in test:
        if link in gold_set:
            strict += 1
            lax += 1
        elif _pairs_of(link) & gold_pairs:
            lax += 1
    return strict, lax, len(test)


class Score:
    """Accumulated strict and lax precision/recall over many document pairs."""

    def __init__(self) -> None:
        self.p = [0, 0, 0]
        self.r = [0, 0, 0]
        self.seconds: list[float] = []

    def add(self, gold: Sequence[LinkT], test: Sequence[LinkT], seconds: float) -> None:
        for acc, counts in ((self.p, _precision(gold, test)), (self.r, _precision(test, gold))):
            for k in range(3):
                acc[k] += counts[k]
        self.seconds.append(seconds)

    def prf(self, strict: bool) -> tuple[float, float, float]:
        k = 0 if strict else 1
        p = self.p[k] / self.p[2] if self.p[2] else 0.0
        r = self.r[k] / self.r[2] if self.r[2] else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f

    def row(self) -> str:
        sp, sr, sf = self.prf(True)
        lp, lr, lf = self.prf(False)
        ms = 1000 * statistics.mean(self.seconds) if self.seconds else math.nan
        return (f"{sp:6.3f} {sr:6.3f} {sf:6.3f} | {lp:6.3f} {lr:6.3f} {lf:6.3f} | "
                f"{ms:8.1f} ms")


def gale_church(src: list[str], tgt: list[str], expansion: float) -> list[LinkT]:
    """nltk's Gale–Church on character lengths, source lengths scaled by the same
    expansion factor our aligner uses (its parameters assume equal lengths)."""
    from nltk.translate.gale_church import align_blocks

    src_len = [max(1, round(char_length(s) * expansion)) for s in src]
    tgt_len = [max(1, char_length(t)) for t in tgt]
    pairs = align_blocks(src_len, tgt_len)
    # Beads come back as (i, j) pairs; connected components are the links.
    parent: dict[tuple[str, int], tuple[str, int]] = {}

    def find(x: tuple[str, int]) -> tuple[str, int]:
        while parent.setdefault(x, x) != x:
            x = parent[x]
        return x

    for i, j in pairs:
        parent[find(("s", i))] = find(("t", j))
    groups: dict[tuple[str, int], tuple[set[int], set[int]]] = {}
    for i, j in pairs:
        g = groups.setdefault(find(("s", i)), (set(), set()))
        g[0].add(i)
        g[1].add(j)
    links: list[LinkT] = [(tuple(sorted(s)), tuple(sorted(t))) for s, t in groups.values()]
    seen_s = {i for i, _ in pairs}
    seen_t = {j for _, j in pairs}
    links += [((i,), ()) for i in range(len(src)) if i not in seen_s]
    links += [((), (j,)) for j in range(len(tgt)) if j not in seen_t]
    return links


def run_ours(pair: PerturbedPair, mode: str) -> tuple[list[LinkT], float, str]:
    translator = "identity" if pair.src_lang == pair.tgt_lang else "gloss"
    start = time.perf_counter()
    result = align(pair.src, pair.tgt, pair.src_lang, pair.tgt_lang, translator=translator,
                   mode=mode)
    seconds = time.perf_counter() - start
    return [(link.src, link.tgt) for link in result.links], seconds, result.mode


def calibrate() -> None:
    """Print target/source character ratios per language pair (the EXPANSION table)."""
    for label, folder, src_file, tgt_file, *_ in PAIRS:
        ratios = []
        for doc in sorted((PARALLEL / folder).iterdir()):
            if doc.is_dir():
                for s, t in zip(read_lines(doc / src_file), read_lines(doc / tgt_file),
                                strict=False):
                    if char_length(s) >= 20:
                        ratios.append(math.log(char_length(t) / char_length(s)))
        mean = statistics.mean(ratios)
        print(f"{label:10s} expansion {math.exp(mean):.3f}  "
              f"log-ratio sd {statistics.stdev(ratios):.3f}  ({len(ratios)} lines)")


def evaluate_ours(pairs: list[PerturbedPair], mode: str) -> tuple[Score, dict[str, int]]:
    score = Score()
    used: dict[str, int] = {}
    for pair in pairs:
        links, seconds, got = run_ours(pair, mode)
        used[got] = used.get(got, 0) + 1
        score.add(pair.gold, links, seconds)
    return score, used


def evaluate_gc(pairs: list[PerturbedPair]) -> Score:
    score = Score()
    factor = expansion_factor(pairs[0].src_lang, pairs[0].tgt_lang) or 1.0
    for pair in pairs:
        start = time.perf_counter()
        links = gale_church(pair.src, pair.tgt, factor)
        score.add(pair.gold, links, time.perf_counter() - start)
    return score


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="skip the 5,000-sentence pair")
    parser.add_argument("--calibrate", action="store_true")
    parser.add_argument("--modes", default="monotonic,reorder,auto")
    parser.add_argument("--seed", type=int, default=29,
                        help="perturbation seed (weights were tuned on seed 13; 29 is unseen)")
    parser.add_argument("--pairs", default=",".join(p[0] for p in PAIRS),
                        help="comma-separated pair labels")
    args = parser.parse_args()
    if args.calibrate:
        calibrate()
        return
    modes = args.modes.split(",")
    header = (f"{'pair':10s} {'aligner':24s} {'docs':>4s} | {'strict P':>6s} {'R':>6s} "
              f"{'F1':>6s} | {'lax P':>6s} {'R':>6s} {'F1':>6s} | time/doc pair")
    print(f"perturbed pairs (seed {args.seed}); cross-language with the gloss backend (no MT), "
          "zh.a→zh.b with identity")
    print(header)
    print("-" * len(header))
    summary: dict[str, tuple[float, float, float]] = {}
    for label in args.pairs.split(","):
        pairs = build_pairs(label, seed=args.seed)
        # Warm up once (glossary and quantity tables load on first use).
        run_ours(pairs[0], "monotonic")
        for mode in modes:
            score, used = evaluate_ours(pairs, mode)
            picked = "" if mode != "auto" else " (" + ",".join(
                f"{k[:3]}:{v}" for k, v in sorted(used.items())) + ")"
            print(f"{label:10s} {'ours ' + mode + picked:24s} {len(pairs):4d} | {score.row()}")
            if mode == "auto":
                summary[label] = (score.prf(True)[2], statistics.mean(score.seconds), 0.0)
        gc = evaluate_gc(pairs)
        print(f"{label:10s} {'nltk gale-church':24s} {len(pairs):4d} | {gc.row()}")
        if label in summary:
            summary[label] = (*summary[label][:2], statistics.mean(gc.seconds))
    print("\nunperturbed documents (sanity check: every line a 1-1 link)")
    for label in args.pairs.split(","):
        pairs = clean_pairs(label)
        score, _ = evaluate_ours(pairs, "auto")
        print(f"{label:10s} {'ours auto':24s} {len(pairs):4d} | {score.row()}")
        print(f"{label:10s} {'nltk gale-church':24s} {len(pairs):4d} | {evaluate_gc(pairs).row()}")
    long = None if args.quick else long_run()
    closing_note(summary, long)


def long_run() -> tuple[float, float]:
    """The 5,000-sentence pair (time and peak memory per mode), then ours and nltk on
    the same 1,000-sentence pair. Returns (our seconds, nltk seconds) at 1,000."""
    pair = long_pair("en→zh.a")
    print(f"\nlong pair {pair.name}: {len(pair.src)} source, {len(pair.tgt)} target sentences")
    for mode in ("monotonic", "auto"):
        score = Score()
        links, seconds, got = run_ours(pair, mode)
        score.add(pair.gold, links, seconds)
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"  ours {mode:9s} -> {got:9s} {seconds:6.1f} s  peak RSS of the process "
              f"{rss:5.0f} MB  strict F1 {score.prf(True)[2]:.3f}  lax F1 "
              f"{score.prf(False)[2]:.3f}")
    print("  nltk gale-church: refuses more than 4,000 sentences (MAX_ALIGN_BLOCKS) and keeps "
          "one dict entry per cell, so it is timed at 1,000 below")
    pair = long_pair("en→zh.a", target_size=1000, seed=8)
    ours, _ = evaluate_ours([pair], "auto")
    gc = evaluate_gc([pair])
    print(f"\n1,000-sentence pair: {len(pair.src)} source, {len(pair.tgt)} target sentences")
    print(f"  {'ours auto':18s} {ours.seconds[0]:6.1f} s  strict F1 {ours.prf(True)[2]:.3f}")
    print(f"  {'nltk gale-church':18s} {gc.seconds[0]:6.1f} s  strict F1 {gc.prf(True)[2]:.3f}")
    return ours.seconds[0], gc.seconds[0]


def closing_note(summary: dict[str, tuple[float, float, float]],
                 long: tuple[float, float] | None) -> None:
    """Where we stand against the targets: strict F1 >= 0.95 without MT, faster than
    nltk's Gale–Church."""
    print("\nclosing note")
    for label, (f1, ours_s, gc_s) in summary.items():
        verdict = "meets" if f1 >= 0.95 else "misses"
        print(f"  {label:10s} strict F1 {f1:.3f} {verdict} the 0.95 target; per document pair "
              f"{1000 * ours_s:.0f} ms vs nltk {1000 * gc_s:.0f} ms "
              f"({'faster' if ours_s < gc_s else 'slower'}; ours includes rendering, "
              "glossary and quantity extraction)")
    if long:
        print(f"  at 1,000 sentences ours takes {long[0]:.1f} s, nltk {long[1]:.1f} s "
              f"({'faster' if long[0] < long[1] else 'slower'})")


if __name__ == "__main__":
    main()
