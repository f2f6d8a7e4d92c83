"""TUI responsiveness: launch to first paint on a warm store, and key-press latency.

    python benchmarks/tui_latency.py

1. Launch to first paint: the seeds analysed once into a store, then the app started
   headless; time until the corpus table shows the stored analysis (target < 1 s).
2. Key-press latency: a 200+ sentence pair (WMT en-zh documents joined into one long
   English article and its Chinese translation), the compare screen open, 150 presses of
   "down" and 20 of "n"; mean, p95 and max per press.
"""

from __future__ import annotations

import asyncio
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("PROVENANCE_HOME", tempfile.mkdtemp(prefix="provenance-bench-"))

from provenance.corpus import article_from_text  # noqa: E402
from provenance.paths import bundled_seeds_dir  # noqa: E402
from provenance.pipeline import analyze_corpus  # noqa: E402
from provenance.store import Store  # noqa: E402
from tui.app import ProvenanceApp  # noqa: E402

PARALLEL = ROOT.parent / "shared" / "data" / "parallel" / "en-zh"


async def first_paint(store: Store) -> float:
    app = ProvenanceApp([bundled_seeds_dir()], store=store)
    start = time.perf_counter()
    async with app.run_test(size=(120, 40)) as pilot:
        while app.analysis is None or app.screen.query_one("#articles").row_count == 0:
            await pilot.pause(0.005)
        return time.perf_counter() - start


def long_pair(min_sentences: int = 200) -> list:
    en, zh = [], []
    for folder in sorted(p for p in PARALLEL.iterdir() if p.is_dir()):
        en += (folder / "en.txt").read_text(encoding="utf-8").splitlines()
        zh += (folder / "zh.a.txt").read_text(encoding="utf-8").splitlines()
        if len(en) >= min_sentences:
            break
    return [article_from_text("\n".join(en), id="long-en", lang="en"),
            article_from_text("\n".join(zh), id="long-zh", lang="zh-cn")]


async def key_latency(store: Store, articles: list) -> dict[str, list[float]]:
    # Open the app on the in-memory corpus: the analysis is handed over as the
    # worker would hand it, so only the UI is timed.
    analysis = analyze_corpus(articles, store=store)
    app = ProvenanceApp([bundled_seeds_dir()], store=store)
    timings: dict[str, list[float]] = {"down": [], "n": []}
    async with app.run_test(size=(160, 50)) as pilot:
        await app.workers.wait_for_complete()
        from tui.messages import AnalysisReady
        from tui.screens.compare import CompareScreen

        app.post_message(AnalysisReady(analysis, from_store=True))
        await pilot.pause()
        await app.push_screen(CompareScreen("long-zh"))
        await pilot.pause()
        rows = app.screen.query_one("#aligned").row_count
        print(f"compare screen: {rows} rows, "
              f"{len(articles[0].sentences)} + {len(articles[1].sentences)} sentences")
        for key, count in (("down", 150), ("n", 20)):
            for _ in range(count):
                start = time.perf_counter()
                await pilot.press(key)
                await pilot.pause()
                timings[key].append(time.perf_counter() - start)
    return timings


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "store.sqlite")
        t0 = time.perf_counter()
        analyze_corpus([bundled_seeds_dir()], store=store)
        print(f"seeds analysed cold in {time.perf_counter() - t0:.2f} s")
        paints = [asyncio.run(first_paint(store)) for _ in range(3)]
        print(f"launch to first paint (warm store): best {min(paints):.3f} s, "
              f"worst {max(paints):.3f} s (target < 1 s)")
        if PARALLEL.is_dir():
            timings = asyncio.run(key_latency(store, long_pair()))
            for key, values in timings.items():
                ms = sorted(v * 1000 for v in values)
                print(f"key {key!r}: mean {statistics.mean(ms):.1f} ms, "
                      f"p95 {ms[int(len(ms) * 0.95) - 1]:.1f} ms, max {ms[-1]:.1f} ms "
                      f"over {len(ms)} presses")


if __name__ == "__main__":
    main()
