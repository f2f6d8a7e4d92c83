"""Propose glossary concepts from an analysed corpus: a relay's unknown name or term,
paired with the English it renders, grouped across relays.

``mine_concepts(analysis, glossary)`` reads the aligned pairs the pipeline made (each
relay against its story's English reference) and every relay's own Latin renderings
(:mod:`provenance.glossary.sightings`), then pairs the names no alignment explained with
the names of the corpus's English articles: a Chinese dictionary proper noun through
its gloss (克里姆林宫 -> "the Kremlin" -> Kremlin), a Cyrillic or Korean name through
its romanisation (Кирієнком -> Kiriyenko, 페스코프 -> Peskov). A Chinese proper noun
the dictionary glosses but no English article names is still proposed, last, with the
dictionary's English.

Sightings group into one :class:`ConceptProposal` per English name (a surname alone
joins the full name it ends: Peskov, Dmitry Peskov), with its forms per language
(Ukrainian and Russian put back in the nominative: Кирієнком -> Кирієнко), how many
relays support it and with what evidence, and the sentences that do. When the English
side is a concept already, the proposal is a new variant of it ("add-variant").
Proposals are ranked by the relays that support them, weighted by evidence.
"""

from __future__ import annotations

import re
import shlex
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from provenance.crosslingual import english, lexicon, translit
from provenance.glossary.inflection import parses
from provenance.glossary.sightings import (
    EVIDENCE_WEIGHTS,
    Sighting,
    aligned_sightings,
    covered,
    english_inventory,
    foreign_names,
    gloss_name,
    inline_sightings,
    name_variants,
)
from provenance.glossary.termbase import Glossary
from provenance.lang import base, glossary_code, is_cyrillic, script_of
from provenance.model import Article, CorpusAnalysis

_ORGANISATION = re.compile(
    r"\b(?:Council|Foundation|Organi[sz]ation|Union|Party|Ministry|Committee|Group|Institute|"
    r"Bank|Fund|Alliance|Administration|Office|Department|Agency|Service|Corporation|Company|"
    r"Commission|Court|Parliament|Government|Army|Forces|Battalion)\b")
_OUTLET = re.compile(r"\b(?:News|Times|Press|Daily|Journal|Post|Radio|TV|Television|Herald|"
                     r"Tribune|Gazette|Online|Magazine|Newsweek|Media)\b")
_PLACE_GLOSS = re.compile(r"\b(?:city|province|country|region|state|capital|river|island|"
                          r"peninsula|county|district|mountain|sea|lake|republic)\b")
_HANGUL_WORD = re.compile(r"[\uac00-\ud7a3]+")
_NAME_DOT = "·・•‧*"
#: Glossary categories whose English forms are names a relay transliterates.
_NAMED = frozenset({"person", "place", "organisation", "outlet", "company", "agency"})


@dataclass
class ConceptProposal:
    """A concept (or a variant of one) the corpus suggests adding to the glossary."""

    id: str
    category: str
    english: list[str]
    forms: dict[str, list[str]]
    score: float
    articles: int
    count: int
    evidence: dict[str, int]
    concept_id: str | None = None  # set for a new variant of an existing concept
    support: list[Sighting] = field(default_factory=list)

    @property
    def kind(self) -> str:
        return "variant" if self.concept_id else "concept"

    def commands(self, file: str = "FILE") -> list[list[str]]:
        """The ``provenance glossary`` command lines that add it, as argument lists:
        one ``add`` for a new concept, one ``add-variant`` per form for a variant."""
        if self.concept_id:
            return [["provenance", "glossary", "add-variant", self.concept_id, lang, form]
                    for lang, forms in self.forms.items() for form in forms]
        args = ["provenance", "glossary", "add", self.id, "--category", self.category]
        for name in self.english:
            args += ["--en", name]
        for lang, forms in self.forms.items():
            for form in forms:
                args += ["--form", f"{lang}={form}"]
        return [args + ["--file", file]]

    def command(self, file: str = "FILE") -> str:
        """:meth:`commands` as shell lines."""
        return "\n".join(shlex.join(args) for args in self.commands(file))

    def to_dict(self) -> dict[str, object]:
        return {
            "id": self.id, "kind": self.kind, "concept_id": self.concept_id,
            "category": self.category, "en": self.english, "forms": self.forms,
            "score": round(self.score, 2), "articles": self.articles, "count": self.count,
            "evidence": self.evidence, "command": self.command(),
            "support": [{"article": s.article_id, "lang": s.lang, "form": s.form,
                         "english": s.english, "evidence": s.evidence, "sentence": s.sentence,
                         "english_sentence": s.english_sentence, "note": s.note}
                        for s in self.support],
        }


