"""Facts: what each sentence and each article says, read once and shared by every step.

Alignment, drift detection, story clustering and derivation all read the same things
from a text: the glossary concepts it names, the quantities it states (dates resolved
against its own article's publication date), its hedges, negations and relation verbs
(lexicon cues) and the sources it cites. They are read here and kept in a bounded
cache keyed by the content read and the glossary digest, so the pipeline, ``align``,
``detect_drift``, ``cluster_stories`` and ``analyze_provenance`` all read the same
objects:

* :func:`sentence_facts` - a :class:`SentenceFacts` per ``Article.sentences`` entry,
  each read in its own language with the article's publication date (what drift reads);
* :func:`facts_of_texts` / :func:`read_sentence` - plain sentence strings read in one
  given language (what ``align`` reads: it takes sentence strings, and ``provenance
  align`` reads presegmented files), with the same code and the same cache;
* :func:`article_facts` - an :class:`ArticleFacts`: attributions with short references
  resolved, origin signals, :class:`StoryFeatures` (every sentence read in the
  article's language), its outlet's key and the foreign outlets its copyright lines
  name, the names its own outlet goes by, and its lead (title and first sentences) with
  the document vector made from it, each read on first use; :func:`corpus_facts` does a
  whole corpus.

Those readings differ only where a sentence's language differs from its article's or
where a publication date resolves a date ("June 25" -> 2024-06-25); a text read alike
is matched and extracted once, whichever step asks first.

A new sentence-level signal (a multilingual sentence vector, bilingual lexicon or
transliteration evidence) belongs on :class:`SentenceFacts` as a property read on first
use, with whatever shapes it (a model name and version) added to the cache key in
:func:`_reader_key`, so that cached facts never mix two models.
"""

from __future__ import annotations

import hashlib
import re
import threading
import zlib
from array import array
from collections import OrderedDict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property, lru_cache
from typing import TYPE_CHECKING, TypeVar

import numpy as np

from provenance.lang import FULL, base, glossary_code, languages, script_of
from provenance.lexicons import Cue, find_cues
from provenance.model import Article, Attribution, OriginSignal

if TYPE_CHECKING:
    import datetime as dt

    from provenance.glossary import Glossary, TermMatch
    from provenance.quantities import Quantity
    from provenance.quantities.recent import RecentPeriod

__all__ = ["ENTITY_CATEGORIES", "LEAD_SENTENCES", "ArticleFacts", "FactsCache", "SentenceFacts",
           "StoryFeatures", "article_facts", "corpus_facts", "facts_of_texts", "outlet_key",
           "outlet_mentions",
           "quantity_key", "read_sentence", "sentence_facts", "shingle_hashes",
           "shingle_overlap", "shingles"]

#: glossary categories that name an entity (person, organisation, outlet, place)
ENTITY_CATEGORIES = frozenset({"person", "organisation", "organization", "outlet", "place",
                               "agency", "company", "country", "city"})


@dataclass(eq=False)
class SentenceFacts:
    """What one sentence says, in language-neutral terms.

    ``index`` is the sentence's position in its article (alignment links index
    positions). ``terms`` are the glossary matches; ``extracted`` every quantity the
    extractor found, numbers inside names included ("Falcon 9"), while ``quantities``
    leaves those out. Cues and attributions are read on first use.
    """

    index: int
    text: str
    lang: str
    terms: list[TermMatch]
    extracted: list[Quantity]
    glossary: Glossary | None = field(default=None, repr=False)

    @cached_property
    def quantities(self) -> list[Quantity]:
        """The quantities the sentence states: a number inside a name is part of the name."""
        return [q for q in self.extracted
                if not any(t.start <= q.start and q.end <= t.end for t in self.terms)]

    @cached_property
    def concepts(self) -> frozenset[str]:
        """Ids of the glossary concepts the sentence names."""
        return frozenset(t.concept_id for t in self.terms)

    @cached_property
    def recent_periods(self) -> list[RecentPeriod]:
        """Periods counted back from publication ("over the last two years", 최근 2년간);
        resolved against a publication date by whoever compares them."""
        from provenance.quantities.recent import find_recent_periods

        return find_recent_periods(self.text, self.lang)

    @cached_property
    def cues(self) -> list[Cue]:
        """Hedges, evidentials, negations and relation verbs, in reading order."""
        return find_cues(self.text, self.lang)

    @cached_property
    def attributions(self) -> list[Attribution]:
        """Cited sources in this sentence, as written (short references unresolved)."""
        from provenance.attribution import extract_attributions

        return list(extract_attributions(self.text, self.lang, self.glossary, self.index))

    def cues_of(self, *categories: str) -> list[Cue]:
        return [c for c in self.cues if c.category in categories]

    @property
    def entities(self) -> list[TermMatch]:
        return [t for t in self.terms if t.category in ENTITY_CATEGORIES]

    @property
    def numeric(self) -> list[Quantity]:
        return [q for q in self.quantities if q.kind not in ("date", "time")]

    @property
    def dates(self) -> list[Quantity]:
        return [q for q in self.quantities if q.kind in ("date", "time")]


