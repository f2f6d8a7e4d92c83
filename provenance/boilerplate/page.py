"""Page chrome of an HTML page: navigation, header, footer, share bars, related links,
comments, and blocks made mostly of links.

Landmark elements (``<nav>``, ``<footer>``, ``role="navigation"``...), class and id names
(``share``, ``related``, ``breadcrumb``...) and link density (a block whose text is mostly
link text, such as a menu or a list of other stories) mark chrome; the extractor's text
loses the lines that come from it.
"""

from __future__ import annotations

import re
from typing import Any

from provenance.boilerplate.reasons import (
    COMMENTS,
    FOOTER,
    NAVIGATION,
    PAGE_HEADER,
    RELATED_LINKS,
    SHARE_WIDGET,
)
from provenance.model import BoilerplateBlock

_I = re.IGNORECASE

# class/id fragments that mark page chrome, and the reason they stand for (first wins).
_CHROME_CLASSES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"share|social|sharing|print-?button|newsletter|subscribe", _I), SHARE_WIDGET),
    (re.compile(r"related|recommend|more-?(?:stories|news|articles)|popular|trending|"
                r"most-?read|read-?more|also-?read|outbrain|taboola", _I), RELATED_LINKS),
    (re.compile(r"comment", _I), COMMENTS),
    (re.compile(r"\bnav|menu|breadcrumb|masthead|topbar|sidebar|\b[gls]nb\b", _I), NAVIGATION),
    (re.compile(r"footer|copyright|colophon", _I), FOOTER),
)
_CHROME_TAGS = {"nav": NAVIGATION, "header": PAGE_HEADER, "footer": FOOTER,
                "aside": RELATED_LINKS, "menu": NAVIGATION}
_ROLES = {"navigation": NAVIGATION, "banner": PAGE_HEADER, "contentinfo": FOOTER,
          "complementary": RELATED_LINKS}
_BLOCK_TAGS = frozenset([
    "p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "br", "tr", "td", "th",
    "section", "article", "header", "footer", "nav", "aside", "a", "span", "button", "dt",
    "dd", "figcaption"])
#: A list or block with at least this many links, most of its text inside them, is a menu
#: or a list of other stories.
_MIN_LINKS = 3
_LINK_DENSITY = 0.7
_LINK_BLOCKS = frozenset(["ul", "ol", "div", "section", "p", "table", "dl"])
_SKIP_TAGS = frozenset(["script", "style", "noscript", "template", "svg", "form", "select"])


def split_page_chrome(html: str, main_text: str = "") -> tuple[str, list[BoilerplateBlock]]:
    """(main text without chrome lines, chrome blocks) for an HTML page.

    Chrome is the text of the page's navigation, header, related links, share bars,
    comments and footer, one block per element. Lines of ``main_text`` (the extractor's
    idea of the article) that come from chrome are moved out of it, unless the "chrome"
    element holds most of the article (a wrapper with an unlucky class name).
    """
    import lxml.html

    html = re.sub(r"^\s*<\?xml[^>]*\?>", "", html)
    try:
        root = lxml.html.fromstring(html)
    except Exception:  # lxml raises several types on junk; a page without chrome is fine
        return main_text, []
    main_lines = [" ".join(line.split()) for line in main_text.split("\n")]
    main_chars = sum(len(line) for line in main_lines) or 1
    drop: set[str] = set()
    blocks: list[BoilerplateBlock] = []
    for el in root.iter():
        if not isinstance(el.tag, str) or el.tag in _SKIP_TAGS:
            continue
        reason = _chrome_reason(el)
        if reason is None or any(_chrome_reason(a) for a in el.iterancestors()):
            continue
        lines = _element_lines(el)
        shared = set(lines) & set(main_lines)
        if sum(len(line) for line in shared) > main_chars / 2:
            continue
        drop |= shared
        if lines:
            blocks.append(BoilerplateBlock("\n".join(lines), reason))
    kept = [raw for raw, line in zip(main_text.split("\n"), main_lines, strict=True)
            if line not in drop]
    return "\n".join(kept), blocks


def _chrome_reason(el: Any) -> str | None:
    if not isinstance(el.tag, str):
        return None
    if el.tag in ("html", "body", "article", "main"):
        return None
    if el.tag in _CHROME_TAGS:
        return _CHROME_TAGS[el.tag]
    role = _ROLES.get(el.get("role", ""))
    if role:
        return role
    marker = f"{el.get('class', '')} {el.get('id', '')}"
    if marker.strip():
        for pattern, reason in _CHROME_CLASSES:
            if pattern.search(marker):
                return reason
    if el.tag in _LINK_BLOCKS and _link_dense(el):
        return NAVIGATION
    return None


def _link_dense(el: Any) -> bool:
    """Most of the element's text is link text, over several links: a menu or a list of
    other stories, not a paragraph that links a word or two."""
    links = [a for a in el.iter("a")]
    if len(links) < _MIN_LINKS:
        return False
    total = len(" ".join(el.text_content().split()))
    if not total:
        return False
    linked = sum(len(" ".join(a.text_content().split())) for a in links)
    return linked >= _LINK_DENSITY * total


def _element_lines(el: Any) -> list[str]:
    """Visible text of an element, one line per block-level child or link."""
    parts: list[str] = []

    def walk(node: Any) -> None:
        if not isinstance(node.tag, str) or node.tag in _SKIP_TAGS:
            if node.tail:
                parts.append(node.tail)
            return
        block = node.tag in _BLOCK_TAGS
        if block:
            parts.append("\n")
        if node.text:
            parts.append(node.text)
        for child in node:
            walk(child)
        if block:
            parts.append("\n")
        if node.tail:
            parts.append(node.tail)

    tail, el.tail = el.tail, None  # the element's tail is outside it
    walk(el)
    el.tail = tail
    lines = (" ".join(line.split()) for line in "".join(parts).split("\n"))
    return [line for line in lines if line]
