"""Find who a sentence cites: outlets, organisations, people and unnamed sources.

The extractor works mention-first. It collects every phrase that *could* be a source
(glossary outlets, organisations and people; unnamed-source phrases; short references
like "the Journal"; unknown capitalised or quoted names), then keeps the ones a cue
attaches to ("according to X", "X reported", 据X报道, X에 따르면, повідомляє X, secondo X).

Rules that hold in every language (the words are in each language's lexicon):

* a name that modifies unnamed sourcing is part of it: "White House officials said",
  "Two officials told", 几名白宫官员表示 cite unnamed officials, not the White House;
* a speaker is the *subject* of a reporting verb: a name after a preposition ("an
  advisor to the Republican noted") or inside what someone else said ("Bremmer said that
  Musk told him") is not a source;
* "told X", "in an interview with X" cite X only when X is an outlet;
* "X could not verify Y's report": X relays Y (a chain Y → X), X is not negated;
* a relay chain is built only from an explicit relay cue (citing, a dateline credit, a
  trailing "X reports"): two outlets reporting in one sentence are two sources.

Cue ranks then order the sources of one sentence into a relay chain, upstream first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rapidfuzz import fuzz, process

from provenance.attribution.cues import RELAY_RANKS, Cue, CueTable, table_for
from provenance.attribution.markers import citation_markers
from provenance.attribution.outlets import looks_like_outlet
from provenance.lang import base, whole_words
from provenance.model import Attribution

if TYPE_CHECKING:
    from provenance.glossary import Glossary

#: Glossary categories that can be a source, and the attribution kind they give.
SOURCE_KINDS: dict[str, str] = {
    "outlet": "outlet",
    "person": "person",
    "organisation": "organisation",
    "agency": "organisation",
    "company": "organisation",
}
#: Kinds that take part in a relay chain (a person or "sources" is not a relay).
CHAIN_KINDS = frozenset({"outlet", "organisation", "unknown"})
_WINDOW = 80
_FUZZY_MIN = 88  # rapidfuzz ratio to accept "Komersant Ukrainian" as a known outlet


@dataclass
class Mention:
    """A phrase that could be a cited source, before any cue is checked."""

    start: int
    end: int
    text: str
    source: str
    kind: str
    concept_id: str | None = None
    short_ref: bool = False
    priority: int = 0  # higher wins overlaps: unnamed 4, glossary 3, short ref 1, name 0


def _glossary_mentions(sentence: str, lang: str, glossary: Glossary | None) -> list[Mention]:
    if glossary is None:
        return []
    found = []
    for m in glossary.match(sentence, lang):
        kind = SOURCE_KINDS.get(m.category)
        if kind is None or m.status == "deprecated":
            continue
        found.append(Mention(m.start, m.end, m.text, m.canonical, kind, m.concept_id,
                             priority=3))
    return found


def _regex_mentions(sentence: str, table: CueTable) -> list[Mention]:
    found = []
    for pattern in table.unnamed:
        for m in pattern.finditer(sentence):
            text = m.group(0).strip()
            if text:
                start = m.start() + (len(m.group(0)) - len(m.group(0).lstrip()))
                # above glossary names: "sources close to Trump" is not Trump
                found.append(Mention(start, start + len(text), text, text, "unnamed",
                                     priority=4))
    for pattern in table.short_refs:
        for m in pattern.finditer(sentence):
            found.append(Mention(m.start(), m.end(), m.group(0), m.group(0), "unknown",
                                 short_ref=True, priority=1))
    for pattern in table.name_like:
        for m in pattern.finditer(sentence):
            group = 1 if m.re.groups else 0
            text = m.group(group).strip()
            if text.endswith(".") and not re.search(r"\b[A-Z]\.$", text):
                text = text.rstrip(".")  # a full stop, not an abbreviation like "U.S."
            start = m.start(group)
            article = table.name_articles.match(text) if table.name_articles else None
            if article and (rest := text[article.end():].lstrip()) and \
                    (article.group(0)[-1:] in "'’" or len(rest) < len(text) - article.end()):
                start += len(text) - len(rest)
                text = rest
            if len(text) < 2 or text.casefold() in table.not_names:
                continue
            found.append(Mention(start, start + len(text), text, text, "unknown", priority=0))
    return found


def _select(mentions: list[Mention]) -> list[Mention]:
    """Non-overlapping mentions: higher priority first, then longer."""
    chosen: list[Mention] = []
    for m in sorted(mentions, key=lambda x: (-x.priority, -(x.end - x.start), x.start)):
        if all(m.end <= c.start or m.start >= c.end for c in chosen):
            chosen.append(m)
    return sorted(chosen, key=lambda x: x.start)


def _absorb_modifiers(sentence: str, mentions: list[Mention], table: CueTable) -> list[Mention]:
    """Names that modify unnamed sourcing become part of it: "White House officials",
    "Former US, European and Russian officials", "Two officials", 几名白宫官员.

    An outlet is never absorbed ("WSJ sources" still cites the WSJ).
    """
    if table.unnamed_heads is None:
        return mentions
    out: list[Mention] = []
    for m in mentions:
        if m.kind == "unnamed" and table.unnamed_heads.match(m.text):
            while out and out[-1].kind not in ("outlet", "unnamed") and not out[-1].short_ref \
                    and _only_modifiers(sentence[out[-1].end:m.start], table):
                prev = out.pop()
                m = Mention(prev.start, m.end, sentence[prev.start:m.end],
                            sentence[prev.start:m.end], "unnamed", priority=m.priority)
        out.append(m)
    return out


def _only_modifiers(gap: str, table: CueTable) -> bool:
    """Whether the text between a name and an unnamed head only modifies the head:
    spaces, commas, "and", "security", "former", "'s", 的, 团队, 의 (a short gap)."""
    if len(gap) > 40 or table.modifiers is None and gap.strip(" ,、，·"):
        return False
    words = table.modifiers.pattern if table.modifiers is not None else "(?!)"
    return re.fullmatch(rf"(?:\s+|[,、，·]|['’]s\b|{words})*", gap, re.I) is not None


_OUTLET_INDEX: dict[int, tuple[Glossary, list[str], list[tuple[str, str]]]] = {}


def _outlet_index(glossary: Glossary) -> tuple[list[str], list[tuple[str, str]]]:
    """Every written form of every glossary outlet, for fuzzy look-up of unknown names."""
    cached = _OUTLET_INDEX.get(id(glossary))
    if cached is not None and cached[0] is glossary:
        return cached[1], cached[2]
    forms: list[str] = []
    owners: list[tuple[str, str]] = []
    for concept in glossary.concepts.values():
        if concept.category != "outlet":
            continue
        texts = {concept.canonical} | {f.text for _, f in concept.all_forms()}
        for text in texts:
            forms.append(text.casefold())
            owners.append((concept.id, concept.canonical))
    _OUTLET_INDEX[id(glossary)] = (glossary, forms, owners)
    return forms, owners


def _resolve_unknown(mention: Mention, glossary: Glossary | None) -> None:
    """Link a misspelt or unlisted rendering ("Komersant Ukrainian") to a known outlet."""
    if glossary is None or mention.kind != "unknown" or mention.short_ref:
        return
    forms, owners = _outlet_index(glossary)
    if not forms:
        return
    best = process.extractOne(mention.text.casefold(), forms, scorer=fuzz.ratio,
                              score_cutoff=_FUZZY_MIN)
    if best is not None:
        mention.concept_id, mention.source = owners[best[2]]
        mention.kind = "outlet"


def _is_outlet(mention: Mention) -> bool:
    return mention.kind == "outlet" or (mention.kind == "unknown"
                                        and (mention.short_ref or looks_like_outlet(mention.text)))


def _fits(cue: Cue, mention: Mention, sentence: str, other_side: str,
          table: CueTable) -> bool:
    """Whether a cue whose words matched may attach to this mention."""
    if cue.outlets_only and not _is_outlet(mention):
        return False
    if cue.context is not None and not cue.context.search(other_side):
        return False
    if cue.subject and mention.kind not in ("outlet", "unnamed") and not mention.short_ref:
        before = sentence[:mention.start]
        # the object of a preposition, or a name inside someone else's reported words
        if any(p.search(before[-_WINDOW:]) for p in table.objects):
            return False
        if any(p.search(before) for p in table.embedding):
            return False
    return True


def _find_cue(sentence: str, mention: Mention, table: CueTable,
              code: str) -> tuple[str, int, bool] | None:
    """(cue words, chain rank, whether the cue is a credit line) for a mention, or None."""
    before = sentence[max(0, mention.start - _WINDOW):mention.start]
    # the rest of the sentence: a Korean reporting verb closes it ("…은 … 보도했다")
    after = sentence[mention.end:mention.end + 5 * _WINDOW]
    hits: list[tuple[str, int, bool]] = []
    for cue in table.before:
        m = cue.pattern.search(before)
        if m and _fits(cue, mention, sentence, after, table):
            hits.append((m.group("cue"), cue.rank, cue.credit))
            break
    for cue in table.after:
        m = cue.pattern.search(after)
        if m and _fits(cue, mention, sentence, before, table):
            hits.append((m.group("cue"), cue.rank, cue.credit))
            break
    if not hits:
        return None
    if len(hits) == 2:
        # 据 … 报道: the framing cue and the verb together are the cue the reader sees
        first, second = hits
        if second[1] == 0:
            return second
        if first[1] == 0:
            return first
        if not whole_words(code):
            return f"{first[0]}…{second[0]}", first[1], False
    return hits[0]


def _find_negation(sentence: str, mention: Mention,
                   table: CueTable) -> tuple[str, bool] | None:
    """(the negating words, whether they deny verification) for a mention that is not an
    attribution of the claim ("Reuters could not verify", "did not respond")."""
    before = sentence[max(0, mention.start - _WINDOW):mention.start]
    after = sentence[mention.end:mention.end + _WINDOW]
    for pattern in table.negated_before:
        m = pattern.search(before)
        if m:
            return m.group(0).strip(), True
    if any(cue.pattern.search(before) for cue in table.before):
        return None  # "According to the WSJ, the White House did not respond": WSJ is cited
    for patterns, unverified in ((table.unverified_after, True), (table.negated_after, False)):
        for pattern in patterns:
            m = pattern.search(after)
            if m:
                text = m.group(0)
                # keep the verb phrase, not the list of names before it
                verb = re.search(r"\b(?:could|did|has|have|had|was|were|is|declined|not|"
                                 r"unable|cannot)\b.*$", text)
                return (verb.group(0) if verb else text).strip(" ,»\"”"), unverified
    return None


def _find_date(sentence: str, mention: Mention, table: CueTable) -> str | None:
    best: tuple[int, str] | None = None
    for pattern in table.dates:
        for m in pattern.finditer(sentence):
            distance = min(abs(m.start() - mention.end), abs(mention.start - m.end()))
            if distance <= 40 and (best is None or distance < best[0]):
                best = (distance, m.group(0).strip())
    return best[1] if best else None


def extract_attributions(text: str, lang: str, glossary: Glossary | None,
                         sentence_index: int = 0) -> list[Attribution]:
    """Every source one sentence cites, with its cue, span, kind and relay chain.

    ``lang`` is the article's language code (``en``, ``zh-cn``, ``ko``, ``uk``, ``ru``...).
    Outlets the glossary knows come back under their canonical English name with their
    concept id; unknown names are kept as written (kind ``unknown``). Negated mentions
    ("Reuters could not verify", "did not respond") are returned with ``negated=True``:
    they are not attributions of the claim. Short references ("the Journal", "the
    report", 该报) are returned as written; :func:`resolve_short_references` links them
    to the outlet named earlier in the article.
    """
    if not text or not text.strip():
        return []
    code = base(lang)
    table = table_for(code)
    text = _blank_markers(text)
    mentions = _select(_glossary_mentions(text, lang, glossary) + _regex_mentions(text, table))
    mentions = _absorb_modifiers(text, mentions, table)
    found: list[tuple[Attribution, int]] = []
    unverified: list[Attribution] = []
    for mention in mentions:
        negation = _find_negation(text, mention, table)
        cue = None if negation else _find_cue(text, mention, table, code)
        if negation is None and cue is None:
            continue
        _resolve_unknown(mention, glossary)
        attribution = Attribution(
            source=mention.source, kind=mention.kind,  # type: ignore[arg-type]
            cue=negation[0] if negation else (cue[0] if cue else ""),
            sentence=sentence_index, start=mention.start, end=mention.end,
            concept_id=mention.concept_id,
            date=None if negation else _find_date(text, mention, table),
            negated=negation is not None, credit=bool(cue and cue[2]),
        )
        if negation and negation[1] and _is_outlet(mention):
            unverified.append(attribution)
        found.append((attribution, cue[1] if cue else 2))
    found = _relay_unverified(found, unverified)
    found = _dedupe(found)
    _assign_chains(found)
    return [a for a, _ in found]


def _relay_unverified(found: list[tuple[Attribution, int]],
                      unverified: list[Attribution]) -> list[tuple[Attribution, int]]:
    """"CNBC could not verify the WSJ's report": CNBC relays the WSJ (rank 0). Alone
    ("Reuters could not verify the report") the outlet stays a negated mention."""
    if not unverified:
        return found
    others = [a for a, _ in found if not a.negated and a.kind in CHAIN_KINDS]
    out = []
    for attribution, rank in found:
        if attribution in unverified and others:
            attribution.negated = False
            rank = 0
        out.append((attribution, rank))
    return out


def _blank_markers(text: str) -> str:
    """Footnote digits ("the Journal reported12") replaced by spaces, offsets kept."""
    spans = citation_markers(text)
    if not spans:
        return text
    chars = list(text)
    for start, end in spans:
        chars[start:end] = " " * (end - start)
    return "".join(chars)


def _dedupe(found: list[tuple[Attribution, int]]) -> list[tuple[Attribution, int]]:
    """One attribution per source per sentence ("The Wall Street Journal (WSJ) reported")."""
    seen: set[tuple[str, bool]] = set()
    kept = []
    for attribution, rank in found:
        key = (attribution.concept_id or attribution.source.casefold(), attribution.negated)
        if attribution.kind != "unnamed" and key in seen:
            continue
        seen.add(key)
        kept.append((attribution, rank))
    return kept


def _assign_chains(found: list[tuple[Attribution, int]]) -> None:
    """Order the relays of one sentence upstream first, by cue rank then position; only
    an explicit relay cue (citing, a credit, a trailing "X reports") makes a chain."""
    relays = [(a, r) for a, r in found if a.kind in CHAIN_KINDS and not a.negated]
    distinct = {a.concept_id or a.source for a, _ in relays}
    if len(distinct) > 1 and any(r in RELAY_RANKS for _, r in relays):
        ordered = sorted(relays, key=lambda ar: (-ar[1], ar[0].start))
        chain = [a.source for a, _ in ordered]
        for attribution, _ in relays:
            attribution.chain = list(chain)
        return
    for attribution, _ in relays:
        attribution.chain = [attribution.source]
