"""Speed, side by side: start-up, the aligners, long documents, whole corpora.

    python benchmarks/speed.py                     # every section (10,000 articles: ~30 min)
    python benchmarks/speed.py --only startup,aligners,long,pipeline
    python benchmarks/speed.py --articles 2000     # a smaller synthetic corpus
    python benchmarks/speed.py --code DIR          # the same figures for another checkout

Sections:

* startup: one ``provenance align`` of a 25-sentence WMT pair (a new process, as a user or
  a script runs it) against ``python -c "import numpy, click"`` timed in the same run;
  the ratio of the medians (target: at most 3).
* aligners: on the perturbed WMT pairs of ``benchmarks/alignment.py`` (gold links known),
  time and strict precision/recall/F1 of ``provenance align`` run once per pair as a
  command, the same aligner called in-process, nltk's Gale–Church, and the identity
  diagonal (sentence i with sentence i); times also as ratios to Gale–Church.
* long: ``provenance report`` on three two-article corpora: a short original with its
  1,000- and 5,000-sentence re-report in which every sentence carries a number, a date
  and an attribution (targets 10 s and 60 s), and a 5,000-sentence English–Chinese news
  pair (target 30 s); the signals the alignment signature names.
* pipeline: ``analyze`` + HTML report of the WMT corpus of ``pipeline_scale.py`` (74
  articles) in one process, time per stage: a first run in an empty home (tables built),
  a cold run (new store, facts cache emptied, home kept) and a warm one (from the store).
* corpus: a synthetic corpus of ``--articles`` articles (``synthetic_corpus.py``) analysed
  on ``--jobs`` worker processes and reported (HTML): time per stage and peak memory
  (target for 10,000 articles on 2 cores: 30 minutes, 2 GB).

Stages (ingest, facts, clustering, alignment, embeddings, drift, provenance, store,
report) are timed by wrapping the library functions that do them, in this process and in
the workers; a stage nested in another (embeddings within alignment) is counted in both.
Embeddings are timed when the code has a sentence-vector module
(``provenance.crosslingual.vectors``); otherwise the stage reads "none".

Subprocesses run with Python's bytecode cache on (in a scratch folder), as an installed
package would; every section uses a scratch PROVENANCE_HOME.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import importlib
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
SECTIONS = ("startup", "aligners", "long", "pipeline", "corpus")


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--only", default=",".join(SECTIONS),
                        help=f"comma-separated sections ({', '.join(SECTIONS)})")
    parser.add_argument("--articles", type=int, default=10_000,
                        help="size of the synthetic corpus (default 10,000)")
    parser.add_argument("--jobs", type=int, default=2, help="workers for the synthetic corpus")
    parser.add_argument("--runs", type=int, default=7, help="start-up runs per command")
    parser.add_argument("--code", type=Path, default=ROOT,
                        help="checkout whose provenance package is measured")
    return parser.parse_args()


ARGS = _arguments() if __name__ == "__main__" else None
CODE = (ARGS.code if ARGS else Path(os.environ.get("SPEED_CODE", ROOT))).resolve()
os.environ["SPEED_CODE"] = str(CODE)  # spawned workers import this module again
sys.path[:0] = [str(CODE), str(BENCH)]
if "SPEED_SCRATCH" not in os.environ:  # workers share the parent's scratch folder
    os.environ["SPEED_SCRATCH"] = tempfile.mkdtemp(prefix="provenance-speed-")
SCRATCH = Path(os.environ["SPEED_SCRATCH"])
os.environ.setdefault("PROVENANCE_HOME", str(SCRATCH / "home"))

from alignment import Score, gale_church  # noqa: E402
from long_pairs import dense_rereport, news_pair, write_corpus  # noqa: E402
from perturb import PAIRS, PerturbedPair, build_pairs  # noqa: E402

LinkT = tuple[tuple[int, ...], tuple[int, ...]]


# -- helpers ----------------------------------------------------------------------------
def _env(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env.update(PYTHONPATH=str(CODE), PROVENANCE_HOME=str(home),
               PYTHONPYCACHEPREFIX=str(SCRATCH / "pycache"))
    return env


def _cli(args: list[str], home: Path) -> tuple[float, str]:
    """(seconds, stdout) of one ``provenance`` command in a new process."""
    start = time.perf_counter()
    # run from the scratch folder: `python -c` puts the working directory first on the
    # path, and a checkout there would shadow the code measured
    done = subprocess.run([sys.executable, "-c", "from provenance.cli import main; main()",
                           *args], env=_env(home), capture_output=True, text=True,
                          cwd=SCRATCH)
    took = time.perf_counter() - start
    if done.returncode not in (0, 1):
        raise SystemExit(f"provenance {' '.join(args)} failed: {done.stderr[-800:]}")
    return took, done.stdout


def _python(code: str, home: Path) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], env=_env(home), check=True, cwd=SCRATCH)
    return time.perf_counter() - start


def _write_pair(folder: Path, pair: PerturbedPair) -> tuple[Path, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    src, tgt = folder / "src.txt", folder / "tgt.txt"
    src.write_text("\n".join(pair.src), encoding="utf-8")
    tgt.write_text("\n".join(pair.tgt), encoding="utf-8")
    return src, tgt


def _translator(pair: PerturbedPair) -> str:
    return "identity" if pair.src_lang == pair.tgt_lang else "gloss"


def _cli_align_args(pair: PerturbedPair, src: Path, tgt: Path) -> list[str]:
    return ["align", str(src), str(tgt), "--presegmented", "--src-lang", pair.src_lang,
            "--tgt-lang", pair.tgt_lang, "--translator", _translator(pair), "--format", "json"]


class TreeMemory:
    """Peak resident memory of this process and its children together, sampled from
    /proc twice a second (Linux; elsewhere it stays 0 and only the per-process peaks
    below are printed)."""

    def __init__(self) -> None:
        self.peak_mb = 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> TreeMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        while not self._stop.wait(0.5):
            self.peak_mb = max(self.peak_mb, self._sample())

    @staticmethod
    def _sample() -> float:
        me = os.getpid()
        total = 0
        for entry in Path("/proc").iterdir() if Path("/proc/self/status").exists() else ():
            if not entry.name.isdigit():
                continue
            with contextlib.suppress(OSError, ValueError, IndexError):
                status = (entry / "status").read_text()
                fields = dict(line.split(":", 1) for line in status.splitlines()
                              if ":" in line)
                if int(entry.name) == me or int(fields["PPid"]) == me:
                    total += int(fields.get("VmRSS", "0 kB").split()[0])
        return total / 1024


def _peak_mb() -> tuple[float, float]:
    """Peak RSS of this process and of its largest finished child, in MB."""
    return (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)


def _all_pairs() -> list[PerturbedPair]:
    return [p for label, *_ in PAIRS for p in build_pairs(label, seed=29)]


# -- stage clocks -----------------------------------------------------------------------
class StageClock:
    """Seconds spent in named stages, by wrapping the functions that do them."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = defaultdict(float)
        self.calls: dict[str, int] = defaultdict(int)
        self._undo: list[Callable[[], None]] = []

    def wrap(self, owner: Any, name: str, stage: str) -> None:
        original = getattr(owner, name, None)
        if original is None or getattr(original, "_speed_stage", None):
            return

        @functools.wraps(original)
        def timed(*args: Any, **kwargs: Any) -> Any:
            start = time.perf_counter()
            try:
                return original(*args, **kwargs)
            finally:
                self.seconds[stage] += time.perf_counter() - start
                self.calls[stage] += 1

        timed._speed_stage = stage  # type: ignore[attr-defined]
        setattr(owner, name, timed)
        self._undo.append(lambda: setattr(owner, name, original))

    def undo(self) -> None:
        while self._undo:
            self._undo.pop()()

    def add(self, other: dict[str, float]) -> None:
        for stage, seconds in other.items():
            self.seconds[stage] += seconds


