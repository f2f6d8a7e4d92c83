"""``provenance tui --glossary PATH``, as on the other commands: the UI, and the report
printed in its place without a terminal, use the given glossary, not the bundled one."""

from __future__ import annotations

from pathlib import Path

import pytest
from support.bad_input import EN
from support.cli import run_cli

import tui.app
from provenance.cli import tui as tui_command
from provenance.glossary import Glossary

GLOSSARY = """\
concepts:
  - id: blue-origin
    category: company
    language: en
    forms:
      en: [Blue Origin]
"""


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    for n in range(2):
        (folder / f"a{n}.txt").write_text(f"Story {n}\n\n{EN}\n", encoding="utf-8")
    return folder


@pytest.fixture
def glossary(tmp_path: Path) -> Path:
    path = tmp_path / "mine.yaml"
    path.write_text(GLOSSARY, encoding="utf-8")
    return path


def test_the_ui_gets_the_glossary(corpus: Path, glossary: Path,
                                  monkeypatch: pytest.MonkeyPatch) -> None:
    runs: list[dict] = []
    monkeypatch.setattr(tui_command, "interactive", lambda: True)
    monkeypatch.setattr(tui.app, "run", lambda paths, **kw: runs.append({"paths": paths, **kw}))
    result = run_cli("tui", corpus, "--glossary", glossary)
    assert result.exit_code == 0, result.output
    assert [str(p) for p in runs[0]["glossary_paths"]] == [str(glossary)]
    assert runs[0]["paths"] == [str(corpus)]


def test_the_app_loads_the_glossary_it_is_given(corpus: Path, glossary: Path) -> None:
    app = tui.app.ProvenanceApp([corpus], glossary_paths=(glossary,))
    assert app.glossary_paths == [glossary]
    assert list(Glossary.load(app.glossary_paths).concepts) == ["blue-origin"]


def test_without_a_terminal_the_report_uses_the_glossary(corpus: Path, glossary: Path,
                                                          monkeypatch: pytest.MonkeyPatch
                                                          ) -> None:
    monkeypatch.setattr(tui_command, "interactive", lambda: False)
    mine = run_cli("tui", corpus, "--glossary", glossary)
    bundled = run_cli("tui", corpus)
    assert mine.exit_code == bundled.exit_code == 0, mine.output + bundled.output
    digest = Glossary.load([glossary]).digest
    assert f"glossary:{digest[:12]}" in mine.stdout or digest in mine.stdout
    assert digest not in bundled.stdout and f"glossary:{digest[:12]}" not in bundled.stdout


def test_a_missing_glossary_is_a_usage_error(corpus: Path, tmp_path: Path) -> None:
    result = run_cli("tui", corpus, "--glossary", tmp_path / "none.yaml")
    assert result.exit_code == 2 and result.output.startswith("error: ")
