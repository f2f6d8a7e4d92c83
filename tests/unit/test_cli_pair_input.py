"""The shared SRC/TGT input of ``align`` and ``drift``."""

from __future__ import annotations

import json

from support.cli import run_cli

from provenance.cli.pair_input import load_side


def test_presegmented_keeps_line_numbers_for_align_and_drift(tmp_path):
    src = tmp_path / "src.txt"
    tgt = tmp_path / "tgt.txt"
    src.write_text("SpaceX won a $5.9 billion contract.\n\nBlue Origin got $2.4 billion.\n",
                   encoding="utf-8")
    tgt.write_text("SpaceX won a $59 billion contract.\nBlue Origin got $2.4 billion.\n",
                   encoding="utf-8")
    for command in ("align", "drift"):
        result = run_cli(command, str(src), str(tgt), "--presegmented",
                         "--format", "json")
        assert result.exit_code == 0, result.output
        links = json.loads(result.output)["links"]
        assert sorted(i for link in links for i in link["src"]) == [0, 1, 2]
        assert sorted(j for link in links for j in link["tgt"]) == [0, 1]
    findings = json.loads(result.output)["findings"]
    assert any(f["kind"] == "number" and f["src"] == [0] and f["tgt"] == [0] for f in findings)


def test_declared_language_is_used_for_segmentation(tmp_path):
    path = tmp_path / "uk.txt"
    path.write_text("Президент зустрівся з прем'єром. Вони обговорили бюджет на 2025 рік.",
                    encoding="utf-8")
    article = load_side(str(path), "uk", presegmented=False)
    assert article.lang == "uk"
    assert {s.lang for s in article.sentences} == {"uk"}
    assert len(article.sentences) == 2


def test_translation_file_must_have_one_line_per_source_sentence(tmp_path):
    src = tmp_path / "src.txt"
    tgt = tmp_path / "tgt.txt"
    rendering = tmp_path / "rendering.txt"
    src.write_text("One.\nTwo.\n", encoding="utf-8")
    tgt.write_text("Один.\nДва.\n", encoding="utf-8")
    rendering.write_text("Один.\n", encoding="utf-8")
    result = run_cli("drift", str(src), str(tgt), "--presegmented",
                     "--translation", str(rendering))
    assert result.exit_code == 2
    assert "1 lines for 2 source sentences" in result.output
