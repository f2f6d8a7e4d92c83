"""The pipeline on the local pool against the Dask engine, and what 10 million articles
would cost on 50 workers.

    python benchmarks/dask_scale.py [--articles 100000] [--workers 2] [--engines local dask]

Builds a synthetic corpus (``synthetic_corpus.py``: WMT documents with relays,
translations and injected drift), analyses it from a cold store with each engine, and
prints wall time, the time of each stage, throughput in articles per second and peak
memory (this process; each Dask worker). From the Dask run's task stream it takes the
measured compute time per facts task and per compare task, and estimates the time of
10 million articles on 50 workers: the distributed steps divided among the workers, the
steps that stay in the client (ingest, story clustering, provenance) scaled linearly.
Alignment runs without sentence vectors unless ``PROVENANCE_VECTORS`` is set otherwise
(the default here is ``off``: with vectors and a cold cache a pair costs seconds).
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic_corpus import write_synthetic_corpus  # noqa: E402

#: pipeline progress stages -> the step they belong to in the printout
STEPS = {"read": "ingest", "ingest": "ingest", "facts": "facts", "compare": "compare",
         "stories": "compare", "pair": "compare", "provenance": "provenance"}
TARGET_ARTICLES, TARGET_WORKERS = 10_000_000, 50


class StageClock:
    """First and last time each step reported progress (its span of wall time)."""

    def __init__(self) -> None:
        self.spans: dict[str, list[float]] = {}

    def __call__(self, stage: str, done: int, total: int) -> None:
        now = time.perf_counter()
        span = self.spans.setdefault(STEPS.get(stage, stage), [now, now])
        span[1] = now

    def seconds(self) -> dict[str, float]:
        return {step: end - start for step, (start, end) in self.spans.items()}


def peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run(engine_name: str, corpus: Path, home: Path, workers: int) -> dict[str, object]:
    os.environ["PROVENANCE_HOME"] = str(home)
    from provenance.facts import CACHE
    from provenance.pipeline import analyze_corpus
    from provenance.store import Store

    CACHE.clear()
    clock = StageClock()
    engine = None
    stream: list[dict[str, object]] = []
    if engine_name == "dask":
        from distributed import get_task_stream

        from provenance.engine.distributed import DaskEngine

        engine = DaskEngine(workers=workers)
        engine.client  # noqa: B018 - start the cluster outside the timing
    start = time.perf_counter()
    if engine is not None:
        with get_task_stream(engine.client) as ts:
            analysis = analyze_corpus([corpus], store=Store(home / "store.sqlite"),
                                      progress=clock, engine=engine)
        stream = ts.data
    else:
        analysis = analyze_corpus([corpus], store=Store(home / "store.sqlite"),
                                  progress=clock, workers=workers)
    took = time.perf_counter() - start
    result: dict[str, object] = {"engine": engine_name, "seconds": took,
                                 "articles": len(analysis.articles),
                                 "pairs": len(analysis.pairs),
                                 "stories": len({p.story for p in analysis.provenance.values()}),
                                 "steps": clock.seconds(), "client_mib": peak_rss_mib()}
    if engine is not None:
        result["worker_mib"] = sorted(engine.client.run(peak_rss_mib).values())
        compute: dict[str, list[float]] = defaultdict(list)
        for task in stream:
            kind = str(task["key"]).split("-")[1] if "provenance-" in str(task["key"]) else "other"
            for part in task["startstops"]:  # type: ignore[union-attr]
                if part["action"] == "compute":
                    compute[kind].append(part["stop"] - part["start"])
        result["tasks"] = {k: (len(v), sum(v)) for k, v in compute.items()}
        engine.close()
    return result


def estimate(dask: dict[str, object]) -> list[str]:
    """10 million articles on 50 workers, from the measured costs of the Dask run."""
    articles, pairs = int(dask["articles"]), int(dask["pairs"])  # type: ignore[call-overload]
    tasks: dict[str, tuple[int, float]] = dask["tasks"]  # type: ignore[assignment]
    steps: dict[str, float] = dask["steps"]  # type: ignore[assignment]
    facts_per_article = tasks.get("facts", (0, 0.0))[1] / articles
    compare_per_pair = tasks.get("compare", (0, 0.0))[1] / max(1, pairs)
    pairs_per_article = pairs / articles
    scale = TARGET_ARTICLES / articles
    distributed = (facts_per_article + compare_per_pair * pairs_per_article) \
        * TARGET_ARTICLES / TARGET_WORKERS
    client = (steps.get("ingest", 0.0) + steps.get("provenance", 0.0)) * scale
    other = float(dask["seconds"]) - sum(steps.values())  # type: ignore[arg-type]
    client += max(0.0, other) * scale  # stories, references: between the reported stages
    ingest = steps.get("ingest", 0.0) * scale
    return [
        f"measured: facts {facts_per_article * 1000:.1f} ms/article, compare "
        f"{compare_per_pair * 1000:.0f} ms/pair, {pairs_per_article:.2f} pairs/article",
        f"10M articles on {TARGET_WORKERS} workers: distributed steps "
        f"{distributed / 3600:.1f} h; steps still in the client (ingest, stories, "
        f"provenance, scaled linearly) {client / 3600:.1f} h; total ~"
        f"{(distributed + client) / 3600:.1f} h",
        f"with ingest also on the workers (its per-article cost "
        f"{steps.get('ingest', 0.0) / articles * 1000:.1f} ms): ~"
        f"{(distributed + ingest / TARGET_WORKERS + client - ingest) / 3600:.1f} h",
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--engines", nargs="+", default=["local", "dask"],
                        choices=["local", "dask"])
    args = parser.parse_args()
    os.environ.setdefault("PROVENANCE_VECTORS", "off")
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        start = time.perf_counter()
        count = write_synthetic_corpus(corpus, args.articles)
        print(f"corpus: {count:,} articles written in {time.perf_counter() - start:.0f} s; "
              f"{args.workers} workers, vectors {os.environ['PROVENANCE_VECTORS']}, "
              f"{os.cpu_count()} CPUs")
        results = {}
        for name in args.engines:
            result = run(name, corpus, Path(tmp) / f"home-{name}", args.workers)
            results[name] = result
            steps = ", ".join(f"{k} {v:.0f} s" for k, v in result["steps"].items())  # type: ignore[union-attr]
            print(f"{name}: {result['seconds']:.0f} s for {result['articles']:,} articles, "
                  f"{result['pairs']:,} pairs, {result['stories']:,} stories "
                  f"({result['articles'] / result['seconds']:.1f} articles/s); {steps}; "  # type: ignore[operator]
                  f"peak RSS client {result['client_mib']:.0f} MiB"
                  + (f", workers {', '.join(f'{m:.0f}' for m in result['worker_mib'])} MiB"  # type: ignore[union-attr]
                     if "worker_mib" in result else ""))
            if "tasks" in result:
                print("  task compute: " + ", ".join(
                    f"{k} {n} tasks {s:.0f} s" for k, (n, s) in result["tasks"].items()))  # type: ignore[union-attr]
        if "dask" in results:
            for line in estimate(results["dask"]):
                print(line)


if __name__ == "__main__":
    main()
