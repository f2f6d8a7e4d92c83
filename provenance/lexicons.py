"""Multilingual cue lexicons: hedges, evidentials, negations and relation-verb classes.

Entries for space-delimited languages (en, uk, ru) match whole words, case-insensitively;
an entry ending in ``*`` matches any word starting with it (Ukrainian and Russian
inflect). Chinese and Korean entries match as substrings, after masking the compounds
listed under ``MASKS`` (不过 "however" contains 不 but negates nothing; 안보 is not 안).

The lexicons are deliberately small and precise: a cue found on one side only becomes a
finding, so a cue that fires on ordinary wording would produce false alarms on faithful
translations.

Cues are sentence facts (``SentenceFacts.cues``), read below the drift detectors that
compare them; hence this module sits beside the glossary and quantity readers rather
than inside ``provenance.drift``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from provenance.lang import base, has, whole_words

# category -> language -> entries
LEXICON: dict[str, dict[str, tuple[str, ...]]] = {
    # Evidentials: the claim is second-hand. Removing one states a rumour as fact.
    "evidential": {
        "en": ("reportedly", "allegedly", "purportedly", "supposedly", "is said to",
               "are said to", "was said to", "were said to", "reports say", "it is reported",
               "rumoured", "rumored", "unconfirmed", "unverified", "claimed to", "claims to"),
        "zh": ("据报道", "据悉", "据称", "据传", "据说", "传闻", "有消息称", "据了解", "报道称",
               "据报", "据披露", "传言", "未经证实", "未经核实", "声称"),
        "ko": ("것으로 알려졌", "것으로 전해졌", "알려졌다", "전해졌다", "것으로 알려",
               "것으로 전해",
               "라는 소문", "주장했", "주장이", "미확인", "보도에 따르면"),
        "uk": ("нібито", "начебто", "як повідомляється", "повідомляється", "за повідомленнями",
               "за чутками", "кажуть", "неперевірен*", "стверджу*"),
        "ru": ("якобы", "как сообщается", "сообщается", "по сообщениям", "по слухам",
               "говорят", "непроверенн*", "утвержда*"),
    },
    # Modal hedges: possibility, probability, expectation.
    "modal": {
        "en": ("may", "might", "could", "possibly", "probably", "likely", "unlikely", "perhaps",
               "apparently", "seemingly", "appears to", "appear to", "seems to", "seem to",
               "expected to", "is expected", "are expected"),
        "zh": ("可能", "或许", "也许", "大概", "似乎", "恐怕", "或将", "有望", "预计", "估计",
               "看来", "好像"),
        "ko": ("수 있", "수도 있", "가능성", "아마", "듯하", "듯한", "것으로 보인", "것으로 보여",
               "것으로 예상", "전망", "예상된", "추정"),
        "uk": ("можливо", "мабуть", "ймовірно", "імовірно", "може", "можуть", "могли", "міг",
               "могла", "схоже", "очікується", "очевидно", "напевно"),
        "ru": ("возможно", "может", "могут", "мог", "могла", "могли", "вероятно", "по-видимому",
               "видимо", "похоже", "ожидается", "наверное", "предположительно"),
    },
    # Negation that reverses a clause. Lexical negatives ("illegal", 非法) are left out.
    "negation": {
        # Lexical negatives ("unlikely", "failed to", "without") are listed too: a
        # translator often renders them with a plain negation (不太可能, 没能, 没有), and a
        # finding needs negation on one side and none at all on the other.
        "en": ("not", "n't", "never", "no longer", "neither", "nor", "cannot", "nobody",
               "nothing", "none", "no one", "no", "without", "unlikely", "unable", "failed to",
               "fails to", "fail to", "failing to", "lack*", "refus*", "failure to", "deny",
               "denies", "denied", "denial", "objected", "rejected", "opposed", "prevent",
               "prevents", "prevented", "preventing", "impossible", "absence", "absent", "nowhere",
               "hardly", "barely", "rarely", "little or no", "yet to", "instead of", "rather than"),
        "zh": ("不", "没", "未", "无", "并非", "绝非", "从未", "别", "勿", "否认", "拒绝", "缺乏",
               "缺少", "难以"),
        "ko": ("않", "못", "아니", "없", "말라", "말고", "거부", "부인", "실패"),
        "uk": ("не", "ні", "ніколи", "жоден", "жодн*", "немає", "нема", "ніхто", "нічого", "без",
               "відмов*", "запереч*", "бракує", "брак", "навряд", "відсутн*"),
        "ru": ("не", "нет", "ни", "никогда", "никто", "ничего", "ни один", "нельзя", "без",
               "отказ*", "отрица*", "нехватк*", "вряд ли", "отсутств*"),
    },
    # Reporting verbs and source cues: a claim attributed to someone is not bare, so an
    # evidential rendered as "according to X" is not a dropped hedge.
    "reporting": {
        "en": ("said", "says", "say", "told", "according to", "reported", "reports", "cited",
               "citing", "quoted", "sources"),
        "zh": ("据", "报道", "表示", "称", "说", "援引", "透露", "消息人士", "指出", "引述"),
        "ko": ("따르면", "밝혔", "말했", "전했", "보도했", "인용", "소식통", "설명했"),
        "uk": ("за словами", "заяви*", "повідоми*", "сказа*", "за даними", "джерел*", "пише",
               "пишуть", "посилаючись"),
        "ru": ("по словам", "заяви*", "сообщи*", "сказа*", "по данным", "источник*", "пишет",
               "пишут", "ссылаясь"),
    },
    # The clear, clause-level negations: a flip that involves one of these is major; a
    # flip seen only through "no", "without", 无 or 不 inside an idiom is minor.
    "negation_strong": {
        "en": ("not", "n't", "never", "no longer", "cannot"),
        "zh": ("不是", "不会", "不能", "不再", "不要", "不得", "不可能", "不愿", "不肯", "不敢",
               "没有", "没能", "未能", "尚未", "并未", "从未", "并非", "绝非", "无法", "否认",
               "拒绝", "并不", "不予", "不支持", "不同意"),
        "ko": ("않", "못", "아니"),
        "uk": ("не", "ніколи"),
        "ru": ("не", "никогда"),
    },
    # Relation verbs, grouped below: remote contact vs meeting in person...
    "contact_remote": {
        "en": ("spoke", "speak", "speaks", "speaking", "spoken", "talked", "talk", "talks",
               "talking", "phoned", "phone call", "phone calls", "called him", "called her",
               "call with", "calls with", "conversation", "conversations"),
        "zh": ("通话", "通电话", "交谈", "谈话", "致电", "电话", "对话"),
        "ko": ("통화", "대화", "얘기", "이야기"),
        "uk": ("розмовля*", "розмов*", "говори*", "поговори*", "телефон*", "поспілкува*"),
        "ru": ("разговарива*", "разговор*", "говори*", "поговори*", "телефон*", "созвон*",
               "пообща*"),
    },
    "contact_meet": {
        "en": ("met", "meet", "meets", "meeting", "meetings", "visited", "visit", "visits",
               "visiting", "in person"),
        "zh": ("会面", "会见", "见面", "会晤", "拜访", "面见", "会谈", "访问"),
        "ko": ("만났", "만나", "만남", "회동", "면담", "방문", "회담"),
        "uk": ("зустр*", "відвіда*", "візит*"),
        "ru": ("встреча*", "встрети*", "встреч*", "посети*", "посеща*", "визит*"),
    },
    "transfer_give": {
        "en": ("awarded", "awards", "award", "granted", "grants", "gave", "gives", "handed"),
        "zh": ("授予", "给予", "授出", "发放", "颁发"),
        "ko": ("수여", "부여", "발주", "맡겼"),
        "uk": ("надав*", "наді*", "присуди*", "видав*", "присуджу*"),
        "ru": ("предостав*", "присуди*", "присужда*", "выдал*", "выдава*", "наградил*"),
    },
    "transfer_receive": {
        "en": ("received", "receives", "receive", "got", "gets", "obtained", "was given",
               "were given"),
        "zh": ("获得", "收到", "得到", "拿到", "获"),
        "ko": ("받았", "받은", "받아", "받는", "획득"),
        "uk": ("отрима*", "одержа*"),
        "ru": ("получи*", "получа*"),
    },
    "outcome_won": {
        "en": ("won", "wins", "secured", "clinched", "landed", "won over"),
        "zh": ("赢得", "中标", "拿下", "斩获", "赢下"),
        "ko": ("따냈", "수주했", "수주한", "따낸", "확보했"),
        "uk": ("виграв", "виграла", "виграли", "здобу*", "вибори*"),
        "ru": ("выиграл*", "завоева*", "добил*"),
    },
    "outcome_sought": {
        "en": ("bid", "bids", "bidding", "sought", "seek", "seeks", "seeking", "vie", "vying",
               "compete for", "competing for", "pursue", "pursuing", "tried to", "try to",
               "trying to", "attempt", "attempted"),
        "zh": ("竞标", "争取", "寻求", "竞争", "谋求", "试图", "力争", "争夺", "投标"),
        "ko": ("입찰", "추진", "노력", "시도", "경쟁", "노리", "모색"),
        "uk": ("претенду*", "добива*", "бореться", "боролися", "прагн*", "намага*", "конкуру*"),
        "ru": ("претенду*", "добива*", "борется", "боролись", "стрем*", "пыта*", "конкуриру*"),
    },
}

#: relation groups: two classes that must not be swapped for each other
RELATION_GROUPS: dict[str, tuple[str, str]] = {
    "contact": ("contact_remote", "contact_meet"),
    "transfer": ("transfer_give", "transfer_receive"),
    "outcome": ("outcome_won", "outcome_sought"),
}

#: compounds that contain a cue but do not carry its meaning (masked before matching)
MASKS: dict[str, tuple[str, ...]] = {
    "zh": ("不过", "不断", "不仅", "不但", "不少", "不同", "不久", "不管", "不论", "无论", "不得不",
           "差不多", "不一会", "要不", "不然", "未来", "别人", "别的", "分别", "特别", "区别",
           "告别", "级别", "类别", "性别", "个别", "识别", "辨别", "鉴别", "别墅", "没收", "淹没",
           "埋没", "出没", "沉没", "吞没", "覆没", "无论如何", "无人机", "非洲", "非常", "是否",
           "否则", "无数", "无线", "虚无", "无忧无虑", "不只", "不止", "不发达", "不错", "不久前",
           "不得了", "了不起", "不禁", "无关紧要",
           "不可避免", "不约而同", "电话会议", "获悉", "获胜", "获奖",
           "捕获", "俘获", "收获", "查获", "缴获", "破获", "截获", "荣获", "可能性"),
    "ko": ("아니라", "없이도", "말고도", "이야기꾼"),
    "en": ("not only", "no doubt", "nothing but", "could not help", "no matter", "whether or not"),
    "uk": ("не лише", "не тільки", "ні, "),
    "ru": ("не только", "не так давно"),
}


@dataclass(frozen=True)
class Cue:
    """A lexicon hit inside one sentence: its category, the cue as written and its span."""

    category: str
    text: str
    start: int
    end: int


def lexicon_lang(lang: str | None) -> str | None:
    """The lexicon key for an article language, or None when there is no lexicon."""
    key = base(lang)
    return key if has(key, "drift") else None


@lru_cache(maxsize=64)
def _pattern(category: str, lang: str) -> re.Pattern[str] | None:
    entries = LEXICON[category].get(lang)
    if not entries:
        return None
    parts: list[str] = []
    for entry in sorted(entries, key=len, reverse=True):
        if whole_words(lang):
            if entry.endswith("*"):
                parts.append(r"(?<![\w'])" + re.escape(entry[:-1]) + r"\w*")
            elif entry.startswith("n't"):
                parts.append(re.escape(entry))
            else:
                parts.append(r"(?<![\w'])" + re.escape(entry) + r"(?![\w'])")
        elif lang == "ko" and entry in {"안"}:
            parts.append(r"(?<!\S)" + re.escape(entry) + r"(?!\S)")
        else:
            parts.append(re.escape(entry))
    return re.compile("|".join(parts), re.IGNORECASE)


def _masked(text: str, lang: str) -> str:
    """The text with non-cue compounds blanked out, offsets unchanged."""
    low = text.lower()
    for mask in MASKS.get(lang, ()):
        start = low.find(mask)
        while start >= 0:
            low = low[:start] + "\x00" * len(mask) + low[start + len(mask):]
            start = low.find(mask, start + len(mask))
    return low


def find_cues(text: str, lang: str | None, categories: tuple[str, ...] | None = None) -> list[Cue]:
    """Every cue of the given categories (default: all) in ``text``, in reading order."""
    key = lexicon_lang(lang)
    if key is None:
        return []
    masked = _masked(text, key)
    found: list[Cue] = []
    for category in categories or tuple(LEXICON):
        pattern = _pattern(category, key)
        if pattern is None:
            continue
        for m in pattern.finditer(masked):
            if key == "en" and text[m.start():m.end()] == "May" and m.start() > 0:
                continue  # the month, not the modal
            found.append(Cue(category, text[m.start():m.end()], m.start(), m.end()))
    found.sort(key=lambda c: (c.start, c.category))
    return found
