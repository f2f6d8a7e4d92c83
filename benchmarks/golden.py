"""Every user-visible result on the real data, written to a folder so two code versions
can be compared file by file (a refactor must not change a byte of them).

    python benchmarks/golden.py OUT_DIR            # write the outputs
    python benchmarks/golden.py OUT_DIR --compare BEFORE_DIR

Covers ``analyze --format json``, ``report`` in every format, ``align --format json`` and
``drift --format json`` on: the seeds; each relay cluster in ../shared/data/relays/ (its
article files, not TRUTH.md); and the WMT documents in ../shared/data/parallel/ (pairs
presegmented, and the whole 74-article corpus analysed). The tool version inside
signatures is masked, so only what the code computes is compared.
"""

from __future__ import annotations

import argparse
import difflib
import os
import re
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SHARED = ROOT.parent / "shared" / "data"
RELAYS = SHARED / "relays"
PARALLEL = SHARED / "parallel"

_VERSION = re.compile(r'(version[":]+\s*"?)[0-9][0-9A-Za-z.+-]*')


def _invoke(args: list[str]) -> str:
    from click.testing import CliRunner

    from provenance.cli import main

    result = CliRunner().invoke(main, args, catch_exceptions=False)
    if result.exit_code not in (0, 1):
        raise SystemExit(f"provenance {' '.join(args)} failed ({result.exit_code}): "
                         f"{result.output[-500:]}")
    return result.stdout


def _write(out: Path, name: str, text: str) -> None:
    (out / name).write_text(_VERSION.sub(r"\1X", text), encoding="utf-8")


def _corpus_outputs(out: Path, tag: str, corpus: list[str]) -> None:
    _write(out, f"{tag}.analyze.json", _invoke(["analyze", *corpus, "--format", "json",
                                                 "--jobs", "1"]))
    for fmt in ("json", "md", "html", "csv", "tmx"):
        target = out / f"{tag}.report.{fmt}"
        _invoke(["report", *corpus, "-o", str(target), "--jobs", "1"])
        _write(out, target.name, target.read_text(encoding="utf-8"))


def _pair_outputs(out: Path, tag: str, src: str, tgt: str, extra: list[str]) -> None:
    for command in ("align", "drift"):
        _write(out, f"{tag}.{command}.json",
               _invoke([command, src, tgt, "--format", "json", *extra]))


def relay_files(cluster: Path) -> list[str]:
    return sorted(str(p) for p in cluster.glob("*.md") if p.name != "TRUTH.md")


def wmt_corpus(folder: Path) -> None:
    from benchmarks.pipeline_scale import build_corpus

    build_corpus(folder, 29)


def write_all(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    seeds = sorted(str(p) for p in (ROOT / "seeds").glob("*.md"))
    _corpus_outputs(out, "seeds", seeds)
    ref = next(s for s in seeds if "003_" in s)
    for other in seeds:
        if other != ref:
            _pair_outputs(out, f"seeds.{Path(other).stem[:3]}", ref, other, [])
    for cluster in sorted(p for p in RELAYS.iterdir() if p.is_dir()):
        _corpus_outputs(out, f"relays.{cluster.name}", relay_files(cluster))
    for doc in sorted((PARALLEL / "en-zh").iterdir()):
        _pair_outputs(out, f"wmt.en-zh.{doc.name}", str(doc / "en.txt"), str(doc / "zh.a.txt"),
                      ["--presegmented", "--src-lang", "en", "--tgt-lang", "zh-cn"])
    for doc in sorted((PARALLEL / "uk-en").iterdir()):
        _pair_outputs(out, f"wmt.uk-en.{doc.name}", str(doc / "uk.txt"), str(doc / "en.a.txt"),
                      ["--presegmented", "--src-lang", "uk", "--tgt-lang", "en"])
    with tempfile.TemporaryDirectory() as tmp:
        wmt_corpus(Path(tmp))
        _write(out, "wmt.corpus.analyze.json",
               _invoke(["analyze", tmp, "--format", "json", "--jobs", "1"])
               .replace(tmp, "<corpus>"))


def compare(out: Path, before: Path) -> int:
    names = sorted({p.name for p in out.iterdir()} | {p.name for p in before.iterdir()})
    changed = 0
    for name in names:
        a, b = before / name, out / name
        if not (a.exists() and b.exists()):
            print(f"only in {'after' if b.exists() else 'before'}: {name}")
            changed += 1
            continue
        if a.read_bytes() != b.read_bytes():
            changed += 1
            diff = list(difflib.unified_diff(a.read_text().splitlines(),
                                             b.read_text().splitlines(), lineterm="", n=0))
            print(f"CHANGED {name}: {len(diff)} diff lines")
            print("\n".join(diff[:12]))
    print(f"{len(names)} outputs compared, {changed} differ")
    return 1 if changed else 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--compare", type=Path, metavar="BEFORE_DIR")
    args = parser.parse_args()
    home = tempfile.mkdtemp(prefix="golden-home-")
    os.environ["PROVENANCE_HOME"] = home  # a cold store: nothing reused from earlier runs
    try:
        write_all(args.out)
    finally:
        shutil.rmtree(home, ignore_errors=True)
    if args.compare:
        sys.exit(compare(args.out, args.compare))


if __name__ == "__main__":
    main()
