"""Traces a translation leaves in English text, as origin signals."""

from __future__ import annotations

import pytest

from provenance.corpus import article_from_text
from provenance.origin import origin_signals


def _names(text: str) -> list[str]:
    return [s.name for s in origin_signals(article_from_text(text, lang="en"), None)]


@pytest.mark.parametrize(("text", "found"), [
    ("EU will strengthen sanctions - DW - 08.02.2023", ["day_first_date"]),
    ("The meeting was held on 12.12.2023.", ["day_first_date"]),
    ("The meeting was held on 12/12/2023 in Paris.", []),
    ("The app v2.01.2023 was released.", []),
    ("Numbers like 3.14.2020 are no dates.", []),
    ("31 minute(s) ago\nThe avalanche killed one man on Saturday.", ["template_plural"]),
    ("Photos (s) and captions", []),
    ("The death toll has exceeded 17 thousand people.", ["digit_thousand"]),
    ("Thousands fled; the toll passed 17,000 and tens of thousands are homeless.", []),
    # a present perfect with a definite past time, twice: a translator's habit
    ("On Monday, the president of Moldova has claimed a plot.\n"
     "Another missile has entered its airspace on Friday.",
     ["perfect_past_time", "perfect_past_time"]),
    # once is a slip any writer makes; the past tense is what English writes
    ("The club have also suffered a Covid outbreak on Sunday.", []),
    ("On Monday, the president claimed a plot.\nA missile entered its airspace on Friday.\n"
     "Officials have said nothing since, dpa reported on Sunday.", []),
    # the apostrophe of Ukrainian orthography in English words, twice
    ("Information about Musk\u02bcs contacts is secret.\nThey \u201cdon\u02bct like it\u201d.",
     ["ukrainian_apostrophe", "ukrainian_apostrophe"]),
    ("Information about Musk\u02bcs contacts is secret.", []),
    ("Information about Musk\u2019s contacts is secret.\nThey don't like it.", []),
])
def test_translation_traces(text, found):
    assert _names(text) == found