# -- collecting sightings ---------------------------------------------------------------
def collect_sightings(analysis: CorpusAnalysis, glossary: Glossary) -> list[Sighting]:
    """Every sighting the corpus offers (see the module docstring), in corpus order."""
    articles = {a.id: a for a in analysis.articles}
    out: list[Sighting] = []
    for pair in analysis.pairs:
        ref, relay = articles.get(pair.reference_id), articles.get(pair.relay_id)
        if ref is None or relay is None or base(ref.lang) != "en" or base(relay.lang) == "en":
            continue
        for link in pair.alignment.links:
            if link.src and link.tgt:
                en = " ".join(ref.sentences[i].text for i in link.src)
                foreign = " ".join(relay.sentences[i].text for i in link.tgt)
                out += aligned_sightings(foreign, relay.lang, en, glossary, relay.id)
    relays = [a for a in analysis.articles if base(a.lang) != "en"]
    for article in relays:
        for sentence in article.sentences:
            out += inline_sightings(sentence.text, article.lang, glossary, article.id)
            out += name_variants(sentence.text, article.lang, glossary, article.id)
    # The English names of the corpus: its English articles' and the Latin names the
    # relays in another script write ("Semafor" in a Korean report). Not those of a
    # relay in another Latin-script language: German capitalises every noun
    # ("Amerikaner"), French writes "Maison Blanche".
    inventory = english_inventory((s.text for a in analysis.articles
                                   if base(a.lang) == "en" or script_of(a.lang) != "latin"
                                   for s in a.sentences), glossary)
    lower = _lower_case_words(a for a in analysis.articles if base(a.lang) == "en")
    out += _corpus_sightings(relays, inventory, glossary, out, lower)
    return out


def _lower_case_words(articles: Iterable[Article]) -> frozenset[str]:
    """Words the English articles write in lower case: what the corpus itself treats as
    a common word ("satellite internet service"), whatever a dictionary capitalises."""
    return frozenset(w for a in articles for s in a.sentences
                     for w in re.findall(r"(?<![\w'’\-])[a-z][a-z\-]+(?![\w'’])", s.text))


def _corpus_sightings(relays: Sequence[Article], inventory: dict[str, int],
                      glossary: Glossary, found: list[Sighting],
                      lower: frozenset[str] = frozenset()) -> list[Sighting]:
    """Foreign names no aligned or inline sighting explained, paired with an English
    name of the corpus: Chinese dictionary names through their gloss (or the gloss
    alone), then Cyrillic and Korean names through their romanisation, against the
    corpus's names and the English the dictionary gave."""
    explained = {(s.article_id, s.form) for s in found}
    targets = _inventory_keys(inventory)
    out: list[Sighting] = []
    later = []
    for article in relays:
        for sentence in article.sentences:
            if base(article.lang) == "ko":
                names = _korean_words(sentence.text, article.lang, glossary)
            else:
                names = [(n.text, n.gloss if n.kind == "proper" else "") for n in
                         foreign_names(sentence.text, article.lang, glossary)
                         if n.kind in ("proper", "name", "acronym", "translit")]
            for form, gloss in names:
                if (article.id, form) in explained:
                    continue
                if gloss:
                    out += _by_gloss(article, sentence.text, form, gloss, targets, glossary,
                                     lower)
                else:
                    later.append((article, sentence.text, form))
    learned = {s.english for s in out if s.concept_id is None} - set(inventory)
    targets += _inventory_keys(dict.fromkeys(learned, 0))
    known = _glossary_targets(glossary)
    for article, text, form in later:
        hit = _by_sound(form, article.lang, targets)
        if hit is None and base(article.lang) == "ko" and len(form) >= 4 and \
                form.endswith(_KOREAN_NAME_NOUNS):
            hit = _by_sound(form[:-1], article.lang, targets)  # 크렘린궁: 크렘린
        concept = None
        if hit is None and is_cyrillic(article.lang):
            # a spelling of a known name the glossary lacks (not for Korean: without
            # capitals, too many ordinary words sound like some name of a big glossary)
            hit = _by_sound(form, article.lang, list(known))
            concept = {t.name: c for t, c in known.items()}[hit[0]] if hit else None
        if hit is not None:
            out.append(Sighting(article.id, glossary_code(article.lang), form, hit[0],
                                "corpus", text, "", concept, hit[1]))
    return out


