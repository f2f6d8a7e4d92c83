"""The report's front page (stories, reference and why, the relay tree, top findings) and
the English beside foreign sentences, on hand-made analyses."""

from __future__ import annotations

import re

from support.analysis_factory import article_from_lines
from support.report_checks import parse_html, render

from provenance.model import (
    Alignment,
    ArticleProvenance,
    CorpusAnalysis,
    DerivationEdge,
    Finding,
    Link,
    PairAnalysis,
    ReferenceChoice,
)
from provenance.report.contents import anchor
from provenance.report.frontpage import SIBLINGS_SHOWN
from provenance.signature import Signature

RELAYS = 20
SEVERITY_OF = ["minor", "major", "critical"]


def _story() -> CorpusAnalysis:
    """A reference citing the WSJ, an intermediary relaying it, and 20 relays under the
    intermediary, one finding each of rising severity."""
    ref = article_from_lines("ref", ["Musk spoke with Putin twice.", "It was in 2022."], "en",
                             title="Musk and Putin talk")
    hub = article_from_lines("hub", ["Musk met Putin twice.", "It was in 2022."], "en",
                             outlet="Hub News")
    relays = [article_from_lines(f"r{n:02d}", ["Musk met Putin twice.", "It was in 2023."],
                                 "en", outlet=f"Relay {n:02d}") for n in range(RELAYS)]
    prov = {"ref": ArticleProvenance("ref", "original", 0.9, "en", derived_from=[
                DerivationEdge("The Wall Street Journal", "ref", 0.9, True)]),
            "hub": ArticleProvenance("hub", "re-report", 0.8, "en",
                                     derived_from=[DerivationEdge("ref", "hub", 0.9)])}
    pairs = []
    links = [Link((0,), (0,), 0.9), Link((1,), (1,), 0.9)]
    for n, relay in enumerate(relays):
        prov[relay.id] = ArticleProvenance(relay.id, "translation", 0.9, "ko",
                                           derived_from=[DerivationEdge("hub", relay.id, 0.8)],
                                           origin_article="hub")
        severity = SEVERITY_OF[n % 3]
        pairs.append(PairAnalysis("ref", relay.id, Alignment("en", "en", "monotonic", links), [
            Finding("date", severity, (1,), (1,), f"year {n} changed",
                    src_spans=[(1, 10, 14)], tgt_spans=[(1, 10, 14)])]))
    choice = ReferenceChoice(0, "ref", "cited original", ["its text is the WSJ's"], "hub",
                             ["states most claims"])
    return CorpusAnalysis(Signature(), [ref, hub, *relays], prov, pairs, "ref",
                          ["The Wall Street Journal"], references=[choice])


def test_the_front_page_answers_in_order_and_folds_the_tree() -> None:
    page = render(_story(), "html")
    assert parse_html(page).errors == []
    order = [page.index(s) for s in ('id="story-1"', "Original:", '<ul class="tree">',
                                     'id="top-findings"', 'id="articles"', 'id="comparisons"',
                                     'id="settings"')]
    assert order == sorted(order)  # story, original and why, tree, findings; settings last
    assert "its text is the WSJ&#x27;s" in page and "Runner-up: Hub News" in page
    tree = page[page.index('<ul class="tree">'):page.index('id="top-findings"')]
    # every article once: the reference under the WSJ, the hub under it, the relays under
    # the hub, those past the first few behind "+N more"
    assert all(tree.count(f'href="#{anchor(i)}"') == 1
               for i in ["ref", "hub", *(f"r{n:02d}" for n in range(RELAYS))])
    assert f"+{RELAYS - SIBLINGS_SHOWN} more ({RELAYS - SIBLINGS_SHOWN} articles)" in tree
    assert "translation from ko of hub" in tree
    # the most drifted relays are the ones shown
    shown = tree[:tree.index("+14 more")]
    assert shown.count("sev-critical") == SIBLINGS_SHOWN


def test_top_findings_go_critical_then_major_and_link_to_their_place() -> None:
    page = render(_story(), "html")
    top = page[page.index('id="top-findings"'):page.index('id="articles"')]
    severities = re.findall(r'<span class="sev sev-(\w+)">', top)
    assert severities == sorted(severities, key=SEVERITY_OF.index, reverse=True)
    assert "minor" not in severities  # enough critical and major to fill the list
    ids = set(re.findall(r' id="([^"]+)"', page))
    targets = re.findall(r'<li title="[^"]*"><a href="#([^"]+)">', top)
    assert targets and set(targets) <= ids


def test_markdown_has_the_same_front_page_in_text() -> None:
    text = render(_story(), "md")
    assert text.index("## Story 1: Musk and Putin talk") < text.index("**Original:**") \
        < text.index("Who relayed whom:") < text.index("## Most serious findings") \
        < text.index("## Articles")
    assert f"- +{RELAYS - SIBLINGS_SHOWN} more" in text
    assert re.search(r"^1\. \*\*✖ critical\*\* ◷ date · Relay \d\d #1: year", text, re.M)
    assert text.rstrip().splitlines()[-1].startswith("provenance ")  # settings last
    assert "minor 1, major 5, critical 25" in text.splitlines()[-1]


def test_a_foreign_relay_reads_with_its_english_and_matched_words() -> None:
    ref = article_from_lines("ref", ["Maria Zakharova said Musk had spoken to Putin."], "en")
    relay = article_from_lines("relay", ["Марія Захарова заявила, що Маск говорив з Путіним."],
                               "uk")
    pair = PairAnalysis("ref", "relay", Alignment("en", "uk", "monotonic",
                                                  [Link((0,), (0,), 0.9)]), [])
    analysis = CorpusAnalysis(Signature({"translator": "gloss"}), [ref, relay], {}, [pair],
                              "ref")
    page = render(analysis, "html")
    row = page[page.index('<table class="aligned">'):page.index("</table>", page.index(
        '<table class="aligned">'))]
    assert '<div class="en" lang="en"><span class="via">gloss</span>' in row
    words = re.findall(r'<span class="w" data-n="(\d+)" title="= ([^"]+)">([^<]+)</span>', row)
    pairs = {}
    for n, other, text in words:
        pairs.setdefault(n, []).append((text, other))
    # each matched word is marked on both sides under one number, naming its counterpart
    assert any(len(v) == 2 for v in pairs.values())
    assert any(text == "Захарова" for v in pairs.values() for text, _ in v)
    markdown = render(analysis, "md")
    assert "<br>*en:" not in markdown  # no drift, no row: Markdown shows drifted rows only
