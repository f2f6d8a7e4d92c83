"""Attribution drift: who says so changed.

* source changed: the WSJ became Bloomberg (major);
* attribution dropped: an attributed claim became a bare statement (major), or the relay
  keeps a vaguer cue ("sources said") (minor);
* attribution added: a bare claim in the source is attributed in the relay (minor),
  unless the reference is that source's own text (published by it, or a paste carrying
  its link): a relay crediting the WSJ for the WSJ's words is faithful;
* caveat dropped: "Reuters could not verify" disappears (major); reversed polarity of a
  verification ("verified" vs "could not verify") is reported the same way;
* number of sources changed: "three people close to Trump" became "по словам источника"
  (one source), read from the unnamed attributions of both sides of a unit when each
  side's count is read with confidence (:mod:`provenance.attribution.counts`) (minor);
* outlet name misspelled: "WJS наводить деталі" where the relay or its reference credits
  the WSJ by its right name (minor, kind entity: the source is the same, its name is
  not); the misspelled name is then read as that outlet, not as a new source.

Sources compare by glossary concept when known (WSJ = 《华尔街日报》 = Wall Street
Journal), else by the name as written, case-folded.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from provenance.attribution.counts import SourceCount, source_count
from provenance.attribution.spelling import Slip, outlet_slip
from provenance.drift.base import LinkDetector
from provenance.facts import SentenceFacts, outlet_key
from provenance.model import Attribution, Finding, Link

if TYPE_CHECKING:
    from provenance.drift.context import PairContext

_VAGUE = frozenset({"unknown", "unnamed"})


def source_key(a: Attribution) -> str:
    """What identifies a source across languages."""
    if a.kind == "unnamed":
        return "unnamed"
    return a.concept_id or " ".join(a.source.casefold().split())


def _slips(pair: PairContext) -> list[tuple[Attribution, Slip]]:
    """The relay's cited names that misspell an outlet credited by its right name in the
    relay or in its reference (or whose text the reference is), in reading order."""
    credited = [a.concept_id for f in (*pair.tgt_facts, *pair.src_facts)
                for a in f.attributions if a.kind == "outlet" and a.concept_id
                and not a.negated]
    own = outlet_key(pair.src.outlet, pair.glossary)
    if own is not None and own in pair.glossary:
        credited.append(own)
    if not credited:
        return []
    found = []
    for f in pair.tgt_facts:
        for a in f.attributions:
            if a.kind == "unknown" and not a.concept_id and not a.negated:
                slip = outlet_slip(f.text[a.start:a.end], credited, pair.glossary)
                if slip is not None:
                    found.append((a, slip))
    return found


def _side_count(facts: list[SentenceFacts]
                ) -> tuple[SourceCount, tuple[int, int, int]] | None:
    """The one count of unnamed sources a side states, with its span: None when it
    cites none, when one of them is not read with confidence, or when they disagree
    ("a source" and "officials": which one the other side renders is not known)."""
    read: list[tuple[SourceCount, tuple[int, int, int]]] = []
    for f in facts:
        for a in f.attributions:
            if a.kind != "unnamed" or a.negated:
                continue
            count = source_count(a, f.text, f.lang)
            if count is None:
                return None
            read.append((count, (f.index, count.start, count.end)))
    if not read:
        return None
    exact = {c.exact for c, _ in read if c.exact is not None}
    several = {c.several for c, _ in read}
    if len(exact) > 1 or len(several) > 1:
        return None
    # the most precise reading speaks for the side ("three sources" ... "the sources")
    return next((r for r in read if r[0].exact is not None), read[0])


def _collect(facts: list[SentenceFacts]) -> tuple[list[Attribution], list[Attribution]]:
    claims: list[Attribution] = []
    caveats: list[Attribution] = []
    for f in facts:
        for a in f.attributions:
            (caveats if a.negated else claims).append(a)
    return claims, caveats


class AttributionDrift(LinkDetector):
    """Cited sources changed, added or dropped; verification caveats dropped; the number
    of unnamed sources changed; an outlet's name misspelled."""

    name = "attribution"
    kinds = ("attribution", "entity")

    def detect_after(self, pair: PairContext, found: list[Finding]) -> list[Finding]:
        # a name the entity detector already reports as respelled against the reference
        # ("WSJ" is "WJS") is not reported a second time as a misspelled outlet
        respelled = {tuple(span) for f in found if f.evidence.get("change") == "respelled"
                     for span in f.tgt_spans}
        return [f for f in self.detect(pair)
                if f.evidence.get("change") != "outlet_misspelt"
                or not respelled & {tuple(span) for span in f.tgt_spans}]

    def detect(self, pair: PairContext) -> list[Finding]:
        slips = _slips(pair)
        # where the relay writes a misspelled outlet, it cites that outlet
        misspelt = {(a.sentence, slip.concept_id) for a, slip in slips}
        # A relay that credits the WSJ in its lead and then states the story's claims bare
        # has not taken the claims away from the WSJ: journalists attribute once. Only a
        # relay that never cites the source makes its claims its own (major).
        cited = {source_key(a) for f in pair.tgt_facts for a in f.attributions
                 if not a.negated and a.kind not in _VAGUE}
        cited |= {concept for _, concept in misspelt}
        found = []
        authors: dict[str, bool] = {}
        for f in super().detect(pair):
            if f.evidence.get("change") in ("source_dropped", "claim_made_bare") and any(
                    (j, f.evidence.get("src_key")) in misspelt for j in f.tgt):
                continue  # kept, misspelled: reported below
            if f.evidence.get("change") == "source_added":
                key = f.evidence["tgt_key"]
                if key not in authors:
                    authors[key] = pair.written_by(f.evidence["tgt_source"], key)
                if authors[key]:
                    continue
            if f.evidence.get("change") == "claim_made_bare" and \
                    f.evidence.get("src_key") in cited:
                continue
            found.append(f)
        return found + self._misspellings(slips)

    def _count_changed(self, link: Link, src: list[SentenceFacts], tgt: list[SentenceFacts]
                       ) -> list[Finding]:
        """The number of unnamed sources changed ("three people" -> "a source")."""
        s_count, t_count = _side_count(src), _side_count(tgt)
        if s_count is None or t_count is None or not s_count[0].differs(t_count[0]):
            return []
        (a, sa), (b, sb) = s_count, t_count
        return [self.finding(
            "attribution", "minor", link.src, link.tgt,
            f"number of sources changed: the reference's “{a.words}” ({a.describe()}) is "
            f"“{b.words}” ({b.describe()}) in the relay",
            src_spans=[sa], tgt_spans=[sb], change="source_count",
            src_count=a.exact if a.exact is not None else "several",
            tgt_count=b.exact if b.exact is not None else "several")]

    def _misspellings(self, slips: list[tuple[Attribution, Slip]]) -> list[Finding]:
        """One finding per misspelled name, quoting each place the relay writes it."""
        by_name: dict[str, list[tuple[Attribution, Slip]]] = {}
        for a, slip in slips:
            by_name.setdefault(" ".join(slip.written.casefold().split()), []).append((a, slip))
        found = []
        for uses in by_name.values():
            slip = uses[0][1]
            found.append(self.finding(
                "entity", "minor", (), tuple(dict.fromkeys(a.sentence for a, _ in uses)),
                f"outlet name misspelled: “{slip.written}” for {slip.outlet}",
                tgt_spans=[(a.sentence, a.start, a.end) for a, _ in uses],
                change="outlet_misspelt", written=slip.written, known_form=slip.form,
                concept=slip.concept_id, outlet=slip.outlet, compared_with="glossary"))
        return found

    def compare(self, link: Link, src: list[SentenceFacts], tgt: list[SentenceFacts]
                ) -> list[Finding]:
        s_claims, s_caveats = _collect(src)
        t_claims, t_caveats = _collect(tgt)
        found: list[Finding] = []
        # "the report", 该报: a short reference to an earlier source, not a new source
        s_named = {source_key(a): a for a in s_claims if a.kind not in _VAGUE}
        t_named = {source_key(a): a for a in t_claims if a.kind not in _VAGUE}
        t_mentioned = {t.concept_id for f in tgt for t in f.terms}
        s_mentioned = {t.concept_id for f in src for t in f.terms}
        only_s = [k for k in s_named if k not in t_named and k not in t_mentioned]
        only_t = [k for k in t_named if k not in s_named and k not in s_mentioned]
        # a named source replaced by another named source
        while only_s and only_t:
            a, b = s_named[only_s.pop(0)], t_named[only_t.pop(0)]
            found.append(self.finding(
                "attribution", "major", link.src, link.tgt,
                f"source changed: “{a.source}” became “{b.source}”",
                src_spans=[(a.sentence, a.start, a.end)], tgt_spans=[(b.sentence, b.start, b.end)],
                change="source_changed", src_source=a.source, tgt_source=b.source,
                src_concept=a.concept_id, tgt_concept=b.concept_id))
        t_reported = bool(t_claims) or any(f.cues_of("reporting", "evidential") for f in tgt)
        for key in only_s:
            a = s_named[key]
            what = ("the relay cites a vaguer source" if t_reported
                    else "the relay states the claim without a source")
            found.append(self.finding(
                "attribution", "minor" if t_reported else "major", link.src, link.tgt,
                f"attribution to “{a.source}” dropped: {what}",
                src_spans=[(a.sentence, a.start, a.end)],
                change="source_dropped" if t_reported else "claim_made_bare", src_source=a.source,
                src_key=key))
        s_reported = bool(s_claims) or any(f.cues_of("reporting", "evidential") for f in src)
        for key in only_t:
            b = t_named[key]
            found.append(self.finding(
                "attribution", "minor", link.src, link.tgt,
                f"attribution to “{b.source}” added: the source states the claim "
                f"{'with another source' if s_reported else 'without a source'}",
                tgt_spans=[(b.sentence, b.start, b.end)], change="source_added",
                tgt_source=b.source, tgt_key=key))
        found += self._count_changed(link, src, tgt)
        t_caveat_keys = {source_key(c) for c in t_caveats}
        t_negated = any(f.cues_of("negation") for f in tgt)
        for c in s_caveats:
            # the caveat survives if the relay negates anything about it (different wording)
            if source_key(c) in t_caveat_keys or t_negated:
                continue
            found.append(self.finding(
                "attribution", "major", link.src, link.tgt,
                f"caveat “{c.source} {c.cue}” dropped",
                src_spans=[(c.sentence, c.start, c.end)], change="caveat_dropped",
                src_source=c.source))
            break  # one finding per unit: "X, Y and Z did not respond" is one caveat
        return found
