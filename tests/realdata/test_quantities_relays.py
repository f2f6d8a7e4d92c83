"""One story relayed in five languages (tests/corpora/second_story): the relays carry the
same amounts and dates as the Bloomberg original, and the local-time convention of the
Korean wire is recognised."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from conftest import REPO

from provenance.quantities import Quantity, extract_quantities

CORPUS = REPO / "tests" / "corpora" / "second_story"
RELAYS = ["en_yonhap_english.md", "ko_yonhap.md", "ru_interfax.md", "uk_eurointegration.md",
          "zh_cls.md"]  # fmt: skip


def _quantities(name: str) -> list[Quantity]:
    path = CORPUS / name
    _, front, body = path.read_text(encoding="utf-8").split("---", 2)
    published = dt.date.fromisoformat(re.search(r"^published:\s*(\S+)", front, re.M).group(1))
    lang = re.search(r"^language:\s*(\S+)", front, re.M).group(1)
    return extract_quantities(body, lang, published)


@pytest.mark.parametrize("name", RELAYS)
def test_relay_keeps_the_amounts_and_dates(name: str) -> None:
    original = [q for q in _quantities("en_bloomberg.md") if q.kind in ("money", "date")]
    relay = _quantities(name)
    for q in original:
        assert any(q.compare(r).verdict == "same" for r in relay), (str(q), [str(r) for r in relay])


def test_money_of_the_relays_is_identical() -> None:
    money = {name: sorted(q.value for q in _quantities(name) if q.kind == "money")
             for name in RELAYS}  # fmt: skip
    assert set(map(tuple, money.values())) == {(1.8e9, 4.5e9)}
    currencies = {q.currency for name in RELAYS for q in _quantities(name) if q.kind == "money"}
    assert currencies == {"EUR"}


def test_korean_wire_date_is_local_time() -> None:
    dates = [q for q in _quantities("ko_yonhap.md") if q.kind == "date"]
    assert dates[0].text == "3일" and dates[0].date == "2025-03-03" and dates[0].local_time
