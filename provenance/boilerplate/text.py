"""Separating what is not the article from the article, in written text.

Relays come wrapped in text that must never be aligned or checked for drift.
``split_boilerplate(text)`` moves those lines to ``BoilerplateBlock``s (with the rule
that moved them, :mod:`provenance.boilerplate.reasons`) and returns the body. The rules,
in the order they run:

1. *What a line says* (phrase lists per language, :mod:`provenance.boilerplate.phrases`):
   disclaimers, copyright lines, bylines and credits, "read also" headings with the list
   under them, share bars, page chrome ("Skip to content", "Прослухати"), promotions
   ("Become a member"), photo credits ("Фото: ЕРА", "Oleksii Filippov / AFP").
2. *Its shape*: a timestamp or counter ("25 October 2024 06:06", "阅读:92", "2.5k
   Upvotes"), a label of one or two words ("Summary", "본문", "Дата:") and the short value
   under it, a breadcrumb ("人民网>>社会·法治"), a URL, markup or image path, a line of
   hashtags, an all-lowercase keyword line (image alt text), an asterisk footnote, a
   caption ending with its credit ("... (Image: Reuters)", "... [AP연합뉴스]").
3. *Prefixes and tails glued to a paragraph*: a capture's "date 2024-10-25" prefix, a
   wire dateline ("МОСКВА, 25 окт - ПРАЙМ.", "[서울=뉴시스]박광온 기자 ="), a notice or an
   editor credit at the end of the last paragraph, a series tag closing a headline
   ("[트럼프의 귀환]").
4. *Repetition*: a line the page prints twice (a caption, a headline, a promo) is kept
   once; a line that doubles itself ("Фото: Getty ImagesФото: Getty Images") goes.
5. *Position*: a line without final punctuation between two paragraphs of the story is a
   subheading or caption (the first two lines, headline and dek, stay); a short line
   between two lines already set aside in the page footer goes with them; a run of
   unrelated headlines after the story goes.

Across a corpus, :func:`provenance.boilerplate.repeated.corpus_boilerplate` adds the
lines one site prints on many of its pages. Nothing here names a story or an outlet.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from provenance.boilerplate.phrases import Phrases, load
from provenance.boilerplate.reasons import (
    BYLINE,
    CAPTION,
    COPYRIGHT,
    DATELINE,
    DISCLAIMER,
    FOOTNOTE,
    LABEL,
    LINK,
    METADATA,
    PAGE_CHROME,
    PROMO,
    RELATED_LINKS,
    REPEATED,
    SERIES_TAG,
    SHARE_WIDGET,
    SUBHEADING,
    TIMESTAMP,
    UNRELATED_HEADLINES,
)
from provenance.model import BoilerplateBlock


def _vocab(words: str) -> frozenset[str]:
    return frozenset(words.split())


_CJK_GLUE = "到至给給和及"

#: A notice may open its sentence after a few characters ("The ", "注：", "(").
_NOTICE_LEAD = 12
_TERMINAL = tuple(".!?。！？…;；:：\"”’»)")
_SENTENCE_END = tuple(".!?。！？…")
_CLOSERS = "\"”’»)]」』）】》'"
#: A line ending so goes on in the next one: it was cut, it is not a heading.
_GOES_ON = (",", "，", "、", ";", "；", "-", "–")
_BULLETS = ("- ", "• ", "· ", "– ")
#: The longest subheading (words, or CJK characters), and the longest caption standing
#: alone between blank lines.
_HEADING_WORDS, _HEADING_CJK = 12, 25
_CAPTION_WORDS, _CAPTION_CJK = 40, 40
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z'’\-]*")
_CJK_RUN = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7a3]+")
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
#: Lines longer than this are paragraphs, never furniture.
_PARAGRAPH = 400
#: A paragraph of the story: this many words (CJK: characters) and a final stop.
_BODY_WORDS, _BODY_CJK = 8, 20
#: Headline and dek: the first lines of the text stay whatever their shape.
_HEAD_LINES = 2
_DIGITS = re.compile(r"\d")
_URLISH = re.compile(r"(?:https?://|www\.|/[\w.-]*[A-Za-z][\w.-]*/|%[0-9A-Fa-f]{2}|<[a-z/][^>]*>"
                     r"|data:image/"
                     r"|\.(?:jpe?g|png|gif|webp|svg|html?|php|aspx?)\b)", re.IGNORECASE)
_HASHTAG_LINE = re.compile(r"^(?:#[^\s#]+\s*)+$")
_BREADCRUMB = re.compile(r"\S\s*(?:>>|›|»|→|>)\s*\S")
_METADATA_PREFIX = re.compile(r"^\s*date\s+\d{4}-\d{2}-\d{2}\s+", re.IGNORECASE)
_TRAILING_TAG = re.compile(r"\s*\[[^\[\]\d]{2,16}\]\s*$")
_EDITOR_TAIL = re.compile(r"[(（]\s*[^()（）]{1,8}[:：][^()（）]{1,30}[)）]\s*\d{0,10}\s*$")
_KO_DATELINE = re.compile(r"^\[[^\]=]{1,12}=[^\]]{1,20}\]\s*(?:[가-힣]{2,4}\s*(?:기자|특파원)"
                          r"\s*=\s*)?")


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
    phrases = load()
    lines = [_Line(t) for t in text.split("\n")]
    _split_leading_prefixes(lines, phrases)
    _tag_lines(lines, phrases)
    _tag_repeats(lines)
    _split_inline_tail(lines, phrases)
    _tag_subheadings(lines)
    _tag_footer_run(lines)
    _tag_trailing_bullets(lines)
    _tag_trailing_headlines(lines)
    return _assemble(lines)


# --- 1 and 2: a line's words and shape -----------------------------------------------

def _tag_lines(lines: list[_Line], phrases: Phrases) -> None:
    i = 0
    while i < len(lines):
        line = lines[i]
        stripped = line.text.strip()
        if stripped and line.reason is None:
            line.reason = _line_reason(stripped, phrases)
            if line.reason == RELATED_LINKS and _is_bare_heading(stripped, phrases):
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
            if line.reason in (LABEL, BYLINE) and stripped.endswith((":", "：")):
                # "Джерело:" then, a line or two below, its value
                j = _next_filled(lines, i)
                if j is not None and lines[j].reason is None and \
                        _short_value(lines[j].text.strip()):
                    lines[j].reason = line.reason
        i += 1


def line_reason(line: str) -> str | None:
    """The rule that would set one line aside as page furniture ("Read also", a share
    bar, a credit, a caption), judged on the line alone; None for article text. Drift
    uses it so that furniture left inside a sentence list is never reported."""
    stripped = line.strip()
    return _line_reason(stripped, load()) if stripped else None


def _line_reason(line: str, phrases: Phrases) -> str | None:
    if len(line) > _PARAGRAPH:
        return None  # a paragraph, not a notice
    low = line.lower()
    if _has_cue(low, phrases.disclaimer_cues) and _notice_start(line, phrases.disclaimer) == 0:
        return DISCLAIMER
    if len(line) <= 200 and _has_cue(low, phrases.copyright_cues) and \
            phrases.copyright.search(line):
        return COPYRIGHT
    if len(line) <= 200 and not line.endswith(("。", ".")) and (
            phrases.byline.match(line) or _has_cue(low, phrases.byline_cues)
            and phrases.byline_anywhere.search(line)):
        return BYLINE
    if len(line) <= 200 and phrases.related_heading.match(line):
        return RELATED_LINKS
    words = _word_count(line)
    if words <= 12 and len(line) <= 120 and _is_widget(line, phrases):
        return SHARE_WIDGET
    if words <= 25 and phrases.chrome.match(line):
        return PAGE_CHROME
    if words <= 40 and _has_cue(low, phrases.promo_cues) and phrases.promo.search(line):
        return PROMO
    if line.endswith(_SENTENCE_END) and words > 3:
        # a sentence: furniture only as a Korean photo caption ("[워싱턴=AP/뉴시스] …
        # 2024.09.08."), never by its shape
        return CAPTION if words <= 60 and phrases.caption_patterns[-1].match(line) else None
    if _is_caption(line, words, phrases):
        return CAPTION
    return _shape_reason(line, words, phrases)


def _shape_reason(line: str, words: int, phrases: Phrases) -> str | None:
    """Furniture told by its shape alone."""
    if _is_link(line):
        return LINK
    if _DIGITS.search(line) and _is_timestamp(line, phrases):
        return TIMESTAMP
    if line.startswith("*") and 1 < len(line) <= 200 and not line.startswith("**"):
        return FOOTNOTE
    if _BREADCRUMB.search(line) and words <= 8 and not line.endswith(_SENTENCE_END) and \
            all(_word_count(part) <= 4 for part in re.split(r">>|›|»|→|>", line)):
        return LABEL
    if _is_label(line):
        return LABEL
    if _is_alt_text(line):
        return LINK
    if _doubled(line):
        return REPEATED
    return None


def _word_count(line: str) -> int:
    """Words, counting a run of CJK or Hangul as one word per two characters."""
    count = 0
    for word in _WORD.findall(line):
        cjk = _CJK_RUN.fullmatch(word)
        count += max(1, len(word) // 2) if cjk else 1
    return count


def _has_cue(low: str, cues: tuple[str, ...]) -> bool:
    return any(cue in low for cue in cues)


def _is_widget(line: str, phrases: Phrases) -> bool:
    low = line.lower()
    if not any(cue in low for cue in phrases.share_strong):
        return False
    pieces = phrases.share_pieces
    for word in _WORD.findall(low):
        if word in phrases.share_strong or word in phrases.share_weak:
            continue
        if not _CJK_RUN.fullmatch(word):
            return False
        # Unspaced CJK ("分享到微信"): every piece must be share vocabulary or glue.
        rest = word
        for piece in pieces:
            rest = rest.replace(piece, "")
        if rest.strip(_CJK_GLUE):
            return False
    return True


def _is_link(line: str) -> bool:
    """A URL, a path, markup or a line of hashtags: no prose around them."""
    if _HASHTAG_LINE.match(line):
        return True
    if not _URLISH.search(line):
        return False
    tokens = line.split()
    linky = sum(len(t) for t in tokens if _URLISH.search(t))
    return linky >= 0.6 * sum(len(t) for t in tokens)


def _is_timestamp(line: str, phrases: Phrases) -> bool:
    """A date, a time, a counter: "25 October 2024 06:06", "阅读:92", "2.5k Upvotes",
    "등록 2024.10.25 15:53", "November 7, 2024 9:25 AM 2 min read"."""
    words = [w for w in _WORD.findall(line) if w.lower() not in phrases.timestamp_words]
    digit_groups = len(re.findall(r"\d+", line))
    allowed = 3 if digit_groups >= 3 else 2
    return sum(_word_count(w) for w in words) <= allowed


def _is_label(line: str) -> bool:
    """A word or two standing alone ("Summary", "Дата:", "본문", "admin", "--:--")."""
    if not _WORD.search(line):
        return len(line) <= 20  # "--:--", "•"
    if line.endswith(_SENTENCE_END) or line.endswith(_GOES_ON):
        return False
    cjk = sum(len(r) for r in _CJK_RUN.findall(line))
    if cjk > len(line) / 2:
        return cjk <= 8 and len(_WORD.findall(line)) <= 2
    return len(_WORD.findall(line)) <= 2 and len(line) <= 30


def _short_value(line: str) -> bool:
    return not line.endswith(_SENTENCE_END) and len(line) <= 60 and _word_count(line) <= 6


def _is_alt_text(line: str) -> bool:
    """Image alt text or SEO keywords: eight lower-case words or more, no punctuation."""
    words = line.split()
    return len(words) >= 8 and line == line.lower() and re.fullmatch(r"[a-z0-9 ]+", line) \
        is not None


def _doubled(line: str) -> bool:
    """"Фото: Getty ImagesФото: Getty Images": a caption printed twice on one line."""
    half = len(line) // 2
    return len(line) >= 16 and len(line) % 2 == 0 and line[:half] == line[half:]


def _is_caption(line: str, words: int, phrases: Phrases) -> bool:
    """A photo credit or a caption ending with one: "Фото: ЕРА", "Oleksii Filippov / AFP",
    "... (Image: Reuters)", "... Screenshot: Foxnews", "... [AP연합뉴스]", "照片:X/路透社",
    "[워싱턴=AP/뉴시스] ... 사진은 ..."."""
    if words > 60:
        return False
    credit_line, credit_tail, agency_tail, bracket_tail, agency_dateline = \
        phrases.caption_patterns
    if words <= 10 and credit_line.match(line):
        return True
    if (":" in line or "：" in line or "=" in line) and credit_tail.search(line):
        return True
    if agency_tail.search(line) and not line.rstrip(")#").endswith("."):
        return words <= 8 or "(" in line
    return bool(bracket_tail.search(line) or agency_dateline.match(line))


# --- 3: prefixes and tails glued to a paragraph ----------------------------------------

def _split_leading_prefixes(lines: list[_Line], phrases: Phrases) -> None:
    """A capture's "date 2024-10-25 " prefix and wire datelines opening a paragraph."""
    for idx in range(len(lines)):
        if not lines[idx].text.strip():
            continue
        first = idx
        break
    else:
        return
    m = _METADATA_PREFIX.match(lines[first].text)
    if m and lines[first].text[m.end():].strip():
        rest = lines[first].text[m.end():]
        lines[first:first + 1] = [_Line(m.group(0).strip(), METADATA), _Line(rest)]
    for idx in range(len(lines)):
        line = lines[idx]
        if line.reason is not None or not line.text.strip():
            continue
        m = phrases.dateline.match(line.text) or _KO_DATELINE.match(line.text)
        if m and m.end() < len(line.text.rstrip()) and (
                m.re is not _KO_DATELINE or "기자" in m.group(0)):
            lines[idx:idx + 1] = [_Line(m.group(0).strip(), DATELINE),
                                  _Line(line.text[m.end():])]


