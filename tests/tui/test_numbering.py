"""Sentence numbers on screen count from 1, as in ``drift``'s text and the reports.

On the frozen analysis (``snapshot_app.py``): the findings panel names the sentences of
the highlighted row, the first sentence of each article being sentence 1.
"""

from __future__ import annotations

import re

from pilot_steps import open_first_relay
from snapshot_app import snapshot_app

from tui.screens.compare import CompareScreen, sentence_numbers


def test_numbers_count_from_one():
    assert sentence_numbers((0,)) == "1"
    assert sentence_numbers((13, 14)) == "14, 15"
    assert sentence_numbers((3, 9, 10, 11, 12)) == "4, 10–13"
    assert sentence_numbers(()) == "—"


def _numbers(text: str) -> list[int]:
    """``"4, 10–13"`` -> [4, 10, 11, 12, 13]."""
    out: list[int] = []
    for part in text.split(", "):
        first, _, last = part.partition("–")
        out += range(int(first), int(last or first) + 1)
    return out


async def test_the_findings_panel_names_rows_from_one():
    app = snapshot_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_first_relay(pilot)
        screen = app.screen
        assert isinstance(screen, CompareScreen)
        table = screen.query_one("#aligned")
        for n, row in enumerate(table.rows_data):
            table.move_cursor(row=n)
            await pilot.pause()
            label = str(screen.query_one("#findings").render()).split(":")[0]
            match = re.fullmatch(r"ref (.+) ⇄ relay (.+)", label)
            assert match, label
            for side, indices in zip(match.groups(), (row.link.src, row.link.tgt),
                                     strict=True):
                if indices:
                    assert _numbers(side) == [i + 1 for i in indices]
                else:
                    assert side == "—"
        # the row holding the reference's first sentence is labelled 1
        assert any(row.link.src[:1] == (0,) for row in table.rows_data)
