"""`glossary suggest --concepts` on the real relay clusters: are the top proposals real
concepts with the right forms?

    python benchmarks/glossary_suggest.py [--top 20]

Each cluster of ``../shared/data/relays`` is mined twice:

1. **from an empty glossary**, as a user starting their own: every name is new, so the
   top proposals can be checked against the bundled glossary, which a person wrote. A
   proposal is *confirmed* when its English name is a bundled concept and its foreign
   forms are that concept's (a form the bundled glossary reads as another concept, or
   as nothing, is listed as unconfirmed: a new spelling or a mistake, for a reader to
   judge); proposals the bundled glossary does not know are listed too.
2. **with the bundled glossary**: what is left to propose (new concepts and new
   variants of known ones), printed for reading.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "benchmarks")]

from relay_truth import clusters, load_truth  # noqa: E402

from provenance.glossary import Glossary, default_glossary  # noqa: E402
from provenance.glossary.mining import ConceptProposal, mine_concepts  # noqa: E402

#: glossary language -> an article language the matcher reads it as
ARTICLE_LANG = {"zh-Hans": "zh-cn", "zh-Hant": "zh-tw"}


def mine(files: list[str], glossary_dir: Path | None, top: int) -> list[ConceptProposal]:
    from provenance.pipeline import analyze_corpus

    paths = [glossary_dir] if glossary_dir else None
    glossary = Glossary.load(paths) if paths else default_glossary()
    analysis = analyze_corpus(files, glossary_paths=paths, glossary=glossary)
    return mine_concepts(analysis, glossary)[:top]


def concept_of(text: str, lang: str, glossary: Glossary) -> str | None:
    """The bundled concept that ``text`` is entirely a form of, if any."""
    matches = glossary.match(text, ARTICLE_LANG.get(lang, lang))
    if len(matches) == 1 and matches[0].end - matches[0].start >= len(text.strip()) - 1:
        return matches[0].concept_id
    return None


def judge(p: ConceptProposal, bundled: Glossary) -> tuple[str, list[str]]:
    """("confirmed" | "unconfirmed forms" | "unknown", forms the bundled glossary does
    not read as the proposal's concept)."""
    concept = next((c for c in (concept_of(e, "en", bundled) for e in p.english) if c), None)
    if concept is None:
        return "unknown", []
    odd = [f"{lang}={form}" for lang, forms in p.forms.items() for form in forms
           if concept_of(form, lang, bundled) != concept]
    return ("confirmed" if not odd else "unconfirmed forms"), odd


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--top", type=int, default=20)
    args = parser.parse_args()
    os.environ.setdefault("PROVENANCE_HOME", tempfile.mkdtemp(prefix="suggest-"))
    bundled = default_glossary()
    with tempfile.TemporaryDirectory() as tmp:
        empty = Path(tmp) / "glossary"
        empty.mkdir()
        (empty / "empty.yaml").write_text("concepts: []\n", encoding="utf-8")
        for folder in clusters():
            files = [str(p) for p in load_truth(folder).article_files()]
            proposals = mine(files, empty, args.top)
            verdicts = [judge(p, bundled) for p in proposals]
            confirmed = sum(v == "confirmed" for v, _ in verdicts)
            print(f"\n== {folder.name}: {len(files)} articles, from an empty glossary")
            print(f"top {len(proposals)}: {confirmed} confirmed by the bundled glossary, "
                  f"{sum(v == 'unconfirmed forms' for v, _ in verdicts)} with forms it "
                  f"reads otherwise, {sum(v == 'unknown' for v, _ in verdicts)} it does "
                  "not know")
            for p, (verdict, odd) in zip(proposals, verdicts, strict=True):
                forms = " | ".join(f"{lang}: {', '.join(f)}" for lang, f in p.forms.items())
                print(f"  {verdict:17} {p.id:24} [{p.category}] en: {', '.join(p.english)}"
                      f" | {forms}" + (f"   <- check {', '.join(odd)}" if odd else ""))
            left = mine(files, None, args.top)
            print(f"-- with the bundled glossary: {len(left)} proposal(s)")
            for p in left:
                forms = " | ".join(f"{lang}: {', '.join(f)}" for lang, f in p.forms.items())
                print(f"  {p.kind:8} {p.id:24} [{p.category}] "
                      f"{('en: ' + ', '.join(p.english) + ' | ') if p.english else ''}{forms}")


if __name__ == "__main__":
    main()
