"""Table-driven extraction tests: real-world expressions in en, zh-Hans, zh-Hant, ko, uk, ru.

Each row is (language, text, the English renderings of every quantity found, in order).
The rendering carries kind, value, unit, currency, qualifier and date at once, so one
string comparison checks the whole normalisation. Dates resolve against PUBLISHED.
"""

from __future__ import annotations

import datetime as dt

import pytest

from provenance.errors import BadInput
from provenance.quantities import Quantity, extract_quantities

PUBLISHED = dt.date(2025, 6, 27)

CASES: list[tuple[str, str, list[str]]] = [
    ("en", "a $5.9 billion contract", ["$5.9 billion"]),
    ("en", "a $2.4 billion order for seven launches", ["$2.4 billion", "7 launches"]),
    ("en", "at least twice this month", ["at least twice", "2025-06"]),
    ("en", "more than 130 launches", ["more than 130 launches"]),
    ("en", "over 130 launches last year", ["more than 130 launches", "2024"]),
    ("en", "1,250 people", ["1,250 people"]),
    ("en", "$5m", ["$5 million"]),
    ("en", "$5.9bn", ["$5.9 billion"]),
    ("en", "£75 million in aid", ["£75 million"]),
    ("en", "€3bn", ["€3 billion"]),
    ("en", "the 13th manned flight", ["13th"]),
    ("en", "the 33rd flight", ["33rd"]),
    ("en", "28 missions", ["28 missions"]),
    ("en", "seven missions", ["7 missions"]),
    ("en", "170 orbital launches", ["170 launches"]),
    ("en", "76 missions", ["76 missions"]),
    ("en", "40%", ["40%"]),
    ("en", "30 per cent", ["30%"]),
    ("en", "about 10% of the population", ["about 10%"]),
    ("en", "nearly 3 million voters", ["about 3 million voters"]),
    ("en", "up to 50 attacks", ["at most 50 attacks"]),
    ("en", "less than $300 million", ["less than $300 million"]),
    ("en", "a 60-year-old man", ["60-year-old"]),
    ("en", "two dozen Shaheds", ["24"]),
    ("en", "85 miles (137 kilometers)", ["85 miles", "137 kilometers"]),
    ("en", "2,000 feet", ["2,000 feet"]),
    ("en", "three or more", ["at least 3"]),
    ("en", "130+ launches", ["at least 130 launches"]),
    ("en", "USD 450", ["$450"]),
    ("en", "US$2.4 billion", ["$2.4 billion"]),
    ("en", "5.9 billion dollars", ["$5.9 billion"]),
    ("en", "twenty-five people", ["25 people"]),
    ("en", "$800 Billion", ["$800 billion"]),
    ("en", "a third of the budget", []),
    ("en", "COVID-19", []),
    ("en", "Fox and Seven", []),
    ("en", "10 m", ["10 meters"]),
    ("en", "58,595,066 people", ["58.595066 million people"]),
    ("en", "June 26", ["2025-06-26"]),
    ("en", "26 June 17:15", ["2025-06-26T17:15"]),
    ("en", "Jun 27, 2025", ["2025-06-27"]),
    ("en", "on the 26th as saying", ["2025-06-26"]),
    ("en", "On June 25 (local time), the WSJ", ["2025-06-25 (local time)"]),
    ("en", "in April", ["2025-04"]),
    # the part of a period stays with the date (provenance/data/quantities/periods.yaml)
    ("en", "in early June", ["early 2025-06"]),
    ("en", "by mid-June", ["mid 2025-06"]),
    ("en", "since late 2022", ["late 2022"]),
    ("zh-cn", "自2022年底以来", ["late 2022"]),
    ("ko", "2022년 말부터", ["late 2022"]),
    ("ru", "с конца 2022 года", ["late 2022"]),
    ("en", "January 2025", ["2025-01"]),
    ("en", "this month", ["2025-06"]),
    ("en", "earlier this month", ["2025-06"]),
    ("en", "last summer", ["2024-06/2024-08"]),
    ("en", "last year", ["2024"]),
    ("en", "next year", ["2026"]),
    ("en", "on Saturday", ["2025-06-21"]),
    ("en", "3 days ago", ["2025-06-24"]),
    ("en", "08.02.2023", ["2023-02-08"]),
    ("en", "at 10:50 a.m.", ["T10:50"]),
    ("en", "before 5.30pm", ["T17:30"]),
    ("en", "February 9-10", ["2025-02-09/2025-02-10"]),
    ("en", "in 2019", ["2019"]),
    ("en", "2025-06-26", ["2025-06-26"]),
    ("zh-cn", "59亿美元", ["$5.9 billion"]),
    ("zh-cn", "5.9亿美元", ["$590 million"]),
    ("zh-cn", "24亿美元", ["$2.4 billion"]),
    ("zh-cn", "2万3千人", ["23,000 people"]),
    ("zh-cn", "百分之四十", ["40%"]),
    ("zh-cn", "第13次载人飞行", ["13th"]),
    ("zh-cn", "七次发射", ["7 launches"]),
    ("zh-cn", "至少两次", ["at least twice"]),
    ("zh-cn", "28次发射", ["28 launches"]),
    ("zh-cn", "超过130次发射", ["more than 130 launches"]),
    ("zh-cn", "30% 的客户", ["30%"]),
    ("zh-cn", "7500 万英镑", ["£75 million"]),
    ("zh-cn", "2.86 亿英镑", ["£286 million"]),
    ("zh-cn", "200 多万美元", ["more than $2 million"]),
    ("zh-cn", "66.3 万个签名", ["663,000 signatures"]),
    ("zh-cn", "近 300 万选民", ["about 3 million voters"]),
    ("zh-cn", "约 10%", ["about 10%"]),
    ("zh-cn", "10% 左右", ["about 10%"]),
    ("zh-cn", "3 亿美元以下", ["at most $300 million"]),
    ("zh-cn", "1.5万亿元", ["1.5 trillion yuan"]),
    ("zh-cn", "两名目击者", ["2 people"]),
    ("zh-cn", "5 人被困", ["5 people"]),
    ("zh-cn", "60 岁男子", ["60-year-old"]),
    ("zh-cn", "85 英里（137 公里）", ["85 miles", "137 kilometers"]),
    ("zh-cn", "第 12 大加密货币", ["12th"]),
    ("zh-cn", "十分之一", []),
    ("zh-cn", "数十个村庄", []),
    ("zh-cn", "唯一一个", []),
    ("zh-cn", "一名男子", []),
    ("zh-cn", "新冠肺炎 COVID-19", []),
    ("zh-cn", "6月25日", ["2025-06-25"]),
    ("zh-cn", "2025年6月25日", ["2025-06-25"]),
    ("zh-cn", "当地时间6月25日", ["2025-06-25 (local time)"]),
    ("zh-cn", "26日", ["2025-06-26"]),
    ("zh-cn", "本月", ["2025-06"]),
    ("zh-cn", "上月", ["2025-05"]),
    ("zh-cn", "去年夏天", ["2024-06/2024-08"]),
    ("zh-cn", "今年", ["2025"]),
    ("zh-cn", "周六", ["2025-06-21"]),
    ("zh-cn", "下午 5 点半", ["T17:30"]),
    ("zh-cn", "上午 10 点 50 分", ["T10:50"]),
    ("zh-cn", "2032 年奥运会", ["2032"]),
    ("zh-cn", "六月二十五日", ["2025-06-25"]),
    ("zh-cn", "10 周前", ["2025-04-18"]),
    ("zh-tw", "59億美元", ["$5.9 billion"]),
    ("zh-tw", "5.9億美元", ["$590 million"]),
    ("zh-tw", "3千萬元", ["30 million New Taiwan dollars"]),
    ("zh-tw", "兩萬人", ["20,000 people"]),
    ("zh-tw", "至少兩次", ["at least twice"]),
    ("zh-tw", "第13次", ["13th"]),
    ("zh-tw", "當地時間6月25日", ["2025-06-25 (local time)"]),
    ("zh-tw", "百分之四十", ["40%"]),
    ("zh-tw", "約 300 萬名選民", ["about 3 million voters"]),
    ("zh-tw", "逾 100 萬人", ["more than 1 million people"]),
    ("ko", "59억 달러", ["$5.9 billion"]),
    ("ko", "5.9억 달러", ["$590 million"]),
    ("ko", "24억 달러", ["$2.4 billion"]),
    ("ko", "3,500억원", ["350 billion won"]),
    ("ko", "12억 5천만 달러", ["$1.25 billion"]),
    ("ko", "3억 5천만", ["350 million"]),
    ("ko", "최소 두 차례", ["at least twice"]),
    ("ko", "28회 발사", ["28 launches"]),
    ("ko", "발사 28회", ["28 launches"]),
    ("ko", "13번째 유인 비행", ["13th"]),
    ("ko", "40%", ["40%"]),
    ("ko", "100여 명", ["more than 100 people"]),
    ("ko", "일곱 번의 발사", ["7 launches"]),
    ("ko", "석 달 동안", ["3"]),  # 석: three, before a few counters
    ("ko", "130회 이상", ["at least 130 times"]),
    ("ko", "약 300만 명", ["about 3 million people"]),
    ("ko", "6월 25일", ["2025-06-25"]),
    ("ko", "현지시간 25일", ["2025-06-25 (local time)"]),
    ("ko", "이달", ["2025-06"]),
    ("ko", "지난달", ["2025-05"]),
    ("ko", "지난해 여름", ["2024-06/2024-08"]),
    ("ko", "2025년 6월 25일", ["2025-06-25"]),
    ("ko", "오후 5시 30분", ["T17:30"]),
    ("ko", "제13차", ["13th"]),
    ("ko", "5천만 원을", ["50 million won"]),
    ("uk", "5,9 млрд доларів", ["$5.9 billion"]),
    ("uk", "2,4 млрд дол.", ["$2.4 billion"]),
    ("uk", "сім запусків", ["7 launches"]),
    ("uk", "щонайменше двічі", ["at least twice"]),
    ("uk", "понад 130 запусків", ["more than 130 launches"]),
    ("uk", "40 відсотків", ["40%"]),
    ("uk", "28 польотів", ["28 flights"]),
    ("uk", "14 014 людей", ["14,014 people"]),
    ("uk", "20,6 тисячі", ["20,600"]),
    ("uk", "близько 5,4 мільйона людей", ["about 5.4 million people"]),
    ("uk", "понад вісім тисяч рятувальників", ["more than 8,000 rescuers"]),
    ("uk", "п'ятеро українців", ["5"]),
    ("uk", "10 пошуково-рятувальних собак", ["10 dogs"]),
    ("uk", "два рази", ["twice"]),
    ("uk", "до 50 атак", ["at most 50 attacks"]),
    ("uk", "2-ї мотострілецької дивізії", ["2nd"]),
    ("uk", "з 1939-го", ["1939"]),
    ("uk", "25 червня", ["2025-06-25"]),
    ("uk", "цього місяця", ["2025-06"]),
    ("uk", "минулого року", ["2024"]),
    ("uk", "у квітні", ["2025-04"]),
    ("uk", "у червні 2022 року", ["2022-06"]),
    ("uk", "9-10 лютого", ["2025-02-09/2025-02-10"]),
    ("uk", "08.02.2023", ["2023-02-08"]),
    ("uk", "у четвер", ["2025-06-26"]),
    ("uk", "минулого літа", ["2024-06/2024-08"]),
    ("uk", "за місцевим часом", []),
    ("uk", "17:15 за місцевим часом", ["T17:15 (local time)"]),
    ("uk", "31 хвилин (и) тому", ["2025-06-27T11:29"]),
    ("uk", "у 2023 році", ["2023"]),
    ("uk", "3 162 людини", ["3,162 people"]),
    ("uk", "18 одиниць техніки", ["18 vehicles"]),
    ("uk", "майже три тисячі людей", ["about 3,000 people"]),
    ("uk", "1,5 млн гривень", ["1.5 million hryvnias"]),
    ("uk", "від початку січня", ["early 2025-01"]),
    ("uk", "наприкінці 2023 року", ["late 2023"]),
    ("ru", "5,9 млрд долл.", ["$5.9 billion"]),
    ("ru", "2,4 миллиарда долларов", ["$2.4 billion"]),
    ("ru", "семь запусков", ["7 launches"]),
    ("ru", "как минимум дважды", ["at least twice"]),
    ("ru", "более 130 запусков", ["more than 130 launches"]),
    ("ru", "40 процентов", ["40%"]),
    ("ru", "13-й полет", ["13th"]),
    # collective and dative forms: "two (people) of the detained", "to four regions"
    ("ru", "двоих задержанных", ["2"]),
    ("ru", "троих задержанных", ["3"]),
    ("ru", "к четырём регионам", ["4"]),
    ("ru", "28 полетов", ["28 flights"]),
    ("ru", "около 5,4 миллиона человек", ["about 5.4 million people"]),
    ("ru", "25 июня", ["2025-06-25"]),
    ("ru", "в этом месяце", ["2025-06"]),
    ("ru", "в прошлом году", ["2024"]),
    ("ru", "в апреле", ["2025-04"]),
    ("ru", "26 июня 17:15 по местному времени", ["2025-06-26T17:15 (local time)"]),
    ("ru", "в 2025 году", ["2025"]),
    ("ru", "прошлым летом", ["2024-06/2024-08"]),
    ("ru", "3 млн рублей", ["3 million rubles"]),
    ("ru", "свыше 20 тыс. человек", ["more than 20,000 people"]),
    ("en", "Set in 1880s New York", ["1880/1889"]),
    ("zh-cn", "19 世纪 80 年代的纽约", ["1880/1889"]),
    ("zh-cn", "南非首位黑人总统", ["1st"]),
    ("ko", "8개 회원국의 12개 기가팩토리", ["8", "12"]),
    ("ko", "블룸버그통신은 3일(현지시간) 보도했다", ["2025-06-03 (local time)"]),
    ("en", "as early as September", ["2025-09"]),
    ("uk", "зросла до 14 014 людей", ["14,014 people"]),
    ("en", '"And I take him at face value"3.', []),
    ("ko", "1분기 영업이익이 6조6천억원으로 931.3% 증가", ["1", "6.6 trillion won", "931.3%"]),
    ("ko", "사망자는 최소 1천200명으로 늘었다", ["at least 1,200 people"]),
    ("ko", "두 번째 발사", ["2nd"]),
    ("ko", "첫 번째 유인 비행", ["1st"]),
    ("ko", "10년 만에", ["10 years"]),
    ("ko", "20대 남성", ["20"]),
    ("ko", "차량 10대", ["10 vehicles"]),
    ("ko", "한 명이 숨지고 세 명이 다쳤다", ["3 people"]),
    ("en", "just one player has tested positive", []),
    ("en", "at least one person died", ["at least 1 person"]),
    ("uk", "ще одна ракета", []),
    ("uk", "2 мільярди гривень", ["2 billion hryvnias"]),
    ("uk", "300 мільйонів доларів", ["$300 million"]),
    ("ru", "150 тыс. руб.", ["150,000 rubles"]),
    ("uk", "предмети першої необхідності", []),
    ("zh-cn", "违反了 1991 年前苏联解体时的保证", ["1991"]),
    ("zh-tw", "逾三成民眾支持", ["more than 30%"]),
    ("zh-cn", "当地时间6月25日17:15", ["2025-06-25T17:15 (local time)"]),
    ("ko", "현지시간 25일 17:15", ["2025-06-25T17:15 (local time)"]),
    ("en", "at 10:50:30 and 17:15", ["T10:50", "T17:15"]),
    ("zh-tw", "當地時間週五", ["2025-06-27 (local time)"]),
    ("zh-tw", "3 萬 5 千人", ["35,000 people"]),
    ("zh-tw", "新台幣 3,000 億元", ["300 billion New Taiwan dollars"]),
    ("zh-tw", "二〇二五年六月二十五日", ["2025-06-25"]),
    ("zh-cn", "上周五", ["2025-06-20"]),
    ("zh-cn", "下周五", ["2025-07-04"]),
    ("en", "next Monday", ["2025-06-30"]),
    ("ko", "지난 금요일", ["2025-06-20"]),
    ("ru", "в среду", ["2025-06-25"]),
    ("ru", "85 миль, 5 милиционеров", ["85 miles", "5"]),
    ("zh-tw", "約 3 成", ["about 30%"]),
    ("zh-cn", "5 成人票", ["5"]),
    # a bound between the classifier and the noun, or after the count
    ("zh-cn", "新技术可以处理 125 个以上样本", ["more than 125 samples"]),
    ("zh-cn", "客户打算购买三棵或更多。", ["at least 3 trees"]),
]


