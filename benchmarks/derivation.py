"""In-corpus derivation: is every translation linked to its own original, and nothing else?

    python benchmarks/derivation.py              # no dates, then dates on every article
    python benchmarks/derivation.py --dates none # one setting only (none, later, same)
    python benchmarks/derivation.py --lead-cost  # also: document vectors, cold, per article

The corpus is made of the WMT news documents in ../shared/data/parallel, each a separate
article with nothing but its text (no outlet, no URL, no attribution line):

- en-zh documents: the English original (en.txt), and for three in four of them its
  Chinese translation (zh.a.txt);
- uk-en documents: the English translation (en.a.txt), and for three in four of them
  its Ukrainian original (uk.txt).

The English documents left without their partner are distractors: nothing may be linked
to them. The whole pipeline runs (``analyze_corpus``: stories, references, alignment,
provenance) on a cold store. A translation is **linked** when its provenance names its
original (``origin_article`` and an in-corpus ``derived_from`` edge from it) with origin
"translation"; **recall** is the share of translations linked, **precision** the share
of in-corpus edges that link a translation to its own original. An edge the wrong way
round (the original derived from its translation) is wrong.

``--dates``: ``none`` (no publication dates: the direction must come from the texts),
``later`` (every article dated; a translation one day after its original), ``same`` (a
translation dated the same day as its original: dates cannot tell).

Sentence vectors persist in ~/.cache/provenance-bench (as for benchmarks/alignment.py);
the first run embeds a few thousand sentences.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT)]
os.environ.setdefault("PROVENANCE_HOME", str(Path.home() / ".cache" / "provenance-bench"))

from provenance.model import Article, CorpusAnalysis  # noqa: E402

PARALLEL = ROOT.parent / "shared" / "data" / "parallel"
_DAY = dt.date(2023, 2, 1)


@dataclass
class Corpus:
    articles: list[Article]
    #: translation id -> its original's id
    originals: dict[str, str]
    distractors: list[str] = field(default_factory=list)


def build_corpus(dates: str) -> Corpus:
    """The articles (neutral ids: ``doc07-zh``) and which translates which."""
    from provenance.corpus import article_from_text

    articles: list[Article] = []
    originals: dict[str, str] = {}
    distractors: list[str] = []
    folders = sorted(p for p in PARALLEL.glob("*/*") if p.is_dir())
    for n, folder in enumerate(folders):
        if folder.parent.name == "en-zh":
            original, translation = ("en.txt", "en"), ("zh.a.txt", "zh-cn")
        else:
            original, translation = ("uk.txt", "uk"), ("en.a.txt", "en")
        english = original if original[1] == "en" else translation
        partnered = n % 4 != 3  # one document in four keeps only its English version
        day = _DAY + dt.timedelta(days=n)
        for (name, lang), kind in ((original, "original"), (translation, "translation")):
            if not partnered and (name, lang) != english:
                continue
            article_id = f"doc{n:02d}-{name.split('.')[0]}"
            published = None
            if dates != "none":
                shift = 1 if kind == "translation" and dates == "later" else 0
                published = (day + dt.timedelta(days=shift)).isoformat()
            text = (folder / name).read_text(encoding="utf-8")
            articles.append(article_from_text(text, id=article_id, lang=lang,
                                              published=published))
        ids = [a.id for a in articles[-2:]] if partnered else [articles[-1].id]
        if partnered:
            orig_id = f"doc{n:02d}-{original[0].split('.')[0]}"
            trans_id = next(i for i in ids if i != orig_id)
            originals[trans_id] = orig_id
        else:
            distractors.append(ids[0])
    return Corpus(articles, originals, distractors)


@dataclass
class Score:
    linked: int = 0
    edges: int = 0
    right_edges: int = 0
    problems: list[str] = field(default_factory=list)
    directions: dict[str, int] = field(default_factory=dict)


def score(corpus: Corpus, analysis: CorpusAnalysis) -> Score:
    result = Score()
    for translation, original in sorted(corpus.originals.items()):
        prov = analysis.provenance[translation]
        edge = next((e for e in prov.derived_from if e.source == original), None)
        if prov.origin == "translation" and prov.origin_article == original and edge:
            result.linked += 1
            why = str(edge.evidence.get("direction", "?"))
            result.directions[why] = result.directions.get(why, 0) + 1
        else:
            result.problems.append(f"{translation}: {prov.origin} ({prov.origin_language}) of "
                                   f"{prov.origin_article}; expected a translation of "
                                   f"{original}")
    for prov in analysis.provenance.values():
        for e in prov.derived_from:
            if e.external:
                continue
            result.edges += 1
            if corpus.originals.get(prov.article_id) == e.source:
                result.right_edges += 1
            else:
                result.problems.append(f"edge {e.source} -> {prov.article_id} "
                                       f"({e.evidence.get('reason')}, "
                                       f"{e.evidence.get('direction')})")
    return result


def run(dates: str, verbose: bool) -> None:
    from provenance.pipeline import analyze_corpus
    from provenance.store import Store

    corpus = build_corpus(dates)
    with tempfile.TemporaryDirectory() as tmp:
        start = time.perf_counter()
        analysis = analyze_corpus(corpus.articles, store=Store(Path(tmp) / "store.sqlite"))
        seconds = time.perf_counter() - start
    result = score(corpus, analysis)
    total = len(corpus.originals)
    stories = len({p.story for p in analysis.provenance.values()})
    print(f"dates {dates:5}: {len(corpus.articles)} articles ({total} translations, "
          f"{len(corpus.distractors)} English documents alone), {stories} stories, "
          f"{seconds:.0f} s")
    print(f"    recall {result.linked / total:.3f} ({result.linked}/{total} translations "
          f"linked to their own original, origin translation); precision "
          f"{result.right_edges / max(result.edges, 1):.3f} ({result.right_edges}/"
          f"{result.edges} in-corpus edges right)")
    print("    direction from: " + ", ".join(f"{k} {v}" for k, v in
                                             sorted(result.directions.items())))
    for line in result.problems if verbose else result.problems[:8]:
        print(f"    {line}")


def lead_cost(limit: int) -> None:
    """Document vectors (the lead's sentence vectors) of ``limit`` articles, in a cold
    vector cache: what stories and text reuse add per article when nothing was embedded
    before."""
    from provenance.crosslingual import vectors
    from provenance.facts import article_facts

    corpus = build_corpus("none")
    articles = corpus.articles[:limit]
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["PROVENANCE_HOME"] = tmp
        vectors.shared_vectoriser().vectors(["warm up the model"])
        start = time.perf_counter()
        texts = sum(len(article_facts(a, None).lead) for a in articles)
        for a in articles:
            article_facts(a, None).document_vector()
        seconds = time.perf_counter() - start
    print(f"document vectors, cold cache: {len(articles)} articles, {texts} lead sentences, "
          f"{seconds:.1f} s ({1000 * seconds / len(articles):.0f} ms per article, "
          f"{vectors.default_threads()} threads)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dates", choices=("none", "later", "same"), action="append")
    parser.add_argument("--lead-cost", type=int, nargs="?", const=20, metavar="N")
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args()
    for dates in args.dates or ("none", "later"):
        run(dates, args.verbose)
    if args.lead_cost:
        lead_cost(args.lead_cost)


if __name__ == "__main__":
    main()
