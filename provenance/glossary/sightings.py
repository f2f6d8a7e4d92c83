"""Sightings: a name or term of a relay that no concept covers, seen with its English.

A glossary grows from evidence that a foreign form renders an English one. Three kinds
are read here, strongest first:

* ``aligned`` - the relay sentence is aligned with an English sentence that holds the
  name, and a word link ties them: a dictionary gloss (克里姆林宫 -> "the Kremlin"), a
  transliteration (Пєскова -> Peskov, 페스코프 -> Peskov), or, for a Chinese
  transliterated name the dictionary lacks, being the one unexplained name on each side;
* ``inline`` - the relay writes the Latin form itself: 培斯科夫(Dmitry Peskov),
  드미트리 페스코프(Dmitry Peskov);
* ``dictionary`` - a Chinese proper noun the dictionary glosses (波兰 -> Poland), with no
  English sentence to confirm it.

:mod:`provenance.glossary.mining` adds the corpus-wide pairing (a foreign name whose
romanisation or gloss meets a name of the corpus's English articles) and groups
sightings into proposed concepts.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from provenance.crosslingual import lexicon, translit
from provenance.crosslingual.wordlink import WordLink
from provenance.glossary.english_names import english_names, is_demonym, is_ordinary
from provenance.glossary.termbase import Glossary
from provenance.lang import base, glossary_code, is_cyrillic
from provenance.quantities import extract_quantities

#: How much one sighting of each kind counts when proposals are ranked.
EVIDENCE_WEIGHTS = {"aligned": 1.0, "inline": 1.0, "corpus": 0.6, "dictionary": 0.3}

# Characters Chinese uses to transliterate foreign names (simplified and traditional):
# a run of them the dictionary cannot explain is most likely a name (德米特里·佩斯科夫),
# while ordinary words (局长, 表示) use other characters.
_TRANSLIT_HAN = frozenset(
    "阿埃艾安奥巴拜班邦贝本比彼宾波伯布查达戴丹道德迪蒂杜多厄恩法菲费芬弗福盖格古哈海汉赫亨胡华怀"
    "霍基吉加贾杰金卡凯坎康科克肯库奎拉莱兰劳勒雷里利连林卢鲁路伦罗洛马迈曼梅门蒙米明莫姆穆纳奈南"
    "内尼纽诺帕潘佩彭皮普乔切琼萨塞桑森沙莎舍什史斯松苏索塔泰汤特提图托瓦万威韦维温沃乌西希谢辛休"
    "雅亚扬耶伊因尤约泽扎詹朱兹茨丽娜妮琳莉娅茜黛露薇尔夫奇豪默培蒲亭延佐"
    "貝達戴迪蒂杜爾費福蓋哈漢赫華懷霍基吉加賈傑金卡凱坎克庫奎拉萊蘭勞勒雷裏裡利連林盧魯路倫羅洛馬"
    "邁曼梅門蒙米明莫姆穆納奈南內尼紐諾帕潘佩彭皮普喬切瓊薩塞桑森沙莎舍什史斯松蘇索塔泰湯特提圖托"
    "瓦萬威韋維溫沃烏西希謝辛休雅亞揚耶伊因尤約澤紮扎詹朱茲茨麗娜妮琳莉婭茜黛露薇爾夫奇豪默")
_NAME_DOT = "·・•‧*"
# Characters that end a Chinese name leftwards: particles, pronouns, prepositions.
_HAN_STOP = frozenset("的了在是和与與及或对對向从從把被让讓给給由等其该"
                      "該此这這那为為将將于於也都就而但并並且之由据據称稱说說")
_PAREN_LATIN = re.compile(r"\s?[(（]\s*([A-Z][A-Za-z0-9 .'’&\-]{1,60}?)\s*[)）]")
# Words that end the name of a company, agency, body or outlet.
_INSTITUTION = re.compile(r"(?:公司|集团|集團|组织|組織|机构|機構|委员会|委員會|协会|協會|总署|"
                          r"總署|大学|大學|银行|銀行|基金会|基金會|研究所|通讯社|通訊社|"
                          r"电视台|電視臺|電視台|电台|電臺|日报|日報|部|局|署|院|党|黨)$")
_PAREN_SHORT = re.compile(r"[(（]([^\sA-Za-z()（）·・]{1,12})[·・,，/]\s*([A-Z]{2,10})[)）]")
_CYRILLIC_NAME = re.compile(
    r"(?<![\w'’ʼ\-])(?:[А-ЯІЇЄҐЁ][а-яіїєґё'’ʼ\-]+|[А-ЯІЇЄҐЁ]{2,})"
    r"(?:\s+(?:[А-ЯІЇЄҐЁ][а-яіїєґё'’ʼ\-]+|[А-ЯІЇЄҐЁ]{2,}))*")
_HANGUL_WORD = re.compile(r"[\uac00-\ud7a3]+")


@dataclass(frozen=True)
class Sighting:
    """One piece of evidence that ``form`` (in glossary language ``lang``) renders
    ``english``; ``concept_id`` is set when the English side is a glossary concept
    already (the form is then a new variant of it)."""

    article_id: str
    lang: str
    form: str
    english: str
    evidence: str  # a key of EVIDENCE_WEIGHTS
    sentence: str
    english_sentence: str = ""
    concept_id: str | None = None
    note: str = ""  # the gloss or romanisation that tied them

    @property
    def weight(self) -> float:
        return EVIDENCE_WEIGHTS[self.evidence]


@dataclass(frozen=True)
class ForeignName:
    """A stretch of a relay sentence that may name something: ``kind`` is "proper"
    (a dictionary proper noun), "translit" (a run of transliteration characters),
    "quoted" (a short quoted term), "name" (capitalised Cyrillic words) or "acronym"."""

    start: int
    end: int
    text: str
    kind: str
    gloss: str = ""


def covered(text: str, lang: str, glossary: Glossary) -> list[tuple[int, int]]:
    """Spans a glossary concept or a quantity already explains (never proposed)."""
    spans = [(m.start, m.end) for m in glossary.match(text, lang)]
    spans += [(q.start, q.end) for q in extract_quantities(text, lang)]
    return spans


def _inside(spans: Iterable[tuple[int, int]], start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in spans)


# -- foreign names ----------------------------------------------------------------------
def foreign_names(text: str, lang: str, glossary: Glossary) -> list[ForeignName]:
    """Candidate names in a relay sentence that no concept or quantity covers."""
    known = covered(text, lang, glossary)
    code = base(lang)
    if code == "zh":
        # A name touching a known one is part of it (唐纳德 of 唐纳德特朗普), and 法国人,
        # "a French person", is a people, not a concept of its own.
        names = [n for n in _chinese_names(text) if not n.text.endswith("人") and not any(
            e <= n.start and text[e:n.start] in ("", *_NAME_DOT)
            or n.end <= s and text[n.end:s] in ("", *_NAME_DOT) for s, e in known)]
    elif is_cyrillic(lang):
        names = _cyrillic_names(text)
    else:
        names = []
    return [n for n in names if not _inside(known, n.start, n.end)]


def _overlaps_name(lex: lexicon.Lexicon, seg: lexicon.Segment,
                   following: list[lexicon.Segment]) -> bool:
    """Whether a dictionary name took the first character of a transliterated name:
    对马 "Tsushima" in 对马斯克, "to Musk", where 对 is a word and 马斯克 runs on."""
    last = seg.text[-1]
    rest = lex.entry(seg.text[:-1])
    if last not in _TRANSLIT_HAN or rest is None or rest.proper:
        return False
    run = 0
    for nxt in following:
        if nxt.start != seg.end + run or len(nxt.text) != 1 or nxt.text not in _TRANSLIT_HAN:
            break
        run += 1
    return run >= 2


def _chinese_names(text: str) -> list[ForeignName]:
    lex = lexicon.default_lexicon()
    out = []
    segments = lex.segment(text)
    run: list[lexicon.Segment] = []

    def close() -> None:
        chars = "".join(s.text for s in run)
        if len(chars) >= 2:
            out.append(ForeignName(run[0].start, run[-1].end, text[run[0].start:run[-1].end],
                                   "translit"))
        run.clear()

    for n, seg in enumerate(segments):
        entry = lex.entry(seg.text) if seg.kind == "han" else None
        if seg.kind != "han":
            close()
            continue
        if entry and entry.proper and len(seg.text) >= 2:
            close()
            if _overlaps_name(lex, seg, segments[n + 1:]):
                # the name starts at its last character: 马 of 马斯克
                run.append(lexicon.Segment(seg.end - 1, seg.end, seg.text[-1], "han"))
            else:
                out.append(ForeignName(seg.start, seg.end, seg.text, "proper",
                                       entry.glosses[0]))
            continue
        joined = run and text[run[-1].end:seg.start] in ("", *_NAME_DOT)
        if len(seg.text) == 1 and seg.text in _TRANSLIT_HAN and (not run or joined):
            run.append(seg)
            continue
        close()
        if len(seg.text) == 1 and seg.text in _TRANSLIT_HAN:
            run.append(seg)
    close()
    for match in re.finditer(r"[“「『]([\u4e00-\u9fff]{2,10})[”」』]", text):
        out.append(ForeignName(match.start(1), match.end(1), match.group(1), "quoted"))
    return out


def _cyrillic_names(text: str) -> list[ForeignName]:
    out = []
    for match in _CYRILLIC_NAME.finditer(text):
        words = match.group().split()
        start = match.start()
        at_start = not text[:start].strip(" \"«„“'([—–-•")
        if at_start and not words[0].isupper():
            # A capital at the start proves nothing: keep the rest of the run.
            start += len(words[0]) + (len(match.group()) - len(match.group().lstrip()))
            start = text.index(words[1], start) if len(words) > 1 else -1
            words = words[1:]
        if not words or start < 0:
            continue
        # An acronym and a name side by side are two names ("РФ Кириенко").
        groups: list[list[str]] = []
        for word in words:
            if not groups or word.isupper() != groups[-1][-1].isupper():
                groups.append([])
            groups[-1].append(word)
        for group in groups:
            name = " ".join(group)
            start = text.index(name, start)
            kind = "acronym" if name.isupper() else "name"
            if len(group) == 1 or not name.isupper():
                out.append(ForeignName(start, start + len(name), name, kind))
            start += len(name)
    return out


# -- pairing inside an aligned sentence pair ---------------------------------------------
def aligned_sightings(foreign: str, lang: str, english: str, glossary: Glossary,
                      article_id: str) -> list[Sighting]:
    """Names of ``foreign`` tied by a word link to a name of its aligned ``english``."""
    names = _named(english, glossary)
    if not names:
        return []
    code = base(lang)
    known = covered(foreign, lang, glossary)
    if code == "zh":
        links = lexicon.word_links(foreign, english)
    elif is_cyrillic(lang) or code == "ko":
        links = [k for k in translit.word_links(foreign, english, lang) if k.kind == "translit"]
    else:
        return []
    out: list[Sighting] = []
    tied: set[int] = set()
    candidates = foreign_names(foreign, lang, glossary) if code != "ko" else \
        _korean_linked(foreign, links, known)
    for cand in candidates:
        inner = [k for k in links if cand.start <= k.src_start and k.src_end <= cand.end]
        for name, span, used in _english_for(inner, names, english):
            tied.add(name.start)
            concept = name.concept_id if span == (name.start, name.end) else None
            if name.concept_id and concept is None:
                continue  # part of a known name ("Vladimir" of Vladimir Putin): nothing new
            # the words of the foreign name that render this English name ("Кремля" of
            # "Кремля Дмитро Пєсков"), or all of it when every word did
            start = cand.start if len(used) == len(inner) else min(k.src_start for k in used)
            end = cand.end if len(used) == len(inner) else max(k.src_end for k in used)
            out.append(Sighting(article_id, glossary_code(lang), foreign[start:end],
                                english[span[0]:span[1]], "aligned", foreign, english, concept,
                                "; ".join(k.evidence for k in used if k.evidence)))
    if code == "zh":
        out += _by_elimination(foreign, lang, english, names, tied, links, glossary, article_id)
    return out


@dataclass(frozen=True)
class _Named:
    start: int
    end: int
    text: str
    concept_id: str | None


def _named(english: str, glossary: Glossary) -> list[_Named]:
    """English names with the concept each one is, if the glossary knows it."""
    matches = glossary.match(english, "en")
    out = []
    for name in english_names(english):
        concept = next((m.concept_id for m in matches
                        if m.start <= name.start and name.end <= m.end), None)
        out.append(_Named(name.start, name.end, name.text, concept))
    return out


def _english_for(links: list[WordLink], names: list[_Named], english: str
                 ) -> list[tuple[_Named, tuple[int, int], list[WordLink]]]:
    """The English names the links of one foreign name land in, each with the span they
    cover (the whole name when every content word of it is linked) and the links."""
    out = []
    for name in names:
        inner = [k for k in links if name.start <= k.tgt_start and k.tgt_end <= name.end]
        if not inner:
            continue
        start, end = min(k.tgt_start for k in inner), max(k.tgt_end for k in inner)
        words = [w for w in re.finditer(r"[\w'’\-]+", english[name.start:name.end])
                 if w.group().lower() not in ("of", "the", "for", "and")]
        if all(start <= name.start + w.start() and name.start + w.end() <= end
               for w in words):
            start, end = name.start, name.end
        out.append((name, (start, end), inner))
    return out


def _korean_linked(foreign: str, links: list[WordLink],
                   known: list[tuple[int, int]]) -> list[ForeignName]:
    """Korean words the transliteration linked, consecutive ones joined (블라디미르 푸틴)."""
    out: list[ForeignName] = []
    for link in sorted(links, key=lambda k: k.src_start):
        if _inside(known, link.src_start, link.src_end):
            continue
        if out and foreign[out[-1].end:link.src_start].strip() == "":
            last = out.pop()
            out.append(ForeignName(last.start, link.src_end,
                                   foreign[last.start:link.src_end], "name"))
        else:
            out.append(ForeignName(link.src_start, link.src_end, link.src_text, "name"))
    return out


def _by_elimination(foreign: str, lang: str, english: str, names: list[_Named],
                    tied: set[int], links: list[WordLink], glossary: Glossary,
                    article_id: str) -> list[Sighting]:
    """One transliterated Chinese name and one English name, both unexplained (no word
    link, and for a known concept no glossary form in the relay sentence): the one
    renders the other (a name the dictionary lacks, or a spelling the glossary lacks:
    蒲亭 for Putin)."""
    present = {m.concept_id for m in glossary.match(foreign, lang)}
    open_names = [n for n in names if n.start not in tied and n.concept_id not in present
                  and not any(n.start <= k.tgt_start < n.end for k in links)]
    runs = [n for n in foreign_names(foreign, lang, glossary) if n.kind == "translit"
            and not any(n.start <= k.src_start < n.end for k in links)]
    if len(open_names) != 1 or len(runs) != 1 or open_names[0].text.isupper():
        return []
    name = open_names[0]
    return [Sighting(article_id, glossary_code(lang), runs[0].text, name.text, "aligned",
                     foreign, english, name.concept_id, "the one unexplained name on each side")]


# -- a known surname with a first name the glossary lacks ---------------------------------
def name_variants(text: str, lang: str, glossary: Glossary, article_id: str) -> list[Sighting]:
    """A person the glossary knows, written with a first name it lacks: the word right
    before a known surname (엘론 머스크, Владіміром Путіним) that sounds like the first
    name of the person's English name is a new spelling of the full name. Two signals
    agree: the surname is the concept's, and the first name sounds like its English."""
    code = base(lang)
    if not is_cyrillic(lang) and code != "ko":
        return []
    word_pattern = _HANGUL_WORD if code == "ko" else re.compile(r"[А-ЯІЇЄҐЁ][\w'’ʼ\-]+")
    matches = glossary.match(text, lang)
    known = [(m.start, m.end) for m in matches]
    out = []
    for m in matches:
        concept = glossary.get(m.concept_id)
        if concept.category != "person" or " " in text[m.start:m.end].strip():
            continue
        full = {f.text.split()[0]: f.text for f in concept.forms.get("en", [])
                if len(f.text.split()) == 2 and f.status != "deprecated"}
        before = re.search(r"(\S+)\s+$", text[max(0, m.start - 40):m.start])
        if not full or before is None:
            continue
        start = max(0, m.start - 40) + before.start(1)
        word = before.group(1)
        if not word_pattern.fullmatch(word) or _inside(known, start, start + len(word)):
            continue
        score, english = max((translit.sounds_like(word, lang, first), name)
                             for first, name in full.items())
        if score >= (0.85 if code == "ko" else 0.8):
            out.append(Sighting(article_id, glossary_code(lang), text[start:m.end], english,
                                "corpus", text, "", concept.id,
                                f"romanised: {translit.romanize(word, lang)}"))
    return out


