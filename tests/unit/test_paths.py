"""Where state lives: $PROVENANCE_HOME first, else the platform's user data folder."""

from __future__ import annotations

import sys

import pytest

from provenance import paths


def test_provenance_home_comes_first(tmp_path, monkeypatch):
    monkeypatch.setenv("PROVENANCE_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert paths.data_dir() == tmp_path / "home"
    assert paths.store_path() == tmp_path / "home" / "store.sqlite"
    assert not (tmp_path / "xdg").exists()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the XDG layout is Linux's")
def test_linux_default_is_the_xdg_data_folder(tmp_path, monkeypatch):
    monkeypatch.delenv("PROVENANCE_HOME")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert paths.data_dir() == tmp_path / "xdg" / "provenance"
    assert paths.translation_cache_path().parent.is_dir()
    monkeypatch.setenv("XDG_DATA_HOME", "")  # set but empty: the XDG default
    monkeypatch.setenv("HOME", str(tmp_path / "user"))
    assert paths.data_dir() == tmp_path / "user" / ".local" / "share" / "provenance"