def _split_inline_tail(lines: list[_Line], phrases: Phrases) -> None:
    """A disclaimer, copyright notice or editor credit glued to the end of the last
    paragraph; a series tag closing the headline or dek."""
    for idx in _last_body_lines(lines, 3):
        text = lines[idx].text
        starts = [(cut, reason) for rx, reason in ((phrases.disclaimer, DISCLAIMER),
                                                   (phrases.copyright, COPYRIGHT))
                  if (cut := _notice_start(text, rx)) is not None]
        credit = _EDITOR_TAIL.search(text)
        if credit and credit.start() > 0 and _has_cue(credit.group(0).lower(),
                                                      tuple(phrases.byline_roles)):
            starts.append((credit.start(), BYLINE))
        if not starts:
            continue
        cut, reason = min(starts)
        if cut > 0 and len(text) - cut <= 300:
            lines[idx].text = text[:cut].rstrip()
            lines.insert(idx + 1, _Line(text[cut:].strip(), reason))
    for idx in _first_body_lines(lines, _HEAD_LINES + 1):
        text = lines[idx].text
        tag = _TRAILING_TAG.search(text)
        if tag and tag.start() > 0 and not text[:tag.start()].rstrip().endswith(_SENTENCE_END):
            lines[idx].text = text[:tag.start()].rstrip()
            lines.insert(idx + 1, _Line(tag.group(0).strip(), SERIES_TAG))


