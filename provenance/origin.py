"""Translation origin: is an article an original, a translation or a re-report, and of what?

For English articles, :func:`origin_signals` lists the traces an English rendering of a
foreign report carries: a foreign outlet's copyright line, "(local time)" after a date,
"on the 26th"-style dates, a content platform's disclaimer, a foreign outlet named as
the reporter, glossary forms known to be mistranslations... Each is a named, weighted
:class:`OriginSignal` with its span, so the user sees *why*. For articles written in
zh/ko/uk/ru the signals are the sources they cite: an English outlet at the head of the
relay chain means the story came from English.

:func:`classify_origin` turns attributions and signals into an origin with a confidence.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from provenance.attribution import article_attributions, citation_markers, is_relay
from provenance.lang import REGISTRY, base
from provenance.model import Article, Attribution, Origin, OriginSignal

if TYPE_CHECKING:
    from provenance.glossary import Glossary

# General rules for outlets the glossary knows without a `language`, or does not know at
# all: a nationality or language word in a name or note, a country domain.
_NATIONALITY = [
    (re.compile(r"\b(?:South\s+)?Korean?\b|한국", re.I), "ko"),
    (re.compile(r"\bChinese\b|\bChina\b|中国", re.I), "zh"),
    (re.compile(r"\bUkrain(?:ian|e)\b|Україн", re.I), "uk"),
    (re.compile(r"\bRussian?\b|Росси", re.I), "ru"),
    (re.compile(r"\bJapan(?:ese)?\b", re.I), "ja"),
    (re.compile(r"\b(?:American|British|English-language|U\.?S\.?|UK)\b"), "en"),
]
# Country domain -> base language, from the registry ("tw" -> "zh", "by" -> "ru").
_TLD_LANG = {tld: record.base for record in REGISTRY for tld in record.country_domains}
_TLD = re.compile(rf"\b[\w-]+(?:\.[\w-]+)*\.({'|'.join(_TLD_LANG)})\b", re.I)

# Weights: how strongly each trace says "an English rendering of a foreign report".
WEIGHTS: dict[str, float] = {
    "foreign_copyright": 0.9,
    "copyright_unknown_outlet": 0.2,
    "own_outlet_foreign": 0.7,
    "foreign_chain": 0.9,
    "foreign_outlet_cited": 0.5,
    "platform_disclaimer": 0.8,
    "local_time": 0.5,
    "day_of_month_date": 0.5,
    "self_reference": 0.5,
    "deprecated_term": 0.3,
    "name_order": 0.4,
    "quoted_product_name": 0.2,
    "day_first_date": 0.4,
    "template_plural": 0.3,
    "digit_thousand": 0.3,
    "ukrainian_apostrophe": 0.6,
    "perfect_past_time": 0.3,
    # evidence against a translation: numbered footnotes of an answer engine
    "aggregator_footnotes": -0.6,
    # non-English articles: the cited chain starts with an English outlet
    "english_source_cited": 0.6,
}

_COPYRIGHT = re.compile(r"[©ⓒ]|\(c\)|copyright|all rights reserved|unauthori[sz]ed reproduction|"
                        r"무단\s*전재|版权|版權|усі права захищені|все права защищены", re.I)
_DISCLAIMER = re.compile(r"(?:pictures?|images?|photos?)\s+(?:is|are)\s+(?:from|taken from)\s+"
                         r"the\s+internet|infringement|contact\s+(?:us|the\s+platform|the\s+"
                         r"author)[^.]{0,40}delet|侵删|侵权请联系", re.I)
_LOCAL_TIME = re.compile(r"\((?:local\s+time|local|현지시간|当地时间)\)", re.I)
_DAY_OF_MONTH = re.compile(r"\bon\s+the\s+\d{1,2}(?:st|nd|rd|th)\b", re.I)
# "08.02.2023": English writes dates with month names or slashes; a day-first date with
# dots is how German, Ukrainian, Russian, Polish... write them, left in by a translator.
_DAY_FIRST_DATE = re.compile(r"(?<![\w.])(?:0?[1-9]|[12]\d|3[01])\.(?:0?[1-9]|1[0-2])\."
                             r"(?:19|20)\d\d(?!\.?\d)")
# "4 hour(s) ago": a plural left open, as machine translation renders "4 годин(и) тому"
# and no English newsroom writes
_TEMPLATE_PLURAL = re.compile(r"\b\d+\s+[a-z]+\(s\)", re.I)
# "Muskʼs", "donʼt": U+02BC, the apostrophe of Ukrainian orthography (and keyboards), in
# English words; English is typed with ’ or '
_UKRAINIAN_APOSTROPHE = re.compile(r"[A-Za-z]\u02bc(?:s|t|re|ve|ll|d|m)\b")
UKRAINIAN_APOSTROPHE_MIN = 2
# "17 thousand people": English news writes 17,000; a digit before the word "thousand" is
# the number grammar of languages that say it so ("17 тисяч", "1.7万" read as 1.7 ten-thousands)
_DIGIT_THOUSAND = re.compile(r"\b\d+(?:[.,]\d+)?\s+thousand\b", re.I)
# "On Monday, the president has claimed": English puts a definite past time with the past
# tense, never the present perfect; languages without that rule (Ukrainian, Russian,
# German, Chinese...) leave it in. One such clause is a slip any writer makes, so the
# signal needs PERFECT_PAST_MIN of them.
_PARTICIPLE = r"(?:been\s+)?[a-z]+(?:ed|en|wn|ne|lt|ght|id|ot|ung|un)\b"
_PAST_TIME = (r"(?:on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|"
              r"yesterday|last\s+(?:week|month|year|night)|\d+\s+(?:days?|weeks?|months?|"
              r"years?)\s+ago)")
_PERFECT_PAST_TIME = re.compile(
    rf"\b(?:has|have)\s+(?:(?:already|also|just|now|not|never|recently)\s+)?{_PARTICIPLE}"
    rf"(?:\s+[\w’'-]+){{0,4}}?\s+{_PAST_TIME}\b"
    rf"|(?<![\w,]\s)\b{_PAST_TIME},\s+(?:[\w’'-]+\s+){{1,6}}?(?:has|have)\s+{_PARTICIPLE}",
    re.I)
PERFECT_PAST_MIN = 2
#: traces that count only from a number of occurrences, one being a slip: name ->
#: (pattern, language hint, occurrences needed)
_COUNTED: dict[str, tuple[re.Pattern[str], str | None, int]] = {
    "perfect_past_time": (_PERFECT_PAST_TIME, None, PERFECT_PAST_MIN),
    "ukrainian_apostrophe": (_UKRAINIAN_APOSTROPHE, "uk", UKRAINIAN_APOSTROPHE_MIN),
}
_SELF_REFERENCE = re.compile(r"\b(?:this\s+(?:newspaper|paper|reporter|correspondent|outlet|"
                             r"agency|publication)|our\s+(?:reporter|correspondent)|"
                             r"(?:a|the)\s+reporter\s+(?:learned|noted|found))\b", re.I)
_QUOTED_PRODUCT = re.compile(r"[\"“][A-Z][\w -]{1,24}[\"”]\s+(?:rocket|spacecraft|missile|"
                             r"satellite|project|programme|program|plan|system|aircraft)\b")


def outlet_language(concept_id: str | None, name: str, glossary: Glossary | None) -> str | None:
    """The language an outlet publishes in (base code such as "ko"), or None if unknown.

    The glossary concept's ``language`` field decides when it is set; otherwise a
    nationality word or country domain in the concept's notes, then in the name, then
    the script the name is written in.
    """
    if concept_id and glossary is not None and concept_id in glossary.concepts:
        concept = glossary.concepts[concept_id]
        if concept.language:
            return base(concept.language)
        for pattern, code in _NATIONALITY:
            if concept.notes and pattern.search(concept.notes):
                return code
        tld = _TLD.search(concept.notes or "")
        if tld:
            return _TLD_LANG[tld.group(1).lower()]
    for pattern, code in _NATIONALITY:
        if pattern.search(name):
            return code
    tld = _TLD.search(name)
    if tld:
        return _TLD_LANG[tld.group(1).lower()]
    return _script_language(name)


def _script_language(name: str) -> str | None:
    """An unknown outlet named in a non-Latin script publishes in that script's language."""
    if re.search(r"[가-힣]", name):
        return "ko"
    if re.search(r"[\u4e00-\u9fff]", name):
        return "zh"
    if re.search(r"[іїєґІЇЄҐ]", name):
        return "uk"
    if re.search(r"[а-яА-Я]", name):
        return "ru"  # Cyrillic without a Ukrainian-only letter
    return None