def instrument(clock: StageClock) -> None:
    """Wrap the library functions of every stage (those that exist in this code)."""
    import provenance.derivation
    import provenance.drift
    import provenance.facts
    import provenance.pairs
    import provenance.stories
    from provenance import corpus
    from provenance.store import Store

    clock.wrap(corpus, "load_corpus", "ingest")
    clock.wrap(provenance.facts, "corpus_facts", "facts")
    clock.wrap(provenance.facts.ArticleFacts, "read_sources", "facts")
    clock.wrap(provenance.stories, "cluster_features", "clustering")
    clock.wrap(provenance.pairs, "align_pair", "alignment")
    clock.wrap(provenance.drift, "detect_drift", "drift")
    clock.wrap(provenance.derivation, "analyze_provenance", "provenance")
    for method in ("get_pair", "put_pair", "get_analysis", "put_analysis", "latest_analysis"):
        clock.wrap(Store, method, "store")
    for module in _embedding_modules():
        for name, value in list(vars(module).items()):
            if callable(value) and not name.startswith("__") and (
                    "embed" in name.lower() or "vector" in name.lower()) and \
                    getattr(value, "__module__", None) == module.__name__:
                clock.wrap(module, name, "embeddings")


def _embedding_modules() -> list[Any]:
    found = []
    for name in ("provenance.crosslingual.vectors", "provenance.align.embedding"):
        with contextlib.suppress(ImportError):
            found.append(importlib.import_module(name))
    return found


