"""Checks shared by the report tests: the JSON schema, an HTML well-formedness parser,
an analysis whose every text field is hostile markup, and the gold-drift generator."""

from __future__ import annotations

import importlib.util
import io
import json
import sys
from html.parser import HTMLParser

import pytest
from conftest import PARALLEL, REPO

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
from provenance.report import write_report
from provenance.signature import Signature
from support.analysis_factory import article_from_lines

SCHEMA = json.loads((REPO / "provenance" / "schemas" / "report.schema.json").read_text())


def load_generator():
    """benchmarks/report_scale.py, which builds gold-drift corpora from the parallel data."""
    if not PARALLEL.is_dir():
        pytest.skip(f"shared data not found at {PARALLEL}")
    spec = importlib.util.spec_from_file_location("report_scale",
                                                  REPO / "benchmarks" / "report_scale.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["report_scale"] = module  # dataclasses look their module up while building
    spec.loader.exec_module(module)
    return module


HOSTILE = [
    '<script>alert("x")</script> The rocket cost $5.9 billion.',
    'Officials said "><img src=x onerror=alert(1)> nothing </textarea><script>bad()</script>.',
    "<!-- comment --> <style>body{display:none}</style> ]]> &amp; a | b <iframe src=evil>",
]


def hostile_analysis() -> CorpusAnalysis:
    """Two articles whose every text field tries to inject markup or script."""
    ref = article_from_lines('ref"><script>alert(1)</script>', HOSTILE, "en",
                             title="<script>title()</script>",
                             outlet='<b onmouseover="x()">Evil</b>', url="javascript:alert(1)")
    relay_lines = [HOSTILE[0].replace("5.9", "59"), HOSTILE[2], "<script>added()</script>"]
    relay = article_from_lines("relay</textarea><script>", relay_lines, "zh-cn",
                               outlet="Relay <svg onload=alert(1)>")
    num = relay_lines[0].index("59")
    findings = [
        Finding("number", "critical", (0,), (0,), "<script>msg()</script> 5.9 became 59",
                src_spans=[(0, HOSTILE[0].index("5.9"), HOSTILE[0].index("5.9") + 3)],
                tgt_spans=[(0, num, num + 2)], evidence={"<script>": "</script>"}),
        Finding("omission", "major", (1,), (), "dropped", src_spans=[(1, 0, 20)]),
        Finding("addition", "minor", (), (2,), "added", tgt_spans=[(2, 0, 8)]),
    ]
    links = [Link((0,), (0,), 0.9), Link((1,), (), 0.0), Link((2,), (1,), 0.8),
             Link((), (2,), 0.0)]
    pair = PairAnalysis(ref.id, relay.id, Alignment("en", "zh-cn", "monotonic", links), findings)
    prov = {
        ref.id: ArticleProvenance(ref.id, "original", 0.9),
        relay.id: ArticleProvenance(
            relay.id, "translation", 0.7,
            attributions=[Attribution("<script>src()</script>", "outlet", "据", 0, 0, 1)],
            derived_from=[DerivationEdge(ref.id, relay.id, 0.8),
                          DerivationEdge("<script>ext()</script>", relay.id, 0.5, True)],
            origin_article=ref.id),
    }
    return CorpusAnalysis(Signature({"t": "<script>"}), [ref, relay], prov, [pair], ref.id,
                          ["<script>root()</script>"])


class TagChecker(HTMLParser):
    """Collects tags and attributes and checks that every element is closed in order."""

    VOID = {"meta", "link", "br", "hr", "img", "input", "col", "wbr", "source", "area",
            "base", "embed", "track", "path", "rect", "circle", "line", "polyline"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.errors: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_endtag(self, tag):
        if tag in self.VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes <{self.stack[-1] if self.stack else None}>")
        else:
            self.stack.pop()

    def handle_data(self, data):
        self.text.append(data)


def parse_html(text: str) -> TagChecker:
    checker = TagChecker()
    checker.feed(text)
    checker.close()
    return checker


def render(analysis: CorpusAnalysis, fmt: str, **kw) -> str:
    out = io.StringIO()
    write_report(analysis, out, fmt, **kw)
    return out.getvalue()
