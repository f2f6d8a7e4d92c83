"""A careful reader's ground truth for a relay cluster, read from its TRUTH.md.

Each cluster folder in ../shared/data/relays/ holds one article per ``*.md`` file and a
``TRUTH.md`` with tables: the articles (file, language, kind, sources cited, verdict),
the drift items (article, type, the original's words, the relay's words, confidence),
boilerplate lines per article, and the faithful articles. This module parses those
tables into dataclasses; the scoring lives in ``benchmarks/relays.py``.

Nothing here knows the stories: every rule is about the TRUTH.md format.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

RELAYS = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "relays"

# "..." and “...” quotes inside a table cell (the relay's or the original's words)
_QUOTE = re.compile(r'"([^"]+)"|“([^”]+)”|\'([^\']{6,})\'')
_PAREN = re.compile(r"\([^()]*\)")


@dataclass
class TruthArticle:
    number: int
    file: str  # file name inside the cluster folder
    host: str
    lang: str  # as TRUTH writes it: en, en-GB, zh-Hans, zh-Hant, ko, uk, ru, de
    kind: str  # original, copy, translation, re-report, summary (first word)
    sources_text: str
    verdict: str
    sources: list[str] = field(default_factory=list)  # named sources, in order
    chain: list[str] = field(default_factory=list)  # upstream first, without the article

    @property
    def stem(self) -> str:
        return self.file.removesuffix(".md")


@dataclass
class DriftItem:
    id: str
    article: str  # the short name TRUTH uses ("dailymail", "babel.ua/en")
    type: str
    original: str
    relay: str
    confidence: str
    files: list[str] = field(default_factory=list)  # resolved article files

    @property
    def scored(self) -> bool:
        """TRUTH says: score on sure + likely; report unsure separately."""
        return "unsure" not in self.confidence.lower()

    @property
    def relay_quotes(self) -> list[str]:
        return quotes(self.relay)

    @property
    def original_quotes(self) -> list[str]:
        return quotes(self.original)

    @property
    def families(self) -> set[str]:
        """The type vocabulary's words ("hedge (dropped) + generalization" -> hedge, ...)."""
        words = re.split(r"[^a-z]+", _PAREN.sub(" ", self.type.lower()))
        return {w for w in words if w}


@dataclass
class KeyFact:
    """One of the original's facts (TRUTH's R-table): what the consensus should read."""

    id: str
    text: str
    provenance: str

    @property
    def key_words(self) -> list[str]:
        """The bold words (what the fact turns on), else its quotes."""
        bold = [b.strip(" ,.;") for b in re.findall(r"\*\*([^*]+)\*\*", self.text)]
        return [b for b in bold if b] or quotes(self.text)


@dataclass
class Truth:
    folder: Path
    articles: list[TruthArticle]
    drift: list[DriftItem]
    boilerplate: dict[str, list[str]]  # file -> quoted boilerplate lines
    faithful: list[str]  # files
    mostly_faithful: list[str]
    facts: list[KeyFact] = field(default_factory=list)

    def article_files(self) -> list[Path]:
        return [self.folder / a.file for a in self.articles]

    def by_file(self, file: str) -> TruthArticle:
        return next(a for a in self.articles if a.file == file)


def quotes(cell: str) -> list[str]:
    """The quoted words in a cell, without markdown bold, split at ellipses and at the
    paragraph breaks TRUTH writes as ``\\n`` ("$ 1.\\n\\n8 billion": two sentences)."""
    found = []
    for m in _QUOTE.finditer(cell.replace("**", "")):
        text = next(g for g in m.groups() if g)
        found += [part.strip() for part in re.split(r"\.\.\.|…|(?:\\n)+", text)
                  if part.strip()]
    return found


def _rows(section: str) -> list[list[str]]:
    rows = []
    for line in section.splitlines():
        if not line.startswith("|") or set(line) <= set("|-: "):
            continue
        cells = [c.strip() for c in line.strip().strip("|").split(" | ")]
        rows.append(cells)
    return rows[1:]  # the header


def _sections(text: str) -> dict[str, str]:
    parts = re.split(r"^## ", text, flags=re.M)
    return {p.split("\n", 1)[0].strip().lower(): p.split("\n", 1)[1] if "\n" in p else ""
            for p in parts[1:]}


