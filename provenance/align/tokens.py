"""Anchor tokens: what survives translation into any script.

Numbers, Latin-script names and acronyms, punctuation cues (quotations, questions,
parentheses) and, between Cyrillic and Latin script, transliterated name prefixes.
Shared rare tokens are strong evidence that two sentences render each other.
"""

from __future__ import annotations

import re

_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z'\-]*[A-Za-z]")
# Frequent English words carry no alignment evidence; a short list is enough because
# idf weighting discounts the rest.
_STOPWORDS = frozenset({
    "the", "and", "for", "that", "with", "this", "from", "was", "were", "are", "has", "have",
    "had", "not", "but", "his", "her", "its", "their", "they", "them", "she", "him", "who",
    "which", "what", "when", "where", "will", "would", "can", "could", "said", "says", "been",
    "being", "also", "into", "over", "than", "then", "there", "about", "after", "before",
    "more", "most", "some", "such", "only", "other", "our", "out", "all", "any", "one", "two",
    "new", "just", "like",
})


def _normalise_number(text: str) -> str:
    # "1,000" and "1.000" are thousands groups when the last group has three digits;
    # "5,9" is a decimal comma. Either way the digits alone identify the number.
    groups = re.split(r"[.,]", text)
    if len(groups) > 1 and all(len(g) == 3 for g in groups[1:]):
        return "".join(groups)
    return ".".join(groups)


_CUES = (("%quote", "\"“”«»「」『』„"), ("%question", "?？"), ("%paren", "(（"),
         ("%colon", ":："))


def anchor_tokens(text: str, rendering: str) -> set[str]:
    """Numbers (as written, or as the rendering spells them out in digits) and
    Latin-script words of the rendering, lowercased."""
    tokens = {"#" + _normalise_number(n) for n in _NUMBER.findall(text + " " + rendering)}
    tokens.update(
        w.lower() for w in _LATIN_WORD.findall(rendering)
        if len(w) >= 3 and w.lower() not in _STOPWORDS
    )
    # Quotations, questions and parentheses survive translation in every script.
    tokens.update(cue for cue, marks in _CUES if any(c in text for c in marks))
    return tokens


_CYRILLIC_LATIN = str.maketrans({
    "а": "a", "б": "b", "в": "v", "г": "h", "ґ": "g", "д": "d", "е": "e", "є": "ye", "ж": "zh",
    "з": "z", "и": "y", "і": "i", "ї": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n",
    "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
    "ч": "ch", "ш": "sh", "щ": "shch", "ь": "", "ю": "yu", "я": "ya", "ъ": "", "ы": "y",
    "э": "e", "ё": "e", "'": "", "’": "",
})
_CAPITALISED = re.compile(r"(?<![\w])[A-ZА-ЯІЇЄҐЁ][\w'’-]{3,}")


def name_prefixes(text: str) -> set[str]:
    """Four-letter Latin prefixes of capitalised words: "Зеленський" and "Zelensky" both
    give ``~zele``, so names match across Cyrillic and English without translation."""
    out = set()
    for word in _CAPITALISED.findall(text):
        latin = word.lower().translate(_CYRILLIC_LATIN)
        if len(latin) >= 4 and latin.isascii():
            out.add("~" + latin[:4])
            if "h" in latin[:4]:  # Ukrainian г is "g" in many English spellings
                out.add("~" + latin[:4].replace("h", "g"))
    return out
