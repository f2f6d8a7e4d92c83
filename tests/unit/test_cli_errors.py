"""One ``error:`` line everywhere, quiet broken pipes, readable recovery warnings.

The pipe and recovery tests run the real command in a subprocess: a closed pipe and a
pool worker's warning only show on real file descriptors.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO
from support.bad_input import EN
from support.cli import run_cli
from support.long_articles import long_pair

from provenance.cli import COMMANDS

CLI = [sys.executable, "-c", "from provenance.cli import main; main()"]


def run_real(*args: str | os.PathLike[str], home: Path,
             **kwargs) -> subprocess.CompletedProcess[str]:  # type: ignore[no-untyped-def]
    env = {**os.environ, "PROVENANCE_HOME": str(home), "PYTHONPATH": str(REPO)}
    return subprocess.run([*CLI, *map(str, args)], capture_output=True, text=True, env=env,
                          timeout=300, check=False, **kwargs)


@pytest.mark.parametrize("command", ["ingest", "analyze", "report", "tui"])
def test_a_missing_path_is_one_error_line(tmp_path: Path, command: str) -> None:
    extra = ["-o", str(tmp_path / "r.md")] if command == "report" else []
    result = run_cli(command, tmp_path / "missing", *extra)
    assert result.exit_code == 2
    assert result.output == f"error: {tmp_path / 'missing'}: no such file or folder\n"


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_a_usage_mistake_is_one_error_line_on_every_command(command: str) -> None:
    result = run_cli(command, "--no-such-option")
    assert result.exit_code == 2
    assert result.output.count("\n") == 1, result.output
    assert result.output.startswith("error: No such option: --no-such-option") or \
        result.output.startswith("error: No such option '--no-such-option'")
    assert f" {command} --help')" in result.output


@pytest.mark.parametrize("args", [["no-such-command"], ["--bogus"], ["ingest"],
                                  ["report", "seeds"], ["analyze", ".", "--jobs", "x"]])
def test_group_and_argument_mistakes_are_one_error_line(args: list[str]) -> None:
    result = run_cli(*args)
    assert result.exit_code == 2
    assert result.output.startswith("error: ") and result.output.count("\n") == 1, \
        result.output


@pytest.mark.parametrize("args", [["glossary", "list"], ["ingest", "--format", "json",
                                                         str(REPO / "seeds")]])
def test_a_closed_pipe_is_quiet(tmp_path: Path, args: list[str]) -> None:
    env = {**os.environ, "PROVENANCE_HOME": str(tmp_path), "PYTHONPATH": str(REPO)}
    proc = subprocess.Popen([*CLI, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            env=env)
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()  # `| head` that has read enough: every write meets a closed pipe
    stderr = proc.stderr.read().decode()
    assert proc.wait(timeout=120) == 1
    assert stderr.replace("166 concept(s)\n", "") == ""


def _two_articles(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "a.txt").write_text(EN + "\n", encoding="utf-8")
    (folder / "b.txt").write_text(EN.replace("twice", "three times") + "\n", encoding="utf-8")
    return folder


def test_a_damaged_store_is_one_readable_warning(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    (home / "store.sqlite").write_bytes(b"not a database at all " * 300)
    done = run_real("analyze", _two_articles(tmp_path / "corpus"), home=home)
    assert done.returncode == 0, done.stderr
    [line] = done.stderr.splitlines()
    assert line.startswith(f"warning: analysis store {home / 'store.sqlite'} was unreadable ")
    assert "moved it to store.sqlite.corrupt-" in line and line.endswith("started afresh")
    assert list(home.glob("store.sqlite.corrupt-*"))


def test_a_pool_worker_warns_in_one_line_too(tmp_path: Path) -> None:
    """The translation cache is opened in the pool's workers: their warning is the same
    one line as the parent's, not Python's "file:line: FileReplaced: ..." and source."""
    home = tmp_path / "home"
    home.mkdir()
    (home / "translations.sqlite").write_bytes(b"garbage " * 500)
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    english, chinese = long_pair(12)
    (corpus / "en.md").write_text(f"---\nlanguage: en\n---\n{english}", encoding="utf-8")
    lines = chinese.splitlines()
    for n in range(3):  # three relays: more pairs than the two workers, so a pool starts
        relay = "\n".join(lines[n:] + lines[:n])
        (corpus / f"zh{n}.md").write_text(f"---\nlanguage: zh-cn\n---\n{relay}\n",
                                          encoding="utf-8")
    done = run_real("analyze", corpus, "--jobs", "2", home=home)
    assert done.returncode == 0, done.stderr
    warnings_ = [line for line in done.stderr.splitlines() if line.strip()]
    assert warnings_ and all(line.startswith("warning: translation cache ") for line in
                             warnings_), done.stderr
    assert "FileReplaced" not in done.stderr and "warnings.warn" not in done.stderr
