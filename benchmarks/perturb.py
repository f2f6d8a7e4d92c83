"""Gold-aligned relay pairs built from strictly parallel documents.

The WMT documents in ../shared/data/parallel are line-by-line translations. A relay is
messier, so the target side is perturbed the way relays differ from their source:
sentences merged (2-1) and split (1-2), about 15% dropped (omissions), unrelated
sentences from another document inserted (additions), and a block of 2-4 sentences
moved elsewhere (crossing links). Every change is recorded, so the gold links are exact.

    python benchmarks/perturb.py en-zh/abcnews.53861 en zh.a   # prints one pair as JSON
"""

from __future__ import annotations

import json
import random
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

PARALLEL = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "parallel"

#: Share of target units touched by each perturbation.
DROP = 0.15
MERGE = 0.10
SPLIT = 0.10
INSERT = 0.10


@dataclass(frozen=True)
class Profile:
    """How much of a relay is perturbed, and how (shares of the document's lines)."""

    drop: float = DROP
    merge: float = MERGE  # 2-1
    split: float = SPLIT  # 1-2
    insert: float = INSERT
    merge3: float = 0.0  # 3-1
    split3: float = 0.0  # 1-3
    resplit: float = 0.0  # 2-2: two sentences re-cut at another clause break


#: News relays: drops, merges, splits, insertions, one moved block.
NEWS = Profile()
#: Literary translation: few drops or insertions, but about a third of the links merge or
#: re-cut sentences (2-1, 1-2, 3-1, 1-3, 2-2), as in literary test sets (Bertalign's MAC).
LITERARY = Profile(drop=0.03, merge=0.09, split=0.06, insert=0.03, merge3=0.03, split3=0.02,
                   resplit=0.04)
PROFILES = {"news": NEWS, "literary": LITERARY}


@dataclass
class Unit:
    """A run of target sentences rendering a set of source sentences."""

    sentences: list[str]
    src: tuple[int, ...]


@dataclass
class PerturbedPair:
    """A source document, its perturbed relay and the exact gold links."""

    name: str
    src_lang: str
    tgt_lang: str
    src: list[str]
    tgt: list[str]
    gold: list[tuple[tuple[int, ...], tuple[int, ...]]]
    changes: dict[str, int] = field(default_factory=dict)
    moved: bool = False


def read_lines(path: Path) -> list[str]:
    return [line.strip() for line in path.read_text(encoding="utf-8").splitlines()]


def _joiner(lang: str) -> str:
    return "" if lang.startswith("zh") else " "


def _split(sentence: str, lang: str) -> list[str] | None:
    """Split at the clause break nearest the middle, as a relay editor would."""
    marks = "，；,;" if lang.startswith("zh") else ",;"
    positions = [m.start() for m in re.finditer(f"[{re.escape(marks)}]", sentence)]
    mid = len(sentence) / 2
    positions = [p for p in positions if 0.25 * len(sentence) < p < 0.75 * len(sentence)]
    if not positions:
        return None
    cut = min(positions, key=lambda p: abs(p - mid))
    left, right = sentence[:cut].rstrip(), sentence[cut + 1:].strip()
    if lang.startswith("zh"):
        return [left + "。", right]
    return [left.rstrip(".") + ".", right[:1].upper() + right[1:]]


def _singles(units: list[Unit], k: int, size: int) -> bool:
    """Units k..k+size-1 are single sentences rendering consecutive single sources."""
    run = units[k:k + size]
    return len(run) == size and all(len(u.sentences) == 1 and len(u.src) == 1 for u in run) \
        and all(run[x + 1].src[0] == run[x].src[0] + 1 for x in range(size - 1))


def _split_three(sentence: str, lang: str) -> list[str] | None:
    """Split at a clause break, then split the longer part again."""
    halves = _split(sentence, lang)
    if not halves:
        return None
    longer = 0 if len(halves[0]) >= len(halves[1]) else 1
    again = _split(halves[longer], lang)
    if not again:
        return None
    return again + [halves[1]] if longer == 0 else [halves[0], *again]


