"""Drift on real relays (../shared/data/relays): what the reference and one relay give,
with the real aligner and sentence vectors (about 50 sentences embedded per test)."""

from __future__ import annotations

import pytest
from conftest import SHARED_DATA

from provenance.align import align
from provenance.corpus import read_corpus
from provenance.drift import detect_drift
from provenance.glossary import default_glossary

PLAN = SHARED_DATA / "relays" / "wsj-trump-ukraine-plan-2024-11"


def _drift(reference: str, relay: str):
    if not PLAN.is_dir():
        pytest.skip(f"shared data not found at {PLAN}")
    glossary = default_glossary()
    src, tgt = read_corpus([PLAN / reference, PLAN / relay]).articles
    alignment = align([s.text for s in src.sentences], [s.text for s in tgt.sentences],
                      src.lang, tgt.lang, glossary=glossary)
    return detect_drift(src, tgt, alignment, glossary=glossary)


@pytest.mark.parametrize("relay", ["ua-platform.com-125056.md", "gordonua.com-1723871.md"])
def test_a_headline_that_sums_up_a_negated_sentence_adds_no_negation(vectors_on, relay):
    # "Замороження війни і відмова від НАТО на 20 років" sums up "Ukraine would promise not
    # to join NATO"; the aligner links it with the reference's headline ("Trump promised to
    # end the war"), which has no "not" and which it does not render
    found = _drift("livemint.com-11730942634559.md", relay)
    assert [f.message for f in found if f.kind == "negation"] == []
