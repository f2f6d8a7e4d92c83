"""A person's given name changed while the surname is the same: "Susie Wiles" written
"Susan Wiles" (or "Сьюзан Вайлс"), "Sergei Kiriyenko" written "Serhiy Kiriyenko".

Judged over the whole article, not per aligned unit: the relay calls the person by the
new name wherever it names them, whatever sentence the aligner paired. The relay's given
name is compared with the one the reference writes for the same person and, where the
reference has none, with the given names the glossary lists for them in the relay's
language (and in English, for a Latin-script relay).

Transliteration is allowed for: names are compared by their consonant skeletons after
romanisation (Сергій -> Serhii), with the letters transliteration systems disagree on
folded (g/h, j/y/i, x/s). A difference only transliteration explains (Sergei / Serhiy,
Ian / Jan, Dmitry / Dmytro) is minor: the same name, spelled another way; a different
name (Susie / Susan) is major. A given name sharing nothing with the known one (Melania
for Donald) is another member of the family, not a renaming, and is not reported.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rapidfuzz import fuzz

from provenance.crosslingual.translit import consonant_skeleton, romanize
from provenance.drift.base import Detector
from provenance.drift.names import find_names
from provenance.lang import CJK, base, glossary_code, is_cyrillic

if TYPE_CHECKING:
    from provenance.drift.context import PairContext
    from provenance.facts import SentenceFacts
    from provenance.glossary import Glossary, TermMatch
    from provenance.model import Finding

#: separators between a given name and a surname in Chinese and Japanese transliterations
_DOT = "·‧・•．"
_CJK_GIVEN = re.compile(rf"([\u4e00-\u9fffA-Za-z]{{1,6}}(?:[{_DOT}][\u4e00-\u9fffA-Za-z]{{1,4}})*)"
                        rf"[{_DOT}]$")
_HANGUL_WORD = re.compile(r"([\uac00-\ud7a3]{1,4})\s+$")
#: below this similarity (0-100) of romanised given names, two people share a surname
RELATED = 50.0


@dataclass(frozen=True)
class Mention:
    """A person named with a given name before a surname-only glossary form."""

    concept: str
    given: str  # as written
    sentence: int
    start: int  # span of the whole name (given name + surname)
    end: int
    lang: str


class GivenNameDrift(Detector):
    """The same person (a glossary concept) named with another given name in the relay."""

    name = "persons"
    kinds = ("entity",)

    def detect(self, pair: PairContext) -> list[Finding]:
        relay = _mentions(pair.tgt_facts, pair.glossary, full_forms=False)
        reference = _mentions(pair.src_facts, pair.glossary, full_forms=True)
        findings: list[Finding] = []
        for concept, mention in relay.items():
            written = reference.get(concept)
            known = [(written.given, written.lang)] if written else _known_given_names(
                pair.glossary, concept, mention.lang)
            if not known:
                continue
            verdicts = [(_compare(g, lang, mention.given, mention.lang), g) for g, lang in known]
            if any(v == "same" for v, _ in verdicts):
                continue
            related = [(v, g) for v, g in verdicts if v in ("variant", "different")]
            if not related:
                continue  # another person of that surname (a relative)
            verdict, given = min(related, key=lambda x: x[0] != "variant")
            person = pair.glossary.get(concept).canonical
            text = pair.tgt_facts[mention.sentence].text[mention.start:mention.end]
            spans: dict[str, list[tuple[int, int, int]]] = {
                "tgt_spans": [(mention.sentence, mention.start, mention.end)]}
            src: tuple[int, ...] = ()
            if written is not None:
                spans["src_spans"] = [(written.sentence, written.start, written.end)]
                src = (written.sentence,)
                before = pair.src_facts[written.sentence].text[written.start:written.end]
                what = f"the reference's “{before}” is “{text}” in the relay"
            else:
                what = f"the relay writes “{text}”, where {person}'s given name is “{given}”"
            variant = verdict == "variant"
            findings.append(self.finding(
                "entity", "minor" if variant else "major", src, (mention.sentence,),
                f"given name {'spelled differently' if variant else 'changed'}: {what}",
                **spans, change="given_name", concept=concept, given_name=mention.given,
                known_given_name=given, transliteration_variant=variant,
                compared_with="reference" if written else "glossary"))
        return findings


def _mentions(facts: list[SentenceFacts], glossary: Glossary, *, full_forms: bool
              ) -> dict[str, Mention]:
    """First mention of each person concept with its given name: a given name written
    before a surname-only glossary form and, with ``full_forms``, a full form's own."""
    found: dict[str, Mention] = {}
    for f in facts:
        for term in f.entities:
            if term.category != "person" or term.concept_id in found:
                continue
            if _surname_only(term, glossary):
                mention = _given_before(f, term)
            elif full_forms and term.status != "deprecated":
                mention = _given_within(f, term)
            else:
                continue
            if mention is not None:
                found[term.concept_id] = mention
    return found


