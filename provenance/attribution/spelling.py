"""Outlet names misspelled: "WJS" for the WSJ, "NYTimse" for NYTimes.

A name cited as a source ("WJS наводить деталі") that the glossary does not know may be
a known outlet's name with one slip of the keyboard. Which outlet is meant is only told
by the text around it: the same article or its reference credits that outlet under its
right name. So a slip is looked for only against the outlets the caller passes (those
credited), never against every outlet there is.

A slip is one edit: two neighbouring letters swapped, or, in a name of five letters or
more, one letter added, dropped or replaced. Short names get only the swap: one letter
away from an outlet's initials lie many real acronyms (NSC and NBC, CBC and CBS), while
a swap of an acronym's letters is seldom another acronym. The first letter must agree
(slips land inside a word), and names written without letter case (Chinese, Korean)
are left alone: one character there is another word.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rapidfuzz.distance import OSA, Hamming, Levenshtein

if TYPE_CHECKING:
    from provenance.glossary import Glossary

#: a name shorter than this gets only the swap of two neighbouring letters
_EDITS_FROM = 5
#: names shorter than this are not compared at all ("AP" and "PA")
_SHORTEST = 3


@dataclass(frozen=True)
class Slip:
    """A name read as a known outlet's name misspelled."""

    written: str  # as the article writes it ("WJS")
    form: str  # the outlet's form it is one slip from ("WSJ")
    concept_id: str  # the outlet's glossary concept
    outlet: str  # its canonical name ("The Wall Street Journal")


def _cased(text: str) -> bool:
    return text.lower() != text.upper()


def _swapped(a: str, b: str) -> bool:
    """``a`` is ``b`` with two neighbouring letters swapped: one transposition (OSA
    distance 1), which no single replacement (Hamming distance 1) explains."""
    return len(a) == len(b) and OSA.distance(a, b) == 1 and Hamming.distance(a, b) == 2


def is_slip(written: str, form: str) -> bool:
    """Whether ``written`` is ``form`` with one slip (see the module docstring)."""
    w, f = " ".join(written.split()).casefold(), " ".join(form.split()).casefold()
    if len(w) < _SHORTEST or len(f) < _SHORTEST or w == f or w[0] != f[0]:
        return False
    if not (_cased(written) and _cased(form)):
        return False
    if _swapped(w, f):
        return True
    return min(len(w), len(f)) >= _EDITS_FROM and Levenshtein.distance(w, f) == 1


def outlet_slip(written: str, outlets: Iterable[str], glossary: Glossary | None
                ) -> Slip | None:
    """The outlet (among the glossary concepts ``outlets``) whose name ``written`` is
    one slip from, when exactly one is; None otherwise, and for a name that is itself
    one of their forms."""
    if glossary is None:
        return None
    found: dict[str, Slip] = {}
    for concept_id in dict.fromkeys(outlets):
        if concept_id not in glossary:
            continue
        concept = glossary.get(concept_id)
        forms = [concept.canonical] + [f.text for _, f in concept.all_forms()]
        if any(" ".join(f.split()).casefold() == " ".join(written.split()).casefold()
               for f in forms):
            return None
        form = next((f for f in forms if is_slip(written, f)), None)
        if form is not None:
            found[concept_id] = Slip(written, form, concept_id, concept.canonical)
    return next(iter(found.values())) if len(found) == 1 else None
