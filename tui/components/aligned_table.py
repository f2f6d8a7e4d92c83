"""Reference and relay sentences on shared rows, drifted spans marked, terms underlined."""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from collections.abc import Callable, Sequence
from typing import Any, ClassVar

from rich.console import Console, ConsoleOptions
from rich.padding import Padding
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from provenance.drift.kinds import kind_order, kind_symbol
from provenance.model import Article, Finding, PairAnalysis, Sentence
from provenance.report.rows import AlignedRow, aligned_rows
from tui.drift_marks import TERM_STYLE, span_style

GAP = Text("·  ·  ·", style="dim italic")

# (start, end, kind) inside one sentence
Span = tuple[int, int, str]
TermFinder = Callable[[str, str], list[tuple[int, int]]]
Row = AlignedRow[Finding]

#: blank columns on each side of a cell, and the header's height
PADDING = 1
HEADER = 1


def side_text(sentences: Sequence[Sentence], lang: str, spans: dict[int, list[Span]],
              terms: TermFinder | None) -> Text:
    """The sentences of one side of a row as rich Text with drift and term marks."""
    if not sentences:
        return GAP.copy()
    text = Text()
    for n, sentence in enumerate(sentences):
        if n:
            text.append(" ")
        piece = Text(sentence.text)
        if terms:
            for start, end in terms(sentence.text, sentence.lang or lang):
                piece.stylize(TERM_STYLE, start, end)
        # Insert the kind's symbol before each span, right to left so offsets hold.
        marks = sorted(spans.get(sentence.index, []), key=lambda s: s[0], reverse=True)
        for start, end, kind in marks:
            start, end = max(0, start), min(len(sentence.text), end)
            if start >= end:
                continue
            piece.stylize(span_style(kind), start, end)
            piece = piece[:start] + Text(kind_symbol(kind), style=span_style(kind)) + piece[start:]
        text.append_text(piece)
    return text


def spans_by_sentence(findings: Sequence[Finding]) -> tuple[dict[int, list[Span]],
                                                            dict[int, list[Span]]]:
    src: dict[int, list[Span]] = defaultdict(list)
    tgt: dict[int, list[Span]] = defaultdict(list)
    for f in findings:
        for i, a, b in f.src_spans:
            src[i].append((a, b, f.kind))
        for i, a, b in f.tgt_spans:
            tgt[i].append((a, b, f.kind))
    return src, tgt


