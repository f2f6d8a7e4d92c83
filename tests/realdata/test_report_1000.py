"""The JSON and HTML reports of a 1,000-article corpus built from the parallel news
documents with gold drift (``benchmarks/report_scale.py``): schema, rows, highlights,
drawings. Markdown, CSV and TMX at that scale are in test_report_formats.py."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET

import jsonschema
from support.report_checks import SCHEMA, parse_html, render


def test_json_report_validates_and_carries_signature_and_settings(corpus_1000):
    doc = json.loads(render(corpus_1000, "json", min_severity="major"))
    jsonschema.validate(doc, SCHEMA)
    assert doc["signature"] == str(corpus_1000.signature)
    assert doc["report"] == {"min_severity": "major"}
    assert len(doc["articles"]) == 1000
    assert {a["id"] for a in doc["articles"]} == {a.id for a in corpus_1000.articles}
    shown = [f for p in corpus_1000.pairs for f in p.findings if f.severity != "minor"]
    assert doc["totals"]["findings"] == len(shown) == sum(len(p["findings"]) for p in doc["pairs"])
    assert all(f["severity"] != "minor" for p in doc["pairs"] for f in p["findings"])


def test_json_rows_and_finding_texts_come_from_the_articles(corpus_1000):
    doc = json.loads(render(corpus_1000, "json"))
    pair = doc["pairs"][0]
    relay = corpus_1000.article(pair["relay_id"])
    number = next(f for f in pair["findings"] if f["kind"] == "number")
    sent, start, end = number["tgt_spans"][0]
    assert number["tgt_text"] == relay.sentences[sent].text
    assert relay.sentences[sent].text[start:end].endswith("0")
    omission_rows = [r for r in pair["rows"] if not r["tgt"]]
    assert omission_rows and all(r["tgt_text"] == "" for r in omission_rows)
    numbers = {n for r in pair["rows"] for n in r["findings"]}
    assert numbers == {f["number"] for f in pair["findings"]}


def test_html_is_well_formed_and_lists_every_article_with_its_drawings(corpus_1000):
    page = render(corpus_1000, "html")
    parsed = parse_html(page)
    assert parsed.errors == [] and parsed.stack == []
    sections = {attrs["data-article-id"] for tag, attrs in parsed.tags
                if tag == "section" and "data-article-id" in attrs}
    rows = {attrs["data-article-id"] for tag, attrs in parsed.tags
            if tag == "tr" and "data-article-id" in attrs}
    ids = {a.id for a in corpus_1000.articles}
    assert sections == ids and rows == ids
    assert str(corpus_1000.signature) in page
    assert sum(tag == "svg" for tag, _ in parsed.tags) == 1  # the drift chart
    marks = [attrs for tag, attrs in parsed.tags if tag == "mark"]
    spans = sum(len(f.src_spans) + len(f.tgt_spans) for p in corpus_1000.pairs for f in p.findings)
    assert len(marks) == spans
    assert not any(tag == "script" for tag, _ in parsed.tags)
    # self-contained: nothing is fetched
    assert not any(attrs.get("src") for _, attrs in parsed.tags)
    assert not any(tag == "link" for tag, _ in parsed.tags)
    # the drawing is well-formed XML without script
    svgs = re.findall(r"<svg.*?</svg>", page, re.S)
    assert len(svgs) == 1
    for svg in svgs:
        assert not list(ET.fromstring(svg).iter("{http://www.w3.org/2000/svg}script"))
