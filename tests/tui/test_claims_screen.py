"""The claims screen (``k``): one row per claim, the witnesses' readings below.

On the frozen analysis of the seeds (``snapshot_app.py``), whose collation is frozen too.
"""

from __future__ import annotations

import pytest
from pilot_steps import settle
from snapshot_app import frozen_analysis, snapshot_app

from tui.screens.claims import DEPARTS, ClaimsScreen
from tui.screens.compare import CompareScreen


async def _open_claims(pilot) -> None:  # type: ignore[no-untyped-def]
    await settle(pilot)
    await pilot.press("k")
    await pilot.pause()


def _departing_relay() -> str:
    """A relay of the frozen analysis that departs from the consensus somewhere."""
    collation = frozen_analysis().collation
    assert collation is not None and collation.departures
    return next(d.article_id for d in collation.departures
                if d.finding.severity != "minor" and frozen_analysis().pair_for(d.article_id))


async def test_k_opens_every_claim_with_its_readings():
    app = snapshot_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await _open_claims(pilot)
        screen = app.screen
        assert isinstance(screen, ClaimsScreen)
        collation = app.analysis.collation
        assert screen.query_one("#claims").row_count == len(collation.claims)
        claim = screen.current_claim()
        assert claim is not None
        assert screen.query_one("#readings").row_count == len(claim.readings)
        title = str(screen.query_one("#claims-title").render())
        assert app.analysis.reference_id[:8] in title or "reference" in title
        # moving down shows the next claim's readings
        await pilot.press("down")
        await pilot.pause()
        assert screen.current_claim() is not claim
        assert screen.query_one("#readings").row_count == len(screen.current_claim().readings)
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, ClaimsScreen)


async def test_from_a_relay_the_claims_start_where_it_departs():
    relay = _departing_relay()
    app = snapshot_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        ids = [a.id for a in app.analysis.articles]
        app.screen.query_one("#articles").move_cursor(row=ids.index(relay))
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, CompareScreen)
        await pilot.press("k")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ClaimsScreen) and screen.focus_article == relay
        entry = screen.current()
        assert entry is not None
        assert relay in {r.reading.article_id for r in entry.departing}
        readings = screen.query_one("#readings")
        row = [r.reading.article_id for r in entry.readings].index(relay)
        assert str(readings.get_row_at(row)[0]) == DEPARTS
        # d cycles through the claims where the relay departs, and stays on them
        await pilot.press("d")
        await pilot.pause()
        assert relay in {r.reading.article_id for r in screen.current().departing}


async def test_without_claims_k_says_why():
    analysis = frozen_analysis()
    analysis.collation = None
    app = snapshot_app()
    app._given = analysis
    notes: list[str] = []
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.notify = lambda message, **kw: notes.append(message)  # type: ignore[method-assign]
        await pilot.press("k")
        await pilot.pause()
        assert not isinstance(app.screen, ClaimsScreen)
        assert notes and "three or more articles" in notes[0]


@pytest.mark.parametrize("size", [(120, 40), (80, 24)], ids=["120x40", "80x24"])
def test_snapshot_claims(snap_compare, size):
    assert snap_compare(snapshot_app(), terminal_size=size, run_before=_open_claims)