# -- the relay's own Latin rendering ------------------------------------------------------
def inline_sightings(text: str, lang: str, glossary: Glossary,
                     article_id: str) -> list[Sighting]:
    """``Name (Latin Name)`` written by the relay itself, the foreign part cut to the
    name (Chinese: back to a particle or an ordinary word; Korean and Cyrillic: as many
    words as the Latin has)."""
    code = base(lang)
    known = covered(text, lang, glossary)
    out = []
    for match in _PAREN_SHORT.finditer(text):
        # "(나토·NATO)": the short form inside is the Latin's too, and the full name
        # before the parenthesis as well
        latin = match.group(2)
        concept = glossary.lookup(latin, "en")
        inner = (match.start(1), match.end(1))
        span = _foreign_before(text, match.start(), code, 1, True)
        for start, end in (inner, span) if span else (inner,):
            if not _inside(known, start, end) and len(latin) >= 2:
                out.append(Sighting(article_id, glossary_code(lang), text[start:end], latin,
                                    "inline", text, latin, concept.id if concept else None))
    for match in _PAREN_LATIN.finditer(text):
        latin = match.group(1).strip()
        names = english_names(latin)
        if len(names) != 1 or names[0].text != latin.rstrip("."):
            continue  # not a name (a common word, a sentence)
        if len(latin.split()) == 1 and not latin.isupper() and is_ordinary(latin):
            continue  # "(Satellite)": a gloss of a common word
        span = _foreign_before(text, match.start(), code, len(latin.split()),
                               latin.isupper())
        if span is None or _inside(known, *span):
            continue
        form = text[span[0]:span[1]]
        concept = glossary.lookup(latin, "en")
        out.append(Sighting(article_id, glossary_code(lang), form, latin, "inline", text,
                            latin, concept.id if concept else None))
    return out


