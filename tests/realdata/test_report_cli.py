"""``provenance report``: formats, stdout, exit codes, and reuse of stored results.

The tests past the argument checks run the real pipeline on the seeds, or read the
session's stored analysis of them.
"""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest
from conftest import SEEDS
from support.cli import run_cli
from support.report_checks import SCHEMA, parse_html


def run(*args: str):
    return run_cli("report", *args)


def test_unknown_extension_is_bad_input_before_any_analysis(tmp_path: Path):
    result = run(str(SEEDS), "-o", str(tmp_path / "r.docx"))
    assert result.exit_code == 2
    assert "cannot tell the report format" in result.output
    assert not (tmp_path / "r.docx").exists()


def test_bad_options_exit_2(tmp_path: Path):
    assert run(str(SEEDS), "-o", str(tmp_path / "r.md"), "--min-severity", "huge").exit_code == 2
    assert run(str(tmp_path / "missing"), "-o", str(tmp_path / "r.md")).exit_code == 2
    assert run(str(SEEDS)).exit_code == 2  # -o is required
    nowhere = run(str(SEEDS), "-o", str(tmp_path / "no" / "such" / "r.html"))
    assert nowhere.exit_code == 2 and "folder does not exist" in nowhere.output


def test_unknown_reference_is_bad_input(tmp_path: Path):
    result = run(str(SEEDS), "-o", str(tmp_path / "r.json"), "--reference", "no-such-id")
    assert result.exit_code == 2 and "no-such-id" in result.output
    assert not (tmp_path / "r.json").exists()


@pytest.fixture(scope="module")
def stored_seeds(seeds_home: Path, tmp_path_factory) -> dict:
    out = tmp_path_factory.mktemp("report") / "seeds.json"
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("PROVENANCE_HOME", str(seeds_home))
        result = run(str(SEEDS), "-o", str(out))
    assert result.exit_code == 0, result.output
    return json.loads(out.read_text("utf-8"))


@pytest.fixture
def seeds_json(stored_seeds: dict, warm_home: Path) -> dict:
    """The JSON report of the seeds analysed by the pipeline; the test runs on (a copy of)
    the store that holds that analysis."""
    return stored_seeds


def test_json_report_of_the_seeds_through_the_pipeline(seeds_json):
    jsonschema.validate(seeds_json, SCHEMA)
    assert len(seeds_json["articles"]) == 5
    assert seeds_json["pairs"], "the seeds relay one story: some articles must be compared"
    assert "version:" in seeds_json["signature"]


@pytest.mark.parametrize("fmt", ["html", "md", "csv", "tmx"])
def test_every_format_through_the_pipeline(seeds_json, fmt, tmp_path: Path):
    out = tmp_path / f"seeds.{fmt}"
    result = run(str(SEEDS), "-o", str(out))
    assert result.exit_code == 0, result.output
    text = out.read_text("utf-8")
    findings = sum(len(p["findings"]) for p in seeds_json["pairs"])
    if fmt == "html":
        page = parse_html(text)
        assert page.errors == []
        ids = {a["data-article-id"] for t, a in page.tags if t == "section" and
               "data-article-id" in a}
        assert ids == {a["id"] for a in seeds_json["articles"]}
    elif fmt == "md":
        # one section per article (the claims section has its own, before)
        assert text.split("\n## Sentence by sentence")[1].count("\n### ") == 5
    elif fmt == "csv":
        assert len(list(csv.DictReader(io.StringIO(text)))) == findings
    else:
        units = ET.fromstring(text.encode()).find("body").findall("tu")
        rows = sum(bool(r["src"] and r["tgt"]) for p in seeds_json["pairs"] for r in p["rows"])
        assert len(units) == rows
    assert seeds_json["signature"] in text.replace("\\|", "|")


def test_stdout_and_explicit_format(seeds_json):
    result = run_cli("report", str(SEEDS), "-o", "-", "--format", "json")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["signature"] == seeds_json["signature"]
    assert run(str(SEEDS), "-o", "-").exit_code == 2  # no extension, no --format


def test_fail_on_threshold(seeds_json, tmp_path: Path):
    severities = [f["severity"] for p in seeds_json["pairs"] for f in p["findings"]]
    for level, worse in [("minor", {"minor", "major", "critical"}),
                         ("major", {"major", "critical"}), ("critical", {"critical"})]:
        result = run(str(SEEDS), "-o", str(tmp_path / "r.md"), "--fail-on", level)
        expected = 1 if any(s in worse for s in severities) else 0
        assert result.exit_code == expected, (level, result.output)


def test_second_report_reuses_the_store(seeds_json, tmp_path: Path, monkeypatch):
    # The fixture's run stored the analysis; a report in another format must not realign.
    import provenance.align

    def refuse(*args, **kwargs):
        raise AssertionError("aligned again instead of reusing the store")

    monkeypatch.setattr(provenance.align, "align", refuse)
    # One process, so that a realignment would reach ``refuse``.
    result = run(str(SEEDS), "-o", str(tmp_path / "again.csv"), "--jobs", "1")
    assert result.exit_code == 0, result.output


def test_hostile_article_through_the_pipeline(seeds_json, tmp_path: Path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for seed in sorted(SEEDS.glob("*.md"))[:2]:
        (corpus / seed.name).write_text(seed.read_text("utf-8"), "utf-8")
    (corpus / "evil.txt").write_text(
        "Jeff Bezos spoke with Trump <script>alert(1)</script> at least twice in June. "
        'Blue Origin got $2.4 billion "><img src=x onerror=alert(1)> for seven launches.\n',
        "utf-8")
    out = tmp_path / "evil.html"
    result = run(str(corpus), "-o", str(out))
    assert result.exit_code == 0, result.output
    page = parse_html(out.read_text("utf-8"))
    assert page.errors == []
    assert not {t for t, _ in page.tags} & {"script", "img"}


def test_interrupted_report_resumes_with_the_pairs_already_done(tmp_path: Path, monkeypatch):
    import provenance.align

    real_align, calls = provenance.align.align, []

    def interrupt_on_third(*args, **kwargs):
        calls.append(1)
        if len(calls) == 3:
            raise KeyboardInterrupt
        return real_align(*args, **kwargs)

    monkeypatch.setattr(provenance.align, "align", interrupt_on_third)
    out = tmp_path / "seeds.json"
    # One process: the counting wrapper lives in this process, not in pool workers.
    first = run(str(SEEDS), "-o", str(out), "--jobs", "1")
    assert first.exit_code == 130 and "resume" in first.output
    assert not out.exists()

    calls.clear()
    monkeypatch.setattr(provenance.align, "align",
                        lambda *a, **k: calls.append(1) or real_align(*a, **k))
    second = run(str(SEEDS), "-o", str(out), "--jobs", "1")
    assert second.exit_code == 0, second.output
    pairs = json.loads(out.read_text("utf-8"))["pairs"]
    assert len(calls) == len(pairs) - 2  # the two pairs finished before the interrupt
