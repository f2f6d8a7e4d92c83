"""Content drift injected into faithful translations, each change recorded.

The WMT documents in ../shared/data/parallel are faithful, line-by-line translations.
``inject(kind, ...)`` changes some relay lines the way relays drift: a number changed or
scaled (x10, x1000), a date moved, a person/place/outlet swapped for another of the same
glossary category (or, in alphabetic relays, another name of the same document), an
evidential added or removed, a cited source swapped or added, a negation added or
removed, a sentence dropped or an unrelated one added. Every change is an
:class:`Injection` with the source and relay line it concerns, so recall is exact.

    python benchmarks/inject.py en-zh/abcnews.53861 number   # prints the injections
"""

from __future__ import annotations

import random
import re
import sys
from dataclasses import asdict, dataclass
from functools import lru_cache
from pathlib import Path

from provenance.boilerplate.text import line_reason
from provenance.drift.names import find_names, same_name
from provenance.glossary import Glossary, TermMatch, default_glossary
from provenance.lang import base, glossary_code
from provenance.lexicons import find_cues
from provenance.quantities import Quantity, extract_quantities

PARALLEL = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "parallel"
KINDS = ("number", "date", "entity", "certainty", "attribution", "negation", "omission",
         "addition")
#: at most this many lines changed per document and kind
PER_DOC = 3
_ENTITY = ("person", "place", "outlet", "agency", "company", "organisation")


@dataclass
class Injection:
    """One recorded change: relay line ``tgt`` (after injection) renders source ``src``."""

    kind: str
    doc: str
    src: int | None
    tgt: int | None
    before: str
    after: str
    detail: str


def read_lines(path: Path) -> list[str]:
    return [line.strip() for line in path.read_text(encoding="utf-8").splitlines()]


# numbers and dates ----------------------------------------------------------------------
def _digit_run(q: Quantity) -> tuple[int, int] | None:
    m = re.search(r"\d+(?:[.,]\d+)?", q.text)
    return (q.start + m.start(), q.start + m.end()) if m else None


def _shared(q: Quantity, others: list[Quantity]) -> bool:
    return any(q.compare(o).verdict == "same" for o in others)


def _number(src: str, tgt: str, src_lang: str, tgt_lang: str, rng: random.Random
            ) -> tuple[str, str] | None:
    s_q = [q for q in extract_quantities(src, src_lang) if q.kind not in ("date", "time")]
    cands = [q for q in extract_quantities(tgt, tgt_lang)
             if q.kind in ("number", "money", "percent", "count") and _digit_run(q)
             and _shared(q, s_q)]
    if not cands:
        return None
    q = rng.choice(cands)
    a, b = _digit_run(q)  # type: ignore[misc]
    digits = tgt[a:b]
    how = rng.choice(("x10", "x1000", "value"))
    # one digit after a point or a decimal comma ("13,7" in Ukrainian): x10 drops the mark
    tenth = re.fullmatch(r"\d+[.,]\d", digits)
    if how == "x10":
        new = re.sub(r"[.,]", "", digits, count=1) if tenth else digits + "0"
    elif how == "x1000":
        whole, _, frac = digits.replace(",", ".").partition(".")
        new = (whole + frac + "0" * (3 - len(frac))).lstrip("0") if len(frac) <= 3 else digits
        if new == digits:
            return None
    else:
        value = float(digits.replace(",", "."))
        new = str(int(value) + rng.choice((2, 3, 7))) if value >= 1 else "7"
    return tgt[:a] + new + tgt[b:], f"{how}: {digits} -> {new}"


def _date(src: str, tgt: str, src_lang: str, tgt_lang: str, rng: random.Random
          ) -> tuple[str, str] | None:
    s_q = [q for q in extract_quantities(src, src_lang) if q.kind == "date" and q.date]
    cands = [q for q in extract_quantities(tgt, tgt_lang) if q.kind == "date" and q.date
             and any(ch.isdigit() for ch in q.text) and _shared(q, s_q)]
    if not cands:
        return None
    q = rng.choice(cands)
    runs = list(re.finditer(r"\d+", q.text))
    small = [m for m in runs if len(m.group()) <= 2]
    m = small[0] if small else runs[0]
    old = int(m.group())
    new = str(old - 1) if len(m.group()) == 4 else str(old + 2 if old <= 10 else old - 2)
    a, b = q.start + m.start(), q.start + m.end()
    return tgt[:a] + new + tgt[b:], f"{q.text}: {old} -> {new}"


# entities and sources ---------------------------------------------------------------
@lru_cache(maxsize=8)
def _forms(category: str, lang: str) -> list[tuple[str, str]]:
    """(concept id, preferred form in lang) of every concept of a category."""
    glossary = default_glossary()
    out = []
    for concept in glossary.concepts.values():
        if concept.category == category:
            form = concept.preferred(lang)
            if form is not None and len(form.text) > 1:
                out.append((concept.id, form.text))
    return sorted(out)


