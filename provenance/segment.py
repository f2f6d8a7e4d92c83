"""Sentence segmentation with exact character spans.

``segment(text, lang)`` returns ``Sentence`` objects whose ``start``/``end`` index into
``text`` (``text[s.start:s.end] == s.text``, surrounding whitespace excluded), numbered
by paragraph. sentencex does the splitting inside a paragraph; the rules here repair
what it gets wrong on news text:

* Ukrainian/Russian initials and abbreviations ("В. Зеленський", "Дж. Байден") are not
  sentence ends;
* a "sentence" starting with a lowercase letter continues the previous one;
* closing quotes and brackets after a full stop belong to the sentence they close;
* Chinese/Japanese full-width stops (。！？) with their closing quotes end sentences even
  without a following space, and Korean "다.그리고" (no space) is split.

Paragraphs: every line is a paragraph, except in hard-wrapped text (blank-line separated
blocks of lines that run on), where the block is the paragraph.

Time and memory are linear in the length of the text, whatever its shape (a 20 MB page
dumped on one line included): sentencex's cost grows with the square of what it is given
on non-ASCII text, so a long paragraph reaches it in windows of a few thousand
characters cut after a sentence end; and a "sentence" longer than
``MAX_SENTENCE_CHARS`` (text with no stops: a table, a list, a dump) is cut at a space,
so that no later step meets a megabyte-long sentence.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from provenance.lang import base, has
from provenance.model import Sentence

# Languages with the registry's "segmentation" capability go to sentencex with their own
# code; anything else uses "en" rules (full stop, question and exclamation marks), which
# is a sane default for alphabetic scripts; CJK stops are handled here for every language.

_TERMINAL = ".!?。！？…;；"
_CLOSERS = "\"'”’»)]）】」』》〉›"
_OPENERS = "\"'“‘«„‚(["
_QUOTE_MASK = str.maketrans({ch: " " for ch in "\"“”«»„"})
_UPPER_START = r"(?=\s+[\"“«„(]?[A-ZА-ЯЁІЇЄҐ])"
_FORCED_BREAK = re.compile(
    r"(?<=[.!?])[)\]]+" + _UPPER_START  # a bracketed sentence closes: "(It was late.) Next"
    + r"|\b\d{4}\s?(?:р|рр|г|гг)\." + _UPPER_START  # "у 2022 р. Далі": year, then a new sentence
)
_CJK_STOP = re.compile(r"[。！？]+[”’」』》〉）\"']*")
_INITIAL_PRECEDERS = frozenset(" \t\n(«\"“„'‘")
# Short abbreviations after which a sentence practically never ends in news text.
_ABBREVIATIONS = frozenset(re.findall(r"\w+",
    """mr mrs ms dr prof gen col lt sgt capt gov sen rep vs fig approx
    jan feb mar apr jun jul aug sep sept oct nov dec
    дж ім вул пл просп акад проф ген див пор напр англ м
    им ул пр см"""))
_LAST_WORD = re.compile(r"(\w+)\.$")
_KOREAN_NO_SPACE = re.compile(r"(?<=[\uac00-\ud7a3])[.?!](?=[\uac00-\ud7a3])")
_WRAP_LINE_MIN = 40
#: Characters of a paragraph sentencex sees at once (see the module docstring).
WINDOW_CHARS = 4000
#: Longest sentence kept whole; real ones stay under a thousand characters.
MAX_SENTENCE_CHARS = 3000
# Where a window may end: after a sentence stop (and closing quotes) and the space after it.
_SAFE_CUT = re.compile(r"[.!?。！？…]+[\"'”’»)\]）】」』》〉›]*\s+|[。！？]+[”’」』》〉）\"']*")
# Where an over-long sentence may be cut, best first: a stop, a comma or semicolon, a space.
_LONG_CUTS = (re.compile(r"[.!?。！？…;；][\"'”’»)\]）】」』》〉›]*\s*"),
              re.compile(r"[,，、:：]\s*"), re.compile(r"\s+"))
_HANGUL = re.compile(r"[\uac00-\ud7a3]")


def segment(text: str, lang: str) -> list[Sentence]:
    """Split ``text`` into sentences with spans into ``text``.

    ``lang`` is a langdetect-style code (``en``, ``zh-cn``, ``ko``, ``uk``...); unknown
    codes get generic rules. ``Sentence.lang`` is left to the caller (see
    ``provenance.langid.sentence_language``).
    """
    code = base(lang)
    sx_lang = code if has(code, "segmentation") else "en"
    sentences: list[Sentence] = []
    for para_index, (p_start, p_end) in enumerate(paragraph_spans(text)):
        for start, end in _split_paragraph(text, p_start, p_end, sx_lang):
            sentences.append(Sentence(len(sentences), text[start:end], start, end,
                                      paragraph=para_index))
    return sentences


def paragraph_spans(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each paragraph, whitespace-trimmed, in order."""
    lines = list(_line_spans(text))
    wrapped = _looks_hard_wrapped(text, lines)
    current: tuple[int, int] | None = None
    for start, end in lines:
        if start == end:  # blank line
            if current:
                yield current
            current = None
            continue
        if current and (wrapped or _continues(text, current, start, end)):
            current = (current[0], end)
        else:
            if current:
                yield current
            current = (start, end)
    if current:
        yield current


