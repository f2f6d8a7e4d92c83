"""Every number and date in the seed articles, read the way a fact-checker would.

The seeds are English renderings of one story relayed by five outlets; their quantities
("$5.9 billion", "at least twice", "on the 26th", "last summer") are what drift
detection compares across the relays, so each is pinned here with its rendering.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest
from conftest import SEEDS

from provenance.quantities import extract_quantities

EXPECTED: dict[str, list[tuple[str, str]]] = {
    "000_32dd3ef0bea08233.md": [
        ("on the 26th", "2025-06-26"), ("at least twice", "at least twice"),
        ("this month", "2025-06"), ("this month", "2025-06"),
        ("last summer", "2024-06/2024-08"), ("May", "2025-05"),
        ("early June", "early 2025-06"),
        ("9", "9"), ("13th", "13th"), ("33rd", "33rd"), ("two", "2"), ("April", "2025-04"),
        ("$5.9 billion", "$5.9 billion"), ("$2.4 billion", "$2.4 billion"),
        ("seven launches", "7 launches"),
    ],
    "001_2a5f93ececeb6b44.md": [
        ("at least twice", "at least twice"), ("June", "--06"), ("April", "--04"),
        ("$5.9 billion", "$5.9 billion"), ("$2.4 billion", "$2.4 billion"),
        ("28 missions", "28 missions"), ("seven missions", "7 missions"),
        ("over 130 launches", "more than 130 launches"), ("last year", "last year"),
        ("2025", "2025"), ("170 orbital launches", "170 launches"),
        ("76 missions", "76 missions"), ("January", "--01"),
    ],
    "002_a881ebeb0d8b70ca.md": [
        ("first", "1st"), ("$5.9 billion", "$5.9 billion"), ("28 flights", "28 flights"),
        ("$2.4 billion", "$2.4 billion"), ("seven missions", "7 missions"),
        ("at least twice", "at least twice"), ("June", "--06"), ("first", "1st"),
        ("January 2025", "2025-01"), ("second", "2nd"), ("mid-August", "mid --08"),
    ],
    "003_0de4b070093ee5a5.md": [
        ("June 25", "--06-25 (local time)"), ("at least twice", "at least twice"),
        ("June", "--06"), ("earlier this month", "this month"),
        ("last summer", "last summer"), ("Last month", "last month"), ("two", "2"),
        ("June 26", "--06-26"), ("first", "1st"), ("last year", "last year"),
        ("April", "--04"), ("$5.9 billion", "$5.9 billion"), ("$2.4 billion", "$2.4 billion"),
    ],
    "004_cc6c4c0a1779133e.md": [
        ("at least twice", "at least twice"), ("this month", "this month"), ("2025", "2025"),
        ("$450", "$450"), ("$800 Billion", "$800 billion"), ("2028", "2028"),
    ],
}  # fmt: skip


def _seed(name: str) -> tuple[str, str, dt.date | None]:
    path = SEEDS / name
    _, front, body = path.read_text(encoding="utf-8").split("---", 2)
    published = re.search(r"^published:[ \t]*(\S+)[ \t]*$", front, re.M)
    return front, body, dt.date.fromisoformat(published.group(1)) if published else None


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_quantity_in_the_seed(name: str) -> None:
    _, body, published = _seed(name)
    found = extract_quantities(body, "en", published)
    assert [(q.text, str(q)) for q in found] == EXPECTED[name]


def test_seed_dateline_without_a_year() -> None:
    front, _, _ = _seed("002_a881ebeb0d8b70ca.md")
    dateline = re.search(r'^dateline:\s*"(.+)"', front, re.M).group(1)
    (q,) = extract_quantities(dateline, "en")
    assert (q.kind, q.date) == ("time", "--06-26T17:15")
    (r,) = extract_quantities(dateline, "en", dt.date(2025, 6, 26))
    assert r.date == "2025-06-26T17:15"


def test_relays_agree_on_the_contract_values() -> None:
    values = {
        name: sorted(q.value for q in extract_quantities(_seed(name)[1], "en") if q.kind == "money")
        for name in ("000_32dd3ef0bea08233.md", "002_a881ebeb0d8b70ca.md")
    }
    assert values["000_32dd3ef0bea08233.md"] == values["002_a881ebeb0d8b70ca.md"] == [2.4e9, 5.9e9]
