"""The terminal UI on the real seeds analysis: Pilot flows and snapshots of key screens.

The analysis is computed once per session into its own store (the same library call the
CLI makes); each test opens the app on it, so the UI shows real results, not mock data.
Glossary edits go to a copy of the bundled glossaries, never to the repository's files.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from provenance.paths import bundled_glossaries_dir, bundled_seeds_dir
from provenance.pipeline import analyze_corpus
from provenance.store import Store
from tui.app import ProvenanceApp
from tui.messages import AnalysisReady

SEEDS = bundled_seeds_dir()


@pytest.fixture(scope="session")
def warm(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """(store file, glossary folder) with the seeds analysed once."""
    root = tmp_path_factory.mktemp("tui")
    glossaries = root / "glossaries"
    shutil.copytree(bundled_glossaries_dir(), glossaries)
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("PROVENANCE_HOME", str(root / "home"))
        analyze_corpus([SEEDS], store=Store(root / "store.sqlite"), glossary_paths=[glossaries])
    return root / "store.sqlite", glossaries


def make_app(warm: tuple[Path, Path], tmp_path: Path | None = None) -> ProvenanceApp:
    store, glossaries = warm
    if tmp_path is not None:  # a private copy, for tests that write
        shutil.copy(store, tmp_path / "store.sqlite")
        shutil.copytree(glossaries, tmp_path / "glossaries")
        store, glossaries = tmp_path / "store.sqlite", tmp_path / "glossaries"
    return ProvenanceApp([SEEDS], store=Store(store), glossary_paths=[glossaries])


async def _settle(pilot) -> None:  # type: ignore[no-untyped-def]
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def _relay_row(app: ProvenanceApp) -> int:
    """Index in the corpus table of the first article that has a reference to compare."""
    ids = [a.id for a in app.analysis.articles]
    return next(i for i, a in enumerate(ids) if app.analysis.pair_for(a) is not None)


async def test_opens_a_warm_corpus_from_the_store(warm):
    messages: list = []
    app = make_app(warm)
    async with app.run_test(size=(120, 40), message_hook=messages.append) as pilot:
        await _settle(pilot)
        ready = [m for m in messages if isinstance(m, AnalysisReady)]
        assert ready and ready[0].from_store
        table = app.screen.query_one("#articles")
        assert table.row_count == 5
        assert "reference" in str(app.screen.query_one("#status").render())


async def test_cold_corpus_is_analysed_in_a_worker(warm, tmp_path):
    messages: list = []
    _, glossaries = warm
    app = ProvenanceApp([SEEDS], store=Store(tmp_path / "empty.sqlite"),
                        glossary_paths=[glossaries])
    async with app.run_test(size=(80, 24), message_hook=messages.append) as pilot:
        await _settle(pilot)
        ready = [m for m in messages if isinstance(m, AnalysisReady)]
        assert ready and not ready[0].from_store
        assert app.screen.query_one("#articles").row_count == 5


async def test_open_a_relay_and_jump_between_findings(warm):
    app = make_app(warm)
    async with app.run_test(size=(120, 40)) as pilot:
        await _open_compare(pilot)
        from tui.screens.compare import CompareScreen

        assert isinstance(app.screen, CompareScreen)
        aligned = app.screen.query_one("#aligned")
        pair = app.analysis.pair_for(app.screen.relay_id)
        assert aligned.row_count == len(pair.alignment.links)
        rows_with_findings = [i for i, r in enumerate(aligned.rows_data) if r.findings]
        assert rows_with_findings, "the seeds relays drift somewhere"
        aligned.move_cursor(row=0)
        await pilot.press("n")
        first = next(i for i in rows_with_findings if i > 0) if aligned.rows_data[0].findings \
            else rows_with_findings[0]
        assert aligned.cursor_row == first
        panel = str(app.screen.query_one("#findings").render())
        assert "finding" in panel
        await pilot.press("p")
        assert aligned.cursor_row <= first
        await pilot.press("escape")
        assert not isinstance(app.screen, CompareScreen)


async def test_filter_by_severity_hides_lesser_findings(warm):
    app = make_app(warm)
    async with app.run_test(size=(120, 40)) as pilot:
        await _open_compare(pilot)
        screen = app.screen
        pair = app.analysis.pair_for(screen.relay_id)
        screen.min_severity = "critical"
        screen.show_analysis(app.analysis)
        shown = sum(len(r.findings) for r in screen.query_one("#aligned").rows_data)
        critical = [f for f in pair.findings if f.severity == "critical"]
        assert shown <= len(pair.findings)
        assert all(f.severity == "critical" for r in screen.query_one("#aligned").rows_data
                   for f in r.findings)
        assert (shown == 0) == (not critical)


async def test_search_moves_to_a_matching_row(warm):
    app = make_app(warm)
    async with app.run_test(size=(120, 40)) as pilot:
        await _open_compare(pilot)
        screen = app.screen
        relay = app.analysis.article(screen.relay_id)
        word = relay.sentences[-1].text.split()[0]
        await pilot.press("slash")
        await pilot.press(*word)
        await pilot.press("enter")
        row = screen.query_one("#aligned").rows_data[screen.query_one("#aligned").cursor_row]
        texts = [relay.sentences[j].text for j in row.link.tgt]
        ref = app.analysis.article(app.analysis.pair_for(screen.relay_id).reference_id)
        texts += [ref.sentences[i].text for i in row.link.src]
        assert any(word.lower() in t.lower() for t in texts)


async def test_add_a_glossary_form_and_see_the_analysis_update(warm, tmp_path):
    app = make_app(warm, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await _settle(pilot)
        before = str(app.analysis.signature)
        await pilot.press("l")
        await pilot.pause()
        concept_id = sorted(app.glossary.concepts)[0]
        app.screen.query_one("#concepts").move_cursor(row=0)
        await pilot.press("a")
        await pilot.pause()
        modal = app.screen
        modal.query_one("#form").value = "Zzyzx Test Form"
        assert modal.query_one("#concept").value == concept_id
        await pilot.click("#save")
        await _settle(pilot)
        await _settle(pilot)
        written = "".join(p.read_text(encoding="utf-8")
                          for p in (tmp_path / "glossaries").glob("*.yaml"))
        assert "Zzyzx Test Form" in written
        assert str(app.analysis.signature) != before  # the glossary digest changed


async def test_add_form_validation_error_is_shown_inline(warm, tmp_path):
    app = make_app(warm, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await _settle(pilot)
        await pilot.press("l")
        await pilot.pause()
        await pilot.press("a")
        await pilot.pause()
        modal = app.screen
        modal.query_one("#concept").value = "no-such-concept-id"
        modal.query_one("#form").value = "Something"
        await pilot.click("#save")
        await _settle(pilot)
        assert "no-such-concept-id" in str(modal.query_one("#variant-error").render())
        assert app.screen is modal  # still open, nothing written


async def test_export_from_the_ui(warm, tmp_path):
    app = make_app(warm)
    out = tmp_path / "report.md"
    async with app.run_test(size=(120, 40)) as pilot:
        await _settle(pilot)
        await pilot.press("e")
        await pilot.pause()
        app.screen.query_one("#export-path").value = str(out)
        await pilot.click("#export")
        await _settle(pilot)
    text = out.read_text(encoding="utf-8")
    assert "drift report" in text and str(app.analysis.signature) in text


async def test_help_screen_lists_the_marks(warm):
    app = make_app(warm)
    async with app.run_test(size=(80, 24)) as pilot:
        await _settle(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        from tui.screens.help import HelpScreen

        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)


def test_no_color_is_respected(warm, monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    assert make_app(warm).no_color


# -- snapshots ----------------------------------------------------------------------------
SIZES = [(120, 40), (80, 24)]


async def _open_compare(pilot) -> None:  # type: ignore[no-untyped-def]
    await _settle(pilot)
    pilot.app.screen.query_one("#articles").move_cursor(row=_relay_row(pilot.app))
    await pilot.press("enter")
    await pilot.pause()


async def _open_glossary(pilot) -> None:  # type: ignore[no-untyped-def]
    await _settle(pilot)
    await pilot.press("l")
    await pilot.pause()


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_snapshot_corpus(warm, snap_compare, size):
    assert snap_compare(make_app(warm), terminal_size=size, run_before=_settle)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_snapshot_compare(warm, snap_compare, size):
    assert snap_compare(make_app(warm), terminal_size=size, run_before=_open_compare)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_snapshot_glossary(warm, snap_compare, size):
    assert snap_compare(make_app(warm), terminal_size=size, run_before=_open_glossary)