def cues_in(facts: Iterable[SentenceFacts], *categories: str) -> list[tuple[int, Cue]]:
    """(sentence index, cue) for every cue of these categories, in reading order."""
    return [(f.index, c) for f in facts for c in f.cues_of(*categories)]


# --- story features ------------------------------------------------------------------

# Concepts so common in news that sharing them says nothing about the story.
_GENERIC_CATEGORIES = frozenset({"title", "place"})
_LATIN_NAME = re.compile(r"\b[A-Z][a-zA-Z]{2,}(?:\s+[A-Z][a-zA-Z]{2,})*")
_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True)
class StoryFeatures:
    """What an article is about, in terms that survive translation."""

    concepts: frozenset[str]
    quantities: frozenset[str]
    names: frozenset[str]
    #: the CRC32 of each word 3-shingle (:func:`shingle_hashes`): all MinHash reads of
    #: them, in a twentieth of the memory the strings took (a 10,000-article corpus kept
    #: some 750 MB of shingle strings)
    shingles: bytes

    @property
    def entities(self) -> frozenset[str]:
        return self.concepts | self.quantities | self.names


def quantity_key(kind: str, value: float | None, currency: str | None,
                 date: str | None) -> str | None:
    """A language-independent key for a quantity; None for ones too common to tell."""
    if kind in ("date", "time"):
        # a month alone ("in January": --01) is in every story of a season
        if not date or re.fullmatch(r"--\d\d", date[:10]):
            return None
        return f"date:{date[:10]}"
    if value is None:
        return None
    if kind in ("number", "count", "ordinal") and value < 10 and value == int(value):
        return None  # "two", "3", "the first": every story has them
    if kind == "money":
        return f"money:{value:.3g}:{currency or ''}"
    if kind == "percent":
        return f"pct:{value:g}"
    if kind == "ordinal":
        return f"ord:{value:g}"
    return f"n:{value:.4g}"


def shingles(text: str, lang: str, size: int = 3) -> set[str]:
    """Word (or, for Chinese, character) n-grams, prefixed with the language."""
    code = base(lang)
    tokens = [c for c in text if not c.isspace()] if code == "zh" else \
        [w.casefold() for w in _WORD.findall(text)]
    return {f"{code}:" + " ".join(tokens[i:i + size]) for i in range(len(tokens) - size + 1)}


def shingle_hashes(text: str, lang: str) -> bytes:
    """The distinct CRC32 values of :func:`shingles`, sorted, packed as unsigned 32-bit
    integers (what :func:`provenance.stories.minhash_signatures` hashes)."""
    packed = array("I", sorted({zlib.crc32(s.encode("utf-8")) for s in shingles(text, lang)}))
    return packed.tobytes()


def shingle_overlap(a: frozenset[str] | bytes, b: frozenset[str] | bytes
                    ) -> tuple[int, int, int]:
    """(shared, size of a, size of b) of two feature sets: sets of strings, or packed
    sorted hashes from :func:`shingle_hashes` (iterating those would read bytes)."""
    if isinstance(a, bytes) and isinstance(b, bytes):
        x, y = np.frombuffer(a, dtype=np.uint32), np.frombuffer(b, dtype=np.uint32)
        return len(np.intersect1d(x, y, assume_unique=True)), len(x), len(y)
    if isinstance(a, bytes) or isinstance(b, bytes):
        raise TypeError("compare packed shingles with packed shingles")
    return len(a & b), len(a), len(b)