# Sources that TRUTH lists but that are not sources of the story's information.
_NOT_SOURCES = re.compile(r"photo|image credit|screenshot|byline|link|\bpost\b", re.I)
_UNNAMED = re.compile(r"^(two|three|several|\"?journalists|sources?|officials|western|"
                      r"individuals|its own sources|\d)", re.I)


def _named_sources(cell: str) -> tuple[list[str], list[str]]:
    """(named sources in order, relay chain upstream-first) from the sources column."""
    text = cell.replace("**", "")
    chain: list[str] = []
    if "←" in text:
        body = text.split("chain:", 1)[-1]
        links = [re.sub(r"\(.*", "", part).strip(" ;:【】\"") for part in
                 body.split(";")[0].split("←")]
        links = [x for x in links if x]
        chain = list(reversed(links[1:] if links and "." in links[0] else links))
    named: list[str] = []
    for part in re.split(r";|\+|←|→|,(?![^()]*\))", _PAREN.sub("", text)):
        part = part.strip(" \"'“”【】")
        part = part.removeprefix("chain:").strip()
        if not part or _NOT_SOURCES.search(part) or _UNNAMED.search(part):
            continue
        if re.fullmatch(r"[\w.-]+\.(com|net|org|ua|kr|cn|tw|ru|info|news|media)", part):
            continue  # the article's own host at the head of a chain
        if "(" in part or len(part) > 40 or part.lower().startswith(("other ", "kremlin and")):
            continue
        named.append(part)
    return list(dict.fromkeys(named)), chain


def _resolve(short: str, files: list[str]) -> list[str]:
    """Files a drift item's article name points to ("kriminal-tv / fun.my.ua" -> two)."""
    out = []
    for name in re.split(r"\s*/\s+|\s+/\s*", short):
        key = _PAREN.sub("", name).strip().split("/")[0].strip().lower()
        key = key.removesuffix("(zh)").strip()
        hits = [f for f in files if key and key in f.lower()]
        out += hits[:1]
    return out


def load_truth(folder: Path) -> Truth:
    text = (folder / "TRUTH.md").read_text(encoding="utf-8")
    sections = _sections(text)
    articles = []
    for cells in _rows(sections["articles"]):
        if len(cells) < 7 or not cells[0].isdigit():
            continue
        named, chain = _named_sources(cells[5])
        articles.append(TruthArticle(int(cells[0]), cells[1], cells[2], cells[3],
                                     cells[4].split()[0], cells[5], cells[6], named, chain))
    files = [a.file for a in articles]
    drift = []
    for cells in _rows(sections["drift items"]):
        if len(cells) < 6 or not re.fullmatch(r"[A-Z]\d+", cells[0]):
            continue
        item = DriftItem(cells[0], cells[1], cells[2], cells[3], cells[4], cells[5])
        item.files = _resolve(item.article, files)
        drift.append(item)
    boilerplate: dict[str, list[str]] = {}
    key = next(k for k in sections if k.startswith("boilerplate"))
    for line in sections[key].splitlines():
        m = re.match(r"- ([^:]+):", line)
        if m:
            for f in _resolve(m.group(1), files):
                boilerplate[f] = quotes(line)
    faithful, mostly = [], []
    for line in sections.get("faithful articles", "").splitlines():
        if line.startswith("- "):
            stem = line[2:].split()[0].rstrip(":")
            faithful += [f for f in files if f.startswith(stem)]
        elif line.lower().startswith("mostly faithful"):
            names = line.split(":", 1)[1]
            mostly += [f for n in names.split(",") for f in _resolve(n.strip(" ."), files)]
    facts = []
    original = next((v for k, v in sections.items() if k.startswith("original")), "")
    for cells in _rows(original):
        if len(cells) >= 3 and re.fullmatch(r"R\d+", cells[0]):
            facts.append(KeyFact(cells[0], cells[1], cells[2]))
    return Truth(folder, articles, drift, boilerplate, faithful, mostly, facts)


def clusters(root: Path = RELAYS) -> list[Path]:
    return sorted(p for p in root.iterdir() if (p / "TRUTH.md").is_file())