def _swap_concept(match: TermMatch, tgt: str, tgt_lang: str, rng: random.Random,
                  avoid: set[str]) -> tuple[str, str] | None:
    options = [(cid, text) for cid, text in _forms(match.category, glossary_code(tgt_lang))
               if cid != match.concept_id and cid not in avoid]
    if not options:
        return None
    cid, text = rng.choice(options)
    return (tgt[:match.start] + text + tgt[match.end:],
            f"{match.category} {match.canonical} -> {cid} ({match.text} -> {text})")


def _entity(src: str, tgt: str, src_lang: str, tgt_lang: str, rng: random.Random,
            glossary: Glossary, doc_names: list[str]) -> tuple[str, str] | None:
    s_ids = {m.concept_id for m in glossary.match(src, glossary_code(src_lang))}
    t_matches = glossary.match(tgt, glossary_code(tgt_lang))
    cands = [m for m in t_matches if m.category in _ENTITY and m.concept_id in s_ids]
    if cands:
        return _swap_concept(rng.choice(cands), tgt, tgt_lang, rng,
                             {m.concept_id for m in t_matches} | s_ids)
    if base(tgt_lang) not in ("en", "uk", "ru"):
        return None
    # alphabetic relays: swap a name for another name of the same document
    s_names = find_names(src, src_lang)
    t_names = [n for n in find_names(tgt, tgt_lang)
               if any(same_name(n, s) for s in s_names) and len(n.text) > 3]
    if not t_names:
        return None
    n = rng.choice(t_names)
    words = len(n.text.split())
    pool = [d for d in doc_names if len(d.split()) == words and d != n.text
            and not any(same_name(x, s) for x in find_names("x " + d, tgt_lang)
                        for s in s_names)]
    if not pool:
        return None
    new = rng.choice(pool)
    return tgt[:n.start] + new + tgt[n.end:], f"name {n.text} -> {new}"


_ADD_SOURCE = {"zh": "据{}报道，", "uk": "За даними {}, ", "ru": "По данным {}, ",
               "ko": "{}에 따르면 ", "en": "According to {}, "}
_SOURCES = ("reuters", "bloomberg", "xinhua", "bbc", "cnn", "associated-press")


def _attribution(src: str, tgt: str, src_lang: str, tgt_lang: str, rng: random.Random,
                 glossary: Glossary) -> tuple[str, str] | None:
    from provenance.attribution import extract_attributions

    named = [a for a in extract_attributions(tgt, tgt_lang, glossary)
             if a.concept_id and not a.negated]
    code = glossary_code(tgt_lang)
    if named:
        a = rng.choice(named)
        mention = next((m for m in glossary.match(tgt, code) if m.concept_id == a.concept_id),
                       None)
        if mention is not None:
            category_forms = [(cid, t) for cid, t in _forms(mention.category, code)
                              if cid != a.concept_id]
            if category_forms:
                cid, text = rng.choice(category_forms)
                return (tgt[:mention.start] + text + tgt[mention.end:],
                        f"source {a.source} -> {cid}")
    if extract_attributions(src, src_lang, glossary):
        return None  # adding a second source to an attributed line is not a clean test
    cid = rng.choice(_SOURCES)
    form = glossary.get(cid).preferred(code)
    if form is None:
        return None
    prefix = _ADD_SOURCE[base(tgt_lang)].format(form.text)
    body = tgt if base(tgt_lang) in ("zh", "ko") else tgt[:1].lower() + tgt[1:]
    return prefix + body, f"source added: {cid}"


# hedges and negation -------------------------------------------------------------------
#: an evidential that casts doubt ("allegedly"): one that only marks a relay as a relay
#: ("reportedly", 据报道) is what relays add to faithful text, and is not drift
_HEDGE = {"zh": "据称，", "uk": "Нібито ", "ru": "Якобы ", "ko": "미확인 보도에 따르면 ",
          "en": "Allegedly, "}


def _certainty(src: str, tgt: str, src_lang: str, tgt_lang: str, rng: random.Random
               ) -> tuple[str, str] | None:
    t_ev = find_cues(tgt, tgt_lang, ("evidential",))
    s_ev = find_cues(src, src_lang, ("evidential", "modal"))
    if t_ev:
        cue = t_ev[0]
        return tgt[:cue.start] + tgt[cue.end:].lstrip(" ,，"), f"evidential removed: {cue.text}"
    if s_ev or find_cues(tgt, tgt_lang, ("modal",)):
        return None
    body = tgt if base(tgt_lang) in ("zh", "ko") else tgt[:1].lower() + tgt[1:]
    return _HEDGE[base(tgt_lang)] + body, f"evidential added: {_HEDGE[base(tgt_lang)]}"


_ZH_NEGATE = (("已经", "尚未"), ("是", "不是"), ("有", "没有"), ("会", "不会"), ("将", "不会"),
              ("能", "不能"), ("已", "未"))