def _signal(name: str, text: str, start: int, end: int, sentence: int | None,
            hint: str | None = None, weight: float | None = None) -> OriginSignal:
    return OriginSignal(name=name, weight=WEIGHTS[name] if weight is None else weight,
                        sentence=sentence, start=start, end=end, text=text[start:end],
                        language_hint=hint)


def _units(article: Article) -> Iterable[tuple[int | None, str]]:
    """(sentence index, text) of every sentence, then (None, text) of each boilerplate block."""
    if article.sentences:
        for s in article.sentences:
            yield s.index, s.text
    else:
        yield 0, article.text
    for block in article.boilerplate:
        yield None, block.text


def origin_signals(article: Article, glossary: Glossary | None,
                   attributions: list[Attribution] | None = None) -> list[OriginSignal]:
    """Named, weighted traces of where the article's text comes from, with spans.

    ``sentence`` is the sentence index, or None for a boilerplate block (then
    ``start``/``end`` index into that block's text). ``attributions`` may be passed when
    already computed. Non-English articles get ``english_source_cited`` signals only.
    """
    if attributions is None:
        attributions = article_attributions(article, glossary)
    if base(article.lang) != "en":
        return _cited_language_signals(article, attributions, glossary)
    signals: list[OriginSignal] = []
    counted: dict[str, list[OriginSignal]] = {name: [] for name in _COUNTED}
    for index, text in _units(article):
        signals += _copyright_signals(text, index, glossary)
        for pattern, name, hint in ((_DISCLAIMER, "platform_disclaimer", "zh"),
                                    (_LOCAL_TIME, "local_time", None),
                                    (_DAY_OF_MONTH, "day_of_month_date", None),
                                    (_DAY_FIRST_DATE, "day_first_date", None),
                                    (_TEMPLATE_PLURAL, "template_plural", None),
                                    (_DIGIT_THOUSAND, "digit_thousand", None),
                                    (_SELF_REFERENCE, "self_reference", None),
                                    (_QUOTED_PRODUCT, "quoted_product_name", None)):
            # "If there is any infringement, contact the platform to delete it" is the
            # convention of Chinese content platforms (侵删), hence the zh hint.
            m = pattern.search(text)
            if m:
                signals.append(_signal(name, text, m.start(), m.end(), index, hint))
        if index is not None:
            for name, (pattern, hint, _) in _COUNTED.items():
                counted[name] += [_signal(name, text, m.start(), m.end(), index, hint)
                                  for m in pattern.finditer(text)]
        if index is not None and glossary is not None:
            signals += _glossary_signals(text, index, glossary)
        if index is not None:
            markers = citation_markers(text)
            signals += [_signal("aggregator_footnotes", text, s, e, index) for s, e in markers]
    for name, found in counted.items():
        if len(found) >= _COUNTED[name][2]:
            signals += found
    signals += _outlet_signals(article, attributions, glossary)
    return _cap_repeats(signals)


