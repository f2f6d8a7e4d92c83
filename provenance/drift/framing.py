"""Framing drift: a loaded label on one side only ("the Russian leader" -> "the Russian
dictator", 独裁者, диктатор).

The labels are listed per language under ``label`` in ``provenance/data/lexicons``:
words that judge a person or a state rather than name them. A relay that adds one
editorialises; one that drops a label the reference uses softens it. Both are minor:
house style often adds such a label to a faithful translation, and a reader should see
it, not be alarmed by it.
"""

from __future__ import annotations

from provenance.drift.base import LinkDetector
from provenance.facts import SentenceFacts, cues_in
from provenance.model import Finding, Link


class FramingDrift(LinkDetector):
    """A loaded label present on one side of a link only."""

    name = "framing"
    kinds = ("term",)

    def compare(self, link: Link, src: list[SentenceFacts], tgt: list[SentenceFacts]
                ) -> list[Finding]:
        s_label, t_label = cues_in(src, "label"), cues_in(tgt, "label")
        if bool(s_label) == bool(t_label):
            return []
        added = bool(t_label)
        side, (index, cue) = ("tgt", t_label[0]) if added else ("src", s_label[0])
        what = ("added: the relay judges where the reference names" if added
                else "dropped: the relay is more neutral than the reference")
        return [self.finding(
            "term", "minor", link.src, link.tgt, f"loaded label “{cue.text}” {what}",
            **{f"{side}_spans": [(index, cue.start, cue.end)]},
            change="label_added" if added else "label_dropped", cue=cue.text)]
