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
    try:
        import provenance.align  # noqa: F401
        import provenance.drift  # noqa: F401
    except ImportError as exc:
        pytest.skip(f"aligner or detectors missing: {exc}")
    if not PARALLEL.is_dir():
        pytest.skip("shared parallel data missing")
    spec = importlib.util.spec_from_file_location("inject", REPO / "benchmarks" / "inject.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["inject"] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def drifted():
    """(analysis, injections) for three documents, analysed by the real components."""
    inject = _inject_module()
    from provenance.align import align
    from provenance.corpus import article_from_text
    from provenance.drift import detect_drift
    from provenance.glossary import default_glossary

    glossary = default_glossary()
    articles, pairs, injections = [], [], []
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
    provenance = {}
    try:
        from provenance.derivation import analyze_provenance

        provenance, roots = analyze_provenance(articles, pairs, glossary)
    except ImportError:
        roots = []
    analysis = CorpusAnalysis(Signature({"test": "injected", "glossary": glossary.digest}),
                              articles, provenance, pairs, articles[0].id, roots)
    return analysis, injections


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
    analysis, injections = drifted
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


def test_omissions_show_as_gaps(drifted):
    analysis, injections = drifted
    page = render(analysis, "html")
    omitted = [i for _, i in injections if i.kind == "omission"]
    assert omitted
    gaps = page.count("not in the relay (omission)")
    assert gaps >= len(omitted)


def test_real_drift_in_json_csv_tmx_md(drifted):
    analysis, _ = drifted
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
    # overlapping spans are clipped, so at most one highlight per span; HTML and
    # Markdown cut the text the same way
    html_marks = sum(tag == "mark" for tag, _ in parse_html(render(analysis, "html")).tags)
    assert 0 < text.count("⟦**") == html_marks <= spans
