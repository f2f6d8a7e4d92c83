"""Files replaced whole: old or new, never half; a new file gets the user's umask."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from support.report_checks import hostile_analysis

from provenance.atomicfile import atomic_writer, write_atomic
from provenance.glossary import default_glossary
from provenance.glossary.exchange import write_tbx
from provenance.report import write_report


def _mode(path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def umask_027():
    old = os.umask(0o027)
    yield 0o640
    os.umask(old)


def test_exports_get_the_users_umask(tmp_path, umask_027):
    report, tbx, plain = tmp_path / "r.html", tmp_path / "g.tbx", tmp_path / "p.txt"
    write_report(hostile_analysis(), report)
    write_tbx(default_glossary().concepts.values(), tbx)
    write_atomic(plain, "text")
    assert [_mode(p) for p in (report, tbx, plain)] == [umask_027] * 3
    assert sorted(p.name for p in tmp_path.iterdir()) == ["g.tbx", "p.txt", "r.html"]


def test_a_replaced_file_keeps_its_permissions(tmp_path):
    path = tmp_path / "glossary.yaml"
    path.write_text("old\n", encoding="utf-8")
    path.chmod(0o600)
    write_atomic(path, "new\n")
    assert path.read_text(encoding="utf-8") == "new\n" and _mode(path) == 0o600


def test_a_failed_write_leaves_the_old_file_and_no_temporary(tmp_path):
    path = tmp_path / "report.csv"
    path.write_text("old\r\n", encoding="utf-8")
    with pytest.raises(RuntimeError), atomic_writer(path) as stream:
        stream.write("half of the new")
        raise RuntimeError("interrupted")
    assert path.read_bytes() == b"old\r\n"
    assert [p.name for p in tmp_path.iterdir()] == ["report.csv"]


def test_the_rename_is_the_only_moment_the_file_changes(tmp_path, monkeypatch):
    path = tmp_path / "a.txt"
    path.write_text("old", encoding="utf-8")
    seen = []
    real_replace = os.replace

    def watching_replace(src, dst):
        seen.append((path.read_bytes(), Path(src).read_bytes()))
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", watching_replace)
    write_atomic(path, "a\r\nb\n")  # newlines as given: CSV keeps its \r\n
    assert seen == [(b"old", b"a\r\nb\n")]
    assert path.read_bytes() == b"a\r\nb\n"
