"""A date the reference states ("since late 2022") written in the relay as a period counted
back from its publication ("over the last two years", 최근 2년간): read in every lexicon
language, judged against the relay's publication date."""

from __future__ import annotations

import datetime as dt

import pytest
from test_drift import drift, of

from provenance.model import Alignment, Finding, Link
from provenance.quantities import extract_quantities
from provenance.quantities.recent import find_recent_periods, fit, period_start

OCT_2024 = dt.date(2024, 10, 25)


@pytest.mark.parametrize(("lang", "text", "count", "unit"), [
    ("en", "Conversations over the last two years touched on business.", 2, "year"),
    ("en", "They spoke often in the past 18 months.", 18, "month"),
    ("en", "The allies have isolated him in recent years.", None, "year"),
    ("de", "Sie sprachen in den letzten zwei Jahren oft miteinander.", 2, "year"),
    ("fr", "Ils se sont parlé au cours des deux dernières années.", 2, "year"),
    ("es", "Hablaron en los últimos dos años.", 2, "year"),
    ("ko", "머스크가 최근 2년간 푸틴 대통령과 연락을 주고받았다.", 2, "year"),
    ("ko", "지난 2년 동안 비밀리에 소통해왔다.", 2, "year"),
    ("ru", "Маск за последние два года общался с Путиным.", 2, "year"),
    ("uk", "Маск за останні два роки спілкувався з путіним.", 2, "year"),
    # the number words of numerals.py, in every case and with any apostrophe
    ("ru", "В течение последних четырёх лет они общались.", 4, "year"),
    ("ru", "За последние семь месяцев они общались.", 7, "month"),
    ("ru", "За последние полтора года они общались.", 1.5, "year"),
    ("uk", "Протягом останніх п’яти років вони спілкувалися.", 5, "year"),
    ("uk", "За останні сім місяців вони спілкувалися.", 7, "month"),
    ("ko", "최근 석 달 동안 연락했다.", 3, "month"),
    ("ko", "지난 한 달 동안 연락했다.", 1, "month"),
    ("zh-cn", "近三年来,马斯克与普京保持联系。", 3, "year"),
    ("zh-cn", "近两年来,马斯克与普京保持联系。", 2, "year"),
    ("zh-cn", "美国及其盟友近年来一直在孤立普京。", None, "year"),
])
def test_periods_counted_back_from_publication_are_read_in_every_language(
        lang: str, text: str, count: float | None, unit: str) -> None:
    (p,) = find_recent_periods(text, lang)
    assert (p.count, p.unit) == (count, unit)
    assert text[p.start:p.end] == p.text


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "in the last two years of his term"),  # the end of another period
    ("en", "over the two-year conflict"),  # no "last" or "past": a duration
    ("ko", "지난 2022년 말부터"),  # a year, not a count of years
    ("zh-cn", "将近两年"),  # "nearly two years"
])
def test_durations_and_years_are_not_periods_back_from_publication(lang: str, text: str
                                                                    ) -> None:
    assert find_recent_periods(text, lang) == []


@pytest.mark.parametrize(("lang", "text", "quoted"), [
    ("en", "in contact since late 2022.", "since late 2022"),
    ("ko", "두 사람은 지난 2022년 말부터 논의했다.", "2022년 말부터"),
    ("zh-cn", "自2022年底以来保持联系", "自2022年底以来"),
    ("ru", "общались с конца 2022 года", "с конца 2022 года"),
])
def test_a_date_that_begins_a_period_is_quoted_with_its_since(lang: str, text: str,
                                                             quoted: str) -> None:
    (q,) = [q for q in extract_quantities(text, lang, OCT_2024) if q.kind == "date"]
    span = period_start(q, text, lang)
    assert span is not None and text[span[0]:span[1]] == quoted


def test_a_date_without_since_begins_nothing() -> None:
    text = "SpaceX won a contract in 2021."
    (q,) = [q for q in extract_quantities(text, "en", OCT_2024) if q.kind == "date"]
    assert period_start(q, text, "en") is None


def _date(text: str, lang: str = "en"):  # noqa: ANN202 - a Quantity
    return next(q for q in extract_quantities(text, lang, OCT_2024) if q.kind == "date")


def test_fit_allows_half_a_unit_around_where_the_period_begins() -> None:
    (two_years,) = find_recent_periods("over the last two years", "en")
    late_2022 = fit(_date("since late 2022"), True, two_years, OCT_2024)
    assert late_2022.verdict == "agrees" and late_2022.reaches_back == (2022, 10)
    assert fit(_date("since 2018"), True, two_years, OCT_2024).verdict == "contradicts"
    # a date that does not begin the period need only fall inside it
    assert fit(_date("in March 2023"), False, two_years, OCT_2024).verdict == "agrees"
    assert fit(_date("in 2021"), False, two_years, OCT_2024).verdict == "contradicts"
    assert fit(_date("since late 2022"), True, two_years, None).verdict == "unresolved"
    (recent,) = find_recent_periods("in recent years", "en")
    assert fit(_date("since late 2022"), True, recent, OCT_2024).verdict == "vague"


