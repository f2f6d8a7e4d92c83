"""What the tool finds on real relay clusters, scored against a careful reader's TRUTH.md.

    python benchmarks/relays.py [--cluster NAME] [--jobs N] [-v] [--json OUT]

For each cluster in ../shared/data/relays/ the whole pipeline runs on the cluster's
article files (a cold store), then prints:

* languages: detected language against TRUTH's (zh-Hans = zh-cn, zh-Hant = zh-tw, en-GB = en);
* reference: the article the relays were compared with, and whether TRUTH lists it as faithful;
* cited sources: recall and precision of named sources against benchmarks/relay_sources.yaml
  (TRUTH's sources column, read by hand), and relay-chain recall;
* in-corpus edges: recall and precision of the derivation edges between two articles of
  the cluster against the copies and twins TRUTH's kind column names (``derives_from``,
  ``same_text_as`` in relay_sources.yaml; edges from TRUTH's original, the WSJ text
  itself, and from ``unsure_from`` articles are neither right nor wrong);
* drift: recall of TRUTH's drift items (sure + likely; unsure reported apart), overall,
  at major-or-critical severity, and per TRUTH type; major/critical findings per faithful
  article (false alarms; the reference itself excluded); major/critical findings that match
  no TRUTH item;
* boilerplate: TRUTH's boilerplate lines set aside vs kept as article text, the blocks set
  aside that TRUTH does not quote, and the body lines lost: lines set aside that are
  neither a TRUTH quote nor a line TRUTH describes (benchmarks/relay_boilerplate.yaml);
  benchmarks/boilerplate.py scores the same line by line, without the analysis;
* claim pairs: the drift detectors on the pairs a claim-by-claim collation gives them,
  whatever the article-level alignment found: for each TRUTH item quoting the relay, the
  relay sentence holding the quote against the reference sentence holding the original's
  words, or (the references are truncated excerpts) against the original's words as TRUTH
  quotes them, one aligned unit, every detector run (``detect_drift``). It measures what
  the detectors can see; the drift recall above, what the whole analysis reports.

A drift item is found when the pair analysis of its article holds a finding of a
compatible kind (see ``KINDS_FOR``) that quotes the relay's words TRUTH quotes (its span
inside them or holding them), or, for a finding with no relay side (an omission), quotes
the original's words in the reference. A finding merely near the drift does not count.

An attribution item whose relay side has no quote found in the article (TRUTH describes
it: "no credit to Euromaidan Press", "the WSJ is not named anywhere") is found when a pair
finding of kind attribution on that article names, in its message or evidence, an outlet
the item's original cell names: the alias lists of relay_sources.yaml it mentions ("WSJ"
-> The Wall Street Journal, "Huanqiu" -> Global Times, 环球网...), else its capitalised
phrases ("Euromaidan Press", "Kyiv Independent"). A finding merely on that article, or
a departure from the consensus, is not enough.

Drift that changes a value or a wording (TWO_SIDED) needs a finding quoting both sides;
for a name item, the other side may be the glossary's form of the same concept (the
finding's evidence says ``compared_with: glossary``, as for "Jan Bremmer" where the
reference never names Ian Bremmer), and the finding must then quote the relay's words
TRUTH quotes.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import tempfile
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "benchmarks")]

from relay_truth import DriftItem, KeyFact, Truth, clusters, load_truth  # noqa: E402

from provenance.model import CorpusAnalysis, Finding  # noqa: E402

SOURCES_FILE = Path(__file__).with_name("relay_sources.yaml")

#: TRUTH's type words -> the finding kinds that report such a drift
KINDS_FOR: dict[str, set[str]] = {
    "number": {"number", "quantifier"},
    "date": {"date"},
    "name": {"entity", "term"},
    "title": {"term", "entity"},
    "term": {"term", "entity"},
    "attribution": {"attribution"},
    "hedge": {"certainty"},
    "certainty": {"certainty"},
    "relation": {"relation"},
    # "current and former officials" made "former officials" is a quantifier on who the
    # sources are: TRUTH files it as quantifier (D16, D28) and as quantifier/attribution
    # (D3); the tool reports it as attribution ("who the sources are changed"). A list's
    # "and" made "or" (all of them -> any one of them) is filed as quantifier too (T63);
    # the tool reports it as relation ("list joined otherwise")
    "quantifier": {"quantifier", "number", "certainty", "attribution", "relation"},
    "agency": {"relation", "entity"},
    "omission": {"omission", "entity"},
    "addition": {"addition", "entity"},  # as omission: a name brought in is an addition
    "framing": {"term", "addition", "relation", "entity"},
    "label": {"term", "addition", "relation", "entity"},
    "polarity": {"negation", "relation"},
    "generalization": {"entity", "term"},
    "specificity": {"entity", "term", "relation"},
    "conflation": {"relation"},
    "approximation": {"date", "number"},
    "garble": set(),  # any kind
}
#: a change of value or wording: the finding must quote both sides
TWO_SIDED = {"number", "date", "name", "title", "term", "quantifier", "generalization",
             "specificity", "agency", "approximation"}
#: drift that shows on one side only (a hedge or a source dropped or added)
ONE_SIDED_OK = {"hedge", "certainty", "attribution", "polarity", "relation", "framing",
                "label", "addition", "omission", "garble"}
MAJOR = ("major", "critical")
_NORM = re.compile(r"[\s\"'“”‘’«»「」『』《》()\[\]*.,:;!?、，。：；！？…-]+")


def norm(text: str) -> str:
    return _NORM.sub("", text).casefold()


def words(text: str) -> str:
    """Casefolded words, punctuation and quotes dropped, spaces kept."""
    return " ".join(re.findall(r"\w+", text.casefold()))


@dataclass
class DriftScore:
    item: DriftItem
    anchored: bool  # the quoted words were found in the article
    hit: Finding | None = None

    @property
    def found(self) -> bool:
        return self.hit is not None


@dataclass
class ClusterResult:
    name: str
    seconds: float
    lang_right: int = 0
    lang_total: int = 0
    lang_wrong: list[str] = field(default_factory=list)
    reference: str | None = None
    reference_faithful: bool = False
    src_tp: int = 0
    src_expected: int = 0
    src_predicted: int = 0
    src_fp: list[str] = field(default_factory=list)
    src_missed: list[str] = field(default_factory=list)
    chain_found: int = 0
    chain_total: int = 0
    edge_expected: int = 0
    edge_found: int = 0
    edge_predicted: int = 0
    edge_right: int = 0
    edge_neutral: int = 0
    edge_missed: list[str] = field(default_factory=list)
    edge_wrong: list[str] = field(default_factory=list)
    drift: list[DriftScore] = field(default_factory=list)
    faithful_majors: dict[str, int] = field(default_factory=dict)
    unmatched_majors: list[tuple[str, Finding]] = field(default_factory=list)
    findings_total: int = 0
    majors_total: int = 0
    bp_removed: int = 0
    bp_kept: list[str] = field(default_factory=list)
    bp_unlisted: list[str] = field(default_factory=list)
    bp_lost: list[str] = field(default_factory=list)
    claim_pairs: list[DriftScore] = field(default_factory=list)
    claims: ClaimsCheck | None = None
    without_reference: str = ""


def _lang_ok(truth_lang: str, ours: str) -> bool:
    t, o = truth_lang.lower(), ours.lower()
    if t.startswith("zh-hans"):
        return o in ("zh-cn", "zh-hans", "zh-sg")
    if t.startswith("zh-hant"):
        return o in ("zh-tw", "zh-hant", "zh-hk")
    return t.split("-")[0] == o.split("-")[0]


def _sentences_with(texts: list[str], quotes: list[str]) -> set[int]:
    from rapidfuzz import fuzz

    found = set()
    for q in quotes:
        nq = norm(q)
        if len(nq) < 3:
            continue
        for i, text in enumerate(texts):
            nt = norm(text)
            if nq in nt or (len(nq) >= 12 and fuzz.partial_ratio(nq, nt) >= 90):
                found.add(i)
    return found


def _overlaps(spans: list[str], words: list[str]) -> bool:
    """A finding quotes the item's words: one holds the other (at least two characters)."""
    return any(len(a) >= 2 and len(b) >= 2 and (a in b or b in a) for a in spans for b in words)