class AlignedTable(ScrollView, can_focus=True):
    """Alignment links as rows (reference | relay | drift), each row as tall as its
    longest side, with a row cursor.

    A light renderer for long pairs: every row is wrapped into lines once, when the pair
    is shown; drawing a screen line is then a lookup plus a row style (zebra stripe or
    cursor), and a cursor move repaints only the two rows it moved between. (A
    DataTable re-rendered every visible line on each key press.)
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "cursor_up", "Cursor up", show=False),
        Binding("down", "cursor_down", "Cursor down", show=False),
        Binding("pageup", "page_up", "Page up", show=False),
        Binding("pagedown", "page_down", "Page down", show=False),
        Binding("home", "first_row", "First row", show=False),
        Binding("end", "last_row", "Last row", show=False),
    ]
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "aligned-table--header", "aligned-table--cursor", "aligned-table--even-row"}
    # The look of Textual's DataTable, which this table replaces.
    DEFAULT_CSS = """
    AlignedTable {
        background: $surface;
        color: $foreground;
        &:focus {
            background-tint: $foreground 5%;
            & > .aligned-table--cursor {
                background: $block-cursor-background;
                color: $block-cursor-foreground;
                text-style: $block-cursor-text-style;
            }
            & > .aligned-table--header {
                background-tint: $foreground 5%;
            }
        }
        &:dark > .aligned-table--even-row {
            background: $surface-darken-1 40%;
        }
        & > .aligned-table--header {
            text-style: bold;
            background: $panel;
            color: $foreground;
        }
        &:ansi > .aligned-table--header {
            background: ansi_bright_blue;
            color: ansi_default;
        }
        & > .aligned-table--even-row {
            background: $surface-lighten-1 50%;
        }
        & > .aligned-table--cursor {
            background: $block-cursor-blurred-background;
            color: $block-cursor-blurred-foreground;
            text-style: $block-cursor-blurred-text-style;
        }
    }
    """

    # repaint=False: a move repaints only the two rows concerned (watch_cursor_row)
    cursor_row: reactive[int] = reactive(0, repaint=False)

    class RowHighlighted(Message):
        """The cursor moved to another row."""

        def __init__(self, table: AlignedTable, cursor_row: int) -> None:
            super().__init__()
            self.table = table
            self.cursor_row = cursor_row

        @property
        def control(self) -> AlignedTable:
            return self.table

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.rows_data: list[Row] = []  # the same rows, and findings on them, as the reports
        self._cells: list[tuple[Text, Text, Text]] = []
        self._widths: tuple[int, ...] = ()
        self._lines: list[list[list[Segment]]] = []  # per row, its lines (unstyled)
        self._tops: list[int] = []  # first line of each row
        self._header: list[Segment] = []
        self._drawn: dict[tuple[int, int, bool], Strip] = {}
        self._look: tuple[Any, ...] = ()  # width, scroll_x, style, focus, theme
        self._scroll_line = 0

    # -- content -------------------------------------------------------------------------
    @property
    def row_count(self) -> int:
        return len(self.rows_data)

    def get_row_at(self, row: int) -> list[Text]:
        """The cells of a row: reference, relay, drift symbols."""
        return list(self._cells[row])

    def show_pair(self, reference: Article, relay: Article, pair: PairAnalysis,
                  findings: Sequence[Finding], terms: TermFinder | None, width: int) -> None:
        src_spans, tgt_spans = spans_by_sentence(findings)
        self.rows_data = aligned_rows(pair, reference, relay, findings, lambda f: f)
        self._cells = []
        for row in self.rows_data:
            kinds = "".join(kind_symbol(k) for k in kind_order(f.kind for f in row.findings))
            self._cells.append((side_text(row.src, reference.lang, src_spans, terms),
                                side_text(row.tgt, relay.lang, tgt_spans, terms),
                                Text(kinds, style="bold")))
        side = max(20, (width - 16) // 2)
        self._widths = (side + 2 * PADDING, side + 2 * PADDING, 6 + 2 * PADDING)
        self._layout_rows()
        with self.prevent(self.RowHighlighted):
            self.cursor_row = min(self.cursor_row, max(0, self.row_count - 1))
        self.refresh()
        if self.rows_data:
            self.call_after_refresh(self._scroll_into_view, self.cursor_row)

    def _layout_rows(self) -> None:
        """Wrap every cell to its column once: the lines of each row and where it starts."""
        console = self.app.console
        options = self.app.console_options
        self._header = self._cell_lines(
            [Text(label) for label in ("ref", "relay", "drift")], console, options)[0]
        self._lines, self._tops, top = [], [], 0
        for cells in self._cells:
            lines = self._cell_lines(list(cells), console, options)
            self._lines.append(lines)
            self._tops.append(top)
            top += len(lines)
        self._drawn.clear()
        self.virtual_size = Size(sum(self._widths), top + HEADER)

    def _cell_lines(self, cells: list[Text], console: Console, options: ConsoleOptions
                    ) -> list[list[Segment]]:
        rendered = [console.render_lines(Padding(cell, (0, PADDING)),
                                         options.update_width(width), pad=True)
                    for cell, width in zip(cells, self._widths, strict=True)]
        height = max(len(lines) for lines in rendered)
        out: list[list[Segment]] = []
        for n in range(height):
            line: list[Segment] = []
            for lines, width in zip(rendered, self._widths, strict=True):
                line += lines[n] if n < len(lines) else [Segment(" " * width)]
            out.append(line)
        return out

    # -- drawing -------------------------------------------------------------------------
    def render_lines(self, crop: Region) -> list[Strip]:
        self._new_frame()
        return super().render_lines(crop)

    def _new_frame(self) -> None:
        # What every line of a frame is drawn with, read once per frame; drawn lines are
        # kept while it holds (a vertical scroll keeps them all).
        look = (self.size.width, int(self.scroll_x), self.rich_style, self.has_focus,
                self.app.current_theme.name)
        if look != self._look:
            self._drawn.clear()
            self._look = look
        self._scroll_line = int(self.scroll_y)

    def render_line(self, y: int) -> Strip:
        if not self._look:
            self._new_frame()
        width, scroll_x, base = self._look[:3]
        if y < HEADER:
            header = self.get_component_rich_style("aligned-table--header")
            return self._finish(self._header, header, None, scroll_x, width, base)
        line_no = y - HEADER + self._scroll_line
        row = bisect_right(self._tops, line_no) - 1
        if row < 0 or line_no >= self.virtual_size.height - HEADER:
            return Strip.blank(width, base)
        cursor = row == self.cursor_row
        key = (row, line_no - self._tops[row], cursor)
        strip = self._drawn.get(key)
        if strip is None:
            if cursor:
                style = self.get_component_rich_style("aligned-table--cursor")
                post: Style | None = Style.from_color(style.color, style.bgcolor)
                style = base + style
            else:
                style = base + self.get_component_rich_style("aligned-table--even-row") \
                    if row % 2 == 0 else base
                post = None
            strip = self._drawn[key] = self._finish(self._lines[row][key[1]], style, post,
                                                     scroll_x, width, base)
        return strip

    def _finish(self, segments: list[Segment], style: Style, post: Style | None,
                scroll_x: int, width: int, base: Style) -> Strip:
        styled = list(Segment.apply_style(segments, style, post))
        # the row's colour runs to the right edge, as a DataTable row does
        fill = max(0, width + scroll_x - sum(self._widths))
        if fill:
            styled.append(Segment(" " * fill, style if post is None else style + post))
        return Strip(styled).crop(scroll_x, scroll_x + width).adjust_cell_length(
            width, base).simplify()

    def _row_region(self, row: int) -> Region:
        """Where ``row`` is on screen now (may be outside the widget)."""
        top = self._tops[row] - int(self.scroll_y) + HEADER
        return Region(0, top, self.size.width, len(self._lines[row]))

    # -- the cursor ----------------------------------------------------------------------
    def validate_cursor_row(self, row: int) -> int:
        return max(0, min(row, self.row_count - 1))

    def watch_cursor_row(self, old: int, new: int) -> None:
        if not self.rows_data:
            return
        for row in (old, new):
            if 0 <= row < self.row_count:
                self.refresh(self._row_region(row))
        self._scroll_into_view(new)
        self.post_message(self.RowHighlighted(self, new))

    def move_cursor(self, *, row: int) -> None:
        self.cursor_row = row

    def _scroll_into_view(self, row: int) -> None:
        visible = self.scrollable_content_region.height - HEADER
        if visible <= 0:
            return  # not laid out yet: show_pair scrolls once it is
        top, height = self._tops[row], len(self._lines[row])
        if top < self.scroll_y:
            self.scroll_to(y=top, animate=False)
        elif top + min(height, visible) > self.scroll_y + visible:
            self.scroll_to(y=top + min(height, visible) - visible, animate=False)

    def _row_at(self, y: int) -> int | None:
        """The row drawn at screen line ``y``, if any."""
        line_no = y - HEADER + int(self.scroll_y)
        if y < HEADER or not self._tops or line_no >= self.virtual_size.height - HEADER:
            return None
        return bisect_right(self._tops, line_no) - 1

    def action_cursor_up(self) -> None:
        self.cursor_row -= 1

    def action_cursor_down(self) -> None:
        self.cursor_row += 1

    def action_page_up(self) -> None:
        self._page(-1)

    def action_page_down(self) -> None:
        self._page(+1)

    def action_first_row(self) -> None:
        self.cursor_row = 0

    def action_last_row(self) -> None:
        self.cursor_row = self.row_count - 1

    def _page(self, direction: int) -> None:
        """Move the cursor by a screenful of lines."""
        if not self.rows_data:
            return
        visible = max(1, self.scrollable_content_region.height - HEADER)
        line = self._tops[self.cursor_row] + direction * visible
        line = max(0, min(line, self.virtual_size.height - HEADER - 1))
        self.cursor_row = bisect_right(self._tops, line) - 1

    async def _on_click(self, event: events.Click) -> None:
        row = self._row_at(event.y)
        if row is not None:
            self.cursor_row = row