@lru_cache(maxsize=2)
def _morph(lang: str):  # type: ignore[no-untyped-def]
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang=lang)


def _negation(src: str, tgt: str, src_lang: str, tgt_lang: str, rng: random.Random
              ) -> tuple[str, str] | None:
    t_neg = find_cues(tgt, tgt_lang, ("negation",))
    s_neg = find_cues(src, src_lang, ("negation",))
    if t_neg and s_neg:
        cue = t_neg[0]
        if base(tgt_lang) == "zh" and cue.text in ("不", "没", "未"):
            return tgt[:cue.start] + tgt[cue.end:], f"negation removed: {cue.text}"
        if base(tgt_lang) in ("uk", "ru") and cue.text.lower() == "не":
            return tgt[:cue.start] + tgt[cue.end:].lstrip(), f"negation removed: {cue.text}"
        return None
    if t_neg or s_neg:
        return None
    lang = base(tgt_lang)
    if lang == "zh":
        for old, new in _ZH_NEGATE:
            at = tgt.find(old)
            if at > 0:
                return tgt[:at] + new + tgt[at + len(old):], f"negation added: {old} -> {new}"
        return None
    if lang in ("uk", "ru"):
        morph = _morph(lang)
        for m in re.finditer(r"\w+", tgt):
            if m.start() > 0 and morph.parse(m.group())[0].tag.POS == "VERB":
                return (tgt[:m.start()] + "не " + tgt[m.start():],
                        f"negation added before {m.group()}")
    return None


# driver ---------------------------------------------------------------------------------
def inject(kind: str, doc: str, src: list[str], tgt: list[str], src_lang: str, tgt_lang: str,
           *, seed: int = 0, filler: list[str] | None = None,
           glossary: Glossary | None = None) -> tuple[list[str], list[Injection]]:
    """The relay with up to PER_DOC injections of ``kind``, and the record of each."""
    rng = random.Random(f"{seed}:{doc}:{kind}")
    glossary = glossary or default_glossary()
    out = list(tgt)
    done: list[Injection] = []
    # line 0 is the headline: keep it as an anchor; page furniture ("Read also: ...",
    # "Підпис до фото") is never reported as drift, so nothing is injected there
    lines = [i for i in range(1, len(tgt)) if line_reason(tgt[i]) is None]
    rng.shuffle(lines)
    if kind == "omission":
        for i in sorted(lines[:PER_DOC], reverse=True):
            done.append(Injection(kind, doc, i, None, tgt[i], "", "sentence dropped"))
            del out[i]
        return out, done
    if kind == "addition":
        pool = [line for line in filler or [] if line_reason(line) is None]
        rng.shuffle(pool)
        at = sorted(lines[:PER_DOC], reverse=True)
        for n, j in enumerate(at):
            if n >= len(pool):
                break
            out.insert(j, pool[n])
        # indices after all insertions (inserted from the end, so shift earlier ones)
        for n, j in enumerate(sorted(at[:len(pool)])):
            done.append(Injection(kind, doc, None, j + n, "", out[j + n], "sentence added"))
        return out, done
    doc_names = sorted({n.text for line in tgt for n in find_names(line, tgt_lang)})
    for i in lines:
        if len(done) >= PER_DOC:
            break
        if i >= len(src):
            continue
        if kind == "number":
            changed = _number(src[i], out[i], src_lang, tgt_lang, rng)
        elif kind == "date":
            changed = _date(src[i], out[i], src_lang, tgt_lang, rng)
        elif kind == "entity":
            changed = _entity(src[i], out[i], src_lang, tgt_lang, rng, glossary, doc_names)
        elif kind == "certainty":
            changed = _certainty(src[i], out[i], src_lang, tgt_lang, rng)
        elif kind == "attribution":
            changed = _attribution(src[i], out[i], src_lang, tgt_lang, rng, glossary)
        elif kind == "negation":
            changed = _negation(src[i], out[i], src_lang, tgt_lang, rng)
        else:
            raise ValueError(f"unknown injection kind {kind!r}")
        if changed is None or changed[0] == out[i]:
            continue
        done.append(Injection(kind, doc, i, i, out[i], changed[0], changed[1]))
        out[i] = changed[0]
    return out, done


def main() -> None:
    folder, kind = PARALLEL / sys.argv[1], sys.argv[2]
    pair = sys.argv[1].split("/")[0]
    if pair == "en-zh":
        src, tgt, src_lang, tgt_lang = "en.txt", "zh.a.txt", "en", "zh-cn"
    else:
        src, tgt, src_lang, tgt_lang = "en.a.txt", "uk.txt", "en", "uk"
    _, done = inject(kind, folder.name, read_lines(folder / src), read_lines(folder / tgt),
                     src_lang, tgt_lang, filler=["这是另一篇文章的句子。"])
    for inj in done:
        print(asdict(inj))


if __name__ == "__main__":
    main()
