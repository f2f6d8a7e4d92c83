"""provenance: who relays whom, and what drifted on the way.

A library first: every CLI command is a thin wrapper over a function in this package.
This package never imports textual (the TUI lives in ``tui/``).
"""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("provenance")
except PackageNotFoundError:  # running from a source tree that was not installed
    __version__ = "0.0.0+unknown"

__all__ = ["__version__"]
