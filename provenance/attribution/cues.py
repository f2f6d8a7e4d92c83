"""Per-language cue tables: the words around a name that make it a cited source.

A cue is looked for immediately before a source mention ("according to the WSJ",
"据《华尔街日报》", "з посиланням на Bloomberg") or immediately after it ("the WSJ
reported", "월스트리트저널에 따르면", "Reuters сообщает"). Each cue carries a *rank*
that orders the sources of one sentence into a relay chain:

* 0: a trailing reporting clause (``..., "Kommersant" reports.``): the outlet closest
  to the reader, i.e. the last link of the chain;
* 1: a framing cue ("according to", 据, 에 따르면, за даними);
* 2: a reporting verb ("X reported", "reported by X", "X 보도했다");
* 3: a citing cue ("citing X", 援引, 인용해, з посиланням на): X is upstream of the
  outlet that cites it.

Negation patterns mark mentions that are *not* attributions of the claim ("Reuters could
not verify", "did not respond to requests for comment").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_F = re.IGNORECASE | re.UNICODE


@dataclass(frozen=True)
class Cue:
    """A regular expression with a ``cue`` group, and the chain rank it gives a source."""

    pattern: re.Pattern[str]
    rank: int


@dataclass(frozen=True)
class CueTable:
    """Everything language-specific the extractor needs."""

    before: tuple[Cue, ...]  # matched against the text before a mention (anchored at $)
    after: tuple[Cue, ...]  # matched against the text after a mention (anchored at ^)
    negated_before: tuple[re.Pattern[str], ...] = ()
    negated_after: tuple[re.Pattern[str], ...] = ()
    unnamed: tuple[re.Pattern[str], ...] = ()  # "people familiar with the matter"
    short_refs: tuple[re.Pattern[str], ...] = ()  # "the Journal", "the report", 该报
    dates: tuple[re.Pattern[str], ...] = ()
    name_like: tuple[re.Pattern[str], ...] = field(default_factory=tuple)  # unknown names


def _c(pattern: str, rank: int) -> Cue:
    return Cue(re.compile(pattern, _F), rank)


def _r(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, _F)


# --- English -------------------------------------------------------------------------
_EN_VERBS = (
    r"reported|reports|said|says|wrote|writes|told|tells|quoted|quotes|cited|cites|"
    r"revealed|reveals|mentioned|noted|notes|stated|states|announced|confirmed|claimed|"
    r"added|published|learned|disclosed|shows|showed|suggest|suggests|suggested|"
    r"indicated|say|added|first reported|broke the news"
)
_EN_ADVERBS = r"(?:(?:previously|also|earlier|first|exclusively|recently|later|further)\s+)?"
_EN_DATE_GAP = r"(?:on\s+(?:the\s+)?[\w]+(?:\s+\d{1,2}(?:st|nd|rd|th)?)?\s+)?"

ENGLISH = CueTable(
    before=(
        _c(r"\b(?P<cue>according to)\s+(?:(?:a|an|the)\s+)?(?:(?:recent|new|latest)\s+)?$", 1),
        _c(r"\b(?P<cue>as reported by|reported by|first reported by|cited by|published by|"
           r"revealed by)\s*(?:the\s*)?$", 2),
        _c(r"\b(?P<cue>report(?:s|ed)? (?:by|from|in))\s+(?:the\s+)?$", 2),
        _c(r"(?:^|,\s*)(?P<cue>per)\s+(?:(?:a|the)\s+)?$", 1),
        _c(r"\b(?P<cue>told|speaking to|speaking with|in an interview with|said to)\s+"
           r"(?:the\s+)?$", 2),
        # inverted: '"...," said Pierce County Sheriff's Department'
        _c(r"[,\"”]\s*(?P<cue>said|says|reported|reports|writes|wrote|added)\s+(?:the\s+)?$", 2),
        _c(r"\b(?P<cue>citing|quoting|quoted|cited|, via)\s+(?:(?:a|an|the)\s+)?"
           r"(?:(?:report|article)\s+(?:by|from|in)\s+(?:the\s+)?)?$", 3),
    ),
    after=(
        # ', "Kommersant" reports.' -- a trailing reporting clause ends the sentence.
        _c(r"^[\"'”’»]?\s*(?P<cue>reports|reported|said|says|writes|wrote)\s*[.!]?[\"'”’]?\s*$", 0),
        _c(r"^\s*(?:\([^)]{1,30}\)\s*)?(?:'s\s+|’s\s+)?(?P<cue>report|article|story)\b", 1),
        _c(r"^\s*(?:\([^)]{1,30}\)\s*)?\s*" + _EN_DATE_GAP + r"(?:which\s+|who\s+)?"
           r"(?:has\s+|have\s+|had\s+)?" + _EN_ADVERBS + _EN_DATE_GAP
           + r"(?:(?:officials?|spokes(?:person|man|woman)|executives?|representatives?|"
           r"sources)\s+)?(?P<cue>" + _EN_VERBS + r")\b", 2),
        _c(r"^\s*,\s*(?P<cue>citing|quoting)\b", 2),
        _c(r"^\s*(?:’s|'s)\s+(?:official\s+)?(?:website|statement|spokesperson|"
           r"spokesman|spokeswoman)\s+(?P<cue>shows|said|says|showed|stated)\b", 2),
    ),
    negated_before=(
        _r(r"(?:not|n't|never)\s+(?:yet\s+)?(?:been\s+)?(?:independently\s+)?"
           r"(?:verified|confirmed)\s+by\s+(?:the\s+)?$"),
    ),
    negated_after=(
        _r(r"^\s*(?:has|have|had|could|did|was|were|is|cannot|can)?\s*(?:not|n't|never|"
           r"unable to)\s+(?:yet\s+)?(?:been able to\s+)?(?:independently\s+|immediately\s+)?"
           r"(?:verify|confirm|verified|confirmed)\b"),
        # "..., the White House, Blue Origin and SpaceX did not respond": a list of names
        re.compile(r"^(?:\s*(?:,|,?\s+and)\s+(?:the\s+)?[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*)*)"
                   r"{0,4}\s*,?\s+(?:did not|didn't|declined to|could not be reached|have not|"
                   r"has not|were not available to|was not available to)\s+(?:immediately\s+)?"
                   r"(?:respond|comment|reply|return)"),
    ),
    unnamed=(
        _r(r"\b(?:(?:anonymous|unnamed|internal|informed|industry|multiple|several|two|three|"
           r"four)\s+)?(?:people|persons|sources?|insiders?|officials?)\s+(?:familiar with|"
           r"close to|with (?:direct\s+)?knowledge of|briefed on|knowledgeable about|aware of)"
           r"(?:\s+the\s+(?:matter|situation|talks|discussions|plans?|negotiations?|deal|"
           r"company|process)|(?:\s+[A-Z][\w’']+(?:\s+and\s+[A-Z][\w’']+)?))?"),
        _r(r"\b(?:anonymous|unnamed|internal|informed|industry|multiple|several)\s+"
           r"(?:sources?|insiders?|officials?)(?:\s+(?:in|at|within)\s+the\s+company)?"),
        _r(r"\b(?:industry\s+)?insiders\b"),
        _r(r"\bsources\b(?:\s+(?:in|at|within)\s+the\s+company)?"),
        _r(r"\ba source\b"),
        # "the people said": back-reference to "people familiar with the matter"
        _r(r"\bthe (?:people|person|sources?|insiders?)\b"),
    ),
    short_refs=(
        re.compile(r"\b[Tt]he\s+(?:Journal|Post|Times|Guardian|Telegraph|Economist|Agency)\b"),
        _r(r"\bthe\s+(?:report|newspaper|paper|outlet|publication|agency|daily|broadcaster)\b"),
    ),
    dates=(
        _r(r"\bon\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
           r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}"
           r"(?:st|nd|rd|th)?(?:,\s*\d{4})?|the\s+\d{1,2}(?:st|nd|rd|th))\b"),
    ),
    name_like=(
        # Capitalised runs, optionally glued to a preceding lowercase word ("byThe Wall").
        re.compile(r"(?:(?<=[a-z])|\b)(?:The\s+)?[A-Z][\w’'&.-]*(?:\s+(?:of|de|the|and|&)?\s*"
                   r"[A-Z][\w’'&.-]*)*"),
        re.compile(r"[\"“«]([A-Z][^\"”»]{1,40})[\"”»]"),
    ),
)

# --- Chinese -------------------------------------------------------------------------
_ZH_GAP = r"(?:\d{1,2}月)?(?:\d{1,2}日)?(?:当地时间[^，。；]{0,10})?"
CHINESE = CueTable(
    before=(
        _c(r"(?P<cue>援引|引述|引用|转引|援用|转述)[^，。；：,]{0,8}$", 3),
        _c(r"(?P<cue>据|根据)[^，。；：,]{0,8}$", 1),
        _c(r"(?P<cue>接受)[^，。；：,]{0,4}$", 2),
    ),
    after=(
        _c(r"^[》」”]?" + _ZH_GAP + r"(?:的)?(?:报道|消息)?[^，。；]{0,10}?"
           r"(?P<cue>报道称|报道说|报道|报导|消息称|称|表示|透露|指出|写道|披露|说|证实|援引|"
           r"引述|发文|发布)", 2),
        _c(r"^[》」”]?(?P<cue>的报道)", 2),
    ),
    negated_after=(
        _r(r"^[》」”]?[^，。]{0,6}?(?:无法|未能|不能|尚未|没有|并未)(?:独立)?(?:核实|证实|确认|验证)"),
        _r(r"^[》」”]?[^，。]{0,10}?(?:未|没有|拒绝)(?:立即)?(?:回应|置评|回复|评论)"),
    ),
    unnamed=(
        _r(r"(?:接近[^，。；]{1,10}的|熟悉[^，。；]{1,8}的|多名|一名|多位|一位|两名|匿名)?"
           r"(?:消息人士|知情人士|知情者|匿名人士|消息来源|有关人士|相关人士|业内人士|"
           r"内部人士|人士|官员)"),
    ),
    short_refs=(_r(r"^报道(?=称|说|指出)|该报|该媒体|该报道|该网站|该社|该通讯社"),),
    dates=(_r(r"(?:\d{1,2}月)?\d{1,2}日"),),
    name_like=(re.compile(r"《([^》]{1,20})》"),
               # the speaker of a clause: "，美国国家气象局表示" / "，但当局称" / "德贝里说"
               re.compile(r"(?:^|(?<=[，。；：、”\s]))(?:但|而|并|也|还|则|此外|另外|同时|随后|不过)?"
                          r"(?![他她它我你该这那的上对在补据但而]|周[一二三四五六日]|[今昨]天)"
                          r"([\u4e00-\u9fff·]{2,10}?)(?<!据)"
                          r"(?=(?:\d{1,2}日|今天|昨天|周[一二三四五六日]|一再|也|曾|还|随后|此前|日前|"
                          r"近日|在[^，。]{1,12}[上中])?(?:表示|说|称|写道|报道称|指出|透露)[，：:“\"])"),
               re.compile(r"[\u4e00-\u9fff]{1,8}(?:通讯社|电视台|日报|时报|晚报|新闻网|新闻社|"
                          r"社|网)(?=[\u4e00-\u9fff]{0,3}(?:报道|称|援引|消息))")),
)

# --- Korean --------------------------------------------------------------------------
_KO_REPORT_END = (r"(?:보도했다|보도했습니다|전했다|전했습니다|밝혔다|밝혔습니다|말했다|알렸다|"
                  r"설명했다|주장했다|지적했다|덧붙였다|보도|전해졌다|보도한 바 있다)")
_KO_PRE = r"^\)?(?:통신|신문|방송|일보|지)?(?:\([^)]{1,20}\))?\s*(?:들)?"
KOREAN = CueTable(
    before=(),
    after=(
        _c(_KO_PRE + r"(?:의\s*(?:보도|기사|발표)\s*)?(?P<cue>에 따르면|"
           r"에\s*따르면)", 1),
        _c(_KO_PRE + r"(?:의\s*(?:보도|기사|말)\s*)?(?P<cue>을 인용해|를 인용해|"
           r"을 인용한|를 인용한|을 인용하여|를 인용하여|을 인용|를 인용)", 3),
        _c(_KO_PRE + r"(?:은|는|이|가)\s[^.]*?(?P<cue>" + _KO_REPORT_END
           + r")[^.]{0,3}[.]?\s*$", 2),
        _c(_KO_PRE + r"(?P<cue>이 보도한|가 보도한|의 보도)", 2),
    ),
    negated_after=(
        _r(r"^(?:\([^)]{1,20}\))?\s*(?:은|는|이|가|측은|측도|도)?[^.]{0,30}?(?:확인하지 못했|"
           r"확인할 수 없었|검증하지 못했|확인되지 않았|답하지 않았|응답하지 않았|논평을 거부|"
           r"입장을 밝히지 않았)"),
    ),
    unnamed=(
        _r(r"(?:사정에 밝은|정통한|익명의|복수의|내부)?\s?(?:소식통|관계자|인사|내부자)(?:들)?"),
    ),
    short_refs=(_r(r"(?<![가-힣])(?:이 |해당 |같은 )?(?:신문|매체|보도|통신|방송)"
                   r"(?=은|는|에|이|가)"),),
    dates=(_r(r"(?:\d{1,2}월\s*)?\d{1,2}일(?:\s*\(현지시간\))?"),),
    name_like=(re.compile(r"[가-힣]{1,8}(?:일보|신문|뉴스|경제|방송|통신|타임스|저널)"),
               # the topic of quoted speech: "…대변인은 '…'라고 말했다" (은/는 only: 이/가
               # mark the subjects of the quoted clause as well)
               re.compile(r"(?:^|(?<=[\s,]))(?!그는|그녀|이들|그들)([가-힣]{2,10}?)"
                          r"(?=(?:은|는)\s[^.]*(?:라고|다고)\s*" + _KO_REPORT_END + r")"),),
)

# --- Ukrainian and Russian -----------------------------------------------------------
_CYR_GAP = r"(?:\s+[а-яіїєґё'’-]+){0,2}\s*[«\"“]?\s*$"
_UK_RU_POST_VERBS = (
    r"повідомляє|повідомило|повідомила|повідомили|повідомив|пише|пишуть|написало|написала|"
    r"заявив|заявила|заявили|зазначає|зазначив|стверджує|передає|інформує|розповів|"
    r"розповіла|сказав|сказала|кажуть|цитує|сообщает|сообщило|сообщила|сообщили|сообщил|"
    r"пишет|пишут|написал|заявил|отмечает|утверждает|передает|передаёт|рассказал|"
    r"рассказала|сказал|говорят|цитирует"
)
CYRILLIC = CueTable(
    before=(
        _c(r"(?P<cue>з посиланням на|посилаючись на|цитуючи|со ссылкой на|ссылаясь на|"
           r"цитируя)" + _CYR_GAP, 3),
        _c(r"(?P<cue>за даними|за інформацією|за словами|згідно з|відповідно до|як пише|"
           r"як повідомляє|як повідомило|йдеться у|йдеться в|по данным|по информации|"
           r"по словам|согласно|как пишет|как сообщает|как сообщило|говорится в)" + _CYR_GAP, 1),
        _c(r"(?P<cue>повідомляє|повідомило|повідомила|пише|пишуть|передає|інформує|"
           r"сообщает|сообщило|сообщила|пишет|пишут|передает|передаёт|цитує|цитирует)"
           + _CYR_GAP, 2),
    ),
    after=(
        _c(r"^[»\"”]?\s*(?:\([^)]{1,30}\)\s*)?(?:(?:також|также|раніше|ранее|вчора|вчера|"
           r"сьогодні|сегодня|вже|уже|(?:в|у|во)\s+[а-яіїєґё'’-]+)\s+)?(?P<cue>"
           + _UK_RU_POST_VERBS + r")\b", 2),
    ),
    negated_after=(
        _r(r"^[»\"”]?[^.]{0,25}?не\s+(?:[а-яіїєґё'’-]+\s+){0,2}(?:перевірити|підтвердити|"
           r"верифікувати|перевіряло|проверить|подтвердить|проверяло|відповіли|відповіло|"
           r"ответили|ответило|коментує|комментирует|прокоментували|прокомментировали)"),
    ),
    unnamed=(
        _r(r"(?:поінформовані|обізнані|анонімні|внутрішні|осведомленные|осведомлённые|"
           r"анонимные|знайомі з ситуацією)?\s?(?:джерела|джерел|джерелами|джерело|"
           r"співрозмовники|источники|источников|источник|собеседники)(?:\s+(?:в|у|з|близькі до|"
           r"близкие к)\s+[\w-]+)?"),
    ),
    short_refs=(re.compile(r"\b(?:[Вв]идання|[Аа]гентство|[Гг]азета|[Ии]здание)\b"
                       r"(?!\s+[«\"“A-ZА-ЯІЇЄҐЁ])"),),
    dates=(_r(r"\d{1,2}\s+(?:січня|лютого|березня|квітня|травня|червня|липня|серпня|вересня|"
              r"жовтня|листопада|грудня|января|февраля|марта|апреля|мая|июня|июля|августа|"
              r"сентября|октября|ноября|декабря)"),),
    name_like=(
        re.compile(r"[«\"“]([^»\"”]{1,40})[»\"”]"),
        re.compile(r"\b(?:The\s+)?[A-Z][\w’'&.-]*(?:\s+[A-Z][\w’'&.-]*)*"),
        # acronyms (РБК, ТАСС, УНІАН) and runs of two or more capitalised words
        re.compile(r"\b[А-ЯІЇЄҐЁ]{2,6}\b"),
        re.compile(r"\b[А-ЯІЇЄҐЁ][а-яіїєґё'’-]+(?:\s+[А-ЯІЇЄҐЁ][а-яіїєґё'’-]+)+"),
    ),
)

TABLES: dict[str, CueTable] = {"en": ENGLISH, "zh": CHINESE, "ko": KOREAN, "uk": CYRILLIC,
                               "ru": CYRILLIC}


def table_for(lang: str) -> CueTable:
    """The cue table for a base language code; English rules for anything unknown."""
    return TABLES.get(lang, ENGLISH)