STAGES = ("ingest", "facts", "clustering", "alignment", "embeddings", "drift", "provenance",
          "store", "report")


def stage_line(clock: StageClock, total: float) -> str:
    parts = []
    for stage in STAGES:
        if stage == "embeddings" and not clock.calls.get(stage) and stage not in clock.seconds:
            parts.append("embeddings none")
            continue
        parts.append(f"{stage} {clock.seconds.get(stage, 0.0):.1f}")
    return f"{total:.1f} s: " + ", ".join(parts) + " (s; nested stages counted in both)"


# In spawned workers: the compare step, timed. The parent swaps it in for the pipeline's.
_WORKER_CLOCK: StageClock | None = None


def timed_compare_story(jobs: Any, settings: Any, spec: Any) -> Any:
    global _WORKER_CLOCK
    from provenance.engine import tasks

    if _WORKER_CLOCK is None:
        _WORKER_CLOCK = StageClock()
        instrument(_WORKER_CLOCK)
    before = dict(_WORKER_CLOCK.seconds)
    result = ORIGINAL_COMPARE_STORY(jobs, settings, spec) if ORIGINAL_COMPARE_STORY else \
        tasks.compare_story(jobs, settings, spec)
    spent = {k: v - before.get(k, 0.0) for k, v in _WORKER_CLOCK.seconds.items()}
    with open(os.environ["SPEED_WORKER_LOG"], "a", encoding="utf-8") as log:
        log.write(json.dumps(spent) + "\n")
    return result


#: the task the parent swaps out (None in a worker, which runs the module's own)
ORIGINAL_COMPARE_STORY: Any = None


@contextlib.contextmanager
def worker_clock(clock: StageClock) -> Iterator[None]:
    """Stage times of the pipeline's worker processes, added to ``clock`` at the end."""
    global ORIGINAL_COMPARE_STORY
    from provenance.engine import tasks

    log = SCRATCH / f"workers-{time.monotonic_ns()}.jsonl"
    os.environ["SPEED_WORKER_LOG"] = str(log)
    ORIGINAL_COMPARE_STORY = tasks.compare_story
    tasks.compare_story = timed_compare_story  # type: ignore[assignment]
    try:
        yield
    finally:
        tasks.compare_story = ORIGINAL_COMPARE_STORY
        ORIGINAL_COMPARE_STORY = None
        if log.exists():
            for line in log.read_text(encoding="utf-8").splitlines():
                clock.add(json.loads(line))


# -- sections ---------------------------------------------------------------------------
def startup(runs: int) -> None:
    print("\n== start-up: one `provenance align` of a 25-sentence pair, a new process each")
    pair = next(p for p in build_pairs("en→zh.a", seed=29) if len(p.src) == 25)
    home = SCRATCH / "home-startup"
    src, tgt = _write_pair(SCRATCH / "startup", pair)
    args = ["align", str(src), str(tgt), "--presegmented"]
    # warm-up: bytecode compiled, indexes built (what any second call finds)
    _python("import numpy, click", home)
    _cli(args, home)
    base, ours = [], []
    for _ in range(runs):
        base.append(_python("import numpy, click", home))
        ours.append(_cli(args, home)[0])
    b, o = statistics.median(base), statistics.median(ours)
    print(f"python -c 'import numpy, click'  median {b * 1000:6.0f} ms  (of {runs})")
    print(f"provenance align (text output)   median {o * 1000:6.0f} ms  (of {runs}; "
          f"{len(pair.src)} + {len(pair.tgt)} sentences, en-zh, gloss)")
    verdict = "meets" if o <= 3 * b else "misses"
    print(f"start-up ratio {o / b:.2f} ({verdict} the target of at most 3)")