def _glossary_targets(glossary: Glossary) -> dict[_Target, str]:
    """The Latin forms of the glossary's named concepts, each with its concept id."""
    out = {}
    for concept in glossary.concepts.values():
        if concept.category not in _NAMED:
            continue
        for form in concept.forms.get("en", []):
            if form.status != "deprecated" and re.fullmatch(r"[A-Za-z .'\-]+", form.text):
                out[_inventory_keys({form.text: 1})[0]] = concept.id
    return out


def _by_gloss(article: Article, text: str, form: str, gloss: str, targets: list[_Target],
              glossary: Glossary, lower: frozenset[str] = frozenset()) -> list[Sighting]:
    """A Chinese dictionary name: its gloss names a concept (a new variant), an English
    name of the corpus, or at least a name (the dictionary's word for it) unless the
    corpus's English writes that word in lower case (互联网, "Internet": the corpus
    says "internet service")."""
    name = gloss_name(gloss)
    if name is None:
        return []
    lang = glossary_code(article.lang)
    note = f"gloss: {gloss.split(', ')[0]}"
    concept = glossary.lookup(name, "en")
    if concept is not None:
        return [Sighting(article.id, lang, form, concept.canonical, "corpus", text, "",
                         concept.id, note)]
    keys = english.content_keys(name)
    for target in targets:
        if target.keys == keys:
            return [Sighting(article.id, lang, form, target.name, "corpus", text, "", None,
                             note)]
    if " " not in name and name.lower() in lower:
        return []
    return [Sighting(article.id, lang, form, name, "dictionary", text, "", None, note)]


@dataclass(frozen=True)
class _Target:
    name: str
    keys: tuple[frozenset[str], ...]  # content keys, for glosses
    sounds: tuple[str, ...]  # sound key per word, for romanisations


def _inventory_keys(inventory: dict[str, int]) -> list[_Target]:
    return [_Target(name, english.content_keys(name),
                    tuple(translit.sound_key(w) for w in name.split()))
            for name in sorted(inventory, key=lambda n: (-inventory[n], n))]


def _by_sound(form: str, lang: str, targets: list[_Target]) -> tuple[str, str] | None:
    """The English name a Cyrillic, Korean or transliterated Chinese name sounds like,
    with the reading that tied them."""
    if base(lang) == "zh":
        return _by_skeleton(form, targets)
    korean = base(lang) == "ko"
    if korean:
        sounds = (translit.korean_key(translit.sound_key(translit.romanize(form, "ko"), "ko")),)
    else:
        sounds = tuple(translit.sound_key(translit.romanize(_nominative(w, lang), lang))
                       for w in form.split())
    best: tuple[tuple[bool, float], _Target] | None = None
    for target in targets:
        score = _sound_match(sounds, target, korean, form.isupper())
        # a full name prefers a full name over its surname alone
        rank = (len(target.sounds) == len(sounds), score)
        if score and (best is None or rank > best[0]):
            best = (rank, target)
    if best is None:
        return None
    return best[1].name, f"romanised: {translit.romanize(form, lang)}"


