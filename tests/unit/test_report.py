"""The JSON and HTML reports: schema, structure and escaping, on hand-made analyses of
hostile text (the 1,000-article corpus is in tests/realdata/test_report_1000.py).
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import jsonschema
import pytest
from support.analysis_factory import article_from_lines
from support.report_checks import (
    HOSTILE,
    SCHEMA,
    hostile_analysis,
    parse_html,
    render,
)

from provenance.errors import BadInput
from provenance.model import (
    CorpusAnalysis,
)
from provenance.report import format_from_path, write_report
from provenance.report.contents import build_contents, highlight_segments
from provenance.signature import Signature

# --- JSON -----------------------------------------------------------------------------


def test_json_hostile_text_round_trips_verbatim():
    doc = json.loads(render(hostile_analysis(), "json"))
    jsonschema.validate(doc, SCHEMA)
    assert doc["pairs"][0]["rows"][0]["src_text"] == HOSTILE[0]


def test_schema_rejects_a_report_without_signature():
    from provenance.report.jsonreport import SCHEMA_VERSION, load_schema

    assert load_schema() == SCHEMA
    assert SCHEMA["$id"].endswith(SCHEMA_VERSION)
    doc = json.loads(render(hostile_analysis(), "json"))
    del doc["signature"]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(doc, SCHEMA)


def test_analyze_json_lists_each_article_as_the_report_does():
    from provenance.report.jsonreport import analysis_json

    analysis = hostile_analysis()
    summary = analysis_json(analysis)
    report = json.loads(render(analysis, "json"))
    assert summary["articles"] == report["articles"]  # one shape for an article
    article_schema = {"$schema": SCHEMA["$schema"], "$defs": SCHEMA["$defs"],
                      "$ref": "#/$defs/article"}
    for article in summary["articles"]:
        jsonschema.validate(article, article_schema)
    relay = summary["articles"][1]
    assert relay["finding_count"] == 3 and relay["origin_confidence"] == 0.7
    assert relay["origin_article"] == analysis.reference_id  # "a translation of <ref>"
    assert summary["articles"][0]["origin_article"] is None
    assert relay["drift_by_kind"]["number"] == {"count": 1, "score": 25}  # critical
    assert summary["graph"]["nodes"][:2] == [a.id for a in analysis.articles]
    # below the report's floor a finding is still counted by analyze, which has no floor
    assert json.loads(render(analysis, "json", min_severity="major"))["articles"][1][
        "finding_count"] == 2


# --- HTML -----------------------------------------------------------------------------


def test_html_hostile_article_injects_nothing():
    analysis = hostile_analysis()
    page = render(analysis, "html")
    parsed = parse_html(page)
    assert parsed.errors == [] and parsed.stack == []
    tags = {tag for tag, _ in parsed.tags}
    assert not tags & {"script", "img", "iframe", "textarea", "b"}
    assert sum(tag == "style" for tag, _ in parsed.tags) == 1  # only the report's own CSS
    for _tag, attrs in parsed.tags:
        assert not any(name.startswith("on") for name in attrs)
        assert not (attrs.get("href") or "").lower().startswith("javascript:")
    text = "".join(parsed.text)
    # the hostile text is shown to the reader, as text
    assert '<script>alert("x")</script>' in text
    assert "</textarea><script>bad()</script>" in text
    assert '<b onmouseover="x()">Evil</b>' in text


def test_html_highlights_the_drifted_span_with_kind_and_symbol():
    page = render(hostile_analysis(), "html")
    parsed = parse_html(page)
    marks = [attrs for tag, attrs in parsed.tags if tag == "mark"]
    classes = sorted(m["class"].split()[0] for m in marks)
    assert classes == ["kind-addition", "kind-number", "kind-number", "kind-omission"]
    assert '<span class="sym" aria-hidden="true">#</span>59<sup>' in page
    assert "@media print" in page


def test_min_severity_hides_lower_findings_everywhere():
    page = render(hostile_analysis(), "html", min_severity="critical")
    parsed = parse_html(page)
    kinds = {attrs["class"].split()[0] for tag, attrs in parsed.tags if tag == "mark"}
    assert kinds == {"kind-number"}
    assert "Minimum severity</dt><dd>critical" in page


# --- shared pieces --------------------------------------------------------------------

def test_highlight_segments_clip_overlaps_and_keep_every_character():
    a, b = object(), object()
    pieces = highlight_segments("0123456789", [(2, 6, a), (4, 8, b), (20, 30, a)])
    assert "".join(p for p, _ in pieces) == "0123456789"
    assert [(p, m) for p, m in pieces if m] == [("2345", a), ("67", b)]


def test_format_from_path_and_errors(tmp_path: Path):
    assert format_from_path("x/report.HTM") == "html"
    assert format_from_path("r.markdown") == "md"
    with pytest.raises(BadInput):
        format_from_path("report.docx")
    with pytest.raises(BadInput):
        write_report(hostile_analysis(), io.StringIO())  # no name, no format
    with pytest.raises(BadInput):
        write_report(hostile_analysis(), tmp_path / "r.json", min_severity="severe")
    assert not (tmp_path / "r.json").exists()


def test_pair_naming_an_unknown_article_is_bad_input():
    analysis = hostile_analysis()
    analysis.pairs[0].relay_id = "missing"
    with pytest.raises(BadInput, match="missing"):
        build_contents(analysis)


def test_write_report_to_a_path_infers_the_format(tmp_path: Path):
    out = tmp_path / "story.json"
    assert write_report(hostile_analysis(), out) == "json"
    jsonschema.validate(json.loads(out.read_text("utf-8")), SCHEMA)


def test_the_chart_is_well_formed_xml_and_the_relay_tree_escapes_labels():
    import re
    import xml.etree.ElementTree as ET

    page = render(hostile_analysis(), "html")
    svgs = re.findall(r"<svg.*?</svg>", page, re.S)
    assert len(svgs) == 1  # the drift chart; who relays whom is a list, not a drawing
    root = ET.fromstring(svgs[0])  # a stray < or & from a label would raise here
    assert not list(root.iter("{http://www.w3.org/2000/svg}script"))
    tree = page[page.index('<ul class="tree">'):]
    tree = tree[:tree.index("</section>")]
    assert "Relay &lt;svg onload=alert(1)&gt;" in tree and "<svg" not in tree
    assert "<script>" not in tree


@pytest.mark.parametrize("fmt", ["html", "md", "json", "csv", "tmx"])
def test_a_corpus_with_nothing_compared_still_reports(fmt):
    lone = article_from_lines("lone", ["Hello."], "en")
    analysis = CorpusAnalysis(Signature({"t": "lone"}), [lone], {}, [], None, [])
    text = render(analysis, fmt)
    if fmt == "csv":  # one row per finding: the header alone (signatures ride on rows)
        assert text.strip().startswith("article,reference") and len(text.splitlines()) == 1
        return
    assert "t:lone" in text.replace("\\|", "|")
    if fmt == "json":
        jsonschema.validate(json.loads(text), SCHEMA)
    if fmt == "html":
        page = parse_html(text)
        assert page.errors == [] and "Not compared" in text


@pytest.mark.parametrize("fmt", ["json", "md", "html"])
def test_every_article_says_how_well_its_language_is_read(fmt):
    articles = [article_from_lines("it1", ["Secondo Bloomberg, il piano è pronto."], "it"),
                article_from_lines("en1", ["According to Bloomberg, the plan is ready."], "en"),
                article_from_lines("he1", ["לפי בלומברג, התוכנית מוכנה."], "he")]
    analysis = CorpusAnalysis(Signature({"t": "tiers"}), articles, {}, [], None, [])
    text = render(analysis, fmt)
    if fmt == "json":
        doc = json.loads(text)
        jsonschema.validate(doc, SCHEMA)
        by_id = {a["id"]: a for a in doc["articles"]}
        assert [by_id[i]["support"] for i in ("it1", "en1", "he1")] == ["basic", "full", "none"]
        assert by_id["en1"]["support_omits"] == [] and by_id["it1"]["support_omits"]
        return
    assert text.count("Language support:") == 2
    assert "Italian: basic support" in text and "Hebrew: not supported" in text
