"""Bad input at corpus scale: every broken file is reported, with its reason, in one line,
and skipped (or used after a repair), and the run goes on; ``--strict`` stops instead.

The files come from ``tests/support/bad_input.py`` (built, not copied from the web).
"""

from __future__ import annotations

import json
import re
import shutil
import warnings
from pathlib import Path

import pytest
from conftest import SEEDS
from support.bad_input import (
    CASES,
    EN,
    BadCase,
    write_bad_inputs,
    write_corpus,
    write_jsonl_with_a_bad_line,
)
from support.cli import run_cli

from provenance.corpus import read_corpus
from provenance.errors import BadInput, RepairedInput, SkippedInput
from provenance.pipeline import analyze_corpus
from provenance.store import Store


@pytest.fixture
def bad_folder(tmp_path: Path) -> tuple[Path, list[BadCase]]:
    """The bad-input set beside one good article."""
    folder = tmp_path / "corpus"
    cases = write_bad_inputs(folder)
    (folder / "good.txt").write_text(EN, encoding="utf-8")
    return folder, cases


def _issue_for(issues, case: BadCase):  # type: ignore[no-untyped-def]
    found = [i for i in issues if Path(i.path).name == case.name]
    assert len(found) == 1, (case.name, [str(i) for i in issues])
    return found[0]


def test_every_bad_file_is_reported_with_its_reason_and_the_rest_is_read(bad_folder):
    folder, cases = bad_folder
    corpus = read_corpus([folder])
    assert len(corpus.issues) == len(cases)
    for case in cases:
        issue = _issue_for(corpus.issues, case)
        assert re.search(case.reason, str(issue)), (case.reason, str(issue))
        assert issue.skipped == case.skipped
        assert "\n" not in str(issue)
        assert str(issue).endswith("; skipped") == case.skipped
    used = sorted(Path(a.source_path).name for a in corpus.articles)
    repaired = sorted(c.name for c in cases if not c.skipped)
    assert used == sorted(["good.txt", *repaired])


def test_stray_bytes_keep_the_article_and_its_text(bad_folder):
    folder, _ = bad_folder
    articles = {Path(a.source_path).name: a for a in read_corpus([folder]).articles}
    chinese = articles["stray-zh.txt"]
    assert chinese.lang.startswith("zh") and chinese.text.count("\ufffd") == 1
    latin = articles["latin-two-bad.txt"]
    assert latin.text.count("\ufffd") == 2
    assert latin.text.replace("\ufffd", "").strip() == EN  # no mojibake letters
    assert "\x1b" not in articles["escapes.txt"].text


def test_load_corpus_warns_once_per_issue(bad_folder):
    from provenance.corpus import load_corpus

    folder, cases = bad_folder
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        load_corpus([folder])
    ours = [w for w in caught if issubclass(w.category, SkippedInput | RepairedInput)]
    assert len(ours) == len(cases)
    assert sum(issubclass(w.category, RepairedInput) for w in ours) == sum(
        not c.skipped for c in cases)


@pytest.mark.parametrize("index", range(len(CASES) + 1))  # + the unreadable file
def test_strict_stops_at_the_bad_file_with_its_reason(tmp_path: Path, index: int):
    folder = tmp_path / "all"
    cases = write_bad_inputs(folder)
    if index >= len(cases):
        pytest.skip("no such case on this machine")
    case = cases[index]
    alone = tmp_path / "alone"
    alone.mkdir()
    source = folder / case.name
    shutil.move(source, alone / case.name) if not source.is_symlink() else \
        (alone / case.name).symlink_to(tmp_path / "nowhere")
    (alone / "good.txt").write_text(EN, encoding="utf-8")
    with pytest.raises(BadInput, match=case.reason) as info:
        read_corpus([alone], strict=True)
    assert "\n" not in str(info.value)


def test_one_bad_line_of_a_jsonl_file_costs_that_line(tmp_path: Path):
    case = write_jsonl_with_a_bad_line(tmp_path / "feed.jsonl")
    corpus = read_corpus([tmp_path])
    assert [a.id for a in corpus.articles] == ["line-1", "line-3"]
    [issue] = corpus.issues
    assert re.search(case.reason, str(issue))


def test_a_corpus_of_nothing_usable_is_one_error(tmp_path: Path):
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_bytes(b"")
    with pytest.raises(BadInput, match=r"none of the 2 files holds a usable article"):
        read_corpus([tmp_path])


def test_two_thousand_files_with_twenty_broken(tmp_path: Path):
    cases = write_corpus(tmp_path / "big", files=2000, broken=20)
    progress: list[tuple[str, int, int]] = []
    corpus = read_corpus([tmp_path / "big"], progress=lambda *a: progress.append(a))
    assert corpus.files == 2000
    assert len(corpus.issues) == 20
    for case in cases:
        assert re.search(case.reason, str(_issue_for(corpus.issues, case)))
    skipped = sum(c.skipped for c in cases)
    assert len(corpus.articles) == 2000 - skipped
    # progress moves file by file, then article by article
    reads = [done for stage, done, _ in progress if stage == "read"]
    assert reads == list(range(1, 2001))
    stage, done, total = progress[-1]
    assert stage == "ingest" and done == total >= len(corpus.articles)


