"""Boilerplate rules of issue 16: page furniture told by its words, its shape, its position
and its repetition, in several languages, and never a line of the story.

Texts are written for the tests (shaped like the relays in ../shared/data/relays, whose
figures are in benchmarks/boilerplate.py)."""

from __future__ import annotations

import pytest

from provenance.boilerplate import corpus_boilerplate, split_boilerplate, split_page_chrome
from provenance.model import Article
from provenance.segment import segment

P1 = ("The regulator approved the merger on Tuesday after a review that lasted nearly "
      "two years, officials said.")
P2 = ("Shares of both companies rose in early trading, and analysts expect the deal to "
      "close before the end of the year.")
P3 = ("The combined company will employ about 40,000 people in twelve countries, according "
      "to a statement.")


def reasons(text: str) -> dict[str, str]:
    """Set-aside line -> the rule that set it aside."""
    return {line: b.reason for b in split_boilerplate(text)[1] for line in b.text.split("\n")}


def body_of(text: str) -> str:
    return split_boilerplate(text)[0]


@pytest.mark.parametrize(("line", "reason"), [
    # what a line says
    ("Skip to content", "page-chrome"),
    ("Читать новость на русском", "page-chrome"),
    ("Прослухати", "page-chrome"),
    ("小字号", "page-chrome"),
    ("Become a member Gift membership", "promo"),
    ("Sign up for our free newsletters", "promo"),
    ("Фото: ЕРА", "caption"),
    ("照片:Brian Snyder/路透社", "caption"),
    ("Jane Doe / AFP", "caption"),
    ("The minister at a press conference in Kyiv. Photo: Getty Images", "caption"),
    ("2019년 만난 두 정상 [AP연합뉴스]", "caption"),
    ("신은서 기자 | 2024.10.25 16:54", "byline"),
    ("本报记者 刘少华", "byline"),
    ("AI 앵커ㅣY-GO", "byline"),
    ("• 이메일 보내기", "share-widget"),
    ("Alle Rechte sind geschützt Beispiel.info - 2022", "copyright"),
    ("*Внесён в реестр иностранных агентов", "disclaimer"),
    # its shape
    ("25 October 2024 06:06", "timestamp"),
    ("10:34 AM EST, November 7, 2024", "timestamp"),
    ("등록 2024.10.25 15:53:13수정 2024.10.25 16:16:07", "timestamp"),
    ("阅读:92", "timestamp"),
    ("2.5k Upvotes", "promo"),
    ("Summary", "label"),
    ("본문", "page-chrome"),
    ("--:--", "label"),
    ("人民网>>社会·法治", "label"),
    ("/example.org/images/news/_cover/1/img1.jpeg)", "link"),
    ("#지금이뉴스", "link"),
    ("merger approved regulator shares rise companies deal close twelve countries", "link"),
    ("Подпись. Фото: Getty ImagesПодпись. Фото: Getty Images", "caption"),
])
def test_furniture_between_paragraphs(line: str, reason: str) -> None:
    text = f"{P1}\n\n{line}\n\n{P2}\n{P3}"
    assert reasons(text) == {line: reason}
    assert [line for line in body_of(text).split("\n") if line] == [P1, P2, P3]


def test_a_label_takes_its_value_on_the_next_line() -> None:
    text = f"{P1}\n\nДжерело:\n\nThe Example Times\n\n{P2}"
    assert reasons(text) == {"Джерело:": "byline", "The Example Times": "byline"}


def test_a_capture_date_prefix_and_wire_datelines_are_cut_off_the_paragraph() -> None:
    assert reasons(f" date 2024-10-25 {P1}\n{P2}") == {"date 2024-10-25": "metadata"}
    assert body_of(f" date 2024-10-25 {P1}\n{P2}") == f"{P1}\n{P2}"
    text = "МОСКВА, 25 окт - ПРАЙМ. Компания объявила о слиянии, говорится в сообщении.\n" + P2
    assert reasons(text) == {"МОСКВА, 25 окт - ПРАЙМ.": "dateline"}
    text = "[서울=뉴시스]홍길동 기자 = 규제 당국이 합병을 승인했다고 밝혔다.\n" + P2
    assert reasons(text) == {"[서울=뉴시스]홍길동 기자 =": "dateline"}


def test_tails_glued_to_a_paragraph() -> None:
    text = f"{P1}\n{P2}\n监管机构周二批准了合并。(譯者:王小明/核稿:李大華)1131025"
    assert reasons(text) == {"(譯者:王小明/核稿:李大華)1131025": "byline"}
    text = f"합병 승인, 주가 상승 [경제 돋보기]\n{P1}\n{P2}"
    assert reasons(text) == {"[경제 돋보기]": "series-tag"}
    assert body_of(text).startswith("합병 승인, 주가 상승\n")


def test_a_caption_printed_twice_and_a_repeated_headline() -> None:
    caption = "The chief executive at the signing ceremony in London (Image: Example)"
    text = f"Merger approved\n\n{caption}\n{caption}\n\n{P1}\n{P2}\nMerger approved now\n{P3}"
    assert reasons(text)[caption] == "caption"
    headline = "Regulator clears the merger of two rivals"
    text = f"{headline}\n{P1}\n{headline}\n{P2}"
    assert reasons(text) == {headline: "repeated"}
    assert body_of(text).startswith(headline)  # the first copy is the headline


