"""The terminal UI with hostile input: markup in titles, outlets, ids and text is shown
as written; an error is a notification and a log entry, never a traceback on screen.

The corpus comes from ``tests/support/bad_input.py``.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from pilot_steps import settle
from support.bad_input import HOSTILE_OUTLET, TAG_OUTLET, write_hostile_corpus

from provenance.store import Store
from tui.app import ProvenanceApp, UIStopped, run
from tui.errorlog import log_path


def screen_text(app: ProvenanceApp) -> str:
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    write_hostile_corpus(tmp_path / "hostile")
    return tmp_path / "hostile"


async def test_markup_in_metadata_and_text_is_shown_as_written(hostile: Path, tmp_path: Path):
    app = ProvenanceApp([hostile], store=Store(tmp_path / "s.sqlite"))
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(pilot)
        assert app.analysis is not None, "the analysis did not arrive"
        corpus = screen_text(app)
        assert "[x] c" in corpus and TAG_OUTLET in corpus  # a tag is not dropped
        assert "[link=https://exampl" in corpus  # the column cuts the rest
        table = app.screen.query_one("#articles")
        relays = [a.id for a in app.analysis.articles if app.analysis.pair_for(a.id)]
        assert relays
        for relay in relays:
            row = [a.id for a in app.analysis.articles].index(relay)
            table.move_cursor(row=row)
            await pilot.press("enter")
            await pilot.pause()
            shown = screen_text(app)
            assert "[/b]" in shown and "[red]for" in shown  # sentences keep their brackets
            await pilot.press("r")  # the reference picker lists every outlet as written
            await pilot.pause()
            picker = screen_text(app)
            assert HOSTILE_OUTLET in picker and TAG_OUTLET in picker
            await pilot.press("escape", "escape")
            await pilot.pause()
        await pilot.press("l")  # the glossary screen, searched with markup
        await pilot.pause()
        await pilot.press("[", "/", "b", "]")
        await pilot.pause()
        assert app.crash is None and app.is_running


async def test_an_internal_error_is_logged_and_closes_the_app_without_a_traceback(
        hostile: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    from tui.screens.corpus import CorpusScreen

    def broken(self, *args):  # type: ignore[no-untyped-def]
        raise RuntimeError("a bug in a handler")

    app = ProvenanceApp([hostile], store=Store(tmp_path / "s.sqlite"))
    CorpusScreen.action_sort = broken  # type: ignore[method-assign]
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(pilot)
            await pilot.press("s")
            await pilot.pause()
    finally:
        del CorpusScreen.action_sort
    assert app.crash and "RuntimeError: a bug in a handler" in app.crash
    assert str(log_path()) in app.crash
    assert app.return_code == 3
    logged = log_path().read_text(encoding="utf-8")
    assert "Traceback" in logged and "a bug in a handler" in logged
    out = capsys.readouterr()
    assert "Traceback" not in out.out + out.err


def test_run_turns_a_crash_into_one_error(monkeypatch: pytest.MonkeyPatch, hostile: Path):
    def crashed_run(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        self.crash = "the terminal UI stopped after an internal error (X: y); details in z"

    monkeypatch.setattr(ProvenanceApp, "run", crashed_run)
    with pytest.raises(UIStopped, match="stopped after an internal error") as info:
        run([hostile])
    assert info.value.exit_code == 3


async def test_a_failed_analysis_is_a_notification_and_a_log_entry(tmp_path: Path):
    corpus = tmp_path / "nothing"
    corpus.mkdir()
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "[b]binary.txt").write_bytes(b"\x00\x01\x02\x03" * 100)
    app = ProvenanceApp([corpus], store=Store(tmp_path / "s.sqlite"))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.pause()
        notes = [n.message for n in app._notifications]
        assert any("none of the 2 files holds a usable article" in n for n in notes), notes
        assert app.crash is None
    assert "analysis failed" in log_path().read_text(encoding="utf-8")


async def test_skipped_files_are_counted_on_screen_and_listed_in_the_log(
        hostile: Path, tmp_path: Path):
    (hostile / "[red]empty.txt").write_bytes(b"")
    (hostile / "stray.txt").write_bytes(b"Blue Origin declined to comment\xff today.\n")
    app = ProvenanceApp([hostile], store=Store(tmp_path / "s.sqlite"))
    async with app.run_test(size=(160, 40)) as pilot:
        await settle(pilot)
        await pilot.pause()
        assert "1 file(s) skipped" in screen_text(app)
        notes = [n.message for n in app._notifications]
        assert any("1 file(s) or article(s) skipped, 1 repaired" in n for n in notes), notes
    logged = log_path().read_text(encoding="utf-8")
    assert "[red]empty.txt: empty file; skipped" in logged
    assert "stray.txt: 1 stray byte replaced" in logged


async def test_a_damaged_store_is_a_warning_on_screen(hostile: Path, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch):
    damaged = tmp_path / "store.sqlite"
    damaged.write_bytes(b"this is not a database " * 200)
    monkeypatch.setenv("PROVENANCE_HOME", str(tmp_path))  # the default store, opened later
    app = ProvenanceApp([hostile], store=None)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.pause()
        notes = [n.message for n in app._notifications]
        assert any("was unreadable" in n and "started afresh" in n for n in notes), notes
        assert app.analysis is not None
    assert "FileReplaced" in log_path().read_text(encoding="utf-8")
