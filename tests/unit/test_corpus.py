"""Corpus ingest: every format, stable ids, metadata, errors, and a 50 MB file (the seeds
are in tests/realdata/test_corpus_seeds.py)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO
from support.article_checks import check_spans

from provenance.corpus import article_from_text, ingest_signature, load_corpus
from provenance.errors import BadInput, SkippedInput

FIXTURES = REPO / "tests" / "fixtures" / "ingest"

ZH = ("据《华尔街日报》26日报道，蓝色起源创始人贝索斯本月至少与特朗普通话两次。"
      "该公司首席执行官戴夫·林普还会见了白宫办公厅主任。")
UK = ("Безос щонайменше двічі говорив з президентом Трампом у червні. "
      "Генеральний директор Blue Origin Дейв Лімп зустрівся з главою апарату Білого дому.")
KO = ("월스트리트저널(WSJ)은 25일(현지시간) 베이조스가 이달 트럼프 대통령과 최소 두 차례 "
      "통화했다고 보도했다. 블루오리진은 정부 계약 확대를 요청했다.")
EN = ("Jeff Bezos spoke with President Donald Trump at least twice in June. "
      "Blue Origin CEO Dave Limp met White House chief of staff Susie Wiles.")


def test_txt_and_md_in_several_languages(tmp_path: Path) -> None:
    (tmp_path / "zh.txt").write_text(ZH, encoding="utf-8")
    (tmp_path / "uk.md").write_text(
        f"---\nid: kommersant-uk\noutlet: Коммерсант Українській\nlanguage: uk\n"
        f"published: 2025-06-26T17:15:00\nurl: https://example.com/a\ntags: [space]\n---\n{UK}\n",
        encoding="utf-8")
    (tmp_path / "ko.md").write_text(KO, encoding="utf-8")  # markdown without front matter
    articles = {a.id: a for a in load_corpus([tmp_path])}
    assert set(articles) == {"zh", "kommersant-uk", "ko"}
    assert articles["zh"].language == "zh-cn" and len(articles["zh"].sentences) == 2
    uk = articles["kommersant-uk"]
    assert (uk.language, uk.declared_language, uk.outlet) == ("uk", "uk", "Коммерсант Українській")
    assert uk.published == "2025-06-26T17:15:00" and uk.url == "https://example.com/a"
    assert uk.metadata == {"tags": ["space"]}
    assert len(uk.sentences) == 2
    assert articles["ko"].language == "ko" and len(articles["ko"].sentences) == 2
    for a in articles.values():
        check_spans(a)
        assert a.source_path and Path(a.source_path).exists()


def test_json_object_list_and_jsonl(tmp_path: Path) -> None:
    (tmp_path / "one.json").write_text(json.dumps(
        {"text": EN, "outlet": "Wire", "title": "Bezos calls", "section": "space"}),
        encoding="utf-8")
    (tmp_path / "many.json").write_text(json.dumps(
        [{"text": ZH, "language": "zh-cn"}, {"id": "ko-1", "text": KO}]), encoding="utf-8")
    (tmp_path / "feed.jsonl").write_text(
        json.dumps({"text": UK, "published": "2025-06-26"}, ensure_ascii=False) + "\n\n"
        + json.dumps({"text": EN, "url": "https://x.example/b"}) + "\n", encoding="utf-8")
    articles = {a.id: a for a in load_corpus([tmp_path])}
    assert set(articles) == {"one", "many#1", "ko-1", "feed#1", "feed#2"}
    assert articles["one"].outlet == "Wire" and articles["one"].metadata == {"section": "space"}
    assert articles["many#1"].declared_language == "zh-cn"
    assert articles["ko-1"].language == "ko"
    assert articles["feed#1"].language == "uk" and articles["feed#1"].published == "2025-06-26"
    assert articles["feed#2"].url == "https://x.example/b"
    for a in articles.values():
        check_spans(a)


def test_html_pages_main_text_metadata_and_chrome() -> None:
    articles = {a.id: a for a in load_corpus([FIXTURES])}
    page = articles["daily_planet"]
    assert page.title == "Bezos courts Trump as Blue Origin eyes SpaceX contracts"
    assert page.outlet == "Daily Planet" and page.published == "2025-06-26"
    assert page.url == "https://dailyplanet.example/space/2025/06/26/bezos-courts-trump"
    assert page.metadata["author"] == "Lois Lane"
    assert page.text.startswith("Jeff Bezos has spoken")
    reasons = {b.reason: b.text for b in page.boilerplate}
    assert {"share-widget", "related-links", "footer"} <= set(reasons)
    assert "Stocks Slide" in reasons["related-links"]
    assert "All rights reserved" in reasons["footer"]
    for chrome in ("Privacy policy", "Stocks Slide", "Tweet", "Opinion", "All rights"):
        assert chrome not in page.text
    assert len(page.sentences) == 6
    check_spans(page)

    zh = articles["xingqiu_gbk"]  # GBK-encoded, declared in a meta tag
    assert zh.language == "zh-cn" and zh.outlet == "星球日报"
    assert zh.text.startswith("据《华尔街日报》")
    kinds = [b.reason for b in zh.boilerplate]
    assert {"navigation", "share-widget", "related-links", "footer", "disclaimer",
            "byline"} <= set(kinds)
    for chrome in ("首页", "分享", "相关阅读", "版权所有", "侵权"):
        assert chrome not in zh.text
    assert zh.sentences[-1].text.endswith("涉及7次发射的订单。")
    check_spans(zh)


def test_html_pages_in_korean_and_ukrainian_legacy_encodings() -> None:
    articles = {a.id: a for a in load_corpus([FIXTURES])}
    ko = articles["asiae_euckr"]
    assert (ko.language, ko.outlet, ko.published) == ("ko", "아시아경제", "2025-06-26")
    assert [s.lang for s in ko.sentences] == ["ko"] * 4
    assert ko.sentences[-1].text.endswith("입증해야 한다.")
    assert {"navigation", "share-widget", "related-links", "copyright"} <= {
        b.reason for b in ko.boilerplate}
    assert "무단전재" not in ko.text and "많이 본 뉴스" not in ko.text

    uk = articles["kommersant_cp1251"]
    assert (uk.language, uk.outlet) == ("uk", "Коммерсант Український")
    assert len(uk.sentences) == 5
    assert any("Д. Лімп" in s.text for s in uk.sentences)  # an initial, not a sentence end
    moved = {b.reason: b.text for b in uk.boilerplate}
    assert moved["related-links"].startswith("Читайте також:")
    assert "Всі права захищені" in moved["footer"]
    assert "Поділитися" in moved["share-widget"]
    for a in (ko, uk):
        check_spans(a)


def test_legacy_encoded_text_files_are_detected(tmp_path: Path) -> None:
    (tmp_path / "gbk.txt").write_bytes(ZH.encode("gbk"))
    zh_tw = "據《華爾街日報》報導，貝佐斯本月至少與川普通話兩次。"
    (tmp_path / "big5.txt").write_bytes(zh_tw.encode("big5"))
    (tmp_path / "euckr.txt").write_bytes(KO.encode("euc_kr"))
    (tmp_path / "cp1251.txt").write_bytes(UK.encode("cp1251"))
    (tmp_path / "utf16.txt").write_bytes(EN.encode("utf-16"))
    langs = {a.id: a.language for a in load_corpus([tmp_path])}
    assert langs == {"gbk": "zh-cn", "big5": "zh-tw", "euckr": "ko", "cp1251": "uk",
                     "utf16": "en"}


def test_same_file_name_in_two_folders_gets_path_ids(tmp_path: Path) -> None:
    for lang, text in (("en", EN), ("zh", ZH)):
        (tmp_path / lang).mkdir()
        (tmp_path / lang / "story.txt").write_text(text, encoding="utf-8")
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "skip.txt").write_text(EN, encoding="utf-8")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF")
    assert [a.id for a in load_corpus([tmp_path])] == ["en/story", "zh/story"]
    # The same file twice is read once; ids do not depend on argument order.
    twice = load_corpus([tmp_path / "zh" / "story.txt", tmp_path, tmp_path / "en"])
    assert [a.id for a in twice] == ["en/story", "zh/story"]


def test_same_stem_in_one_folder_keeps_extensions(tmp_path: Path) -> None:
    (tmp_path / "story.txt").write_text(EN, encoding="utf-8")
    (tmp_path / "story.md").write_text(ZH, encoding="utf-8")
    (tmp_path / "other.json").write_text(json.dumps({"id": "other", "text": UK}))
    assert [a.id for a in load_corpus([tmp_path])] == ["other", "story.md", "story.txt"]


def test_a_duplicate_explicit_id_is_skipped_or_under_strict_bad_input(tmp_path: Path) -> None:
    for name in ("a", "b"):
        (tmp_path / f"{name}.json").write_text(json.dumps({"id": "x", "text": EN}))
    with pytest.warns(SkippedInput, match=r"duplicate article id 'x' in .*a\.json and .*b\.json"):
        assert [a.source_path for a in load_corpus([tmp_path])] == [str(tmp_path / "a.json")]
    with pytest.raises(BadInput, match="duplicate article id 'x'"):
        load_corpus([tmp_path], strict=True)


@pytest.mark.parametrize("name, content, message", [
    ("bad.json", "{not json", r"bad\.json: invalid JSON at line 1"),
    ("notext.json", '[{"title": "t"}]', r"notext\.json \(item 1\): no 'text'"),
    ("bad.jsonl", '{"text": "ok fine."}\n{oops\n', r"bad\.jsonl: invalid JSON on line 2"),
    ("list.jsonl", "[1, 2]\n", r"list\.jsonl \(line 1\): expected an object"),
    ("fm.md", "---\ntitle: [unclosed\n---\nBody text.\n", r"fm\.md:.*invalid front matter"),
    ("fm2.md", "---\n- a\n- b\n---\nBody text.\n", r"fm2\.md: front matter must be a mapping"),
    ("onlyfm.md", "---\ntitle: x\n---\n\n", r"onlyfm\.md: no article text"),
    ("copy.txt", "© 2025 Example Media. All rights reserved.\n", r"copy\.txt: no article text"),
    ("empty.txt", "", r"empty\.txt: empty file"),
])
def test_malformed_files_are_one_line_bad_input(tmp_path: Path, name: str, content: str,
                                                message: str) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(BadInput, match=message) as info:
        load_corpus([path], strict=True)
    assert "\n" not in str(info.value)


def test_bad_paths(tmp_path: Path) -> None:
    with pytest.raises(BadInput, match="no such file or folder"):
        load_corpus([tmp_path / "missing"])
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty" / "image.png").write_bytes(b"\x89PNG")
    with pytest.raises(BadInput, match="no article files in folder"):
        load_corpus([tmp_path / "empty"])
    (tmp_path / "report.pdf").write_bytes(b"%PDF-1.4")
    with pytest.raises(BadInput, match=r"unsupported file type '\.pdf'"):
        load_corpus([tmp_path / "report.pdf"])
    (tmp_path / "blob.txt").write_bytes(b"\x00\x01\x02binary\x00" * 100)
    with pytest.raises(BadInput, match=r"blob\.txt: binary"):
        load_corpus([tmp_path / "blob.txt"])


def test_article_from_text() -> None:
    article = article_from_text(UK + "\n\n© 2025 Коммерсант. Всі права захищені.", id="k",
                                outlet="Kommersant", lang="uk", dateline="26 June")
    assert (article.id, article.outlet, article.declared_language) == ("k", "Kommersant", "uk")
    assert article.language == "uk" and article.metadata == {"dateline": "26 June"}
    assert [b.reason for b in article.boilerplate] == ["copyright"]
    check_spans(article)
    unnamed = article_from_text(EN)
    assert unnamed.id == article_from_text(EN).id  # stable: derived from the text
    with pytest.raises(BadInput):
        article_from_text("   ")


def test_progress_and_signature(tmp_path: Path) -> None:
    for name, text in (("en.txt", EN), ("uk.txt", UK), ("zh.txt", ZH)):
        (tmp_path / name).write_text(text, encoding="utf-8")
    calls: list[tuple[str, int, int]] = []
    load_corpus([tmp_path], progress=lambda *args: calls.append(args))
    # One call per file read, then one per article prepared.
    assert calls == [("read", 1, 3), ("read", 2, 3), ("read", 3, 3),
                     ("ingest", 1, 3), ("ingest", 2, 3), ("ingest", 3, 3)]
    assert "segmenter:sentencex" in str(ingest_signature())


BIG_SCRIPT = """
import resource, sys
from provenance.corpus import load_corpus
[article] = load_corpus([sys.argv[1]])
assert article.language == "en", article.language
for s in article.sentences[::10007]:
    assert article.text[s.start:s.end] == s.text
