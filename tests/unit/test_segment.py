"""Sentence segmentation: hard cases by language and exact spans (accuracy on real news is
in tests/realdata/test_segment_parallel.py)."""

from __future__ import annotations

from provenance.segment import paragraph_spans, segment


def texts(text: str, lang: str) -> list[str]:
    sentences = segment(text, lang)
    for s in sentences:
        assert text[s.start:s.end] == s.text
        assert s.text == s.text.strip()
    assert [s.index for s in sentences] == list(range(len(sentences)))
    return [s.text for s in sentences]


def test_english_abbreviations_decimals_and_initials() -> None:
    text = ("Mr. Limp met Ms. Wiles in the U.S. capital on Jan. 5. SpaceX won $5.9 billion, "
            "up 3.5% on the year. He spoke to J. R. Smith. It was over.")
    assert texts(text, "en") == [
        "Mr. Limp met Ms. Wiles in the U.S. capital on Jan. 5.",
        "SpaceX won $5.9 billion, up 3.5% on the year.",
        "He spoke to J. R. Smith.",
        "It was over.",
    ]


def test_quotes_closing_after_the_full_stop_stay_with_their_sentence() -> None:
    text = ('Bezos said: "Elon has been very clear. I take him at face value." Then he left. '
            '“Yes,” he said. «Ми готові». Далі.')
    assert texts(text, "en")[:4] == [
        'Bezos said: "Elon has been very clear.',
        'I take him at face value."',
        "Then he left.",
        "“Yes,” he said.",
    ]


def test_opening_quote_starts_the_next_sentence() -> None:
    text = 'Це заявив клуб. "Ми не почали бійку", - йдеться в заяві.'
    assert texts(text, "uk") == ["Це заявив клуб.", '"Ми не почали бійку", - йдеться в заяві.']


def test_ukrainian_initials_are_not_sentence_ends() -> None:
    text = "Президент В. Зеленський заявив про це у м. Києві. Дж. Байден відповів. Все."
    assert texts(text, "uk") == [
        "Президент В. Зеленський заявив про це у м. Києві.",
        "Дж. Байден відповів.",
        "Все.",
    ]


def test_chinese_full_width_punctuation() -> None:
    text = "他说：“我们走吧。”贝索斯本月至少与特朗普通话两次！真的吗？是的。"
    assert texts(text, "zh-cn") == [
        "他说：“我们走吧。”", "贝索斯本月至少与特朗普通话两次！", "真的吗？", "是的。",
    ]


def test_korean_with_and_without_space_after_the_stop() -> None:
    text = ("베이조스는 이달 트럼프 대통령과 두 차례 통화했다. "
            "블루오리진은 59억 달러를 원한다.그리고 떠났다.")
    assert texts(text, "ko") == [
        "베이조스는 이달 트럼프 대통령과 두 차례 통화했다.",
        "블루오리진은 59억 달러를 원한다.",
        "그리고 떠났다.",
    ]


def test_unknown_language_gets_generic_rules() -> None:
    assert texts("Dit is een zin. En nog een!", "xx") == ["Dit is een zin.", "En nog een!"]


def test_paragraphs_from_lines_and_blank_lines() -> None:
    text = "A headline\n\nFirst one. Second one.\nThird one.\n\n\nLast one."
    sentences = segment(text, "en")
    assert [(s.paragraph, s.text) for s in sentences] == [
        (0, "A headline"), (1, "First one."), (1, "Second one."), (2, "Third one."),
        (3, "Last one."),
    ]


def test_hard_wrapped_text_joins_lines_inside_a_block() -> None:
    block = ("Blue Origin executives have been concerned since last summer that the\n"
             "close relationship between Musk and President Trump could affect their\n"
             "ability to win government contracts. The rift has now become an\n"
             "opportunity for Bezos.\n")
    text = block + "\n" + block + "\n" + block
    sentences = segment(text, "en")
    assert len(sentences) == 6
    assert {s.paragraph for s in sentences} == {0, 1, 2}
    assert sentences[0].text.startswith("Blue Origin") and sentences[0].text.endswith("contracts.")


def test_broken_line_inside_a_sentence_is_joined() -> None:
    text = "The Wall Street Journal quoted sources on the 26th as saying\nthat Bezos called."
    assert len(list(paragraph_spans(text))) == 1
    assert len(segment(text, "en")) == 1


