"""Polarity and relation drift: a negation flipped, or a relation verb swapped within
its class (spoke/talked/called vs met/visited; awarded vs received; won vs bid).
"""

from __future__ import annotations

from provenance.drift.base import LinkDetector
from provenance.facts import SentenceFacts, cues_in
from provenance.lexicons import Cue, RelationGroup, relation_groups
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


#: a negation this close to a relation word (in characters, either side: "hasn't
#: approved", 没有批准, 승인하지 않았다) denies it
NEGATION_REACH = 12


def _denied(cues: list[tuple[int, Cue]], facts: list[SentenceFacts]) -> bool:
    """Whether every one of ``cues`` has a negation within :data:`NEGATION_REACH`."""
    negations = cues_in(facts, "negation")
    # the characters between the two, whichever comes first
    return bool(cues) and all(
        any(i == k and max(n.start - c.end, c.start - n.end) <= NEGATION_REACH
            for k, n in negations) for i, c in cues)


class RelationDrift(LinkDetector):
    """A relation verb replaced by the other member of its class.

    A plain swap: the reference has words of one class only, the relay of the other only.
    A partial swap: the reference has both classes, the relay the second only and more of
    it ("no U.S. troops, no funding from the UN" -> "no U.S. troops or UN contingent"): the
    first class is gone and the second stands where it stood. The count keeps an ordinary
    omission quiet ("troops and funding" -> "troops"); the finding is minor because which
    word replaced which is inferred, not read.
    """

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
                if t[old] or not t[new]:
                    continue
                if new == group.denied and _denied(s[old], src):
                    # "hasn't approved a plan" rendered "is considering one": a decision
                    # the reference denies is the idea the relay says it is
                    continue
                if not s[new] and s[old]:
                    severity: Severity = "major" if group.severity == "major" else "minor"
                    findings.append(self._swap(link, group, old, new, s[old][:1], t[new][:1],
                                               severity))
                elif s[old] and group.partial and len(t[new]) > len(s[new]):
                    findings.append(self._swap(link, group, old, new, s[old], t[new],
                                               "minor", partial=True))
        return findings

    def _swap(self, link: Link, group: RelationGroup, old: str, new: str,
              s_cues: list[tuple[int, Cue]], t_cues: list[tuple[int, Cue]],
              severity: Severity, partial: bool = False) -> Finding:
        was = ", ".join(f"“{c.text}”" for _, c in s_cues)
        now = ", ".join(f"“{c.text}”" for _, c in t_cues)
        if partial:
            message = (f"{group.change}: the reference's {was} ({group.describe(old)}) is gone "
                       f"from the relay, which has more of {now} ({group.describe(new)}) "
                       "in its place")
        else:
            message = (f"{group.change}: the reference's {was} ({group.describe(old)}) is "
                       f"{now} ({group.describe(new)}) in the relay")
        return self.finding(
            group.kind, severity, link.src, link.tgt, message,
            src_spans=[(i, c.start, c.end) for i, c in s_cues],
            tgt_spans=[(j, c.start, c.end) for j, c in t_cues],
            group=group.name, src_class=old, tgt_class=new,
            lexicon={"reference": f"{old}: {s_cues[0][1].text}",
                     "relay": f"{new}: {t_cues[0][1].text}"},
            **({"partial": True} if partial else {}))
