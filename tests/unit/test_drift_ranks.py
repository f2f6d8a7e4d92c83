"""Rank qualifiers of titles (provenance.drift.ranks): a first deputy made the head is a
changed post, not a title named less precisely."""

from __future__ import annotations

import pytest
from test_drift import drift

from provenance.drift.ranks import qualifiers_at, rank_change


def test_rank_change_reads_post_and_order_qualifiers() -> None:
    change = rank_change("first deputy chief of staff", "chief of staff")
    assert change is not None
    assert change.dropped == ("first", "deputy") and change.added == ()
    assert change.post
    order = rank_change("first deputy chief of staff", "deputy chief of staff")
    assert order is not None and order.dropped == ("first",) and not order.post
    gained = rank_change("national security adviser", "former national security adviser")
    assert gained is not None and gained.added == ("former",) and gained.post


def test_other_offices_are_no_rank_change() -> None:
    assert rank_change("chief of staff", "White House Chief of Staff") is None
    assert rank_change("deputy chief of staff", "deputy chief of staff") is None
    assert rank_change("leader", "premier") is None


def titles(src: list[str], tgt: list[str], tgt_lang: str = "en"):
    return [f for f in drift(src, tgt, "en", tgt_lang) if f.kind == "term"]


def test_deputy_made_chief_is_a_changed_title_not_a_vaguer_one() -> None:
    (f,) = titles(["Musk spoke with Sergei Kiriyenko, Putin's deputy chief of staff."],
                  ["Musk spoke with Sergei Kiriyenko, Putin's chief of staff."])
    assert f.evidence["change"] == "rank"
    assert f.evidence["rank_dropped"] == ["deputy"]
    assert f.severity == "major"
    assert "“deputy” dropped" in f.message


def test_first_dropped_from_a_deputy_is_minor() -> None:
    (f,) = titles(["Musk spoke with Sergei Kiriyenko, Putin's first deputy chief of staff."],
                  ["Musk spoke with Sergei Kiriyenko, Putin's deputy chief of staff."])
    assert f.severity == "minor"
    assert f.evidence["rank_dropped"] == ["first"]


def test_a_more_precise_office_is_still_minor() -> None:
    (f,) = titles(["Susie Wiles, the White House chief of staff, spoke."],
                  ["Susie Wiles, the chief of staff, spoke."])
    assert f.severity == "minor" and f.evidence["change"] == "narrowed"
    assert "rank_dropped" not in f.evidence


@pytest.mark.parametrize(("text", "title", "lang", "expected"), [
    ("a former Trump National Security Council aide said", "National Security Council aide",
     "en", {"former"}),
    ("the acting NASA Administrator said", "NASA Administrator", "en", {"acting"}),
    ("Former officials said the national security adviser", "national security adviser",
     "en", set()),
    ("колишній радник з національної безпеки заявив", "радник з національної безпеки", "uk",
     {"former"}),
    ("美国前国家安全顾问说", "国家安全顾问", "zh-cn", {"former"}),
    ("美国目前国家安全顾问说", "国家安全顾问", "zh-cn", set()),  # 目前 "now"
    ("존 볼턴 전 국가안보보좌관은", "국가안보보좌관", "ko", {"former"}),
    ("한덕수 대통령 권한대행은 말했다", "대통령", "ko", {"acting"}),
    ("le président par intérim a dit", "président", "fr", {"acting"}),
])
def test_qualifiers_written_next_to_a_title(text: str, title: str, lang: str,
                                            expected: set[str]) -> None:
    i = text.index(title)
    assert set(qualifiers_at(text, i, i + len(title), lang)) == expected


def test_former_dropped_on_the_same_title_is_reported_across_languages() -> None:
    (f,) = titles(["A former national security adviser said Trump decides."],
                  ["国家安全顾问说特朗普决定。"], tgt_lang="zh-cn")
    assert f.evidence["change"] == "rank" and f.evidence["rank_dropped"] == ["former"]
    assert "former national security adviser" in f.message
    assert titles(["A former national security adviser said Trump decides."],
                  ["前国家安全顾问说特朗普决定。"], tgt_lang="zh-cn") == []
