"""Polarity and relation drift: a negation flipped, or a relation verb swapped within
its class (spoke/talked/called vs met/visited; awarded vs received; won vs bid).
"""

from __future__ import annotations

from provenance.drift.base import LinkDetector
from provenance.facts import SentenceFacts, cues_in
from provenance.lexicons import relation_groups
from provenance.model import Finding, Link, Severity


class NegationDrift(LinkDetector):
    """A clause negated on one side only."""

    name = "negation"
    kinds = ("negation",)

    def compare(self, link: Link, src: list[SentenceFacts], tgt: list[SentenceFacts]
                ) -> list[Finding]:
        s_neg = cues_in(src, "negation")
        t_neg = cues_in(tgt, "negation")
        if bool(s_neg) == bool(t_neg):
            return []
        dropped = bool(s_neg)
        side, facts, cues = ("src", src, s_neg) if dropped else ("tgt", tgt, t_neg)
        if not cues_in(facts, "negation_strong") and _in_the_verb(
                facts, tgt if dropped else src):
            # "avoid activating" rendered "stop supplying": the polarity went into the verb,
            # and the relation detector reports the verb swapped, if it is one
            return []
        severity: Severity = "major" if cues_in(facts, "negation_strong") else "minor"
        cue = cues[0][1]
        what = ("dropped: the relay may assert what the source denies" if dropped
                else "added: the relay may deny what the source asserts")
        return [self.finding(
            "negation", severity, link.src, link.tgt, f"negation “{cue.text}” {what}",
            **{f"{side}_spans": [(k, c.start, c.end) for k, c in cues]},
            change="dropped" if dropped else "added", cue=cue.text)]


def _in_the_verb(negated: list[SentenceFacts], other: list[SentenceFacts]) -> bool:
    """Whether the side without a negation uses the opposite word of a relation group
    whose word the negated side uses ("avoid activating" against "stop supplying")."""
    for group in relation_groups().values():
        a, b = group.classes
        for mine, theirs in ((a, b), (b, a)):
            if cues_in(negated, mine) and not cues_in(negated, theirs) and cues_in(
                    other, theirs) and not cues_in(other, mine):
                return True
    return False


class RelationDrift(LinkDetector):
    """A relation verb replaced by the other member of its class."""

    name = "relation"
    kinds = ("relation", "attribution")

    def compare(self, link: Link, src: list[SentenceFacts], tgt: list[SentenceFacts]
                ) -> list[Finding]:
        findings: list[Finding] = []
        for group in relation_groups().values():
            a, b = group.classes
            s = {cat: cues_in(src, cat) for cat in (a, b)}
            t = {cat: cues_in(tgt, cat) for cat in (a, b)}
            for old, new in ((a, b), (b, a)):
                if s[old] and not s[new] and t[new] and not t[old]:
                    i, sc = s[old][0]
                    j, tc = t[new][0]
                    severity: Severity = "major" if group.severity == "major" else "minor"
                    findings.append(self.finding(
                        group.kind, severity, link.src, link.tgt,
                        f"{group.change}: the reference's “{sc.text}” "
                        f"({group.describe(old)}) is “{tc.text}” ({group.describe(new)}) "
                        "in the relay",
                        src_spans=[(i, sc.start, sc.end)], tgt_spans=[(j, tc.start, tc.end)],
                        group=group.name, src_class=old, tgt_class=new,
                        lexicon={"reference": f"{old}: {sc.text}", "relay": f"{new}: {tc.text}"}))
        return findings
