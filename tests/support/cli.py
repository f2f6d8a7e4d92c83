"""The one way the tests run the CLI: in-process, through click's test runner."""

from __future__ import annotations

import os
from typing import Any

from click.testing import CliRunner, Result

from provenance.cli import main


def run_cli(*args: str | os.PathLike[str], **kwargs: Any) -> Result:
    """``provenance ARGS...``; ``kwargs`` go to ``CliRunner.invoke`` (``input``,
    ``catch_exceptions``...). The result has ``exit_code``, ``output`` (stdout and stderr
    interleaved), ``stdout`` and ``stderr``."""
    return CliRunner().invoke(main, [os.fspath(a) for a in args], **kwargs)
