"""TUI responsiveness: launch to first paint on a warm store, and key-press latency.

    python benchmarks/tui_latency.py

1. Launch to first paint: the seeds analysed once into a store, then the app started
   headless; time until the corpus table shows the stored analysis (target < 1 s).
2. Key-press latency: a 200+ sentence pair (WMT en-zh documents joined into one long
   English article and its Chinese translation), the compare screen open, 150 presses of
   "down" and 20 of "n" (target < 50 ms). Three figures per key:

   * latency: from the key event to the repainted screen: the event is sent, every
     message it causes is handled (cursor, findings panel), then the screen is drawn as
     the next frame would draw it. What a user waits for, less the wait for that frame
     (at most 1/60 s).
   * CPU: process time over the same span (steadier than wall time on a busy machine).
   * pilot: ``pilot.press`` + ``pilot.pause``, as this benchmark first measured. Pilot
     waits for the process to look idle in steps of 20 ms (three waits at least), so
     this figure has a floor of about 60 ms whatever the app does; a key bound to
     nothing ("x") is timed the same way to show that floor.
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


async def _press(pilot, key: str) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    """(latency, CPU) of one key press: sent as Pilot sends it, every message it causes
    handled, then the screen painted (without Pilot's idle waits)."""
    from textual import events

    app = pilot.app
    event = events.Key(key, None)
    event.set_sender(app)
    wall, cpu = time.perf_counter(), time.process_time()
    app._driver.send_message(event)
    # key -> binding -> cursor -> RowHighlighted -> findings panel: each hop is one
    # round of messages
    for _ in range(4):
        await pilot._wait_for_screen()
    app.screen._on_timer_update()  # the frame the refresh timer draws next
    return time.perf_counter() - wall, time.process_time() - cpu


async def key_latency(store: Store, articles: list) -> dict[str, dict[str, list[float]]]:
    # Open the app on the in-memory corpus: the analysis is handed over as the
    # worker would hand it, so only the UI is timed.
    analysis = analyze_corpus(articles, store=store)
    app = ProvenanceApp([bundled_seeds_dir()], store=store)
    timings: dict[str, dict[str, list[float]]] = {}
    async with app.run_test(size=(160, 50)) as pilot:
        await app.workers.wait_for_complete()
        from tui.messages import AnalysisReady
        from tui.screens.compare import CompareScreen

        app.post_message(AnalysisReady(analysis, from_store=True))
        await pilot.pause()
        await app.push_screen(CompareScreen("long-zh"))
        await pilot.pause()
        table = app.screen.query_one("#aligned")
        rows = table.row_count
        print(f"compare screen: {rows} rows, "
              f"{len(articles[0].sentences)} + {len(articles[1].sentences)} sentences")
        for key, count in (("down", 150), ("n", 20)):
            found = timings[key] = {"latency": [], "cpu": [], "pilot": []}
            table.move_cursor(row=0)
            await pilot.pause()
            for _ in range(count):
                latency, cpu = await _press(pilot, key)
                await pilot.pause()
                found["latency"].append(latency)
                found["cpu"].append(cpu)
            table.move_cursor(row=0)
            await pilot.pause()
            for _ in range(count):
                start = time.perf_counter()
                await pilot.press(key)
                await pilot.pause()
                found["pilot"].append(time.perf_counter() - start)
        floor = timings["x (bound to nothing)"] = {"pilot": []}
        for _ in range(20):
            start = time.perf_counter()
            await pilot.press("x")
            await pilot.pause()
            floor["pilot"].append(time.perf_counter() - start)
    return timings


def _summary(values: list[float]) -> str:
    ms = sorted(v * 1000 for v in values)
    return (f"median {statistics.median(ms):5.1f} ms, p95 {ms[int(len(ms) * 0.95) - 1]:5.1f}, "
            f"max {ms[-1]:5.1f}")


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
            for key, figures in timings.items():
                for name, values in figures.items():
                    print(f"key {key!r:22s} {name:8s} {_summary(values)} "
                          f"over {len(values)} presses")


if __name__ == "__main__":
    main()
