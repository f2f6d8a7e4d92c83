"""Article-level pass: attributions over every sentence, short references resolved.

"The Journal reported" or "The report said" only make sense after an outlet was named:
they are resolved to the outlet cited before them (the Journal -> The Wall Street
Journal; the report, 该报, 신문, видання -> the most recently cited outlet). Generic
short references with nothing to resolve to are dropped.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from provenance.attribution.cues import table_for
from provenance.attribution.extract import extract_attributions
from provenance.lang import base
from provenance.model import Article, Attribution

if TYPE_CHECKING:
    from provenance.glossary import Glossary

_ARTICLE = re.compile(r"^(?:the|this|that|该|이|해당|같은)\s*", re.IGNORECASE)
_GENERIC = frozenset({
    "report", "newspaper", "paper", "outlet", "publication", "agency", "daily", "broadcaster",
    "报道", "该报", "该媒体", "该报道", "该网站", "该社", "该通讯社", "报", "媒体", "网站", "社",
    "通讯社", "신문", "매체", "보도", "통신", "방송", "видання", "агентство", "газета",
    "издание",
})


def _is_short_ref(attribution: Attribution, lang: str) -> bool:
    if attribution.kind != "unknown" or attribution.concept_id:
        return False
    if _ARTICLE.sub("", attribution.source).casefold() in _GENERIC:
        return True
    return any(p.fullmatch(attribution.source) for p in table_for(base(lang)).short_refs)


def resolve_short_references(attributions: list[Attribution], lang: str) -> list[Attribution]:
    """Replace short references by the outlet named before them; drop unresolved generic ones.

    ``attributions`` must be in reading order (sentence, then position).
    """
    resolved: list[Attribution] = []
    named: list[Attribution] = []  # outlets cited so far, most recent last
    renamed: dict[tuple[int, str], str] = {}
    for attribution in attributions:
        if not _is_short_ref(attribution, lang):
            resolved.append(attribution)
            if attribution.kind == "outlet" and not attribution.negated:
                named.append(attribution)
            continue
        head = _ARTICLE.sub("", attribution.source).strip()
        target = _antecedent(head, named)
        if target is None:
            if head.casefold() in _GENERIC:
                continue
            resolved.append(attribution)  # a name like "the Post" nothing resolves: keep it
            continue
        renamed[(attribution.sentence, attribution.source)] = target.source
        attribution.source = target.source
        attribution.kind = target.kind
        attribution.concept_id = target.concept_id
        resolved.append(attribution)
    for attribution in resolved:  # chains of the same sentence named the short form
        attribution.chain = [renamed.get((attribution.sentence, s), s) for s in attribution.chain]
    return resolved


def _antecedent(head: str, named: list[Attribution]) -> Attribution | None:
    if not named:
        return None
    if head.casefold() in _GENERIC:
        return named[-1]
    word = head.casefold()
    for candidate in reversed(named):
        if re.search(rf"\b{re.escape(word)}\b", candidate.source.casefold()):
            return candidate
    return None


def article_attributions(article: Article, glossary: Glossary | None) -> list[Attribution]:
    """Every attribution of an article, per sentence (``Article.sentences``), resolved.

    An article without segmented sentences is read as one sentence.
    """
    lang = article.lang
    sentences = article.sentences or []
    found: list[Attribution] = []
    if sentences:
        for sentence in sentences:
            found += extract_attributions(sentence.text, lang, glossary, sentence.index)
    else:
        found = extract_attributions(article.text, lang, glossary, 0)
    return resolve_short_references(found, lang)