def _story_features(article: Article, units: Sequence[SentenceFacts]) -> StoryFeatures:
    """Concepts and quantities of the article's sentences; Latin names and word
    3-shingles of its whole text."""
    concepts = {t.concept_id for f in units for t in f.terms
                if t.category not in _GENERIC_CATEGORIES}
    quantities = {key for f in units for q in f.extracted
                  if (key := quantity_key(q.kind, q.value, q.currency, q.date))}
    names: set[str] = set()
    if script_of(article.lang) != "latin":
        # Latin names inside zh/ko/uk/ru text ("Bloomberg", "WSJ") stand out; in a
        # language written in Latin letters every capital would (German nouns)
        names = {f"name:{m.group(0).casefold()}" for m in _LATIN_NAME.finditer(article.text)}
    return StoryFeatures(frozenset(concepts), frozenset(quantities), frozenset(names),
                         shingle_hashes(article.text, article.lang))


# --- what an article is about, as vectors -----------------------------------------------

#: Sentences of an article's lead: its title and first sentences say what it is about,
#: and they are the sentences alignment embeds first anyway (so their vectors are shared).
LEAD_SENTENCES = 6
#: A lead sentence shorter than this (a one-word subheading, a date) says little.
_LEAD_MIN_CHARS = 12
#: Sentences of an article given vectors for comparing it with another article whole.
MAX_COMPARED_SENTENCES = 80


def lead_texts(article: Article, size: int = LEAD_SENTENCES) -> tuple[str, ...]:
    """The title (when it is not already the first sentence) and the first ``size``
    sentences of some length."""
    out: list[str] = []
    title = (article.title or "").strip()
    first = article.sentences[0].text.strip() if article.sentences else ""
    if title and title != first:
        out.append(title)
    for sentence in article.sentences:
        if len(out) >= size:
            break
        if len(sentence.text.strip()) >= _LEAD_MIN_CHARS:
            out.append(sentence.text)
    if not out and article.text.strip():
        out.append(article.text.strip()[:500])
    return tuple(out)


def _vectors_of(texts: Sequence[str]) -> np.ndarray | None:
    """Sentence vectors of ``texts`` when vectors are on and installed, else None."""
    from provenance.crosslingual import vectors

    if not texts or not vectors.enabled():
        return None
    return vectors.sentence_vectors(texts)


# --- the outlet an article belongs to -------------------------------------------------------

# Host labels that name no outlet: subdomains, generic and country suffixes.
_GENERIC_HOST = frozenset({"www", "m", "amp", "mobile", "news", "en", "com", "net", "org",
                           "info", "co", "blog", "media", "html", "web", "online", "www2"})
_NON_ALNUM = re.compile(r"[\W_]+", re.UNICODE)


def _squeezed(text: str) -> str:
    """Lower case, letters and digits only: "Euromaidan Press" and "euromaidanpress.com"
    both contain "euromaidanpress"."""
    return _NON_ALNUM.sub("", text.casefold())


def own_names(article: Article) -> frozenset[str]:
    """Names the article's own outlet goes by, lower case: its outlet field and the
    distinctive labels of its URL's host (``kyivindependent`` of kyivindependent.com,
    ``in-ukraine`` of de.in-ukraine.info)."""
    names = {article.outlet.casefold()} if article.outlet else set()
    if article.url:
        for label in article.host.split("."):
            if len(label) >= 4 and label not in _GENERIC_HOST and not label.isdigit():
                names.add(label)
    return frozenset(n for n in names if len(_squeezed(n)) >= 4)


@lru_cache(maxsize=1024)
def _outlet_pattern(name: str) -> re.Pattern[str]:
    """An outlet name as written in a text: with any spacing or punctuation between its
    letters ("Kyiv Independent", "kyivindependent.com"), except that a host label's
    hyphen stands ("in-ukraine": "in Ukraine" is two words, not the outlet)."""
    if "-" in name:
        return re.compile(r"(?<![\w-])" + re.escape(name) + r"(?![\w-])", re.IGNORECASE)
    chars = _squeezed(name)
    return re.compile(r"(?<![^\W_])" + r"[\W_]*".join(re.escape(c) for c in chars)
                      + r"(?![^\W_])", re.IGNORECASE)


