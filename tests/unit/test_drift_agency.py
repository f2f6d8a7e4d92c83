"""Agency drift: advisers' proposals given to the leader they were put to."""

from __future__ import annotations

import pytest
from test_drift import drift, of

SRC = ["Donald Trump must choose between competing proposals from his advisers, "
       "people familiar with the talks said."]


@pytest.mark.parametrize(("relay", "lang"), [
    ("도널드 트럼프 당선인이 우크라이나 전쟁 종식 방안을 검토하고 있다.", "ko"),
    ("Дональд Трамп може запропонувати Україні мирний план.", "uk"),
    ("Дональд Трамп предлагает Украине мирный план.", "ru"),
    ("唐纳德·特朗普正在考虑结束战争的方案。", "zh-cn"),
    ("Donald Trump is considering competing plans, people familiar with the talks said.",
     "en"),
])
def test_the_leader_given_the_advisers_proposals_is_an_agency_change(relay: str,
                                                                    lang: str) -> None:
    (f,) = [f for f in of(drift(SRC, [relay], tgt_lang=lang), "relation")
            if f.evidence["change"] == "agency"]
    assert f.severity == "minor"
    assert f.evidence["concept"] == "donald-trump"
    assert "advisers" in f.message


@pytest.mark.parametrize(("relay", "lang"), [
    # the advisers kept
    ("트럼프 측 고문들은 우크라이나 전쟁 종식 방안을 제시했다.", "ko"),
    ("Радники Дональда Трампа пропонують Україні мирний план.", "uk"),
    # a person the reference's sentence does not name
    ("Joe Biden is considering a plan to end the war.", "en"),
    # no idea or decision in the relay
    ("Donald Trump spoke about the war.", "en"),
])
def test_no_agency_change_without_all_its_parts(relay: str, lang: str) -> None:
    assert not [f for f in of(drift(SRC, [relay], tgt_lang=lang), "relation")
                if f.evidence["change"] == "agency"]
