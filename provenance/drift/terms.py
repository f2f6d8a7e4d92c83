"""Term drift: a glossary concept rendered with a deprecated form, or rendered in
different ways within one relay ("特朗普" here, "川普" there).
"""

from __future__ import annotations

from collections import defaultdict

from provenance.drift.base import Detector
from provenance.drift.context import PairContext
from provenance.glossary.matcher import script_of as text_script
from provenance.lang import script_of
from provenance.model import Finding


def _variant_of(a: str, b: str) -> bool:
    """A short form or acronym of the other ("Trump" / "Donald Trump", "WSJ")."""
    a, b = a.casefold(), b.casefold()
    if a in b or b in a:
        return True
    short = min(a, b, key=len)
    if len(short) <= 5 and short.replace(".", "").isalpha() and short.isascii():
        return True
    # inflected forms (Дональд Трамп / Дональда Трампа): every word shares a stem
    words_a, words_b = sorted((a.split(), b.split()), key=len)
    return all(any(_stem_match(w, v) for v in words_b) for w in words_a)


def _original_beside(form: str, lang: str) -> bool:
    """A Latin form in a relay written in another script: the name in its own language,
    which Chinese, Korean and Cyrillic outlets give beside their rendering (馬斯克(Elon
    Musk)), not a second rendering of it."""
    return script_of(lang) not in (None, "latin") and text_script(form) == "latin"


def _stem_match(w: str, v: str) -> bool:
    n = min(len(w), len(v))
    return n >= 3 and w[:max(3, n - 2)] == v[:max(3, n - 2)]


#: categories whose two renderings in one relay hint at two sources compiled (特朗普 / 川普)
NAMED = frozenset({"person", "outlet", "company", "organisation", "organization", "agency"})


class TermDrift(Detector):
    """Deprecated glossary forms in the relay, and concepts rendered inconsistently."""

    name = "terms"
    kinds = ("term",)

    def detect(self, pair: PairContext) -> list[Finding]:
        findings: list[Finding] = []
        aligned_src: dict[int, tuple[int, ...]] = {}
        for link in pair.links:
            for j in link.tgt:
                aligned_src[j] = link.src
        renderings: dict[str, dict[str, tuple[int, int, int]]] = defaultdict(dict)
        for facts in pair.tgt_facts:
            for term in facts.terms:
                src = aligned_src.get(facts.index, ())
                if term.status == "deprecated":
                    preferred = _preferred(pair, term.concept_id, facts.lang) or term.canonical
                    original = _mention(pair, src, term.concept_id)
                    spans = {"src_spans": [original]} if original else {}
                    findings.append(self.finding(
                        "term", "major", src, (facts.index,),
                        f"known mistranslation: the relay writes “{term.text}” for "
                        f"{term.canonical} (the glossary marks it wrong; use “{preferred}”)",
                        tgt_spans=[(facts.index, term.start, term.end)], **spans,
                        concept=term.concept_id, form=term.text, preferred=preferred,
                        glossary_status="deprecated"))
                renderings[term.concept_id].setdefault(
                    term.text, (facts.index, term.start, term.end))
        for cid, forms in renderings.items():
            if pair.glossary.get(cid).category not in NAMED:
                continue  # "the United States" and "America" are one country's names
            texts = [t for t in forms if not _original_beside(t, pair.tgt_lang)]
            clash = [(a, b) for n, a in enumerate(texts) for b in texts[n + 1:]
                     if not _variant_of(a, b)]
            if not clash:
                continue
            a, b = clash[0]
            spans = [forms[t] for t in texts]
            findings.append(self.finding(
                "term", "minor", (), tuple(sorted({s[0] for s in spans})),
                f"{pair.glossary.get(cid).canonical} is rendered inconsistently in the relay: "
                f"“{a}” and “{b}”",
                tgt_spans=spans, concept=cid, forms=texts))
        return findings


def _mention(pair: PairContext, src: tuple[int, ...], concept_id: str
             ) -> tuple[int, int, int] | None:
    """Where the linked reference sentences name the concept, if they do."""
    for i in src:
        for t in pair.src_facts[i].terms:
            if t.concept_id == concept_id:
                return (i, t.start, t.end)
    return None


def _preferred(pair: PairContext, concept_id: str, lang: str) -> str | None:
    from provenance.lang import glossary_code

    try:
        form = pair.glossary.get(concept_id).preferred(glossary_code(lang))
    except (KeyError, AttributeError):
        return None
    return form.text if form else None
