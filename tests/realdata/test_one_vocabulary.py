"""One vocabulary on every surface a person reads: the seeds through CLI text (``drift``,
``align``), HTML, Markdown, CSV and the TUI's findings panel, each read back from its
output and compared finding by finding: the kind's symbol, the severity's name and
mark, and the sentence numbers (1-based on every surface; JSON alone keeps indices).
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections import Counter

import pytest
from conftest import SEEDS
from support.cli import run_cli
from support.report_checks import render

from provenance.drift.kinds import KINDS, SEVERITY_LEVELS, kind_symbol, severity_mark
from provenance.model import CorpusAnalysis, Finding

#: a finding as a person reads it: symbol, kind, severity, reference and relay numbers
Read = tuple[str, str, str, tuple[int, ...], tuple[int, ...]]

SYMBOL = "|".join(re.escape(k.symbol) for k in KINDS.values())
KIND = "|".join(KINDS)
SEVERITY = "|".join(SEVERITY_LEVELS)
NUMBERS = r"(\d+(?:(?:, |–)\d+)*)"  # 1-based sentence numbers as the reports write them


def numbers(text: str) -> tuple[int, ...]:
    """``4, 10–13`` / ``18,19`` / ``9;10`` back to the 1-based numbers they name."""
    out: list[int] = []
    for part in re.split(r"[,;]\s*", text.strip()):
        if not part or part == "-":
            continue
        if "–" in part:
            a, b = part.split("–")
            out.extend(range(int(a), int(b) + 1))
        else:
            out.append(int(part))
    return tuple(out)


def expected(findings: list[Finding]) -> Counter[Read]:
    return Counter((kind_symbol(f.kind), f.kind, f.severity, tuple(i + 1 for i in f.src),
                    tuple(i + 1 for i in f.tgt)) for f in findings)


@pytest.fixture(scope="module")
def shown(seeds_analysis: CorpusAnalysis) -> list[Finding]:
    findings = [f for p in seeds_analysis.pairs for f in p.findings]
    assert {f.severity for f in findings} >= {"major", "minor"}
    return findings


def test_html_reads_every_finding_as_the_analysis_has_it(seeds_analysis, shown) -> None:
    page = render(seeds_analysis, "html")
    found = re.findall(
        rf'<span class="sev sev-({SEVERITY})">(\S+) \1</span> <strong>({SYMBOL}) ({KIND})'
        rf'</strong> — [^<]*<div class="where">(?:reference {NUMBERS})?(?: “[^”]*”)?'
        rf"(?: → )?(?:relay {NUMBERS})?", page)
    reads = Counter((sym, kind, sev, numbers(src), numbers(tgt))
                    for sev, mark, sym, kind, src, tgt in found)
    assert all(mark == severity_mark(sev) for sev, mark, *_ in found)
    assert reads == expected(shown)


def test_markdown_reads_every_finding_as_the_analysis_has_it(seeds_analysis, shown) -> None:
    text = render(seeds_analysis, "md").replace("\\", "")
    found = re.findall(rf"^\d+\. \*\*(\S+) ({SEVERITY})\*\* ({SYMBOL}) ({KIND}) "
                       rf"\((?:reference {NUMBERS})?(?: “[^”]*”)?(?: → )?"
                       rf"(?:relay {NUMBERS})?(?: “[^”]*”)?\)", text, re.M)
    reads = Counter((sym, kind, sev, numbers(src), numbers(tgt))
                    for mark, sev, sym, kind, src, tgt in found)
    assert all(mark == severity_mark(sev) for mark, sev, *_ in found)
    assert reads == expected(shown)


def test_csv_numbers_sentences_from_one(seeds_analysis, shown) -> None:
    rows = list(csv.DictReader(io.StringIO(render(seeds_analysis, "csv"))))
    reads = Counter((kind_symbol(r["kind"]), r["kind"], r["severity"],
                     numbers(r["source_index"]), numbers(r["target_index"])) for r in rows)
    assert reads == expected(shown)


def test_drift_text_reads_as_its_own_json(tmp_path) -> None:
    src, tgt = SEEDS / "001_2a5f93ececeb6b44.md", SEEDS / "000_32dd3ef0bea08233.md"
    doc = json.loads(run_cli("drift", src, tgt, "--format", "json").stdout)
    findings = [Finding.from_dict(f) for f in doc["findings"]]
    text = run_cli("drift", src, tgt, env={"COLUMNS": "1000"}).stdout
    reads: Counter[Read] = Counter()
    severity = None
    for line in text.splitlines():
        if rule := re.search(rf"─ (\S+) ({SEVERITY}) \(\d+\) ─", line):
            assert rule.group(1) == severity_mark(rule.group(2))
            severity = rule.group(2)
        elif m := re.match(rf"({SYMBOL}) ({KIND}) src (\S+) / tgt (\S+)  ", line):
            reads[(m.group(1), m.group(2), severity, numbers(m.group(3)),
                   numbers(m.group(4)))] += 1
    assert reads == expected(findings)
    # settings last: the first line is the pair, the last the signature
    assert text.splitlines()[0].startswith("001_2a5f93ececeb6b44 (en) → 000_32dd3ef0bea08233")
    assert text.rstrip().splitlines()[-1].startswith("signature: ")


def test_align_text_numbers_sentences_from_one() -> None:
    src, tgt = SEEDS / "001_2a5f93ececeb6b44.md", SEEDS / "000_32dd3ef0bea08233.md"
    doc = json.loads(run_cli("align", src, tgt, "--format", "json").stdout)
    text = run_cli("align", src, tgt, env={"COLUMNS": "200"}).stdout
    cells = [re.match(r"│\s*([\d,–]*)\s*│.*?│\s*([\d,–]*)\s*│", line)
             for line in text.splitlines()]
    read = [(numbers(c.group(1)), numbers(c.group(2))) for c in cells
            if c and (c.group(1) or c.group(2))]
    links = [(tuple(i + 1 for i in link["src"]), tuple(j + 1 for j in link["tgt"]))
             for link in doc["links"]]
    assert read == links


def test_the_tui_marks_findings_from_the_same_table(shown) -> None:
    # Read from tui/ without running the app: the findings panel writes its text through
    # _show, and the help screen lists the kinds from the shared table.
    import inspect

    from tui.components.findings_panel import FindingsPanel
    from tui.screens import help as help_screen

    panel = FindingsPanel()
    written: list[str] = []
    panel._show = lambda text: written.append(text.plain)  # type: ignore[method-assign]
    panel.show(shown, "relay 2")
    lines = written[0].splitlines()[1:]
    assert len(lines) == len(shown)
    for line, f in zip(lines, shown, strict=True):
        mark, severity, symbol, kind = line.split()[:4]
        assert (mark, severity, symbol, kind) == (severity_mark(f.severity), f.severity,
                                                  kind_symbol(f.kind), f.kind)
    source = inspect.getsource(help_screen)
    assert "KINDS.values()" in source and "SEVERITY_LEVELS.values()" in source
    for k in KINDS.values():  # no surface of the TUI keeps a symbol table of its own
        assert f'"{k.symbol}"' not in source