def _copyright_signals(text: str, index: int | None,
                       glossary: Glossary | None) -> list[OriginSignal]:
    m = _COPYRIGHT.search(text)
    if not m:
        return []
    hint = None
    tld = _TLD.search(text)
    if tld:
        hint = _TLD_LANG[tld.group(1).lower()]
    if hint is None and glossary is not None:
        for match in glossary.match(text, "en"):
            if match.category == "outlet":
                hint = outlet_language(match.concept_id, match.canonical, glossary)
                break
    if hint == "en":
        return []  # an English outlet's own copyright is no trace of translation
    name = "foreign_copyright" if hint else "copyright_unknown_outlet"
    line_end = text.find("\n", m.start())
    return [_signal(name, text, 0 if index is None else m.start(),
                    len(text) if line_end < 0 else line_end, index, hint)]


def _glossary_signals(text: str, index: int, glossary: Glossary) -> list[OriginSignal]:
    signals = []
    for match in glossary.match(text, "en"):
        if match.status == "deprecated":
            signals.append(_signal("deprecated_term", text, match.start, match.end, index))
    for concept in glossary.concepts.values():
        if concept.category != "person":
            continue
        parts = concept.canonical.split()
        if len(parts) != 2:
            continue
        # "Musk Elon": family name first, as in Chinese or Korean name order
        m = re.search(rf"\b{re.escape(parts[1])}\s+{re.escape(parts[0])}\b", text)
        if m:
            signals.append(_signal("name_order", text, m.start(), m.end(), index))
    return signals


def _outlet_signals(article: Article, attributions: list[Attribution],
                    glossary: Glossary | None) -> list[OriginSignal]:
    signals = []
    if article.outlet:
        concept_id = None
        if glossary is not None:
            found = [m for m in glossary.match(article.outlet, "en") if m.category == "outlet"]
            concept_id = found[0].concept_id if found else None
        lang = outlet_language(concept_id, article.outlet, glossary)
        if lang and lang != "en":
            signals.append(OriginSignal("own_outlet_foreign", WEIGHTS["own_outlet_foreign"], None,
                                        0, len(article.outlet), article.outlet, lang))
    sentences = {s.index: s.text for s in article.sentences}
    seen: set[tuple[str, str]] = set()
    for a in attributions:
        if not is_relay(a, attributions):
            continue
        lang = outlet_language(a.concept_id, a.source, glossary)
        if not lang or lang == "en":
            continue
        # the foreign outlet is the last link of a relay chain: the text relays it
        name = "foreign_chain" if len(a.chain) > 1 and a.chain[-1] == a.source \
            else "foreign_outlet_cited"
        if (name, a.source) in seen:
            continue
        seen.add((name, a.source))
        text = sentences.get(a.sentence, article.text)
        signals.append(_signal(name, text, a.start, a.end, a.sentence, lang))
    return signals


