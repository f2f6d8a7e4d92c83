"""Agency drift: an idea credited to the leader it was put to.

"Advisers close to the president-elect put forth different versions of a plan" becomes
"Trump is considering a plan" (트럼프 당선인이 ... 방안을 검토하고 있다, "Трамп может
предложить"): the relay makes the leader the author of what his advisers proposed, and
a proposal becomes his intention. Read from data: the reference's unit has a word for the
advisers (``advisers`` in ``provenance/data/lexicons``) and one for an idea
(``plan_idea``); the relay's has an idea or a decision (``plan_idea``, ``plan_fact``),
names a person the reference's unit names too, and has no word for advisers.

Minor: which words go with which person is inferred from their presence in the two
units, not parsed. The finding rests on an absence, so, like a hedge dropped, it is
reported only where the two units render each other (drift._judge_links).
"""

from __future__ import annotations

from provenance.drift.base import LinkDetector
from provenance.facts import SentenceFacts, cues_in
from provenance.model import Finding, Link


class AgencyDrift(LinkDetector):
    """The advisers' proposal made the leader's own."""

    name = "agency"
    kinds = ("relation",)

    def compare(self, link: Link, src: list[SentenceFacts], tgt: list[SentenceFacts]
                ) -> list[Finding]:
        advisers, ideas = cues_in(src, "advisers"), cues_in(src, "plan_idea")
        plans = cues_in(tgt, "plan_idea", "plan_fact")
        if not (advisers and ideas and plans) or cues_in(tgt, "advisers"):
            return []
        named = {t.concept_id for f in src for t in f.terms if t.category == "person"}
        leader = next(((f.index, t) for f in tgt for t in f.terms
                       if t.category == "person" and t.concept_id in named), None)
        if leader is None:
            return []
        (i, adviser), (j, person), (k, plan) = advisers[0], leader, plans[0]
        idea = ideas[0][1]
        who = f"“{person.text}”" + (f" ({person.canonical})" if person.text != person.canonical
                                    else "")
        return [self.finding(
            "relation", "minor", link.src, link.tgt,
            f"who proposes changed: the reference credits “{idea.text}” to “{adviser.text}”; "
            f"the relay gives “{plan.text}” to {who}, with no word for the advisers",
            src_spans=[(i, adviser.start, adviser.end)],
            tgt_spans=sorted([(j, person.start, person.end), (k, plan.start, plan.end)]),
            change="agency", concept=person.concept_id, cue=plan.text, src_cue=adviser.text)]
