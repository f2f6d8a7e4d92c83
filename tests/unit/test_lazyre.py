"""Patterns compiled on first use behave as compiled patterns, and the quantity tables
of a language nobody reads are never compiled."""

from __future__ import annotations

import re
import subprocess
import sys

from provenance.quantities.lazyre import lazy_compile


def test_a_lazy_pattern_is_the_compiled_pattern_once_used() -> None:
    source = r"(?P<n>\d+)\s?(?P<unit>km|miles)"
    lazy, eager = lazy_compile(source, re.IGNORECASE), re.compile(source, re.IGNORECASE)
    assert lazy.pattern == source and "match" not in vars(lazy)  # not compiled yet
    text = "It flew 12 KM, then 30 miles."
    assert [m.groupdict() for m in lazy.finditer(text)] == \
        [m.groupdict() for m in eager.finditer(text)]
    assert "match" in vars(lazy)  # compiled, its methods kept
    assert lazy.search(text).span() == eager.search(text).span()
    assert lazy.sub("#", text) == eager.sub("#", text)
    assert (lazy.flags, lazy.groupindex, lazy.groups) == \
        (eager.flags, eager.groupindex, eager.groups)
    assert lazy.match("no digits") is None


def test_reading_english_compiles_no_korean_or_slavic_table() -> None:
    probe = (
        "from provenance.quantities import extract_quantities, markers, numerals\n"
        "extract_quantities('NASA paid $3.4 billion on June 3, 2025.', 'en', None)\n"
        "lazy = [numerals.UK_PATTERN, numerals.RU_PATTERN, numerals.KO_PATTERN,\n"
        "        markers.SUFFIX_CUR_RX['ko']]\n"
        "print(sum('match' in vars(p) for p in lazy), 'match' in vars(numerals.EN_PATTERN))\n"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                         check=True).stdout.split()
    assert out == ["0", "True"]
