"""The result set screen (``provenance tui DIR`` on ``analyze --results DIR``): the run's
top stories, each story read from its part when highlighted."""

from __future__ import annotations

from pathlib import Path

import pytest
from pilot_steps import settle
from snapshot_app import frozen_analysis
from support.analysis_factory import stories_analysis
from support.cli import run_cli

pytest.importorskip("pyarrow")

from provenance.engine.results import write_result_set  # noqa: E402
from tui.app import ResultSetApp  # noqa: E402
from tui.screens.results import ResultsScreen  # noqa: E402


def _cells(table) -> list[list[str]]:  # type: ignore[no-untyped-def]
    return [[str(c) for c in table.get_row_at(r)] for r in range(table.row_count)]


async def test_stories_by_drift_and_the_highlighted_story_read_from_its_part(tmp_path):
    folder = write_result_set(stories_analysis(12), tmp_path / "run", articles_per_part=10)
    app = ResultSetApp(folder)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ResultsScreen)
        stories = screen.query_one("#stories")
        assert stories.row_count == 12
        # story 7 (shown as 8) has the critical finding: the most drift, listed first
        assert _cells(stories)[0][0] == "8"
        assert "36 articles in 12 stories" in str(screen.query_one("#run-title").render())
        assert "signature:" in str(screen.query_one("#run-title").render())
        findings = _cells(screen.query_one("#story-findings"))
        assert [row[1] for row in findings] == ["critical", "minor"]
        assert findings[0][3] == "s7-zh0"
        await pilot.press("down")
        await settle(pilot)
        shown = screen.detail
        assert shown is not None and shown.story != 7
        assert str(screen.query_one("#story-title").render()).startswith(
            f"story {shown.story + 1}: {len(shown.articles)} articles")


async def test_the_seeds_claims_and_departures_are_counted(tmp_path):
    analysis = frozen_analysis()
    folder = write_result_set(analysis, tmp_path / "seeds-run")
    app = ResultSetApp(folder)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        detail = app.screen.detail
        assert detail is not None
        claims = analysis.collation.claims
        departing = {d.claim for d in analysis.collation.departures}
        assert len(detail.claims) == len(claims) > 0
        title = str(app.screen.query_one("#story-title").render())
        assert f"{len(claims)} claims, {len(departing)} with a departing relay" in title
        assert app.screen.query_one("#story-findings").row_count == sum(
            len(p.findings) for p in analysis.pairs)


def test_without_a_terminal_the_summary_is_printed(tmp_path: Path):
    folder = write_result_set(stories_analysis(3), tmp_path / "run")
    result = run_cli("tui", folder)
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("# Provenance run: 9 articles in 3 stories")
    assert "| 3 | 4 | en, zh |" in result.stdout, "stories numbered from 1, as on screen"


def test_snapshot_results(snap_compare, tmp_path: Path):
    folder = write_result_set(frozen_analysis(), tmp_path / "seeds-run")
    assert snap_compare(ResultSetApp(folder), terminal_size=(100, 30), run_before=settle)
