"""Per-language cue tables: the words around a name that make it a cited source.

The words themselves are data (``provenance/data/attribution/<lang>.yaml``, read by
:mod:`provenance.attribution.lexicon`); this module holds the table a language compiles
to. A cue is looked for immediately before a source mention ("according to the WSJ",
"据《华尔街日报》", "з посиланням на Bloomberg", "secondo Bloomberg") or after it ("the WSJ
reported", "월스트리트저널에 따르면", "Reuters сообщает"). Each cue carries a *rank* that
orders the sources of one sentence into a relay chain:

* 0: the outlet closest to the reader: a trailing reporting clause (``..., "Kommersant"
  reports.``), a dateline credit (【环球网报道】, "(中央社…綜合外電報導)"), an outlet that
  relays another's report it could not verify;
* 1: a framing cue ("according to", 据, 에 따르면, за даними, secondo);
* 2: a reporting verb ("X reported", "reported by X", "X 보도했다", "X said");
* 3: a citing cue ("citing X", 援引, 인용해, з посиланням на, citando): X is upstream of
  the outlet that cites it.

A relay chain is built only when a sentence holds an explicit relay cue (rank 0 or 3);
two outlets that merely report in one sentence are two sources, not a chain.

Negation patterns mark mentions that are *not* attributions of the claim ("Reuters could
not verify", "did not respond to requests for comment").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from provenance.attribution import lexicon as L

#: Chain ranks that are explicit relay cues.
RELAY_RANKS = frozenset({0, 3})


@dataclass(frozen=True)
class Cue:
    """A regular expression with a ``cue`` group, and the chain rank it gives a source."""

    pattern: re.Pattern[str]
    rank: int
    #: Only an outlet is a source through this cue: "told the WSJ" cites the WSJ, "told
    #: Tucker Carlson" does not cite Carlson.
    outlets_only: bool = False
    #: The source is the grammatical subject of the cue's verb ("Peskov said"): not when
    #: the name is the object of a preposition or sits inside reported speech.
    subject: bool = False
    #: What the other side of the mention must look like (the text before it for an
    #: ``after`` cue, after it for a ``before`` cue); None: anything.
    context: re.Pattern[str] | None = None
    #: A byline, dateline or source line: the text is this outlet's (【环球网报道】).
    credit: bool = False


@dataclass(frozen=True)
class CueTable:
    """Everything language-specific the extractor needs."""

    before: tuple[Cue, ...]  # matched against the text before a mention (anchored at $)
    after: tuple[Cue, ...]  # matched against the text after a mention (anchored at ^)
    negated_before: tuple[re.Pattern[str], ...] = ()
    negated_after: tuple[re.Pattern[str], ...] = ()
    #: "could not verify": with another outlet's report in the sentence, a relay
    unverified_after: tuple[re.Pattern[str], ...] = ()
    unnamed: tuple[re.Pattern[str], ...] = ()  # "people familiar with the matter"
    #: heads of unnamed sourcing a name may modify: "White House officials", 白宫官员
    unnamed_heads: re.Pattern[str] | None = None
    #: words that may stand between such a name and its head ("security", "former")
    modifiers: re.Pattern[str] | None = None
    short_refs: tuple[re.Pattern[str], ...] = ()  # "the Journal", "the report", 该报
    #: short references that only make sense with an antecedent ("the report", 该报)
    generic_refs: re.Pattern[str] | None = None
    determiners: re.Pattern[str] | None = None  # "the", "this", 该: stripped off a short ref
    dates: tuple[re.Pattern[str], ...] = ()
    name_like: tuple[re.Pattern[str], ...] = field(default_factory=tuple)  # unknown names
    not_names: frozenset[str] = frozenset()  # capitalised words that are never a source
    #: articles stripped off the front of an unknown name ("Le Kremlin" -> "Kremlin")
    name_articles: re.Pattern[str] | None = None
    #: text right before a mention that makes it an object, not a subject ("to the", 与)
    objects: tuple[re.Pattern[str], ...] = ()
    #: text between a reporting verb and a later name that makes the name part of the
    #: reported content ("said that", "сообщил, что")
    embedding: tuple[re.Pattern[str], ...] = ()


def _cues(entries: list[dict], words: dict[str, list[str]]) -> tuple[Cue, ...]:
    cues = []
    for entry in entries:
        text = L.expand(entry["pattern"], words)
        context = entry.get("context")
        cues.append(Cue(re.compile(text, re.I), int(entry["rank"]),
                        bool(entry.get("outlets_only")), bool(entry.get("subject")),
                        re.compile(context, re.I) if context else None,
                        bool(entry.get("credit"))))
    return tuple(cues)


def _one(phrases: list[str]) -> re.Pattern[str] | None:
    alt = L.alternation(phrases)
    return re.compile(alt, re.I) if alt else None


def build_table(code: str) -> CueTable:
    """The cue table of one language, from its data file."""
    data = L.language_data(code)
    words = data["words"]

    def patterns(key: str, flags: int = re.I) -> tuple[re.Pattern[str], ...]:
        return L.compiled(data.get(key) or [], words, flags)

    return CueTable(
        before=_cues(L.cue_patterns(code, data, "before"), words),
        after=_cues(L.cue_patterns(code, data, "after"), words),
        negated_before=patterns("negated_before"),
        negated_after=patterns("negated_after"),
        unverified_after=patterns("unverified_after"),
        unnamed=patterns("unnamed"),
        unnamed_heads=_one(words.get("unnamed_heads", [])),
        modifiers=_one(words.get("modifiers", [])),
        # case matters for short references: "the Journal", not "the journal"
        short_refs=patterns("short_refs", 0),
        generic_refs=_one(words.get("generic_refs", [])),
        determiners=_one(words.get("determiners", [])),
        dates=patterns("dates"),
        name_like=patterns("name_like", 0),
        not_names=frozenset(w.casefold() for w in words.get("not_names", [])),
        name_articles=_one(words.get("name_articles", [])),
        objects=patterns("objects"),
        embedding=patterns("embedding"),
    )


@cache
def _table(code: str) -> CueTable:
    return build_table(code)


def tables() -> dict[str, CueTable]:
    """Base code -> cue table, for every language with the ``attribution`` capability."""
    return {code: _table(code) for code in L.attribution_languages()}


def table_for(lang: str) -> CueTable:
    """The cue table for a base language code; English rules for anything unknown."""
    code = lang if lang in L.attribution_languages() else "en"
    return _table(code)
