"""Rank qualifiers of titles (provenance.drift.ranks): a first deputy made the head is a
changed post, not a title named less precisely."""

from __future__ import annotations

from test_drift import drift

from provenance.drift.ranks import rank_change


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
