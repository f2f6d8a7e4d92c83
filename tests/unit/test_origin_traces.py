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
])
def test_translation_traces(text, found):
    assert _names(text) == found
