"""The pipeline on the local pool against the Dask engine, and what 10 million articles
would cost on 50 workers.

    python benchmarks/dask_scale.py [--articles 100000] [--workers 2] [--engines local dask]

Builds a synthetic corpus (``synthetic_corpus.py``: WMT documents with relays,
translations and injected drift), analyses it from a cold store with each engine (each
in a process of its own, so that peak memory is its own), and prints wall time, the
wall time of each step, throughput in articles per second and peak memory (the client;
each Dask worker). From the Dask run's task stream it takes the measured compute time
of each kind of task, and estimates 10 million articles on 50 workers: the distributed
steps (preparing articles, their facts, the LSH shuffle, judging each story, the
comparisons) divided among the workers, the steps that stay in the client (reading
files, corpus-wide boilerplate, checking story candidates, provenance) scaled linearly.

Alignment runs without sentence vectors unless ``PROVENANCE_VECTORS`` says otherwise
(the default here is ``off``: with vectors and a cold cache a pair costs seconds).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

TARGET_ARTICLES, TARGET_WORKERS = 10_000_000, 50
#: the pipeline's steps in the order they run, as progress stages ("claims": each
#: story's reference and claims, judged on the workers)
ORDER = ("read", "ingest", "facts", "claims", "compare", "provenance")
#: the kinds of tasks the workers run (task names are "provenance-<kind>-<digest>")
TASK_KINDS = ("ingest", "facts", "bands", "candidates", "judge", "compare")


class StageClock:
    """First and last time each stage reported progress."""

    def __init__(self) -> None:
        self.spans: dict[str, list[float]] = {}

    def __call__(self, stage: str, done: int, total: int) -> None:
        stage = "compare" if stage in ("stories", "pair") else stage
        now = time.perf_counter()
        self.spans.setdefault(stage, [now, now])[1] = now

    def steps(self, start: float, end: float) -> dict[str, float]:
        """Seconds per stage, and of the client's work between them (boilerplate across
        the corpus, checking story candidates, provenance from citations) as
        ``between``."""
        spans = [(s, *self.spans[s]) for s in ORDER if s in self.spans]
        found = {s: b - a for s, a, b in spans}
        edges = [start] + [x for _, a, b in spans for x in (a, b)] + [end]
        found["between"] = sum(max(0.0, edges[i + 1] - edges[i])
                               for i in range(0, len(edges) - 1, 2))
        return found


def peak_mib() -> float:
    """This process's peak resident memory (VmHWM: unlike ru_maxrss, not inherited from
    the process that started it)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def run(engine_name: str, corpus: Path, home: Path, workers: int) -> dict[str, Any]:
    os.environ["PROVENANCE_HOME"] = str(home)
    from provenance.pipeline import analyze_corpus
    from provenance.store import Store

    clock = StageClock()
    engine = None
    if engine_name == "dask":
        from distributed import get_task_stream

        from provenance.engine.distributed import DaskEngine

        engine = DaskEngine(workers=workers)
        engine.client  # noqa: B018 - start the cluster outside the timing
    start = time.perf_counter()
    stream: list[dict[str, Any]] = []
    if engine is not None:
        with get_task_stream(engine.client) as ts:
            analysis = analyze_corpus([corpus], store=Store(home / "store.sqlite"),
                                      progress=clock, engine=engine)
        stream = ts.data
    else:
        analysis = analyze_corpus([corpus], store=Store(home / "store.sqlite"),
                                  progress=clock, workers=workers)
    end = time.perf_counter()
    result: dict[str, Any] = {
        "engine": engine_name, "seconds": end - start, "articles": len(analysis.articles),
        "pairs": len(analysis.pairs),
        "stories": len({p.story for p in analysis.provenance.values()}),
        "steps": clock.steps(start, end), "client_mib": peak_mib()}
    if engine is not None:
        result["worker_mib"] = sorted(engine.client.run(peak_mib).values())
        compute: dict[str, list[float]] = defaultdict(list)
        for task in stream:
            key = str(task["key"])
            kind = key.split("-")[1] if key.startswith("provenance-") else "other"
            compute[kind] += [p["stop"] - p["start"] for p in task["startstops"]
                              if p["action"] == "compute"]
        result["tasks"] = {k: [len(v), sum(v)] for k, v in compute.items()}
        engine.close()
    return result


