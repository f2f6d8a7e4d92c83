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
for Donald) is another member of the family, not a renaming, and is not reported. Two
Latin spellings that differ only in y for i or a doubled letter (Sergei / Sergey, Dmitri /
Dmitry) are one convention's choice, not a change.

Where the reference writes the person in another script, transliteration makes any
spelling of the relay's "the same"; but a language has a usual form of a known name
(일론 머스크 in Korean, J·D·万斯 in Chinese): when the glossary lists the person's forms in
the relay's own language, the relay's given name is also compared with those, and a form
the glossary does not list (엘론, 杰伊·D) is reported as spelled differently. A given name
of initials (JD, J.D., J·D) compares letter by letter, an initial written out in the
relay's script (杰伊 for J) being the same name spelled differently.

People the glossary does not know are compared too, by surname, when both sides write
names in an alphabet: the reference's "Sergei Kiriyenko" against the relay's "Serhiy
Kiriyenko". Without a glossary concept the two are the same person only by inference
(same surname, a related given name), so such a finding is minor whatever the change;
a given name that is an ordinary English word ("Supreme Court", "Superior Court") makes
the pair no person's name. Collation runs this detector between witnesses, so the
consensus of witnesses is compared in the same way where the reference lacks the name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rapidfuzz import fuzz

from provenance.crosslingual.translit import consonant_skeleton, romanize
from provenance.drift.base import Detector
from provenance.drift.names import find_names, latin_key, name_script
from provenance.glossary.english_names import is_ordinary
from provenance.lang import CJK, base, glossary_code, is_cyrillic

if TYPE_CHECKING:
    from provenance.drift.context import PairContext
    from provenance.facts import SentenceFacts
    from provenance.glossary import Glossary, TermMatch
    from provenance.model import Finding

#: separators between a given name and a surname in Chinese and Japanese transliterations
_DOT = "·‧・•．"
_CJK_GIVEN = re.compile(rf"([\u4e00-\u9fffA-Za-z]{{1,6}}(?:[{_DOT}.][\u4e00-\u9fffA-Za-z]{{1,4}})*)"
                        rf"[{_DOT}.]$")
_HANGUL_WORD = re.compile(r"([\uac00-\ud7a3A-Za-z]{1,4}\.?)\s+$")
#: the last separator of a CJK full form: what precedes it is the given name ("J.D.万斯")
_CJK_SURNAME = re.compile(rf"[{_DOT}.](?=[^{_DOT}.]+$)")
#: a given name of initials: "JD", "J.D.", "J·D"
_INITIALS = re.compile(rf"^(?:[A-Z][{_DOT}.\s]*){{1,3}}$")
#: below this similarity (0-100) of romanised given names, two people share a surname
RELATED = 50.0


@dataclass(frozen=True)
class Mention:
    """A person named with a given name before a surname (a glossary form or not)."""

    concept: str  # the glossary concept, or "name:<surname key>" for an unknown person
    given: str  # as written
    sentence: int
    start: int  # span of the whole name (given name + surname)
    end: int
    lang: str


@dataclass(frozen=True)
class KnownGiven:
    """A given name the relay's is compared with, and where it comes from."""

    given: str
    lang: str
    form: str  # the whole name it belongs to, for the message