def _keywords(cell: str) -> list[str]:
    """Capitalised words of a description cell (for items TRUTH describes, not quotes)."""
    return [w for w in re.findall(r"\b[A-Z][a-z]{3,}\b", cell) if w not in ("None", "Later")]


def _kind_ok(item: DriftItem, finding: Finding) -> bool:
    allowed: set[str] = set()
    for family in item.families:
        if family == "garble":
            return True
        allowed |= KINDS_FOR.get(family, set())
    return finding.kind in allowed


def _candidates(article_id: str, analysis: CorpusAnalysis, departures: bool
                ) -> list[tuple[Finding, list[str], list[str], bool]]:
    """(finding, relay texts, source-side texts, is a departure) for an article: its pair
    findings against the reference, then (with ``departures``) its departures from the
    consensus, whose source side is the consensus reading's article."""
    relay = analysis.article(article_id)
    tgt_texts = [s.text for s in relay.sentences]
    out = []
    pair = analysis.pair_for(article_id)
    if pair is not None:
        src_texts = [s.text for s in analysis.article(pair.reference_id).sentences]
        out += [(f, tgt_texts, src_texts, False) for f in pair.findings]
    if departures and analysis.collation is not None:
        for d in analysis.collation.departures_of(article_id, duplicates=True):
            src_texts = [s.text for s in analysis.article(d.consensus_article).sentences]
            out.append((d.finding, tgt_texts, src_texts, True))
    return out