#: what follows a host name ("theweek.com")
_TLD = re.compile(r"\.[a-z]{2,}", re.IGNORECASE)


def _names_outlet(text: str, name: str) -> bool:
    """Whether ``text`` names the outlet ``name``: as a proper name (capitalised: "The
    Week", "Kyiv Independent") or as its host ("theweek.com", "in-ukraine.info"), not
    as ordinary words ("later in the week")."""
    for m in _outlet_pattern(name).finditer(text):
        written = m.group(0)
        if "-" in name or written[0].isupper() or _TLD.match(text, m.end()) or (
                not any(ch.isspace() for ch in written) and not written.islower()):
            return True
    return False


def outlet_mentions(text: str, name: str) -> list[str]:
    """The outlet ``name`` as ``text`` writes it where it names it as an outlet, in
    capitals ("Euromaidan Press"); a mention followed by a top-level domain ends in
    ".*" ("Euromaidanpress.*" for "Euromaidanpress.com")."""
    if not _names_outlet(text, name):
        return []
    return [m.group(0) + (".*" if _TLD.match(text, m.end()) else "")
            for m in _outlet_pattern(name).finditer(text) if m.group(0)[:1].isupper()]


# --- article facts ---------------------------------------------------------------------

class ArticleFacts:
    """What provenance reads from one article alone, a pure function of the article and
    the glossary: each part is read on first use and then kept (story clustering needs
    only the features, derivation all of it). An edited article gets new facts from
    :func:`article_facts`: do not keep these across an edit."""

    def __init__(self, article: Article, glossary: Glossary | None, cache: FactsCache
                 ) -> None:
        self.article = article
        self.glossary = glossary
        self._cache = cache

    def __repr__(self) -> str:
        return f"ArticleFacts({self.article.id!r})"

    @property
    def sentences(self) -> list[SentenceFacts]:
        """The facts of ``article.sentences`` (from the cache, read again if evicted)."""
        return self._cache.sentences(self.article, self.glossary)

    def read_sources(self) -> None:
        """Read the attributions and origin signals now rather than on first use (the
        pipeline does, article by article, to report progress on long articles)."""
        self.attributions  # noqa: B018 - cached_property: reading it is the point
        self.signals  # noqa: B018

    @cached_property
    def attributions(self) -> list[Attribution]:
        """Cited sources, short references resolved ("the Journal" -> WSJ)."""
        from provenance.attribution import resolve_short_references

        # copies: resolving rewrites them in place, and the sentences keep theirs
        found = [replace(a, chain=list(a.chain))
                 for facts in self._in_article_language() for a in facts.attributions]
        return resolve_short_references(found, self.article.lang, self.glossary)

    @cached_property
    def signals(self) -> list[OriginSignal]:
        """Traces of where the text comes from (see :func:`provenance.origin.origin_signals`)."""
        from provenance.origin import origin_signals

        return origin_signals(self.article, self.glossary, self.attributions)

    @cached_property
    def features(self) -> StoryFeatures:
        return _story_features(self.article, self._in_article_language())

    @cached_property
    def outlet_key(self) -> str | None:
        """Glossary concept id or casefolded name of the article's outlet."""
        return outlet_key(self.article.outlet, self.glossary)

    @cached_property
    def own_names(self) -> frozenset[str]:
        """Names its own outlet goes by (see :func:`own_names`)."""
        return own_names(self.article)

    @cached_property
    def full_text(self) -> str:
        """Its text and set-aside blocks (copyright lines, credits), where outlet names
        are looked for."""
        return "\n".join([self.article.text] + [b.text for b in self.article.boilerplate])

    def names_outlet(self, names: Iterable[str]) -> bool:
        """Whether the article's text or set-aside blocks name one of these outlet names
        (as :attr:`own_names` gives them) as an outlet: see :func:`_names_outlet`."""
        return any(_names_outlet(self.full_text, name) for name in names)

    @cached_property
    def lead(self) -> tuple[str, ...]:
        """Its title and first sentences (see :func:`lead_texts`)."""
        return lead_texts(self.article)

    def lead_vectors(self) -> np.ndarray | None:
        """Sentence vectors of :attr:`lead`, or None without vectors. Not kept here: the
        vector cache keeps them, and vectors may be switched on or off between calls."""
        return _vectors_of(self.lead)

    def document_vector(self) -> np.ndarray | None:
        """One unit vector for the article: the normalised mean of its lead's vectors
        (an article and its translation land close together), or None without vectors."""
        lead = self.lead_vectors()
        if lead is None:
            return None
        mean = lead.mean(axis=0)
        norm = float(np.linalg.norm(mean))
        return mean / norm if norm else mean

    def sentence_vectors(self, limit: int = MAX_COMPARED_SENTENCES) -> np.ndarray | None:
        """Vectors of its first ``limit`` sentences (for comparing it with another article
        sentence by sentence), or None without vectors."""
        return _vectors_of([s.text for s in self.article.sentences[:limit]])

    @cached_property
    def foreign_outlets(self) -> frozenset[str | None]:
        """Keys of the foreign outlets its copyright lines or self-references name (an
        English rendering carrying Yonhap's copyright)."""
        return frozenset(outlet_key(s.text, self.glossary) for s in self.signals
                         if s.name in ("foreign_copyright", "own_outlet_foreign"))

    def _in_article_language(self) -> list[SentenceFacts]:
        """Every sentence read in the article's language, as the article-level passes
        read them (short references resolve within one language); most sentences are
        read so already. An unsegmented article reads as one sentence."""
        article, read = self.article, self._cache.read
        lang, published = article.lang, article.published_date
        if not article.sentences:
            return [read(article.text, lang, self.glossary, published, 0)]
        return [facts if facts.lang == lang and facts.index == sentence.index else
                read(sentence.text, lang, self.glossary, published, sentence.index)
                for facts, sentence in zip(self.sentences, article.sentences, strict=True)]