def _line_spans(text: str) -> Iterator[tuple[int, int]]:
    """Whitespace-trimmed spans of each line; blank lines give an empty span."""
    pos = 0
    length = len(text)
    while pos <= length:
        nl = text.find("\n", pos)
        stop = length if nl < 0 else nl
        start, end = pos, stop
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        yield (start, end) if start < end else (stop, stop)
        if nl < 0:
            break
        pos = nl + 1


def _looks_hard_wrapped(text: str, lines: list[tuple[int, int]]) -> bool:
    """Text wrapped at a fixed width: blank-line blocks whose lines mostly run on."""
    non_blank = [(s, e) for s, e in lines if e > s]
    blanks = len(lines) - len(non_blank)
    if blanks == 0 or len(non_blank) < 2 * max(blanks, 1):
        return False
    run_on = sum(1 for s, e in non_blank if text[e - 1] not in _TERMINAL + _CLOSERS)
    lengths = sorted(e - s for s, e in non_blank)
    median = lengths[len(lengths) // 2]
    return run_on >= 0.5 * len(non_blank) and 40 <= median <= 100 and lengths[-1] <= 120


def _continues(text: str, current: tuple[int, int], start: int, end: int) -> bool:
    """A line that continues the previous one: a sentence broken by a stray line break."""
    prev_last = text[current[1] - 1]
    first = text[start]
    return (
        prev_last not in _TERMINAL + _CLOSERS + ":"
        and first.islower()
        and current[1] - current[0] >= _WRAP_LINE_MIN
    )


def _split_paragraph(text: str, p_start: int, p_end: int, sx_lang: str) -> list[tuple[int, int]]:
    import sentencex

    para = text[p_start:p_end]
    # sentencex never splits inside quotation marks, but news quotes often run over
    # several sentences; it sees the quotes as spaces (same length, so offsets hold) and
    # the repair step below puts closing quotes back with their sentence.
    masked = para.translate(_QUOTE_MASK)
    spans: list[tuple[int, int]] = []
    ascii_only = para.isascii()
    for w_start, w_end in _windows(para):
        boundaries = sentencex.get_sentence_boundaries(sx_lang, masked[w_start:w_end])
        for b in boundaries:
            start, end = w_start + b["start_index"], w_start + b["end_index"]
            if ascii_only:
                spans.append((start, end))
            else:
                spans.extend(_cjk_split(para, start, end))
    if _FORCED_BREAK.search(para):
        spans = [piece for s, e in spans for piece in _forced_split(para, s, e)]
    spans = _trimmed(para, spans)
    spans = _repair(para, spans)
    spans = [piece for s, e in spans for piece in _cut_long(para, s, e)]
    return [(p_start + s, p_start + e) for s, e in spans]


def _windows(para: str) -> list[tuple[int, int]]:
    """``para`` in pieces of at most ``WINDOW_CHARS``, each ending after a sentence stop
    when the piece has one in its second half (else at a space, else anywhere)."""
    if len(para) <= WINDOW_CHARS:
        return [(0, len(para))]
    windows, start = [], 0
    while len(para) - start > WINDOW_CHARS:
        end = _last_cut(para, start + WINDOW_CHARS // 2, start + WINDOW_CHARS, (_SAFE_CUT,))
        windows.append((start, end))
        start = end
    windows.append((start, len(para)))
    return windows


def _last_cut(text: str, low: int, high: int, patterns: tuple[re.Pattern[str], ...]) -> int:
    """The end of the last match of the first pattern that matches in ``text[low:high]``;
    a space, else ``high`` itself, when none does."""
    for pattern in (*patterns, _LONG_CUTS[-1]):
        cut = None
        for match in pattern.finditer(text, low, high):
            cut = match.end()
        if cut is not None and cut > low:
            return cut
    return high


def _cut_long(para: str, start: int, end: int) -> list[tuple[int, int]]:
    """A sentence over ``MAX_SENTENCE_CHARS`` in pieces at stops, commas or spaces."""
    if end - start <= MAX_SENTENCE_CHARS:
        return [(start, end)]
    pieces = []
    while end - start > MAX_SENTENCE_CHARS:
        cut = _last_cut(para, start + MAX_SENTENCE_CHARS // 2, start + MAX_SENTENCE_CHARS,
                        _LONG_CUTS[:-1])
        piece_end = cut
        while piece_end > start and para[piece_end - 1].isspace():
            piece_end -= 1
        pieces.append((start, piece_end))
        start = cut
        while start < end and para[start].isspace():
            start += 1
    if start < end:
        pieces.append((start, end))
    return pieces


def _forced_split(para: str, start: int, end: int) -> list[tuple[int, int]]:
    """Boundaries sentencex misses: "(It was late.) Next", "у 2022 р. Далі"."""
    spans, prev = [], start
    for match in _FORCED_BREAK.finditer(para, start, end):
        if prev < match.end() < end:
            spans.append((prev, match.end()))
            prev = match.end()
    spans.append((prev, end))
    return spans


def _cjk_split(para: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split at full-width stops (and Korean stops with no space) sentencex left alone."""
    cuts = [m.end() for m in _CJK_STOP.finditer(para, start, end)]
    cuts += [m.end() for m in _KOREAN_NO_SPACE.finditer(para, start, end)]
    spans, prev = [], start
    for cut in sorted(set(cuts)):
        if prev < cut < end:
            spans.append((prev, cut))
            prev = cut
    spans.append((prev, end))
    return spans


def _trimmed(para: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out = []
    spans = _move_openers(para, spans)
    for s, e in spans:
        while s < e and para[s].isspace():
            s += 1
        while e > s and para[e - 1].isspace():
            e -= 1
        if s < e:
            out.append((s, e))
    return out


def _move_openers(para: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """An opening quote left at the end of a sentence ('... end. "Next') starts the next."""
    out = list(spans)
    for i in range(len(out) - 1):
        s, e = out[i]
        k = e
        while k > s and para[k - 1].isspace():
            k -= 1
        j = k
        while j > s and para[j - 1] in _OPENERS and (j - 1 == s or para[j - 2].isspace()):
            j -= 1
        if j < k:
            out[i] = (s, j)
            out[i + 1] = (j, out[i + 1][1])
    return out


def _repair(para: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Merge false breaks and move stray closing quotes back to their sentence."""
    out: list[tuple[int, int]] = []
    for s, e in spans:
        if out:
            ps, pe = out[-1]
            # Closing quotes/brackets split off after a full stop: "...end." ” Next
            closers = 0
            while s + closers < e and _is_closing(para, s + closers):
                closers += 1
            if closers and (s + closers == e or para[s + closers].isspace()):
                out[-1] = (ps, s + closers)
                s += closers
                while s < e and para[s].isspace():
                    s += 1
                if s >= e:
                    continue
                ps, pe = out[-1]
            # Only the end of the previous sentence matters (see _false_break): slicing
            # all of it would make a long run of merges quadratic.
            if _false_break(para[max(ps, pe - 16):pe], para[s:e], touching=pe == s):
                out[-1] = (ps, e)
                continue
        out.append((s, e))
    return out


def _is_closing(para: str, i: int) -> bool:
    ch = para[i]
    if ch not in _CLOSERS:
        return False
    if ch in "\"'":
        # A straight quote closes when it follows the previous text without a space.
        return i > 0 and not para[i - 1].isspace()
    return True


def _false_break(prev: str, nxt: str, *, touching: bool = False) -> bool:
    if not prev or not nxt:
        return False
    if prev[-1] in "。！？":
        return False
    if touching and prev[-1] in "\"”’»" and _HANGUL.match(nxt):
        return True  # Korean quotative particle: "...준비됐다."고 밝혔다
    first = nxt.lstrip("\"'“‘«([")[:1]
    if first and first.islower():
        return True  # sentences start with a capital in every cased script we handle
    if not prev.endswith("."):
        return False
    if _ends_with_initial(prev):
        return True
    # Only the end of the sentence matters; searching all of it would be quadratic.
    match = _LAST_WORD.search(prev[-16:])
    return bool(match and match.group(1).lower() in _ABBREVIATIONS)


def _ends_with_initial(prev: str) -> bool:
    """'... В.' / 'J.': one capital letter after a space, quote or bracket is an initial."""
    if len(prev) < 2 or prev[-1] != ".":
        return False
    letter = prev[-2]
    return (letter.isalpha() and letter.isupper()
            and (len(prev) == 2 or prev[-3] in _INITIAL_PRECEDERS))
