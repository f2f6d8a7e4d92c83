"""``provenance align``: the JSON contract, text and TMX output, errors."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

from support.cli import run_cli
from test_align import RETOLD, STORY


def write_lines(path: Path, lines: list[str]) -> str:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return str(path)


def run(*args: str) -> tuple[int, str, str]:
    result = run_cli("align", *args)
    return result.exit_code, result.stdout, result.stderr


def test_json_contract(tmp_path: Path) -> None:
    src = write_lines(tmp_path / "src.txt", STORY)
    # The relay drops sentence 6 and merges 3+4.
    tgt_lines = RETOLD[:3] + [RETOLD[3] + " " + RETOLD[4]] + RETOLD[5:6] + RETOLD[7:]
    tgt = write_lines(tmp_path / "tgt.txt", tgt_lines)
    code, out, _ = run(src, tgt, "--presegmented", "--src-lang", "en", "--tgt-lang", "en",
                       "--format", "json")
    assert code == 0
    doc = json.loads(out)
    assert set(doc) == {"src_lang", "tgt_lang", "mode", "signature", "links"}
    assert doc["src_lang"] == "en" and doc["tgt_lang"] == "en"
    assert doc["mode"] in ("monotonic", "reorder")
    assert "translator:identity" in doc["signature"]
    for link in doc["links"]:
        assert set(link) == {"src", "tgt", "score"}
        assert isinstance(link["score"], float)
    assert sorted(i for link in doc["links"] for i in link["src"]) == list(range(len(STORY)))
    assert sorted(j for link in doc["links"] for j in link["tgt"]) == list(range(len(tgt_lines)))
    pairs = [(link["src"], link["tgt"]) for link in doc["links"]]
    assert ([3, 4], [3]) in pairs
    assert ([6], []) in pairs


def test_presegmented_keeps_line_numbers_and_detects_language(tmp_path: Path) -> None:
    src = write_lines(tmp_path / "src.txt", STORY[:4])
    tgt = write_lines(tmp_path / "tgt.txt", [RETOLD[0], "", RETOLD[1], RETOLD[2], RETOLD[3]])
    code, out, _ = run(src, tgt, "--presegmented", "--format", "json")
    assert code == 0
    doc = json.loads(out)
    assert doc["src_lang"] == "en"
    pairs = [(link["src"], link["tgt"]) for link in doc["links"]]
    assert ([], [1]) in pairs  # the blank line is sentence 1, an addition
    assert ([1], [2]) in pairs


def test_text_output_says_mode_and_translator(tmp_path: Path) -> None:
    src = write_lines(tmp_path / "src.txt", STORY)
    tgt = write_lines(tmp_path / "tgt.txt", RETOLD)
    code, out, err = run(src, tgt, "--presegmented", "--src-lang", "en", "--tgt-lang", "en")
    assert code == 0
    assert "mode: monotonic" in err and "translator: identity" in err
    assert "Blue Origin" in out and "Rocket Lab" in out


def test_tmx_output(tmp_path: Path) -> None:
    src = write_lines(tmp_path / "src.txt", STORY)
    tgt = write_lines(tmp_path / "tgt.txt", RETOLD[:5])
    code, out, _ = run(src, tgt, "--presegmented", "--src-lang", "en", "--tgt-lang", "en",
                       "--format", "tmx", "--mode", "monotonic")
    assert code == 0
    root = ET.fromstring(out.split("\n", 2)[2])  # skip declaration and doctype
    assert root.get("version") == "1.4"
    units = root.findall("./body/tu")
    assert len(units) == 5  # omissions are not translation units
    segs = [seg.text for seg in units[0].iter("seg")]
    assert segs == [STORY[0], RETOLD[0]]


def test_translation_file(tmp_path: Path) -> None:
    src = write_lines(tmp_path / "src.txt", ["第一句。", "第二句。"])
    tgt = write_lines(tmp_path / "tgt.txt", STORY[:2])
    bad = write_lines(tmp_path / "tr.txt", ["only one line"])
    code, _, err = run(src, tgt, "--presegmented", "--src-lang", "zh-cn", "--tgt-lang", "en",
                       "--translation", bad, "--format", "json")
    assert code == 2
    assert err.startswith("error:") and "1 lines for 2 source sentences" in err
    good = write_lines(tmp_path / "tr2.txt", [STORY[0], STORY[1]])
    code, out, _ = run(src, tgt, "--presegmented", "--src-lang", "zh-cn", "--tgt-lang", "en",
                       "--translation", good, "--format", "json")
    assert code == 0
    assert "translator:file" in json.loads(out)["signature"]


def test_article_files_are_segmented(tmp_path: Path) -> None:
    src = tmp_path / "src.md"
    src.write_text(" ".join(STORY[:4]) + "\n", encoding="utf-8")
    tgt = tmp_path / "tgt.md"
    tgt.write_text(" ".join(RETOLD[:4]) + "\n", encoding="utf-8")
    code, out, _ = run(str(src), str(tgt), "--format", "json")
    assert code == 0, out
    doc = json.loads(out)
    assert doc["src_lang"] == "en"
    assert [(link["src"], link["tgt"]) for link in doc["links"]] == [
        ([i], [i]) for i in range(4)]