print(len(article.text), len(article.sentences), resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


@pytest.mark.slow
def test_a_50_mb_text_file_loads_with_bounded_memory(tmp_path: Path) -> None:
    paragraph = ("Jeff Bezos has spoken with President Donald Trump at least twice this month, "
                 "the Journal reported. In April, the U.S. Space Force awarded SpaceX $5.9 "
                 "billion for 28 missions. Blue Origin received $2.4 billion for seven.\n\n")
    path = tmp_path / "big.txt"
    size = 50 * 1024 * 1024
    count = size // len(paragraph) + 1
    with path.open("w", encoding="utf-8") as out:
        for _ in range(count // 1000 + 1):
            out.write(paragraph * 1000)
    done = subprocess.run([sys.executable, "-c", BIG_SCRIPT, str(path)], capture_output=True,
                          text=True, check=False, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    chars, sentences, max_rss_kb = map(int, done.stdout.split())
    assert chars >= size - len(paragraph)
    assert sentences == 3 * (count // 1000 + 1) * 1000
    # Memory grows with the article (its text and ~700k Sentence objects), not worse:
    # a bound of 16x the file size catches quadratic copies and full-file re-reads.
    assert max_rss_kb * 1024 < 16 * size


def test_a_folder_readme_and_a_document_of_tables_are_not_articles(tmp_path: Path) -> None:
    folder = tmp_path / "story"
    folder.mkdir()
    (folder / "a.md").write_text("The council approved the budget on Tuesday.\n",
                                 encoding="utf-8")
    (folder / "README.md").write_text("# Articles about the budget\n\nCollected by hand.\n",
                                      encoding="utf-8")
    rows = "\n".join(f"| D{n} | a.md | number | 10 | 100 |" for n in range(12))
    (folder / "notes.md").write_text(f"# Drift\n\n| id | file | kind | was | is |\n"
                                     f"|---|---|---|---|---|\n{rows}\n", encoding="utf-8")
    with pytest.warns(SkippedInput) as caught:
        articles = load_corpus([folder])
    assert [a.id for a in articles] == ["a"]
    messages = sorted(str(w.message) for w in caught)
    assert "README, not an article" in messages[0]
    assert "14 of its 15 lines are table rows" in messages[1]
    # named, a README is read like any file
    assert [a.id for a in load_corpus([folder / "README.md"])] == ["README"]