#: an outlet name may be written in any fully supported language
_OUTLET_LANGS = tuple(r.code for r in languages(tier=FULL, one_per_base=True))


def outlet_key(name: str | None, glossary: Glossary | None) -> str | None:
    """The glossary concept id of an outlet name, else the name casefolded."""
    if not name:
        return None
    if glossary is not None:
        for lang in _OUTLET_LANGS:
            found = [m for m in glossary.match(name, lang) if m.category == "outlet"]
            if found:
                return found[0].concept_id
    return name.strip().casefold()


def _match_and_extract(text: str, lang: str, published: dt.date | None,
                       glossary: Glossary | None
                       ) -> tuple[tuple[TermMatch, ...], tuple[Quantity, ...]]:
    """The one place where a sentence is glossary-matched and quantity-extracted."""
    from provenance.quantities import extract_quantities

    terms = tuple(glossary.match(text, glossary_code(lang))) if glossary is not None else ()
    return terms, tuple(extract_quantities(text, lang, published))


def _read_sentences(article: Article, glossary: Glossary | None, cache: FactsCache
                    ) -> list[SentenceFacts]:
    published = article.published_date
    # Alignment links index positions in Article.sentences, so positions are the indices.
    return [cache.read(s.text, s.lang or article.lang, glossary, published, position)
            for position, s in enumerate(article.sentences)]


# --- the cache ---------------------------------------------------------------------------

def _reader_key(glossary: Glossary | None) -> str:
    """Identity of everything facts are read with besides the article itself."""
    return glossary.digest if glossary is not None else "no-glossary"


def content_key(article: Article) -> str:
    """Identity of everything facts are read from in an article (an edited article,
    even the same object changed in place, gets a new key)."""
    h = hashlib.blake2b(digest_size=16)
    parts = [article.id, article.lang, article.published or "", article.outlet or "",
             article.text]
    parts += [f"{s.index}\x1f{s.lang or ''}\x1f{s.text}" for s in article.sentences]
    parts += [b.text for b in article.boilerplate]
    for part in parts:
        h.update(part.encode("utf-8", "surrogatepass"))
        h.update(b"\0")
    return h.hexdigest()


_V = TypeVar("_V")