def _foreign_before(text: str, end: int, code: str, words: int,
                    acronym: bool) -> tuple[int, int] | None:
    if code == "zh":
        return _chinese_before(text, end, acronym)
    pattern = _HANGUL_WORD if code == "ko" else re.compile(r"[\u0400-\u04FF][\w'’ʼ\-]*")
    offset = max(0, end - 80)
    found = list(pattern.finditer(text, offset, end))
    if len(found) < words or text[found[-1].end():end].strip():
        return None  # too few words, or the parenthesis does not follow the name
    chosen = found[-words:]
    if code != "ko" and not all(w.group()[0].isupper() for w in chosen):
        return None
    stop = chosen[-1].end()
    if code == "ko":
        stop -= len(chosen[-1].group()) - len(translit.strip_particles(chosen[-1].group()))
    return chosen[0].start(), stop


def _chinese_before(text: str, end: int, acronym: bool) -> tuple[int, int] | None:
    """The Chinese name ending at ``end``: dictionary names and single characters,
    joined by name dots, back to a particle or an ordinary word (首富马斯克 -> 马斯克).
    Before an acronym, or ending in an institution's word (公司, 总署, 委员会), the name
    is an institution's, made of ordinary words (美國國家航空暨太空總署(NASA),
    太空探索技術公司(SpaceX)): it runs back to punctuation or a particle."""
    if acronym or _INSTITUTION.search(text[:end]):
        run = re.search(r"[\u4e00-\u9fff]{2,16}$", text[:end])
        if run is None:
            return None
        start = run.start()
        for i in range(end - 1, run.start() - 1, -1):
            if text[i] in _HAN_STOP:
                start = i + 1
                break
        return (start, end) if end - start >= 2 else None
    lex = lexicon.default_lexicon()
    window = max(0, end - 16)
    segments = [s for s in lex.segment(text[window:end]) if s.kind == "han"]
    start = end
    for seg in reversed(segments):
        seg_start, seg_end = window + seg.start, window + seg.end
        if text[seg_end:start] not in ("", *_NAME_DOT) or seg.text in _HAN_STOP:
            break
        entry = lex.entry(seg.text)
        if entry is not None and not entry.proper and len(seg.text) >= 2:
            break  # an ordinary word: the name began after it
        start = seg_start
    return (start, end) if end - start >= 2 else None


def gloss_name(gloss: str) -> str | None:
    """The English name a dictionary gloss gives, if it gives one: its leading
    capitalised words ("Newsweek magazine" -> "Newsweek", "the Kremlin" -> "Kremlin"),
    never an ordinary word or a people ("Internet", "German")."""
    part = re.sub(r"^(?:the|a|an) ", "", gloss.split(", ")[0])
    match = re.match(r"[A-Z][\w'’.\-]*(?:\s+(?:of\s+(?:the\s+)?)?[A-Z][\w'’.\-]*)*", part)
    if not match:
        return None
    name = match.group()
    if " " not in name and not name.isupper() and (
            is_ordinary(name) or is_demonym(name.split("-")[-1])):
        return None  # "Internet", "German", "Russo-Ukrainian"
    return name


def english_inventory(texts: Iterable[str], glossary: Glossary) -> dict[str, int]:
    """Names of English texts no concept covers, with how many texts name each."""
    counts: dict[str, int] = {}
    for text in texts:
        seen = set()
        for name in _named(text, glossary):
            if name.concept_id is None and not glossary.match(name.text, "en"):
                seen.add(name.text)
        for name in seen:
            counts[name] = counts.get(name, 0) + 1
    return counts

