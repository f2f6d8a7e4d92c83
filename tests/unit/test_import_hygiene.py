"""The library never imports textual: every module under provenance/ is imported in a
fresh interpreter and textual must not be in sys.modules afterwards."""

from __future__ import annotations

import json
import pkgutil
import subprocess
import sys

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
