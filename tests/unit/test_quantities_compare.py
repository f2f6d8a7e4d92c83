"""`Quantity.compare`: the same amount across scripts, and the drifts that matter.

Rows are (source text, source language, target text, target language, verdict, ratio,
notes that must appear). Dates resolve against PUBLISHED unless a row says otherwise.
"""

from __future__ import annotations

import datetime as dt

import pytest

from provenance.quantities import Comparison, Quantity, extract_quantities

PUBLISHED = dt.date(2025, 6, 27)


def one(text: str, lang: str, published: dt.date | None = PUBLISHED) -> Quantity:
    found = extract_quantities(text, lang, published)
    assert len(found) == 1, found
    return found[0]


COMPARISONS: list[tuple[str, str, str, str, str, float | None, list[str]]] = [
    # The classic: same amount in four scripts, and the tenfold slip.
    ("$5.9 billion", "en", "59亿美元", "zh-cn", "same", 1.0, []),
    ("$5.9 billion", "en", "59億美元", "zh-tw", "same", 1.0, []),
    ("$5.9 billion", "en", "59억 달러", "ko", "same", 1.0, []),
    ("$5.9 billion", "en", "5,9 млрд доларів", "uk", "same", 1.0, []),
    ("$5.9 billion", "en", "5,9 млрд долл.", "ru", "same", 1.0, []),
    (
        "$5.9 billion",
        "en",
        "5.9亿美元",
        "zh-cn",
        "different",
        0.1,
        ["scale x10", "other is 10x smaller"],
    ),
    (
        "59억 달러",
        "ko",
        "590억 달러",
        "ko",
        "different",
        10.0,
        ["scale x10", "other is 10x larger"],
    ),
    ("$2.4 billion", "en", "24亿美元", "zh-cn", "same", 1.0, []),
    ("$1.25 billion", "en", "12억 5천만 달러", "ko", "same", 1.0, []),
    ("350 billion won", "en", "3,500억원", "ko", "same", 1.0, []),
    # Currency and kind changes.
    ("$5.9 billion", "en", "5.9 billion", "en", "same", 1.0, ["currency missing: USD"]),
    ("5.9 billion", "en", "$5.9 billion", "en", "same", 1.0, ["currency added: USD"]),
    (
        "$5.9 billion",
        "en",
        "5,9 млрд рублів",
        "uk",
        "different",
        1.0,
        ["currency differs: USD vs RUB"],
    ),
    ("£75 million", "en", "7500 万英镑", "zh-cn", "same", 1.0, []),
    # Counts, multiples and qualifiers.
    ("at least twice", "en", "至少两次", "zh-cn", "same", 1.0, []),
    ("at least twice", "en", "최소 두 차례", "ko", "same", 1.0, []),
    ("at least twice", "en", "щонайменше двічі", "uk", "same", 1.0, []),
    ("at least twice", "en", "два рази", "uk", "same", 1.0, ["qualifier dropped: at_least"]),
    ("twice", "en", "两次", "zh-cn", "same", 1.0, []),
    ("twice", "en", "두 번", "ko", "same", 1.0, []),
    ("twice", "en", "至少两次", "zh-cn", "same", 1.0, ["qualifier added: at_least"]),
    (
        "more than 130 launches",
        "en",
        "至少130次发射",
        "zh-cn",
        "same",
        1.0,
        ["qualifier changed: more_than -> at_least"],
    ),
    ("seven launches", "en", "七次发射", "zh-cn", "same", 1.0, []),
    ("seven launches", "en", "сім запусків", "uk", "same", 1.0, []),
    ("28 missions", "en", "28 місій", "uk", "same", 1.0, []),
    ("28 missions", "en", "28회 발사", "ko", "same", 1.0, ["unit differs: mission vs launch"]),
    ("28 missions", "en", "28", "en", "same", 1.0, ["unit missing: mission"]),
    ("28 missions", "en", "27 missions", "en", "different", 27 / 28, []),
    (
        "28 missions",
        "en",
        "82 launches",
        "en",
        "not_comparable",
        82 / 28,
        ["unit differs: mission vs launch"],
    ),
    # Percentages and ordinals.
    ("40%", "en", "百分之四十", "zh-cn", "same", 1.0, []),
    ("40%", "en", "40 відсотків", "uk", "same", 1.0, []),
    ("40%", "en", "4%", "en", "different", 0.1, ["scale x10"]),
    ("the 13th flight", "en", "第13次", "zh-cn", "same", 1.0, []),
    ("the 13th flight", "en", "13번째", "ko", "same", 1.0, []),
    ("the 13th flight", "en", "the 31st flight", "en", "different", 31 / 13, []),
    # Dates.
    ("June 26", "en", "6月26日", "zh-cn", "same", None, []),
    ("June 26", "en", "26 червня", "uk", "same", None, []),
    ("June 26", "en", "6월 25일", "ko", "different", None, ["day differs: 26 vs 25 (1 day)"]),
    ("June 26", "en", "本月", "zh-cn", "same", None, ["day missing"]),
    ("this month", "en", "이달", "ko", "same", None, []),
    ("this month", "en", "минулого місяця", "uk", "different", None, ["month differs: 6 vs 5"]),
    ("last summer", "en", "去年夏天", "zh-cn", "same", None, []),
    (
        "last summer",
        "en",
        "July 2024",
        "en",
        "same",
        None,
        ["precision differs: other is within this period"],
    ),
    ("last year", "en", "2024年", "zh-cn", "same", None, []),
    ("On June 25 (local time)", "en", "June 25", "en", "same", None, ["local time dropped"]),
    ("26 June 17:15", "en", "26 червня 17:15", "uk", "same", None, []),
    ("26 June 17:15", "en", "26 червня 18:15", "uk", "different", None, ["time differs"]),
    # Not comparable.
    ("June 26", "en", "$26", "en", "not_comparable", None, ["date vs money"]),
    ("40%", "en", "$40", "en", "not_comparable", None, ["percent vs money"]),
]