class GivenNameDrift(Detector):
    """The same person named with another given name in the relay."""

    name = "persons"
    kinds = ("entity",)

    def detect(self, pair: PairContext) -> list[Finding]:
        return self._known_people(pair) + self._unknown_people(pair)

    def _known_people(self, pair: PairContext) -> list[Finding]:
        """Glossary persons: against the reference's given name, the usual forms of the
        relay's language, or (the reference not naming them) the glossary's forms."""
        relay = _mentions(pair.tgt_facts, pair.glossary, full_forms=False)
        reference = _mentions(pair.src_facts, pair.glossary, full_forms=True)
        findings: list[Finding] = []
        for concept, mention in relay.items():
            written = reference.get(concept)
            if written is not None:
                before = pair.src_facts[written.sentence].text[written.start:written.end]
                known = [KnownGiven(written.given, written.lang, before)]
                compared_with = "reference"
                usual = _known_given_names(pair.glossary, concept, mention.lang, own=True)
                if usual and _script(written.lang) != _script(mention.lang) and _compare(
                        written.given, written.lang, mention.given, mention.lang) == "same":
                    # transliteration explains any spelling across scripts: the relay's
                    # language has usual forms of the name, and those judge it
                    known, compared_with = usual, "glossary"
            else:
                known = _known_given_names(pair.glossary, concept, mention.lang)
                compared_with = "glossary"
            if not known:
                continue
            verdicts = [(_compare(k.given, k.lang, mention.given, mention.lang), k)
                        for k in known]
            if any(v == "same" for v, _ in verdicts):
                continue
            related = [(v, k) for v, k in verdicts if v in ("variant", "different")]
            if not related:
                continue  # another person of that surname (a relative)
            verdict, k = min(related, key=lambda x: x[0] != "variant")
            person = pair.glossary.get(concept).canonical
            text = pair.tgt_facts[mention.sentence].text[mention.start:mention.end]
            spans: dict[str, list[tuple[int, int, int]]] = {
                "tgt_spans": [(mention.sentence, mention.start, mention.end)]}
            src: tuple[int, ...] = ()
            if written is not None:
                spans["src_spans"] = [(written.sentence, written.start, written.end)]
                src = (written.sentence,)
                what = f"the reference's “{before}” is “{text}” in the relay"
                if compared_with == "glossary":
                    what += f", where the glossary's form in the relay's language is “{k.form}”"
            else:
                what = f"the relay writes “{text}”, where {person}'s given name is “{k.given}”"
            variant = verdict == "variant"
            findings.append(self.finding(
                "entity", "minor" if variant else "major", src, (mention.sentence,),
                f"given name {'spelled differently' if variant else 'changed'}: {what}",
                **spans, change="given_name", concept=concept, given_name=mention.given,
                known_given_name=k.given, known_form=k.form,
                transliteration_variant=variant, compared_with=compared_with))
        return findings

    def _unknown_people(self, pair: PairContext) -> list[Finding]:
        """People the glossary does not know, paired by surname, in alphabets only."""
        if not (name_script(pair.src_lang) and name_script(pair.tgt_lang)):
            return []
        reference = _free_mentions(pair.src_facts)
        findings: list[Finding] = []
        for surname, mention in _free_mentions(pair.tgt_facts).items():
            written = next((m for key, m in reference.items() if _same_surname(key, surname)),
                           None)
            if written is None:
                continue
            verdict = _compare(written.given, written.lang, mention.given, mention.lang)
            if verdict not in ("variant", "different"):
                continue
            before = pair.src_facts[written.sentence].text[written.start:written.end]
            text = pair.tgt_facts[mention.sentence].text[mention.start:mention.end]
            variant = verdict == "variant"
            findings.append(self.finding(
                "entity", "minor", (written.sentence,), (mention.sentence,),
                f"given name {'spelled differently' if variant else 'changed'}: the "
                f"reference's “{before}” is “{text}” in the relay",
                src_spans=[(written.sentence, written.start, written.end)],
                tgt_spans=[(mention.sentence, mention.start, mention.end)],
                change="given_name", concept=None, given_name=mention.given,
                known_given_name=written.given, known_form=before,
                transliteration_variant=variant, compared_with="reference",
                lowered="the glossary does not know the person: the same surname and a "
                        "related given name make them one by inference"))
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


def _free_mentions(facts: list[SentenceFacts]) -> dict[str, Mention]:
    """First mention of each surname the glossary does not know, written after a given
    name: the last two words of a capitalised run ("... Administration Serhiy
    Kiriyenko"), by the surname's Latin key."""
    found: dict[str, Mention] = {}
    for f in facts:
        for name in find_names(f.text, f.lang):
            words = list(re.finditer(r"\S+", name.text))
            if len(words) < 2:
                continue
            start = name.start + words[-2].start()
            if any(t.start < name.end and start < t.end for t in f.terms):
                continue  # a glossary concept's words (or a person it knows)
            given, surname = words[-2].group(), words[-1].group()
            if not (given[:1].isupper() and given[1:2].islower() and surname[1:2].islower()):
                continue  # an acronym is no given name
            if given.isascii() and is_ordinary(given) or surname.isascii() and is_ordinary(
                    surname):
                continue  # "Supreme Court": words, not a person's names
            key = latin_key(surname, f.lang)
            if key not in found:
                found[key] = Mention(f"name:{key}", given, f.index, start, name.end, f.lang)
    return found


def _same_surname(a: str, b: str) -> bool:
    """Latin keys of two surnames: equal, or one inflected (Кирієнка, Kiriyenko)."""
    if a == b:
        return True
    n = min(len(a), len(b))
    return n >= 5 and a[:n - 1] == b[:n - 1] and abs(len(a) - len(b)) <= 2


def _given_within(f: SentenceFacts, term: TermMatch) -> Mention | None:
    """The given name of a full glossary form ("Susie Wiles", 苏茜·怀尔斯)."""
    given = _given_of(term.text.strip(), term.lang)
    if not given:
        return None
    return Mention(term.concept_id, given, f.index, term.start, term.end, f.lang)