def _given_within(f: SentenceFacts, term: TermMatch) -> Mention | None:
    """The given name of a full glossary form ("Susie Wiles", 苏茜·怀尔斯)."""
    text = term.text.strip()
    parts = re.split(f"[{_DOT}]", text) if any(c in _DOT for c in text) else text.split()
    if len(parts) < 2 or not parts[0]:
        return None
    return Mention(term.concept_id, parts[0], f.index, term.start, term.end, f.lang)


def _surname_only(term: TermMatch, glossary: Glossary) -> bool:
    """Whether the matched form is a lone surname, so that a given name may precede it."""
    text = term.text.strip()
    if base(term.lang) in CJK or any("\uac00" <= c <= "\ud7a3" for c in text):
        return not any(c in _DOT or c.isspace() for c in text)
    return len(text.split()) == 1


def _given_before(f: SentenceFacts, term: TermMatch) -> Mention | None:
    before = f.text[:term.start]
    lang = base(f.lang)
    if lang in ("zh", "ja"):
        m = _CJK_GIVEN.search(before)
        if not m:
            return None
        return Mention(term.concept_id, m.group(1), f.index, m.start(1), term.end, f.lang)
    if lang == "ko":
        m = _HANGUL_WORD.search(before)
        if not m:
            return None
        return Mention(term.concept_id, m.group(1), f.index, m.start(1), term.end, f.lang)
    for name in find_names(f.text, f.lang):
        if name.start < term.start and term.end <= name.end + 2:
            words = f.text[name.start:term.start].split()
            if not words:
                return None
            given = words[-1]
            start = f.text.rfind(given, name.start, term.start)
            return Mention(term.concept_id, given, f.index, start, term.end, f.lang)
    return None


def _known_given_names(glossary: Glossary, concept: str, lang: str) -> list[tuple[str, str]]:
    """Given names the glossary writes for a person, in the relay's script."""
    code = glossary_code(lang)
    out: list[tuple[str, str]] = []
    for form_lang, form in glossary.get(concept).all_forms():
        if form.status == "deprecated":
            continue
        same_script = (form_lang == code or (base(form_lang) == base(code))
                       or (is_cyrillic(base(form_lang)) and is_cyrillic(base(code)))
                       or (form.text.isascii() and not (base(code) in CJK or base(code) == "ko")))
        if not same_script:
            continue
        text = form.text.strip()
        if any(c in _DOT for c in text):
            out.append((re.split(f"[{_DOT}]", text)[0], form_lang))
        elif len(text.split()) > 1:
            out.append((text.split()[0], form_lang))
    return out


def _latin(given: str, lang: str) -> str:
    code = base(lang)
    if code == "ko" or is_cyrillic(code):
        return romanize(given, lang).lower()
    return given.lower()


def _skeleton(latin: str) -> str:
    """Consonant classes with the letters transliterations disagree on folded: h/g
    (Serhiy, Sergei), a leading j/y (Jan, Yan, Ian), x/s (Xi, Si)."""
    word = re.sub(r"[^a-z]", "", latin)
    word = re.sub(r"^[jy](?=[aeiou])", "", word).replace("x", "s").replace("h", "g")
    return consonant_skeleton(word)


def _compare(a: str, a_lang: str, b: str, b_lang: str) -> str:
    """"same", "variant" (transliteration explains it), "different" (another name) or
    "unrelated" (another person) for two given names."""
    if a.casefold() == b.casefold():
        return "same"
    if base(a_lang) in ("zh", "ja") or base(b_lang) in ("zh", "ja"):
        # no romanisation of Chinese characters here: written alike or not
        if base(a_lang) == base(b_lang):
            return "different" if a[:1] == b[:1] else "unrelated"
        return "same"  # across scripts Chinese given names cannot be judged
    la, lb = _latin(a, a_lang), _latin(b, b_lang)
    if is_cyrillic(base(b_lang)) and is_cyrillic(base(a_lang)) and _inflected(a, b):
        return "same"  # Сергій / Сергія
    ska, skb = _skeleton(la), _skeleton(lb)
    if ska == skb or (min(len(ska), len(skb)) >= 2 and (ska.startswith(skb)
                                                         or skb.startswith(ska))):
        # across alphabets that is the same name transliterated; in one alphabet, the
        # same name spelled by another convention
        return "variant" if _script(a_lang) == _script(b_lang) else "same"
    if fuzz.ratio(la, lb) >= RELATED and ska[:1] == skb[:1]:
        return "different"
    return "unrelated"


def _script(lang: str) -> str:
    code = base(lang)
    return "cyrillic" if is_cyrillic(code) else code if code in CJK or code == "ko" else "latin"


def _inflected(a: str, b: str) -> bool:
    a, b = a.casefold(), b.casefold()
    n = min(len(a), len(b))
    return n >= 3 and a[:n - 1] == b[:n - 1]