@pytest.mark.parametrize(
    ("src", "src_lang", "tgt", "tgt_lang", "verdict", "ratio", "notes"),
    COMPARISONS,
    ids=[f"{c[0]}|{c[2]}" for c in COMPARISONS],
)
def test_compare(src, src_lang, tgt, tgt_lang, verdict, ratio, notes) -> None:
    result = one(src, src_lang).compare(one(tgt, tgt_lang))
    assert isinstance(result, Comparison)
    assert result.verdict == verdict, result
    if ratio is None:
        assert result.ratio is None
    else:
        assert result.ratio == pytest.approx(ratio)
    for note in notes:
        assert note in result.notes, result.notes
    if verdict == "same" and not notes:
        assert result.exact


def test_converted_units_agree_within_rounding() -> None:
    miles = one("85 miles", "en")
    same = miles.compare(one("137 公里", "zh-cn"))
    assert same.verdict == "same" and "unit converted: mile -> kilometer" in same.notes
    wrong = miles.compare(one("85 公里", "zh-cn"))
    assert wrong.verdict == "different" and wrong.ratio == pytest.approx(0.6214, abs=1e-3)
    assert one("2,600 acres", "en").compare(one("1052 公顷", "zh-cn")).verdict == "same"
    assert miles.compare(one("85 hectares", "en")).verdict == "not_comparable"


def test_relative_dates_without_publication_compare_by_meaning() -> None:
    last = one("last year", "en", None)
    assert last.compare(one("去年", "zh-cn", None)).verdict == "same"
    assert last.compare(one("минулого року", "uk", None)).verdict == "same"
    assert last.compare(one("this year", "en", None)).verdict == "different"
    assert last.compare(one("June 26", "en", None)).verdict == "not_comparable"


def test_weekdays_without_publication() -> None:
    assert one("on Friday", "en", None).compare(one("у п'ятницю", "uk", None)).verdict == "same"
    assert one("周六", "zh-cn", None).compare(one("on Saturday", "en", None)).verdict == "same"


def test_yearless_dates_compare_on_month_and_day() -> None:
    result = one("June 25", "en", None).compare(one("2025年6月25日", "zh-cn", None))
    assert result.verdict == "same" and "year added" in result.notes


def test_unresolved_relative_dates_render_in_english() -> None:
    rendered = [one(t, lang, None).render() for t, lang in [
        ("去年", "zh-cn"), ("이달", "ko"), ("минулого літа", "uk"), ("周五", "zh-cn"),
        ("31 хвилин (и) тому", "uk"), ("вчера", "ru"), ("3일 전", "ko"),
    ]]  # fmt: skip
    assert rendered == ["last year", "this month", "last summer", "Friday", "31 minutes ago",
                        "yesterday", "3 days ago"]  # fmt: skip


def test_render_gives_english_for_the_gloss_translator() -> None:
    assert [one(t, lang).render() for t, lang in [
        ("59亿美元", "zh-cn"), ("최소 두 차례", "ko"), ("28 польотів", "uk"),
        ("6月26日", "zh-cn"), ("3,500억원", "ko"), ("100여 명", "ko"),
    ]] == ["$5.9 billion", "at least twice", "28 flights", "2025-06-26", "350 billion won",
           "more than 100 people"]  # fmt: skip
