"""The claims section every view reads: each witness's reading marked where it departs
from the consensus, or where its comparison with the reference found drift in it."""

from __future__ import annotations

from support.analysis_factory import article_from_lines

from provenance.model import (
    Alignment,
    Claim,
    Collation,
    CorpusAnalysis,
    Departure,
    Finding,
    PairAnalysis,
    Reading,
)
from provenance.report.claims import claims_section
from provenance.signature import Signature


def _claim(claim_id: str, readings: dict[str, tuple[int, ...]]) -> Claim:
    return Claim(claim_id, 0, "text", "a", (0,), len(readings),
                 [Reading(a, s, f"{a}{s}", n) for n, (a, s) in enumerate(readings.items())])


def _analysis() -> CorpusAnalysis:
    # e's sentence 1 is a reading of both claims; d's sentence 0 of the second
    claims = [_claim("1.1", {"a": (0,), "b": (0,), "e": (1,)}),
              _claim("1.2", {"a": (1,), "d": (0,), "e": (1,)})]
    met = Finding("relation", "major", (0,), (1,), "“spoke” is “met”",
                  src_spans=[(0, 0, 5)], tgt_spans=[(1, 0, 3)])
    restated = Departure("1.1", "e", Finding("relation", "major", (), (1,), "2 of 3 say spoke",
                                             tgt_spans=[(1, 0, 3)],
                                             evidence={"pair_finding": met.message}),
                         "relation", "spoke", "met", 2, 3, "a", (0,))
    twice = Finding("number", "minor", (0,), (1,), "“at least twice” is “twice”",
                    src_spans=[(0, 9, 24)], tgt_spans=[(1, 8, 13)])
    rounded = Finding("number", "minor", (1,), (0,), "“$5.9 billion” is “$6 billion”",
                      src_spans=[(1, 0, 12)], tgt_spans=[(0, 0, 10)])
    summary = Finding("entity", "minor", (), (0,), "the relay brings in “Kremlin”",
                      tgt_spans=[(0, 0, 7)], detector="coverage")
    pairs = [PairAnalysis("a", "e", Alignment("en", "en", "monotonic", []), [met, twice]),
             PairAnalysis("a", "d", Alignment("en", "uk", "monotonic", []),
                          [rounded, summary])]
    return CorpusAnalysis(Signature(), [], {}, pairs, "a",
                          collation=Collation(claims=claims, departures=[restated]))


def test_a_reading_with_drift_against_the_reference_is_marked_once():
    first, second = claims_section(_analysis()).claims
    e1 = next(r for r in first.readings if r.reading.article_id == "e")
    # the departure restates the pair's "met": shown as the departure alone; "twice" is
    # shown at the first claim that holds the sentence, not again at the second
    assert e1.status == "departs" and [f.message for f in e1.drift] == [
        "“at least twice” is “twice”"]
    assert [(f.message, against) for f, against in e1.changes()] == [
        ("2 of 3 say spoke", "consensus"), ("“at least twice” is “twice”", "reference")]
    e2 = next(r for r in second.readings if r.reading.article_id == "e")
    assert e2.status == "agrees" and not e2.drift
    # d agrees with the consensus but rounds the reference's amount; what the whole
    # article brings in belongs to no one claim
    d = next(r for r in second.readings if r.reading.article_id == "d")
    assert d.status == "drifts" and [f.message for f in d.drift] == [
        "“$5.9 billion” is “$6 billion”"]
    assert [r.reading.article_id for r in second.departing] == ["d"]


def test_the_minimum_severity_applies_to_drift_too():
    first, second = claims_section(_analysis(), "major").claims
    assert all(not r.drift for entry in (first, second) for r in entry.readings)


def test_drift_on_a_sentence_in_no_claim_is_shown_at_the_reference_sentences_claim():
    # the grouping put f's lead nowhere; its comparison with the reference pairs it with
    # the reference's reading of claim 1.1, where it becomes f's reading
    claims = [_claim("1.1", {"a": (0,), "b": (0,)}), _claim("1.2", {"a": (1,), "f": (0,)})]
    moved = Finding("date", "minor", (0,), (2,), "“late 2022” is “2022”",
                    src_spans=[(0, 0, 9)], tgt_spans=[(2, 6, 10)])
    relay = article_from_lines("f", ["Musk spoke.", "Nothing here.", "Since 2022 they spoke."],
                               "en")
    analysis = CorpusAnalysis(
        Signature(), [relay], {},
        [PairAnalysis("a", "f", Alignment("en", "en", "monotonic", []), [moved])], "a",
        collation=Collation(claims=claims, groups={"a": 0, "b": 1, "f": 2}))
    first, second = claims_section(analysis).claims
    (f,) = [r for r in first.readings if r.reading.article_id == "f"]
    assert f.reading.sentences == (2,) and f.reading.text == "Since 2022 they spoke."
    assert f.status == "drifts" and f.drift == [moved]
    # f's own reading of the other claim is untouched
    assert [r.status for r in second.readings] == ["agrees", "agrees"]
