"""Propose glossary entries: names and quantities a corpus uses that no concept covers.

``suggest_terms`` scans texts for capitalised names (Latin and Cyrillic), quoted names
(“…”, «…», 《…》, 「…」), numbers with units ($5.9 billion, 28 flights, 59亿美元) and
outlet-like names (…Journal, …News, 《…》, a name after "according to"), drops
everything a glossary concept already matches, and counts what is left, so a user can
add the frequent ones with ``provenance glossary add``.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Protocol

from provenance.glossary.inflection import is_cyrillic, stem
from provenance.glossary.termbase import Glossary

KINDS = ("name", "outlet", "quoted", "quantity")

_UPPER = r"[A-ZА-ЯІЇЄҐЁ]"
_WORD = rf"{_UPPER}[\w'’\-.&]*"
_CONNECT = r"(?:of|the|for|and|de|du|von|van|der|al|la|le)"
_NAME_RE = re.compile(rf"(?<![\w'’])({_WORD}(?:\s+(?:{_CONNECT}\s+)*{_WORD})*)")
_QUOTED_RE = re.compile(r"“([^”\n]{2,60})”|«([^»\n]{2,60})»|《([^》\n]{1,30})》|「([^」\n]{1,30})」"
                        r"|\"([^\"\n]{2,60})\"|‘([^’\n]{2,40})’")
# Foreign names in Chinese are written with a middle dot (德米特里·巴卡诺夫) and drawn
# from a small set of transliteration characters, which keeps 局长 and 表示 outside.
_TRANSLIT_HAN = ("阿埃艾安奥巴拜班邦贝本比彼宾波伯布查达戴丹道德迪蒂杜多厄恩法菲费芬弗福盖格古"
                 "哈海汉赫亨胡华怀霍基吉加贾杰金卡凯坎康科克肯库奎拉莱兰劳勒雷里利连林卢鲁路伦"
                 "罗洛马迈曼梅门蒙米明莫姆穆纳奈南内尼纽诺帕潘佩彭皮普乔切琼萨塞桑森沙莎舍什史"
                 "斯松苏索塔泰汤特提图托瓦万威韦维温沃乌西希谢辛休雅亚扬耶伊因尤约泽扎詹朱兹茨"
                 "丽娜妮琳莉娅茜黛露薇尔夫奇耶豪默")
_HAN_NAME_RE = re.compile(rf"[{_TRANSLIT_HAN}]{{1,6}}[·・•][{_TRANSLIT_HAN}]{{1,8}}")
# Sources named in Chinese and Korean attribution cues: 据北京日报报道, 아시아경제에 따르면.
_CJK_SOURCE_RE = re.compile(
    r"据(?!悉|报道|称)([\u4e00-\u9fffA-Za-z]{2,12}?)(?:报道|消息|称|援引)"
    r"|援引([\u4e00-\u9fffA-Za-z]{2,12}?)(?:的)?(?:报道|消息)"
    r"|(?<![\uac00-\ud7a3])([\uac00-\ud7a3A-Za-z]{2,12})(?:의 보도)?에 따르면")
_NUMBER = r"\d+(?:[.,]\d+)*"
_QUANTITY_RE = re.compile(
    rf"(?:[$€£¥]\s?{_NUMBER}(?:\s?(?:billion|million|trillion|thousand|bn|m|k)\b)?"
    rf"|{_NUMBER}\s?(?:%|percent|per cent)"
    rf"|{_NUMBER}\s?(?:billion|million|trillion|thousand)?\s?(?:dollars|euros|yuan|won|hryvnias?|roubles?|rubles?)"
    rf"|{_NUMBER}\s(?:launch(?:es)?|missions?|flights?|satellites?|rockets?|contracts?|orders?"
    rf"|people|years?|months?|days?|employees|astronauts|times|km|kilometres|miles|tons?"
    rf"|tonnes?)\b"
    rf"|{_NUMBER}(?:[万亿]+)?(?:美元|元|韩元|人民币|次|架|枚|颗|名|年|个月|天)"
    rf"|{_NUMBER}\s?(?:[만억조]+\s?)?(?:달러|원|번|회|건|명|차례)"
    rf"|{_NUMBER}\s?(?:млрд|млн|тис\.?|тыс\.?)?\s?(?:доларів|долларов|гривень|рублей|запусків|запусков|місій|миссий|польотів|полетов))"
)
_OUTLET_WORDS = re.compile(
    r"\b(?:Journal|Times|Post|News|Daily|Herald|Tribune|Agency|Press|Radio|Gazette|Ilbo|"
    r"Observer|Telegraph|Insider|Review|Weekly|Chronicle|Channel|TV)\b|(?:日报|时报|新闻|通讯社|电视台|"
    r"일보|신문|뉴스|통신|방송)|(?:газета|новини|новости|правда)", re.IGNORECASE)
_CUE_BEFORE = re.compile(r"(?:according to|reported by|reports?|citing|cited|told|said|"
                         r"повідомляє|повідомило|пише|сообщает|пишет|据|援引)\s*$", re.IGNORECASE)
# Capitalised words that begin sentences or are function words, not names.
_STOP_WORDS = """
A An The This That These Those It Its He She They We I You His Her Their Our
In On At For From With By As But And Or If When While After Before Since During Amid Despite
However Meanwhile Also According Sources Last Next Earlier Later Currently Afterwards
There Here What Which Who Why How Such Some Many Most Several Both Each Every No Not
Mr Mrs Ms Dr Jan Feb Mar Apr May Jun Jul Aug Sep Sept Oct Nov Dec January February March
April June July August September October November December Monday Tuesday Wednesday Thursday
Friday Saturday Sunday CEO President Chief Director Secretary Administrator Company
У В На З За Як Але Це Він Вона Вони Про Та І А Після До Через При Для Его Как Это Он Она Они
По Из"""
_STOP = frozenset(re.findall(r"\S+", _STOP_WORDS))


class _ArticleLike(Protocol):
    text: str

    @property
    def lang(self) -> str: ...


@dataclass
class Suggestion:
    """A term the corpus uses that no glossary concept covers."""

    text: str
    kind: str  # name | outlet | quoted | quantity
    count: int
    langs: list[str] = field(default_factory=list)
    example: str = ""  # a sentence-sized snippet around the first occurrence

    def to_dict(self) -> dict[str, object]:
        return {"text": self.text, "kind": self.kind, "count": self.count,
                "langs": self.langs, "example": self.example}


def _covered(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """True when one known concept spans the whole candidate (《北京青年报》 only
    contains 北京, so it stays a candidate)."""
    return any(s <= start and end <= e for s, e in spans)


def _snippet(text: str, start: int, end: int) -> str:
    left = max(text.rfind(".", 0, start), text.rfind("\n", 0, start)) + 1
    right_candidates = [i for i in (text.find(".", end), text.find("\n", end)) if i != -1]
    right = min(right_candidates) + 1 if right_candidates else len(text)
    return " ".join(text[left:right].split())[:200]


def _trim_name(name: str) -> str:
    # Footnote markers glued to a word ("Journal12", "June4") are not part of the name.
    words = [re.sub(r"(?<=[^\W\d])\d+(?=[.,]*$)", "", w) for w in name.split()]
    while words and (words[0].strip(".,") in _STOP or re.fullmatch(_CONNECT, words[0])):
        words.pop(0)
    while words and (re.fullmatch(_CONNECT, words[-1]) or words[-1].strip(".,") in _STOP):
        words.pop()
    return " ".join(words).strip(" .,'’-")


def _is_common_word(word: str) -> bool:
    """A Cyrillic word the dictionary knows as something other than a name."""
    if not is_cyrillic(word):
        return False
    from provenance.glossary.inflection import parses

    found = parses(word)
    if not found:
        return False
    # The likeliest reading decides: Голова is first "head", only rarely a surname.
    tags = set(str(found[0].tag).replace(" ", ",").split(","))
    return not tags & {"Name", "Surn", "Patr", "Geox", "Orgn", "Trad"}


def _candidates(text: str, masked: str) -> Iterable[tuple[int, int, str, str]]:
    """(start, end, text, kind) for every candidate in ``text``; names come from
    ``masked`` (known concepts blanked out), so "President Donald Trump" leaves nothing
    while "Roscosmos head Dmitry Bakanov" still yields the unknown name."""
    for match in _QUOTED_RE.finditer(text):
        group = next(i for i in range(1, 7) if match.group(i) is not None)
        inner = match.group(group).strip()
        kind = "outlet" if group == 3 or _OUTLET_WORDS.search(inner) else "quoted"
        yield match.start(group), match.end(group), inner, kind
    for match in _CJK_SOURCE_RE.finditer(text):
        group = next(i for i in range(1, 4) if match.group(i) is not None)
        yield match.start(group), match.end(group), match.group(group), "outlet"
    for match in _HAN_NAME_RE.finditer(masked):
        yield match.start(), match.end(), match.group(), "name"
    for match in _QUANTITY_RE.finditer(text):
        yield match.start(), match.end(), match.group().strip(), "quantity"
    for match in _NAME_RE.finditer(masked):
        name = _trim_name(match.group(1))
        if not name or len(name) < 2:
            continue
        start = text.find(name, match.start())
        end = start + len(name)
        before = text[max(0, start - 20):start]
        sentence_start = not text[:start].strip() or text[:start].rstrip()[-1] in ".!?\n:\"“«"
        if " " not in name and (sentence_start or name.isupper() and len(name) < 3):
            continue
        if sentence_start and " " in name and _is_common_word(name.split()[0]):
            name = name.split(" ", 1)[1]  # "Голова Роскосмосу Дмитро Баканов": drop "Голова"
            start = end - len(name)
        outlet = _OUTLET_WORDS.search(name) or _CUE_BEFORE.search(before)
        yield start, end, name, "outlet" if outlet else "name"


def _group_key(name: str, kind: str) -> tuple[str, str]:
    """Inflected Cyrillic names count together: Баканов, Баканова, Бакановим."""
    words = name.split()
    if kind in ("name", "outlet") and is_cyrillic(name):
        words = [stem(w) for w in words]
    else:
        words = [w.casefold() if kind == "quantity" else w for w in words]
    return " ".join(words), kind


def suggest_terms(items: Iterable[_ArticleLike | tuple[str, str]], glossary: Glossary,
                  *, min_count: int = 1, kinds: Iterable[str] = KINDS) -> list[Suggestion]:
    """Candidates not covered by ``glossary``, most frequent first.

    ``items`` are Article objects or ``(text, lang)`` pairs. Inflected forms of one
    Ukrainian or Russian name are counted together and shown in their commonest form.
    """
    wanted = set(kinds)
    counts: Counter[tuple[str, str]] = Counter()
    surfaces: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    langs: dict[tuple[str, str], set[str]] = defaultdict(set)
    examples: dict[tuple[str, str], str] = {}
    for item in items:
        text, lang = item if isinstance(item, tuple) else (item.text, item.lang)
        spans = [(m.start, m.end) for m in glossary.match(text, lang)]
        masked = list(text)
        for start, end in spans:
            masked[start:end] = "|" * (end - start)
        for start, end, name, kind in _candidates(text, "".join(masked)):
            if kind not in wanted or _covered(spans, start, end):
                continue
            surface = " ".join(name.split())
            key = _group_key(surface, kind)
            counts[key] += 1
            surfaces[key][surface] += 1
            langs[key].add(lang)
            examples.setdefault(key, _snippet(text, start, end))
    suggestions = [Suggestion(surfaces[key].most_common(1)[0][0], key[1], n, sorted(langs[key]),
                              examples[key])
                   for key, n in counts.items() if n >= min_count]
    suggestions.sort(key=lambda s: (-s.count, KINDS.index(s.kind), s.text.lower()))
    return suggestions
