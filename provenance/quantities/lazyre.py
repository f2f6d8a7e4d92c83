"""Regular expressions compiled on first use.

The quantity tables hold a few hundred patterns for every language the tool reads;
compiling them all when the package is imported cost each command some 60 ms, most of it
for languages the command never meets. A :func:`lazy_compile` pattern compiles itself
the first time it is used and from then on is the compiled pattern's own methods.
"""

from __future__ import annotations

import re
from typing import Any, cast


class _LazyPattern:
    def __init__(self, source: str, flags: int) -> None:
        self._source = source
        self._flags = flags
        self.pattern = source  # read to build other patterns: no need to compile for it

    def __getattr__(self, name: str) -> Any:
        # Only reached for what is not set yet: compile, then keep the pattern's methods
        # and attributes on this object so that later lookups are plain attribute reads.
        compiled = re.compile(self._source, self._flags)
        for attr in ("match", "search", "finditer", "findall", "fullmatch", "sub", "subn",
                     "split", "flags", "groupindex", "groups"):
            setattr(self, attr, getattr(compiled, attr))
        return getattr(compiled, name)

    def __repr__(self) -> str:
        return f"lazy_compile({self._source!r}, {self._flags})"


def lazy_compile(source: str, flags: int | re.RegexFlag = 0) -> re.Pattern[str]:
    """``re.compile(source, flags)``, done when the pattern is first used."""
    return cast(re.Pattern[str], _LazyPattern(source, int(flags)))