@pytest.mark.parametrize(("lang", "text", "expected"), CASES, ids=[f"{c[0]}:{c[1]}" for c in CASES])
def test_renderings(lang: str, text: str, expected: list[str]) -> None:
    assert [str(q) for q in extract_quantities(text, lang, PUBLISHED)] == expected


def test_table_is_large_and_covers_every_language() -> None:
    assert len(CASES) >= 150
    assert {c[0] for c in CASES} == {"en", "zh-cn", "zh-tw", "ko", "uk", "ru"}


@pytest.mark.parametrize(("lang", "text", "expected"), CASES[::7])
def test_spans_point_at_the_text_sorted_and_disjoint(lang: str, text: str, expected: list[str]):
    found = extract_quantities(text, lang, PUBLISHED)
    for q in found:
        assert text[q.start : q.end] == q.text
    for a, b in zip(found, found[1:], strict=False):
        assert a.end <= b.start


def test_richest_reading_wins() -> None:
    (q,) = extract_quantities("SpaceX won a $5.9 billion contract", "en")
    assert (q.kind, q.value, q.currency, q.text) == ("money", 5.9e9, "USD", "$5.9 billion")


def test_fields_of_a_count_with_qualifier() -> None:
    (q,) = extract_quantities("понад 23 тисячі людей", "uk")
    assert (q.kind, q.value, q.unit, q.qualifier) == ("count", 23000.0, "person", "more_than")


