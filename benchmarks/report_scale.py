"""How long a report takes, and how much memory, for 1,000 and 10,000 articles.

The corpus is built from the real parallel news documents in ``../shared/data/parallel``
(WMT22 en-zh, WMT23 uk-en): each document gives an English reference and its relays
(two Chinese translations, or the Ukrainian original), replicated until the corpus
has the requested size, with drift injected into every relay and recorded exactly:
a number multiplied by ten, a dropped sentence, an added sentence, and a hedge added.
The alignments and findings are the known gold of those edits, so the benchmark times
the report writers alone, not the aligner or the detectors.

    python benchmarks/report_scale.py                # 1,000 and 10,000 articles, all formats
    python benchmarks/report_scale.py --sizes 1000 --formats html json

The tests import :func:`synthetic_analysis` from this file to check every format on a
1,000-article corpus.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import resource
import sys
import tempfile
import time
import tracemalloc
from dataclasses import dataclass
from pathlib import Path

from provenance.model import (
    Alignment,
    Article,
    ArticleProvenance,
    Attribution,
    CorpusAnalysis,
    DerivationEdge,
    Finding,
    Link,
    PairAnalysis,
    Sentence,
)
from provenance.signature import Signature

PARALLEL = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "parallel"

#: hedges added to a relay sentence (certainty drift), per relay language
HEDGES = {"zh-cn": "据报道，", "uk": "Ймовірно, "}


@dataclass
class ParallelDocument:
    """One document: the English lines and, per relay language, its aligned lines."""

    name: str
    english: list[str]
    relays: list[tuple[str, list[str]]]  # (language, lines)


def parallel_documents(root: Path = PARALLEL) -> list[ParallelDocument]:
    """Every document of the shared parallel data, English first, relays after."""
    docs = []
    for folder in sorted(root.glob("en-zh/*")) + sorted(root.glob("uk-en/*")):
        if not folder.is_dir():
            continue
        def read(name: str, folder: Path = folder) -> list[str]:
            return (folder / name).read_text("utf-8").splitlines()

        if (folder / "en.txt").exists():
            relays = [("zh-cn", read("zh.a.txt")), ("zh-cn", read("zh.b.txt"))]
            docs.append(ParallelDocument(folder.name, read("en.txt"), relays))
        elif (folder / "en.a.txt").exists():
            docs.append(ParallelDocument(folder.name, read("en.a.txt"), [("uk", read("uk.txt"))]))
    return docs


def _article(article_id: str, lines: list[str], lang: str, outlet: str) -> Article:
    sentences, pos = [], 0
    for i, line in enumerate(lines):
        sentences.append(Sentence(i, line, pos, pos + len(line), lang))
        pos += len(line) + 1
    return Article(id=article_id, text="\n".join(lines), title=lines[0][:80] if lines else None,
                   outlet=outlet, language=lang, declared_language=lang,
                   language_confidence=0.99, sentences=sentences)


def _relay_with_drift(
    english: list[str], lines: list[str], lang: str, rng: random.Random, filler: str
) -> tuple[list[str], list[Link], list[Finding]]:
    """The relay lines after injecting drift, with the gold links and findings."""
    n = min(len(english), len(lines))
    out: list[str] = []
    links: list[Link] = []
    findings: list[Finding] = []
    dropped = rng.randrange(1, n) if n > 2 else None
    added_after = rng.randrange(0, n)
    number_done = hedge_done = False
    for i in range(n):
        if i == dropped:
            links.append(Link((i,), (), 0.0))
            findings.append(Finding("omission", "major", (i,), (), "reference sentence "
                                    f"{i + 1} has no counterpart in the relay",
                                    src_spans=[(i, 0, len(english[i]))], detector="gold"))
            continue
        text, j = lines[i], len(out)
        match = re.search(r"\d+", text)
        src_match = match and re.search(re.escape(match.group()), english[i])
        if not number_done and match and src_match:
            text = text[: match.end()] + "0" + text[match.end():]
            findings.append(Finding(
                "number", "critical" if rng.random() < 0.3 else "major", (i,), (j,),
                f"{match.group()} became {match.group()}0 (ten times larger)",
                src_spans=[(i, src_match.start(), src_match.end())],
                tgt_spans=[(j, match.start(), match.end() + 1)],
                evidence={"src": match.group(), "tgt": match.group() + "0", "ratio": 10.0},
                detector="gold"))
            number_done = True
        elif not hedge_done and i > 0 and lang in HEDGES:
            text = HEDGES[lang] + text
            findings.append(Finding("certainty", "minor", (i,), (j,), "hedge added in the relay",
                                    tgt_spans=[(j, 0, len(HEDGES[lang]))],
                                    evidence={"hedge": HEDGES[lang]}, detector="gold"))
            hedge_done = True
        out.append(text)
        links.append(Link((i,), (j,), round(rng.uniform(0.6, 0.99), 3)))
        if i == added_after:
            links.append(Link((), (len(out),), 0.0))
            findings.append(Finding("addition", "minor", (), (len(out),),
                                    "relay sentence with no counterpart in the reference",
                                    tgt_spans=[(len(out), 0, len(filler))], detector="gold"))
            out.append(filler)
    return out, links, findings


def synthetic_analysis(n_articles: int, seed: int = 7, root: Path = PARALLEL) -> CorpusAnalysis:
    """A CorpusAnalysis of ``n_articles`` articles from the parallel data, gold drift inside.

    One story per document copy: the English reference and its relays, each relay derived
    from the reference. Deterministic for a given seed.
    """
    docs = parallel_documents(root)
    if not docs:
        raise FileNotFoundError(f"no parallel documents under {root}")
    rng = random.Random(seed)
    articles: list[Article] = []
    provenance: dict[str, ArticleProvenance] = {}
    pairs: list[PairAnalysis] = []
    copy = 0
    while len(articles) < n_articles:
        for doc_no, doc in enumerate(docs):
            if len(articles) >= n_articles:
                break
            story = copy * len(docs) + doc_no
            ref_id = f"{doc.name}#{copy}/en"
            outlet = doc.name.rsplit(".", 1)[0]
            articles.append(_article(ref_id, doc.english, "en", outlet))
            provenance[ref_id] = ArticleProvenance(ref_id, "original", 0.9, "en", story=story)
            for k, (lang, lines) in enumerate(doc.relays):
                if len(articles) >= n_articles:
                    break
                relay_id = f"{doc.name}#{copy}/{lang}.{k}"
                filler = rng.choice(rng.choice(docs).relays)[1][0]
                relay_lines, links, findings = _relay_with_drift(doc.english, lines, lang,
                                                                 rng, filler)
                articles.append(_article(relay_id, relay_lines, lang, f"{outlet} ({lang})"))
                cue = "据" if lang.startswith("zh") else "за даними"
                provenance[relay_id] = ArticleProvenance(
                    relay_id, "translation", 0.8, "en",
                    attributions=[Attribution(outlet, "outlet", cue, 0, 0, 1)],
                    derived_from=[DerivationEdge(ref_id, relay_id, 0.85)], story=story)
                alignment = Alignment("en", lang, "monotonic", links,
                                      Signature({"align": "gold"}))
                pairs.append(PairAnalysis(ref_id, relay_id, alignment, findings))
        copy += 1
    return CorpusAnalysis(Signature({"corpus": f"parallel-gold-{n_articles}", "seed": seed}),
                          articles, provenance, pairs, articles[0].id, [])


def measure(analysis: CorpusAnalysis, fmt: str, folder: Path) -> tuple[float, float, int]:
    """(seconds, peak MiB the writer allocates, bytes written) for one format.

    Timed without tracing (tracemalloc slows Python code several times), then written
    again under tracemalloc for the peak.
    """
    from provenance.report import write_report

    out = folder / f"report.{fmt}"
    start = time.perf_counter()
    write_report(analysis, out, fmt)
    seconds = time.perf_counter() - start
    size = out.stat().st_size
    tracemalloc.start()
    write_report(analysis, out, fmt)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    out.unlink()
    return seconds, peak / 2**20, size


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--formats", nargs="+", default=["json", "html", "md", "csv", "tmx"])
    args = parser.parse_args(argv)
    print(f"{'articles':>8} {'format':>6} {'seconds':>8} {'peak MiB':>9} {'output MiB':>10}"
          "   (peak: Python allocations while writing, tracemalloc)")
    with tempfile.TemporaryDirectory() as tmp:
        for size in args.sizes:
            build = time.perf_counter()
            analysis = synthetic_analysis(size)
            print(f"# built {size} articles, {len(analysis.pairs)} pairs, "
                  f"{sum(len(p.findings) for p in analysis.pairs)} findings "
                  f"in {time.perf_counter() - build:.1f}s", file=sys.stderr)
            for fmt in args.formats:
                seconds, peak, nbytes = measure(analysis, fmt, Path(tmp))
                print(f"{size:>8} {fmt:>6} {seconds:>8.2f} {peak:>9.1f} {nbytes / 2**20:>10.1f}",
                      flush=True)
            rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            print(f"# process max RSS so far (analysis in memory + writers): {rss:.0f} MiB",
                  file=sys.stderr)
    return 0


if __name__ == "__main__":
    os.environ.setdefault("PROVENANCE_HOME", tempfile.mkdtemp(prefix="provenance-bench-"))
    raise SystemExit(main())