def _by_skeleton(form: str, targets: list[_Target]) -> tuple[str, str] | None:
    """A Chinese transliteration and the English name (or surname) whose consonants
    it keeps in order: 佩斯科夫 (pei si ke fu, PSKP) and Peskov. Four consonant classes
    at least, so that chance agreements stay rare."""
    parts = [p for p in re.split(f"[{_NAME_DOT}]", form) if p]
    lex = lexicon.default_lexicon()
    skeletons = [translit.pinyin_skeleton(lex.pinyin(p)) for p in parts]
    whole = "".join(skeletons)
    if len(whole) < 4 or not all(skeletons):
        return None
    reading = " ".join(" ".join(lex.pinyin(p)) for p in parts)
    for target in targets:
        words = target.name.split()
        if target.name.isupper():
            continue
        if translit.consonant_skeleton("".join(words)) == whole:
            return target.name, f"pinyin: {reading}"
        if len(parts) == 1 and len(words) > 1 and \
                translit.consonant_skeleton(words[-1]) == whole:
            return words[-1], f"pinyin: {reading}"
    return None


def _sound_match(sounds: tuple[str, ...], target: _Target, korean: bool,
                 acronym: bool) -> float:
    """How well a romanised foreign name meets an English name (0: not at all). The
    last words (surnames) must agree; first words too when both sides have them; a
    Korean word, written without spaces, meets the whole name."""
    if target.name.isupper() or acronym:
        wanted = translit.sound_key(target.name.lower())
        if korean:
            wanted = translit.korean_key(wanted)
        return 1.0 if target.name.isupper() and "".join(sounds) == wanted else 0.0
    if korean:
        return max(_korean_match(sounds[0], whole) for whole in _korean_readings(target))
    last = fuzz.ratio(sounds[-1], target.sounds[-1]) / 100
    if last < 0.8 or min(len(sounds[-1]), len(target.sounds[-1])) < 4:
        return 0.0
    if len(sounds) > 1 and len(target.sounds) > 1:
        first = fuzz.ratio(sounds[0], target.sounds[0]) / 100
        return (last + first) / 2 if first >= 0.6 else 0.0
    if len(sounds) < len(target.sounds):
        return 0.0  # "Кирієнко" against "Sergei Kiriyenko": the surname pairs elsewhere
    if len(sounds) > len(target.sounds):
        return last if last >= 0.9 else 0.0  # "Ян Бреммер" against "Bremmer"
    return last


def _korean_readings(target: _Target) -> set[str]:
    """The sound keys Korean may write an English name with: as spelled, and with the
    sounds Korean loanwords render their own way: a final unstressed -er without its r
    (Twitter, 트위터), a final silent e dropped and an initial Eu- read "yu" (Europe,
    유럽)."""
    whole = "".join(target.sounds)
    out = {whole, re.sub(r"[eo]r$", "u", whole)}
    if whole.startswith("eu"):
        out.add("iu" + whole[2:].removesuffix("e"))
    return {translit.korean_key(k) for k in out}


def _korean_match(korean: str, english: str) -> float:
    """How well a romanised Korean word meets an English name's key: closely (0.85),
    or, since Hangul writes English vowels loosely (유럽 "yureop", Europe), letter for
    letter but for one vowel, in five letters or more."""
    if min(len(korean), len(english)) < 4:
        return 0.0
    score = fuzz.ratio(korean, english) / 100
    if score >= 0.85:
        return score
    differ = [(a, b) for a, b in zip(korean, english, strict=False) if a != b]
    one_vowel = len(korean) == len(english) >= 5 and len(differ) == 1 and \
        set(differ[0]) <= set("aeiou")
    return score if one_vowel else 0.0


# Nouns Korean glues to a transliterated name to make the name of a body or a building
# (크렘린궁, "Kremlin palace": the Kremlin; 공화당, a party; 통신사, an agency).
_KOREAN_NAME_NOUNS = ("궁", "당", "사")


def _korean_words(text: str, lang: str, glossary: Glossary) -> list[tuple[str, str]]:
    known = covered(text, lang, glossary)
    out = []
    for match in _HANGUL_WORD.finditer(text):
        if any(s < match.end() and match.start() < e for s, e in known):
            continue
        word = translit.strip_particles(match.group())
        if len(word) >= 2:
            out.append((word, ""))
    return out


# -- forms ---------------------------------------------------------------------------------
_NAME_TAGS = {"Name", "Surn", "Patr", "Geox", "Orgn", "Trad", "Abbr"}


