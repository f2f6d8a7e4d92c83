"""`provenance glossary` commands through the real CLI entry point, plus linking and
suggestions (on the seeds: tests/realdata/test_glossary_seeds.py)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from conftest import FIXTURES, REPO
from support.cli import run_cli

from provenance.crosslingual.translit import link_unknown_name, romanize
from provenance.glossary import Glossary, default_glossary
from provenance.glossary.suggest import suggest_terms

FIXTURES = FIXTURES / "glossary"


def run(*args: str):
    return run_cli("glossary", *args, catch_exceptions=False)


def test_list_show_and_validate() -> None:
    result = run("list", "--category", "outlet", "--format", "json")
    data = json.loads(result.output)
    assert "glossary:" in data["signature"]
    assert {c["id"] for c in data["concepts"]} >= {"wsj", "reuters", "yonhap", "xinhua"}
    assert all(c["category"] == "outlet" for c in data["concepts"])
    result = run("show", "us-space-force")
    assert "Space Force Command  (deprecated)" in result.output
    assert run("validate").exit_code == 0
    bad = run("validate", str(FIXTURES / "problems.yaml"))
    assert bad.exit_code == 1 and "problems.yaml:9:" in bad.output
    missing = run("show", "no-such-id")
    assert missing.exit_code == 2 and "no concept 'no-such-id'" in missing.output


def test_add_variant_remove_import_export(tmp_path: Path) -> None:
    folder = tmp_path / "g"
    folder.mkdir()
    shutil.copy(REPO / "glossaries" / "people.yaml", folder / "people.yaml")
    target = str(folder / "people.yaml")
    ok = run("add", "bob-smith", "--category", "person", "--en", "Bob Smith",
             "--form", "uk=Боб Сміт", "--form", "ko=밥 스미스", "--file", target)
    assert ok.exit_code == 0, ok.output
    clash = run("add", "bezos-2", "--category", "person", "--en", "Jeff Bezos", "--file", target)
    assert clash.exit_code == 2 and "already claimed by 'jeff-bezos'" in clash.output
    variant = run("add-variant", "jared-isaacman", "uk", "Ісаакман", "--status", "admitted",
                  "--glossary", str(folder))
    assert variant.exit_code == 0, variant.output
    listed = run("list", "--lang", "uk", "--glossary", str(folder))
    assert "Ісаакман" in listed.output and "Боб Сміт" in listed.output
    assert run("remove", "bob-smith", "--glossary", str(folder)).exit_code == 0
    exported = tmp_path / "people.tbx"
    assert run("export", str(exported), "--glossary", str(folder)).exit_code == 0
    imported = run("import", str(exported), "--into", str(tmp_path / "copy.yaml"))
    assert imported.exit_code == 0 and "concept(s) added" in imported.output
    copy = run("list", "--glossary", str(tmp_path / "copy.yaml"), "--format", "json")
    original = run("list", "--glossary", str(folder), "--format", "json")
    assert json.loads(copy.output)["concepts"] == json.loads(original.output)["concepts"]


def test_romanize_and_link_unknown_names() -> None:
    g = default_glossary()
    assert romanize("Ісаакман", "uk") == "Isaakman"
    assert romanize("Щербаков", "ru") == "Shcherbakov"
    assert romanize("Юрій Згурський", "uk") == "Yurii Zghurskyi"
    assert romanize("서울", "ko") == "seoul"
    assert romanize("한국어", "ko") == "hangugeo"
    assert link_unknown_name("Ісаакман", "uk", g) == ("jared-isaacman", 1.0)
    assert link_unknown_name("Ізаакмана", "uk", g)[0] == "jared-isaacman"
    assert link_unknown_name("트럼프", "ko", g)[0] == "donald-trump"
    assert link_unknown_name("Петренко", "uk", g) is None
    result = run("link", "Ісаакман", "--lang", "uk")
    assert result.exit_code == 0 and "jared-isaacman" in result.output


def test_suggest_library_on_plain_texts() -> None:
    g = default_glossary()
    items = [("Officials at Roscosmos met Dmitry Bakanov, Interfax reported.", "en"),
             ("据《北京青年报》报道，蓝色起源发射了3枚火箭。", "zh-cn"),
             ("Dmitry Bakanov said the 12 launches will go ahead, according to Space Daily Review.",
              "en")]
    found = {(s.text, s.kind): s.count for s in suggest_terms(items, g)}
    assert found[("Dmitry Bakanov", "name")] == 2
    assert ("北京青年报", "outlet") in found
    assert ("12 launches", "quantity") in found
    assert ("Space Daily Review", "outlet") in found
    assert not any(text in ("Interfax", "蓝色起源") for text, _ in found)


def test_suggest_groups_inflected_names_and_finds_chinese_foreign_names() -> None:
    g = default_glossary()
    items = [("Дмитро Баканов заявив про плани.", "uk"),
             ("Вчора Дмитро Баканов зустрівся з Маском.", "uk"),
             ("Журналісти написали Дмитру Баканову листа.", "uk"),
             ("俄航天局局长德米特里·巴卡诺夫表示，蓝色起源将发射3枚火箭。", "zh-cn")]
    found = {(s.text, s.kind): s.count for s in suggest_terms(items, g)}
    assert found[("Дмитро Баканов", "name")] == 3
    assert ("德米特里·巴卡诺夫", "name") in found
    assert not any("Маск" in text or "Вчора" in text for text, _ in found)


def test_suggest_finds_sources_in_chinese_and_korean_attribution_cues() -> None:
    g = default_glossary()
    items = [("据北京青年报报道，蓝色起源发射了火箭。据悉，据华尔街日报报道。", "zh-cn"),
             ("한겨레의 보도에 따르면 블루오리진은 월스트리트저널에 따르면 계약을 따냈다.", "ko")]
    found = {(s.text, s.kind) for s in suggest_terms(items, g)}
    assert found == {("北京青年报", "outlet"), ("한겨레", "outlet")}


def test_add_an_outlet_with_its_publication_language(tmp_path):
    target = tmp_path / "mine.yaml"
    result = run("add", "daily-example", "--category", "outlet", "--en", "Daily Example",
                 "--form", "ko=데일리 예시", "--language", "ko", "--file", str(target))
    assert result.exit_code == 0, result.output
    assert Glossary.load([target]).get("daily-example").language == "ko"
    bad = run_cli("glossary", "add", "other-example", "--category", "outlet", "--en",
                  "Other Example", "--language", "klingon", "--file", str(target))
    assert bad.exit_code == 2 and "klingon" in bad.output
