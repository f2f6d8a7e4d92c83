"""Long article pairs that stress everything after alignment.

* ``dense_rereport(n)``: a short English original and an n-sentence re-report in which
  every sentence carries a number, a date and an attribution ("Blue Origin launched
  rocket number 17 on day 18 of June, the Wall Street Journal reported."): nearly every
  relay sentence is an addition full of anchors, the worst case for the steps that
  look for a counterpart of each unpaired sentence.
* ``news_pair(n)``: an ordinary n-sentence English–Chinese news pair, WMT documents
  joined in a fixed order (``../shared/data/parallel/en-zh``).

``write_corpus`` puts one pair in a folder as two Markdown articles, the way
``provenance report`` reads a corpus. The test suite imports this file for its
bounded-time test on the 5,000-sentence re-report.
"""

from __future__ import annotations

from pathlib import Path

PARALLEL = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "parallel"

def _launch(k: int, day: int | None = None) -> str:
    return (f"Blue Origin launched rocket number {k} on day {day or k % 28 + 1} of June, "
            "the Wall Street Journal reported.")


#: The short original: the first launches (one day misreported in the long re-report)
#: and a sentence the re-report leaves out. The long re-report becomes the reference
#: (the fuller English account), so nearly all its sentences are unpaired omissions.
ORIGINAL = " ".join([_launch(1), "SpaceX filed a lawsuit in Texas on Monday.", _launch(2),
                     _launch(3, day=9), _launch(4)])


def dense_rereport(sentences: int) -> tuple[str, str]:
    """(original text, re-report text): the re-report has ``sentences`` sentences."""
    return ORIGINAL, " ".join(_launch(k) for k in range(1, sentences + 1))


def news_pair(sentences: int) -> tuple[list[str], list[str]]:
    """(English lines, Chinese lines), line i translating line i, at least
    ``sentences`` lines (whole documents, repeated when the data runs out)."""
    docs = sorted(d for d in (PARALLEL / "en-zh").iterdir() if d.is_dir())
    en: list[str] = []
    zh: list[str] = []
    while len(en) < sentences:
        for doc in docs:
            src = (doc / "en.txt").read_text(encoding="utf-8").splitlines()
            tgt = (doc / "zh.a.txt").read_text(encoding="utf-8").splitlines()
            if len(src) != len(tgt):
                continue
            for s, t in zip(src, tgt, strict=True):
                if s.strip() and t.strip():
                    en.append(s.strip())
                    zh.append(t.strip())
            if len(en) >= sentences:
                break
    return en, zh


def write_corpus(folder: Path, original: tuple[str, str], relay: tuple[str, str],
                 published: str = "2025-06-20") -> Path:
    """A corpus folder with ``original`` and ``relay`` as (language, text) articles."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, (lang, text) in (("original", original), ("relay", relay)):
        (folder / f"{name}.md").write_text(
            f"---\nlanguage: {lang}\ndate: {published}\n---\n{text}\n", encoding="utf-8")
    return folder