def perturb(name: str, src: list[str], tgt: list[str], tgt_lang: str, filler: list[str],
            seed: int, *, src_lang: str, move: bool = True,
            profile: Profile = NEWS) -> PerturbedPair:
    """Perturb ``tgt`` (parallel to ``src`` line by line) and record the gold links.

    ``filler`` holds target-language sentences from other documents, the source of
    unrelated insertions. With the default ``profile`` the random draws are those the
    benchmarks were tuned and reported with; the extra kinds of ``LITERARY`` come after.
    """
    rng = random.Random(seed)
    units = [Unit([t], (i,)) for i, t in enumerate(tgt) if t]
    n = len(units)
    changes = {"dropped": 0, "merged": 0, "split": 0, "inserted": 0, "moved": 0}
    dropped: list[int] = []
    # Drop ~15% (never the headline: relays keep it).
    for idx in sorted(rng.sample(range(1, n), k=min(n - 1, round(profile.drop * n))),
                      reverse=True):
        dropped.extend(units[idx].src)
        del units[idx]
        changes["dropped"] += 1
    # Merge adjacent pairs.
    for _ in range(round(profile.merge * n)):
        candidates = [k for k in range(len(units) - 1)
                      if len(units[k].sentences) == 1 and len(units[k + 1].sentences) == 1
                      and len(units[k].src) == 1 and len(units[k + 1].src) == 1
                      and units[k + 1].src[0] == units[k].src[0] + 1]
        if not candidates:
            break
        k = rng.choice(candidates)
        merged = _joiner(tgt_lang).join([units[k].sentences[0], units[k + 1].sentences[0]])
        units[k:k + 2] = [Unit([merged], units[k].src + units[k + 1].src)]
        changes["merged"] += 1
    # Split long sentences at a clause break.
    for _ in range(round(profile.split * n)):
        candidates = [k for k, u in enumerate(units)
                      if len(u.sentences) == 1 and len(u.src) == 1 and _split(u.sentences[0],
                                                                               tgt_lang)]
        if not candidates:
            break
        k = rng.choice(candidates)
        units[k] = Unit(_split(units[k].sentences[0], tgt_lang) or [], units[k].src)
        changes["split"] += 1
    # Merge three sentences into one (3-1).
    for _ in range(round(profile.merge3 * n)):
        candidates = [k for k in range(len(units) - 2) if _singles(units, k, 3)]
        if not candidates:
            break
        k = rng.choice(candidates)
        merged = _joiner(tgt_lang).join(u.sentences[0] for u in units[k:k + 3])
        units[k:k + 3] = [Unit([merged], sum((u.src for u in units[k:k + 3]), ()))]
        changes["merged3"] = changes.get("merged3", 0) + 1
    # Re-cut two sentences at a clause break inside one of them (2-2).
    for _ in range(round(profile.resplit * n)):
        candidates = [k for k in range(len(units) - 1) if _singles(units, k, 2)
                      and _split(_joiner(tgt_lang).join(u.sentences[0] for u in units[k:k + 2]),
                                 tgt_lang)]
        if not candidates:
            break
        k = rng.choice(candidates)
        joined = _joiner(tgt_lang).join(u.sentences[0] for u in units[k:k + 2])
        units[k:k + 2] = [Unit(_split(joined, tgt_lang) or [], units[k].src + units[k + 1].src)]
        changes["recut"] = changes.get("recut", 0) + 1
    # Split one sentence into three (1-3).
    for _ in range(round(profile.split3 * n)):
        candidates = [k for k, u in enumerate(units) if len(u.sentences) == 1
                      and len(u.src) == 1 and _split_three(u.sentences[0], tgt_lang)]
        if not candidates:
            break
        k = rng.choice(candidates)
        units[k] = Unit(_split_three(units[k].sentences[0], tgt_lang) or [], units[k].src)
        changes["split3"] = changes.get("split3", 0) + 1
    # Move a block of 2-4 units to another place.
    moved = False
    if move and len(units) >= 8:
        size = rng.randint(2, 4)
        start = rng.randrange(1, len(units) - size)
        block = units[start:start + size]
        rest = units[:start] + units[start + size:]
        choices = [p for p in range(1, len(rest) + 1) if abs(p - start) >= 2]
        if choices:
            to = rng.choice(choices)
            units = rest[:to] + block + rest[to:]
            changes["moved"] = size
            moved = True
    # Insert unrelated sentences from other documents.
    for _ in range(round(profile.insert * n)):
        pos = rng.randrange(1, len(units) + 1)
        units.insert(pos, Unit([rng.choice(filler)], ()))
        changes["inserted"] += 1
    out_tgt: list[str] = []
    gold: list[tuple[tuple[int, ...], tuple[int, ...]]] = []
    for unit in units:
        idx = tuple(range(len(out_tgt), len(out_tgt) + len(unit.sentences)))
        out_tgt.extend(unit.sentences)
        if unit.src:
            gold.append((unit.src, idx))
        else:
            gold.extend(((), (j,)) for j in idx)
    gold.extend(((i,), ()) for i in sorted(dropped))
    return PerturbedPair(name, src_lang, tgt_lang, list(src), out_tgt, gold, changes, moved)


