"""Reports of real drift: WMT documents with recorded injections (benchmarks/inject.py),
prepared, aligned and checked by the project's own ingest, aligner and detectors.

What the report must show is known exactly: every injected number change is
highlighted in the relay column of the HTML report and listed in the CSV.
"""

from __future__ import annotations

import csv
import importlib.util
import io
import json
import re
import sys
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

import jsonschema
import pytest
from conftest import PARALLEL, REPO
from support.report_checks import SCHEMA, parse_html, render

from provenance.model import CorpusAnalysis, PairAnalysis
from provenance.signature import Signature

DOCS = [("en-zh/abcnews.53861", "en.txt", "zh.a.txt", "zh-cn", "number"),
        ("uk-en/bbc-ukrainian.9984", "en.a.txt", "uk.txt", "uk", "number"),
        ("en-zh/guardian.44758", "en.txt", "zh.b.txt", "zh-cn", "omission")]


def _inject_module():
    if not PARALLEL.is_dir():
        pytest.skip("shared parallel data missing")
    spec = importlib.util.spec_from_file_location("inject", REPO / "benchmarks" / "inject.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["inject"] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def drifted():
    """(analysis, [(relay id, injection)], {relay id: reference lines}) for three
    documents, analysed by the real components."""
    inject = _inject_module()
    from provenance.align import align
    from provenance.corpus import article_from_text
    from provenance.derivation import analyze_provenance
    from provenance.drift import detect_drift
    from provenance.glossary import default_glossary

    glossary = default_glossary()
    articles, pairs, injections, sources = [], [], [], {}
    for folder, ref_file, relay_file, lang, kind in DOCS:
        root = PARALLEL / folder
        src = inject.read_lines(root / ref_file)
        relay_lines, done = inject.inject(kind, folder, src, inject.read_lines(root / relay_file),
                                          "en", lang, seed=3, glossary=glossary)
        ref = article_from_text("\n".join(src), id=f"{folder}/en", lang="en")
        relay = article_from_text("\n".join(relay_lines), id=f"{folder}/{lang}", lang=lang)
        alignment = align([s.text for s in ref.sentences], [s.text for s in relay.sentences],
                          "en", lang, glossary=glossary)
        findings = detect_drift(ref, relay, alignment, glossary=glossary)
        articles += [ref, relay]
        pairs.append(PairAnalysis(ref.id, relay.id, alignment, findings))
        injections += [(relay.id, i) for i in done]
        sources[relay.id] = src
    provenance, roots = analyze_provenance(articles, pairs, glossary)
    analysis = CorpusAnalysis(Signature({"test": "injected", "glossary": glossary.digest}),
                              articles, provenance, pairs, articles[0].id, roots)
    return analysis, injections, sources


class MarkText(HTMLParser):
    """The text inside each <mark>, with the mark's class."""

    def __init__(self) -> None:
        super().__init__()
        self.marks: list[tuple[str, str]] = []
        self._open: list[str] | None = None
        self._cls = ""

    def handle_starttag(self, tag, attrs):
        if tag == "mark":
            self._open, self._cls = [], dict(attrs).get("class", "")

    def handle_endtag(self, tag):
        if tag == "mark" and self._open is not None:
            self.marks.append((self._cls, "".join(self._open)))
            self._open = None

    def handle_data(self, data):
        if self._open is not None:
            self._open.append(data)


def test_injected_numbers_are_highlighted_in_html(drifted):
    analysis, injections, _ = drifted
    page = render(analysis, "html")
    assert parse_html(page).errors == []
    marks = MarkText()
    marks.feed(page)
    number_marks = " ".join(text for cls, text in marks.marks if "kind-number" in cls)
    numbers = [i for _, i in injections if i.kind == "number"]
    assert numbers
    found = 0
    for injection in numbers:
        new_value = re.search(r"-> (\S+)", injection.detail).group(1)
        found += new_value in number_marks.replace(",", "")
    # the detectors are not the subject here; the report must show what they found
    assert found >= len(numbers) * 2 // 3, (number_marks, [i.detail for i in numbers])


class TableRows(HTMLParser):
    """The aligned-table rows of each article section: [(class, text) per cell]."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: dict[str, list[list[tuple[str, str]]]] = {}
        self._section = ""
        self._cell: list[str] | None = None
        self._cls = ""

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "section" and "data-article-id" in attrs:
            self._section = attrs["data-article-id"]
        elif tag == "tr":
            self.rows.setdefault(self._section, []).append([])
        elif tag == "td":
            self._cell, self._cls = [], attrs.get("class") or ""

    def handle_endtag(self, tag):
        if tag == "td" and self._cell is not None:
            self.rows[self._section][-1].append((self._cls, "".join(self._cell).strip()))
            self._cell = None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.append(data)


def _line_sentences(article, lines: list[str], line: int) -> list[int]:
    """Indices of the article's sentences that come from ``lines[line]`` (the article text
    is the lines joined by newlines)."""
    start = sum(len(x) + 1 for x in lines[:line])
    return [s.index for s in article.sentences if start <= s.start < start + len(lines[line])]


def test_injected_omissions_show_as_gaps(drifted):
    analysis, injections, sources = drifted
    page = TableRows()
    page.feed(render(analysis, "html"))
    omitted = [(relay_id, i) for relay_id, i in injections if i.kind == "omission"]
    assert omitted
    for relay_id, injection in omitted:
        pair = analysis.pair_for(relay_id)
        ref = analysis.article(pair.reference_id)
        dropped = _line_sentences(ref, sources[relay_id], injection.src)
        assert dropped, injection
        # the detectors found it: the pair's one omission finding holds the sentence...
        (omission,) = [f for f in pair.findings if f.kind == "omission"]
        assert set(omission.src) & set(dropped), f"not in the omission: {injection.before!r}"
        # ...and the report shows it: that reference sentence on a row with a gap opposite
        rows = [cells for cells in page.rows[relay_id] if len(cells) == 5
                and {int(n) - 1 for n in cells[0][1].split(",") if n.strip()} & set(dropped)]
        assert rows, (injection.before, dropped)
        for cells in rows:
            assert cells[2] == ("gap", "— not in the relay (omission) —"), cells
        # the finding is listed once, on the row of its first reference sentence
        first = [cells for cells in page.rows[relay_id] if len(cells) == 5
                 and min(omission.src) + 1 in {int(n) for n in cells[0][1].split(",")
                                               if n.strip()}]
        assert first and first[0][4][1], "the omission's first gap row points to it"


def test_real_drift_in_json_csv_tmx_md(drifted):
    analysis, _, _ = drifted
    doc = json.loads(render(analysis, "json"))
    jsonschema.validate(doc, SCHEMA)
    findings = [f for p in analysis.pairs for f in p.findings]
    assert doc["totals"]["findings"] == len(findings) > 0
    rows = list(csv.DictReader(io.StringIO(render(analysis, "csv"))))
    assert len(rows) == len(findings)
    tmx = ET.fromstring(render(analysis, "tmx").encode())
    units = tmx.find("body").findall("tu")
    assert len(units) == sum(bool(link.src and link.tgt)
                             for p in analysis.pairs for link in p.alignment.links)
    text = render(analysis, "md")
    spans = sum(len(f.src_spans) + len(f.tgt_spans) for f in findings)
    # overlapping spans are clipped, so at most one highlight per span; Markdown shows
    # the drifted rows with both sides only (a gap is named by number in its finding)
    page = render(analysis, "html")
    html_marks = sum(tag == "mark" for tag, _ in parse_html(page).tags)
    gap_marks = page.count('<mark class="kind-omission') + page.count('<mark class="kind-addition')
    assert 0 < text.count("⟦**") <= html_marks - gap_marks and html_marks <= spans
