"""Attribution drift: who says so changed.

* source changed: the WSJ became Bloomberg (major);
* attribution dropped: an attributed claim became a bare statement (major), or the relay
  keeps a vaguer cue ("sources said") (minor);
* attribution added: a bare claim in the source is attributed in the relay (minor);
* caveat dropped: "Reuters could not verify" disappears (major); reversed polarity of a
  verification ("verified" vs "could not verify") is reported the same way.

Sources compare by glossary concept when known (WSJ = 《华尔街日报》 = Wall Street
Journal), else by the name as written, case-folded.
"""

from __future__ import annotations

from provenance.drift.base import Detector
from provenance.drift.context import PairContext, SentenceFacts
from provenance.model import Attribution, Finding, Link


def source_key(a: Attribution) -> str:
    """What identifies a source across languages."""
    if a.kind == "unnamed":
        return "unnamed"
    return a.concept_id or " ".join(a.source.casefold().split())


def _collect(facts: list[SentenceFacts]) -> tuple[list[Attribution], list[Attribution]]:
    claims: list[Attribution] = []
    caveats: list[Attribution] = []
    for f in facts:
        for a in f.attributions:
            (caveats if a.negated else claims).append(a)
    return claims, caveats


class AttributionDrift(Detector):
    """Cited sources changed, added or dropped; verification caveats dropped."""

    name = "attribution"
    kinds = ("attribution",)

    def detect(self, pair: PairContext) -> list[Finding]:
        findings: list[Finding] = []
        for link in pair.aligned:
            findings.extend(self._link(link, pair.src_of(link), pair.tgt_of(link)))
        return findings

    def _link(self, link: Link, src: list[SentenceFacts], tgt: list[SentenceFacts]
              ) -> list[Finding]:
        s_claims, s_caveats = _collect(src)
        t_claims, t_caveats = _collect(tgt)
        found: list[Finding] = []
        s_keys = {source_key(a): a for a in s_claims}
        t_keys = {source_key(a): a for a in t_claims}
        only_s = [k for k in s_keys if k not in t_keys]
        only_t = [k for k in t_keys if k not in s_keys]
        named_s = [k for k in only_s if k != "unnamed"]
        named_t = [k for k in only_t if k != "unnamed"]
        # a named source replaced by another named source
        while named_s and named_t:
            a, b = s_keys[named_s.pop(0)], t_keys[named_t.pop(0)]
            only_s.remove(source_key(a))
            only_t.remove(source_key(b))
            found.append(self.finding(
                "attribution", "major", link.src, link.tgt,
                f"source changed: “{a.source}” became “{b.source}”",
                src_spans=[(a.sentence, a.start, a.end)], tgt_spans=[(b.sentence, b.start, b.end)],
                change="source_changed", src_source=a.source, tgt_source=b.source))
        for key in only_s:
            a = s_keys[key]
            vaguer = bool(t_claims)
            what = ("relay cites a vaguer source" if vaguer
                    else "the relay states the claim without a source")
            found.append(self.finding(
                "attribution", "minor" if vaguer else "major", link.src, link.tgt,
                f"attribution to “{a.source}” dropped: {what}",
                src_spans=[(a.sentence, a.start, a.end)],
                change="source_dropped" if vaguer else "claim_made_bare", src_source=a.source))
        for key in only_t:
            b = t_keys[key]
            found.append(self.finding(
                "attribution", "minor", link.src, link.tgt,
                f"attribution to “{b.source}” added: the source states the claim "
                f"{'with another source' if s_claims else 'without a source'}",
                tgt_spans=[(b.sentence, b.start, b.end)], change="source_added",
                tgt_source=b.source))
        t_caveat_keys = {source_key(c) for c in t_caveats}
        for c in s_caveats:
            if source_key(c) in t_caveat_keys or (t_caveats and source_key(c) == "unnamed"):
                continue
            reversed_ = source_key(c) in t_keys
            found.append(self.finding(
                "attribution", "major", link.src, link.tgt,
                f"caveat “{c.source} {c.cue}” "
                f"{'reversed: the relay cites it as confirming' if reversed_ else 'dropped'}",
                src_spans=[(c.sentence, c.start, c.end)],
                change="caveat_reversed" if reversed_ else "caveat_dropped", src_source=c.source))
        return found