def _score_item(item: DriftItem, analysis: CorpusAnalysis, file_to_id: dict[str, str],
                departures: bool = True, only_departures: bool = False,
                shown: set[int] | None = None) -> DriftScore:
    """``only_departures``: the departures alone, and with ``shown`` (ids of pair
    findings the claims table shows) those pair findings too."""
    best: DriftScore | None = None
    for file in item.files:
        article_id = file_to_id.get(file)
        if article_id is None:
            continue
        found = _candidates(article_id, analysis, departures)
        if only_departures:
            found = [c for c in found if c[3] or id(c[0]) in (shown or ())]
        if not found and analysis.pair_for(article_id) is None:
            continue
        relay = analysis.article(article_id)
        pair = analysis.pair_for(article_id)
        reference = analysis.article(pair.reference_id if pair else analysis.reference_id)
        tgt_texts = [s.text for s in relay.sentences]
        src_texts = [s.text for s in reference.sentences]
        tgt_anchor = _sentences_with(tgt_texts, item.relay_quotes)
        src_anchor = _sentences_with(src_texts, item.original_quotes)
        described = not item.relay_quotes
        if described and "addition" in item.families:
            words = _keywords(item.relay)
            tgt_anchor = {i for i, t in enumerate(tgt_texts) if any(w in t for w in words)}
        if described and "omission" in item.families and not src_anchor:
            words = _keywords(item.original)
            src_anchor = {i for i, t in enumerate(src_texts) if any(w in t for w in words)}
        score = DriftScore(item, bool(tgt_anchor or src_anchor))
        if "attribution" in item.families and not tgt_anchor:
            outlets = _item_outlets(item)
            hit = next((f for f, _, _, departure in found if not departure
                        and f.kind == "attribution" and _names_any(f, outlets)), None)
            if hit is not None:
                score.hit = hit
                return score
        formatting = "format" in item.type.casefold()
        relay_words = [norm(q) for q in item.relay_quotes] or [norm(tgt_texts[j])
                                                                for j in tgt_anchor]
        source_words = [norm(q) for q in item.original_quotes] or [norm(src_texts[i])
                                                                    for i in src_anchor]
        for f, _, consensus_texts, departure in sorted(found, key=lambda c: -c[0].weight):
            if not _kind_ok(item, f):
                continue
            spans = ([(i, s, e) for i, s, e in f.evidence.get("consensus_spans", [])]
                     if departure else f.src_spans)
            quoted_relay = [norm(tgt_texts[j][s:e]) for j, s, e in f.tgt_spans
                            if j in tgt_anchor]
            if _against_glossary(item, f, departure) and not spans:
                # the other side is the glossary's form of the same person: the finding
                # must quote the very words TRUTH quotes from the relay
                if _overlaps(quoted_relay, [norm(q) for q in item.relay_quotes]):
                    score.hit = f
                    break
                continue
            if item.families & TWO_SIDED and not item.families & ONE_SIDED_OK and not (
                    spans and f.tgt_spans) and not (formatting and f.tgt_spans):
                # "X has no counterpart" does not explain a changed value; a slip of form
                # ("date (format)": 4月2021) is the relay's words alone
                continue
            if departure:
                # the consensus reading is another article's: its words against the
                # original's as TRUTH quotes them
                quoted_source = [norm(consensus_texts[i][s:e]) for i, s, e in spans]
                source_ok = bool(set(f.tgt) & tgt_anchor) and _overlaps(
                    quoted_source, [norm(q) for q in item.original_quotes])
            else:
                # TRUTH may quote the original with words left out ("potential concerns
                # among some in ..."): unanchored, any sentence's words may match them
                quoted_source = [norm(src_texts[i][s:e]) for i, s, e in spans
                                 if i in src_anchor or not src_anchor]
                # what a relay leaves out has no words of its own to anchor: the
                # finding's relay side is then whatever it was aligned with
                # and a name the relay states nowhere is left out whatever its rendering
                # of that sentence was aligned with
                unanchorable = (not tgt_anchor and not item.relay_quotes) or (
                    f.evidence.get("change") == "article_facts" and not f.tgt_spans)
                source_ok = (not f.tgt or unanchorable or bool(set(f.tgt) & tgt_anchor)
                             ) and _overlaps(quoted_source, source_words)
            if _overlaps(quoted_relay, relay_words) or source_ok:
                score.hit = f
                break
        if best is None or (score.found and not best.found):
            best = score
    return best or DriftScore(item, False)


def _item_outlets(item: DriftItem) -> list[str]:
    """The outlet names an attribution item's original cell gives: the alias lists of
    relay_sources.yaml it mentions, else its capitalised phrases."""
    cell = item.original.replace("**", "")
    found = [a for aliases in _alias_lists()
             if any(re.search(rf"(?<!\w){re.escape(a)}(?!\w)", cell) for a in aliases)
             for a in aliases]
    if found:
        return found
    return [p for p in re.findall(r"[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)*", cell) if len(p) >= 4]


def _names_any(finding: Finding, outlets: list[str]) -> bool:
    """Whether the finding's message or evidence names one of the outlets."""
    text = finding.message + " " + json.dumps(finding.evidence, ensure_ascii=False)
    return any(re.search(rf"(?<!\w){re.escape(o)}(?!\w)", text, re.IGNORECASE)
               for o in outlets)


@cache
def _alias_lists() -> list[list[str]]:
    """Every alias list of relay_sources.yaml, of every cluster."""
    lists: list[list[str]] = []
    for cluster in _load_sources().values():
        if not isinstance(cluster, dict):
            continue
        for spec in cluster.values():
            for key in ("cites", "optional"):
                for aliases in spec.get(key, []) or []:
                    if list(aliases) not in lists:
                        lists.append(list(aliases))
    return lists

def _against_glossary(item: DriftItem, finding: Finding, departure: bool) -> bool:
    """A name item's finding that compares the relay's form with the glossary's form of
    the same concept (the reference not naming the person): two-sided all the same."""
    return ("name" in item.families and not departure and bool(item.relay_quotes)
            and bool(finding.tgt_spans) and finding.evidence.get("compared_with") == "glossary"
            and bool(finding.evidence.get("concept")))


