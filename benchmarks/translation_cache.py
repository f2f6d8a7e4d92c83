"""Translation cache benchmark: cold vs warm translation of real news lines.

    /work/venv/bin/python benchmarks/translation_cache.py

Translates every line of ../shared/data/parallel (Chinese zh.a and Ukrainian uk files)
twice with the ``gloss`` backend, and the first ARGOS_LINES lines with the ``argos``
backend on a tiny test package built on the fly, each in a fresh PROVENANCE_HOME: the
first pass fills the SQLite cache, the second is served from it. Prints sentences per
second for both passes. The tiny model's output is nonsense and it rarely emits an
end-of-sentence token, so its cold time is a worst case (every sentence decodes to the
length limit), not a real model's speed; the warm time is what matters.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PARALLEL = ROOT.parent / "shared" / "data" / "parallel"
sys.path.insert(0, str(ROOT / "tests"))
ARGOS_LINES = 64


def lines(pattern: str) -> list[str]:
    out: list[str] = []
    for path in sorted(PARALLEL.glob(pattern)):
        out += [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return out


def timed(kind: str, lang: str, texts: list[str]) -> tuple[float, float, int]:
    from provenance.translate import get_translator

    durations = []
    for _ in range(2):
        start = time.perf_counter()
        translator = get_translator(lang, "en", kind)
        translator.translate(texts)
        durations.append(time.perf_counter() - start)
    return durations[0], durations[1], translator.computed


def main() -> None:
    from support.argos_fixture import build_argosmodel

    from provenance.translate.packages import install_model

    zh, uk = lines("en-zh/*/zh.a.txt"), lines("uk-en/*/uk.txt")
    print(f"{'backend':8} {'lang':5} {'lines':>6} {'cold s':>8} {'warm s':>8} "
          f"{'cold/s':>8} {'warm/s':>9}")
    for kind in ("gloss", "argos"):
        for lang, texts in (("zh-cn", zh), ("uk", uk)):
            with tempfile.TemporaryDirectory() as home:
                os.environ["PROVENANCE_HOME"] = home
                if kind == "argos":
                    code = "zh" if lang.startswith("zh") else lang
                    install_model(build_argosmodel(Path(home), code, "en"))
                    texts = texts[:ARGOS_LINES]
                cold, warm, recomputed = timed(kind, lang, texts)
                assert recomputed == 0, "second pass should be served from the cache"
                n = len(texts)
                print(f"{kind:8} {lang:5} {n:6d} {cold:8.2f} {warm:8.3f} {n / cold:8.0f} "
                      f"{n / warm:9.0f}")


if __name__ == "__main__":
    main()
