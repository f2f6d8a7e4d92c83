"""Steps the Pilot tests share: wait for the app's workers, open the first relay."""

from __future__ import annotations


async def settle(pilot) -> None:  # type: ignore[no-untyped-def]
    """Wait until the app's workers are done and the screen has caught up."""
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def open_first_relay(pilot) -> None:  # type: ignore[no-untyped-def]
    """From the corpus screen, open the compare screen of the first compared article."""
    app = pilot.app
    await settle(pilot)
    ids = [a.id for a in app.analysis.articles]
    app.screen.query_one("#articles").move_cursor(
        row=next(i for i, a in enumerate(ids) if app.analysis.pair_for(a)))
    await pilot.press("enter")
    await pilot.pause()
