"""Every dialog fits an 80×24 terminal with its buttons in full view, and the reference
picker opens on the current reference.

On the frozen analysis (``snapshot_app.py``). A widget counts as shown when the screen
draws all of it: inside the terminal and inside every container that clips it.
"""

from __future__ import annotations

import pytest
from pilot_steps import settle
from snapshot_app import snapshot_app
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Button, Input, OptionList, RadioSet, SelectionList

from tui.app import ProvenanceApp
from tui.components.reference_modal import ReferenceModal

SMALL = (80, 24)


def hidden_part(app: ProvenanceApp, widget: Widget) -> str | None:
    """None when the screen draws all of ``widget``, else what is cut and where."""
    shown = app.screen._compositor.visible_widgets.get(widget)
    if shown is None:
        return f"{widget!r} is not on screen"
    region, clip = shown
    screen = app.screen.region
    if not (screen.contains_region(region) and clip.contains_region(region)):
        return f"{widget!r} at {region} is cut (clip {clip}, screen {screen})"
    return None


def assert_fits(app: ProvenanceApp, *kinds: type[Widget]) -> None:
    modal = app.screen
    assert isinstance(modal, ModalScreen), modal
    widgets = [w for kind in kinds for w in modal.query(kind)]
    assert widgets, f"none of {kinds} in {modal!r}"
    problems = [p for w in widgets if (p := hidden_part(app, w))]
    assert not problems, "\n".join(problems)


async def _compare(pilot) -> None:  # type: ignore[no-untyped-def]
    await settle(pilot)
    app = pilot.app
    ids = [a.id for a in app.analysis.articles]
    app.screen.query_one("#articles").move_cursor(
        row=next(i for i, a in enumerate(ids) if app.analysis.pair_for(a)))
    await pilot.press("enter")
    await pilot.pause()


async def _add_term_from_compare(pilot) -> None:  # type: ignore[no-untyped-def]
    await _compare(pilot)
    # the row with the longest relay text: the tallest dialog
    table = pilot.app.screen.query_one("#aligned")
    table.move_cursor(row=max(range(table.row_count),
                              key=lambda n: len(table.get_row_at(n)[1].plain)))
    await pilot.press("a")


async def _add_form_from_glossary(pilot) -> None:  # type: ignore[no-untyped-def]
    await settle(pilot)
    await pilot.press("l")
    await pilot.pause()
    await pilot.press("escape", "a")


async def _filter(pilot) -> None:  # type: ignore[no-untyped-def]
    await _compare(pilot)
    await pilot.press("f")


async def _export(pilot) -> None:  # type: ignore[no-untyped-def]
    await settle(pilot)
    await pilot.press("e")


DIALOGS = {
    "add-term": (_add_term_from_compare, (Input, RadioSet)),
    "add-form": (_add_form_from_glossary, (Input, RadioSet)),
    "filter": (_filter, (SelectionList, RadioSet)),
    "export": (_export, (Input,)),
}


@pytest.mark.parametrize("name", DIALOGS)
async def test_dialog_fits_80x24_with_its_buttons_shown(name):
    opener, fields = DIALOGS[name]
    app = snapshot_app()
    async with app.run_test(size=SMALL) as pilot:
        await opener(pilot)
        await pilot.pause()
        assert_fits(app, Button, *fields)


async def test_every_kind_in_the_filter_fits():
    """The filter lists the kinds the pair has; with all of them the list scrolls, the
    buttons stay."""
    from provenance.drift.kinds import KINDS
    from tui.components.filter_modal import FilterModal

    app = snapshot_app()
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        app.push_screen(FilterModal(list(KINDS), set(), "minor"))
        await pilot.pause()
        assert_fits(app, Button, RadioSet)


async def test_reference_picker_opens_on_the_current_reference():
    app = snapshot_app()
    async with app.run_test(size=SMALL) as pilot:
        await _compare(pilot)
        reference = app.analysis.reference_id
        ids = [a.id for a in app.analysis.articles]
        assert ids.index(reference) > 0  # else the first row proves nothing
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, ReferenceModal)
        options = app.screen.query_one(OptionList)
        assert options.highlighted is not None
        assert options.get_option_at_index(options.highlighted).id == reference
        assert_fits(app, OptionList)
        await pilot.press("enter")  # choosing it again changes nothing
        await pilot.pause()
        assert not isinstance(app.screen, ReferenceModal)
        assert app.analysis.reference_id == reference


async def test_help_fits_80x24():
    app = snapshot_app()
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        modal = app.screen
        assert isinstance(modal, ModalScreen)
        assert not hidden_part(app, modal.query_one(".modal"))