def _is_bare_heading(line: str, phrases: Phrases) -> bool:
    match = phrases.related_heading.match(line)
    return bool(match) and not line[match.end():].strip(" :：-—|")


def _next_filled(lines: list[_Line], idx: int, limit: int = 3) -> int | None:
    """The next non-blank line within ``limit`` lines."""
    for j in range(idx + 1, min(len(lines), idx + 1 + limit)):
        if lines[j].text.strip():
            return j
    return None


def _first_body_lines(lines: list[_Line], n: int) -> list[int]:
    found = []
    for idx, line in enumerate(lines):
        if line.text.strip() and line.reason is None:
            found.append(idx)
            if len(found) == n:
                break
    return found


# --- 4: repetition ---------------------------------------------------------------------

_NORM = re.compile(r"\W+")


def _tag_repeats(lines: list[_Line]) -> None:
    """A headline, caption or promo the page prints twice or more: the first copy stays,
    the others go. A paragraph of the story is never a repeat (an article may open with
    its title as a sentence)."""
    seen: set[str] = set()
    for line in lines:
        if line.reason is not None:
            continue
        key = _NORM.sub("", line.text).casefold()
        if len(key) < 12:
            continue
        if key in seen and not _is_paragraph(line.text.strip()):
            line.reason = REPEATED
        seen.add(key)