def _score_claim(item: DriftItem, analysis: CorpusAnalysis, file_to_id: dict[str, str]
                 ) -> DriftScore:
    """The item's relay sentence against its original words, as one aligned unit."""
    from provenance.drift import detect_drift
    from provenance.glossary import default_glossary
    from provenance.model import Alignment, Article, Link, PairAnalysis, Sentence
    from provenance.signature import Signature

    def one_sentence(aid: str, text: str, lang: str) -> Article:
        return Article(id=aid, text=text, language=lang,
                       sentences=[Sentence(0, text, 0, len(text), lang)])

    for file in item.files:
        article_id = file_to_id.get(file)
        pair = analysis.pair_for(article_id) if article_id else None
        if pair is None or not item.relay_quotes:
            continue
        relay = analysis.article(pair.relay_id)
        reference = analysis.article(pair.reference_id)
        tgt_texts = [s.text for s in relay.sentences]
        tgt_anchor = sorted(_sentences_with(tgt_texts, item.relay_quotes))
        if not tgt_anchor:
            continue
        src_anchor = sorted(_sentences_with([s.text for s in reference.sentences],
                                            item.original_quotes))
        if src_anchor:
            src_text = " ".join(reference.sentences[i].text for i in src_anchor[:2])
        else:
            # the original's words as TRUTH quotes them (the reference lacks them)
            src_text = " … ".join(item.original_quotes) or item.original.replace("**", "")
        tgt_text = " ".join(tgt_texts[j] for j in tgt_anchor[:2])
        src = one_sentence("claim:src", src_text, reference.lang)
        tgt = one_sentence("claim:tgt", tgt_text, relay.lang)
        alignment = Alignment(src.lang, tgt.lang, "monotonic", [Link((0,), (0,), 1.0)])
        findings = detect_drift(src, tgt, alignment, glossary=default_glossary())
        unit = CorpusAnalysis(Signature(), [src, tgt], {},
                              [PairAnalysis(src.id, tgt.id, alignment, findings)])
        score = _score_item(DriftItem(item.id, item.article, item.type, item.original,
                                      item.relay, item.confidence, [tgt.id]),
                            unit, {tgt.id: tgt.id})
        if score.found:
            return score
    return DriftScore(item, False)


def _load_sources() -> dict[str, dict[str, dict]]:
    from ruamel.yaml import YAML

    return YAML(typ="safe").load(SOURCES_FILE.read_text(encoding="utf-8"))


def _matches(predicted: str, aliases: list[str]) -> bool:
    p = predicted.casefold().removeprefix("the ").strip()
    for alias in aliases:
        a = alias.casefold().removeprefix("the ").strip()
        if p == a or (len(a) >= 4 and re.search(rf"(?<!\w){re.escape(a)}(?!\w)", p)) or (
                len(p) >= 4 and re.search(rf"(?<!\w){re.escape(p)}(?!\w)", a)):
            return True
    return False


def _aliases_of(name: str, alias_lists: list[list[str]]) -> list[str]:
    """The alias list a chain link belongs to ("WSJ" -> the WSJ's names), else the name."""
    for aliases in alias_lists:
        if any(a.casefold() == name.casefold() for a in aliases):
            return aliases
    return [name]


def _score_sources(result: ClusterResult, truth: Truth, analysis: CorpusAnalysis,
                   file_to_id: dict[str, str], expected: dict[str, dict]) -> None:
    for article in truth.articles:
        spec = expected.get(article.stem)
        prov = analysis.provenance.get(file_to_id[article.file])
        if spec is None or prov is None:
            continue
        required = [list(x) for x in spec.get("cites", [])]
        optional = [list(x) for x in spec.get("optional", [])]
        named = [s for s in prov.cited_sources() if not s.endswith(" unnamed")]
        result.src_expected += len(required)
        result.src_predicted += len(named)
        for aliases in required:
            if any(_matches(p, aliases) for p in named):
                result.src_tp += 1
            else:
                result.src_missed.append(f"{article.stem[:28]}: {aliases[0]}")
        for p in named:
            if not any(_matches(p, a) for a in required + optional):
                result.src_fp.append(f"{article.stem[:28]}: {p}")
            elif not any(_matches(p, a) for a in required):
                result.src_predicted -= 1  # optional: neither right nor wrong
        chain = spec.get("chain") or []
        if len(chain) >= 2:
            ours = [a.chain for a in prov.attributions if len(a.chain) >= 2]
            ours += [e.evidence.get("chain", []) for e in prov.derived_from]
            # a link is named as in TRUTH ("WSJ", "Huanqiu"): match it by all its aliases
            links = [_aliases_of(name, required + optional) for name in chain]
            for up, down in zip(links, links[1:], strict=False):
                result.chain_total += 1
                if any(any(_matches(x, up) and _matches(y, down)
                           for x, y in zip(c, c[1:], strict=False)) for c in ours):
                    result.chain_found += 1