def _given_of(text: str, lang: str) -> str | None:
    """The given name of a full form: the first word, or in Chinese and Japanese all
    before the surname's separator ("J.D.万斯" -> "J.D", "詹姆斯·戴维·万斯" -> "詹姆斯·戴维")."""
    if base(lang) in ("zh", "ja") or any(c in _DOT for c in text):
        m = _CJK_SURNAME.search(text)
        return text[:m.start()] or None if m else None
    parts = text.split()
    return parts[0] if len(parts) > 1 else None


def _surname_only(term: TermMatch, glossary: Glossary) -> bool:
    """Whether the matched form is a lone surname, so that a given name may precede it."""
    text = term.text.strip()
    if base(term.lang) in CJK or any("\uac00" <= c <= "\ud7a3" for c in text):
        return not any(c in _DOT or c.isspace() or c == "." for c in text)
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


def _known_given_names(glossary: Glossary, concept: str, lang: str, *, own: bool = False
                       ) -> list[KnownGiven]:
    """Given names the glossary writes for a person, in the relay's script (with
    ``own``, in the relay's language only)."""
    code = glossary_code(lang)
    out: list[KnownGiven] = []
    for form_lang, form in glossary.get(concept).all_forms():
        if form.status == "deprecated":
            continue
        if own:
            usable = form_lang == code or base(form_lang) == base(code)
        else:
            usable = (form_lang == code or (base(form_lang) == base(code))
                      or (is_cyrillic(base(form_lang)) and is_cyrillic(base(code)))
                      or (form.text.isascii() and not (base(code) in CJK or base(code) == "ko")))
        if not usable:
            continue
        text = form.text.strip()
        given = _given_of(text, form_lang)
        if given:
            out.append(KnownGiven(given, form_lang, text))
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


def _convention(latin: str) -> str:
    """A Latin spelling with the choices of English transliteration conventions folded:
    y for i, doubled letters (Sergei / Sergey, Dmitri / Dmitry, Ilya / Ilia)."""
    return re.sub(r"(.)\1+", r"\1", re.sub(r"[^a-z]", "", latin).replace("y", "i"))


def _initials(given: str) -> list[str] | None:
    """The parts of a given name with initials ("JD" -> J, D; "杰伊·D" -> 杰伊, D), or
    None when it has no initial."""
    parts = [p for p in re.split(rf"[{_DOT}.\s]+", given) if p]
    if len(parts) == 1 and _INITIALS.match(given):
        parts = list(parts[0])
    if not any(len(p) == 1 and p.isascii() and p.isupper() for p in parts):
        return None
    return parts


def _compare_initials(a: list[str], b: list[str]) -> str:
    """Part by part: an initial against the same initial, or against a part written
    out in another script (杰伊 for J: the letter's name spelled as a syllable)."""
    if len(a) != len(b):
        return "unrelated"
    written_out = False
    for x, y in zip(a, b, strict=True):
        if x.casefold() == y.casefold():
            continue
        if (len(x) == 1 and x.isascii() and not y.isascii()) or (
                len(y) == 1 and y.isascii() and not x.isascii()):
            written_out = True
            continue
        return "unrelated"
    return "variant" if written_out else "same"


def _compare(a: str, a_lang: str, b: str, b_lang: str) -> str:
    """"same", "variant" (transliteration explains it), "different" (another name) or
    "unrelated" (another person) for two given names."""
    if a.casefold() == b.casefold():
        return "same"
    ia, ib = _initials(a), _initials(b)
    if ia is not None or ib is not None:
        if ia is None or ib is None:
            return "unrelated"  # "James David" and "JD": not a spelling to judge
        return _compare_initials(ia, ib)
    if base(a_lang) in ("zh", "ja") or base(b_lang) in ("zh", "ja"):
        # no romanisation of Chinese characters here: written alike or not
        if base(a_lang) == base(b_lang):
            if a.endswith(b) or b.endswith(a):
                return "same"  # the run before the name took in a title (副总统弗拉基米尔)
            return "different" if a[:1] == b[:1] else "unrelated"
        return "same"  # across scripts Chinese given names cannot be judged
    la, lb = _latin(a, a_lang), _latin(b, b_lang)
    if is_cyrillic(base(b_lang)) and is_cyrillic(base(a_lang)) and _inflected(a, b):
        return "same"  # Сергій / Сергія
    if _script(a_lang) == _script(b_lang) == "latin" and _convention(la) == _convention(lb):
        return "same"
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