# -- the commands ------------------------------------------------------------------------

def test_ingest_names_every_bad_file_on_its_own_line_and_goes_on(bad_folder):
    folder, cases = bad_folder
    result = run_cli("ingest", folder, "--format", "json")
    assert result.exit_code == 0, result.output
    warnings_ = [line for line in result.stderr.splitlines() if line.startswith("warning: ")]
    assert len(warnings_) == len(cases) + 1  # one per file and the closing count
    for case in cases:
        assert sum(bool(re.search(case.reason, line)) for line in warnings_) == 1, case.name
    skipped = sum(c.skipped for c in cases)
    assert warnings_[-1].startswith(
        f"warning: input issues: {skipped} skipped, {len(cases) - skipped} used with stray "
        "bytes replaced")
    assert "Traceback" not in result.output
    document = json.loads(result.stdout)
    assert len(document["issues"]) == len(cases)
    assert len(document["articles"]) == 1 + len(cases) - skipped


@pytest.mark.parametrize("command", ["ingest", "analyze", "report", "tui"])
def test_strict_aborts_with_one_error_line(bad_folder, tmp_path: Path, command: str):
    folder, _ = bad_folder
    extra = ["-o", str(tmp_path / "r.md")] if command == "report" else []
    result = run_cli(command, folder, "--strict", *extra)
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("error: "), result.stderr
    assert re.search(r": (empty file|binary file|cannot read|cannot decode)", result.stderr)


def test_report_skips_bad_files_every_run_and_says_so(bad_folder, tmp_path: Path, warm_home):
    folder, cases = bad_folder
    for seed in sorted(SEEDS.glob("*.md"))[2:4]:
        shutil.copy(seed, folder / seed.name)
    for run in ("fresh", "stored"):
        result = run_cli("report", folder, "-o", tmp_path / "r.csv", "--jobs", "1")
        assert result.exit_code == 0, (run, result.output)
        lines = result.stderr.splitlines()
        assert sum(line.startswith("warning: ") for line in lines) == len(cases) + 1, run
        assert any("written to" in line for line in lines)
    # the stored analysis knows them too: --strict refuses it
    strict = run_cli("report", folder, "-o", tmp_path / "r.csv", "--strict")
    assert strict.exit_code == 2 and strict.stderr.startswith("error: ")


def test_the_reports_name_the_files_left_out(bad_folder, tmp_path: Path, warm_home):
    # a reader of the report, not only of the terminal, must know what it does not cover
    folder, cases = bad_folder
    for seed in sorted(SEEDS.glob("*.md"))[2:4]:
        shutil.copy(seed, folder / seed.name)
    outputs = {fmt: tmp_path / f"r.{fmt}" for fmt in ("json", "md", "html")}
    for out in outputs.values():
        assert run_cli("report", folder, "-o", out, "--jobs", "1").exit_code == 0
    issues = json.loads(outputs["json"].read_text(encoding="utf-8"))["input_issues"]
    assert len(issues) == len(cases)
    names = {Path(i["path"]).name for i in issues if i["skipped"]}
    assert names
    for fmt in ("md", "html"):
        text = outputs[fmt].read_text(encoding="utf-8")
        assert all(name in text for name in names), fmt


def test_an_article_too_long_to_compare_is_skipped_not_compared_for_hours(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    import provenance.pipeline as pipeline

    monkeypatch.setattr(pipeline, "MAX_SENTENCES", 40)
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "short.txt").write_text(EN + "\n", encoding="utf-8")
    (folder / "relay.txt").write_text(EN.replace("twice", "three times") + "\n",
                                      encoding="utf-8")
    (folder / "dump.txt").write_text(" ".join([EN] * 30), encoding="utf-8")  # one line
    analysis = analyze_corpus([folder], store=Store(tmp_path / "s.sqlite"))
    assert sorted(a.id for a in analysis.articles) == ["relay", "short"]
    [issue] = analysis.issues
    assert re.search(r"dump\.txt: 60 sentences, more than one article can have here \(40\); "
                     r"split it; skipped", str(issue))
    with pytest.raises(BadInput, match="60 sentences"):
        analyze_corpus([folder], store=Store(tmp_path / "s2.sqlite"), strict=True)


def test_a_folder_that_cannot_be_listed_is_an_issue(tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch):
    """(Root lists every folder, so the refusal is simulated where os.walk reports it.)"""
    import os

    import provenance.corpus as corpus_module

    (tmp_path / "good.txt").write_text(EN, encoding="utf-8")
    locked = tmp_path / "locked"
    real_walk = os.walk

    def walk(top, onerror=None, **kwargs):  # type: ignore[no-untyped-def]
        onerror(PermissionError(13, "Permission denied", str(locked)))
        yield from real_walk(top, onerror=onerror, **kwargs)

    monkeypatch.setattr(corpus_module.os, "walk", walk)
    corpus = read_corpus([tmp_path])
    assert [str(i) for i in corpus.issues] == [
        f"{locked}: cannot read folder (Permission denied); skipped"]
    assert len(corpus.articles) == 1
    with pytest.raises(BadInput, match=r"locked: cannot read folder \(Permission denied\)"):
        read_corpus([tmp_path], strict=True)
