"""Errors a user can act on. The CLI turns them into one line on stderr."""

from __future__ import annotations

import sys
import warnings
from typing import TextIO


class ProvenanceError(Exception):
    """Base class: anything the user can fix. ``exit_code`` is what the CLI returns."""

    exit_code = 2


class BadInput(ProvenanceError):
    """Input the tool cannot use: empty, binary, unreadable, malformed."""


class GlossaryError(BadInput):
    """A glossary file is malformed; the message names the file and line."""


class ModelMissing(ProvenanceError):
    """A translation model is not installed; the message says how to install one."""


class ProvenanceWarning(UserWarning):
    """Something the user should know that did not stop the work (a damaged cache was
    replaced, a translation could not be cached). The CLI prints it as one line."""


def show_warning_line(message: Warning | str, category: type[Warning], filename: str,
                      lineno: int, file: TextIO | None = None, line: str | None = None) -> None:
    """A ``warnings.showwarning`` that prints our warnings as one ``warning: ...`` line
    (no category, file or source line) and anyone else's as Python does."""
    stream = file or sys.stderr
    if issubclass(category, ProvenanceWarning):
        stream.write(f"warning: {message}\n")
    else:
        stream.write(warnings.formatwarning(message, category, filename, lineno, line))
    stream.flush()


class SkippedInput(ProvenanceWarning):
    """A corpus file (or one article in it) could not be used and was left out; the
    message names it and says why. ``--strict`` makes it an error."""


class RepairedInput(ProvenanceWarning):
    """A corpus file was used after a repair, e.g. stray bytes replaced by U+FFFD; the
    message names it and counts what was changed. ``--strict`` makes it an error."""