def estimate(dask: dict[str, Any]) -> list[str]:
    """10 million articles on 50 workers, from the measured costs of the Dask run."""
    articles, pairs = dask["articles"], dask["pairs"]
    tasks, steps = dask["tasks"], dask["steps"]
    per_article = {kind: tasks.get(kind, [0, 0.0])[1] / articles for kind in TASK_KINDS}
    distributed = sum(per_article.values()) * TARGET_ARTICLES / TARGET_WORKERS
    client_steps = ("read", "between", "provenance")
    client = sum(steps.get(s, 0.0) for s in client_steps) / articles * TARGET_ARTICLES
    return [
        "measured per article (task compute): " + ", ".join(
            f"{k} {v * 1000:.1f} ms" for k, v in per_article.items())
        + f" ({pairs / articles:.2f} pairs per article, "
          f"{tasks.get('compare', [0, 0.0])[1] / max(1, pairs) * 1000:.0f} ms per pair)",
        "measured in the client: " + ", ".join(
            f"{s} {steps.get(s, 0.0) / articles * 1000:.1f} ms/article" for s in client_steps),
        f"10M articles on {TARGET_WORKERS} workers: distributed steps "
        f"{distributed / 3600:.1f} h (if the cluster is kept busy); client steps, scaled "
        f"linearly, {client / 3600:.1f} h; total ~{(distributed + client) / 3600:.1f} h",
    ]


def child(args: argparse.Namespace) -> None:
    result = run(args.engines[0], Path(args.corpus), Path(args.home), args.workers)
    print(json.dumps(result))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--engines", nargs="+", default=["local", "dask"],
                        choices=["local", "dask"])
    parser.add_argument("--corpus", help=argparse.SUPPRESS)  # a child's run
    parser.add_argument("--home", help=argparse.SUPPRESS)
    args = parser.parse_args()
    os.environ.setdefault("PROVENANCE_VECTORS", "off")
    if args.corpus:
        child(args)
        return
    from synthetic_corpus import write_synthetic_corpus

    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        start = time.perf_counter()
        count = write_synthetic_corpus(corpus, args.articles)
        print(f"corpus: {count:,} articles written in {time.perf_counter() - start:.0f} s; "
              f"{args.workers} workers, vectors {os.environ['PROVENANCE_VECTORS']}, "
              f"{os.cpu_count()} CPUs", flush=True)
        results = {}
        for name in args.engines:
            out = subprocess.run(
                [sys.executable, __file__, "--engines", name, "--workers", str(args.workers),
                 "--corpus", str(corpus), "--home", str(Path(tmp) / f"home-{name}")],
                check=True, stdout=subprocess.PIPE, text=True)
            result = results[name] = json.loads(out.stdout.strip().splitlines()[-1])
            steps = ", ".join(f"{k} {v:.0f} s" for k, v in result["steps"].items())
            workers = result.get("worker_mib")
            print(f"{name}: {result['seconds']:.0f} s for {result['articles']:,} articles, "
                  f"{result['pairs']:,} pairs, {result['stories']:,} stories "
                  f"({result['articles'] / result['seconds']:.1f} articles/s); {steps}; "
                  f"peak memory: client {result['client_mib']:.0f} MiB"
                  + (f", workers {', '.join(f'{m:.0f}' for m in workers)} MiB"
                     if workers else ""), flush=True)
            if "tasks" in result:
                print("  task compute: " + ", ".join(
                    f"{k} {n} tasks {s:.0f} s" for k, (n, s) in result["tasks"].items()))
        if "dask" in results:
            for line in estimate(results["dask"]):
                print(line)


if __name__ == "__main__":
    main()
