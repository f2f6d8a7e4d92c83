"""The claims screen: one row per claim, the witnesses' readings side by side below.

Above, each story's reference and why it was chosen. The table lists the claims of the
collation (what one source sentence asserts, as every witness of the story carries it)
with the consensus of the independent witnesses and who departs; the lower table shows
the highlighted claim's readings, one per witness, departures marked. Opened with a
focus article (from the compare screen), the claims where it departs are marked ★ and
the cursor starts on the first of them.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Footer, Header, Static

from provenance.drift.kinds import kind_symbol
from provenance.model import Claim, CorpusAnalysis
from provenance.report.claims import AGAINST, ClaimEntry, claims_section
from tui.plain import plain, styled
from tui.screens.base import AnalysisScreen

DEPARTS = "✗"
AGREES = "✓"


class ClaimsScreen(AnalysisScreen):
    AUTO_FOCUS = "#claims"
    BINDINGS = [
        Binding("d", "next_departure", "Next departure"),
        Binding("r", "switch_reference", "Reference"),
        Binding("escape", "back", "Back"),
    ]

    def __init__(self, focus: str | None = None) -> None:
        super().__init__()
        self.focus_article = focus
        self.entries: list[ClaimEntry] = []
        self.labels: dict[str, str] = {}

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="claims-title")
        yield DataTable(id="claims", cursor_type="row", zebra_stripes=True)
        yield DataTable(id="readings", cursor_type="row")
        yield Footer(compact=True, show_command_palette=False)  # ^p: in the help

    # -- rendering ---------------------------------------------------------------------
    def show_analysis(self, analysis: CorpusAnalysis) -> None:
        section = claims_section(analysis)
        self.entries, self.labels = section.claims, section.labels
        title = []
        for choice in section.references:
            label = self.labels.get(choice.article_id, choice.article_id)
            room = max(20, self.size.width // 2 - 20)  # the reasons matter more than a title
            label = label if len(label) <= room else label[:room - 1] + "…"
            title += [f"story {choice.story + 1}: reference ", (label, "bold"),
                      f" ({choice.how}): {'; '.join(choice.reasons)}"]
            if choice.runner_up:
                title.append((f"; runner-up {self.labels.get(choice.runner_up, '')}", "dim"))
            title.append("\n")
        departures = sum(len(e.departing) for e in self.entries)
        title.append((f"{len(self.entries)} claims · {departures} readings depart from the "
                      "consensus of independent witnesses or from the reference", "dim"))
        self.query_one("#claims-title", Static).update(styled(*title))
        table = self.query_one("#claims", DataTable)
        cursor = table.cursor_row
        table.clear(columns=True)
        # 5 columns padded by 1 a side, a scrollbar, the fixed columns (1+6+9+22)
        text_width = max(20, self.size.width - 2 * 5 - 2 - 38 - 1)
        for name, width in (("", 1), ("claim", 6), ("witnesses", 9), ("consensus reading",
                                                                      text_width),
                            ("departing", 22)):
            table.add_column(name, key=name or "mark", width=width)
        for entry in self.entries:
            claim = entry.claim
            mark = "★" if self._focus_departs(entry) else ""
            departing = ", ".join(self._short(r.reading.article_id) for r in entry.departing)
            table.add_row(plain(mark), plain(claim.id), claim.witnesses,
                          plain(claim.text), plain(departing or "—"), key=claim.id)
        if table.row_count:
            start = cursor if cursor else self._first_focus_row()
            table.move_cursor(row=min(start, table.row_count - 1))
        self._show_readings()

    def _focus_departs(self, entry: ClaimEntry) -> bool:
        return any(r.reading.article_id == self.focus_article for r in entry.departing)

    def _first_focus_row(self) -> int:
        return next((n for n, e in enumerate(self.entries) if self._focus_departs(e)), 0)

    def _short(self, article_id: str) -> str:
        label = self.labels.get(article_id, article_id)
        return label if len(label) <= 18 else label[:17] + "…"

    @on(DataTable.RowHighlighted, "#claims")
    def _claim_highlighted(self) -> None:
        self._show_readings()

    def _show_readings(self) -> None:
        table = self.query_one("#readings", DataTable)
        table.clear(columns=True)
        # 4 columns padded by 1 a side, a scrollbar, the mark and the witness (1+20)
        text_width = max(20, (self.size.width - 2 * 4 - 2 - 21 - 1) // 2)
        for name, width in (("", 1), ("witness", 20), ("reading", text_width),
                            ("how it departs", text_width)):
            table.add_column(name, key=name or "mark", width=width)
        entry = self.current()
        if entry is None:
            return
        for reading in entry.readings:
            departs = reading.status != "agrees"
            mark = DEPARTS if departs else AGREES
            what = "; ".join(f"{kind_symbol(f.kind)} {f.severity}: {AGAINST[against]}"
                             f"{f.message}" for f, against in reading.changes())
            style = "bold" if reading.reading.article_id == self.focus_article else ""
            # whole readings, wrapped: side by side, they are what is compared
            table.add_row(plain(mark, "red" if departs else "green"),
                          plain(self._short(reading.reading.article_id), style),
                          plain(reading.reading.text), plain(what or "—"),
                          key=reading.reading.article_id, height=None)

    def current(self) -> ClaimEntry | None:
        """The highlighted claim, if any."""
        table = self.query_one("#claims", DataTable)
        if not self.entries or not table.row_count:
            return None
        return self.entries[min(table.cursor_row, len(self.entries) - 1)]

    def current_claim(self) -> Claim | None:
        entry = self.current()
        return entry.claim if entry else None

    # -- actions -----------------------------------------------------------------------
    def action_next_departure(self) -> None:
        table = self.query_one("#claims", DataTable)
        for offset in range(1, len(self.entries) + 1):
            index = (table.cursor_row + offset) % len(self.entries)
            entry = self.entries[index]
            if (self._focus_departs(entry) if self.focus_article else entry.departing):
                table.move_cursor(row=index)
                return
        self.notify("no claim with a departure", timeout=2)

    def action_switch_reference(self) -> None:
        self.app.choose_reference()  # type: ignore[attr-defined]

    def action_back(self) -> None:
        self.app.pop_screen()
