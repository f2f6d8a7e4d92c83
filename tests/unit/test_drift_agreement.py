"""How much a linked unit's two sides agree: names a merging relay takes from the
reference's neighbouring sentences do not count against the link."""

from __future__ import annotations

from test_drift import article

from provenance.drift.context import PairContext
from provenance.glossary import default_glossary
from provenance.model import Alignment, Link

SRC = ["Elon Musk spoke with Vladimir Putin again in 2023, people familiar said.",
       "The contacts raise concerns in Washington and in Kyiv, given Putin's role."]


def _agreement(tgt: str, lang: str) -> float | None:
    link = Link((1,), (0,), 1.0)
    pair = PairContext.build(article(SRC, "en", id="s"), article([tgt], lang, id="t"),
                             Alignment("en", lang, "monotonic", [link]), default_glossary())
    return pair.agreement(link)


def test_names_of_the_neighbouring_sentence_do_not_count_against_the_link() -> None:
    # the relay merges: "Musk" comes from the sentence before the one it renders
    merged = _agreement("Контакти Ілона Маска з Путіним непокоять Вашингтон і Київ.", "uk")
    assert merged == 1.0
    # a name the reference's neighbourhood does not give still counts
    other = _agreement("Контакти Дональда Трампа з Путіним непокоять Вашингтон і Київ.", "uk")
    assert other is not None and other < 1.0