def relative(findings: list[Finding]) -> list[Finding]:
    return [f for f in of(findings, "date") if f.evidence.get("change") == "relative_period"]


def test_since_late_2022_as_the_last_two_years_is_a_minor_approximation_in_korean() -> None:
    (f,) = relative(drift(
        ["Elon Musk has been in regular contact with Vladimir Putin since late 2022."],
        ["일론 머스크가 최근 2년간 블라디미르 푸틴 러시아 대통령과 정기적으로 연락을 주고받았다."],
        tgt_lang="ko", tgt_published="2024-10-25"))
    assert f.severity == "minor" and f.evidence["verdict"] == "agrees"
    assert "“since late 2022”" in f.message and "“최근 2년간”" in f.message
    assert "about Oct 2022" in f.message and "not an error" in f.message
    assert f.evidence["reaches_back"] == "2022-10"


def test_a_period_that_cannot_reach_the_stated_start_is_a_date_change() -> None:
    (f,) = relative(drift(
        ["Elon Musk has been in regular contact with Vladimir Putin since 2018."],
        ["Elon Musk steht in den letzten zwei Jahren in Kontakt mit Wladimir Putin."],
        tgt_lang="de", tgt_published="2024-10-25"))
    assert f.severity == "major" and f.message.startswith("date changed")
    assert "2018" in f.message


def test_without_the_relays_publication_date_the_period_is_not_judged() -> None:
    (f,) = relative(drift(["Musk has been in regular contact with Putin since late 2022."],
                          ["Маск за последние два года регулярно общался с Путиным."],
                          tgt_lang="ru"))
    assert f.severity == "minor" and f.evidence["verdict"] == "unresolved"
    assert "cannot be checked" in f.message


def test_a_relative_period_on_both_sides_and_a_faithful_date_are_quiet() -> None:
    assert relative(drift(["The allies have isolated Putin in recent years."],
                          ["美国及其盟友近年来一直在孤立普京。"], tgt_lang="zh-cn",
                          tgt_published="2024-10-25")) == []
    assert relative(drift(["Musk has been in regular contact with Putin since late 2022."],
                          ["马斯克自2022年底以来一直与普京保持联系。"], tgt_lang="zh-cn",
                          tgt_published="2024-10-25")) == []


def test_a_period_beside_a_dateless_sentence_stands_for_the_one_since_date() -> None:
    src = ["Musk has been in regular contact with Vladimir Putin since late 2022.",
           "The talks touched on business and personal topics."]
    unaligned = Alignment("en", "en", "monotonic", [Link((0,), (), 0.0), Link((1,), (0,), 1.0)])
    (f,) = relative(drift(src, ["Conversations with Putin over the last two years touched on "
                                "business and personal topics."],
                          alignment=unaligned, tgt_published="2024-10-25"))
    assert f.severity == "minor" and f.evidence["aligned"] is False
    assert (f.src, f.tgt) == ((0,), (0,)) and "did not pair" in f.message
    # a disagreement between sentences the aligner did not pair may be about two things
    src[0] = src[0].replace("late 2022", "2015")
    assert relative(drift(src, ["Conversations with Putin over the last two years touched "
                                "on business and personal topics."],
                          alignment=unaligned, tgt_published="2024-10-25")) == []


# a date written month first ------------------------------------------------------------
@pytest.mark.parametrize(("lang", "text", "read"), [
    ("zh-cn", "他与俄罗斯总统的唯一对话发生在4月2021。", ["2021-04"]),
    ("ko", "유일한 대화는 4월 2021에 있었다.", ["2021-04"]),
    # a count after the month, or the year-first order, is what it was
    ("zh-cn", "截至4月2021名患者已出院。", ["2024-04", None]),
    ("zh-cn", "2021年4月", ["2021-04"]),
])
def test_a_month_written_before_its_year_is_read_as_that_month(
        lang: str, text: str, read: list[str | None]) -> None:
    found = [q for q in extract_quantities(text, lang, OCT_2024) if q.kind in ("date", "count")]
    assert [q.date for q in found] == read


def test_a_date_written_month_first_is_a_minor_slip_of_form_not_a_change() -> None:
    (f,) = [f for f in of(drift(["Musk said his only conversation with Putin was in April 2021."],
                               ["马斯克此前表示,他与俄罗斯总统的唯一对话发生在4月2021。"],
                               tgt_lang="zh-cn", tgt_published="2024-10-25"), "date")
            if f.evidence.get("change") == "format"]
    assert f.severity == "minor" and f.src == () and "“4月2021”" in f.message
    assert "Apr 2021" in f.message and "not a changed date" in f.message


def test_a_period_is_described_in_whole_units() -> None:
    texts = (("近半年", "zh-cn"), ("за последние полтора года", "ru"), ("in recent years", "en"))
    assert [p.describe() for text, lang in texts for p in find_recent_periods(text, lang)] == [
        "6 months", "18 months", "an untold number of years"]
