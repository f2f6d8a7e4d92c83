"""Markdown, CSV and TMX reports, plus every format on the seeds.

The seeds analysis here is test data built from real parts: the seed articles as
``load_corpus`` prepares them, compared by a hand-made alignment (sentence i with
sentence i) and number findings wherever linked sentences carry different figures.
"""

from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ET

import jsonschema
import pytest
from conftest import SEEDS
from markdown_it import MarkdownIt
from support.report_checks import (
    HOSTILE,
    SCHEMA,
    hostile_analysis,
    parse_html,
    render,
)

from provenance.model import (
    Alignment,
    ArticleProvenance,
    Attribution,
    CorpusAnalysis,
    DerivationEdge,
    Finding,
    Link,
    PairAnalysis,
)
from provenance.report.csvreport import COLUMNS
from provenance.report.tmx import tmx_lang
from provenance.signature import Signature

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
FIGURE = re.compile(r"\d[\d,.]*")


def seeds_analysis() -> CorpusAnalysis:
    from provenance.corpus import load_corpus

    articles = load_corpus([SEEDS])
    ref, relays = articles[0], articles[1:]
    pairs, prov = [], {ref.id: ArticleProvenance(ref.id, "original", 0.6)}
    for relay in relays:
        n = min(len(ref.sentences), len(relay.sentences))
        links = [Link((i,), (i,), 0.5) for i in range(n)]
        links += [Link((i,), (), 0.0) for i in range(n, len(ref.sentences))]
        links += [Link((), (j,), 0.0) for j in range(n, len(relay.sentences))]
        findings = []
        for i in range(n):
            src, tgt = ref.sentences[i].text, relay.sentences[i].text
            a, b = FIGURE.search(src), FIGURE.search(tgt)
            if a and b and a.group() != b.group():
                findings.append(Finding("number", "major", (i,), (i,),
                                        f"{a.group()} became {b.group()}",
                                        src_spans=[(i, a.start(), a.end())],
                                        tgt_spans=[(i, b.start(), b.end())]))
        findings += [Finding("omission", "minor", (i,), (), "not relayed")
                     for i in range(n, len(ref.sentences))]
        pairs.append(PairAnalysis(ref.id, relay.id, Alignment("en", "en", "monotonic", links),
                                  findings))
        prov[relay.id] = ArticleProvenance(
            relay.id, "re-report", 0.5,
            attributions=[Attribution("The Wall Street Journal", "outlet", "according to", 0, 0,
                                      5)],
            derived_from=[DerivationEdge("The Wall Street Journal", relay.id, 0.7, True)])
    return CorpusAnalysis(Signature({"test": "seeds"}), articles, prov, pairs, ref.id,
                          ["The Wall Street Journal"])


@pytest.fixture(scope="module")
def seeds() -> CorpusAnalysis:
    return seeds_analysis()


def markdown_html(text: str) -> str:
    return MarkdownIt("commonmark").enable("table").enable("strikethrough").render(text)


# --- Markdown -------------------------------------------------------------------------

def test_markdown_renders_tables_with_every_article_and_highlight(seeds):
    text = render(seeds, "md")
    assert str(seeds.signature) in text.replace("\\|", "|")
    page = parse_html(markdown_html(text))
    assert page.errors == []
    rendered = "".join(page.text)
    for article in seeds.articles:
        assert article.id in rendered.replace("\\", "")
    findings = [f for p in seeds.pairs for f in p.findings if f.tgt_spans]
    strong = sum(tag == "strong" for tag, _ in page.tags)
    # every span of every number finding is emphasised, on both sides
    assert strong >= 2 * len(findings) > 0
    # one table row per drifted link with both sides (gaps are named in their finding,
    # rows without drift left out), plus the header rows and the other tables
    from provenance.report.contents import build_contents

    drifted = sum(1 for p in build_contents(seeds).pairs for row in p.rows()
                  if row.findings and row.src and row.tgt)
    rows = sum(tag == "tr" for tag, _ in page.tags)
    assert drifted > 0 and rows > drifted
    assert rows < sum(len(p.alignment.links) for p in seeds.pairs)


def test_markdown_hostile_text_stays_text():
    text = render(hostile_analysis(), "md")
    page = parse_html(markdown_html(text))
    tags = {tag for tag, _ in page.tags}
    assert not tags & {"script", "img", "iframe", "textarea", "style", "b", "svg"}
    rendered = "".join(page.text)
    assert '<script>alert("x")</script>' in rendered
    # the markup in the article text did not break the table: of 4 links, the one with
    # both sides and drift is a row of 5 cells (the gaps are named in their findings)
    comparison = parse_html(markdown_html(text.split("## Sentence by sentence")[1]))
    assert sum(tag == "tr" for tag, _ in comparison.tags) == 1 + 1
    assert sum(tag == "td" for tag, _ in comparison.tags) == 1 * 5
    # the pipes of a table cell's text stay inside their cell
    articles = parse_html(markdown_html(text.split("## Articles")[1].split("\n## ")[0]))
    assert sum(tag == "td" for tag, _ in articles.tags) == 2 * 8


def test_markdown_1000_articles(corpus_1000):  # noqa: F811
    text = render(corpus_1000, "md", min_severity="major")
    assert text.count("\n### ") == 1000
    assert "⟦**?" not in text  # certainty findings are minor: hidden at major


