"""Language identification for articles and sentences.

``detect_language(text)`` gives a langdetect code (``en``, ``zh-cn``, ``zh-tw``, ``ko``,
``uk``, ``ru``...) and a confidence in [0, 1]. langdetect alone stumbles on news relays:
Latin brand names inside Chinese or Korean text, numbers and URLs pull it towards European
languages, and it confuses Ukrainian with Russian. So we

* strip URLs, e-mails, numbers and (when the text is mostly CJK or Cyrillic) Latin words
  before asking langdetect;
* decide by script where the script alone is decisive (Hangul -> ``ko``, Georgian ->
  ``ka``);
* settle the Cyrillic languages on the letters only some of them write (і ї є ґ for
  Ukrainian, ы э ё for Russian, a frequent ъ and none of those for Bulgarian, ђ ћ for
  Serbian, ѓ ќ ѕ for Macedonian, ў for Belarusian), then on frequent function words;
* settle simplified vs traditional Chinese on characters that exist in only one form;
* read a short Latin-script text again without its capitalised words when langdetect is
  unsure: "Lo riporta il Wall Street Journal." is Italian, whatever the outlet's name.

A language the project cannot read is still named (``he``, ``ka``): the registry
(``provenance.lang``) gives its name and its tier, ``none``, and outputs say so.

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
    "latin": re.compile(r"[A-Za-z\u00c0-\u024f\u1e00-\u1eff]"),
    "arabic": re.compile(r"[\u0620-\u064a\u0671-\u06d3\u0750-\u077f]"),
    "greek": re.compile(r"[\u0370-\u03ff\u1f00-\u1fff]"),
    "hebrew": re.compile(r"[\u05d0-\u05ea]"),
    "thai": re.compile(r"[\u0e01-\u0e5b]"),
    "devanagari": re.compile(r"[\u0900-\u0963\u0966-\u097f]"),  # not the danda (।)
    "georgian": re.compile(r"[\u10a0-\u10ff]"),
    "armenian": re.compile(r"[\u0531-\u0587]"),
}
#: Scripts that name their language on their own (langdetect knows no Georgian or
#: Armenian, and one script, one language is the safer answer for the others).
_SCRIPT_LANGUAGE = {"hangul": "ko", "greek": "el", "hebrew": "he", "thai": "th",
                    "georgian": "ka", "armenian": "hy"}
_CJK_SCRIPTS = ("han", "hangul", "kana")

# Letters that only some Cyrillic languages write (lower case; text is lowered first).
_UK_ONLY = frozenset("іїєґ")  # і is Belarusian too; ў tells Belarusian apart
_RU_ONLY = frozenset("ыэё")  # Belarusian writes them too
_HARD_SIGN = "ъ"  # frequent in Bulgarian, rare in Russian, absent in Ukrainian
_BE_ONLY = frozenset("ў")
_SR_ONLY = frozenset("ђћ")
_MK_ONLY = frozenset("ѓќѕ")
_SR_MK = frozenset("јљњџ")
# Frequent function words that differ, for short texts without a telling letter.
_FUNCTION_WORDS: dict[str, frozenset[str]] = {
    "uk": frozenset(["з", "та", "що", "від", "це", "як", "він", "вона", "до", "або", "але",
                     "коли", "вже"]),
    "ru": frozenset(["с", "что", "от", "это", "как", "он", "она", "или", "но", "когда", "уже",
                     "был", "была", "было", "его", "который", "которые"]),
    "bg": frozenset(["е", "са", "че", "ще", "със", "във", "това", "този", "тази", "които",
                     "който", "която", "беше", "бяха", "според", "през", "към", "каза"]),
    "sr": frozenset(["је", "су", "у", "са", "ће", "из", "који", "која", "није", "али"]),
    "mk": frozenset(["е", "се", "во", "со", "ќе", "од", "кој", "која", "според", "но"]),
}
_CYRILLIC_WORD = re.compile(r"[\u0400-\u04ff]+")
_CAPITALISED = re.compile(r"(?<![\w'’-])[A-Z\u00c0-\u00de][\w'’.\-]*")
#: Below this langdetect probability a Latin text is read again without its names.
_SURE = 0.9

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
    weighted = {k: v * (2 if k in _CJK_SCRIPTS else 1) for k, v in counts.items()}
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
    """The Cyrillic language the letters (then the function words) point to, or None."""
    low = text.lower()
    letters = Counter(ch for ch in low if "\u0400" <= ch <= "\u04ff")

    def n(chars: frozenset[str] | str) -> int:
        return sum(letters[ch] for ch in chars)

    uk, ru, hard = n(_UK_ONLY), n(_RU_ONLY), letters[_HARD_SIGN]
    if n(_BE_ONLY) and n(_BE_ONLY) + uk + ru > 2 * n("ґї"):
        return "be"
    if n(_SR_ONLY) or n(_MK_ONLY) or n(_SR_MK):
        if n(_SR_ONLY) != n(_MK_ONLY):
            return "sr" if n(_SR_ONLY) > n(_MK_ONLY) else "mk"
        return _by_words(low, ("sr", "mk")) or "sr"
    if uk or ru or hard:
        # A Russian quote inside a Ukrainian text (or the reverse) is a minority; Russian
        # writes ъ a few times per thousand letters, Bulgarian several times as often, and
        # never ы, э or ё.
        if uk >= ru and uk >= hard:
            return "uk"
        return "bg" if hard > ru else "ru"
    return _by_words(low, tuple(_FUNCTION_WORDS))


def _by_words(low: str, candidates: tuple[str, ...]) -> str | None:
    """The candidate with most of its own function words, None on a tie."""
    words = _CYRILLIC_WORD.findall(low)
    scores = sorted(((sum(1 for w in words if w in _FUNCTION_WORDS[c]), c)
                     for c in candidates), reverse=True)
    if scores[0][0] and scores[0][0] > scores[1][0]:
        return scores[0][1]
    return None


def _identify(text: str) -> tuple[str, float]:
    counts = script_counts(text)
    letters = sum(counts.values())
    if not letters:
        # A script the vote does not count (Bengali, Tamil...): langdetect may know it.
        if any(ch.isalpha() for ch in _clean(text, strip_latin=False)):
            ranked = _ranked(_clean(text, strip_latin=False))
            if ranked:
                return ranked[0]
        return UNDETERMINED, 0.0
    script = dominant_script(text)
    non_latin = script != "latin"
    share = counts[script] / letters if script else 0.0  # type: ignore[index]
    cleaned = _clean(text, strip_latin=non_latin)
    ranked = _ranked(cleaned)
    top, prob = ranked[0] if ranked else (UNDETERMINED, 0.0)
    prob_of = dict(ranked)

    if script in _SCRIPT_LANGUAGE:
        code = _SCRIPT_LANGUAGE[script]
        return code, max(prob_of.get(code, 0.0), share)
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
    if script == "latin" and prob < _SURE:
        # Outlet and person names are English-looking in any language: ask again without
        # capitalised words, and keep the answer that is surer.
        again = _ranked(_CAPITALISED.sub(" ", cleaned))
        if again and again[0][1] > prob:
            return again[0]
    if script not in ("latin", None) and top != UNDETERMINED \
            and script_of(top) not in (script, None):
        return UNDETERMINED, 0.0  # langdetect's guess is not written in this script
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
    if script in _SCRIPT_LANGUAGE:
        return _SCRIPT_LANGUAGE[script]
    if script != "latin":
        return _identify(text)[0]
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