def _cited_language_signals(article: Article, attributions: list[Attribution],
                            glossary: Glossary | None) -> list[OriginSignal]:
    sentences = {s.index: s.text for s in article.sentences}
    signals = []
    seen = set()
    for a in attributions:
        if not is_relay(a, attributions) or a.source in seen:
            continue
        head = a.chain[0] if a.chain else a.source
        head_attr = next((b for b in attributions if b.source == head), a)
        lang = outlet_language(head_attr.concept_id, head, glossary)
        if lang is None and re.fullmatch(r"[A-Za-z][\w .&'’-]+", head):
            lang = "en"  # a Latin-script outlet name inside zh/ko/uk/ru text
        if lang == "en":
            seen.add(a.source)
            text = sentences.get(a.sentence, article.text)
            signals.append(_signal("english_source_cited", text, a.start, a.end, a.sentence,
                                   "en"))
    return signals


def _cap_repeats(signals: list[OriginSignal], cap: int = 3) -> list[OriginSignal]:
    """At most ``cap`` signals of one name: nine footnotes are one piece of evidence."""
    counts: dict[str, int] = defaultdict(int)
    kept = []
    for s in signals:
        counts[s.name] += 1
        if counts[s.name] <= cap:
            kept.append(s)
    return kept


@dataclass(frozen=True)
class OriginVerdict:
    origin: Origin
    confidence: float
    origin_language: str | None


def translation_score(signals: list[OriginSignal]) -> float:
    """Noisy-OR of positive signal weights (one per name), damped by negative ones."""
    best: dict[str, float] = {}
    for s in signals:
        if s.name != "english_source_cited":
            best[s.name] = max(best.get(s.name, -1.0), s.weight)
    keep = 1.0
    damp = 0.0
    for weight in best.values():
        if weight > 0:
            keep *= 1 - weight
        else:
            damp += -weight
    return (1 - keep) * max(0.0, 1 - damp)


def hinted_language(signals: list[OriginSignal]) -> str | None:
    """The language most signals point to, weighted."""
    votes: dict[str, float] = defaultdict(float)
    for s in signals:
        if s.language_hint and s.weight > 0:
            votes[s.language_hint] += s.weight
    return max(votes, key=lambda k: votes[k]) if votes else None


def classify_origin(article: Article, attributions: list[Attribution],
                    signals: list[OriginSignal], aligned_share: float | None = None,
                    glossary: Glossary | None = None,
                    aligned_language: str | None = None) -> OriginVerdict:
    """original | translation | re-report | unknown, with confidence and origin language.

    ``aligned_share`` is the share of this article's sentences that render an article
    in another language which derivation judged to be its source (from the pair
    analyses or text reuse), when there is one, and ``aligned_language`` that article's
    language. A non-English article that names its source is a re-report; an article
    that names none but renders an article of the corpus sentence by sentence is a
    translation (in English too: an English edition of a Ukrainian report).
    """
    lang = base(article.lang)
    cited = [a for a in attributions if is_relay(a, attributions)]
    if lang != "en":
        english = [s for s in signals if s.name == "english_source_cited"]
        if english:
            # it names its English source: a re-report, however close the wording
            return OriginVerdict("re-report", 0.8 if len(english) > 1 else 0.7, "en")
        if cited:
            langs = [outlet_language(a.concept_id, a.source, glossary) for a in cited]
            known = [x for x in langs if x]
            return OriginVerdict("re-report", 0.6, known[0] if known else lang)
        if aligned_share is not None and aligned_share >= 0.8:
            # names no source yet renders an article in another language sentence by sentence
            return OriginVerdict("translation", round(0.5 + 0.4 * aligned_share, 2),
                                 base(aligned_language) if aligned_language else None)
        return OriginVerdict("original", 0.5, lang)
    score = translation_score(signals)
    if score >= 0.6:
        return OriginVerdict("translation", round(min(0.99, score), 2), hinted_language(signals))
    if (aligned_share is not None and aligned_share >= 0.8 and not cited
            and aligned_language and base(aligned_language) != "en"):
        return OriginVerdict("translation", round(0.5 + 0.4 * aligned_share, 2),
                             base(aligned_language))
    footnotes = any(s.name == "aggregator_footnotes" for s in signals)
    if cited:
        sentences = len({a.sentence for a in cited})
        confidence = min(0.95, 0.55 + 0.1 * min(sentences, 3) + (0.1 if footnotes else 0.0))
        return OriginVerdict("re-report", round(confidence * (1 - score / 2), 2), "en")
    if score >= 0.3:
        return OriginVerdict("unknown", round(1 - score, 2), hinted_language(signals))
    unnamed = any(a.kind == "unnamed" for a in attributions)
    return OriginVerdict("original", 0.6 if unnamed else 0.4, "en")
