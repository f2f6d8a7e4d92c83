"""Errors a user can act on. The CLI turns them into one line on stderr."""


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