def _score_edges(result: ClusterResult, truth: Truth, analysis: CorpusAnalysis,
                 file_to_id: dict[str, str], expected: dict[str, dict]) -> None:
    """In-corpus derivation edges against the copies and twins TRUTH names."""
    stem_of = {i: f.removesuffix(".md") for f, i in file_to_id.items()}
    originals = {a.stem for a in truth.articles if a.kind == "original"}
    directed: set[tuple[str, str]] = set()
    either: set[frozenset[str]] = set()
    unsure: set[tuple[str, str]] = set()
    for stem, spec in expected.items():
        directed |= {(up, stem) for up in spec.get("derives_from", [])}
        either |= {frozenset((other, stem)) for other in spec.get("same_text_as", [])}
        unsure |= {(up, stem) for up in spec.get("unsure_from", [])}
    predicted = {(stem_of[e.source], stem_of[p.article_id])
                 for p in analysis.provenance.values() for e in p.derived_from
                 if not e.external and e.source in stem_of}
    result.edge_expected = len(directed) + len(either)
    for up, down in sorted(directed):
        if (up, down) in predicted:
            result.edge_found += 1
        else:
            wrong_way = " (found the other way round)" if (down, up) in predicted else ""
            result.edge_missed.append(f"{down[:28]} <- {up[:28]}{wrong_way}")
    for pair in sorted(either, key=sorted):
        a, b = sorted(pair)
        if (a, b) in predicted or (b, a) in predicted:
            result.edge_found += 1
        else:
            result.edge_missed.append(f"{a[:28]} = {b[:28]}")
    for up, down in sorted(predicted):
        if up in originals or (up, down) in unsure or (down, up) in unsure:
            result.edge_neutral += 1
            continue
        result.edge_predicted += 1
        if (up, down) in directed or frozenset((up, down)) in either:
            result.edge_right += 1
        else:
            result.edge_wrong.append(f"{down[:28]} <- {up[:28]}")


def _score_boilerplate(result: ClusterResult, truth: Truth, analysis: CorpusAnalysis,
                       file_to_id: dict[str, str]) -> None:
    from boilerplate import SUPPLEMENT, overlaps
    from ruamel.yaml import YAML

    described = (YAML(typ="safe").load(SUPPLEMENT.read_text(encoding="utf-8")) or {}).get(
        truth.folder.name) or {}
    for file in sorted(file_to_id):
        lines = truth.boilerplate.get(file, [])
        article = analysis.article(file_to_id[file])
        removed = [b.text for b in article.boilerplate]
        body = [s.text for s in article.sentences]
        for line in lines:
            if len(norm(line)) < 3:
                continue
            if _sentences_with(body, [line]):
                result.bp_kept.append(f"{file[:28]}: {line[:60]}")
            elif _sentences_with(removed, [line]):
                result.bp_removed += 1
        for block in removed if file in truth.boilerplate else []:
            if not any(norm(line) and norm(line) in norm(block) or norm(block) in norm(line)
                       for line in lines):
                result.bp_unlisted.append(f"{file[:28]}: {block[:80]!r}")
        # line by line, against TRUTH's quotes and the lines it describes without quoting
        listed = lines + [str(x) for x in described.get(file.removesuffix(".md"), [])]
        for block in article.boilerplate:
            for line in block.text.split("\n"):
                if line.strip() and not any(overlaps(line, q) for q in listed):
                    result.bp_lost.append(f"{file[:28]}: [{block.reason}] {line[:80]}")


#: Sentence vectors kept between runs (they cost tens of ms each and never change);
#: the store is cold every run, so every result is computed afresh.
VECTORS_KEPT = Path(os.environ.get("PROVENANCE_BENCH_CACHE",
                                   Path.home() / ".cache" / "provenance-bench")) / "vectors.sqlite"


def _copy_sqlite(src: Path, dst: Path) -> None:
    import sqlite3

    if not src.exists():
        return
    dst.parent.mkdir(parents=True, exist_ok=True)
    with sqlite3.connect(src) as a, sqlite3.connect(dst) as b:
        a.backup(b)


def run_cluster(folder: Path, jobs: int) -> tuple[ClusterResult, CorpusAnalysis]:
    from provenance.paths import vector_cache_path
    from provenance.pipeline import analyze_corpus
    from provenance.store import Store

    truth = load_truth(folder)
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["PROVENANCE_HOME"] = tmp
        _copy_sqlite(VECTORS_KEPT, vector_cache_path())
        start = time.perf_counter()
        analysis = analyze_corpus([str(p) for p in truth.article_files()],
                                  store=Store(Path(tmp) / "store.sqlite"), workers=jobs)
        seconds = time.perf_counter() - start
        _copy_sqlite(vector_cache_path(), VECTORS_KEPT)
    result = ClusterResult(folder.name, seconds)
    file_to_id = {Path(a.source_path).name: a.id for a in analysis.articles if a.source_path}
    for t in truth.articles:
        ours = analysis.article(file_to_id[t.file]).lang
        result.lang_total += 1
        if _lang_ok(t.lang, ours):
            result.lang_right += 1
        else:
            result.lang_wrong.append(f"{t.file[:30]}: {t.lang} read as {ours}")
    ref = analysis.reference_id
    ref_file = next((f for f, i in file_to_id.items() if i == ref), None)
    result.reference = ref_file
    result.reference_faithful = ref_file in truth.faithful
    expected = _load_sources().get(folder.name, {})
    _score_sources(result, truth, analysis, file_to_id, expected)
    _score_edges(result, truth, analysis, file_to_id, expected)
    result.drift = [_score_item(item, analysis, file_to_id) for item in truth.drift]
    explained: set[int] = {id(s.hit) for s in result.drift if s.hit is not None}
    id_to_file = {i: f for f, i in file_to_id.items()}
    for article in analysis.articles:
        file = id_to_file[article.id]
        pair = analysis.pair_for(article.id)
        found = list(pair.findings) if pair else []
        # departures from the consensus count too, once: not those a pair finding reports
        found += [d.finding for d in (analysis.collation.departures_of(article.id)
                                      if analysis.collation else [])]
        if pair is None and not found:
            continue
        majors = [f for f in found if f.severity in MAJOR]
        result.findings_total += len(found)
        result.majors_total += len(majors)
        if file in truth.faithful:
            result.faithful_majors[file] = len(majors)
        result.unmatched_majors += [(file, f) for f in majors if id(f) not in explained]
    _score_boilerplate(result, truth, analysis, file_to_id)
    result.claim_pairs = [_score_claim(item, analysis, file_to_id) for item in truth.drift
                          if item.scored]
    result.claims = check_claims(truth, analysis, file_to_id)
    return result, analysis


