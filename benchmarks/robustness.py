"""Bad input at corpus scale and very long articles: timings and peak memory.

    python benchmarks/robustness.py [--files 2000] [--broken 20] [--sentences 5000]
                                    [--single-line-mb 20] [--moved 0] [--jobs 0]

Each scenario runs in a fresh process (its peak RSS is its own) on files built by
tests/support (nothing copied from the web), with a cold store:

1. corpus: ``--files`` files of which ``--broken`` are bad (empty, binary, undecodable,
   unreadable, malformed, stray bytes...), read and analysed with ``--jobs`` workers: every
   bad file must be reported and the analysis must finish;
2. pair: an English article of ``--sentences`` sentences and its Chinese relay, analysed
   (gloss translation, alignment, drift), with the time of each phase of the pair;
3. single line: one line of ``--single-line-mb`` MB of running text, read (segmented) and
   then analysed beside a short pair: it is refused with a message, not compared;
4. moved (only with ``--moved N``): an N-sentence pair whose relay moved its blocks
   (re-report mode), profiled: the drift stages after alignment are what is slow there.

Prints one block per scenario: wall time per stage, peak RSS of the process (and of its
pool workers), and the counts that show the scenario did what it should.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))


def _peak_mb() -> tuple[int, int]:
    """Peak RSS in MB of this process and of the largest of its (pool) children."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024
    return own, workers


class Stages:
    """A progress callback that notes when each stage (and each phase of a pair) ends."""

    def __init__(self) -> None:
        self.start = time.perf_counter()
        self.ends: dict[str, float] = {}
        self._phase: str | None = None

    def __call__(self, stage: str, done: int, total: int) -> None:
        from provenance.pairs import PAIR_PHASES

        now = time.perf_counter() - self.start
        if stage == "pair":
            # A call says which phase starts now, so the one running before ends now
            # (a pair in order never starts "looking for moved blocks").
            if self._phase:
                self.ends[self._phase] = now
            self._phase = f"pair: {PAIR_PHASES[done]}" if done < total else None
            return
        self.ends[stage] = now

    def durations(self) -> dict[str, float]:
        out, before = {}, 0.0
        for stage, end in sorted(self.ends.items(), key=lambda kv: kv[1]):
            out[stage] = round(end - before, 2)
            before = end
        return out


def corpus_scenario(work: Path, files: int, broken: int, jobs: int) -> dict:
    from support.bad_input import write_corpus

    from provenance.corpus import read_corpus
    from provenance.pipeline import analyze_corpus
    from provenance.store import Store

    folder = work / "corpus"
    cases = write_corpus(folder, files, broken)
    start = time.perf_counter()
    corpus = read_corpus([folder])
    read_s = time.perf_counter() - start
    reported = {Path(i.path).name for i in corpus.issues}
    stages = Stages()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the issues are counted below, not printed
        analysis = analyze_corpus([folder], store=Store(work / "store.sqlite"),
                                  progress=stages, workers=jobs)
    return {
        "files": files, "broken": broken,
        "bad files reported": sum(c.name in reported for c in cases),
        "skipped": sum(i.skipped for i in analysis.issues),
        "repaired": sum(not i.skipped for i in analysis.issues),
        "articles": len(analysis.articles), "pairs": len(analysis.pairs),
        "read_corpus s": round(read_s, 2),
        "analyze s": round(time.perf_counter() - stages.start, 2),
        "stages s": stages.durations(), "peak MB (self, largest worker)": _peak_mb(),
    }


def pair_scenario(work: Path, sentences: int) -> dict:
    from support.long_articles import write_pair

    from provenance.pipeline import analyze_corpus
    from provenance.store import Store

    write_pair(work / "pair", sentences)
    stages = Stages()
    analysis = analyze_corpus([work / "pair"], store=Store(work / "store.sqlite"),
                              progress=stages, workers=1)
    [pair] = analysis.pairs
    return {
        "sentences (en, zh)": [len(a.sentences) for a in
                               sorted(analysis.articles, key=lambda a: a.id)],
        "alignment": pair.alignment.mode, "links": len(pair.alignment.links),
        "findings": len(pair.findings),
        "analyze s": round(time.perf_counter() - stages.start, 2),
        "stages s": stages.durations(), "peak MB (self, largest worker)": _peak_mb(),
    }


