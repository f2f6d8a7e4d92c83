"""No process outlives a ``report`` killed with SIGKILL: the pool's workers notice that
their parent is gone and exit, and the resource tracker follows them.

A real ``kill -9`` of a real run, in a subprocess; Linux only (it reads /proc).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import REPO
from support.long_articles import long_pair

pytestmark = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc")


def _stat(pid: int) -> tuple[str, int] | None:
    """(state, parent pid) of a process, None once it is gone."""
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except (FileNotFoundError, ProcessLookupError):
        return None
    fields = text[text.rindex(")") + 2:].split()
    return fields[0], int(fields[1])


def _cpu_seconds(pid: int) -> float:
    """User plus system CPU time a process has used so far (0 once it is gone)."""
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except (FileNotFoundError, ProcessLookupError):
        return 0.0
    fields = text[text.rindex(")") + 2:].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit() and (stat := _stat(int(entry.name))) and stat[1] == pid:
            found.append(int(entry.name))
    return found


def _cmdline(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
    except OSError:
        return ""


def _alive(pid: int) -> bool:
    stat = _stat(pid)
    return stat is not None and stat[0] != "Z"  # a zombie has exited; only its entry is left


def _corpus(folder: Path, relays: int = 10, sentences: int = 900) -> Path:
    folder.mkdir()
    english, chinese = long_pair(sentences)
    (folder / "en.md").write_text(f"---\nlanguage: en\n---\n{english}", encoding="utf-8")
    lines = chinese.splitlines()
    for n in range(relays):
        relay = "\n".join(lines[n * 7:] + lines[:n * 7])  # each relay a different article
        (folder / f"zh{n}.md").write_text(f"---\nlanguage: zh-cn\n---\n{relay}\n",
                                          encoding="utf-8")
    return folder


def test_no_worker_or_resource_tracker_outlives_a_killed_report(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "corpus")
    env = {**os.environ, "PROVENANCE_HOME": str(tmp_path / "home"), "PYTHONPATH": str(REPO)}
    report = subprocess.Popen(
        [sys.executable, "-c", "from provenance.cli import main; main()", "report",
         str(corpus), "-o", str(tmp_path / "out.html"), "--jobs", "2"],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    seen: set[int] = set()
    try:
        # Wait until both workers are busy comparing (a second of CPU each, so their
        # initializer and its watchdog ran), rather than for a fixed time: the corpus takes
        # half a minute, but how fast a machine gets there varies.
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and report.poll() is None:
            workers = [p for p in _children(report.pid) if "spawn_main" in _cmdline(p)]
            seen.update(_children(report.pid))
            if len(workers) >= 2 and all(_cpu_seconds(p) > 1.0 for p in workers):
                break
            time.sleep(0.2)
        seen.update(_children(report.pid))
        assert report.poll() is None, "the report finished before it could be killed"
        assert sum("spawn_main" in _cmdline(p) for p in seen) >= 2, seen
        os.kill(report.pid, signal.SIGKILL)
        report.wait(timeout=10)
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline and any(_alive(p) for p in seen):
            time.sleep(0.2)
        survivors = {p: _cmdline(p) for p in seen if _alive(p)}
        assert not survivors, survivors
    finally:
        if report.poll() is None:
            report.kill()
        for pid in seen:  # never leave a test's process behind, whatever happened
            if _alive(pid):
                os.kill(pid, signal.SIGKILL)
        if report.stderr:
            report.stderr.close()
