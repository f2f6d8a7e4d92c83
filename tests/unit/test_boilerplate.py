"""Boilerplate separation by general rules, on written text and pages (the seeds and the
DW articles are in tests/realdata/test_boilerplate_real.py)."""

from __future__ import annotations

import pytest

from provenance.boilerplate import split_boilerplate, split_page_chrome

BODY_EN = (
    "Jeff Bezos has spoken with President Donald Trump at least twice this month, the "
    "Journal reported.\n"
    "Blue Origin CEO Dave Limp met White House chief of staff Susie Wiles.\n"
    "In April, the Space Force awarded SpaceX $5.9 billion for 28 missions."
)


def moved(text: str) -> list[tuple[str, str]]:
    return [(b.reason, b.text) for b in split_boilerplate(text)[1]]


@pytest.mark.parametrize("notice, reason", [
    ("图片来源于网络，如有侵权，请联系删除。", "disclaimer"),
    ("本文转载自网络，不代表本平台观点。", "disclaimer"),
    ("Photos are taken from the Internet; in case of infringement contact us to delete it.",
     "disclaimer"),
    ("사진=인터넷 커뮤니티 캡처", "disclaimer"),
    ("Фото з відкритих джерел", "disclaimer"),
    ("При использовании материалов ссылка на сайт обязательна.", "disclaimer"),
    ("<저작권자ⓒ 아시아경제 무단전재 배포금지>", "copyright"),
    ("版权所有 © 2025 星球日报", "copyright"),
    ("Copyright 2025 The Associated Press. All rights reserved.", "copyright"),
    ("© 2025 Укрінформ. Всі права захищені.", "copyright"),
    ("Share  |  Tweet  |  Print  |  Email", "share-widget"),
    ("分享到：微信 微博", "share-widget"),
    ("Поділитися", "share-widget"),
    ("Read more: Stocks Slide As Oil Prices Jump", "related-links"),
    ("Читайте також: Україна готова до наступу", "related-links"),
    ("관련기사 블루오리진, 유인 달 착륙선 공개", "related-links"),
    ("来源：新华社", "byline"),
])
def test_notices_in_five_languages(notice: str, reason: str) -> None:
    body, blocks = split_boilerplate(BODY_EN + "\n\n" + notice)
    assert [(b.reason, b.text) for b in blocks] == [(reason, notice.strip())]
    assert body == BODY_EN


def test_notice_glued_to_the_last_paragraph() -> None:
    text = BODY_EN + " The picture is from the Internet. If there is any infringement, " \
        "please contact us to delete it."
    body, blocks = split_boilerplate(text)
    assert body == BODY_EN
    assert blocks[0].reason == "disclaimer"


def test_related_heading_takes_its_list() -> None:
    text = (BODY_EN + "\n\nRelated stories\nStocks Slide As Oil Prices Jump\n"
            "City Council Approves New Bike Lanes\n\n\nThe article continues here.")
    body, blocks = split_boilerplate(text)
    assert blocks[0].reason == "related-links"
    assert blocks[0].text.splitlines() == [
        "Related stories", "Stocks Slide As Oil Prices Jump",
        "City Council Approves New Bike Lanes"]
    assert body.endswith("The article continues here.")


def test_trailing_headlines_that_share_the_story_are_kept() -> None:
    # A list at the end that talks about the story itself is content, not a link farm
    # (its two-word label is set aside, like "Summary" or "Key points" anywhere).
    text = (BODY_EN + "\n\nKey points\nBezos Spoke With Trump Twice This Month\n"
            "Blue Origin Chief Limp Met Susie Wiles\nSpace Force Awarded SpaceX Missions")
    assert moved(text) == [("label", "Key points")]


def test_two_trailing_headlines_are_not_enough() -> None:
    text = BODY_EN + "\n\nMizuho Raises Broadcom Price Target\nBolivia Orders Detention Of Arce"
    assert moved(text) == []


def test_chinese_unrelated_headlines() -> None:
    body = ("据《华尔街日报》报道，贝索斯本月至少与特朗普通话两次。\n"
            "蓝色起源首席执行官林普会见了白宫办公厅主任。")
    text = body + "\n\n央行宣布下调存款准备金率\n多地迎来强降雨天气\n新能源汽车销量再创新高\n"
    out, blocks = split_boilerplate(text)
    assert out == body
    assert [b.reason for b in blocks] == ["unrelated-headlines"]


def test_sentences_mentioning_copyright_or_sharing_stay() -> None:
    text = ("The court ruled that the copyright claim against the platform could proceed.\n"
            "Shareholders will vote to print new shares and share the proceeds on Friday.\n"
            "Users were asked to delete photos taken from the internet by the app, "
            "a policy critics say goes too far and which the company plans to revise "
            "after consulting regulators in several countries and its own users.\n"
            "Users were told to delete photos taken from the internet.")
    assert moved(text) == []


def test_page_chrome_from_landmarks_roles_and_classes() -> None:
    html = """<html><body>
      <div role="navigation"><a>World</a><a>Business</a></div>
      <div class="breadcrumbs"><a>Home</a> &gt; <a>Space</a></div>
      <article><p>Jeff Bezos spoke with Trump twice.</p></article>
      <div class="comments-section"><p>Great read!</p></div>
      <div id="most-popular"><a>Ten Things To Do</a></div>
      <div role="contentinfo">Contact us</div>
      <script>var x = "not text";</script>
    </body></html>"""
    main = "World\nJeff Bezos spoke with Trump twice."  # an extractor that kept a nav link
    text, chrome = split_page_chrome(html, main)
    assert text == "Jeff Bezos spoke with Trump twice."
    blocks = {(b.reason, b.text) for b in chrome}
    assert blocks == {("navigation", "World\nBusiness"), ("navigation", "Home\n>\nSpace"),
                      ("comments", "Great read!"), ("related-links", "Ten Things To Do"),
                      ("footer", "Contact us")}


def test_page_chrome_of_junk_is_empty() -> None:
    assert split_page_chrome("", "text") == ("text", [])
    assert split_page_chrome("<p>just a paragraph</p>", "just a paragraph") == (
        "just a paragraph", [])


def test_a_wrapper_with_a_chrome_class_keeps_the_article() -> None:
    html = ('<div class="article-share-wrapper"><p>Bezos spoke with Trump twice.</p>'
            '<p>Limp met Wiles.</p></div>')
    text, _ = split_page_chrome(html, "Bezos spoke with Trump twice.\nLimp met Wiles.")
    assert text == "Bezos spoke with Trump twice.\nLimp met Wiles."


UK_BODY = ("Безос щонайменше двічі говорив з президентом Трампом у червні.\n"
           "Генеральний директор Blue Origin Дейв Лімп зустрівся з главою апарату Білого дому.")


def test_ukrainian_unrelated_headlines_in_sentence_case() -> None:
    tail = ("НБУ залишив облікову ставку без змін\nУ Львові відкрили новий міст через річку\n"
            "Ціни на пальне знову зросли")
    body, blocks = split_boilerplate(UK_BODY + "\n\n" + tail + "\n")
    assert body == UK_BODY
    assert [(b.reason, b.text) for b in blocks] == [("unrelated-headlines", tail)]


def test_ukrainian_closing_lines_about_the_story_stay() -> None:
    tail = ("Безос говорив з Трампом двічі\nЛімп зустрівся з главою апарату\n"
            "Blue Origin хоче контрактів")
    assert moved(UK_BODY + "\n\n" + tail) == []