@dataclass
class FactCheck:
    fact: KeyFact
    claim: str | None  # the claim id the fact is collated as
    witnesses: int
    reading: str  # the consensus reading (its English form when a witness gives one)
    found: list[str]  # the fact's key words that the consensus reading states
    departing: list[str]  # witnesses departing from the consensus on this claim


@dataclass
class ClaimsCheck:
    claims: int
    facts: list[FactCheck]
    listed: list[tuple[DriftItem, bool]]  # TRUTH drift item, its relay listed as departing
    departures: int = 0
    shared: list[str] = field(default_factory=list)
    # TRUTH drift item, its relay's reading marked in the claims table (a departure from
    # the consensus, or drift against the reference on the reading's sentences)
    marked: list[tuple[DriftItem, bool]] = field(default_factory=list)

    @property
    def right(self) -> int:
        return sum(1 for f in self.facts if f.claim and len(f.found) * 2 >= max(
            1, len(f.fact.key_words)))


def check_claims(truth: Truth, analysis: CorpusAnalysis, file_to_id: dict[str, str]
                 ) -> ClaimsCheck:
    """TRUTH's key facts against the consensus readings, and TRUTH's drift items against
    the departures of the claims table."""
    from rapidfuzz import fuzz

    collation = analysis.collation
    claims = collation.claims if collation else []
    id_to_file = {i: f for f, i in file_to_id.items()}
    facts = []
    for fact in truth.facts:
        plain = words(re.sub(r"\*\*|\(.*?\)", "", fact.text))
        best, best_score = None, 0.0
        for claim in claims:
            for r in claim.readings:
                if analysis.article(r.article_id).lang.startswith("en"):
                    # set ratio alone favours short readings that share a few words
                    score = (fuzz.token_set_ratio(plain, words(r.text))
                             + fuzz.token_sort_ratio(plain, words(r.text))) / 2
                    if score > best_score:
                        best, best_score = claim, score
        if best is None or best_score < 50:
            facts.append(FactCheck(fact, None, 0, "", [], []))
            continue
        english = next((r for r in best.readings
                        if analysis.article(r.article_id).lang.startswith("en")), None)
        reading = english.text if english else best.text
        found = [w for w in fact.key_words
                 if fuzz.partial_ratio(words(w), words(reading)) >= 85]
        departing = sorted({id_to_file[d.article_id][:24] for d in collation.departures
                            if d.claim == best.id}) if collation else []
        facts.append(FactCheck(fact, best.id, best.witnesses, reading, found, departing))
    from provenance.report.claims import claims_section

    shown = {id(f) for entry in claims_section(analysis).claims
             for r in entry.readings for f in r.drift}
    listed, marked = [], []
    for item in truth.drift:
        if not item.scored:
            continue
        hit = _score_item(item, analysis, file_to_id, only_departures=True)
        listed.append((item, hit.found))
        hit = _score_item(item, analysis, file_to_id, only_departures=True, shown=shown)
        marked.append((item, hit.found))
    shared = sorted({f"{id_to_file[d.article_id][:20]}+"
                     f"{'+'.join(id_to_file[o][:20] for o in d.shared_with)}: "
                     f"{d.finding.kind} “{d.reading}”"
                     for d in (collation.departures if collation else []) if d.shared_with})
    return ClaimsCheck(len(claims), facts, listed,
                       len(collation.departures) if collation else 0, shared, marked)


def without_reference(folder: Path, analysis: CorpusAnalysis, jobs: int) -> str:
    """Analyse the cluster again without its reference's file (a temporary copy) and
    say how many of the departures it reported are reported again."""
    import shutil

    from provenance.paths import vector_cache_path
    from provenance.pipeline import analyze_corpus
    from provenance.store import Store

    reference = analysis.article(analysis.reference_id)
    truth = load_truth(folder)
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / folder.name
        copy.mkdir()
        for path in truth.article_files():
            if path.name != Path(reference.source_path or "").name:
                shutil.copy(path, copy / path.name)
        os.environ["PROVENANCE_HOME"] = tmp
        _copy_sqlite(VECTORS_KEPT, vector_cache_path())
        again = analyze_corpus([str(p) for p in sorted(copy.glob("*.md"))],
                               store=Store(Path(tmp) / "store.sqlite"), workers=jobs)
        _copy_sqlite(vector_cache_path(), VECTORS_KEPT)

    def keys(a: CorpusAnalysis) -> set[tuple]:
        files = {x.id: Path(x.source_path or x.id).name for x in a.articles}
        # the departing article and its own form: the consensus's words come from
        # whichever reading ranks first, in its language
        return {(files[d.article_id], d.finding.kind, d.slot,
                 tuple(d.finding.evidence.get("witness_keys", ())))
                for d in (a.collation.departures if a.collation else [])
                if d.article_id != reference.id}

    before, after = keys(analysis), keys(again)
    kept = before & after
    return (f"{len(kept)} of {len(before)} departures reported again without "
            f"{Path(reference.source_path or reference.id).name} (new reference "
            f"{again.reference_id}); {len(after - before)} new")