@pytest.mark.parametrize(("text", "lang"), [
    ("乌克兰将停止加入北约长达20年", "zh-cn"),  # "for as long as 20 years"
    ("伤亡人数多達300人", "zh-tw"),
    ("as many as 300 people", "en"),
])
def test_as_long_as_and_as_many_as_are_a_ceiling(text: str, lang: str) -> None:
    (q,) = extract_quantities(text, lang)
    assert q.qualifier == "at_most"


def test_yearless_date_without_publication_keeps_year_unknown() -> None:
    (q,) = extract_quantities("6월 25일", "ko")
    assert (q.kind, q.date) == ("date", "--06-25")
    (r,) = extract_quantities("this month", "en")
    assert r.date is None and r.note == "relative:month+0"


def test_local_time_flag() -> None:
    (q,) = extract_quantities("当地时间6月25日，华尔街日报报道", "zh-cn", PUBLISHED)
    assert q.local_time and q.date == "2025-06-25"
    (r,) = extract_quantities("The meeting is on June 25.", "en", PUBLISHED)
    assert not r.local_time


def test_glossary_language_codes_are_accepted() -> None:
    assert [str(q) for q in extract_quantities("59億美元", "zh-Hant")] == ["$5.9 billion"]
    assert [str(q) for q in extract_quantities("3千萬元", "zh-Hans")] == ["30 million yuan"]


