"""Boilerplate on the relay clusters, line by line: what TRUTH calls boilerplate that was
set aside or kept, and article lines set aside that TRUTH does not call boilerplate.

    python benchmarks/boilerplate.py [--cluster NAME] [-v]

Each cluster's articles are loaded as the pipeline loads them (``load_corpus`` then
``corpus_boilerplate``), without the analysis, so this runs in seconds. For each article:

* TRUTH's quoted boilerplate lines (``TRUTH.md``, "Boilerplate" section) are *set aside*
  when a boilerplate block holds them, *kept* when a body line holds them as most of its
  text; a quote found only inside a longer body line (a spam word glued to a sentence,
  "Вымысел или правда" closing a headline) is counted apart, *inside*;
* every line set aside is *listed* when it overlaps a TRUTH quote or a line TRUTH
  describes without quoting (``benchmarks/relay_boilerplate.yaml``, read by hand);
  otherwise it is a *body line lost*. The target is none.
"""

from __future__ import annotations

import argparse
import re
import sys
from difflib import SequenceMatcher
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "benchmarks")]

from relay_truth import clusters, load_truth  # noqa: E402

SUPPLEMENT = Path(__file__).with_name("relay_boilerplate.yaml")
_NORM = re.compile(r"[\s\"'“”‘’«»「」『』《》()\[\]*.,:;!?、，。：；！？…-]+")


def norm(text: str) -> str:
    return _NORM.sub("", text).casefold()


def overlaps(a: str, b: str) -> bool:
    """One holds the other, or they share most of the shorter one."""
    na, nb = norm(a), norm(b)
    if not na or not nb:  # punctuation only ("--:--", "-"): compare as written
        return bool(a.strip()) and a.strip() == b.strip()
    if na in nb or nb in na:
        return True
    match = SequenceMatcher(None, na, nb, autojunk=False).find_longest_match()
    return match.size >= max(6, 0.6 * min(len(na), len(nb)))


def locate(quote: str, body: list[str], aside: list[str]) -> str:
    """Where a TRUTH quote went: "aside", "kept", "inside" (a longer body line) or
    "absent" (in neither: a quote that joins lines, an ellipsis)."""
    nq = norm(quote)
    for line in body:
        nl = norm(line)
        if nl and (nq in nl and len(nq) >= 0.5 * len(nl) or nl in nq and len(nl) >= 3):
            return "kept"
    if any(overlaps(quote, line) for line in aside):
        return "aside"
    if any(nq in norm(line) for line in body):
        return "inside"
    return "absent"


def score_cluster(folder: Path, described: dict[str, list[str]], verbose: bool) -> dict:
    from provenance.corpus import load_corpus

    try:
        from provenance.boilerplate import corpus_boilerplate
    except ImportError:  # code from before the corpus pass: compare it as it was
        def corpus_boilerplate(articles):  # type: ignore[no-untyped-def]
            return articles

    truth = load_truth(folder)
    articles = corpus_boilerplate(load_corpus([str(p) for p in truth.article_files()]))
    by_file = {Path(a.source_path).name: a for a in articles if a.source_path}
    counts = {"aside": 0, "kept": 0, "inside": 0, "absent": 0, "lost": 0, "lines_aside": 0}
    notes: list[str] = []
    for file, article in sorted(by_file.items()):
        # quotes of one or two characters ("구", "1x") are too short to count (as in
        # relays.py) but do say that the line holding them is boilerplate
        listed = truth.boilerplate.get(file, []) + [str(x) for x in described.get(
            file.removesuffix(".md"), [])]
        quotes = [q for q in truth.boilerplate.get(file, []) if len(norm(q)) >= 3]
        body = [line for line in article.text.split("\n") if line.strip()]
        aside = [line for b in article.boilerplate for line in b.text.split("\n")
                 if line.strip()]
        for quote in quotes:
            where = locate(quote, body, aside)
            counts[where] += 1
            if where != "aside":
                notes.append(f"  {where:7} {file[:30]}: {quote[:70]}")
        counts["lines_aside"] += len(aside)
        for block in article.boilerplate:
            for line in block.text.split("\n"):
                if line.strip() and not any(overlaps(line, q) for q in listed):
                    counts["lost"] += 1
                    notes.append(f"  LOST    {file[:30]}: [{block.reason}] {line[:80]}")
    print(f"\n== {folder.name}")
    print(f"TRUTH boilerplate    {counts['aside']} set aside, {counts['kept']} kept as text, "
          f"{counts['inside']} inside a longer line, {counts['absent']} not found")
    print(f"body lines lost      {counts['lost']} (of {counts['lines_aside']} lines set aside)")
    if verbose:
        for note in notes:
            print(note)
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cluster", help="only this cluster (folder name)")
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args()
    from ruamel.yaml import YAML

    supplement = YAML(typ="safe").load(SUPPLEMENT.read_text(encoding="utf-8")) or {}
    total: dict[str, int] = {}
    for folder in clusters():
        if args.cluster and folder.name != args.cluster:
            continue
        counts = score_cluster(folder, supplement.get(folder.name) or {}, args.verbose)
        for key, value in counts.items():
            total[key] = total.get(key, 0) + value
    if total:
        print(f"\nALL: TRUTH boilerplate lines {total['aside']} set aside, {total['kept']} kept "
              f"({total['inside']} inside longer lines, {total['absent']} not found); "
              f"body lines lost {total['lost']}")


if __name__ == "__main__":
    main()
