"""Story clustering at scale: time and memory for 100,000 synthetic articles.

Three measurements:

1. **clustering** (``cluster_features``: MinHash signatures, LSH, union-find) on 100k
   synthetic articles whose features look like real ones: 8-14 concept ids drawn from
   their story (plus a few concepts every story shares, like "trump" or "us"), 3-6
   quantity keys, and word 3-shingles of a 60-word text from the story's vocabulary.
   Stories have 2-12 articles, some in "other languages" (no shared shingles).
2. **with document vectors**: the same, for the first ``VECTOR_ARTICLES_MAX`` articles
   (above it the pipeline clusters without vectors), each with a synthetic lead of six
   sentence vectors shaped like multilingual-e5's (sentences of one story's lead at
   cosine ~0.9 across languages, other sentences ~0.75) and only half its concepts: the
   time of the nearest-document search and the lead check, and the recall they restore.
3. **end to end** (``cluster_stories`` with the real glossary matcher, quantity
   extractor and, where installed, sentence vectors of each lead) on the real parallel
   news documents in ``../shared/data/parallel`` (each document and its translations is
   one story), to give the per-article cost of feature extraction and lead vectors
   (cached in $PROVENANCE_HOME: run twice to see the warm figure).

    python benchmarks/stories.py                     # 100,000 articles, then real documents
    python benchmarks/stories.py --articles 20000 --no-end-to-end

Prints time, memory (max RSS before and after clustering; ``--traced`` adds a separate
tracemalloc pass), and how well the clusters match the stories (pairwise precision and
recall).
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
import tracemalloc
from collections import Counter

import numpy as np

from provenance.facts import StoryFeatures, shingle_hashes
from provenance.stories import VECTOR_ARTICLES_MAX, cluster_features, cluster_stories

COMMON = [f"common-{i}" for i in range(8)]  # concepts most stories share


def synthetic_features(n: int, seed: int = 3, languages: list[str] | None = None
                       ) -> tuple[list[StoryFeatures], list[int]]:
    """``n`` articles in stories of 2-12; returns features and the true story of each
    (and appends each article's language to ``languages`` when given)."""
    rng = np.random.default_rng(seed)
    features: list[StoryFeatures] = []
    truth: list[int] = []
    story = 0
    while len(features) < n:
        size = int(rng.integers(2, 13))
        concepts = [f"c{story}-{i}" for i in range(16)]
        quantities = [f"money:{rng.integers(1, 999)}e6:USD:{story}" for _ in range(4)] + \
            [f"n:{story}-{i}" for i in range(4)]
        words = [f"w{story}-{i}" for i in range(40)]
        # Chinese is shingled by character: give it a Chinese vocabulary of its own
        hanzi = ["".join(chr(0x4E00 + int(c)) for c in rng.integers(0, 20000, size=2))
                 for _ in range(40)]
        for _ in range(min(size, n - len(features))):
            picked = set(rng.choice(concepts, size=int(rng.integers(8, 15)), replace=False))
            picked |= set(rng.choice(COMMON, size=3, replace=False))
            qs = set(rng.choice(quantities, size=int(rng.integers(3, 7)), replace=False))
            lang = "en" if rng.random() < 0.5 else str(rng.choice(["zh", "ko", "uk", "ru"]))
            text = " ".join(rng.choice(hanzi if lang == "zh" else words, size=60))
            features.append(StoryFeatures(frozenset(picked), frozenset(qs), frozenset(),
                                          shingle_hashes(text, lang)))
            truth.append(story)
            if languages is not None:
                languages.append(lang)
        story += 1
    return features, truth


def synthetic_leads(truth: list[int], seed: int = 5, dim: int = 384,
                    size: int = 6) -> list[np.ndarray]:
    """A lead of ``size`` unit vectors per article: its story's lead sentences, each
    rendered (cosine ~0.9 with the story's sentence), among news at cosine ~0.75."""
    rng = np.random.default_rng(seed)
    topic = _unit(rng.normal(size=(1, dim)))[0]
    stories: dict[int, np.ndarray] = {}
    leads = []
    for story in truth:
        if story not in stories:
            stories[story] = _unit(rng.normal(size=(size, dim)))
        own = stories[story]
        fresh = _unit(rng.normal(size=(size, dim)))
        sentences = np.sqrt(0.25) * (0.8 * own + 0.6 * fresh)
        leads.append(_unit(np.sqrt(0.75) * topic + sentences))
    return leads


def _unit(rows: np.ndarray) -> np.ndarray:
    return (rows / np.linalg.norm(rows, axis=1, keepdims=True)).astype(np.float32)


def with_vectors(count: int) -> None:
    """Clustering with document vectors on ``count`` articles whose features are thin
    (half their concepts): what the vectors cost and what they restore."""
    languages: list[str] = []
    features, truth = synthetic_features(count, seed=4, languages=languages)
    thin = [StoryFeatures(frozenset(sorted(f.concepts)[::2]), frozenset(),
                          frozenset(), f.shingles) for f in features]
    leads = synthetic_leads(truth)
    start = time.perf_counter()
    plain = cluster_features(thin)
    cheap = time.perf_counter() - start
    start = time.perf_counter()
    joined = cluster_features(thin, leads=leads, languages=languages)
    elapsed = time.perf_counter() - start
    p0, r0 = pairwise_scores(plain, truth)
    p1, r1 = pairwise_scores(joined, truth)
    print(f"with document vectors, {count:,} articles with thin features (vectors are "
          f"used up to {VECTOR_ARTICLES_MAX:,}): {elapsed:.1f} s against {cheap:.1f} s "
          f"without; pairwise precision {p0:.3f} -> {p1:.3f}, recall {r0:.3f} -> {r1:.3f}")


def pairwise_scores(clusters: list[list[int]], truth: list[int]) -> tuple[float, float]:
    """Pairwise precision and recall of a clustering against the true stories."""
    found = sum(len(c) * (len(c) - 1) // 2 for c in clusters)
    correct = 0
    for c in clusters:
        counts = Counter(truth[i] for i in c)
        correct += sum(k * (k - 1) // 2 for k in counts.values())
    true_pairs = sum(k * (k - 1) // 2 for k in Counter(truth).values())
    return (correct / found if found else 1.0), (correct / true_pairs if true_pairs else 1.0)


def parallel_articles() -> tuple[list, list[int]]:
    """Real news documents and their translations (../shared/data/parallel): one story each."""
    from pathlib import Path

    from provenance.corpus import article_from_text

    root = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "parallel"
    articles, truth = [], []
    langs = {"en": "en", "zh": "zh-cn", "uk": "uk"}
    for story, folder in enumerate(sorted(p for p in root.glob("*/*") if p.is_dir())):
        for path in sorted(folder.glob("*.txt")):
            if path.name == "meta.txt":
                continue
            lang = langs[path.name.split(".")[0]]
            articles.append(article_from_text(path.read_text(encoding="utf-8"),
                                              id=f"{folder.name}/{path.name}", lang=lang))
            truth.append(story)
    return articles, truth


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--no-end-to-end", dest="end_to_end", action="store_false")
    parser.add_argument("--no-vectors", dest="vectors", action="store_false",
                        help="skip the synthetic document-vector measurement")
    parser.add_argument("--traced", action="store_true",
                        help="also measure clustering's own allocations with tracemalloc")
    args = parser.parse_args(argv)

    features, truth = synthetic_features(args.articles)
    rss_before = _max_rss_mib()
    start = time.perf_counter()
    clusters = cluster_features(features)
    elapsed = time.perf_counter() - start
    growth = _max_rss_mib() - rss_before
    precision, recall = pairwise_scores(clusters, truth)
    print(f"clustering {len(features):,} articles ({len(set(truth)):,} stories): "
          f"{elapsed:.1f} s, {len(clusters):,} clusters, max RSS {rss_before:.0f} MiB with "
          f"the features built, +{growth:.0f} MiB while clustering; pairwise precision "
          f"{precision:.3f} recall {recall:.3f}")
    if args.traced:
        tracemalloc.start()  # slows numpy allocations down: a separate, memory-only pass
        cluster_features(features)
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        print(f"peak memory allocated by clustering (tracemalloc): {peak / 2**20:.0f} MiB")

    if args.vectors:
        with_vectors(min(args.articles, VECTOR_ARTICLES_MAX))

    if args.end_to_end:
        from provenance.glossary import default_glossary

        glossary = default_glossary()
        articles, truth = parallel_articles()
        if articles:
            cluster_stories(articles[:2], glossary)  # warm up the matcher and extractors
            start = time.perf_counter()
            found = cluster_stories(articles, glossary)
            elapsed = time.perf_counter() - start
            ids = {a.id: i for i, a in enumerate(articles)}
            precision, recall = pairwise_scores([[ids[x] for x in c] for c in found], truth)
            from provenance.crosslingual import vectors

            state = "with lead vectors" if vectors.enabled() else "without vectors"
            print(f"end to end on {len(articles)} real news documents and their en/zh/uk "
                  f"translations ({len(set(truth))} stories), {state}: {elapsed:.1f} s "
                  f"({1000 * elapsed / len(articles):.0f} ms per article), {len(found)} "
                  f"clusters, pairwise precision {precision:.3f} recall {recall:.3f}")
    print(f"max RSS {_max_rss_mib():.0f} MiB")
    return 0


def _max_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


if __name__ == "__main__":
    sys.exit(main())