def _nominative(word: str, lang: str) -> str:
    """A Ukrainian or Russian name word in the nominative (Кирієнком -> Кирієнко,
    Кремля -> Кремль), keeping its capital; a name reading is preferred over a common
    noun's; the word itself when the dictionary knows neither."""
    if not is_cyrillic(lang) or word.isupper():
        return word
    found = parses(word)
    # a person is named in the singular: "Илон" (Elon) is no plural of "Илона" (Ilona)
    named = [p for p in found if (tags := set(str(p.tag).replace(" ", ",").split(",")))
             & _NAME_TAGS and not {"plur", "voct"} & tags]
    nouns = [p for p in found if "NOUN" in str(p.tag)]
    if not named and any(set(str(p.tag).replace(" ", ",").split(",")) & _NAME_TAGS
                         for p in found):
        return word  # read only as some other person's name in the plural
    for parse in (named or nouns)[:1]:
        normal = parse.inflect({"nomn"}) or parse
        text = normal.word
        return text[:1].upper() + text[1:] if word[:1].isupper() else text
    return word


def _form(sighting: Sighting) -> str:
    if is_cyrillic(sighting.lang):
        return " ".join(_nominative(w, sighting.lang) for w in sighting.form.split())
    return sighting.form.strip(" ·・")


def _category(english_forms: Iterable[str], sightings: list[Sighting]) -> str:
    names = list(english_forms)
    if any(_OUTLET.search(n) for n in names):
        return "outlet"
    if any(_ORGANISATION.search(n) for n in names) or any(n.isupper() for n in names):
        return "organisation"
    for s in sightings:
        if is_cyrillic(s.lang):
            for parse in parses(s.form.split()[-1])[:1]:
                tags = set(str(parse.tag).replace(" ", ",").split(","))
                if tags & {"Surn", "Name", "Patr"}:
                    return "person"
                if "Geox" in tags:
                    return "place"
        if _PLACE_GLOSS.search(s.note):
            return "place"
    # A transliterated name of two words or more (Dmitry Peskov, Ян Бреммер): a person.
    sounded = [s for s in sightings if s.note.startswith(("pinyin", "romanised"))
               or s.evidence == "inline"]
    if any(len(n.split()) >= 2 for n in names) and sounded or any(
            len(s.form.split()) >= 2 and is_cyrillic(s.lang) for s in sounded):
        return "person"
    if any(base(s.lang) == "zh" and lexicon.default_lexicon().entry(s.form) is not None
           for s in sightings) and len(names[0].split()) == 1:
        return "place"
    return "other"


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "concept"


# -- grouping --------------------------------------------------------------------------------
def _english_key(name: str) -> str:
    return re.sub(r"^(?:the|a|an) ", "", " ".join(name.split()).casefold())


def group_sightings(sightings: list[Sighting], glossary: Glossary) -> list[ConceptProposal]:
    """One proposal per English name (or per existing concept for variants), best first."""
    groups: dict[str, list[Sighting]] = defaultdict(list)
    for s in sightings:
        if not _form(s) or s.form == s.english:
            continue
        groups["@" + s.concept_id if s.concept_id else _english_key(s.english)].append(s)
    _merge_surnames(groups)
    proposals = []
    for key, group in groups.items():
        proposals.append(_proposal(key, group, glossary))
    _unglue(proposals)
    proposals.sort(key=lambda p: (-p.score, -p.articles, p.id))
    return proposals


def _unglue(proposals: list[ConceptProposal]) -> None:
    """Drop forms that are two names run together: a capitalised run "России Владимир
    Путин" (of Russia, Vladimir Putin) read as one name is a form of another proposal
    ("Россия") followed by words ending in one of this proposal's own forms ("Путин"),
    or the reverse."""
    owners: dict[str, dict[str, int]] = defaultdict(dict)  # lang -> form -> proposal
    for n, p in enumerate(proposals):
        for lang, forms in p.forms.items():
            for form in forms:
                owners[lang].setdefault(form, n)
    for n, p in enumerate(proposals):
        for lang, forms in p.forms.items():
            if not any(" " in f for f in forms):
                continue  # one word is never two names
            others = {f for f, m in owners[lang].items() if m != n}
            kept = [f for f in forms if not _glued(f, forms, others)]
            if kept:
                p.forms[lang] = kept


