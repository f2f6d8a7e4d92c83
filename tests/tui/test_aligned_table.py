"""The aligned table: one row per link, a row cursor driven by keys and the mouse, rows
drawn from lines wrapped once, and a cursor move that repaints the rows it leaves and
enters (a stale line would show two cursors)."""

from __future__ import annotations

from support.analysis_factory import article_from_lines
from textual.app import App, ComposeResult

from provenance.model import Alignment, Finding, Link, PairAnalysis
from tui.components.aligned_table import HEADER, AlignedTable

ROWS = 60


class TableApp(App[None]):
    def __init__(self) -> None:
        super().__init__()
        self.highlighted: list[int] = []

    def compose(self) -> ComposeResult:
        yield AlignedTable()

    def on_aligned_table_row_highlighted(self, message: AlignedTable.RowHighlighted) -> None:
        self.highlighted.append(message.cursor_row)


def _show(table: AlignedTable, width: int = 100) -> PairAnalysis:
    # every third reference sentence is long enough to wrap: rows of unequal height
    ref = article_from_lines("ref", [f"Sentence {i} of the reference" + (
        ", which goes on and on about the launch" * 3 if i % 3 == 0 else ".")
        for i in range(ROWS)], "en")
    relay = article_from_lines("relay", [f"Sentence {i} of the relay." for i in range(ROWS)],
                               "en")
    links = [Link((i,), (i,), 1.0) for i in range(ROWS)]
    findings = [Finding("number", "major", (5,), (5,), "number changed",
                        src_spans=[(5, 9, 10)], tgt_spans=[(5, 9, 10)])]
    pair = PairAnalysis("ref", "relay", Alignment("en", "en", "monotonic", links), findings)
    table.show_pair(ref, relay, pair, findings, None, width)
    return pair


def _visible(table: AlignedTable, row: int) -> bool:
    top = table._tops[row] - int(table.scroll_y) + HEADER
    return top >= HEADER and top + len(table._lines[row]) <= table.size.height


async def test_rows_cells_and_the_keys_that_move_the_cursor() -> None:
    app = TableApp()
    async with app.run_test(size=(100, 20)) as pilot:
        table = app.query_one(AlignedTable)
        pair = _show(table)
        table.focus()
        await pilot.pause()
        assert table.row_count == len(pair.alignment.links) == ROWS
        assert table.get_row_at(5)[2].plain == "#"  # the drift column
        assert table.get_row_at(5)[1].plain.startswith("Sentence #5")
        assert len(table._lines[0]) > len(table._lines[1])  # a wrapped row is taller

        await pilot.press("down", "down")
        assert table.cursor_row == 2
        await pilot.press("end")
        assert table.cursor_row == ROWS - 1 and _visible(table, ROWS - 1)
        await pilot.press("down")
        assert table.cursor_row == ROWS - 1  # stays on the last row
        await pilot.press("home")
        assert table.cursor_row == 0 and table.scroll_y == 0
        await pilot.press("pagedown")
        assert 0 < table.cursor_row < ROWS - 1 and _visible(table, table.cursor_row)
        await pilot.press("pageup")
        assert table.cursor_row == 0
        await pilot.pause()
        assert app.highlighted[:3] == [1, 2, ROWS - 1]


async def test_a_click_moves_the_cursor_to_the_row_under_the_mouse() -> None:
    app = TableApp()
    async with app.run_test(size=(100, 20)) as pilot:
        table = app.query_one(AlignedTable)
        _show(table)
        await pilot.pause()
        # row 0 is several lines tall (wrapped), row 1 one line: the line after row 0
        tall = len(table._lines[0])
        assert tall > 1 and len(table._lines[1]) == 1
        await pilot.click(AlignedTable, offset=(5, HEADER + tall))
        assert table.cursor_row == 1
        await pilot.click(AlignedTable, offset=(5, HEADER + tall - 1))
        assert table.cursor_row == 0
        await pilot.click(AlignedTable, offset=(5, HEADER + tall + 1))
        assert table.cursor_row == 2
        await pilot.click(AlignedTable, offset=(5, 0))  # the header: no row
        assert table.cursor_row == 2


async def test_a_cursor_move_repaints_the_rows_it_leaves_and_enters() -> None:
    app = TableApp()
    async with app.run_test(size=(100, 20)) as pilot:
        table = app.query_one(AlignedTable)
        _show(table)
        table.focus()
        await pilot.pause()
        first_line_of = {row: table._tops[row] + HEADER for row in (0, 1)}
        before = {row: table.render_line(y).text for row, y in first_line_of.items()}
        styles = {row: table.render_line(y) for row, y in first_line_of.items()}
        await pilot.press("down")
        await pilot.pause()
        after = {row: table.render_line(y) for row, y in first_line_of.items()}
        # same text, but the cursor's style moved from row 0 to row 1
        assert {row: strip.text for row, strip in after.items()} == before
        cursor_style = styles[0]._segments[0].style
        assert after[1]._segments[0].style == cursor_style
        assert after[0]._segments[0].style != cursor_style
        # and what is drawn is what a table drawn afresh with the cursor there shows
        table._drawn.clear()
        assert [table.render_line(y) for y in first_line_of.values()] == list(after.values())
        # on the screen too: the row the cursor left was repainted
        screen = list(app.screen._compositor.render_strips())
        assert screen[first_line_of[0]]._segments[0].style != cursor_style
        assert screen[first_line_of[1]]._segments[0].style == cursor_style


async def test_an_empty_pair_draws_only_the_header() -> None:
    app = TableApp()
    async with app.run_test(size=(60, 10)) as pilot:
        table = app.query_one(AlignedTable)
        ref = article_from_lines("ref", ["Only one."], "en")
        relay = article_from_lines("relay", ["Nur einer."], "de")
        table.show_pair(ref, relay, PairAnalysis("ref", "relay", Alignment(
            "en", "de", "monotonic", []), []), [], None, 60)
        await pilot.press("down", "end")
        assert table.row_count == 0 and table.cursor_row == 0
        assert table.render_line(0).text.split() == ["ref", "relay", "drift"]
        assert table.render_line(3).text.strip() == ""