def test_empty_and_whitespace_text() -> None:
    assert segment("", "en") == []
    assert segment(" \n\n \t", "en") == []


def test_bracketed_sentence_and_year_abbreviation_breaks() -> None:
    assert texts("Then he left. (It was late.) Next one.", "en") == [
        "Then he left.", "(It was late.)", "Next one."]
    assert texts("Це сталося у 2022 р. Далі буде. У 1991 р. в Києві.", "uk") == [
        "Це сталося у 2022 р.", "Далі буде.", "У 1991 р. в Києві."]
    assert texts("Об этом сообщил А. С. Пушкин в 2022 г. В Москве было тепло.", "ru") == [
        "Об этом сообщил А. С. Пушкин в 2022 г.", "В Москве было тепло."]


def test_korean_quotative_particle_after_a_quote_continues_the_sentence() -> None:
    text = '그는 "우리는 준비됐다."고 밝혔다. "좋다." 그가 말했다.'
    assert texts(text, "ko") == ['그는 "우리는 준비됐다."고 밝혔다.', '"좋다."', "그가 말했다."]


# -- long paragraphs and single-line files: linear time, bounded sentences ---------------

ZH_SENTENCES = [f"据报道，蓝色起源第{n}次与政府官员通话，合同金额为{n * 7}亿美元。"
                for n in range(400)]
EN_SENTENCES = [f"Officials said on Tuesday that contract {n} was worth ${n * 7} million. "
                f"Mr. Smith met Dr. Jones at {n} p.m. and the company declined to comment."
                for n in range(300)]


def _whole(text: str, lang: str) -> list[tuple[int, int]]:
    """The spans segmentation gives when sentencex sees the paragraph whole."""
    import provenance.segment as seg

    saved = seg.WINDOW_CHARS
    seg.WINDOW_CHARS = len(text) + 1
    try:
        return [(s.start, s.end) for s in segment(text, lang)]
    finally:
        seg.WINDOW_CHARS = saved


def test_sentencex_sees_long_paragraphs_in_windows(monkeypatch) -> None:
    import sentencex

    import provenance.segment as seg

    seen: list[int] = []
    real = sentencex.get_sentence_boundaries

    def spy(lang: str, text: str):  # type: ignore[no-untyped-def]
        seen.append(len(text))
        return real(lang, text)

    monkeypatch.setattr(sentencex, "get_sentence_boundaries", spy)
    text = "".join(ZH_SENTENCES)  # one line, ~12,000 characters
    sentences = segment(text, "zh-cn")
    assert len(seen) > 1 and max(seen) <= seg.WINDOW_CHARS
    assert [s.text for s in sentences] == ZH_SENTENCES
    check_spans(text, sentences)


def test_windows_give_the_sentences_the_whole_paragraph_gives() -> None:
    for text, lang in (("".join(ZH_SENTENCES), "zh-cn"), (" ".join(EN_SENTENCES), "en")):
        assert [(s.start, s.end) for s in segment(text, lang)] == _whole(text, lang)


def test_a_run_on_line_is_cut_into_bounded_sentences() -> None:
    import provenance.segment as seg

    text = "the rocket flew and the company said so " * 3000  # no stop, ~120,000 chars
    sentences = segment(text, "en")
    assert len(sentences) > 1
    assert max(len(s.text) for s in sentences) <= seg.MAX_SENTENCE_CHARS
    check_spans(text, sentences)
    # cut at spaces: no word is broken
    assert all(s.end == len(text.rstrip()) or text[s.end] == " " for s in sentences)


def test_a_four_megabyte_line_is_segmented_in_linear_time() -> None:
    import time

    line = "".join(ZH_SENTENCES) * 100 + " " + "lowercase run-on. " * 40_000
    start = time.perf_counter()
    sentences = segment(line, "zh-cn")
    elapsed = time.perf_counter() - start
    assert len(sentences) >= 40_000
    # Quadratic segmentation took minutes on this; linear takes a few seconds at worst.
    assert elapsed < 30, elapsed


def check_spans(text: str, sentences) -> None:  # type: ignore[no-untyped-def]
    for s in sentences:
        assert text[s.start:s.end] == s.text