#: Share of the target sentences a summary keeps, and how many blocks it reorders.
SUMMARY_KEEP = 1 / 3
SUMMARY_BLOCKS = 3
#: Sentences of its own a summary adds (from other documents), per kept sentence.
SUMMARY_INSERT = 0.25


def summarise(name: str, src: list[str], tgt: list[str], filler: list[str], seed: int, *,
              src_lang: str, tgt_lang: str) -> PerturbedPair:
    """A short summary of ``tgt`` (parallel to ``src`` line by line), with gold links.

    Keeps about :data:`SUMMARY_KEEP` of the sentences (always some from the second half),
    cuts them, in their order, into :data:`SUMMARY_BLOCKS` blocks and shuffles the blocks;
    a kept sentence from the middle third is put first (the headline of a relay often
    renders a sentence from the middle), and a few unrelated sentences are inserted
    anywhere but first. Every kept sentence is a 1-1 link, every other one an omission.
    """
    rng = random.Random(seed)
    lines = [i for i, t in enumerate(tgt) if t]
    n = len(lines)
    keep_n = max(4, round(SUMMARY_KEEP * n))
    half = n // 2
    late = sorted(rng.sample(lines[half:], k=min(len(lines) - half, max(2, keep_n // 3))))
    early = sorted(rng.sample([i for i in lines if i not in late],
                              k=min(n - len(late), keep_n - len(late))))
    kept = sorted(early + late)
    middle = [i for i in kept if n // 3 <= lines.index(i) < 2 * n // 3] or kept
    lead = rng.choice(middle)
    rest = [i for i in kept if i != lead]
    cuts = sorted(rng.sample(range(1, len(rest)), k=min(len(rest) - 1, SUMMARY_BLOCKS - 1)))
    blocks = [rest[a:b] for a, b in zip([0, *cuts], [*cuts, len(rest)], strict=True)]
    rng.shuffle(blocks)
    order: list[int | None] = [lead] + [i for block in blocks for i in block]
    for _ in range(max(1, round(SUMMARY_INSERT * len(kept)))):
        order.insert(rng.randrange(1, len(order) + 1), None)
    out_tgt: list[str] = []
    gold: list[tuple[tuple[int, ...], tuple[int, ...]]] = []
    for i in order:
        if i is None:
            gold.append(((), (len(out_tgt),)))
            out_tgt.append(rng.choice(filler))
        else:
            gold.append(((i,), (len(out_tgt),)))
            out_tgt.append(tgt[i])
    gold.extend(((i,), ()) for i in lines if i not in kept)
    changes = {"kept": len(kept), "dropped": len(src) - len(kept), "blocks": len(blocks) + 1,
               "inserted": len(order) - len(kept)}
    return PerturbedPair(name, src_lang, tgt_lang, list(src), out_tgt, gold, changes, True)


def build_summaries(label: str, seed: int = 13) -> list[PerturbedPair]:
    """One summary per document of the language pair ``label``."""
    return [summarise(name, src, tgt, filler, seed * 1000 + k, src_lang=src_lang,
                      tgt_lang=tgt_lang)
            for k, name, src, tgt, filler, src_lang, tgt_lang in _documents(label)]


#: (label, folder, source file, target file, source lang, target lang)
PAIRS: tuple[tuple[str, str, str, str, str, str], ...] = (
    ("en→zh.a", "en-zh", "en.txt", "zh.a.txt", "en", "zh"),
    ("en→zh.b", "en-zh", "en.txt", "zh.b.txt", "en", "zh"),
    ("uk→en", "uk-en", "uk.txt", "en.a.txt", "uk", "en"),
    ("zh.a→zh.b", "en-zh", "zh.a.txt", "zh.b.txt", "zh", "zh"),
)


def build_pairs(label: str, seed: int = 13, *, move: bool = True,
                profile: Profile = NEWS) -> list[PerturbedPair]:
    """One perturbed pair per document of the language pair ``label``."""
    return [perturb(name, src, tgt, tgt_lang, filler, seed * 1000 + k, src_lang=src_lang,
                    move=move, profile=profile)
            for k, name, src, tgt, filler, src_lang, tgt_lang in _documents(label)]


def _documents(label: str
               ) -> Iterator[tuple[int, str, list[str], list[str], list[str], str, str]]:
    """(index, name, source lines, target lines, filler, source lang, target lang) for
    each line-aligned document of ``label``; ``filler`` holds the target sentences of
    the other documents (the unrelated sentences a perturbation inserts). The index
    counts every document, so that seeds stay those the benchmarks were reported with."""
    _, folder, src_file, tgt_file, src_lang, tgt_lang = next(p for p in PAIRS if p[0] == label)
    docs = sorted(d for d in (PARALLEL / folder).iterdir() if d.is_dir())
    for k, doc in enumerate(docs):
        src, tgt = read_lines(doc / src_file), read_lines(doc / tgt_file)
        if len(src) != len(tgt):
            continue
        filler = [line for other in docs if other != doc
                  for line in read_lines(other / tgt_file) if line]
        yield k, doc.name, src, tgt, filler, src_lang, tgt_lang


def clean_pairs(label: str) -> list[PerturbedPair]:
    """The unperturbed documents of ``label``: every line a 1-1 link (a sanity check)."""
    _, folder, src_file, tgt_file, src_lang, tgt_lang = next(p for p in PAIRS if p[0] == label)
    pairs = []
    for doc in sorted(d for d in (PARALLEL / folder).iterdir() if d.is_dir()):
        src, tgt = read_lines(doc / src_file), read_lines(doc / tgt_file)
        if len(src) == len(tgt):
            gold = [((i,), (i,)) for i in range(len(src))]
            pairs.append(PerturbedPair(doc.name, src_lang, tgt_lang, src, tgt, gold))
    return pairs


def long_pair(label: str, target_size: int = 5000, seed: int = 7) -> PerturbedPair:
    """A ~``target_size``-sentence pair: perturbed documents of ``label`` chained in
    shuffled order (fresh perturbations each round), gold links offset accordingly."""
    rng = random.Random(seed)
    src: list[str] = []
    tgt: list[str] = []
    gold: list[tuple[tuple[int, ...], tuple[int, ...]]] = []
    round_no = 0
    while len(src) < target_size:
        pairs = build_pairs(label, seed=seed + round_no)
        rng.shuffle(pairs)
        for pair in pairs:
            si, ti = len(src), len(tgt)
            src.extend(pair.src)
            tgt.extend(pair.tgt)
            gold.extend((tuple(i + si for i in s), tuple(j + ti for j in t)) for s, t in pair.gold)
        round_no += 1
    first = build_pairs(label)[0]
    return PerturbedPair(f"{label}×{round_no}", first.src_lang, first.tgt_lang, src, tgt, gold)


if __name__ == "__main__":
    folder, src_name, tgt_name = sys.argv[1:4]
    doc = PARALLEL / folder
    label = next(p[0] for p in PAIRS if p[2] == f"{src_name}.txt" and p[3] == f"{tgt_name}.txt")
    pair = next(p for p in build_pairs(label) if p.name == doc.name)
    print(json.dumps(pair.__dict__, ensure_ascii=False, indent=1))
