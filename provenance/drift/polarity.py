"""Polarity and relation drift: a negation flipped, or a relation verb swapped within
its class (spoke/talked/called vs met/visited; awarded vs received; won vs bid).
"""

from __future__ import annotations

from provenance.drift.base import LinkDetector
from provenance.drift.context import SentenceFacts
from provenance.drift.lexicons import RELATION_GROUPS, Cue
from provenance.model import Finding, Link, Severity

#: "awarded" vs "received" is often just a change of voice; the others change the facts
GROUP_SEVERITY: dict[str, Severity] = {"contact": "major", "outcome": "major",
                                       "transfer": "minor"}
_WORDS = {"contact_remote": "remote contact (spoke, called)",
          "contact_meet": "meeting in person (met, visited)",
          "transfer_give": "giving (awarded)", "transfer_receive": "receiving (received)",
          "outcome_won": "a result (won)", "outcome_sought": "an attempt (bid, sought)"}


def _cues(facts: list[SentenceFacts], *categories: str) -> list[tuple[int, Cue]]:
    return [(f.index, c) for f in facts for c in f.cues_of(*categories)]


class NegationDrift(LinkDetector):
    """A clause negated on one side only."""

    name = "negation"
    kinds = ("negation",)

    def compare(self, link: Link, src: list[SentenceFacts], tgt: list[SentenceFacts]
                ) -> list[Finding]:
        s_neg = _cues(src, "negation")
        t_neg = _cues(tgt, "negation")
        if bool(s_neg) == bool(t_neg):
            return []
        strong = bool(_cues(src if s_neg else tgt, "negation_strong"))
        severity: Severity = "major" if strong else "minor"
        if s_neg:
            i, cue = s_neg[0]
            return [self.finding(
                "negation", severity, link.src, link.tgt,
                f"negation “{cue.text}” dropped: the relay may assert what the source denies",
                src_spans=[(i, c.start, c.end) for i, c in s_neg], change="dropped",
                cue=cue.text)]
        j, cue = t_neg[0]
        return [self.finding(
            "negation", severity, link.src, link.tgt,
            f"negation “{cue.text}” added: the relay may deny what the source asserts",
            tgt_spans=[(j, c.start, c.end) for j, c in t_neg], change="added",
            cue=cue.text)]


class RelationDrift(LinkDetector):
    """A relation verb replaced by the other member of its class."""

    name = "relation"
    kinds = ("relation",)

    def compare(self, link: Link, src: list[SentenceFacts], tgt: list[SentenceFacts]
                ) -> list[Finding]:
        findings: list[Finding] = []
        for group, (a, b) in RELATION_GROUPS.items():
            s = {cat: _cues(src, cat) for cat in (a, b)}
            t = {cat: _cues(tgt, cat) for cat in (a, b)}
            for old, new in ((a, b), (b, a)):
                if s[old] and not s[new] and t[new] and not t[old]:
                    i, sc = s[old][0]
                    j, tc = t[new][0]
                    findings.append(self.finding(
                        "relation", GROUP_SEVERITY[group], link.src, link.tgt,
                        f"relation changed: “{sc.text}” ({_WORDS[old]}) became "
                        f"“{tc.text}” ({_WORDS[new]})",
                        src_spans=[(i, sc.start, sc.end)], tgt_spans=[(j, tc.start, tc.end)],
                        group=group, src_class=old, tgt_class=new))
        return findings
