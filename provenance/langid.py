"""Language identification for articles and sentences.

``detect_language(text)`` gives a langdetect code (``en``, ``zh-cn``, ``zh-tw``, ``ko``,
``uk``, ``ru``...) and a confidence in [0, 1]. langdetect alone stumbles on news relays:
Latin brand names inside Chinese or Korean text, numbers and URLs pull it towards European
languages, and it confuses Ukrainian with Russian. So we

* strip URLs, e-mails, numbers and (when the text is mostly CJK or Cyrillic) Latin words
  before asking langdetect;
* decide by script where the script alone is decisive (Hangul -> ``ko``);
* settle Ukrainian vs Russian on the letters only one of them has (і ї є ґ vs ы э ъ ё);
* settle simplified vs traditional Chinese on characters that exist in only one form.

``sentence_language(text, article_lang)`` labels one sentence; short or ambiguous
sentences fall back to the article language (or to what their script implies).
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from provenance.lang import base, is_cyrillic, script_of

UNDETERMINED = "und"

_URL = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
_EMAIL = re.compile(r"\S+@\S+\.\w+")
_DIGITS = re.compile(r"\d+(?:[.,:]\d+)*")
_LATIN_WORD = re.compile(r"[A-Za-z\u00c0-\u024f][A-Za-z\u00c0-\u024f'’.\-]*")

# Only the letters matter for the script vote.
_SCRIPTS: dict[str, re.Pattern[str]] = {
    "hangul": re.compile(r"[\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f]"),
    "kana": re.compile(r"[\u3040-\u30ff]"),
    "han": re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]"),
    "cyrillic": re.compile(r"[\u0400-\u04ff]"),
    "latin": re.compile(r"[A-Za-z\u00c0-\u024f]"),
}

_UK_ONLY = frozenset("іїєґІЇЄҐ")
_RU_ONLY = frozenset("ыэъёЫЭЪЁ")
# Frequent function words that differ, for short texts without a telling letter.
_UK_WORDS = frozenset(["з", "та", "що", "від", "це", "як", "він", "вона", "до", "або", "але",
                       "коли", "вже"])
_RU_WORDS = frozenset(["с", "что", "от", "это", "как", "он", "она", "или", "но", "когда", "уже"])
_CYRILLIC_WORD = re.compile(r"[\u0400-\u04ff]+")

# Common characters whose simplified and traditional forms differ (simplified, traditional).
_SIMPLIFIED = frozenset("国说这们时会对发经为来个后进总统报华尔"
                        "关于与从没还过现东长门问间见让认实动开")
_TRADITIONAL = frozenset("國說這們時會對發經為來個後進總統報華爾"
                         "關於與從沒還過現東長門問間見讓認實動開")

#: Below this many letters a sentence is too short to identify on its own.
MIN_SENTENCE_LETTERS = 12
#: Article detection looks at this many characters from the start (enough for langdetect,
#: and it keeps a 50 MB file from being scanned for its language).
SAMPLE_CHARS = 20_000


def script_counts(text: str) -> Counter[str]:
    """How many letters of each script (hangul, kana, han, cyrillic, latin) the text has."""
    return Counter({name: len(rx.findall(text)) for name, rx in _SCRIPTS.items()})


def dominant_script(text: str) -> str | None:
    """The script with most letters (CJK scripts weighted x2: one Han char ~ one word)."""
    counts = script_counts(text)
    weighted = {k: v * (2 if k in ("han", "hangul", "kana") else 1) for k, v in counts.items()}
    best = max(weighted, key=lambda k: weighted[k])
    return best if weighted[best] else None


@lru_cache(maxsize=1)
def _langdetect():  # type: ignore[no-untyped-def]
    # Imported lazily, its profiles read from the index cache (langdetect's own loader
    # takes ~0.35 s); seeded once so that the same text always gets the same answer.
    from langdetect import DetectorFactory, detect_langs

    from provenance.langprofiles import install

    install()
    DetectorFactory.seed = 0
    return detect_langs


def _clean(text: str, strip_latin: bool) -> str:
    text = _URL.sub(" ", text)
    text = _EMAIL.sub(" ", text)
    text = _DIGITS.sub(" ", text)
    if strip_latin:
        text = _LATIN_WORD.sub(" ", text)
    return text


def _ranked(text: str) -> list[tuple[str, float]]:
    """langdetect's candidates, best first; [] when it finds no features."""
    from langdetect.lang_detect_exception import LangDetectException

    try:
        return [(r.lang, float(r.prob)) for r in _langdetect()(text)]
    except LangDetectException:
        return []