# --- CSV ------------------------------------------------------------------------------

def test_csv_has_one_row_per_finding(corpus_1000):  # noqa: F811
    rows = list(csv.DictReader(io.StringIO(render(corpus_1000, "csv"))))
    findings = [f for p in corpus_1000.pairs for f in p.findings]
    assert len(rows) == len(findings)
    assert list(rows[0]) == COLUMNS
    assert {r["signature"] for r in rows} == {str(corpus_1000.signature)}
    number = next(r for r in rows if r["kind"] == "number")
    relay = corpus_1000.article(number["article"])
    # sentence numbers as a person reads them: 1-based
    assert number["target_sentence"] == relay.sentences[int(number["target_index"]) - 1].text
    major = list(csv.DictReader(io.StringIO(render(corpus_1000, "csv", min_severity="major"))))
    assert len(major) == sum(f.severity != "minor" for f in findings)
    assert {r["min_severity"] for r in major} == {"major"}


def test_csv_neutralises_spreadsheet_formulas():
    analysis = hostile_analysis()
    analysis.pairs[0].findings[0].message = '=HYPERLINK("http://evil","click")'
    rows = list(csv.DictReader(io.StringIO(render(analysis, "csv"))))
    assert rows[0]["message"] == "'=HYPERLINK(\"http://evil\",\"click\")"
    assert rows[0]["source_sentence"] == HOSTILE[0]


# --- TMX ------------------------------------------------------------------------------

def _tmx(analysis: CorpusAnalysis, **kw) -> ET.Element:
    return ET.fromstring(render(analysis, "tmx", **kw).encode("utf-8"))


def test_tmx_parses_back_to_the_aligned_pairs(corpus_1000):  # noqa: F811
    root = _tmx(corpus_1000)
    assert root.tag == "tmx" and root.get("version") == "1.4"
    header = root.find("header")
    props = {p.get("type"): p.text for p in header.findall("prop")}
    assert props["x-signature"] == str(corpus_1000.signature)
    units = root.find("body").findall("tu")
    both_sides = [(p, link) for p in corpus_1000.pairs for link in p.alignment.links
                  if link.src and link.tgt]
    assert len(units) == len(both_sides)
    pair, link = both_sides[0]
    first = units[0]
    langs = [tuv.get(XML_LANG) for tuv in first.findall("tuv")]
    assert langs == ["en", tmx_lang(corpus_1000.article(pair.relay_id).lang)]
    segs = [tuv.find("seg").text for tuv in first.findall("tuv")]
    ref, relay = corpus_1000.article(pair.reference_id), corpus_1000.article(pair.relay_id)
    assert segs == [ref.sentences[link.src[0]].text, relay.sentences[link.tgt[0]].text]
    drifted = [u for u in units if any(p.get("type") == "x-drift" for p in u.findall("prop"))]
    assert drifted  # the injected number drift is flagged on its unit


def test_tmx_survives_hostile_and_control_characters():
    analysis = hostile_analysis()
    analysis.articles[0].sentences[0].text += " \x00\x1b]]> </seg></tuv>"
    root = _tmx(analysis)
    segs = [s.text for s in root.iter("seg")]
    assert segs[0].endswith("]]> </seg></tuv>") and "\x00" not in segs[0]
    assert tmx_lang("zh-cn") == "zh-CN" and tmx_lang("zh-hant-tw") == "zh-Hant-TW"
    assert tmx_lang(None) == "und"


# --- every format on the seeds --------------------------------------------------------

@pytest.mark.parametrize("fmt", ["html", "md", "json", "csv", "tmx"])
def test_every_format_on_the_seeds(seeds, fmt, tmp_path):
    from provenance.report import write_report

    out = tmp_path / f"seeds.{fmt}"
    write_report(seeds, out)
    text = out.read_text("utf-8")
    if fmt == "json":
        doc = json.loads(text)
        jsonschema.validate(doc, SCHEMA)
        assert len(doc["articles"]) == 5
    elif fmt == "html":
        page = parse_html(text)
        assert page.errors == []
        assert {a["data-article-id"] for t, a in page.tags
                if t == "section" and "data-article-id" in a} == {a.id for a in seeds.articles}
    elif fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(text)))
        assert len(rows) == sum(len(p.findings) for p in seeds.pairs)
    elif fmt == "tmx":
        assert len(ET.fromstring(text.encode()).find("body").findall("tu")) > 0
    else:
        assert text.count("\n### ") == 5
    assert str(seeds.signature) in text.replace("\\|", "|")


def test_markdown_of_the_seeds_is_short_and_loses_no_finding(seeds):  # noqa: F811
    """Sized for reading: a third of the 62 KB it took when it quoted both whole sentences
    under every finding, and still every finding of the JSON, kind and severity."""
    text = render(seeds, "md")
    assert len(text.encode("utf-8")) < 62_542 / 3
    doc = json.loads(render(seeds, "json"))
    want = sorted((f["kind"], f["severity"]) for p in doc["pairs"] for f in p["findings"])
    got = sorted(re.findall(r"^\d+\. \*\*\S+ (minor|major|critical)\*\* \S+ (\w+) \(",
                            text.replace("\\", ""), re.M))
    assert [(k, s) for s, k in got] == want
