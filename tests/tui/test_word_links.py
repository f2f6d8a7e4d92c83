"""The compare screen shows, under a row pairing a foreign sentence with an English one,
which words of one render which words of the other (read in a worker thread)."""

from __future__ import annotations

from pilot_steps import open_first_relay, settle
from support.analysis_factory import article_from_lines

from provenance.model import Alignment, ArticleProvenance, CorpusAnalysis, Link, PairAnalysis
from provenance.signature import Signature
from tui.app import ProvenanceApp
from tui.components.findings_panel import FindingsPanel


def _analysis() -> CorpusAnalysis:
    ref = article_from_lines("en", ["Musk spoke with Putin twice.", "The talks were secret."],
                             "en")
    relay = article_from_lines("uk", ["Маск розмовляв із Путіним двічі.",
                                      "Розмови були таємними."], "uk")
    links = [Link((0,), (0,), 1.0), Link((1,), (1,), 1.0)]
    pair = PairAnalysis("en", "uk", Alignment("en", "uk", "monotonic", links), [])
    provenance = {"en": ArticleProvenance("en", "original", 0.9),
                  "uk": ArticleProvenance("uk", "translation", 0.8)}
    return CorpusAnalysis(Signature({"align": "auto"}), [ref, relay], provenance, [pair],
                          reference_id="en")


async def test_matched_words_are_shown_under_a_cross_language_row(tmp_path):
    app = ProvenanceApp([tmp_path], store=None, analysis=_analysis())
    async with app.run_test(size=(120, 40)) as pilot:
        await open_first_relay(pilot)
        await settle(pilot)  # the word links are matched in a worker
        panel = app.screen.query_one(FindingsPanel)
        text = str(panel.render())
        assert "matched words:" in text
        assert "Putin → Путіним" in text and "twice → двічі" in text
        assert "(glossary)" in text and "(quantity)" in text
