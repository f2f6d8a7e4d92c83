"""Article-level pass: attributions over every sentence, short references resolved.

"The Journal reported" or "The report said" only make sense after an outlet was named:
they are resolved to the outlet cited before them (the Journal -> The Wall Street
Journal; the report, 该报, 신문, видання -> the most recently cited outlet). Generic
short references with nothing to resolve to are dropped. A name one slip from an outlet
the article credits by its right name elsewhere ("WJS" beside "Wall Street Journal") is
that outlet misspelled (:mod:`provenance.attribution.spelling`).

A credit line (【文/观察者网 陈思佳】, "新聞來源: 中央廣播電臺") says whose text the article
is: every other outlet the article cites reached the reader through it, so their chains
end with it (WSJ → Observer).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from provenance.attribution.cues import table_for
from provenance.attribution.extract import extract_attributions
from provenance.attribution.spelling import outlet_slip
from provenance.lang import base, whole_words
from provenance.model import Article, Attribution

if TYPE_CHECKING:
    from provenance.glossary import Glossary


def _head(source: str, lang: str) -> str:
    """A short reference without its determiner: "the Journal" -> "Journal", 该报 -> 报."""
    determiners = table_for(base(lang)).determiners
    if determiners is None:
        return source.strip()
    edge = r"(?![^\W\d_])" if whole_words(lang) else ""
    return re.sub(rf"^{determiners.pattern}{edge}\s*", "", source.strip(), flags=re.I).strip()


def _generic(head: str, lang: str) -> bool:
    """A word that means "the outlet named before" ("report", 该报, видання)."""
    generic = table_for(base(lang)).generic_refs
    return bool(generic and generic.fullmatch(head))


def _is_short_ref(attribution: Attribution, lang: str) -> bool:
    if attribution.kind != "unknown" or attribution.concept_id:
        return False
    if _generic(_head(attribution.source, lang), lang) or _generic(attribution.source, lang):
        return True
    return any(p.fullmatch(attribution.source) for p in table_for(base(lang)).short_refs)


def resolve_short_references(attributions: list[Attribution], lang: str,
                             glossary: Glossary | None = None) -> list[Attribution]:
    """Replace short references by the outlet named before them; drop unresolved generic ones.
    With the ``glossary``, a name misspelling an outlet the article credits becomes it.

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
        head = _head(attribution.source, lang)
        generic = _generic(head, lang) or _generic(attribution.source, lang)
        target = _antecedent(head, named, generic)
        if target is None:
            if generic:
                continue
            resolved.append(attribution)  # a name like "the Post" nothing resolves: keep it
            continue
        renamed[(attribution.sentence, attribution.source)] = target.source
        attribution.source = target.source
        attribution.kind = target.kind
        attribution.concept_id = target.concept_id
        resolved.append(attribution)
    renamed.update(_resolve_slips(resolved, glossary))
    for attribution in resolved:  # chains of the same sentence named the short form
        attribution.chain = [renamed.get((attribution.sentence, s), s) for s in attribution.chain]
    _apply_credits(resolved)
    return resolved


def _resolve_slips(attributions: list[Attribution], glossary: Glossary | None
                   ) -> dict[tuple[int, str], str]:
    """Unknown names one slip from an outlet credited elsewhere in the article, made that
    outlet; (sentence, name as written) -> the outlet's name, for the chains."""
    credited = [a.concept_id for a in attributions
                if a.kind == "outlet" and a.concept_id and not a.negated]
    renamed: dict[tuple[int, str], str] = {}
    if not credited:
        return renamed
    for attribution in attributions:
        if attribution.kind != "unknown" or attribution.concept_id:
            continue
        slip = outlet_slip(attribution.source, credited, glossary)
        if slip is None:
            continue
        renamed[(attribution.sentence, attribution.source)] = slip.outlet
        attribution.source, attribution.kind = slip.outlet, "outlet"
        attribution.concept_id = slip.concept_id
    return renamed


def _apply_credits(attributions: list[Attribution]) -> None:
    """Chains of a credited article end with the credited outlet."""
    credits = [a for a in attributions if a.credit and not a.negated]
    if not credits:
        return
    credited = credits[0].source
    for attribution in attributions:
        if attribution.negated or attribution.kind != "outlet" or attribution.credit \
                or attribution.source == credited:
            continue
        chain = attribution.chain or [attribution.source]
        if credited not in chain:
            attribution.chain = [*chain, credited]


def _antecedent(head: str, named: list[Attribution], generic: bool) -> Attribution | None:
    if not named:
        return None
    if generic:
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
    return resolve_short_references(found, lang, glossary)
