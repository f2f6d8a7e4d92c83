"""Whole-pipeline throughput on real text: ingest, stories, alignment, drift, provenance.

    python benchmarks/pipeline_scale.py [--stories N] [--jobs 1 2]

A corpus of N stories from ../shared/data/parallel: each en-zh document as an English
article with its two Chinese translations, each uk-en document as a Ukrainian article
with its English translation. Prints wall time, time per compared pair and peak RSS for
each worker count, from a cold store every time.
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
PARALLEL = ROOT.parent / "shared" / "data" / "parallel"


def build_corpus(folder: Path, stories: int) -> int:
    written = 0
    docs = [("en-zh", d, [("en.txt", "en"), ("zh.a.txt", "zh-cn"), ("zh.b.txt", "zh-cn")])
            for d in sorted((PARALLEL / "en-zh").iterdir()) if d.is_dir()]
    docs += [("uk-en", d, [("uk.txt", "uk"), ("en.a.txt", "en")])
             for d in sorted((PARALLEL / "uk-en").iterdir()) if d.is_dir()]
    for pair, doc, files in docs[:stories]:
        for name, lang in files:
            text = (doc / name).read_text(encoding="utf-8")
            target = folder / f"{pair}-{doc.name}-{name[:-4]}.md"
            target.write_text(f"---\nlanguage: {lang}\n---\n{text}", encoding="utf-8")
            written += 1
    return written


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--stories", type=int, default=29)
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        corpus.mkdir()
        count = build_corpus(corpus, args.stories)
        from provenance.facts import CACHE
        from provenance.pipeline import analyze_corpus
        from provenance.store import Store

        print(f"corpus: {count} articles in {args.stories} stories")
        for jobs in args.jobs:
            # A home of its own per run: no translation cache shared between runs.
            os.environ["PROVENANCE_HOME"] = str(Path(tmp) / f"home{jobs}")
            CACHE.clear()  # nor facts read in memory by the run before
            start = time.perf_counter()
            analysis = analyze_corpus([corpus], store=Store(Path(tmp) / f"s{jobs}.sqlite"),
                                      workers=jobs)
            took = time.perf_counter() - start
            sentences = sum(len(a.sentences) for a in analysis.articles)
            findings = sum(len(p.findings) for p in analysis.pairs)
            print(f"jobs={jobs}: {took:.1f} s for {len(analysis.pairs)} pairs "
                  f"({took / max(1, len(analysis.pairs)):.2f} s/pair, {sentences} sentences, "
                  f"{findings} findings); stories found: "
                  f"{len({p.story for p in analysis.provenance.values()})}")
            start = time.perf_counter()
            analyze_corpus([corpus], store=Store(Path(tmp) / f"s{jobs}.sqlite"))
            print(f"  warm re-run from the store: {time.perf_counter() - start:.2f} s")
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"peak RSS of this process: {peak:.0f} MiB (workers not included)")


if __name__ == "__main__":
    main()