class FactsCache:
    """Facts kept for reuse, least recently used evicted first, so that memory stays
    bounded on corpora of any size while the articles a step is working on (a story's
    reference and its relays) stay read.

    Three maps: the glossary matches and quantities of a sentence text (relays repeat
    headlines and boilerplate, and a text is read alike by every step that reads it in
    the same language with the same publication date); the :class:`SentenceFacts` of an
    article (whose cues and attributions, read on first use, are then kept too); and
    its :class:`ArticleFacts`. Keys hold the glossary digest and the content read.
    A sentence text's reading takes about 3 KB and a sentence's facts with their cues and
    attributions about 2 KB more, so the default bounds hold some 60 MB at most, besides
    the articles' facts (whose shingle sets grow with the text).
    """

    def __init__(self, max_readings: int = 16384, max_sentence_lists: int = 256,
                 max_articles: int = 1024) -> None:
        self._limits = {"readings": max_readings, "sentences": max_sentence_lists,
                        "articles": max_articles}
        self._maps: dict[str, OrderedDict[tuple[object, ...], object]] = {
            name: OrderedDict() for name in self._limits}
        self._lock = threading.Lock()  # the TUI reads facts from worker threads

    def read(self, text: str, lang: str, glossary: Glossary | None,
             published: dt.date | None = None, index: int = 0) -> SentenceFacts:
        """Facts of one sentence read in ``lang`` (its matches and quantities are read
        once per text, language and date)."""
        terms, extracted = self._get(
            "readings", (_reader_key(glossary), text, lang, published),
            lambda: _match_and_extract(text, lang, published, glossary))
        return SentenceFacts(index, text, lang, list(terms), list(extracted), glossary)

    def sentences(self, article: Article, glossary: Glossary | None) -> list[SentenceFacts]:
        return self._get("sentences", (_reader_key(glossary), content_key(article)),
                         lambda: _read_sentences(article, glossary, self))

    def article(self, article: Article, glossary: Glossary | None) -> ArticleFacts:
        return self._get("articles", (_reader_key(glossary), content_key(article)),
                         lambda: ArticleFacts(article, glossary, self))

    def clear(self) -> None:
        with self._lock:
            for cache in self._maps.values():
                cache.clear()

    def sizes(self) -> dict[str, int]:
        """Entries held per map (sentence texts read, articles' sentence lists, articles)."""
        with self._lock:
            return {name: len(cache) for name, cache in self._maps.items()}

    def _get(self, name: str, key: tuple[object, ...], read: Callable[[], _V]) -> _V:
        cache = self._maps[name]
        with self._lock:
            if key in cache:
                cache.move_to_end(key)
                return cache[key]  # type: ignore[return-value]
        value = read()  # outside the lock: reading may take a while
        with self._lock:
            cache[key] = value
            while len(cache) > self._limits[name]:
                cache.popitem(last=False)
        return value


#: the process-wide cache every step reads through
CACHE = FactsCache()


def read_sentence(text: str, lang: str, glossary: Glossary | None,
                  published: dt.date | None = None, index: int = 0) -> SentenceFacts:
    """Facts of one sentence read in ``lang``; a text read alike before is not read again."""
    return CACHE.read(text, lang, glossary, published, index)


def facts_of_texts(texts: Sequence[str], lang: str, glossary: Glossary | None,
                   published: dt.date | None = None) -> list[SentenceFacts]:
    """Facts of plain sentence strings, all in ``lang``; ``index`` is the position."""
    return [CACHE.read(text, lang, glossary, published, i) for i, text in enumerate(texts)]


def sentence_facts(article: Article, glossary: Glossary | None) -> list[SentenceFacts]:
    """Facts of every ``article.sentences`` entry, each read in its own language."""
    return CACHE.sentences(article, glossary)


def article_facts(article: Article, glossary: Glossary | None) -> ArticleFacts:
    """Attributions, origin signals, story features and outlet keys of one article."""
    return CACHE.article(article, glossary)


def corpus_facts(articles: Sequence[Article],
                 glossary: Glossary | None) -> dict[str, ArticleFacts]:
    """:func:`article_facts` of every article, by article id."""
    return {a.id: article_facts(a, glossary) for a in articles}
