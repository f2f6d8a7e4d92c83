"""The drift vocabulary (provenance.drift.kinds) and the shared row rule (report.rows)."""

from __future__ import annotations

import re

import pytest
from rich.cells import cell_len
from rich.color import Color
from support.analysis_factory import article_from_lines

from provenance.drift import default_detectors
from provenance.drift.kinds import (
    KINDS,
    OTHER_KIND,
    SEVERITY_LEVELS,
    drift_kind,
    kind_order,
    kind_symbol,
    severity_level,
    severity_rank,
    weights_text,
)
from provenance.errors import BadInput
from provenance.model import SEVERITIES, SEVERITY_WEIGHTS, Alignment, Finding, Link, PairAnalysis
from provenance.report.rows import aligned_rows


def test_every_kind_a_detector_can_emit_is_described() -> None:
    emitted = {kind for detector in default_detectors() for kind in detector.kinds}
    assert emitted, "the detectors declare their kinds"
    assert emitted <= KINDS.keys(), f"add {sorted(emitted - KINDS.keys())} to drift/kinds.py"


def test_each_kind_reads_without_colour_and_in_one_cell() -> None:
    symbols = [k.symbol for k in KINDS.values()] + [OTHER_KIND.symbol]
    assert len(set(symbols)) == len(symbols), "two kinds share a symbol"
    assert all(cell_len(s) == 1 for s in symbols)
    colours = [k.colour for k in KINDS.values()] + [OTHER_KIND.colour]
    assert len(set(colours)) == len(colours)
    for k in [*KINDS.values(), OTHER_KIND]:
        assert re.fullmatch(r"#[0-9a-f]{6}", k.colour), k
        Color.parse(k.terminal)  # raises on a name the terminal does not know
        assert k.label and k.description
    assert [k.order for k in KINDS.values()] == list(range(len(KINDS)))


def test_an_unknown_kind_still_renders_after_the_known_ones() -> None:
    assert kind_symbol("quantifier") == OTHER_KIND.symbol
    assert drift_kind("quantifier").name == "quantifier"
    assert drift_kind("quantifier").colour == OTHER_KIND.colour
    assert kind_order(["quantifier", "addition", "number", "aspect", "number"]) == \
        ["number", "addition", "aspect", "quantifier"]


def test_severities_follow_the_model() -> None:
    assert tuple(SEVERITY_LEVELS) == SEVERITIES
    assert {s.name: s.weight for s in SEVERITY_LEVELS.values()} == SEVERITY_WEIGHTS
    assert [severity_rank(s) for s in SEVERITIES] == [0, 1, 2]
    marks = [s.mark for s in SEVERITY_LEVELS.values()]
    assert len(set(marks)) == 3 and all(cell_len(m) == 1 for m in marks)
    for s in SEVERITY_LEVELS.values():
        Color.parse(s.terminal.split()[-1])
    assert weights_text() == "minor 1, major 5, critical 25"
    with pytest.raises(BadInput, match="blocker"):
        severity_level("blocker")


# -- the row rule --------------------------------------------------------------------------
def _pair(links: list[Link], findings: list[Finding]):  # type: ignore[no-untyped-def]
    ref = article_from_lines("ref", [f"Reference sentence {i}." for i in range(4)], "en")
    relay = article_from_lines("relay", [f"Relay sentence {i}." for i in range(4)], "en")
    return PairAnalysis("ref", "relay", Alignment("en", "en", "reorder", links), findings), ref, \
        relay


def _finding(kind: str, src: tuple[int, ...], tgt: tuple[int, ...]) -> Finding:
    return Finding(kind, "minor", src, tgt, f"{kind} {src} {tgt}")


def test_a_finding_sits_on_one_row_its_first_reference_sentence_decides() -> None:
    links = [Link((0,), (1,), 0.9), Link((1, 2), (0,), 0.8), Link((3,), (), 0.0),
             Link((), (2,), 0.0), Link((), (3,), 0.0)]
    crossing = _finding("entity", (2,), (1,))  # a repaired unit: rows 1 and 0 both touch it
    omission = _finding("omission", (3,), ())
    addition = _finding("addition", (), (3,))
    stray = _finding("number", (7,), (9,))  # indices no row holds
    pair, ref, relay = _pair(links, [crossing, omission, addition, stray])
    rows = aligned_rows(pair, ref, relay, pair.findings, lambda f: f)
    assert [r.findings for r in rows] == [[], [crossing], [omission], [], [addition]]
    assert [s.index for s in rows[1].src] == [1, 2] and rows[3].src == []


def test_items_other_than_findings_ride_along_in_their_order() -> None:
    links = [Link((0,), (0,), 1.0), Link((1,), (1,), 1.0)]
    first, second = _finding("number", (1,), (1,)), _finding("date", (1,), (1,))
    pair, ref, relay = _pair(links, [first, second])
    numbered = [(7, second), (3, first)]
    rows = aligned_rows(pair, ref, relay, numbered, lambda item: item[1])
    assert [r.findings for r in rows] == [[], [(7, second), (3, first)]]
