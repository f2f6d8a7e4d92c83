"""On the seeds: the reference a reader would defend, 004's "met" reported against the
consensus, and one reference through analyze, report and the TUI without saying it
twice."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
from conftest import SEEDS
from support.cli import run_cli

from provenance.report.jsonreport import load_schema
from tui.app import ProvenanceApp

SPOKE_MET = "004_cc6c4c0a1779133e"  # "met with Trump at least twice" where others "spoke"
VIA_INTERMEDIARY = "002_a881ebeb0d8b70ca"  # cites the WSJ through Kommersant Ukrainian


def test_the_seeds_reference_is_a_direct_witness_with_reasons(seeds_analysis):
    analysis = seeds_analysis  # without sentence vectors: benchmarks/relays.py has them
    (choice,) = analysis.references
    assert choice.article_id == analysis.reference_id
    # not the relay of a relay, not the article that drifted from the others
    assert choice.article_id not in (VIA_INTERMEDIARY, SPOKE_MET)
    assert choice.how == "best witness"
    assert any("directly" in reason for reason in choice.reasons)
    assert choice.runner_up and choice.runner_up != choice.article_id


def test_004s_met_is_reported_against_the_consensus(seeds_analysis):
    collation = seeds_analysis.collation
    assert collation is not None
    # once, though the sentence witnesses two claims (the second is marked a repeat)
    met = [d for d in collation.departures_of(SPOKE_MET, duplicates=True)
           if d.finding.kind == "relation" and "same_as_claim" not in d.finding.evidence]
    assert len(met) == 1, [d.finding.message for d in collation.departures]
    assert "met" in met[0].reading and "(remote)" in met[0].consensus
    assert met[0].finding.severity == "major"


def test_the_reference_asked_for_once_is_used_by_report_and_the_tui(warm_home, tmp_path):
    chosen = VIA_INTERMEDIARY  # any article but the automatic choice
    result = run_cli("analyze", SEEDS, "--reference", chosen, "--format", "json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["reference"] == chosen

    out = tmp_path / "report.json"
    result = run_cli("report", SEEDS, "-o", out)  # no --reference
    assert result.exit_code == 0, result.output
    report = json.loads(out.read_text(encoding="utf-8"))
    jsonschema.validate(report, load_schema())
    assert report["reference_id"] == chosen
    # the analysis stored when it was asked for, or one made since with the stored choice
    assert report["references"][0]["how"] in ("requested", "stored")
    assert report["claims"] and all(c["readings"] for c in report["claims"])
    assert {p["reference_id"] for p in report["pairs"]} == {chosen}

    import asyncio

    async def tui_reference() -> str | None:
        app = ProvenanceApp([SEEDS])  # no reference, the default store of warm_home
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.app.workers.wait_for_complete()
            await pilot.pause()
            return app.analysis.reference_id if app.analysis else None

    assert asyncio.run(tui_reference()) == chosen

    result = run_cli("analyze", SEEDS, "--reference", "auto", "--format", "json")
    assert json.loads(result.stdout)["reference"] != chosen
    result = run_cli("report", SEEDS, "-o", out)
    assert json.loads(out.read_text(encoding="utf-8"))["references"][0]["how"] not in (
        "requested", "stored")


def test_markdown_and_html_reports_show_the_claims(seeds_analysis, tmp_path: Path):
    from provenance.report import write_report

    write_report(seeds_analysis, tmp_path / "r.md")
    write_report(seeds_analysis, tmp_path / "r.html")
    md = (tmp_path / "r.md").read_text(encoding="utf-8")
    html = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert "## The reference and the claims" in md
    # every claim is there: in full where a witness departs, else on one line
    claims = seeds_analysis.collation.claims
    assert claims and all(f"### Claim {c.id} " in md or f"- **{c.id}** (" in md for c in claims)
    assert "### Claim " in md  # at least one claim with a departure, shown in full
    assert 'id="claims"' in html and 'href="#claims"' in html
    assert "independent witnesses say" in md and "independent witnesses say" in html
