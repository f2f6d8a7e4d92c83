"""``provenance models``: install, list, remove, and clear errors for bad package files."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
from support.argos_fixture import build_argosmodel
from support.cli import run_cli

from provenance import paths


@pytest.fixture(scope="module")
def zh_en(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_argosmodel(tmp_path_factory.mktemp("pkg"), "zh", "en")


def run(*args: str):
    return run_cli("models", *args)


def test_list_install_remove(zh_en):
    empty = run("list")
    assert empty.exit_code == 0 and "no models installed" in empty.output

    installed = run("install", str(zh_en))
    assert installed.exit_code == 0, installed.output
    assert "installed: zh→en translate-zh_en@0.1#" in installed.output
    assert (paths.argos_packages_dir() / "zh_en" / "model" / "model.bin").is_file()

    listed = json.loads(run("list", "--format", "json").output)
    assert [(m["code"], m["package_version"]) for m in listed] == [("zh_en", "0.1")]
    table = run("list").output
    assert "zh→en" in table
    assert "zh→en argos (zh_en)" in table and "zt→en argos (zh_en)" in table
    assert "ko→en gloss" in table

    same = run("install", str(zh_en))
    assert same.exit_code == 0 and "already installed" in same.output

    removed = run("remove", "zh-en")
    assert removed.exit_code == 0 and "removed: zh→en" in removed.output
    assert json.loads(run("list", "--format", "json").output) == []


def test_a_different_model_for_an_installed_pair_needs_replace(zh_en, tmp_path):
    other = build_argosmodel(tmp_path, "zh", "en", package_version="0.2", seed=7)
    assert run("install", str(zh_en)).exit_code == 0
    refused = run("install", str(other))
    assert refused.exit_code == 2
    assert "already installed" in refused.output and "--replace" in refused.output
    replaced = run("install", "--replace", str(other))
    assert replaced.exit_code == 0 and "replaced: zh→en translate-zh_en@0.2" in replaced.output
    assert [m["package_version"] for m in
            json.loads(run("list", "--format", "json").output)] == ["0.2"]


def _zip(path: Path, files: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w") as zf:
        for name, data in files.items():
            zf.writestr(name, data)
    return path


def _meta(**fields: str) -> bytes:
    return json.dumps({"package_version": "1.0", "from_code": "zh", "to_code": "en",
                       **fields}).encode()


PACKAGE = {"pkg/model/model.bin": b"x", "pkg/sentencepiece.model": b"x"}


@pytest.mark.parametrize(("name", "files", "message"), [
    ("notzip.argosmodel", None, "not an .argosmodel package (not a zip archive)"),
    ("nometa.argosmodel", PACKAGE, "no metadata.json in pkg/"),
    ("two.argosmodel", {**PACKAGE, "other/metadata.json": _meta()},
     "exactly one top folder"),
    ("loose.argosmodel", {**PACKAGE, "pkg/metadata.json": _meta(), "README": b"x"},
     "exactly one top folder"),
    ("badjson.argosmodel", {**PACKAGE, "pkg/metadata.json": b"{oops"}, "not valid JSON"),
    ("nocode.argosmodel", {**PACKAGE, "pkg/metadata.json": b'{"to_code": "en"}'},
     "metadata.json has no from_code"),
    ("nomodel.argosmodel", {"pkg/metadata.json": _meta(), "pkg/sentencepiece.model": b"x"},
     "no model/ folder"),
    ("evil.argosmodel", {**PACKAGE, "pkg/metadata.json": _meta(), "pkg/../../x": b"x"},
     "unsafe path"),
])
def test_bad_package_files_are_refused_clearly(tmp_path, name, files, message):
    path = tmp_path / name
    if files is None:
        path.write_bytes(b"<html>404 Not Found</html>")
    else:
        _zip(path, files)
    result = run("install", str(path))
    assert result.exit_code == 2
    assert result.output.startswith("error: ") and message in result.output
    assert result.output.count("\n") == 1  # one line, no traceback
    assert not any(paths.argos_packages_dir().iterdir())  # nothing half-installed


def test_package_for_the_wrong_pair(zh_en, tmp_path):
    wrong = run("install", "--pair", "ko-en", str(zh_en))
    assert wrong.exit_code == 2 and "is a zh→en package, not ko→en" in wrong.output
    renamed = tmp_path / "translate-ko_en-1_0.argosmodel"
    renamed.write_bytes(zh_en.read_bytes())
    mislabelled = run("install", str(renamed))
    assert mislabelled.exit_code == 2
    assert "file name says ko→en but its metadata.json says zh→en" in mislabelled.output
    assert json.loads(run("list", "--format", "json").output) == []


def test_remove_errors():
    missing = run("remove", "zh_en")
    assert missing.exit_code == 2 and "no zh→en model installed" in missing.output
    bad = run("remove", "chinese")
    assert bad.exit_code == 2 and "not a language pair" in bad.output


def test_missing_file():
    result = run("install", "/nonexistent/translate-zh_en.argosmodel")
    assert result.exit_code == 2 and "model file not found" in result.output
