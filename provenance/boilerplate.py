"""Separating what is not the article from the article.

Relays come wrapped in text that must never be aligned or checked for drift: platform
disclaimers ("The picture is from the Internet. If there is any infringement, please
contact..."), copyright lines, share/print widgets, "Related"/"Read more" lists, and runs
of unrelated headlines a site appends after the story. ``split_boilerplate(text)`` moves
those lines to ``BoilerplateBlock``s (with the rule that moved them) and returns the body.

The rules are general, in English, Chinese, Korean, Ukrainian and Russian; they look at
the shape of a line (short, no final punctuation, title case, share vocabulary) and at
whether a run of headlines shares any content with the body, never at specific outlets.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from provenance.model import BoilerplateBlock


def _vocab(words: str) -> frozenset[str]:
    return frozenset(words.split())


DISCLAIMER = "disclaimer"
COPYRIGHT = "copyright"
SHARE_WIDGET = "share-widget"
RELATED_LINKS = "related-links"
UNRELATED_HEADLINES = "unrelated-headlines"
BYLINE = "byline"

_I = re.IGNORECASE
_DISCLAIMER = re.compile(
    r"(?:pictures?|images?|photos?)\s+(?:is\s+|are\s+)?(?:taken\s+|sourced\s+)?from\s+the\s+"
    r"(?:internet|web|network)"
    r"|if\s+there\s+is\s+any\s+infringement|in\s+case\s+of\s+(?:any\s+)?infringement"
    r"|contact\s+(?:us|the\s+platform|the\s+author|this\s+site)?\s*(?:\w+\s+){0,3}to\s+"
    r"(?:delete|remove)\s+it"
    r"|(?:does|do)\s+not\s+represent\s+the\s+(?:views?|position)\s+of\s+this\s+(?:platform|site)"
    r"|copyright\s+belongs\s+to\s+the\s+original\s+author"
    r"|图片来[源自]于?网络|圖片來[源自]於?網[络絡]|如有侵[权權]|侵[权權]请?联系|请联系(?:我们|平台|本站)?删除"
    r"|版[权權]归原作者|不代表本(?:平台|站|网)观点|本文(?:转载|來源|来源)自"
    r"|사진\s*[=:]?\s*(?:인터넷|온라인)\s*(?:커뮤니티|캡처)?|저작권\s*침해"
    r"|фото\s*(?::|з|із|из)\s*(?:відкритих\s+джерел|інтернету|мережі|открытых\s+источников|"
    r"интернета|сети)"
    r"|у\s+разі\s+порушення\s+авторських|в\s+случае\s+нарушения\s+авторских"
    r"|при\s+(?:використанні|цитуванні|использовании|цитировании)\s+матеріал|"
    r"при\s+(?:использовании|цитировании)\s+материал",
    _I,
)
# Source/editor/byline lines: "来源：新华社", "责任编辑：王某", "By Lois Lane, June 26".
_BYLINE = re.compile(
    r"^(?:by\s+[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3}(?:,|\s*$)|"
    r".{0,40}(?:来源|來源|责任编辑|責任編輯|编辑|編輯|作者)\s*[:：]|"
    r"(?:автор|джерело|источник)\s*:)"
)
# Cheap pre-filters: a fragment every notice below contains (regexes with many
# alternatives cost ~50 us per line; substring tests keep a 50 MB file fast).
_DISCLAIMER_CUES = ("internet", "web", "network", "infringement", "delete", "remove",
                    "represent", "original author", "网络", "網", "侵", "删除", "观点", "转载",
                    "来源", "來源", "인터넷", "온라인", "침해", "фото", "авторськ", "авторск",
                    "матеріал", "материал")
_COPYRIGHT_CUES = ("©", "ⓒ", "(c)", "copyright", "rights", "版权", "版權", "著作", "저작권",
                   "전재", "재배포", "права")
_COPYRIGHT = re.compile(
    r"^\W{0,3}(?:©|ⓒ|\(c\)\s*\d{4}|copyright\b)"
    r"|all\s+rights\s+reserved|版[权權]所有|著作[权權]所有|저작권자|무단\s*전재|재배포\s*금지"
    r"|(?:всі|усі)\s+права\s+захищені|все\s+права\s+защищены|©",
    _I,
)
# A share/print bar: every word on the line is share vocabulary, and one is a strong cue.
_WIDGET_STRONG = _vocab(
    "share tweet print email e-mail subscribe facebook twitter whatsapp telegram linkedin "
    "reddit pinterest weibo wechat 分享 打印 收藏 转发 微信 微博 공유 인쇄 구독 스크랩 "
    "카카오톡 페이스북 트위터 поділитися поширити друк підписатися поделиться печать "
    "подписаться вконтакте телеграм"
)
_WIDGET_WEAK = _vocab(
    "this article story page on us follow copy link save comment comments via to x the "
    "bookmark send newsletter our now 评论 点赞 댓글 기사 коментарі комментарии "
    "статтю статью"
)
_WIDGET_CUES = tuple(sorted(_WIDGET_STRONG))
_WIDGET_PIECES = tuple(sorted(_WIDGET_STRONG | _WIDGET_WEAK, key=len, reverse=True))
_CJK_GLUE = "到至给給和及"
_RELATED_HEADING = re.compile(
    r"^\W{0,3}(?:related(?:\s+(?:articles?|stories|news|coverage|content|topics))?|"
    r"read\s+(?:more|also|next)|see\s+also|more\s+(?:from|on|stories|news)|recommended"
    r"(?:\s+for\s+you)?|you\s+may\s+also\s+like|most\s+(?:read|popular|viewed)|trending"
    r"(?:\s+now)?|latest\s+news|top\s+stories|"
    r"相关(?:阅读|新闻|文章|报道)|相關(?:閱讀|新聞|文章|報導)|延伸阅读|延伸閱讀|推荐阅读|"
    r"热门(?:文章|新闻)|更多(?:新闻|阅读)|猜你喜欢|"
    r"관련\s*(?:기사|뉴스)|많이\s*본\s*(?:기사|뉴스)|추천\s*기사|"
    r"читайте\s+(?:також|більше|также|еще|ещё)|дивіться\s+також|смотрите\s+также|"
    r"більше\s+новин|інші\s+новини|по\s+темі|другие\s+новости|по\s+теме)\b\s*[:：]?",
    _I,
)

#: A notice may open its sentence after a few characters ("The ", "注：", "(").
_NOTICE_LEAD = 12
_TERMINAL = tuple(".!?。！？…;；:：\"”’»)")
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z'’\-]*")
_CJK_RUN = re.compile(r"[\u3400-\u9fff\uac00-\ud7a3]+")
_MINOR = _vocab(
    "a an the and or but of in on at to for by with from as vs via over after amid near "
    "into its is are be"
)
_STOPWORDS = _MINOR | _vocab(
    "this that these those with have has had will would could should their there about "
    "after before more most than then when what which while were been being also says said "
    "over under amid into upon"
)
# Only this much of the body is read to judge whether trailing headlines belong to the
# story: enough for any article, bounded for a 50 MB file.
_VOCAB_CHARS = 200_000


@dataclass
class _Line:
    text: str
    reason: str | None = None


def split_boilerplate(text: str) -> tuple[str, list[BoilerplateBlock]]:
    """(body, boilerplate blocks) for an article's raw text.

    The body keeps the article's own line structure (paragraph breaks included), with
    leading and trailing blank lines removed. Blocks come in text order; consecutive
    lines moved by the same rule form one block.
    """
    lines = [_Line(t) for t in text.split("\n")]
    _tag_lines(lines)
    _split_inline_tail(lines)
    _tag_trailing_headlines(lines)
    return _assemble(lines)


def _tag_lines(lines: list[_Line]) -> None:
    i = 0
    while i < len(lines):
        line = lines[i]
        stripped = line.text.strip()
        if stripped:
            line.reason = _line_reason(stripped)
            if line.reason == RELATED_LINKS and _is_bare_heading(stripped):
                # The heading and the list of headlines under it.
                j = i + 1
                while j < len(lines) and (not lines[j].text.strip()
                                          or _headline_like(lines[j].text.strip())):
                    if lines[j].text.strip():
                        lines[j].reason = RELATED_LINKS
                    elif j + 1 < len(lines) and not lines[j + 1].text.strip():
                        break  # two blank lines end the list
                    j += 1
                i = j
                continue
        i += 1


def _line_reason(line: str) -> str | None:
    if len(line) > 400:
        return None  # a paragraph, not a notice
    low = line.lower()
    if _has_cue(low, _DISCLAIMER_CUES) and _notice_start(line, _DISCLAIMER) == 0:
        return DISCLAIMER
    if len(line) <= 200 and _has_cue(low, _COPYRIGHT_CUES) and _COPYRIGHT.search(line):
        return COPYRIGHT
    if len(line) <= 100 and _BYLINE.match(line) and not line.endswith(("。", ".")):
        return BYLINE
    if len(line) <= 200 and _RELATED_HEADING.match(line):
        return RELATED_LINKS
    if len(line) <= 120 and _is_widget(line):
        return SHARE_WIDGET
    return None


def _has_cue(low: str, cues: tuple[str, ...]) -> bool:
    return any(cue in low for cue in cues)


def _is_widget(line: str) -> bool:
    low = line.lower()
    if not _has_cue(low, _WIDGET_CUES):
        return False
    for word in _WORD.findall(low):
        if word in _WIDGET_STRONG or word in _WIDGET_WEAK:
            continue
        if not _CJK_RUN.fullmatch(word):
            return False
        # Unspaced CJK ("分享到微信"): every piece must be share vocabulary or glue.
        rest = word
        for piece in _WIDGET_PIECES:
            rest = rest.replace(piece, "")
        if rest.strip(_CJK_GLUE):
            return False
    return True


def _is_bare_heading(line: str) -> bool:
    match = _RELATED_HEADING.match(line)
    return bool(match) and not line[match.end():].strip(" :：-—|")


def _split_inline_tail(lines: list[_Line]) -> None:
    """A disclaimer or copyright notice glued to the end of the last paragraph."""
    for idx in _last_body_lines(lines, 3):
        text = lines[idx].text
        starts = [(cut, reason) for rx, reason in ((_DISCLAIMER, DISCLAIMER),
                                                   (_COPYRIGHT, COPYRIGHT))
                  if (cut := _notice_start(text, rx)) is not None]
        if not starts:
            continue
        cut, reason = min(starts)
        if cut > 0 and len(text) - cut <= 300:
            lines[idx].text = text[:cut].rstrip()
            lines.insert(idx + 1, _Line(text[cut:].strip(), reason))


def _notice_start(text: str, pattern: re.Pattern[str]) -> int | None:
    """Where the sentence holding a notice starts, if the notice opens that sentence.

    Notices are formulaic and open their sentence ("The picture is from the Internet.");
    a story sentence that merely mentions photos from the internet does not.
    """
    for match in pattern.finditer(text):
        start = _sentence_start(text, match.start())
        if match.start() - start <= _NOTICE_LEAD:
            return start
    return None


def _sentence_start(text: str, pos: int) -> int:
    for k in range(pos - 1, 0, -1):
        if text[k] in ".!?。！？" and (text[k] in "。！？" or text[k + 1].isspace()):
            return k + 1
    return 0


def _last_body_lines(lines: list[_Line], n: int) -> list[int]:
    found = []
    for idx in range(len(lines) - 1, -1, -1):
        if lines[idx].text.strip() and lines[idx].reason is None:
            found.append(idx)
            if len(found) == n:
                break
    return found


def _headline_like(line: str) -> bool:
    """Short, no final punctuation: the shape of a headline or a link label."""
    if line.endswith(_TERMINAL) and not line.endswith(("\"", "”", "’", ")")):
        return False
    if line.endswith(("\"", "”", "’", ")")) and line.rstrip("\"”’)")[-1:] in ".!?。！？":
        return False
    cjk = sum(len(r) for r in _CJK_RUN.findall(line))
    if cjk > len(line) / 2:
        return 4 <= len(line) <= 60
    words = line.split()
    return 3 <= len(words) <= 25 and len(line) <= 180


def _title_case(line: str) -> bool:
    words = [w for w in _LATIN_WORD.findall(line) if w.lower() not in _MINOR]
    if len(words) < 2:
        return False
    return sum(1 for w in words if w[0].isupper()) >= 0.75 * len(words)


def _tag_trailing_headlines(lines: list[_Line]) -> None:
    """A run (>= 3) of headline-shaped lines after the story, unrelated to it."""
    run: list[int] = []
    blank_before_run = False
    for idx in range(len(lines) - 1, -1, -1):
        text = lines[idx].text.strip()
        if not text or lines[idx].reason is not None:
            continue
        if _headline_like(text):
            run.append(idx)
            continue
        blank_before_run = bool(run) and any(not lines[k].text.strip()
                                             for k in range(idx + 1, run[-1]))
        break
    else:
        return  # the whole text is headline-shaped: nothing to call the body
    if len(run) < 3:
        return
    run_text = [lines[k].text.strip() for k in run]
    titled = sum(1 for t in run_text if _title_case(t)) >= 0.7 * len(run)
    if not (blank_before_run or titled):
        return
    in_run = set(run)
    body = "\n".join(line.text for k, line in enumerate(lines)
                     if line.reason is None and k not in in_run)
    vocab = _content_tokens(body[:_VOCAB_CHARS] + "\n" + body[-_VOCAB_CHARS:])
    overlaps = sorted(_overlap(t, vocab) for t in run_text)
    if overlaps[len(overlaps) // 2] < 0.4:
        for k in run:
            lines[k].reason = UNRELATED_HEADLINES


def _content_tokens(text: str) -> set[str]:
    tokens = {w.lower() for w in _WORD.findall(text)
              if len(w) >= 4 and w.lower() not in _STOPWORDS and not _CJK_RUN.fullmatch(w)}
    for run in _CJK_RUN.findall(text):
        tokens.update(run[i:i + 2] for i in range(len(run) - 1))
    return tokens


def _overlap(line: str, vocab: set[str]) -> float:
    tokens = _content_tokens(line)
    if not tokens:
        return 0.0
    return len(tokens & vocab) / len(tokens)


def _assemble(lines: list[_Line]) -> tuple[str, list[BoilerplateBlock]]:
    blocks: list[BoilerplateBlock] = []
    body: list[str] = []
    current: list[str] = []
    current_reason: str | None = None
    for line in lines:
        if line.reason is None:
            if line.text.strip():
                _flush(blocks, current, current_reason)
                current, current_reason = [], None
            body.append(line.text)
            continue
        if line.reason != current_reason:
            _flush(blocks, current, current_reason)
            current, current_reason = [], line.reason
        current.append(line.text.strip())
    _flush(blocks, current, current_reason)
    return _strip_blank_edges(body), blocks


def _flush(blocks: list[BoilerplateBlock], current: Iterable[str], reason: str | None) -> None:
    text = "\n".join(current)
    if reason and text:
        blocks.append(BoilerplateBlock(text=text, reason=reason))


def _strip_blank_edges(body: list[str]) -> str:
    start, end = 0, len(body)
    while start < end and not body[start].strip():
        start += 1
    while end > start and not body[end - 1].strip():
        end -= 1
    return "\n".join(line.rstrip() for line in body[start:end])


# --- HTML pages ----------------------------------------------------------------------

NAVIGATION = "navigation"
PAGE_HEADER = "page-header"
FOOTER = "footer"
COMMENTS = "comments"

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
_BLOCK_TAGS = _vocab(
    "p div li ul ol h1 h2 h3 h4 h5 h6 br tr td th section article header footer nav aside "
    "a span button dt dd figcaption"
)
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
    if not marker.strip():
        return None
    for pattern, reason in _CHROME_CLASSES:
        if pattern.search(marker):
            return reason
    return None


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
