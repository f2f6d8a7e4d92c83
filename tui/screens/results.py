"""The result set screen: a run too large to hold, browsed story by story.

A Parquet result set (``provenance analyze --results DIR``, the Dask engine's output for
large runs) is never loaded whole: the screen shows the run's totals and its top stories
by drift (:func:`provenance.engine.results.summarise`, which reads a few columns), and
reads the highlighted story's articles, findings and claims from the one part file that
holds them (:func:`provenance.engine.results.story_detail`), in a worker thread.
"""

from __future__ import annotations

from pathlib import Path

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static

from provenance.drift.kinds import SEVERITY_LEVELS, kind_symbol, severity_mark, worst_first
from provenance.engine.results import StoryDetail, Summary, story_detail, summarise
from tui.plain import plain, styled

#: stories listed: the top of a run by drift (a million-article run has far more)
STORIES_SHOWN = 500


class ResultsScreen(Screen[None]):
    AUTO_FOCUS = "#stories"
    BINDINGS = [
        Binding("tab", "app.focus_next", "Stories/findings", show=False),
        Binding("q", "app.quit", "Quit"),
    ]

    def __init__(self, folder: Path) -> None:
        super().__init__()
        self.folder = folder
        self.summary: Summary | None = None
        self.detail: StoryDetail | None = None
        self.asked: int | None = None  # the story last asked for

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="run-title")
        yield DataTable(id="stories", cursor_type="row", zebra_stripes=True)
        yield Static(id="story-title")
        yield DataTable(id="story-findings", cursor_type="row")
        yield Static(id="finding-detail")
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        self.summary = summarise(self.folder, top=STORIES_SHOWN)
        self.show_summary(self.summary)

    # -- the run -----------------------------------------------------------------------
    def show_summary(self, summary: Summary) -> None:
        counts = ", ".join(f"{n:,} {level.name}" for level, n in
                           worst_first(summary.findings_by_severity)) or "no findings"
        shown = (f"; the {len(summary.top_stories)} with the most drift below"
                 if len(summary.top_stories) < summary.stories else "")
        self.query_one("#run-title", Static).update(styled(
            (f"{summary.articles:,} articles in {_count(summary.stories, 'story', 'stories')}",
             "bold"),
            f"{shown}. {summary.pairs:,} relays compared; findings: {counts}.\n",
            (f"signature: {summary.signature}", "dim")))
        table = self.query_one("#stories", DataTable)
        table.clear(columns=True)
        table.add_columns("story", "articles", "languages", "reference", "drift", "findings")
        for line in summary.top_stories:
            table.add_row(line.story + 1, line.articles, plain(", ".join(line.languages)),
                          plain(line.reference or "–"), line.drift, line.findings,
                          key=str(line.story))
        if summary.top_stories:
            self.load_story(summary.top_stories[0].story)

    @on(DataTable.RowHighlighted, "#stories")
    def _story_highlighted(self, event: DataTable.RowHighlighted) -> None:
        # the table highlights its first row once filled: that story is being read already
        if event.row_key.value is not None and int(event.row_key.value) != self.asked:
            self.load_story(int(event.row_key.value))

    # -- one story ---------------------------------------------------------------------
    def load_story(self, story: int) -> None:
        self.asked = story
        self._read_story(story)

    @work(thread=True, exclusive=True, group="story", description="reading a story")
    def _read_story(self, story: int) -> None:
        detail = story_detail(self.folder, story)
        self.app.call_from_thread(self.show_story, detail)

    def show_story(self, detail: StoryDetail) -> None:
        self.detail = detail
        languages = sorted({a["lang"] for a in detail.articles})
        reference = next((a["reference"] for a in detail.articles if a["reference"]), None)
        departing = sum(1 for c in detail.claims if c["departing"])
        self.query_one("#story-title", Static).update(styled(
            (f"story {detail.story + 1}", "bold"),
            f": {_count(len(detail.articles), 'article')} ({', '.join(languages)}), "
            "reference ",
            (reference or "–", "bold"),
            f"; {_count(len(detail.claims), 'claim')}, {departing} with a departing relay; "
            f"{_count(len(detail.findings), 'finding')}"))
        table = self.query_one("#story-findings", DataTable)
        table.clear(columns=True)
        table.add_columns("", "severity", "kind", "relay", "finding")
        for f in detail.findings:
            level = SEVERITY_LEVELS.get(f["severity"])
            style = level.terminal if level else ""
            table.add_row(plain(severity_mark(f["severity"]), style),
                          plain(f["severity"], style),
                          plain(f"{kind_symbol(f['kind'])} {f['kind']}"),
                          plain(f["relay_id"]), plain(f["message"]))
        self._show_finding(0)

    @on(DataTable.RowHighlighted, "#story-findings")
    def _finding_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._show_finding(event.cursor_row)

    def _show_finding(self, row: int) -> None:
        """The whole message of the highlighted finding (the table cuts it)."""
        findings = self.detail.findings if self.detail else []
        text = plain("")
        if 0 <= row < len(findings):
            f = findings[row]
            text = styled((f"{f['relay_id']}: ", "bold"), f["message"])
        self.query_one("#finding-detail", Static).update(text)


def _count(n: int, one: str, many: str | None = None) -> str:
    return f"{n:,} {one if n == 1 else many or one + 's'}"
