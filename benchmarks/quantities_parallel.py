"""How many quantities survive a faithful human translation, as our normaliser sees them.

For every document in ../shared/data/parallel/, line i of one file translates line i of
the other. We extract quantities from both lines and pair them one to one when
`Quantity.compare` says "same". A faithful translation should match nearly all; what
does not match is either a normaliser gap or a real liberty of the translator.

    /work/venv/bin/python benchmarks/quantities_parallel.py [--show N] [--data DIR]

Prints, per language pair: lines, quantities found on each side, matched pairs, and the
share of each side's quantities that found a partner; then the extraction speed (the
tests assert no wall time: this is where speed is watched). ``--show N`` prints N unmatched
examples per pair.
"""

from __future__ import annotations

import argparse
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from provenance.quantities import Quantity, extract_quantities

DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "parallel"
# (pair folder, side A file, lang A, side B file, lang B)
PAIRS = [
    ("en-zh", "en.txt", "en", "zh.a.txt", "zh-cn"),
    ("en-zh", "en.txt", "en", "zh.b.txt", "zh-cn"),
    ("en-zh", "zh.a.txt", "zh-cn", "zh.b.txt", "zh-cn"),
    ("uk-en", "uk.txt", "uk", "en.a.txt", "en"),
]


@dataclass
class Tally:
    lines: int = 0
    found_a: int = 0
    found_b: int = 0
    matched: int = 0
    misses: list[tuple[str, str, list[str], list[str]]] = field(default_factory=list)
    # kind -> [found on side A, of which matched]
    by_kind: dict[str, list[int]] = field(default_factory=dict)


def matched_flags(a: list[Quantity], b: list[Quantity]) -> list[bool]:
    """For each quantity of ``a``: did it pair (greedily, one to one) with a "same" in ``b``?"""
    used: set[int] = set()
    flags = []
    for qa in a:
        free = (j for j, qb in enumerate(b) if j not in used)
        hit = next((j for j in free if qa.compare(b[j]).verdict == "same"), None)
        if hit is not None:
            used.add(hit)
        flags.append(hit is not None)
    return flags


def match_count(a: list[Quantity], b: list[Quantity]) -> int:
    """Number of one-to-one "same" pairs between two lists of quantities."""
    return sum(matched_flags(a, b))


def run(data: Path) -> dict[str, Tally]:
    out: dict[str, Tally] = {}
    for folder, fa, la, fb, lb in PAIRS:
        key = f"{folder}: {fa.rsplit('.', 1)[0]} vs {fb.rsplit('.', 1)[0]}"
        tally = out.setdefault(key, Tally())
        for doc in sorted((data / folder).iterdir()):
            pa, pb = doc / fa, doc / fb
            if not (pa.is_file() and pb.is_file()):
                continue
            lines_a = pa.read_text(encoding="utf-8").splitlines()
            lines_b = pb.read_text(encoding="utf-8").splitlines()
            for sa, sb in zip(lines_a, lines_b, strict=False):
                qa, qb = extract_quantities(sa, la), extract_quantities(sb, lb)
                tally.lines += 1
                tally.found_a += len(qa)
                tally.found_b += len(qb)
                flags = matched_flags(qa, qb)
                m = sum(flags)
                tally.matched += m
                for q, ok in zip(qa, flags, strict=True):
                    counts = tally.by_kind.setdefault(q.kind, [0, 0])
                    counts[0] += 1
                    counts[1] += ok
                if m < max(len(qa), len(qb)):
                    tally.misses.append((sa, sb, [str(q) for q in qa], [str(q) for q in qb]))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--show", type=int, default=0, help="unmatched examples to print per pair")
    args = ap.parse_args(argv)
    if not args.data.is_dir():
        print(f"error: no parallel data at {args.data}", file=sys.stderr)
        return 2
    t0 = time.perf_counter()
    results = run(args.data)
    elapsed = time.perf_counter() - t0
    print(
        f"{'pair':32} {'lines':>6} {'found A':>8} {'found B':>8} {'matched':>8} "
        f"{'A matched':>10} {'B matched':>10}"
    )
    for key, t in results.items():
        ra = t.matched / t.found_a if t.found_a else 0.0
        rb = t.matched / t.found_b if t.found_b else 0.0
        print(
            f"{key:32} {t.lines:6d} {t.found_a:8d} {t.found_b:8d} {t.matched:8d} "
            f"{ra:10.1%} {rb:10.1%}"
        )
    lines = sum(2 * t.lines for t in results.values())  # both sides of every line
    print(f"({elapsed:.1f} s for all pairs: {lines / elapsed:,.0f} lines a second)")
    print("\nside A by kind (matched/found):")
    for key, t in results.items():
        parts = [f"{k} {m}/{n}" for k, (n, m) in sorted(t.by_kind.items())]
        print(f"  {key:32} " + ", ".join(parts))
    for key, t in results.items():
        for sa, sb, qa, qb in t.misses[: args.show]:
            print(f"\n[{key}]\n  A: {sa}\n     {qa}\n  B: {sb}\n     {qb}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
