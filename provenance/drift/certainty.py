"""Certainty drift: hedges and evidentials added or removed.

Removing an evidential ("reportedly", 据报道, 것으로 알려졌다, нібито, якобы) turns a
rumour into a fact: major, unless the relay still attributes the claim ("according to
the WSJ"). Adding one is minor, and only when it casts doubt ("allegedly", нібито):
"reportedly", 据报道 added mark the relay as a relay, and "allegedly" in place of the
source's own attribution ("..., said two people briefed") says what the source said.
Modal hedges (may, could, 可能) come and go in ordinary translation more often, so their
changes are minor; adding a hedge weakens a claim and is minor too.
"""

from __future__ import annotations

from provenance.drift.base import LinkDetector
from provenance.facts import SentenceFacts, cues_in
from provenance.lexicons import Cue
from provenance.model import Finding, Link, Severity


class CertaintyDrift(LinkDetector):
    """Evidentials and modal hedges present on one side only."""

    name = "certainty"
    kinds = ("certainty",)

    def compare(self, link: Link, src: list[SentenceFacts], tgt: list[SentenceFacts]
                ) -> list[Finding]:
        found: list[Finding] = []
        s_ev, t_ev = cues_in(src, "evidential"), cues_in(tgt, "evidential")
        s_mod, t_mod = cues_in(src, "modal"), cues_in(tgt, "modal")
        t_reporting = cues_in(tgt, "reporting")
        if s_ev and not t_ev:
            # "reportedly" -> "according to X": still second-hand, only less vague
            severity = "minor" if (t_reporting or t_mod) else "major"
            found.append(self._one_sided(
                link, "evidential", "src", s_ev[0], severity,
                f"the relay states the claim {'with a source' if t_reporting else 'as fact'}"))
        elif t_ev and not s_ev:
            # "reportedly", 据报道 added only marks the relay as a relay; "allegedly",
            # нібито added casts doubt on the claim
            relaying = {(i, c.start, c.end) for i, c in cues_in(tgt, "relaying")}
            doubting = [(i, c) for i, c in t_ev if (i, c.start, c.end) not in relaying]
            # a claim the source reports from its sources ("..., said two people
            # briefed") is hearsay already: a relay that drops the attribution for
            # нібито, якобы or "allegedly" says the same; one that keeps it and adds
            # "allegedly" casts doubt
            if doubting and not (cues_in(src, "reporting") and not t_reporting):
                found.append(self._one_sided(link, "evidential", "tgt", doubting[0], "minor",
                                             "the relay presents the claim as hearsay"))
        if s_mod and not t_mod and not t_ev:
            found.append(self._one_sided(link, "hedge", "src", s_mod[0], "minor",
                                         "the relay is more certain than the source"))
        elif t_mod and not s_mod and not s_ev:
            found.append(self._one_sided(link, "hedge", "tgt", t_mod[0], "minor",
                                         "the relay is less certain than the source"))
        return found

    def _one_sided(self, link: Link, what: str, side: str, at: tuple[int, Cue],
                   severity: Severity, consequence: str) -> Finding:
        """An evidential or hedge (``what``) found on ``side`` ("src"/"tgt") only."""
        index, cue = at
        dropped = side == "src"
        return self.finding(
            "certainty", severity, link.src, link.tgt,
            f"{what} “{cue.text}” {'dropped' if dropped else 'added'}: {consequence}",
            **{f"{side}_spans": [(index, cue.start, cue.end)]},
            change=f"{what}_{'removed' if dropped else 'added'}", cue=cue.text)
