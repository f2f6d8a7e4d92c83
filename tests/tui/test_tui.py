"""The terminal UI: Pilot flows and snapshots of the key screens.

Two apps, both built by the constructor the CLI uses:
- on the seeds as the pipeline analysed them this session (``seeds_home``'s store), for
  what goes through the store and the pipeline: opening, analysing, glossary edits,
  export. Tests that write work on private copies of the store and the glossaries.
- on a frozen analysis (``snapshot_app.py``), for navigation and the snapshots: what they
  show moves only when the UI changes.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import SEEDS
from pilot_steps import settle
from snapshot_app import snapshot_app
from textual.widgets import RadioButton, SelectionList

from provenance.drift.kinds import KINDS, SEVERITY_LEVELS, kind_order
from provenance.model import SEVERITIES
from provenance.paths import bundled_glossaries_dir
from provenance.store import Store
from tui.app import ProvenanceApp
from tui.messages import AnalysisReady


def seeds_app(seeds_home: Path, tmp_path: Path | None = None) -> ProvenanceApp:
    """The app on the seeds, opening the session's stored analysis; with ``tmp_path``, on
    private copies of the store and the glossaries, for tests that write."""
    store = seeds_home / "store.sqlite"
    if tmp_path is None:
        return ProvenanceApp([SEEDS], store=Store(store))
    shutil.copy(store, tmp_path / "store.sqlite")
    shutil.copytree(bundled_glossaries_dir(), tmp_path / "glossaries")
    return ProvenanceApp([SEEDS], store=Store(tmp_path / "store.sqlite"),
                         glossary_paths=[tmp_path / "glossaries"])


def screen_text(app: ProvenanceApp) -> str:
    """What the terminal shows, as plain text lines."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


def _relay_row(app: ProvenanceApp) -> int:
    """Index in the corpus table of the first article that has a reference to compare."""
    ids = [a.id for a in app.analysis.articles]
    return next(i for i, a in enumerate(ids) if app.analysis.pair_for(a) is not None)


async def _open_compare(pilot) -> None:  # type: ignore[no-untyped-def]
    await settle(pilot)
    pilot.app.screen.query_one("#articles").move_cursor(row=_relay_row(pilot.app))
    await pilot.press("enter")
    await pilot.pause()


async def _open_glossary(pilot) -> None:  # type: ignore[no-untyped-def]
    await settle(pilot)
    await pilot.press("l")
    await settle(pilot)  # the glossary screen fills its table in a worker


# -- through the store and the pipeline ----------------------------------------------------
async def test_opens_a_warm_corpus_from_the_store(seeds_home):
    messages: list = []
    app = seeds_app(seeds_home)
    async with app.run_test(size=(120, 40), message_hook=messages.append) as pilot:
        await settle(pilot)
        ready = [m for m in messages if isinstance(m, AnalysisReady)]
        assert ready and ready[0].from_store
        table = app.screen.query_one("#articles")
        assert table.row_count == 5
        assert "reference" in str(app.screen.query_one("#status").render())


async def test_cold_corpus_is_analysed_in_a_worker(tmp_path):
    messages: list = []
    app = ProvenanceApp([SEEDS], store=Store(tmp_path / "empty.sqlite"))
    async with app.run_test(size=(80, 24), message_hook=messages.append) as pilot:
        await settle(pilot)
        ready = [m for m in messages if isinstance(m, AnalysisReady)]
        assert ready and not ready[0].from_store
        assert app.screen.query_one("#articles").row_count == 5