def _ratio(a: int, b: int) -> str:
    return f"{a / b:.2f} ({a}/{b})" if b else "n/a"


def report(result: ClusterResult, verbose: bool) -> dict:
    scored = [s for s in result.drift if s.item.scored]
    unsure = [s for s in result.drift if not s.item.scored]
    found = sum(s.found for s in scored)
    found_major = sum(s.found and s.hit.severity in MAJOR for s in scored)
    faithful = result.faithful_majors
    print(f"\n== {result.name}  ({result.seconds:.1f} s)")
    print(f"languages right      {_ratio(result.lang_right, result.lang_total)}")
    for w in result.lang_wrong:
        print(f"    {w}")
    print(f"reference            {result.reference} "
          f"({'faithful' if result.reference_faithful else 'NOT in the faithful list'})")
    print(f"cited sources        recall {_ratio(result.src_tp, result.src_expected)}  "
          f"precision {_ratio(result.src_tp, result.src_predicted)}; "
          f"{len(result.src_fp)} named that TRUTH does not list")
    print(f"relay chains         {_ratio(result.chain_found, result.chain_total)}")
    print(f"in-corpus edges      recall {_ratio(result.edge_found, result.edge_expected)}  "
          f"precision {_ratio(result.edge_right, result.edge_predicted)}; "
          f"{result.edge_neutral} more from the original or an unsure source")
    print(f"drift recall         {_ratio(found, len(scored))} (sure+likely); "
          f"at major+ {_ratio(found_major, len(scored))}; unsure {sum(s.found for s in unsure)}"
          f"/{len(unsure)}; anchored {sum(s.anchored for s in scored)}/{len(scored)}")
    by_type: dict[str, list[DriftScore]] = defaultdict(list)
    for s in scored:
        by_type[s.item.type.split()[0].split("/")[0].split("+")[0]].append(s)
    print("    " + ", ".join(f"{t} {sum(s.found for s in v)}/{len(v)}"
                             for t, v in sorted(by_type.items())))
    by_claim: dict[str, list[DriftScore]] = defaultdict(list)
    for c in result.claim_pairs:
        by_claim[c.item.type.split()[0].split("/")[0].split("+")[0]].append(c)
    pairs_found = sum(c.found for c in result.claim_pairs)
    print(f"claim pairs          {_ratio(pairs_found, len(result.claim_pairs))}"
          f" of the items (the detectors on the item's own sentences)")
    print("    " + ", ".join(f"{t} {sum(c.found for c in v)}/{len(v)}"
                             for t, v in sorted(by_claim.items())))
    print(f"false alarms         {sum(faithful.values())} major+ on {len(faithful)} faithful "
          f"relays ({sum(faithful.values()) / max(1, len(faithful)):.1f} per article): "
          + ", ".join(f"{k[:20]} {v}" for k, v in faithful.items()))
    print(f"findings             {result.findings_total} in all, {result.majors_total} major+, "
          f"{len(result.unmatched_majors)} major+ matching no TRUTH item")
    print(f"boilerplate          {result.bp_removed} TRUTH lines set aside, "
          f"{len(result.bp_kept)} kept as text; {len(result.bp_unlisted)} blocks set aside "
          f"that TRUTH does not quote; body lines lost {len(result.bp_lost)}")
    check = result.claims
    if check is not None:
        listed = sum(ok for _, ok in check.listed)
        marked = sum(ok for _, ok in check.marked)
        print(f"claims               {check.claims} claims, {check.departures} departures; "
              f"key facts read right {check.right}/{len(check.facts)}; TRUTH drift items "
              f"whose relay the claims table lists as departing {listed}/{len(check.listed)} "
              f"(from the consensus), {marked}/{len(check.marked)} (from the consensus or "
              "the reference)")
        for fc in check.facts:
            where = (f"claim {fc.claim} ({fc.witnesses} witnesses)" if fc.claim
                     else "no claim")
            words = f"{len(fc.found)}/{len(fc.fact.key_words)} key words"
            print(f"    {fc.fact.id:4} {where:26} {words:13} {fc.reading[:90]}")
            if verbose and fc.departing:
                print(f"         departing: {', '.join(fc.departing)}")
        if verbose:
            for item, ok in check.listed:
                print(f"    {'LISTED' if ok else 'not   '} {item.id:4} {item.type[:22]:22} "
                      f"{item.article[:20]}")
            for line in check.shared:
                print(f"    shared departure: {line}")
    if result.without_reference:
        print(f"without reference    {result.without_reference}")
    if verbose:
        for s in scored:
            mark = "FOUND" if s.found else ("miss " if s.anchored else "miss?")
            hit = f"{s.hit.kind}/{s.hit.severity}: {s.hit.message[:70]}" if s.hit else ""
            print(f"  {mark} {s.item.id:4} {s.item.type[:22]:22} {s.item.article[:16]:16} {hit}")
        for c in result.claim_pairs:
            hit = f"{c.hit.kind}/{c.hit.severity}: {c.hit.message[:70]}" if c.hit else ""
            print(f"  claim {'FOUND' if c.found else 'miss '} {c.item.id:4} "
                  f"{c.item.type[:22]:22} {c.item.article[:16]:16} {hit}")
        for file, f in result.unmatched_majors:
            print(f"  unmatched {file[:24]} {f.kind}/{f.severity}: {f.message[:90]}")
        for line in result.edge_missed:
            print(f"  edge missed: {line}")
        for line in result.edge_wrong:
            print(f"  edge wrong:  {line}")
        for line in result.src_missed:
            print(f"  source missed: {line}")
        for line in result.src_fp:
            print(f"  source wrong:  {line}")
        for line in result.bp_kept:
            print(f"  boilerplate kept: {line}")
        for line in result.bp_unlisted:
            print(f"  set aside, unquoted: {line}")
        for line in result.bp_lost:
            print(f"  body line lost: {line}")
    return {
        "cluster": result.name, "seconds": round(result.seconds, 1),
        "languages": [result.lang_right, result.lang_total],
        "reference": result.reference, "reference_faithful": result.reference_faithful,
        "sources": {"tp": result.src_tp, "expected": result.src_expected,
                    "predicted": result.src_predicted},
        "chains": [result.chain_found, result.chain_total],
        "edges": {"found": result.edge_found, "expected": result.edge_expected,
                  "right": result.edge_right, "predicted": result.edge_predicted,
                  "neutral": result.edge_neutral},
        "drift": {"found": found, "found_major": found_major, "scored": len(scored),
                  "by_type": {t: [sum(s.found for s in v), len(v)] for t, v in by_type.items()},
                  "found_ids": [s.item.id for s in result.drift if s.found]},
        "claim_pairs": {"found": sum(c.found for c in result.claim_pairs),
                        "scored": len(result.claim_pairs),
                   "by_type": {t: [sum(c.found for c in v), len(v)]
                               for t, v in by_claim.items()},
                   "found_ids": [c.item.id for c in result.claim_pairs if c.found]},
        "faithful_majors": faithful, "majors": result.majors_total,
        "unmatched_majors": len(result.unmatched_majors), "findings": result.findings_total,
        "boilerplate": {"removed": result.bp_removed, "kept": len(result.bp_kept),
                        "unlisted": len(result.bp_unlisted), "lost": len(result.bp_lost)},
        "claims": {"claims": check.claims, "departures": check.departures,
                   "facts_right": [check.right, len(check.facts)],
                   "listed": [sum(ok for _, ok in check.listed), len(check.listed)],
                   "marked": [sum(ok for _, ok in check.marked), len(check.marked)]}
        if check else None,
        "without_reference": result.without_reference,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cluster", help="only this cluster (folder name)")
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("-v", "--verbose", action="store_true")
    parser.add_argument("--json", type=Path, help="write the figures as JSON here")
    parser.add_argument("--without-reference", action="store_true",
                        help="also analyse each cluster without its reference's file and "
                             "print how many departures are reported again")
    args = parser.parse_args()
    rows = []
    for folder in clusters():
        if args.cluster and folder.name != args.cluster:
            continue
        result, analysis = run_cluster(folder, args.jobs)
        if args.without_reference:
            result.without_reference = without_reference(folder, analysis, args.jobs)
        rows.append(report(result, args.verbose))
    if len(rows) > 1:
        total = Counter()
        for r in rows:
            total["found"] += r["drift"]["found"]
            total["claims"] += r["claim_pairs"]["found"]
            total["claims_scored"] += r["claim_pairs"]["scored"]
            total["scored"] += r["drift"]["scored"]
            total["fm"] += sum(r["faithful_majors"].values())
            total["fn"] += len(r["faithful_majors"])
            total["tp"] += r["sources"]["tp"]
            total["exp"] += r["sources"]["expected"]
            total["pred"] += r["sources"]["predicted"]
            total["chains"] += r["chains"][0]
            total["chains_total"] += r["chains"][1]
            for key in ("found", "expected", "right", "predicted"):
                total[f"edges_{key}"] += r["edges"][key]
            if r["claims"]:
                total["listed"] += r["claims"]["listed"][0]
                total["marked"] += r["claims"]["marked"][0]
                total["items"] += r["claims"]["listed"][1]
        print(f"\nALL: drift recall {_ratio(total['found'], total['scored'])}; "
              f"on claim pairs {_ratio(total['claims'], total['claims_scored'])}; "
              f"false alarms {total['fm'] / max(1, total['fn']):.1f} major+ per faithful relay; "
              f"sources recall {_ratio(total['tp'], total['exp'])} "
              f"precision {_ratio(total['tp'], total['pred'])}; "
              f"chains {_ratio(total['chains'], total['chains_total'])}; "
              f"in-corpus edges recall {_ratio(total['edges_found'], total['edges_expected'])} "
              f"precision {_ratio(total['edges_right'], total['edges_predicted'])}; "
              f"claims table lists the departing relay {_ratio(total['listed'], total['items'])}"
              f" (consensus), {_ratio(total['marked'], total['items'])} (consensus or "
              "reference)")
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1, ensure_ascii=False))


if __name__ == "__main__":
    main()
