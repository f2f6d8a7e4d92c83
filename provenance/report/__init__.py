"""Drift reports: the analysis of a corpus as a file to send, archive or feed to a tool.

``write_report(analysis, "story.html")`` writes a self-contained HTML page;
the format follows the file extension (``.html``, ``.md``, ``.json``, ``.csv``, ``.tmx``)
or ``fmt``. Every format carries the analysis signature and the report's own settings.

>>> write_report(analysis, "-", "md", min_severity="major")   # Markdown on stdout
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from provenance.atomicfile import atomic_writer
from provenance.errors import BadInput
from provenance.model import CorpusAnalysis
from provenance.report.contents import ReportContents, build_contents, severity_rank

if TYPE_CHECKING:
    from provenance.glossary import Glossary

#: format name -> file extensions that select it
FORMATS: dict[str, tuple[str, ...]] = {
    "html": (".html", ".htm"),
    "md": (".md", ".markdown"),
    "json": (".json",),
    "csv": (".csv",),
    "tmx": (".tmx",),
}

__all__ = ["FORMATS", "format_from_path", "write_report", "build_contents", "ReportContents"]


def format_from_path(path: str | Path) -> str:
    """The report format a file name asks for: ``report.htm`` -> ``"html"``.

    Raises BadInput for an extension no format uses (and for ``-``, which has none).
    """
    suffix = Path(str(path)).suffix.lower()
    for fmt, suffixes in FORMATS.items():
        if suffix in suffixes:
            return fmt
    known = ", ".join(s for suffixes in FORMATS.values() for s in suffixes)
    raise BadInput(f"cannot tell the report format from {str(path)!r}: "
                   f"use one of {known} or give --format")


def _writer(fmt: str) -> Callable[[ReportContents, TextIO], None]:
    # Imported on demand: a JSON export need not load the HTML and SVG code.
    if fmt == "html":
        from provenance.report.html import write_html
        return write_html
    if fmt == "md":
        from provenance.report.markdown import write_markdown
        return write_markdown
    if fmt == "json":
        from provenance.report.jsonreport import write_json
        return write_json
    if fmt == "csv":
        from provenance.report.csvreport import write_csv
        return write_csv
    if fmt == "tmx":
        from provenance.report.tmx import write_tmx
        return write_tmx
    raise BadInput(f"unknown report format {fmt!r} (choose from {', '.join(FORMATS)})")


def write_report(
    analysis: CorpusAnalysis,
    out: Path | str | TextIO,
    fmt: str | None = None,
    min_severity: str = "minor",
    glossary: Glossary | None = None,
) -> str:
    """Write the report of ``analysis`` to a path, ``"-"`` (stdout) or an open text stream.

    ``fmt`` defaults to the path's extension. Findings below ``min_severity`` are left
    out of every section (articles, chart, comparisons, rows). ``glossary`` is the one
    the analysis used (for the matched words of foreign rows; default: the bundled one,
    when the analysis used it). Returns the format used.
    """
    if fmt is None:
        if not isinstance(out, str | Path) or str(out) == "-":
            raise BadInput("give the report format: it cannot be inferred without a file name")
        fmt = format_from_path(out)
    write = _writer(fmt)
    severity_rank(min_severity)  # fail on a bad severity before creating any file
    contents = build_contents(analysis, min_severity, glossary)
    if isinstance(out, str | Path) and str(out) == "-":
        write(contents, sys.stdout)
        sys.stdout.flush()
    elif isinstance(out, str | Path):
        with atomic_writer(out) as stream:  # an interrupted report leaves no half file
            write(contents, stream)
    else:
        write(contents, out)
    return fmt
