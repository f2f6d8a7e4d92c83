"""Does an unknown source name look like a news outlet rather than a person or a body?

Only outlets relay stories. A name the glossary does not know ("Battery Industry Wire",
"한국경제신문", «Європейська правда») counts as an outlet when it is shaped like one, or
when it is cited with a reporting verb ("X reported", 据X报道, X 보도했다, пише X).
"""

from __future__ import annotations

import re

from provenance.model import Attribution

_OUTLET_WORDS = re.compile(
    r"\b(?:News|Times|Post|Journal|Daily|Agency|Press|Herald|Tribune|Gazette|Telegraph|"
    r"Wire|Radio|TV|Television|Channel|Media|Network|Broadcasting|Observer|Review|"
    r"Magazine|Newspaper|Chronicle|Insider|Report|Express|Mail|Monitor|Courier|Pravda|"
    r"Vedomosti|Izvestia|Kommersant|Komersant)\b|\.(?:com|net|org|co\.\w+|ua|ru|kr|cn)\b"
    r"|日报|时报|晚报|新闻|通讯社|电视台|广播|报$|社$|网$|일보|신문|뉴스|방송|통신|타임스|저널"
    r"|правда|новини|новости|вісті|вести|газет|агентств|видання|издани|телеканал|радіо|радио"
    r"|тиждень|неделя|вестник|вісник|известия|ведомости|коммерсант|комерсант|ТАСС|УНІАН|РБК",
    re.IGNORECASE,
)
_REPORT_CUES = re.compile(
    r"report|reported|reports|writes|报道|报导|보도|пише|пишет|повідомля|сообща|передає|"
    r"передает|з посиланням|со ссылкой|援引|인용", re.IGNORECASE)
_SOCIAL = re.compile(r"\b(?:on|in)\s+(?:Facebook|Twitter|X|Telegram|Instagram)\b")


def looks_like_outlet(name: str) -> bool:
    """True for names shaped like a news outlet ("Tech Daily Wire", "北海晨报")."""
    return bool(_OUTLET_WORDS.search(name))


def is_relay(attribution: Attribution, all_attributions: list[Attribution] | None = None) -> bool:
    """Whether an attribution names a source the article relays (an outlet), not a speaker.

    Glossary outlets always are; unknown names are when outlet-shaped, or when one of
    their citations in the article uses a reporting cue ("reported", 报道, пише).
    """
    if attribution.negated:
        return False
    if attribution.kind == "outlet":
        return True
    if attribution.kind != "unknown":
        return False
    if looks_like_outlet(attribution.source):
        return True
    peers = [a for a in (all_attributions or [attribution]) if a.source == attribution.source]
    return any(_REPORT_CUES.search(a.cue) for a in peers)