def _chinese_variant(text: str, ranked: list[tuple[str, float]]) -> str:
    simp = sum(1 for ch in text if ch in _SIMPLIFIED)
    trad = sum(1 for ch in text if ch in _TRADITIONAL)
    if simp != trad:
        return "zh-cn" if simp > trad else "zh-tw"
    for code, _ in ranked:
        if code in ("zh-cn", "zh-tw"):
            return code
    return "zh-cn"


def _cyrillic_variant(text: str) -> str | None:
    uk = sum(1 for ch in text if ch in _UK_ONLY)
    ru = sum(1 for ch in text if ch in _RU_ONLY)
    if uk or ru:
        # A Russian quote inside a Ukrainian text (or the reverse) is a minority.
        return "uk" if uk >= ru else "ru"
    words = [w.lower() for w in _CYRILLIC_WORD.findall(text)]
    uk_words = sum(1 for w in words if w in _UK_WORDS)
    ru_words = sum(1 for w in words if w in _RU_WORDS)
    if uk_words != ru_words:
        return "uk" if uk_words > ru_words else "ru"
    return None


def _identify(text: str) -> tuple[str, float]:
    counts = script_counts(text)
    letters = sum(counts.values())
    if not letters:
        return UNDETERMINED, 0.0
    script = dominant_script(text)
    non_latin = script in ("han", "hangul", "kana", "cyrillic")
    share = counts[script] / letters if script else 0.0  # type: ignore[index]
    cleaned = _clean(text, strip_latin=non_latin)
    ranked = _ranked(cleaned)
    top, prob = ranked[0] if ranked else (UNDETERMINED, 0.0)
    prob_of = dict(ranked)

    if script == "hangul":
        return "ko", max(prob_of.get("ko", 0.0), share)
    if script == "kana" or (script == "han" and counts["kana"] > counts["han"] * 0.1):
        return "ja", max(prob_of.get("ja", 0.0), share)
    if script == "han":
        code = _chinese_variant(cleaned, ranked)
        zh_prob = prob_of.get("zh-cn", 0.0) + prob_of.get("zh-tw", 0.0)
        return code, max(zh_prob, share)
    if script == "cyrillic":
        variant = _cyrillic_variant(cleaned)
        if variant:
            return variant, max(prob_of.get(variant, 0.0), min(share, 0.9))
        if is_cyrillic(top):
            return top, prob
        return "ru", prob_of.get("ru", 0.5 * share)
    return top, prob


def detect_language(text: str) -> tuple[str, float]:
    """The language of a text and langdetect's confidence in it.

    Returns ``("und", 0.0)`` for text without letters. Deterministic: the same text always
    gets the same answer. Long texts are judged on their first ``SAMPLE_CHARS`` characters.
    """
    return _identify(text[:SAMPLE_CHARS])


def sentence_language(text: str, article_lang: str | None = None) -> str:
    """The language of one sentence, robust to short and mixed sentences.

    A sentence in the article's own script keeps the article language (langdetect on one
    short sentence is less reliable than on the whole article, and this keeps ingest
    linear-time); a sentence in another script is identified on its own, and a very short
    one gets the language its script implies.
    """
    article_base = base(article_lang)
    if text.isascii() and _script_of(article_base) == "latin":
        return article_lang or UNDETERMINED  # fast path: most sentences of most corpora
    script = dominant_script(_clean(text, strip_latin=False))
    if script is None:
        return article_lang or UNDETERMINED
    if script == _script_of(article_base):
        if script == "cyrillic":
            # Cheap and decisive: a Russian quote in a Ukrainian article shows itself.
            variant = _cyrillic_variant(text)
            return variant or article_lang or UNDETERMINED
        if script == "han":
            return _chinese_variant(text, [(article_lang or "zh-cn", 1.0)])
        return article_lang or UNDETERMINED
    letters = sum(script_counts(text).values())
    if script == "hangul":
        return "ko"
    if script == "han":
        return _chinese_variant(text, []) if letters < MIN_SENTENCE_LETTERS else _identify(text)[0]
    if script == "kana":
        return "ja"
    if script == "cyrillic":
        return _cyrillic_variant(text) or _identify(text)[0]
    if letters < MIN_SENTENCE_LETTERS * 2:
        # A Latin name or two inside a non-Latin article: English is the safest guess.
        return "en"
    code, prob = _identify(text)
    return code if prob >= 0.8 else "en"


def _script_of(lang: str) -> str | None:
    """The script vote's name for a language's script (the registry's). A script the
    vote does not count (Arabic, Greek...) and an unknown language count as Latin, so a
    sentence of Latin letters inside them keeps the article's language."""
    if lang == UNDETERMINED:
        return None
    script = script_of(lang)
    return script if script in _SCRIPTS else "latin"
