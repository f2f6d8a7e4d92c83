"""``provenance ingest``: the table, the JSON document, and one-line errors."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import SEEDS
from support.cli import run_cli

from provenance.model import Article


def invoke(*args: str):  # type: ignore[no-untyped-def]
    return run_cli("ingest", *args, catch_exceptions=False)


def test_table_lists_the_five_seed_articles() -> None:
    result = invoke(str(SEEDS))
    assert result.exit_code == 0, result.output
    out = result.output
    assert "5 article(s)" in out
    for path in SEEDS.glob("*.md"):
        assert path.stem[:10] in out
    assert out.count("en 1.00") == 5
    for reason in ("disclaimer", "copyright", "unrelated-"):
        assert reason in out
    assert "The Asia" in out
    assert "signature:" in out


def test_json_document_with_signature_and_articles() -> None:
    result = invoke(str(SEEDS), "--format", "json")
    assert result.exit_code == 0
    doc = json.loads(result.output)
    assert doc["signature"].startswith("boilerplate:") and "version:" in doc["signature"]
    articles = [Article.from_dict(a) for a in doc["articles"]]
    assert [a.language for a in articles] == ["en"] * 5
    by_id = {a.id[:3]: a for a in articles}
    assert len(by_id["004"].boilerplate[0].text.splitlines()) == 17
    for a in articles:
        assert a.sentences and all(a.text[s.start:s.end] == s.text for s in a.sentences)


def test_mixed_folder_and_files(tmp_path: Path) -> None:
    (tmp_path / "zh.txt").write_text("贝索斯本月至少与特朗普通话两次。蓝色起源寻求更多政府合同。",
                                     encoding="utf-8")
    (tmp_path / "feed.jsonl").write_text(json.dumps({"id": "a", "text": "One. Two."}) + "\n")
    result = invoke(str(tmp_path), "--format", "json")
    doc = json.loads(result.output)
    assert [(a["id"], len(a["sentences"])) for a in doc["articles"]] == [("a", 2), ("zh", 2)]
    assert doc["articles"][1]["language"] == "zh-cn"


def test_bad_input_is_one_line_and_exit_2(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    (tmp_path / "x.pdf").write_bytes(b"%PDF")
    (tmp_path / "blank.txt").write_text("")
    cases = {
        str(tmp_path / "missing"): "no such file or folder",
        str(tmp_path / "empty"): "no article files in folder",
        str(tmp_path / "x.pdf"): "unsupported file type '.pdf'",
        str(tmp_path / "blank.txt"): "blank.txt: empty file",
    }
    for path, message in cases.items():
        result = run_cli("ingest", path)
        assert result.exit_code == 2, (path, result.output)
        lines = result.output.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("error: ") and message in lines[0]
        assert "Traceback" not in result.output


def test_help_and_missing_argument() -> None:
    result = run_cli("ingest", "--help")
    assert result.exit_code == 0 and "PATHS" in result.output and "--format" in result.output
    assert run_cli("ingest").exit_code == 2