def aligners() -> None:
    from nltk.translate.gale_church import align_blocks  # noqa: F401 - fail early if absent

    from provenance.align import align
    from provenance.align.lengths import expansion_factor

    pairs = _all_pairs()
    print(f"\n== aligners on {len(pairs)} perturbed WMT pairs (seed 29; "
          f"{sum(len(p.src) for p in pairs)} source sentences)")
    home = SCRATCH / "home-aligners"
    scores = {name: Score() for name in ("cli", "library", "gale-church", "diagonal")}
    align(pairs[0].src, pairs[0].tgt, pairs[0].src_lang, pairs[0].tgt_lang,
          translator=_translator(pairs[0]))  # glossary and tables loaded once, as a script would
    _cli(_cli_align_args(pairs[0], *_write_pair(SCRATCH / "al-0", pairs[0])), home)
    for n, pair in enumerate(pairs):
        src, tgt = _write_pair(SCRATCH / f"al-{n}", pair)
        seconds, out = _cli(_cli_align_args(pair, src, tgt), home)
        cli_links = [(tuple(k["src"]), tuple(k["tgt"])) for k in json.loads(out)["links"]]
        scores["cli"].add(pair.gold, cli_links, seconds)
        start = time.perf_counter()
        result = align(pair.src, pair.tgt, pair.src_lang, pair.tgt_lang,
                       translator=_translator(pair))
        lib_links = [(k.src, k.tgt) for k in result.links]
        scores["library"].add(pair.gold, lib_links, time.perf_counter() - start)
        if sorted(lib_links) != sorted(cli_links):
            print(f"  note: {pair.name}: the command and the library disagree")
        factor = expansion_factor(pair.src_lang, pair.tgt_lang) or 1.0
        start = time.perf_counter()
        gc = gale_church(pair.src, pair.tgt, factor)
        scores["gale-church"].add(pair.gold, gc, time.perf_counter() - start)
        start = time.perf_counter()
        diagonal = _diagonal(len(pair.src), len(pair.tgt))
        scores["diagonal"].add(pair.gold, diagonal, time.perf_counter() - start)
    gc_total = sum(scores["gale-church"].seconds)
    print(f"{'aligner':38s} {'total s':>8s} {'ms/pair':>8s} {'x GC':>8s} | "
          f"{'strict P':>8s} {'R':>6s} {'F1':>6s}")
    labels = {"cli": "provenance align (a command per pair)",
              "library": "provenance align (in-process)",
              "gale-church": "nltk Gale-Church", "diagonal": "identity diagonal"}
    for name, score in scores.items():
        total = sum(score.seconds)
        p, r, f = score.prf(True)
        print(f"{labels[name]:38.38s} {total:8.2f} {1000 * total / len(pairs):8.1f} "
              f"{total / gc_total:8.1f} | {p:8.3f} {r:6.3f} {f:6.3f}")


def _diagonal(n: int, m: int) -> list[LinkT]:
    links: list[LinkT] = [((i,), (i,)) for i in range(min(n, m))]
    links += [((i,), ()) for i in range(m, n)]
    links += [((), (j,)) for j in range(n, m)]
    return links


def long_documents() -> None:
    print("\n== long documents: `provenance report` on a two-article corpus (cold store)")
    corpora = []
    for sentences, target in ((1000, 10), (5000, 60)):
        original, rereport = dense_rereport(sentences)
        corpora.append((f"re-report with a number, date and attribution in each of "
                        f"{sentences:,} sentences, and its 5-sentence original",
                        write_corpus(SCRATCH / f"dense-{sentences}", ("en", original),
                                     ("en", rereport)), target))
    en, zh = news_pair(5000)
    corpora.append(("English-Chinese news pair, 5,000 sentences a side",
                    write_corpus(SCRATCH / "news-5000", ("en", "\n\n".join(en[:5000])),
                                 ("zh-cn", "\n\n".join(zh[:5000]))), 30))
    for label, folder, target in corpora:
        home = SCRATCH / f"home-{folder.name}"
        seconds, _ = _cli(["report", str(folder), "-o", str(SCRATCH / f"{folder.name}.html"),
                           "--jobs", "1"], home)
        verdict = "meets" if seconds < target else "misses"
        print(f"{seconds:7.1f} s  {label} ({verdict} the {target} s target)")
    # the same corpus again, from the store, as JSON: the pair's alignment signature
    report = SCRATCH / "news-5000.json"
    _cli(["report", str(corpora[-1][1]), "-o", str(report)], SCRATCH / "home-news-5000")
    (pair,) = json.loads(report.read_text(encoding="utf-8"))["pairs"]
    print("alignment signals named in the signature: " + _signals(pair["alignment_signature"]))


def _signals(signature: str) -> str:
    settings = dict(part.split(":", 1) for part in signature.split("|") if ":" in part)
    weights = sorted(k[2:] for k, v in settings.items() if k.startswith("w_") and v != "0.0")
    other = sorted(f"{k}={v}" for k, v in settings.items()
                   if "signal" in k or "embed" in k or "vector" in k)
    return ", ".join(weights + other) or "(none found)"