def test_a_sentence_the_article_repeats_is_not_furniture() -> None:
    assert reasons(f"{P1}\n{P2}\n{P1}") == {}


def test_subheadings_between_paragraphs_but_not_the_headline_and_dek() -> None:
    text = ("Regulator clears merger\nThe deal creates the region's largest carrier\n"
            f"{P1}\nWhat happens next\n{P2}\n{P3}")
    assert reasons(text) == {"What happens next": "subheading"}


def test_a_sentence_that_lost_its_full_stop_stays() -> None:
    # a long line without final punctuation that the next line continues, or a quote
    text = (f"{P1}\n\"Skiers can travel at will wherever they want in the national forest and "
            f"they ended up back in bounds,\" the president said\n{P2}")
    assert reasons(text) == {}
    text = f"{P1}\nThe regulator, which reviewed the deal for two years,\nsaid it was fair.\n{P2}"
    assert reasons(text) == {}


def test_trailing_bullets_after_the_footer_are_other_stories() -> None:
    footer = "Copyright © Example. All rights reserved."
    text = f"{P1}\n{P2}\n{footer}\n- 다른 기사 제목\n- 또 다른 소식"
    assert reasons(text) == {footer: "copyright",
                             "- 다른 기사 제목": "related-links", "- 또 다른 소식": "related-links"}


def test_a_short_line_inside_the_page_footer_goes_with_it() -> None:
    text = (f"{P1}\n{P2}\nThe Example\nEscape the noise. Get the facts behind the news.\n"
            "Sign up for our free newsletters\nGet the best delivered directly to your inbox.")
    assert set(reasons(text)) == {
        "The Example", "Escape the noise. Get the facts behind the news.",
        "Sign up for our free newsletters", "Get the best delivered directly to your inbox."}


def test_nothing_of_a_plain_article_is_set_aside() -> None:
    for lang_text in (f"{P1}\n{P2}\n{P3}",
                      "监管机构周二批准了这项合并。\n两家公司的股价在早盘上涨。\n分析人士预计交易将在年底前完成。",
                      "Регулятор схвалив злиття у вівторок.\nАкції обох компаній зросли.\n"
                      "Угоду закриють до кінця року."):
        assert split_boilerplate(lang_text) == (lang_text, [])


# --- the corpus: lines one site repeats on its pages ------------------------------------

def _article(article_id: str, text: str, url: str) -> Article:
    body, blocks = split_boilerplate(text)
    return Article(id=article_id, text=body, url=url, language="en", boilerplate=blocks,
                   sentences=segment(body, "en"))


def test_corpus_boilerplate_takes_what_one_site_repeats() -> None:
    pitch = "Support independent reporting from Example City"
    tails = ("The vote is due in May.", "Critics called the deal rushed.", "Talks resume today.")
    articles = [_article(f"a{i}", f"{body}\n{pitch}\n{tail}", f"https://www.example.org/news/{i}")
                for i, (body, tail) in enumerate(zip((P1, P2, P3), tails, strict=True))]
    other = _article("b", f"{P1}\n{pitch}", "https://other.example.com/x")
    out = corpus_boilerplate([*articles, other])
    for before, after in zip(articles, out[:3], strict=True):
        assert pitch not in after.text and after.text.startswith(before.text.split("\n")[0])
        assert after.boilerplate[-1].reason == "repeated" and after.boilerplate[-1].text == pitch
        for sentence in after.sentences:
            assert after.text[sentence.start:sentence.end] == sentence.text
        assert [s.index for s in after.sentences] == list(range(len(after.sentences)))
    assert out[3] is other  # another site: one article is not enough to learn from


def test_corpus_boilerplate_leaves_two_articles_of_a_site_alone() -> None:
    articles = [_article(f"a{i}", f"{P1}\nShared line of this site here", "example.org/x")
                for i in range(2)]
    assert corpus_boilerplate(articles) == articles


def test_in_a_large_archive_a_site_furniture_is_on_many_pages() -> None:
    """Of 40 pages of one site, a line on 3 of them is a sentence its reporters repeat,
    the pitch on all 40 is furniture."""
    pitch = "Support independent reporting from Example City"
    repeated = "The war began with the invasion of February 24, 2022."
    articles = [_article(f"a{i:02d}", f"Story number {i} opens here.\n"
                         + (f"{repeated}\n" if i < 3 else "") + pitch,
                         f"https://example.org/news/{i}") for i in range(40)]
    out = corpus_boilerplate(articles)
    assert all(pitch not in a.text for a in out)
    assert [a.id for a in out if repeated in a.text] == ["a00", "a01", "a02"]


# --- HTML: link density ---------------------------------------------------------------------

def test_a_block_of_links_is_navigation() -> None:
    html = ("<html><body><div><a href='/a'>World</a> <a href='/b'>Business</a> "
            "<a href='/c'>Science</a></div>"
            f"<div><p>{P1}</p><p>{P2} See <a href='/d'>the statement</a>.</p></div>"
            "</body></html>")
    text, chrome = split_page_chrome(html, f"World Business Science\n{P1}\n{P2}")
    assert ("navigation", "World\nBusiness\nScience") in {(b.reason, b.text) for b in chrome}
    assert P1 in text and P2 in text