# --- 5: position -------------------------------------------------------------------------

def _is_paragraph(text: str) -> bool:
    """A paragraph of the story: long enough, and ending like a sentence."""
    if not text.rstrip(_CLOSERS).endswith(_SENTENCE_END):
        return False
    cjk = sum(len(r) for r in _CJK_RUN.findall(text))
    if cjk > len(text) / 2:
        return cjk >= _BODY_CJK
    return len(text.split()) >= _BODY_WORDS


def _unpunctuated(text: str) -> bool:
    return not text.rstrip(_CLOSERS).endswith(_SENTENCE_END) and \
        not text.endswith(_GOES_ON)


def _heading_sized(text: str, alone: bool = True) -> bool:
    """Short enough for a subheading, or for a caption standing alone between blank lines
    (a sentence that lost its full stop is longer, and runs on from its neighbours)."""
    cjk = sum(len(r) for r in _CJK_RUN.findall(text))
    if cjk > len(text) / 2:
        return cjk <= (_CAPTION_CJK if alone else _HEADING_CJK)
    words = _word_count(text)
    return len(text) <= _PARAGRAPH and words <= (_CAPTION_WORDS if alone else _HEADING_WORDS)


def _tag_subheadings(lines: list[_Line]) -> None:
    """Lines without final punctuation between two paragraphs of the story: subheadings,
    captions, pull quotes. The headline and dek (the first lines) stay, and so does a line
    the next one continues (hard-wrapped text)."""
    body = [k for k, line in enumerate(lines) if line.reason is None and line.text.strip()]
    head = set(body[:_HEAD_LINES])
    paragraphs = [k for k in body if _is_paragraph(lines[k].text.strip())]
    if len(paragraphs) < 2:
        return
    first, last = paragraphs[0], paragraphs[-1]
    for pos, k in enumerate(body):
        text = lines[k].text.strip()
        bullet = text.startswith(_BULLETS)
        alone = not lines[k - 1].text.strip() and k + 1 < len(lines) and \
            not lines[k + 1].text.strip()
        if (k in head and not bullet) or not (first < k < last or bullet and k < first) or \
                not _unpunctuated(text) or not _heading_sized(text, alone):
            continue
        nxt = body[pos + 1] if pos + 1 < len(body) else None
        if nxt is not None and nxt == k + 1 and lines[nxt].text[:1].islower():
            continue  # the sentence goes on on the next line
        lines[k].reason = SUBHEADING