async def test_add_a_glossary_form_and_see_the_analysis_update(seeds_home, tmp_path):
    app = seeds_app(seeds_home, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        before = str(app.analysis.signature)
        await pilot.press("l")
        await pilot.pause()
        concept_id = sorted(app.glossary.concepts)[0]
        app.screen.query_one("#concepts").move_cursor(row=0)
        await pilot.press("escape", "a")  # from the search box to the table, then add
        await pilot.pause()
        modal = app.screen
        modal.query_one("#form").value = "Zzyzx Test Form"
        assert modal.query_one("#concept").value == concept_id
        await pilot.click("#save")
        await settle(pilot)
        await settle(pilot)
        written = "".join(p.read_text(encoding="utf-8")
                          for p in (tmp_path / "glossaries").glob("*.yaml"))
        assert "Zzyzx Test Form" in written
        assert str(app.analysis.signature) != before  # the glossary digest changed


async def test_add_form_validation_error_is_shown_inline(seeds_home, tmp_path):
    app = seeds_app(seeds_home, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("l")
        await pilot.pause()
        await pilot.press("escape", "a")
        await pilot.pause()
        modal = app.screen
        modal.query_one("#concept").value = "no-such-concept-id"
        modal.query_one("#form").value = "Something"
        await pilot.click("#save")
        await settle(pilot)
        assert "no-such-concept-id" in str(modal.query_one("#variant-error").render())
        assert app.screen is modal  # still open, nothing written


async def test_export_from_the_ui(seeds_home, tmp_path):
    app = seeds_app(seeds_home)
    out = tmp_path / "report.md"
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("e")
        await pilot.pause()
        app.screen.query_one("#export-path").value = str(out)
        await pilot.click("#export")
        await settle(pilot)
    text = out.read_text(encoding="utf-8")
    assert "drift report" in text and str(app.analysis.signature) in text


# -- navigation, on the frozen analysis ------------------------------------------------------
async def test_open_a_relay_and_jump_between_findings():
    app = snapshot_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await _open_compare(pilot)
        from tui.screens.compare import CompareScreen

        assert isinstance(app.screen, CompareScreen)
        aligned = app.screen.query_one("#aligned")
        pair = app.analysis.pair_for(app.screen.relay_id)
        assert aligned.row_count == len(pair.alignment.links)
        with_findings = [i for i, r in enumerate(aligned.rows_data) if r.findings]
        first, second = [i for i in with_findings if i > 0][:2]  # the cursor starts on row 0
        aligned.move_cursor(row=0)
        await pilot.press("n")
        assert aligned.cursor_row == first
        assert "finding" in str(app.screen.query_one("#findings").render())
        await pilot.press("n")
        assert aligned.cursor_row == second
        await pilot.press("p")
        assert aligned.cursor_row == first
        earlier = [i for i in with_findings if i < first]
        await pilot.press("p")  # back to row 0 if it has findings, else nowhere to go
        assert aligned.cursor_row == (earlier[-1] if earlier else first)
        await pilot.press("escape")
        assert not isinstance(app.screen, CompareScreen)


async def test_filter_dialog_hides_other_kinds_and_lesser_severities():
    app = snapshot_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await _open_compare(pilot)
        screen = app.screen
        pair = app.analysis.pair_for(screen.relay_id)
        floor = "major"
        serious = [f for f in pair.findings
                   if SEVERITIES.index(f.severity) >= SEVERITIES.index(floor)]
        kinds = kind_order(f.kind for f in pair.findings)  # the dialog's order
        kind = min(f.kind for f in serious)
        expected = [f for f in serious if f.kind == kind]
        # both filters must matter on this pair: there are other kinds and lesser
        # severities to hide
        assert expected and any(f.kind != kind for f in pair.findings)
        assert len(serious) < len(pair.findings)

        await pilot.press("f")
        await pilot.pause()
        dialog = app.screen
        assert dialog is not screen
        await pilot.press("home", *["down"] * kinds.index(kind), "space")
        assert dialog.query_one("#kinds", SelectionList).selected == [kind]
        await pilot.click(next(b for b in dialog.query(RadioButton) if str(b.label) == floor))
        await pilot.click("#apply")
        await pilot.pause()

        assert app.screen is screen
        shown = [f for row in screen.query_one("#aligned").rows_data for f in row.findings]
        assert {id(f) for f in shown} == {id(f) for f in expected}, (
            sorted((f.kind, f.severity) for f in shown), kind, floor)
        title = str(screen.query_one("#pair-title").render())
        assert f"{len(expected)}/{len(pair.findings)} findings ({kind}, ≥ {floor})" in title


async def test_search_moves_to_a_matching_row():
    app = snapshot_app()
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


async def test_help_screen_lists_the_keys_and_the_marks():
    app = snapshot_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        from tui.screens.help import HelpScreen

        assert isinstance(app.screen, HelpScreen)
        from textual.widgets import Markdown

        # the whole help text, scrolled or not
        source = app.screen.query_one(Markdown).source
        text = " ".join(source.replace("`", "").replace("**", "").split())
        for section in ("Everywhere:", "Corpus:", "Compare:", "Glossary:"):
            assert section in text
        assert "n / p next / previous finding" in text
        for kind in KINDS.values():  # every drift kind, with the mark the table draws
            assert f"{kind.symbol} {kind.name}" in text, kind.name
        for severity in SEVERITIES:
            assert f"{SEVERITY_LEVELS[severity].mark} {severity}" in text, severity
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)


def test_no_color_is_respected(monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    assert snapshot_app().no_color


# -- snapshots of the frozen analysis ------------------------------------------------------
SIZES = [(120, 40), (80, 24)]


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_snapshot_corpus(snap_compare, size):
    assert snap_compare(snapshot_app(), terminal_size=size, run_before=settle)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_snapshot_compare(snap_compare, size):
    assert snap_compare(snapshot_app(), terminal_size=size, run_before=_open_compare)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_snapshot_glossary(snap_compare, size):
    assert snap_compare(snapshot_app(), terminal_size=size, run_before=_open_glossary)