def test_unknown_language_reads_digits() -> None:
    assert [str(q) for q in extract_quantities("Il y a 28 missions", "fr")] == ["28 missions"]


def test_empty_text_and_bad_input() -> None:
    assert extract_quantities("", "en") == []
    with pytest.raises(BadInput):
        extract_quantities(None, "en")  # type: ignore[arg-type]


def test_publication_date_forms() -> None:
    as_date = extract_quantities("this month", "en", dt.date(2025, 6, 27))
    as_datetime = extract_quantities("this month", "en", dt.datetime(2025, 6, 27, 9, 30))
    as_text = extract_quantities("this month", "en", "2025-06-27")  # type: ignore[arg-type]
    assert as_date == as_datetime == as_text and as_date[0].date == "2025-06"
    with pytest.raises(BadInput):
        extract_quantities("this month", "en", "June 27th")  # type: ignore[arg-type]


def test_quantity_is_frozen_and_renders() -> None:
    (q,) = extract_quantities("at least twice", "en")
    assert isinstance(q, Quantity) and q.render() == "at least twice"
    with pytest.raises(AttributeError):
        q.value = 3  # type: ignore[misc]


def test_number_words_are_the_count_words_of_each_language() -> None:
    """What attribution counts and recent periods look counts up in (numerals.py)."""
    from provenance.quantities.numerals import number_words

    ru, uk = number_words("ru"), number_words("uk")
    assert (ru["двоих"], ru["троих"], ru["четырём"], ru["четырем"]) == (2, 3, 4, 4)
    assert (uk["двоє"], uk["трьох"], uk["п'ять"], uk["п’ять"], uk["пʼяти"]) == (2, 3, 5, 5, 5)
    assert number_words("en")["ten"] == 10 and "zero" not in number_words("en")
    assert number_words("ko")["석"] == 3 and number_words("zh")["两"] == 2
    assert number_words("de") == {}  # not read here: recent.yaml lists its words
