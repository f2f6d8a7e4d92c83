"""Omission and addition, once per article: what the relay leaves out and brings in.

A reader wants one line saying "the relay leaves out the paragraph on the $1.8 billion
contract" rather than a finding per sentence and per name. So a pair has at most one
omission and one addition finding:

* omission: the reference sentences the relay does not render (no counterpart, or
  folded into a neighbour's link with nothing of theirs rendered), with the names,
  numbers and dates of the reference that the relay states nowhere. Only the stretch of
  the reference the relay covers counts when the relay is an excerpt cut mid-sentence:
  what lies past its end is not left out by the relay.
* addition: the relay sentences with no counterpart in the reference, with the names,
  numbers and dates the reference states nowhere.

Both are minor (relays abridge, and an addition may come from a part of the original
the reference lacks), except an omission that drops a verification caveat ("Reuters
could not verify the report"): that changes what the reader is told about the claim.
Page furniture ("Read also", credits) is never reported.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from provenance.boilerplate.reasons import (
    BYLINE,
    CAPTION,
    COPYRIGHT,
    DISCLAIMER,
    LINK,
    PAGE_CHROME,
    PROMO,
    RELATED_LINKS,
    SHARE_WIDGET,
)
from provenance.boilerplate.text import line_reason
from provenance.drift.base import Detector
from provenance.drift.context import PairContext
from provenance.drift.inventory import KINDS, Fact, Inventory, listing
from provenance.drift.repair import length_ratio, unrendered
from provenance.facts import SentenceFacts
from provenance.model import Finding, Link

# What each kind of content adds to a sentence's information score.
# How the parts read in a message: (one, several).
LABELS = {"quantity": ("quantity", "quantities"), "entity": ("name", "names")}
WEIGHTS = {"quantity": 2.0, "date": 1.5, "entity": 1.0, "attribution": 2.0, "caveat": 3.0,
           "negation": 1.0, "hedge": 1.0}


@dataclass(frozen=True)
class Information:
    """How much a sentence says, and why."""

    score: float
    parts: dict[str, int]

    def describe(self) -> str:
        shown = [f"{n} {LABELS.get(k, (k, k + 's'))[n > 1]}"
                 for k, n in self.parts.items() if n]
        return ", ".join(shown) if shown else "no numbers, names or sources"


def information(facts: SentenceFacts) -> Information:
    """Score a sentence by the checkable content it carries."""
    attributions = facts.attributions
    parts = {
        "quantity": len(facts.numeric),
        "date": len(facts.dates),
        "entity": len({t.concept_id for t in facts.entities}),
        "attribution": sum(1 for a in attributions if not a.negated),
        "caveat": sum(1 for a in attributions if a.negated),
        "hedge": len(facts.cues_of("evidential", "modal")),
        "negation": len(facts.cues_of("negation")),
    }
    if not parts["entity"]:
        from provenance.drift.names import find_names

        parts["entity"] = min(len(find_names(facts.text, facts.lang)), 3)
    score = sum(WEIGHTS[k] * n for k, n in parts.items())
    # a verification caveat is a negated claim about a source, even without the extractor
    if parts["caveat"] == 0 and parts["negation"] and (parts["attribution"] or parts["entity"]):
        score += 1.0
    return Information(score, parts)


#: boilerplate reasons told by a line's words (a credit, "Read also", a share bar); those
#: told by shape alone (a short line with digits looks like a timestamp) also fit the
#: short sentences and headlines drift is about, so they do not count here
_FURNITURE = frozenset({DISCLAIMER, COPYRIGHT, BYLINE, SHARE_WIDGET, RELATED_LINKS,
                        PAGE_CHROME, PROMO, CAPTION, LINK})


def furniture(facts: SentenceFacts) -> bool:
    """Whether a sentence is page furniture the boilerplate rules would set aside for its
    words ("Read also: ...", a photo credit, a share bar)."""
    return line_reason(facts.text) in _FURNITURE


class CoverageDrift(Detector):
    """What the relay leaves out of the reference and brings in, once per article."""

    name = "coverage"
    kinds = ("omission", "addition", "entity", "number", "date")

    def detect(self, pair: PairContext) -> list[Finding]:
        return self.detect_after(pair, [])

    def detect_after(self, pair: PairContext, found: list[Finding]) -> list[Finding]:
        """The pair's omission and addition (sentences with no counterpart, and what they
        carry), and one finding per kind of fact (names, numbers, dates) that rendered
        sentences leave out or bring in. Facts another finding already quotes (a number
        changed in a unit) are not listed again."""
        quoted = {"src": [s for f in found for s in f.src_spans],
                  "tgt": [s for f in found for s in f.tgt_spans]}
        src_inv = Inventory(pair.src_facts, pair.src_lang, pair.glossary)
        tgt_inv = Inventory(pair.tgt_facts, pair.tgt_lang, pair.glossary)
        unlinked_src, unlinked_tgt, merged = _unrendered(pair)
        src_sentences, src_rendered, stretch = self._src_sides(pair, unlinked_src, merged)
        tgt_sentences = [j for j in unlinked_tgt if not furniture(pair.tgt_facts[j])]
        tgt_rendered = [j for link in pair.aligned for j in link.tgt
                        if ("tgt", j) not in merged and not furniture(pair.tgt_facts[j])]
        lost = [f for f in src_inv.of(sorted(set(src_sentences) | set(src_rendered)))
                if tgt_inv.mentions(f, pair.src_lang) is False
                and not _explained(f, quoted["src"])]
        # the outlet whose text the reference is, credited by the relay, is not new to it
        brought = [f for f in tgt_inv.of(sorted(set(tgt_sentences) | set(tgt_rendered)))
                   if src_inv.mentions(f, pair.tgt_lang) is False
                   and not _explained(f, quoted["tgt"])
                   and not (f.concept and pair.glossary.get(f.concept).category == "outlet"
                            and pair.written_by(f.label, f.concept))]
        findings: list[Finding] = []
        if src_sentences:
            findings.append(self._omission(pair, src_sentences, lost, merged, stretch,
                                           len(unlinked_src) - len(src_sentences)))
        if tgt_sentences:
            findings.append(self._addition(pair, tgt_sentences, brought, merged))
        counterpart = _counterparts(pair)
        for kind in KINDS:
            out = [f for f in lost if f.kind == kind and f.sentence not in src_sentences]
            into = [f for f in brought if f.kind == kind and f.sentence not in tgt_sentences]
            if out or into:
                findings.append(self._facts(kind, out, into, counterpart))
        return findings

    def _src_sides(self, pair: PairContext, unlinked: list[int],
                   merged: dict[tuple[str, int], Link]
                   ) -> tuple[list[int], list[int], tuple[int, int] | None]:
        """The omitted and the rendered reference sentences inside the stretch the relay
        covers, and that stretch."""
        # a sentence folded into a neighbour's link still marks the stretch compared
        covered = _stretch([i for link in pair.aligned for i in link.src])
        if covered is None:
            return [], [], None
        low, high = covered
        if pair.tgt_facts and not cut_short(pair.tgt_facts[-1].text):
            # the relay ends as an article ends: what it leaves after its last rendered
            # sentence it leaves out (an excerpt cut mid-sentence says nothing of it)
            high = len(pair.src_facts) - 1
        sentences = [i for i in unlinked if low <= i <= high
                     and not furniture(pair.src_facts[i])]
        kept = {i for link in pair.aligned for i in link.src if ("src", i) not in merged}
        rendered = [i for i in range(low, high + 1) if i in kept
                    and not furniture(pair.src_facts[i])]
        return sentences, rendered, covered

    def _omission(self, pair: PairContext, sentences: list[int], lost: list[Fact],
                  merged: dict[tuple[str, int], Link], stretch: tuple[int, int] | None,
                  beyond: int) -> Finding:
        carried = [f for f in lost if f.sentence in sentences]
        caveats = [(i, a) for i in sentences for a in pair.src_facts[i].attributions
                   if a.negated]
        spans = [(i, 0, len(pair.src_facts[i].text)) for i in sentences]
        first = pair.src_facts[sentences[0]].text
        message = (f"the relay leaves out {_count(len(sentences), 'reference sentence')} "
                   f"(“{_clip(first)}”{' …' if len(sentences) > 1 else ''})")
        if caveats:
            message += f", including the caveat “{caveats[0][1].source} {caveats[0][1].cue}”"
        if carried:
            message += f", and with them {listing(carried)}"
        return self.finding(
            "omission", "major" if caveats else "minor", tuple(sentences), (), message,
            src_spans=spans, sentences=sentences,
            merged=[i for i in sentences if ("src", i) in merged],
            facts=_facts_evidence(carried), caveats=[a.source + " " + a.cue for _, a in caveats],
            compared_stretch=list(stretch) if stretch else None, not_compared=beyond,
            information=round(sum(information(pair.src_facts[i]).score for i in sentences), 2))

    def _addition(self, pair: PairContext, sentences: list[int], brought: list[Fact],
                  merged: dict[tuple[str, int], Link]) -> Finding:
        carried = [f for f in brought if f.sentence in sentences]
        spans = [(j, 0, len(pair.tgt_facts[j].text)) for j in sentences]
        first = pair.tgt_facts[sentences[0]].text
        message = (f"the relay adds {_count(len(sentences), 'sentence')} the reference does "
                   f"not have (“{_clip(first)}”{' …' if len(sentences) > 1 else ''})")
        if carried:
            message += f", bringing in {listing(carried)}"
        return self.finding(
            "addition", "minor", (), tuple(sentences), message, tgt_spans=spans,
            sentences=sentences, merged=[j for j in sentences if ("tgt", j) in merged],
            facts=_facts_evidence(carried),
            information=round(sum(information(pair.tgt_facts[j]).score for j in sentences), 2))

    def _facts(self, kind: str, out: list[Fact], into: list[Fact],
               counterpart: dict[tuple[str, int], tuple[int, ...]]) -> Finding:
        """The names (numbers, dates) that sentences the relay renders leave out or bring
        in: "the relay's rendering of reference sentence 5 never names Xi Jinping"."""
        what = {"name": ("names", "entity"), "number": ("numbers", "number"),
                "date": ("dates", "date")}[kind]
        parts = []
        if out:
            parts.append(f"the relay never states {listing(out)}, which the reference does")
        if into:
            parts.append(f"{'and ' if out else 'the relay '}brings in {listing(into)}, "
                         "which the reference never states")
        src = sorted({f.sentence for f in out}
                     | {i for f in into for i in counterpart.get(("tgt", f.sentence), ())})
        tgt = sorted({f.sentence for f in into}
                     | {j for f in out for j in counterpart.get(("src", f.sentence), ())})
        return self.finding(
            what[1], "minor", tuple(src), tuple(tgt), " ".join(parts) + f" ({what[0]})",
            src_spans=[f.span for f in out], tgt_spans=[f.span for f in into],
            change="article_facts", left_out=[f.label for f in out],
            brought_in=[f.label for f in into])


def without_witnessed(pair: PairContext, finding: Finding,
                      witnessed: Callable[[Fact], bool]) -> Finding | None:
    """The article-wide facts finding (``change == "article_facts"``) without the facts
    it says the relay brings in that ``witnessed`` (other independent witnesses of the
    story) state too: those come from the original, in a part the reference lacks, and
    are not the relay's addition. None when nothing is left; any other finding as is."""
    if finding.evidence.get("change") != "article_facts" or not finding.tgt_spans:
        return finding
    tgt_spans = {tuple(span) for span in finding.tgt_spans}
    into = [f for f in Inventory(pair.tgt_facts, pair.tgt_lang, pair.glossary).of(
        sorted({j for j, _, _ in tgt_spans})) if f.span in tgt_spans]
    kept = [f for f in into if not witnessed(f)]
    if len(kept) == len(into):
        return finding
    src_spans = {tuple(span) for span in finding.src_spans}
    out = [f for f in Inventory(pair.src_facts, pair.src_lang, pair.glossary).of(
        sorted({i for i, _, _ in src_spans})) if f.span in src_spans]
    if not out and not kept:
        return None
    kind = {"entity": "name"}.get(finding.kind, finding.kind)
    rebuilt = CoverageDrift()._facts(kind, out, kept, _counterparts(pair))
    rebuilt.evidence["witnessed"] = [f.label for f in into if f not in kept]
    return rebuilt


