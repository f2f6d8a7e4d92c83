"""What a glossary holds: concepts, their per-language forms, and the matches found in text.

A :class:`Concept` is one thing in the world (a person, an outlet, a rocket) with an
English canonical name and any number of written forms per language. A :class:`Form`
says how trustworthy a rendering is: ``preferred`` (the usual one), ``admitted`` (seen
and acceptable) or ``deprecated`` (a known mistranslation, e.g. "Space Force Command"
for the US Space Force). A :class:`TermMatch` is one occurrence of a concept in a text.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from provenance.lang import base, glossary_codes, languages_with

#: Glossary language codes a form may carry (script-tagged for Chinese): the registry's
#: languages with the "glossary" capability.
LANGUAGES: tuple[str, ...] = glossary_codes(languages_with("glossary"))
CATEGORIES: tuple[str, ...] = (
    "person", "organisation", "outlet", "programme", "vehicle", "place", "title",
    "agency", "company", "event", "product", "other",
)
STATUSES: tuple[str, ...] = ("preferred", "admitted", "deprecated")


def _with_script_neutral(codes: tuple[str, ...]) -> tuple[str, ...]:
    """Each script-tagged code preceded (once) by its base: zh, zh-Hans, zh-Hant."""
    out: list[str] = []
    for code in codes:
        if base(code) != code and base(code) not in out:
            out.append(base(code))
        out.append(code)
    return tuple(out)


#: Codes a concept's ``language`` (the language an outlet or organisation publishes in)
#: may take: the glossary codes plus script-neutral ``zh`` (a news agency's home
#: language is Chinese, whichever script a given article uses).
CONCEPT_LANGUAGES: tuple[str, ...] = _with_script_neutral(LANGUAGES)


def known_concept_language(code: str) -> str | None:
    """``code`` spelled as in :data:`CONCEPT_LANGUAGES` (case-insensitive), or None."""
    wanted = code.strip().lower()
    return next((known for known in CONCEPT_LANGUAGES if known.lower() == wanted), None)


@dataclass(frozen=True)
class Form:
    """One written form of a concept in one language."""

    text: str
    status: str = "preferred"
    case_sensitive: bool = False
    #: 1-based line in the glossary file (not part of equality: a moved form is the same).
    line: int | None = field(default=None, compare=False, repr=False)


@dataclass
class Concept:
    """One concept with its forms per glossary language.

    ``source`` and ``line`` say where it was defined (for validator messages and edits).
    ``language`` is the language the outlet or organisation publishes in ("ko" for
    Yonhap, "en" for Reuters), when the glossary says so: it tells the origin analysis
    which language a report relayed from that outlet was first written in.
    """

    id: str
    category: str
    canonical: str
    forms: dict[str, list[Form]] = field(default_factory=dict)
    notes: str = ""
    source: str | None = None
    line: int | None = None
    language: str | None = None

    def all_forms(self) -> list[tuple[str, Form]]:
        """Every (language, form) pair, in file order."""
        return [(lang, form) for lang, forms in self.forms.items() for form in forms]

    def preferred(self, lang: str) -> Form | None:
        """The preferred form in ``lang`` (first non-deprecated one), if any."""
        candidates = [f for f in self.forms.get(lang, []) if f.status != "deprecated"]
        for form in candidates:
            if form.status == "preferred":
                return form
        return candidates[0] if candidates else None

    def to_dict(self) -> dict[str, object]:
        """Plain data (no source location), the shape used for hashing and JSON output."""
        return {
            "id": self.id,
            "category": self.category,
            "canonical": self.canonical,
            "notes": self.notes,
            "language": self.language,
            "forms": {
                lang: [
                    {"text": f.text, "status": f.status, "case_sensitive": f.case_sensitive}
                    for f in forms
                ]
                for lang, forms in self.forms.items()
            },
        }


@dataclass(frozen=True)
class TermMatch:
    """One occurrence of a concept in a text; ``start``/``end`` index into that text.

    ``lang`` is the glossary language of the form that matched (``en`` for "SpaceX"
    inside a Chinese sentence); ``status`` is that form's status, so a ``deprecated``
    match is a known mistranslation.
    """

    concept_id: str
    category: str
    canonical: str
    start: int
    end: int
    text: str
    lang: str
    status: str
