"""The language registry: every language the project knows, and what it can do with each.

One :class:`Language` record per language, under the code articles carry (langdetect
style: ``en``, ``zh-cn``, ``zh-tw``, ``ko``, ``uk``, ``ru``), with its script, its
glossary code (``zh-Hans``, ``zh-Hant``), its support tier and its capabilities. Every
module that needs a list of languages ("which languages have quantity rules", "which
are Cyrillic", "which glossary codes exist") asks the registry instead of keeping its
own list, so adding a language (or a capability to one) is one edit here.

Per-language *data* (cue lexicons, unit words, month names) stays with the module that
uses it; ``tests/unit/test_lang.py`` checks that each such table covers exactly the
languages the registry gives the matching capability.

>>> glossary_code("zh-TW"), script_of("uk"), tier_of("ko"), display_name("bg")
('zh-Hant', 'cyrillic', 'full', 'Bulgarian')
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

FULL = "full"
BASIC = "basic"
NONE = "none"
#: Support tiers, best first.
TIERS: tuple[str, ...] = (FULL, BASIC, NONE)

#: What the project can do in a language; the ``capabilities`` of a record name these.
CAPABILITIES: dict[str, str] = {
    "segmentation": "sentences split by the language's own rules (sentencex); others get "
                    "English rules",
    "quantities": "numbers, money, percentages, ordinals, counts and dates read "
                  "(provenance.quantities)",
    "attribution": "a cue lexicon for cited sources (provenance/attribution/lexicons/)",
    "numbers": "numbers, money and percentages written in digits (with the language's "
               "decimal mark) and dates with month names (dateparser's calendars) "
               "(provenance.quantities.basic)",
    "glossary": "glossary forms may be written in it (provenance.glossary)",
    "inflection": "glossary forms and names matched in any inflected form (pymorphy3)",
    "drift": "drift lexicons: hedges, negation, attribution and relation verbs "
             "(provenance/data/lexicons/)",
    "names": "names the glossary lacks found by their capitals and compared across "
             "Latin and Cyrillic (provenance.drift.names)",
}

#: What each tier promises: a record in a tier has at least these capabilities.
TIER_CAPABILITIES: dict[str, frozenset[str]] = {
    FULL: frozenset({"segmentation", "quantities", "attribution", "glossary", "drift"}),
    BASIC: frozenset({"attribution", "numbers"}),
    NONE: frozenset(),
}


# -- codes --------------------------------------------------------------------------------
def base(code: str | None) -> str:
    """``zh-cn`` -> ``zh``, ``en-US`` -> ``en``, None -> ``und``."""
    if not code:
        return "und"
    return code.replace("_", "-").split("-")[0].lower()


def same_language(a: str | None, b: str | None) -> bool:
    return base(a) == base(b)


@dataclass(frozen=True)
class Language:
    """One language: its codes, its script, and what the project can do in it."""

    #: The code articles carry (langdetect style): ``en``, ``zh-cn``, ``zh-tw``.
    code: str
    #: For people: "Chinese (Traditional)".
    name: str
    #: The script that tells the language apart, as ``provenance.langid`` names scripts:
    #: latin, cyrillic, han, hangul, kana (Japanese: its Han characters are shared with
    #: Chinese), arabic, greek, hebrew, devanagari, thai, georgian, armenian; other
    #: scripts by their Unicode name (bengali, tamil...).
    script: str
    tier: str = NONE
    capabilities: frozenset[str] = frozenset()
    #: The code glossary forms in this language carry; the article code by default.
    glossary_code: str = ""
    #: Other spellings that mean this record ("zh" and "zh-sg" mean zh-cn).
    aliases: tuple[str, ...] = ()
    #: The Argos Translate package code; the base code by default (zh-tw is "zt").
    argos_code: str = ""
    #: Glossary languages whose native-script forms may match text in this language,
    #: best first; the glossary code alone by default.
    glossary_family: tuple[str, ...] = ()
    #: False where a lexicon entry may sit inside a longer written word: no spaces
    #: (Chinese, Japanese, Thai) or particles and clitics glued on (Korean, Arabic).
    whole_words: bool = True
    #: Country domains whose outlets publish in this language (``kr`` for Korean).
    country_domains: tuple[str, ...] = ()
    #: Every noun is capitalised (German): a capital does not mark a name.
    nouns_capitalised: bool = False
    #: Codes in lower case, for lookups.
    keys: frozenset[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if self.tier not in TIERS:
            raise ValueError(f"{self.code}: unknown tier {self.tier!r}")
        unknown = self.capabilities - set(CAPABILITIES)
        if unknown:
            raise ValueError(f"{self.code}: unknown capabilities {sorted(unknown)}")
        missing = TIER_CAPABILITIES[self.tier] - self.capabilities
        if missing:
            raise ValueError(f"{self.code}: tier {self.tier!r} needs {sorted(missing)}")
        glossary = self.glossary_code or self.code
        object.__setattr__(self, "glossary_code", glossary)
        object.__setattr__(self, "argos_code", self.argos_code or self.base)
        object.__setattr__(self, "glossary_family", self.glossary_family or (glossary,))
        object.__setattr__(self, "keys", frozenset(
            k.lower() for k in (self.code, glossary, *self.aliases)))

    @property
    def base(self) -> str:
        """The language without its script or region: ``zh`` for zh-tw."""
        return base(self.code)

    def can(self, capability: str) -> bool:
        if capability not in CAPABILITIES:
            raise KeyError(f"unknown capability {capability!r}")
        return capability in self.capabilities


def _caps(*names: str) -> frozenset[str]:
    return frozenset(names)


_FULL_CAPS = TIER_CAPABILITIES[FULL]
_BASIC_CAPS = TIER_CAPABILITIES[BASIC]

#: Every language the project knows, in the order lists show them: the full tier first,
#: then the basic tier, then the languages it only names.
REGISTRY: tuple[Language, ...] = (
    Language("en", "English", "latin", FULL, _FULL_CAPS | {"names"}),
    Language("zh-cn", "Chinese (Simplified)", "han", FULL, _FULL_CAPS,
             glossary_code="zh-Hans", aliases=("zh", "zh-sg"), argos_code="zh",
             glossary_family=("zh-Hans", "zh-Hant"), whole_words=False,
             country_domains=("cn",)),
    # Simplified forms still rank first in Traditional text: glossaries hold more of them,
    # and a relay often mixes the two.
    Language("zh-tw", "Chinese (Traditional)", "han", FULL, _FULL_CAPS,
             glossary_code="zh-Hant", aliases=("zh-hk", "zh-mo"), argos_code="zt",
             glossary_family=("zh-Hans", "zh-Hant"), whole_words=False,
             country_domains=("tw", "hk")),
    Language("ko", "Korean", "hangul", FULL, _FULL_CAPS, whole_words=False,
             country_domains=("kr",)),
    # Ukrainian and Russian texts name the same people: each reads the other's forms.
    Language("uk", "Ukrainian", "cyrillic", FULL, _FULL_CAPS | {"inflection", "names"},
             glossary_family=("uk", "ru"), country_domains=("ua",)),
    # .by: Belarusian outlets mostly publish in Russian.
    Language("ru", "Russian", "cyrillic", FULL, _FULL_CAPS | {"inflection", "names"},
             glossary_family=("ru", "uk"), country_domains=("ru", "by")),
    # Basic tier: language identified, cited sources and numbers read, nothing else.
    Language("ja", "Japanese", "kana", BASIC, _BASIC_CAPS | {"segmentation", "glossary"},
             whole_words=False, country_domains=("jp",)),
    Language("de", "German", "latin", BASIC,
             _BASIC_CAPS | {"segmentation", "glossary", "names", "drift"},
             nouns_capitalised=True),
    Language("fr", "French", "latin", BASIC,
             _BASIC_CAPS | {"segmentation", "glossary", "names", "drift"}),
    Language("es", "Spanish", "latin", BASIC,
             _BASIC_CAPS | {"segmentation", "glossary", "names", "drift"}),
    Language("it", "Italian", "latin", BASIC, _BASIC_CAPS | {"segmentation", "names"}),
    Language("pt", "Portuguese", "latin", BASIC, _BASIC_CAPS | {"segmentation", "names"}),
    Language("bg", "Bulgarian", "cyrillic", BASIC,
             _BASIC_CAPS | {"segmentation", "glossary", "names"}),
    Language("ro", "Romanian", "latin", BASIC, _BASIC_CAPS),
    Language("pl", "Polish", "latin", BASIC, _BASIC_CAPS | {"segmentation"}),
    Language("tr", "Turkish", "latin", BASIC, _BASIC_CAPS | {"segmentation"}),
    Language("ar", "Arabic", "arabic", BASIC, _BASIC_CAPS | {"segmentation", "glossary"},
             whole_words=False),
    Language("vi", "Vietnamese", "latin", BASIC, _BASIC_CAPS | {"segmentation"}),
    # Tier none: identified and named, read as is.
    Language("nl", "Dutch", "latin", capabilities=_caps("segmentation", "names")),
    Language("be", "Belarusian", "cyrillic", capabilities=_caps("names")),
    # Serbian is also written in Latin letters; langdetect has no Serbian profile.
    Language("sr", "Serbian", "cyrillic", capabilities=_caps("segmentation")),
    Language("mk", "Macedonian", "cyrillic"),
    Language("cs", "Czech", "latin", capabilities=_caps("segmentation")),
    Language("sk", "Slovak", "latin", capabilities=_caps("segmentation")),
    Language("hr", "Croatian", "latin", capabilities=_caps("segmentation")),
    Language("sl", "Slovenian", "latin", capabilities=_caps("segmentation")),
    Language("el", "Greek", "greek", capabilities=_caps("segmentation")),
    Language("fa", "Persian", "arabic", capabilities=_caps("segmentation")),
    Language("hi", "Hindi", "devanagari", capabilities=_caps("segmentation")),
    Language("id", "Indonesian", "latin", capabilities=_caps("segmentation")),
    Language("th", "Thai", "thai", capabilities=_caps("segmentation"), whole_words=False),
    # Languages langdetect (or the script alone) may report: named, never guessed.
    Language("he", "Hebrew", "hebrew"),
    Language("ka", "Georgian", "georgian"),
    Language("hy", "Armenian", "armenian"),
    Language("ur", "Urdu", "arabic", whole_words=False),
    Language("mr", "Marathi", "devanagari"),
    Language("ne", "Nepali", "devanagari"),
    Language("bn", "Bengali", "bengali"),
    Language("gu", "Gujarati", "gujarati"),
    Language("pa", "Punjabi", "gurmukhi"),
    Language("ta", "Tamil", "tamil"),
    Language("te", "Telugu", "telugu"),
    Language("kn", "Kannada", "kannada"),
    Language("ml", "Malayalam", "malayalam"),
    Language("hu", "Hungarian", "latin"),
    Language("fi", "Finnish", "latin"),
    Language("et", "Estonian", "latin"),
    Language("lv", "Latvian", "latin"),
    Language("lt", "Lithuanian", "latin"),
    Language("sv", "Swedish", "latin"),
    Language("da", "Danish", "latin"),
    Language("no", "Norwegian", "latin", aliases=("nb", "nn")),
    Language("ca", "Catalan", "latin"),
    Language("sq", "Albanian", "latin"),
    Language("af", "Afrikaans", "latin"),
    Language("cy", "Welsh", "latin"),
    Language("sw", "Swahili", "latin"),
    Language("so", "Somali", "latin"),
    Language("tl", "Tagalog", "latin"),
)


def _index(records: Iterable[Language]) -> dict[str, Language]:
    index: dict[str, Language] = {}
    for record in records:
        for key in record.keys:
            if key in index:
                raise ValueError(f"language code {key!r} names both {index[key].code} "
                                 f"and {record.code}")
            index[key] = record
    return index


_BY_KEY = _index(REGISTRY)


# -- look-ups ----------------------------------------------------------------------------
def language(code: str | None) -> Language | None:
    """The record for an article, glossary or base code, or None for a language the
    project does not know. Case and ``_``/``-`` do not matter, and a region or script the
    registry does not list falls back to the language: ``en-US`` is en, ``zh`` is zh-cn,
    ``zh-Hant-TW`` is zh-tw."""
    if not code:
        return None
    parts = code.replace("_", "-").lower().split("-")
    for n in range(len(parts), 0, -1):
        found = _BY_KEY.get("-".join(parts[:n]))
        if found is not None:
            return found
    return None


def glossary_code(code: str) -> str:
    """The glossary's code for an article language: ``zh-cn`` -> ``zh-Hans``; the base
    code for a language the registry does not know."""
    record = language(code)
    return record.glossary_code if record else base(code)


def script_of(code: str | None) -> str | None:
    """The script a language is written in (``cyrillic`` for uk), None if unknown."""
    record = language(code)
    return record.script if record else None


def is_cyrillic(code: str | None) -> bool:
    """Whether a language (a code, not a text) is written in Cyrillic."""
    return script_of(code) == "cyrillic"


def whole_words(code: str | None) -> bool:
    """Whether lexicon entries match whole words only (unknown languages: yes)."""
    record = language(code)
    return record.whole_words if record else True


def tier_of(code: str | None) -> str:
    """``full``, ``basic`` or ``none`` (also for a language the registry does not know)."""
    record = language(code)
    return record.tier if record else NONE


def display_name(code: str | None) -> str:
    """"Ukrainian" for uk; the code itself for a language the registry does not know."""
    record = language(code)
    if record is not None:
        return record.name
    return code if code and code != "und" else "undetermined"


def has(code: str | None, capability: str) -> bool:
    """Whether the project can do ``capability`` (a key of CAPABILITIES) in a language."""
    record = language(code)
    if record is None:
        if capability not in CAPABILITIES:
            raise KeyError(f"unknown capability {capability!r}")
        return False
    return record.can(capability)


def glossary_family(code: str) -> tuple[str, ...]:
    """Glossary languages whose native-script forms may match text in ``code``, best
    first: ``("zh-Hans", "zh-Hant")`` for any Chinese, ``("uk", "ru")`` for Ukrainian."""
    record = language(code)
    return record.glossary_family if record else (glossary_code(code),)


# -- what support means ----------------------------------------------------------------
#: What a reader loses when a language lacks a capability of the full tier.
_OMITTED: dict[str, str] = {
    "segmentation": "sentences split by generic rules",
    "quantities": "numbers in words, counted things and units not read",
    "glossary": "glossary terms matched in their Latin-script forms only",
    "attribution": "cited sources not read",
    "drift": "no hedge, negation, attribution-verb or relation drift",
}


def omissions(code: str | None) -> list[str]:
    """What the project does not do in a language, compared with the full tier, in words
    ("no glossary terms", ...); empty for a full-tier language."""
    record = language(code)
    caps = record.capabilities if record else frozenset()
    found = []
    for cap, words in _OMITTED.items():
        if cap in caps:
            continue
        if cap == "quantities" and "numbers" not in caps:
            words = "numbers read with English rules, dates in words not read"
        found.append(words)
    return found


def support_notice(code: str | None) -> str | None:
    """One line saying how well the project reads a language, None for the full tier:
    "Italian: basic support (...): no glossary terms; ...". A language outside the basic
    tier is named as what it is, never passed off as another one."""
    tier = tier_of(code)
    if tier == FULL:
        return None
    name = display_name(code)
    if tier == BASIC:
        head = f"{name}: basic support (language, cited sources, numbers and dates)"
    elif name == "undetermined":
        head = "language undetermined: read with generic rules"
    elif language(code) is None:
        head = f"{name}: a language this tool does not know, read with generic rules"
    else:
        head = f"{name}: not supported, read with generic rules"
    return f"{head}: {'; '.join(omissions(code))}"


def support_summary() -> str:
    """The language tiers in a few paragraphs, as the registry has them (``--help``)."""

    def names(records: Iterable[Language]) -> str:
        bases: dict[str, list[str]] = {}
        for record in records:
            name, _, variant = record.name.partition(" (")
            bases.setdefault(name, []).append(variant.rstrip(")"))
        return ", ".join(f"{name} ({' and '.join(v)})" if len(v) > 1 else name
                         for name, v in bases.items())

    glossary = [r for r in languages(tier=BASIC) if r.can("glossary")]
    return ("Point it at a folder of articles about one story, in any mix of languages.\n\n"
            f"Full support: {names(languages(tier=FULL))}.\n\n"
            f"Basic support: {names(languages(tier=BASIC))}: the language, cited sources, "
            "numbers in digits and dates are read; glossary terms only in their "
            f"Latin-script forms (and in {names(glossary)}); no number words or units, no "
            "hedge, negation or relation drift.\n\n"
            "Any other language is named and read with generic rules. Every output says, "
            "per article, what its language's support leaves out.")


def support_lines(items: Iterable[tuple[str, str | None]]) -> list[str]:
    """"label: notice" for every (label, language) the project does not read in full,
    for text outputs to print under their table (one line per article)."""
    return [f"{label}: {notice}" for label, code in items
            if (notice := support_notice(code)) is not None]


# -- lists -------------------------------------------------------------------------------
def languages(*, tier: str | None = None, capability: str | None = None,
              one_per_base: bool = False) -> tuple[Language, ...]:
    """Registry records in registry order, optionally of one tier, with one capability,
    or only the first record of each base language (zh-cn stands for Chinese)."""
    if tier is not None and tier not in TIERS:
        raise KeyError(f"unknown tier {tier!r}")
    if capability is not None and capability not in CAPABILITIES:
        raise KeyError(f"unknown capability {capability!r}")
    found = [r for r in REGISTRY if (tier is None or r.tier == tier)
             and (capability is None or capability in r.capabilities)]
    if one_per_base:
        first: dict[str, Language] = {}
        for record in found:
            first.setdefault(record.base, record)
        found = list(first.values())
    return tuple(found)


def languages_with(capability: str) -> tuple[Language, ...]:
    """Records with one capability, in registry order."""
    return languages(capability=capability)


def supported() -> tuple[Language, ...]:
    """Records the project reads (tier full or basic), in registry order."""
    return tuple(r for r in REGISTRY if r.tier != NONE)


def base_codes(records: Iterable[Language]) -> tuple[str, ...]:
    """The distinct base codes of some records, in order: zh-cn and zh-tw give one ``zh``."""
    return tuple(dict.fromkeys(r.base for r in records))


def glossary_codes(records: Iterable[Language]) -> tuple[str, ...]:
    """The distinct glossary codes of some records, in order."""
    return tuple(dict.fromkeys(r.glossary_code for r in records))


#: Base codes of the languages written in each script family, for quick membership tests.
CYRILLIC: frozenset[str] = frozenset(r.base for r in REGISTRY if r.script == "cyrillic")
CJK: frozenset[str] = frozenset(r.base for r in REGISTRY if r.script in ("han", "hangul", "kana"))
