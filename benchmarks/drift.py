"""Drift benchmark: recall on injected drift, false alarms on faithful translations, and
the findings on the seed articles.

    python benchmarks/drift.py              # everything (a few minutes)
    python benchmarks/drift.py --quick      # 5 documents per language pair
    python benchmarks/drift.py --seeds      # only the seed findings

1. Injected drift (benchmarks/inject.py): on the WMT documents, the relay (zh.a for
   en-zh, uk for uk-en, with the English side as reference) gets numbers changed or
   scaled, dates moved, entities swapped within a glossary category, evidentials,
   sources and negations added or removed, sentences dropped and added. Each kind is
   injected in its own copy, aligned with the real ``align()`` and checked with
   ``detect_drift``. Recall per kind = injections with a finding of that kind on the
   injected line; precision = of the findings the injection created (not present on the
   faithful pair already), the share that point at an injected line.
2. False alarms: the faithful pairs (en vs zh.a, en vs zh.b, zh.a vs zh.b, en vs uk),
   findings per 100 aligned sentence pairs, by kind and severity.
3. Seeds: findings for a few seed pairs, for the lead's closing note.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from inject import KINDS, PARALLEL, Injection, inject, read_lines  # noqa: E402

from provenance.align import align  # noqa: E402
from provenance.drift import detect_drift, summarize  # noqa: E402
from provenance.glossary import Glossary, default_glossary  # noqa: E402
from provenance.model import Article, Finding, Sentence  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
SEED_PAIRS = (("003", "000"), ("001", "004"), ("003", "002"), ("001", "000"), ("001", "003"),
              ("001", "002"))
#: the kinds a finding may carry to count for an injection of a kind
# a swapped outlet that is cited is reported once, as a changed source
ACCEPT = {"entity": {"entity", "attribution"}, "attribution": {"attribution"},
          "certainty": {"certainty"}, "negation": {"negation"}}


def article(lines: list[str], lang: str, id: str) -> Article:
    sentences, pos = [], 0
    for i, text in enumerate(lines):
        sentences.append(Sentence(i, text, pos, pos + len(text), lang))
        pos += len(text) + 1
    return Article(id=id, text="\n".join(lines), language=lang, sentences=sentences)


def run_pair(src: list[str], tgt: list[str], src_lang: str, tgt_lang: str, glossary: Glossary,
             id: str) -> tuple[list[Finding], int]:
    """Align with the real aligner and detect drift; returns findings and aligned units."""
    alignment = align(src, tgt, src_lang, tgt_lang, glossary=glossary)
    findings = detect_drift(article(src, src_lang, id + ":src"), article(tgt, tgt_lang, id),
                            alignment, glossary=glossary)
    units = sum(1 for link in alignment.links if link.src and link.tgt)
    return findings, units


def documents(limit: int | None) -> list[tuple[str, Path, str, str, str, str]]:
    """(pair, folder, src file, tgt file, src lang, tgt lang) for injection."""
    docs = []
    for pair, src, tgt, src_lang, tgt_lang in (("en-zh", "en.txt", "zh.a.txt", "en", "zh-cn"),
                                               ("uk-en", "en.a.txt", "uk.txt", "en", "uk")):
        folders = sorted(p for p in (PARALLEL / pair).iterdir() if p.is_dir())
        for folder in folders[:limit]:
            docs.append((pair, folder, src, tgt, src_lang, tgt_lang))
    return docs


def _hit(f: Finding, inj: Injection) -> bool:
    if inj.kind == "omission":
        return f.kind == "omission" and inj.src in f.src
    if inj.kind == "addition":
        return f.kind == "addition" and inj.tgt in f.tgt
    return f.kind in ACCEPT.get(inj.kind, {inj.kind}) and inj.tgt in f.tgt


def injected(limit: int | None, glossary: Glossary) -> None:
    recall: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    recall_major: dict[str, int] = Counter()
    by_pair: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    new_findings = matched_findings = 0
    misses: dict[str, list[str]] = defaultdict(list)
    docs = documents(limit)
    for pair, folder, src_file, tgt_file, src_lang, tgt_lang in docs:
        src, tgt = read_lines(folder / src_file), read_lines(folder / tgt_file)
        others = [d for d in docs if d[0] == pair and d[1] != folder]
        filler = [line for d in others[:2] for line in read_lines(d[1] / d[3])[3:6]]
        base_findings, _ = run_pair(src, tgt, src_lang, tgt_lang, glossary, folder.name)
        baseline = Counter((f.kind, f.message) for f in base_findings)
        for kind in KINDS:
            new_tgt, injections = inject(kind, folder.name, src, tgt, src_lang, tgt_lang,
                                         filler=filler, glossary=glossary)
            if not injections:
                continue
            findings, _ = run_pair(src, new_tgt, src_lang, tgt_lang, glossary, folder.name)
            seen = Counter(baseline)
            created = []
            for f in findings:
                if seen[(f.kind, f.message)] > 0:
                    seen[(f.kind, f.message)] -= 1
                else:
                    created.append(f)
            new_findings += len(created)
            matched_findings += sum(1 for f in created if any(_hit(f, i) for i in injections))
            for inj in injections:
                hits = [f for f in findings if _hit(f, inj)]
                recall[kind][1] += 1
                by_pair[(pair, kind)][1] += 1
                if hits:
                    recall[kind][0] += 1
                    by_pair[(pair, kind)][0] += 1
                    if any(f.severity != "minor" for f in hits):
                        recall_major[kind] += 1
                elif len(misses[kind]) < 6:
                    misses[kind].append(f"    {pair} {folder.name} line {inj.src}/{inj.tgt}: "
                                        f"{inj.detail[:90]}")
    print("\n== Injected drift: recall per kind (found / injected), share found at major+")
    for kind in KINDS:
        found, total = recall[kind]
        if total:
            cells = "  ".join(f"{p}: {by_pair[(p, kind)][0]}/{by_pair[(p, kind)][1]}"
                              for p in ("en-zh", "uk-en") if by_pair[(p, kind)][1])
            print(f"  {kind:12s} {found:3d}/{total:3d} = {found / total:.2f}   "
                  f"major+ {recall_major[kind] / total:.2f}   ({cells})")
    if new_findings:
        print(f"  precision (findings created by injection that point at an injected line): "
              f"{matched_findings}/{new_findings} = {matched_findings / new_findings:.2f}")
    for kind, lines in misses.items():
        print(f"  missed {kind} (first {len(lines)}):")
        print("\n".join(lines))


def faithful(limit: int | None, glossary: Glossary) -> None:
    print("\n== False alarms on faithful pairs: findings per 100 aligned sentence pairs")
    setups = (("en-zh", "en.txt", "zh.a.txt", "en", "zh-cn"),
              ("en-zh", "en.txt", "zh.b.txt", "en", "zh-cn"),
              ("en-zh", "zh.a.txt", "zh.b.txt", "zh-cn", "zh-cn"),
              ("uk-en", "en.a.txt", "uk.txt", "en", "uk"))
    total_major = total_units = 0
    for pair, src_file, tgt_file, src_lang, tgt_lang in setups:
        folders = sorted(p for p in (PARALLEL / pair).iterdir() if p.is_dir())[:limit]
        summaries = []
        examples: list[str] = []
        for folder in folders:
            src, tgt = read_lines(folder / src_file), read_lines(folder / tgt_file)
            findings, units = run_pair(src, tgt, src_lang, tgt_lang, glossary, folder.name)
            summaries.append(summarize(findings, sentence_pairs=units))
            examples += [f"    {folder.name} [{f.kind}/{f.severity}] {f.message[:110]}"
                         for f in findings if f.severity != "minor"][:2]
        from provenance.drift import DriftSummary

        s = DriftSummary.combine(summaries)
        total_major += s.severities["major"] + s.severities["critical"]
        total_units += s.sentence_pairs
        major = s.severities["major"] + s.severities["critical"]
        print(f"  {src_file[:-4]} vs {tgt_file[:-4]} ({pair}, {s.sentence_pairs} pairs): "
              f"major+ {100 * major / max(1, s.sentence_pairs):.1f}  all {s.per_100():.1f}")
        for kind, row in s.to_dict()["by_kind"].items():
            per = {sev: 100 * row[sev] / max(1, s.sentence_pairs) for sev in
                   ("minor", "major", "critical")}
            print(f"      {kind:12s} minor {per['minor']:5.1f}  major {per['major']:5.1f}  "
                  f"critical {per['critical']:5.1f}")
        if examples:
            print("    major+ examples:")
            print("\n".join(examples[:8]))
    print(f"  overall major+ per 100 faithful pairs: {100 * total_major / max(1, total_units):.2f}")


def seeds(glossary: Glossary) -> None:
    from provenance.corpus import load_corpus

    print("\n== Seeds")
    by_prefix = {p.name[:3]: p for p in sorted((REPO / "seeds").glob("*.md"))}
    for a, b in SEED_PAIRS:
        src, tgt = load_corpus([by_prefix[a]])[0], load_corpus([by_prefix[b]])[0]
        alignment = align([s.text for s in src.sentences], [s.text for s in tgt.sentences],
                          src.lang, tgt.lang, glossary=glossary)
        findings = detect_drift(src, tgt, alignment, glossary=glossary)
        s = summarize(findings)
        print(f"-- {a} vs {b}: {s.total} findings, score {s.score}, "
              f"{dict(s.severities)}")
        for f in findings:
            if f.severity != "minor" or f.kind in ("relation", "term", "date", "number"):
                print(f"   [{f.kind}/{f.severity}] src {list(f.src)} tgt {list(f.tgt)}: "
                      f"{f.message[:150]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="5 documents per language pair")
    parser.add_argument("--seeds", action="store_true", help="only the seed findings")
    args = parser.parse_args()
    glossary = default_glossary()
    limit = 5 if args.quick else None
    started = time.perf_counter()
    if not args.seeds:
        injected(limit, glossary)
        faithful(limit, glossary)
    seeds(glossary)
    print(f"\n({time.perf_counter() - started:.0f} s)")


if __name__ == "__main__":
    main()
