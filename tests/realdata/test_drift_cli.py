"""``provenance drift SRC TGT``: JSON contract, text listing, errors."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import SEEDS
from support.cli import run_cli


def _write(tmp_path: Path, name: str, lines: list[str]) -> str:
    path = tmp_path / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return str(path)


SRC = ["Jeff Bezos spoke with President Donald Trump at least twice in June.",
       "In April, SpaceX won a $5.9 billion contract from the U.S. Space Force.",
       "Reuters could not verify the report."]
TGT = ["杰夫·贝索斯六月至少与特朗普总统通话两次。",
       "今年4月，SpaceX从美国太空军赢得了一份5.9亿美元的合同。"]


def test_json_output_follows_the_contract(tmp_path: Path) -> None:
    src, tgt = _write(tmp_path, "en.txt", SRC), _write(tmp_path, "zh.txt", TGT)
    result = run_cli("drift", src, tgt, "--presegmented", "--src-lang", "en",
                     "--tgt-lang", "zh-cn", "--format", "json")
    assert result.exit_code == 0, result.output
    doc = json.loads(result.output)
    assert doc["signature"] and "drift:" in doc["signature"]
    assert sorted(i for link in doc["links"] for i in link["src"]) == [0, 1, 2]
    by_kind = {f["kind"]: f for f in doc["findings"]}
    scale = by_kind["number"]
    assert scale["severity"] == "critical" and scale["weight"] == 25
    assert {1} <= set(scale["src"]) and scale["tgt"] == [1]  # the scaled sentence
    (i, a, b), = scale["tgt_span"]
    assert TGT[1][a:b].startswith("5.9亿")
    # the uncorroborated caveat is reported dropped, whether the aligner left it alone
    # or folded it into its neighbour's link
    assert by_kind["omission"]["src"] == [2] and by_kind["omission"]["tgt"] == []
    assert by_kind["omission"]["severity"] == "major"
    for f in doc["findings"]:
        assert set(f) >= {"kind", "severity", "weight", "src", "tgt", "src_span", "tgt_span",
                          "message"}


def test_text_output_groups_by_severity(tmp_path: Path) -> None:
    src, tgt = _write(tmp_path, "en.txt", SRC), _write(tmp_path, "zh.txt", TGT)
    result = run_cli("drift", src, tgt, "--presegmented", "--tgt-lang", "zh-cn")
    assert result.exit_code == 0, result.output
    assert result.output.index("critical") < result.output.index("major")
    assert "scale error" in result.output


def test_seed_articles_show_the_deprecated_term() -> None:
    src = next(SEEDS.glob("003_*.md"))
    tgt = next(SEEDS.glob("000_*.md"))
    result = run_cli("drift", str(src), str(tgt), "--format", "json")
    assert result.exit_code == 0, result.output
    doc = json.loads(result.output)
    terms = [f["message"] for f in doc["findings"] if f["kind"] == "term"]
    assert any("Space Force Command" in m for m in terms)


def test_empty_input_is_a_clear_error(tmp_path: Path) -> None:
    src, tgt = _write(tmp_path, "en.txt", SRC), _write(tmp_path, "empty.txt", [""])
    result = run_cli("drift", src, tgt, "--presegmented")
    assert result.exit_code == 2
    assert "error:" in result.output and "no sentences" in result.output