def single_line_scenario(work: Path, megabytes: float) -> dict:
    from support.long_articles import single_line, write_pair

    from provenance.corpus import read_corpus
    from provenance.pipeline import analyze_corpus
    from provenance.store import Store

    folder = work / "single"
    write_pair(folder, 20)
    (folder / "dump.txt").write_text(single_line(int(megabytes * 1_000_000)), encoding="utf-8")
    start = time.perf_counter()
    corpus = read_corpus([folder / "dump.txt"])
    read_s = time.perf_counter() - start
    [dump] = corpus.articles
    stages = Stages()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        analysis = analyze_corpus([folder], store=Store(work / "store.sqlite"),
                                  progress=stages, workers=1)
    return {
        "characters": len(dump.text), "sentences": len(dump.sentences),
        "longest sentence": max(len(s.text) for s in dump.sentences),
        "read (segmented) s": round(read_s, 2),
        "analysis": [str(i) for i in analysis.issues],
        "analyze s": round(time.perf_counter() - stages.start, 2),
        "peak MB (self, largest worker)": _peak_mb(),
    }


def moved_scenario(work: Path, sentences: int) -> dict:
    import cProfile
    import pstats

    from support.long_articles import long_pair

    from provenance.corpus import article_from_text
    from provenance.pairs import PairSettings, compare_pair
    from provenance.pipeline import load_glossary

    english, chinese = long_pair(sentences)
    lines = chinese.splitlines()
    size = max(1, len(lines) // 10)
    blocks = [lines[i:i + size] for i in range(0, len(lines), size)]
    moved = "\n".join(line for block in blocks[1::2] + blocks[0::2] for line in block)
    src = article_from_text(english, id="en", lang="en")
    tgt = article_from_text(moved, id="zh", lang="zh-cn")
    glossary = load_glossary()
    stages = Stages()
    profile = cProfile.Profile()
    profile.enable()
    pair = compare_pair(src, tgt, PairSettings(), glossary, progress=stages)
    profile.disable()
    stats = pstats.Stats(profile)
    top = sorted(((v[3], f"{Path(k[0]).name}:{k[1]}({k[2]})") for k, v in
                  stats.stats.items()), reverse=True)  # type: ignore[attr-defined]
    return {
        "sentences": sentences, "alignment": pair.alignment.mode,
        "compare s": round(time.perf_counter() - stages.start, 2),
        "stages s": stages.durations(),
        "profile (cumulative s)": [f"{t:.1f} {name}" for t, name in top[:12]],
        "peak MB (self, largest worker)": _peak_mb(),
    }


SCENARIOS = {"corpus": corpus_scenario, "pair": pair_scenario,
             "single-line": single_line_scenario, "moved": moved_scenario}


def run_scenario(name: str, args: argparse.Namespace) -> dict:
    """One scenario in a fresh process with its own store and PROVENANCE_HOME."""
    with tempfile.TemporaryDirectory(prefix=f"robustness-{name}-") as tmp:
        env = {**os.environ, "PROVENANCE_HOME": tmp, "PYTHONPATH": str(ROOT)}
        command = [sys.executable, __file__, "--scenario", name, "--work", tmp,
                   *sys.argv[1:]]
        start = time.perf_counter()
        done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            return {"failed": done.stderr[-3000:]}
        result = json.loads(done.stdout.splitlines()[-1])
        result["process s"] = round(time.perf_counter() - start, 2)
        return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--files", type=int, default=2000)
    parser.add_argument("--broken", type=int, default=20)
    parser.add_argument("--sentences", type=int, default=5000)
    parser.add_argument("--single-line-mb", type=float, default=20)
    parser.add_argument("--moved", type=int, default=0,
                        help="Also profile an N-sentence pair with moved blocks (slow).")
    parser.add_argument("--jobs", type=int, default=0, help="Workers (0: one per CPU).")
    parser.add_argument("--scenario", choices=list(SCENARIOS), help=argparse.SUPPRESS)
    parser.add_argument("--work", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.scenario:
        work = Path(args.work)
        params = {"corpus": (args.files, args.broken, args.jobs),
                  "pair": (args.sentences,), "single-line": (args.single_line_mb,),
                  "moved": (args.moved,)}[args.scenario]
        print(json.dumps(SCENARIOS[args.scenario](work, *params), ensure_ascii=False))
        return
    names = ["corpus", "pair", "single-line"] + (["moved"] if args.moved else [])
    print(f"robustness benchmark, {os.cpu_count()} CPUs, Python {sys.version.split()[0]}")
    for name in names:
        print(f"\n== {name}", flush=True)
        for key, value in run_scenario(name, args).items():
            if isinstance(value, dict):
                value = ", ".join(f"{k} {v}" for k, v in value.items())
            elif isinstance(value, list) and value and isinstance(value[0], str):
                value = "\n    " + "\n    ".join(value)
            print(f"  {key}: {value}", flush=True)


if __name__ == "__main__":
    main()
