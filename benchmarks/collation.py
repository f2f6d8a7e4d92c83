"""What collating a story costs: a 200-article story and the 74 WMT articles.

    python benchmarks/collation.py [--articles 200] [--no-vectors]

* A 200-article story built from the relay cluster ../shared/data/relays/wsj-musk-putin-*:
  its articles, then copies of them with drift injected (a number multiplied by ten, a
  sentence dropped, a hedge added) until the story has the requested size. The copies
  are near-identical texts, so they also exercise the witness groups.
* The 74 articles of ../shared/data/parallel (29 stories: an English document with its
  two Chinese translations, a Ukrainian one with its English translation), clustered
  into stories as the pipeline does.

For each: articles and sentences, claims and departures, seconds to read the facts, to
embed sentence vectors (new ones; the cache of benchmarks/relays.py is used when there)
and to collate, and the peak memory of the collation (tracemalloc, in a second run) and
of the process. The pipeline collates each story once, before its comparisons.
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
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "benchmarks")]

from relays import VECTORS_KEPT, _copy_sqlite  # noqa: E402

SHARED = ROOT.parent / "shared" / "data"
RELAYS = SHARED / "relays"
PARALLEL = SHARED / "parallel"
_NUMBER = re.compile(r"\b\d+(?:[.,]\d+)?\b")


def relay_story(size: int, seed: int = 7) -> list:
    """The relay cluster's articles, then drifted copies of them up to ``size``."""
    from provenance.corpus import article_from_text, load_corpus

    folder = next(p for p in sorted(RELAYS.iterdir()) if p.name.startswith("wsj-musk"))
    originals = load_corpus(sorted(p for p in folder.glob("*.md") if p.name != "TRUTH.md"))
    rng = random.Random(seed)
    story = list(originals)
    n = 0
    while len(story) < size:
        source = originals[n % len(originals)]
        n += 1
        lines = [s.text for s in source.sentences]
        edit = rng.randrange(3)
        k = rng.randrange(len(lines))
        if edit == 0 and _NUMBER.search(lines[k]):
            lines[k] = _NUMBER.sub(lambda m: m.group(0) + "0", lines[k], count=1)
        elif edit == 1 and len(lines) > 3:
            del lines[k]
        else:
            lines[k] = lines[k] + (" It may change." if source.lang.startswith("en") else "")
        story.append(article_from_text("\n".join(lines), id=f"{source.id}-copy{n}",
                                       lang=source.lang, published=source.published))
    return story


def wmt_articles() -> list:
    from provenance.corpus import article_from_text

    articles = []
    for pair, files in (("en-zh", [("en.txt", "en"), ("zh.a.txt", "zh-cn"),
                                   ("zh.b.txt", "zh-cn")]),
                        ("uk-en", [("uk.txt", "uk"), ("en.a.txt", "en")])):
        for doc in sorted(p for p in (PARALLEL / pair).iterdir() if p.is_dir()):
            for name, lang in files:
                text = (doc / name).read_text(encoding="utf-8")
                articles.append(article_from_text(text, id=f"{pair}-{doc.name}-{name[:-4]}",
                                                  lang=lang))
    return articles


def measure(name: str, stories: list[list], vectors: bool) -> None:
    from provenance.collation import collate
    from provenance.crosslingual.vectors import shared_vectoriser
    from provenance.facts import CACHE, corpus_facts, sentence_facts
    from provenance.glossary import default_glossary

    glossary = default_glossary()
    articles = [a for story in stories for a in story]
    sentences = sum(len(a.sentences) for a in articles)
    CACHE.clear()
    start = time.perf_counter()
    corpus_facts(articles, glossary)
    for a in articles:
        sentence_facts(a, glossary)
    facts_seconds = time.perf_counter() - start
    embedded = 0.0
    if vectors:
        from provenance.collation import _stating
        from provenance.crosslingual.vectors import sentence_vectors

        vectoriser = shared_vectoriser()
        before = vectoriser.embedded
        start = time.perf_counter()
        sentence_vectors([f.text for a in articles for f in _stating(sentence_facts(a, glossary))])
        embedded = time.perf_counter() - start
        print(f"{name}: {vectoriser.embedded - before} sentence vectors embedded "
              f"({embedded:.1f} s), the rest from the cache")
    start = time.perf_counter()
    collation = collate(stories, glossary, vectors=vectors)
    seconds = time.perf_counter() - start
    tracemalloc.start()  # a second run for the memory: tracing slows Python down
    collate(stories, glossary, vectors=vectors)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    collated = sum(1 for s in stories if len(s) >= 3)
    print(f"{name}: {len(articles)} articles in {len(stories)} stories ({collated} collated), "
          f"{sentences} sentences; {len(collation.claims)} claims, "
          f"{len(collation.departures)} departures, "
          f"{len(set(collation.groups.values()))} witness groups")
    print(f"    facts {facts_seconds:.1f} s · collation {seconds:.1f} s "
          f"({1000 * seconds / max(1, len(articles)):.0f} ms per article) · "
          f"collation peak {peak / 2**20:.0f} MB (tracemalloc) · process peak {rss:.0f} MB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--no-vectors", action="store_true",
                        help="collate with shared content only")
    args = parser.parse_args()
    vectors = not args.no_vectors
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["PROVENANCE_HOME"] = tmp
        from provenance.paths import vector_cache_path

        _copy_sqlite(VECTORS_KEPT, vector_cache_path())
        if vectors:
            from provenance.crosslingual import vectors as vec

            vectors = vec.available()
        print(f"sentence vectors: {'on' if vectors else 'off'}")
        measure(f"relay story x{args.articles}", [relay_story(args.articles)], vectors)
        from provenance.facts import corpus_facts
        from provenance.glossary import default_glossary
        from provenance.stories import cluster_features

        articles = wmt_articles()
        facts = corpus_facts(articles, default_glossary())
        groups = cluster_features([facts[a.id].features for a in articles])
        measure("WMT", [[articles[i] for i in g] for g in groups], vectors)
        _copy_sqlite(vector_cache_path(), VECTORS_KEPT)


if __name__ == "__main__":
    main()
