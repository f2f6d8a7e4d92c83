"""The glossary's search box owns the keyboard: typed words never press the screen's keys.

A fact-checker typed "space" (whose ``a`` opened the add-form dialog) and "blue" (whose
``e`` opened the export dialog). On the frozen analysis (``snapshot_app.py``).
"""

from __future__ import annotations

from pilot_steps import open_first_relay
from snapshot_app import snapshot_app
from textual.widgets import DataTable, Input

from tui.app import ProvenanceApp
from tui.components.variant_modal import VariantModal
from tui.screens.corpus import CorpusScreen
from tui.screens.glossary import GlossaryScreen


async def _open_glossary(pilot) -> None:  # type: ignore[no-untyped-def]
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.press("l")
    await pilot.pause()


def _footer(app: ProvenanceApp) -> str:
    return app.screen._compositor.render_strips()[-1].text


def _shown_ids(screen: GlossaryScreen) -> list[str]:
    table = screen.query_one("#concepts", DataTable)
    return [str(key.value) for key in table.rows]


async def test_typed_words_search_and_press_no_key():
    app = snapshot_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await _open_glossary(pilot)
        screen = app.screen
        assert isinstance(screen, GlossaryScreen)
        box = screen.query_one("#glossary-search", Input)
        assert app.focused is box  # the screen opens ready to type

        # every key an app, screen or table binding uses, typed as text
        for word in ("space", "blue", "space force", "q?/ckle a"):
            box.value = ""
            await pilot.press(*word)
            await pilot.pause()
            assert app.screen is screen, f"typing {word!r} left the glossary"
            assert box.value == word
        box.value = ""
        await pilot.press(*"blue")
        await pilot.pause()
        ids = _shown_ids(screen)
        assert ids == ["blue-origin"], ids  # the search ran on what was typed
        assert sorted(app.glossary.concepts) != ids  # and it filtered


async def test_escape_hands_the_keyboard_to_the_table_where_keys_act():
    app = snapshot_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await _open_glossary(pilot)
        screen = app.screen
        table = screen.query_one("#concepts", DataTable)
        box = screen.query_one("#glossary-search", Input)
        # typing: the footer offers no letter key (it would only be typed)
        assert "Export" not in _footer(app) and "Add form" not in _footer(app)
        assert "To the results" in _footer(app)

        await pilot.press("escape")
        assert app.focused is table and app.screen is screen  # left the box, not the screen
        assert "Add form" in _footer(app) and "Export" in _footer(app)
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, VariantModal)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen

        await pilot.press("slash")
        assert app.focused is box
        await pilot.press(*"falcon", "enter")  # Enter: to the results
        assert app.focused is table and _shown_ids(screen) == ["falcon-9"]
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, CorpusScreen)


async def test_the_compare_search_box_owns_the_keyboard_too():
    app = snapshot_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_first_relay(pilot)
        compare = app.screen
        await pilot.press("slash")
        box = compare.query_one("#search", Input)
        await pilot.press(*"space nprfa")  # every key of the compare screen
        await pilot.pause()
        assert app.screen is compare and box.value == "space nprfa"
        await pilot.press("escape")
        assert not box.display and app.focused is compare.query_one("#aligned")
        assert app.screen is compare