def _glued(form: str, own: list[str], others: set[str]) -> bool:
    """Whether ``form`` is another concept's form (``others``) run together with words
    that end in (or, the other way round, begin with) one of this concept's ``own``."""
    words = form.split()
    mine = [g for g in own if g != form]
    for k in range(1, len(words)):
        head, tail = " ".join(words[:k]), " ".join(words[k:])
        if head in others and any(tail == g or tail.endswith(" " + g) for g in mine):
            return True  # "Росія Владімір Путін": Russia, then the person
        if tail in others and any(head == g or head.startswith(g + " ") for g in mine):
            return True
    return False


def _merge_surnames(groups: dict[str, list[Sighting]]) -> None:
    """One person under several English spellings: "sergey kiriyenko" joins "serhiy
    kiriyenko" (same surname, first names that sound alike); a surname alone joins the
    one full name that ends with it ("peskov" -> "dmitry peskov"), an acronym the one
    name it abbreviates; a given name alone that starts one person's name is dropped."""
    full = sorted((k for k in groups if not k.startswith("@") and " " in k),
                  key=lambda k: -len(groups[k]))
    for i, key in enumerate(full):
        if key not in groups:
            continue
        for other in full[i + 1:]:
            if other in groups and other.split()[-1] == key.split()[-1] and fuzz.ratio(
                    translit.sound_key(other.split()[0]), translit.sound_key(key.split()[0])
            ) >= 60:
                groups[key] += groups.pop(other)
    full = [k for k in groups if not k.startswith("@") and " " in k]
    for key in [k for k in groups if not k.startswith("@") and " " not in k]:
        owners = [f for f in full if f.split()[-1] == key]
        if not owners and any(s.english.isupper() for s in groups[key]):
            # an acronym joins the name it abbreviates: "wsj" -> "wall street journal"
            owners = [f for f in full if _initials(f) == key]
        if len(owners) == 1:
            groups[owners[0]] += groups.pop(key)
        elif not owners:
            starts = [f for f in full if f.split()[0] == key]
            if len(starts) == 1 and _category([starts[0]], groups[starts[0]]) == "person":
                # a given name alone ("donald", 도널드) is part of the one person's name
                # that starts with it, not a concept: its forms would match the
                # person's namesakes, so it is dropped rather than joined ("washington"
                # before "washington post" stays)
                del groups[key]


def _initials(name: str) -> str:
    return "".join(w[0] for w in name.split() if w not in ("of", "the", "and", "for"))


def _proposal(key: str, group: list[Sighting], glossary: Glossary) -> ConceptProposal:
    english_forms = Counter(s.english for s in group)
    ordered = sorted(english_forms, key=lambda e: (-len(e.split()), -english_forms[e], e))
    forms: dict[str, Counter[str]] = defaultdict(Counter)
    for s in group:
        forms[s.lang][_form(s)] += 1
    best_by_article: dict[str, float] = {}
    for s in group:
        best_by_article[s.article_id] = max(best_by_article.get(s.article_id, 0.0), s.weight)
    concept_id = key[1:] if key.startswith("@") else None
    by_lang = {lang: [f for f, _ in counts.most_common()] for lang, counts in
               sorted(forms.items())}
    evidence = Counter(s.evidence for s in group)
    support = sorted(group, key=lambda s: -EVIDENCE_WEIGHTS[s.evidence])[:5]
    category = glossary.get(concept_id).category if concept_id else \
        _category(ordered, group)
    return ConceptProposal(
        id=concept_id or _slug(ordered[0]), category=category,
        english=[] if concept_id else ordered, forms=by_lang,
        score=round(sum(best_by_article.values()), 3), articles=len(best_by_article),
        count=len(group), evidence=dict(evidence), concept_id=concept_id, support=support)


def mine_concepts(analysis: CorpusAnalysis, glossary: Glossary) -> list[ConceptProposal]:
    """Concepts (and variants of known ones) the analysed corpus suggests, best first."""
    return group_sightings(collect_sightings(analysis, glossary), glossary)
