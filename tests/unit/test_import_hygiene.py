"""The library never imports textual: every module under provenance/ is imported in a
fresh interpreter and textual must not be in sys.modules afterwards. And the layer rules
of pyproject.toml's import-linter contracts hold (no cycles, the CLI on top, the UI apart).
"""

from __future__ import annotations

import json
import os
import pkgutil
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

from conftest import REPO

import provenance

SCRIPT = """
import importlib, json, sys, traceback
failed = {}
for name in sys.argv[1:]:
    try:
        importlib.import_module(name)
    except Exception:
        failed[name] = traceback.format_exc(limit=1)
leaked = sorted(m for m in sys.modules if m == "textual" or m.startswith("textual."))
print(json.dumps({"failed": failed, "textual": leaked}))
"""


def all_modules() -> list[str]:
    names = ["provenance"]
    for info in pkgutil.walk_packages(provenance.__path__, prefix="provenance."):
        names.append(info.name)
    return sorted(names)


def test_walk_finds_the_core_modules() -> None:
    names = all_modules()
    for expected in ("provenance.corpus", "provenance.segment", "provenance.langid",
                     "provenance.cli", "provenance.cli.ingest"):
        assert expected in names


def test_no_module_imports_textual() -> None:
    names = all_modules()
    done = subprocess.run([sys.executable, "-c", SCRIPT, *names], capture_output=True,
                          text=True, check=True, timeout=300)
    result = json.loads(done.stdout)
    assert result["failed"] == {}
    assert result["textual"] == [], "provenance imported textual"


def test_the_check_would_catch_textual() -> None:
    # The same script sees textual when something does import it.
    done = subprocess.run([sys.executable, "-c", SCRIPT, "textual.app"], capture_output=True,
                          text=True, check=True, timeout=120)
    assert "textual" in json.loads(done.stdout)["textual"]


# -- the import-linter contracts ----------------------------------------------------------
LINT = "import sys; from importlinter.cli import lint_imports_command; lint_imports_command()"


def lint_imports(root: Path) -> subprocess.CompletedProcess[str]:
    """``lint-imports`` with root/pyproject.toml over the packages under ``root``."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(root), os.environ.get(
        "PYTHONPATH", "")])}
    return subprocess.run([sys.executable, "-c", LINT, "--no-cache", "--no-logo",
                           str(root / "pyproject.toml")], cwd=root, env=env,
                          capture_output=True, text=True, timeout=120)


def contract_names() -> dict[str, str]:
    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    return {c["id"]: c["name"] for c in config["tool"]["importlinter"]["contracts"]}


def test_the_layer_contracts_hold() -> None:
    done = lint_imports(REPO)
    assert done.returncode == 0, done.stdout + done.stderr
    for name in contract_names().values():
        assert f"{name} KEPT" in done.stdout


def test_each_contract_would_catch_its_violation(tmp_path: Path) -> None:
    # A copy of the packages with one offending module per contract.
    for package in ("provenance", "tui"):
        shutil.copytree(REPO / package, tmp_path / package,
                        ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(REPO / "pyproject.toml", tmp_path)
    offenders = {
        "library-headless": ("provenance/lang_widgets.py", "import textual.widgets\n"),
        "library-layers": ("provenance/drift/ask_user.py", "import provenance.cli.options\n"),
        "ui-layers": ("tui/components/back_to_app.py", "import tui.app\n"),
        "no-cycles": ("provenance/drift/numbers_again.py", "import provenance.drift.cycle_b\n"),
    }
    for path, code in offenders.values():
        (tmp_path / path).write_text(code, encoding="utf-8")
    (tmp_path / "provenance/drift/cycle_b.py").write_text(
        "import provenance.drift.numbers_again\n", encoding="utf-8")
    done = lint_imports(tmp_path)
    assert done.returncode != 0
    names = contract_names()
    for contract, (path, _) in offenders.items():
        assert f"{names[contract]} BROKEN" in done.stdout, (contract, done.stdout)
        module = path.removesuffix(".py").rpartition("/")[2]
        assert f".{module}" in done.stdout, (module, done.stdout)
