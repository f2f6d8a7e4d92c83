"""Certainty drift: hedges and evidentials added or removed.

Removing an evidential ("reportedly", 据报道, 것으로 알려졌다, нібито, якобы) turns a
rumour into a fact: major, unless the relay still attributes the claim ("according to
the WSJ"). Adding one is minor, and only when it casts doubt ("allegedly", нібито):
"reportedly", 据报道 added mark the relay as a relay, and "allegedly" in place of the
source's own attribution ("..., said two people briefed") says what the source said.
Modal hedges (may, could, 可能) come and go in ordinary translation more often, so their
changes are minor; adding a hedge weakens a claim and is minor too.

A hedge kept but made stronger ("could find a role" -> 很可能入閣, "very likely") or
weaker ("likely" -> "could") is minor too: one side has only weak hedges (possible), the
other only strong ones (probable, expected); a probability negated or compared
("unlikely", 不太可能, "made war more likely") hedges nothing, and a side with one is
not compared. So is a scope widened: the source speaks of part of a group ("concerns
among some in the administration") and the relay has no word for a part at all ("the
White House is worried"), so it speaks for the whole. Both compare words that come and
go with the wording of a sentence, so they are reported only on a link that holds (the
pair's link judgement, drift._judge_links): a "could" and a "very likely" in sentences
that share too few names and numbers are no change, and a scope, like a hedge dropped,
is an absence, reported only where the two sentences are each other's closest match in
meaning.
"""

from __future__ import annotations

import re

from provenance.drift.base import LinkDetector
from provenance.facts import SentenceFacts, cues_in
from provenance.lexicons import HEDGE_STRENGTHS, SCOPES, Cue
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
        strength = self._strength_changed(link, src, tgt)
        if strength is not None:
            found.append(strength)  # the hedge is kept, only stronger or weaker
        elif s_mod and not t_mod and not t_ev:
            found.append(self._one_sided(link, "hedge", "src", s_mod[0], "minor",
                                         "the relay is more certain than the source"))
        elif t_mod and not s_mod and not s_ev:
            found.append(self._one_sided(link, "hedge", "tgt", t_mod[0], "minor",
                                         "the relay is less certain than the source"))
        s_scope = cues_in(src, "scope_group")
        if s_scope and not cues_in(tgt, *SCOPES, "vague_quantity"):
            # "among some in the administration" -> "the White House is worried"
            i, group = s_scope[0]
            # the quote is the word for a part ("some" of "some officials"): the word
            # the relay lacks
            i, part = next(((j, c) for j, c in cues_in(src, "scope_part")
                            if _overlaps((j, c), [(i, group)])), (i, group))
            text = next(f.text for f in src if f.index == i)
            found.append(self.finding(
                "certainty", "minor", link.src, link.tgt,
                f"scope widened: the reference's “{_clause(text, group.start, group.end)}” "
                "speaks of part of a group; the relay has no word for a part, and speaks "
                "for the whole group",
                src_spans=[(i, part.start, part.end)], change="scope_widened",
                cue=group.text))
        return found

    def _strength_changed(self, link: Link, src: list[SentenceFacts],
                          tgt: list[SentenceFacts]) -> Finding | None:
        """A hedge on both sides, weak on one and strong on the other."""
        s_weak, s_strong, s_other = _strengths(src)
        t_weak, t_strong, t_other = _strengths(tgt)
        if s_other or t_other:
            return None
        if s_weak and not s_strong and t_strong and not t_weak:
            (i, was), (j, now) = s_weak[0], t_strong[0]
            change, said = "raised", "as likely what the source gives as possible"
        elif s_strong and not s_weak and t_weak and not t_strong:
            (i, was), (j, now) = s_strong[0], t_weak[0]
            change, said = "lowered", "as possible what the source gives as likely"
        else:
            return None
        return self.finding(
            "certainty", "minor", link.src, link.tgt,
            f"hedge {change}: the reference's “{was.text}” is “{now.text}” in the relay, "
            f"which gives {said}",
            src_spans=[(i, was.start, was.end)], tgt_spans=[(j, now.start, now.end)],
            change=f"hedge_{change}", cue=now.text, src_cue=was.text)

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


#: where a clause ends, for quoting the rest of a cue's phrase
_CLAUSE_END = re.compile(r"[,.;:!?()\"“”«»，。；：！？、（）]")
#: how far past a cue its phrase is quoted
_PHRASE = 40


def _clause(text: str, start: int, end: int) -> str:
    """The cue at ``start:end`` with the rest of its phrase, for a message: "some in
    the" reads as "some in the current administration". Up to the end of the clause,
    and no more than a few words."""
    stop = _CLAUSE_END.search(text, end)
    limit = min(stop.start() if stop else len(text), end + _PHRASE)
    if limit < len(text) and not (stop and limit == stop.start()) and " " in text[end:limit]:
        limit = text.rindex(" ", end, limit)  # not in the middle of a word
    return text[start:limit].strip()


def _strengths(facts: list[SentenceFacts]
               ) -> tuple[list[tuple[int, Cue]], list[tuple[int, Cue]], bool]:
    """The weak and strong hedges of some sentences, and whether they hold a probability
    negated or compared. A cue inside a stronger or other one is that one: 可能 in 很可能
    is strong, "likely" in "not likely" or "more likely" hedges nothing."""
    weak, strong, other = (cues_in(facts, c) for c in HEDGE_STRENGTHS)
    strong = [c for c in strong if not _overlaps(c, other)]
    weak = [c for c in weak if not _overlaps(c, strong + other)]
    return weak, strong, bool(other)


def _overlaps(cue: tuple[int, Cue], others: list[tuple[int, Cue]]) -> bool:
    i, c = cue
    return any(i == j and c.start < o.end and o.start < c.end for j, o in others)