def _tag_trailing_bullets(lines: list[_Line]) -> None:
    """Bulleted headlines after the page footer ("- 이참에 중국 여행 갈까?"): other stories."""
    run: list[int] = []
    for k in range(len(lines) - 1, -1, -1):
        text = lines[k].text.strip()
        if not text:
            continue
        if lines[k].reason is None and text.startswith(_BULLETS) and _heading_sized(text):
            run.append(k)
            continue
        if run and lines[k].reason is not None:
            for j in run:
                lines[j].reason = RELATED_LINKS
        return


def _tag_footer_run(lines: list[_Line]) -> None:
    """After the story, a short line between two lines already set aside is part of the
    page footer they belong to ("The Week" / "Escape your echo chamber..." / "Sign up")."""
    filled = [k for k, line in enumerate(lines) if line.text.strip()]
    if not filled or lines[filled[-1]].reason is None:
        return  # the story runs to the end: no footer
    for pos in range(len(filled) - 2, 0, -1):
        k = filled[pos]
        if lines[k].reason is not None:
            continue
        # every line after this one is set aside (the loop stops at the first that is not)
        if lines[filled[pos - 1]].reason is not None and _word_count(lines[k].text) <= 25:
            lines[k].reason = lines[filled[pos + 1]].reason
        else:
            break


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
