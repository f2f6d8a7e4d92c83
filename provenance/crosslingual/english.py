"""English words reduced to matching keys, so a dictionary gloss meets a sentence.

A gloss says "to hold talks", a sentence says "held talks"; a gloss says "Russia", a
sentence says "Russian officials"; a gloss says "US", a sentence says "U.S.". Each
English word gets a small set of keys (a light stem, the base of an irregular verb, the
country behind a nationality adjective) and two words match when their key sets meet.
A full stemmer or lemmatiser would need a dependency and data for little gain here:
the glosses are short and the sentences are news English.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from provenance.crosslingual.wordlink import WordLink

# Words of a gloss or sentence: dotted acronyms (U.S.), letters with inner apostrophes
# and hyphens, or numbers.
_WORD = re.compile(r"[A-Za-z](?:\.[A-Za-z])+\.?|[A-Za-z](?:[A-Za-z'’]|-(?=[A-Za-z]))*"
                   r"|\d+(?:[.,]\d+)*")

#: Function words and dictionary shorthand (sb, sth) that link nothing.
STOPWORDS = frozenset({
    "a", "an", "the", "and", "or", "but", "nor", "of", "to", "in", "on", "at", "by", "for",
    "from", "with", "without", "into", "onto", "upon", "over", "under", "about", "above",
    "below", "after", "before", "between", "through", "during", "since", "until", "till", "as",
    "than", "then", "so", "such", "that", "this", "these", "those", "there", "here", "it",
    "its", "it's", "he", "she", "they", "we", "i", "you", "me", "him", "her", "them", "us",
    "our", "your", "their", "his", "my", "mine", "who", "whom", "whose", "which", "what",
    "when", "where", "why", "how", "whether", "if", "while", "is", "are", "was", "were", "be",
    "been", "being", "am", "do", "does", "did", "done", "have", "has", "had", "having", "will",
    "would", "shall", "should", "can", "could", "may", "might", "must", "not", "no", "yes",
    "also", "too", "very", "just", "only", "even", "still", "yet", "ever", "all", "any",
    "each", "every", "some", "many", "much", "more", "most", "other", "another", "same", "own",
    "one's", "oneself", "sb", "sth", "sb's", "sth's", "etc", "e.g", "i.e.", "something",
    "someone", "somebody", "thing", "things", "one", "ones", "s", "t",
})

# Irregular English verbs and nouns the news uses: form -> base.
_IRREGULAR = {
    "said": "say", "says": "say", "told": "tell", "held": "hold", "met": "meet",
    "went": "go", "gone": "go", "won": "win", "made": "make", "took": "take", "taken": "take",
    "gave": "give", "given": "give", "came": "come", "found": "find", "began": "begin",
    "begun": "begin", "spoke": "speak", "spoken": "speak", "thought": "think",
    "brought": "bring", "bought": "buy", "sold": "sell", "led": "lead", "kept": "keep",
    "sent": "send", "built": "build", "paid": "pay", "fell": "fall", "fallen": "fall",
    "rose": "rise", "risen": "rise", "grew": "grow", "grown": "grow", "knew": "know",
    "known": "know", "saw": "see", "seen": "see", "got": "get", "ran": "run", "wrote": "write",
    "written": "write", "chose": "choose", "chosen": "choose", "became": "become",
    "struck": "strike", "fought": "fight", "caught": "catch", "taught": "teach",
    "lost": "lose", "felt": "feel", "meant": "mean", "heard": "hear", "stood": "stand",
    "understood": "understand", "sought": "seek", "drew": "draw", "drawn": "draw",
    "flew": "fly", "flown": "fly", "left": "leave", "hit": "hit", "cut": "cut", "put": "put",
    "set": "set", "shot": "shoot", "hid": "hide", "hidden": "hide", "broke": "break",
    "broken": "break", "spent": "spend", "lent": "lend", "dealt": "deal", "withdrew": "withdraw",
    "withdrawn": "withdraw", "men": "man", "women": "woman", "children": "child",
    "people": "person", "lives": "life", "wives": "wife", "countries": "country",
    "better": "good", "best": "good", "worse": "bad", "worst": "bad", "richest": "rich",
    "largest": "large", "biggest": "big",
}
# Nationality and language adjectives and the country a gloss names: "Russian" meets
# "Russia", "Chinese" meets "China", "Ukrainian" meets "Ukraine", "European" meets
# "Europe", "Korean" meets "Korea".
_ADJECTIVE_ENDINGS = (("ian", ("ia", "")), ("ean", ("e", "a", "")), ("ese", ("a", "")),
                      ("an", ("a", "")), ("i", ("",)))


def _stem(word: str) -> str:
    """A light suffix stripper: plural, past and progressive endings, and a final e, so
    "reports", "reported", "reporting" and "report" share "report" and "make", "makes",
    "making" share "mak"."""
    for suffix, repl in (("ies", "y"), ("ied", "y"), ("sses", "ss"), ("ches", "ch"),
                         ("shes", "sh"), ("xes", "x"), ("ing", ""), ("ed", ""), ("ly", ""),
                         ("s", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3 and not (
                suffix == "s" and word.endswith(("ss", "us", "is"))):
            word = word[: -len(suffix)] + repl
            if suffix in ("ing", "ed") and len(word) >= 4 and word[-1] == word[-2] \
                    and word[-1] not in "aeiouls":
                word = word[:-1]  # stopped -> stop, planned -> plan (but called, passed)
            break
    if len(word) > 3 and word.endswith("e"):
        word = word[:-1]
    return word


@lru_cache(maxsize=100_000)
def word_keys(word: str, variants: bool = True) -> frozenset[str]:
    """Matching keys of one English word (empty for a stop word).

    An acronym keeps its capitals and loses its dots ("U.S." and "US" give "US"), so
    it never meets a lower-case word ("us"); other words are lower-cased and stemmed.
    With ``variants`` a capitalised nationality adjective also gets its country's key
    ("Russian": "russia"); a gloss is read without them ("Kazan" is no adjective), so
    the sentence side alone stretches.
    """
    bare = word.replace("’", "'").strip(".'")
    if bare.endswith("'s"):
        bare = bare[:-2]
    letters = bare.replace(".", "")
    if len(letters) >= 2 and letters.isupper() and letters.isalpha():
        return frozenset({letters})
    low = bare.lower()
    if low in STOPWORDS or not low:
        return frozenset()
    if low[0].isdigit():
        return frozenset({low.replace(",", "")})
    keys = {_stem(low)}
    if low in _IRREGULAR:
        keys.add(_stem(_IRREGULAR[low]))
    if variants and word[:1].isupper():
        single = low[:-1] if low.endswith(("ans", "is")) else low  # Americans, Israelis
        for ending, replacements in _ADJECTIVE_ENDINGS:
            if single.endswith(ending) and len(single) - len(ending) >= 3:
                keys.update(_stem(single[: -len(ending)] + r) for r in replacements)
                break
    return frozenset(keys)


@dataclass(frozen=True, slots=True)
class Word:
    """One word of an English sentence with its span and matching keys."""

    start: int
    end: int
    text: str
    keys: frozenset[str]


def words(text: str) -> list[Word]:
    """The words of ``text`` in order, stop words included (with no keys)."""
    return [Word(m.start(), m.end(), m.group(), word_keys(m.group()))
            for m in _WORD.finditer(text)]


def content_keys(phrase: str) -> tuple[frozenset[str], ...]:
    """Keys of the content words of a gloss phrase, in order (stop words dropped)."""
    return tuple(k for k in (word_keys(m.group(), False) for m in _WORD.finditer(phrase))
                 if k)


# Latin words and numbers inside a foreign sentence: SpaceX, WSJ, 2022, 1,8.
_SHARED = re.compile(r"[A-Za-z](?:[A-Za-z0-9'’\-]*[A-Za-z0-9])?|\d+(?:[.,]\d+)*")


def identical_links(src: str, en: str, en_words: list[Word], taken: set[int]) -> list[WordLink]:
    """Latin words and numbers of ``src`` written alike in ``en`` (SpaceX, 2022), each
    English word taken once (its index is added to ``taken``)."""
    links = []
    for match in _SHARED.finditer(src):
        wanted = match.group().lower().replace(",", "")
        for i, word in enumerate(en_words):
            if i not in taken and word.text.lower().replace(",", "").rstrip(".") == wanted:
                taken.add(i)
                kind = "number" if wanted[0].isdigit() else "latin"
                links.append(WordLink(match.start(), match.end(), word.start, word.end,
                                      match.group(), word.text, kind, 1.0))
                break
    return links


def shares(src_linked: float, src_total: float, links: list[WordLink],
           en_words: list[Word]) -> tuple[float, float]:
    """The share of the foreign sentence linked (``src_linked`` of ``src_total``, in
    whatever unit the caller counts) and the share of English content words some link
    covers."""
    content = [w for w in en_words if w.keys]
    if not src_total or not content:
        return 0.0, 0.0
    en_linked = sum(1 for w in content
                    if any(link.tgt_start <= w.start and w.end <= link.tgt_end for link in links))
    return min(src_linked / src_total, 1.0), en_linked / len(content)


def overlap(src_linked: float, src_total: float, links: list[WordLink],
            en_words: list[Word]) -> float:
    """The harmonic mean of the two :func:`shares`; 0 when either is 0."""
    src_share, en_share = shares(src_linked, src_total, links, en_words)
    if not src_share or not en_share:
        return 0.0
    return round(2 * src_share * en_share / (src_share + en_share), 4)