def pipeline() -> None:
    from pipeline_scale import build_corpus

    from provenance.facts import CACHE
    from provenance.pipeline import analyze_corpus
    from provenance.report import write_report
    from provenance.store import Store

    folder = SCRATCH / "wmt-corpus"
    folder.mkdir()
    count = build_corpus(folder, 29)
    print(f"\n== pipeline: analyze + HTML report of the WMT corpus ({count} articles), "
          "1 process")
    clock = StageClock()
    instrument(clock)
    os.environ["PROVENANCE_HOME"] = str(SCRATCH / "home-pipeline")
    runs = (("first", "first run: empty home (no store, translation cache or index)"),
            ("cold", "cold: a new store, the facts cache emptied (home and tables kept)"),
            ("warm", "warm: the same corpus again, from the store"))
    for label, meaning in runs:
        if label != "warm":
            store = Store(SCRATCH / f"pipeline-{label}.sqlite")
            CACHE.clear()
        clock.seconds.clear()
        start = time.perf_counter()
        analysis = analyze_corpus([folder], store=store, workers=1)
        report_start = time.perf_counter()
        write_report(analysis, SCRATCH / f"wmt-{label}.html")
        clock.seconds["report"] += time.perf_counter() - report_start
        total = time.perf_counter() - start
        print(f"{label:5s} {stage_line(clock, total)}")
        print(f"      ({meaning})")
    clock.undo()
    print(f"pairs {len(analysis.pairs)}, findings {sum(len(p.findings) for p in analysis.pairs)};"
          " alignment signals: " + _signals(str(analysis.pairs[0].alignment.signature)))


def corpus(articles: int, jobs: int) -> None:
    from synthetic_corpus import write_synthetic_corpus

    from provenance.pipeline import analyze_corpus
    from provenance.report import write_report
    from provenance.store import Store

    folder = SCRATCH / "synthetic"
    start = time.perf_counter()
    count = write_synthetic_corpus(folder, articles)
    print(f"\n== corpus: {count:,} synthetic articles ({time.perf_counter() - start:.0f} s to "
          f"write), analyze on {jobs} workers + HTML report")
    clock = StageClock()
    instrument(clock)
    os.environ["PROVENANCE_HOME"] = str(SCRATCH / "home-corpus")
    progress_at: dict[str, float] = {}

    def progress(stage: str, done: int, total: int) -> None:
        progress_at.setdefault(stage, time.perf_counter())

    start = time.perf_counter()
    with TreeMemory() as memory:
        with worker_clock(clock):
            analysis = analyze_corpus([folder], store=Store(SCRATCH / "corpus.sqlite"),
                                      workers=jobs, progress=progress)
        compared = time.perf_counter()
        write_report(analysis, SCRATCH / "synthetic.html")
        done = time.perf_counter()
    clock.seconds["report"] += done - compared
    clock.undo()
    main_mb, worker_mb = _peak_mb()
    print(stage_line(clock, done - start))
    print(f"  worker stages are summed over {jobs} processes; compare phase wall "
          f"{compared - progress_at.get('compare', start):.0f} s")
    print(f"  {len(analysis.pairs):,} pairs, "
          f"{sum(len(p.findings) for p in analysis.pairs):,} findings, "
          f"{len({p.story for p in analysis.provenance.values()}):,} stories")
    together = memory.peak_mb or main_mb + jobs * worker_mb
    print(f"  peak RSS: this process {main_mb:.0f} MB, largest worker {worker_mb:.0f} MB; "
          f"all processes at once {together:.0f} MB"
          + ("" if memory.peak_mb else " (an upper bound: no /proc to sample)"))
    minutes = (done - start) / 60
    fits = minutes < 30 and together < 2048
    print(f"  {minutes:.1f} min ({'meets' if fits else 'misses'} the targets of 30 min and "
          "2 GB)" if articles >= 10_000 else f"  {minutes:.1f} min")


def main() -> None:
    assert ARGS is not None
    only = set(ARGS.only.split(","))
    print(f"code: {CODE}; python {sys.version.split()[0]}; {os.cpu_count()} CPUs; "
          f"load {os.getloadavg()[0]:.1f}")
    try:
        if "startup" in only:
            startup(ARGS.runs)
        if "aligners" in only:
            aligners()
        if "long" in only:
            long_documents()
        if "pipeline" in only:
            pipeline()
        if "corpus" in only:
            corpus(ARGS.articles, ARGS.jobs)
    finally:
        shutil.rmtree(SCRATCH, ignore_errors=True)


if __name__ == "__main__":
    main()
