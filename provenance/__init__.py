"""provenance: who relays whom, and what drifted on the way.

A library first: every CLI command is a thin wrapper over a function in this package.
This package never imports textual (the TUI lives in ``tui/``).
"""

#: The one place the version is written (pyproject.toml reads it from here); reading it
#: back from the installed metadata cost every command ~20 ms of importlib.metadata.
__version__ = "0.1.0"

__all__ = ["__version__"]
