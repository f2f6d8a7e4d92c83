"""The CSV report: one row per finding, for spreadsheets and newsroom pipelines.

Columns: article, reference, number, kind, severity, weight, source_index, target_index,
source_sentence, target_sentence, message, detector, signature, min_severity. Indices are
sentence numbers as a person reads them (1-based, as in every other text surface; the
JSON keeps 0-based indices) joined with ``;``. The signature and the report settings are
repeated on each row so that a row pasted elsewhere still says what produced it.

A text cell starting with ``=``, ``+``, ``-``, ``@``, tab or carriage return gets a
leading apostrophe (:func:`provenance.spreadsheet.safe_cell`, shared with the glossary
CSV): spreadsheets would otherwise run an article's text as a formula.
"""

from __future__ import annotations

import csv
from typing import TextIO

from provenance.report.contents import ReportContents
from provenance.spreadsheet import safe_cell as cell

COLUMNS = ["article", "reference", "number", "kind", "severity", "weight", "source_index",
           "target_index", "source_sentence", "target_sentence", "message", "detector",
           "signature", "min_severity"]

def _numbers(indices: tuple[int, ...]) -> str:
    return ";".join(str(i + 1) for i in indices)


def write_csv(contents: ReportContents, out: TextIO) -> None:
    """Write a header and one row per finding shown (at/above the minimum severity)."""
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    signature = contents.signature
    for pair in contents.pairs:
        for nf in pair.findings:
            f = nf.finding
            writer.writerow([
                cell(pair.relay.id), cell(pair.reference.id), nf.number, f.kind, f.severity,
                f.weight, _numbers(f.src), _numbers(f.tgt),
                cell(pair.sentence_text("src", f.src)), cell(pair.sentence_text("tgt", f.tgt)),
                cell(f.message), f.detector, signature, contents.min_severity,
            ])