def _counterparts(pair: PairContext) -> dict[tuple[str, int], tuple[int, ...]]:
    """Each linked sentence's counterparts on the other side."""
    out: dict[tuple[str, int], tuple[int, ...]] = {}
    for link in pair.aligned:
        for i in link.src:
            out[("src", i)] = out.get(("src", i), ()) + link.tgt
        for j in link.tgt:
            out[("tgt", j)] = out.get(("tgt", j), ()) + link.src
    return out


#: how a finished sentence ends (closing quotes and brackets may follow)
_FINISHED = re.compile(r"[.!?。！？…](?:[\"”’»」』)\]]*)\s*$")


def cut_short(text: str) -> bool:
    """Whether a text ends mid-sentence (a capture cut at a length limit)."""
    return not _FINISHED.search(text.strip())


def _unrendered(pair: PairContext) -> tuple[list[int], list[int], dict[tuple[str, int], Link]]:
    """Source and relay sentences with no counterpart: unlinked ones, and those an aligner
    folded into a neighbour's link although nothing of theirs is rendered (a dropped
    sentence is often linked 2-1 with its neighbour rather than left alone)."""
    src = sorted(i for link in pair.omitted for i in link.src)
    tgt = sorted(j for link in pair.added for j in link.tgt)
    merged: dict[tuple[str, int], Link] = {}
    ratio = length_ratio(pair.src_facts, pair.tgt_facts, pair.aligned)
    for link in pair.aligned:
        for side, many, other in (("src", link.src, link.tgt), ("tgt", link.tgt, link.src)):
            if len(many) < 2 or len(many) <= len(other):
                continue
            facts = pair.src_facts if side == "src" else pair.tgt_facts
            other_facts = pair.tgt_facts if side == "src" else pair.src_facts
            r = ratio if side == "src" else (1 / ratio if ratio else None)
            k = unrendered([facts[i] for i in many], [other_facts[j] for j in other], r)
            if k is not None:
                merged[(side, k)] = link
    src = sorted(set(src) | {k for side, k in merged if side == "src"})
    tgt = sorted(set(tgt) | {k for side, k in merged if side == "tgt"})
    return src, tgt, merged


def _explained(fact: Fact, spans: list) -> bool:
    """Whether another finding already quotes this fact (their spans overlap)."""
    return any(k == fact.sentence and a < fact.end and fact.start < b for k, a, b in spans)


def _stretch(indices: list[int]) -> tuple[int, int] | None:
    return (min(indices), max(indices)) if indices else None


def _facts_evidence(facts: list[Fact]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for f in facts:
        out.setdefault(f.kind + "s", []).append(f.label)
    return out


def _count(n: int, what: str) -> str:
    return f"{n} {what}" + ("s" if n != 1 else "")


def _clip(text: str, width: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"
