"""The data model: articles, alignments, drift findings and provenance, as plain dataclasses.

Every result is serialisable with ``to_dict()`` and rebuilt with ``from_dict()``, so the
store, the JSON exports and the TUI all read the same objects.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field, fields
from typing import Any, Literal
from urllib.parse import urlsplit

from provenance.signature import Signature

Severity = Literal["minor", "major", "critical"]
#: MQM weights, so that scores add up across findings.
SEVERITY_WEIGHTS: dict[str, int] = {"minor": 1, "major": 5, "critical": 25}
SEVERITIES: tuple[str, ...] = ("minor", "major", "critical")

Origin = Literal["original", "translation", "re-report", "unknown"]

# A character span inside one sentence: (sentence index, start, end), end exclusive.
SentenceSpan = tuple[int, int, int]


def _from(cls: type, data: dict[str, Any]) -> Any:
    """Build a flat dataclass from a dict, ignoring unknown keys (forward compatible)."""
    names = {f.name for f in fields(cls)}
    return cls(**{k: v for k, v in data.items() if k in names})


@dataclass(slots=True)  # large corpora hold millions of these: slots halve their memory
class Sentence:
    """One sentence; ``start``/``end`` index into ``Article.text``."""

    index: int
    text: str
    start: int
    end: int
    lang: str | None = None
    paragraph: int = 0


@dataclass
class BoilerplateBlock:
    """Text that is not the article (disclaimer, copyright, unrelated headlines...).

    Kept, never silently dropped, and never aligned. ``reason`` says which rule moved it.
    """

    text: str
    reason: str


@dataclass
class Article:
    id: str
    text: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: str | None = None  # ISO 8601 date or datetime, as stated by the source
    language: str | None = None  # detected (BCP-47-ish: en, zh-cn, zh-tw, ko, uk, ru)
    declared_language: str | None = None  # from front matter / metadata
    language_confidence: float = 0.0
    source_path: str | None = None
    boilerplate: list[BoilerplateBlock] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    metadata: dict[str, Any] = field(default_factory=dict)

    @property
    def lang(self) -> str:
        """The language to process the article in: declared wins over detected."""
        return self.declared_language or self.language or "und"

    @property
    def published_date(self) -> dt.date | None:
        if not self.published:
            return None
        try:
            return dt.date.fromisoformat(self.published[:10])
        except ValueError:
            return None

    @property
    def label(self) -> str:
        return self.outlet or self.title or self.id

    @property
    def host(self) -> str:
        """Its URL's host, lower case ("www.wsj.com"; a URL given without a scheme
        too); empty without a URL."""
        if not self.url:
            return ""
        return (urlsplit(self.url if "//" in self.url else f"//{self.url}").hostname
                or "").lower()

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Article:
        article = _from(cls, data)
        article.boilerplate = [_from(BoilerplateBlock, b) for b in data.get("boilerplate", [])]
        article.sentences = [_from(Sentence, s) for s in data.get("sentences", [])]
        return article


@dataclass
class Link:
    """Source sentence indices aligned with target sentence indices.

    ``src=()`` is an addition in the target, ``tgt=()`` an omission from the source.
    """

    src: tuple[int, ...]
    tgt: tuple[int, ...]
    score: float

    def to_dict(self) -> dict[str, Any]:
        return {"src": list(self.src), "tgt": list(self.tgt), "score": round(self.score, 4)}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Link:
        return cls(tuple(data["src"]), tuple(data["tgt"]), float(data["score"]))


@dataclass
class Alignment:
    src_lang: str
    tgt_lang: str
    mode: str  # the mode actually used: "monotonic" or "reorder"
    links: list[Link]
    signature: Signature = field(default_factory=Signature)

    def to_dict(self) -> dict[str, Any]:
        return {
            "src_lang": self.src_lang,
            "tgt_lang": self.tgt_lang,
            "mode": self.mode,
            "signature": str(self.signature),
            "settings": self.signature.to_dict(),
            "links": [link.to_dict() for link in self.links],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Alignment:
        return cls(
            data["src_lang"],
            data["tgt_lang"],
            data["mode"],
            [Link.from_dict(x) for x in data["links"]],
            Signature({k: v for k, v in data.get("settings", {}).items() if k != "version"}),
        )


@dataclass
class Finding:
    """One drift: what changed between a source sentence and its relay."""

    kind: str  # number|date|entity|term|attribution|certainty|negation|relation|omission|addition
    severity: Severity
    src: tuple[int, ...]
    tgt: tuple[int, ...]
    message: str
    src_spans: list[SentenceSpan] = field(default_factory=list)
    tgt_spans: list[SentenceSpan] = field(default_factory=list)
    evidence: dict[str, Any] = field(default_factory=dict)
    detector: str = ""

    @property
    def weight(self) -> int:
        return SEVERITY_WEIGHTS[self.severity]

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "severity": self.severity,
            "weight": self.weight,
            "src": list(self.src),
            "tgt": list(self.tgt),
            "src_span": [list(s) for s in self.src_spans],
            "tgt_span": [list(s) for s in self.tgt_spans],
            "message": self.message,
            "evidence": self.evidence,
            "detector": self.detector,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Finding:
        return cls(
            kind=data["kind"],
            severity=data["severity"],
            src=tuple(data["src"]),
            tgt=tuple(data["tgt"]),
            message=data["message"],
            src_spans=[tuple(s) for s in data.get("src_span", [])],  # type: ignore[misc]
            tgt_spans=[tuple(s) for s in data.get("tgt_span", [])],  # type: ignore[misc]
            evidence=data.get("evidence", {}),
            detector=data.get("detector", ""),
        )


@dataclass
class Attribution:
    """A cited source: "according to the WSJ", "据《华尔街日报》报道", "sources said"."""

    source: str  # canonical English name when known (glossary), else the text as written
    kind: Literal["outlet", "organisation", "person", "unnamed", "unknown"]
    cue: str  # the cue phrase as written ("according to", "援引", "에 따르면")
    sentence: int
    start: int  # span of the whole attribution inside the sentence
    end: int
    concept_id: str | None = None
    chain: list[str] = field(default_factory=list)  # upstream first: ["WSJ", "Kommersant"]
    date: str | None = None
    negated: bool = False  # "Reuters could not verify" is not an attribution of the claim
    #: a byline, dateline or source line naming the outlet the text comes from
    #: (【环球网报道】, "新聞來源: 中央廣播電臺"): every outlet the article cites is upstream of it
    credit: bool = False


@dataclass
class OriginSignal:
    """A named, weighted feature hinting that an English text renders a foreign report."""

    name: str
    weight: float
    sentence: int | None
    start: int
    end: int
    text: str
    language_hint: str | None = None  # e.g. "ko" for an Asia Business Daily copyright line


@dataclass
class DerivationEdge:
    """``target`` derives from ``source`` (an article id, or an external outlet name)."""

    source: str
    target: str
    score: float
    external: bool = False
    evidence: dict[str, Any] = field(default_factory=dict)


@dataclass
class ArticleProvenance:
    article_id: str
    origin: Origin
    confidence: float
    origin_language: str | None = None
    attributions: list[Attribution] = field(default_factory=list)
    signals: list[OriginSignal] = field(default_factory=list)
    derived_from: list[DerivationEdge] = field(default_factory=list)
    story: int = 0
    #: The article of the corpus this one translates or copies, when it is one ("a
    #: translation of <that article>"); its edge is in ``derived_from``.
    origin_article: str | None = None

    def cited_sources(self) -> list[str]:
        """Named sources the article cites (first mention first), then its unnamed
        sourcing ("sources said") as one count."""
        named = dict.fromkeys(a.source for a in self.attributions
                              if not a.negated and a.kind != "unnamed")
        unnamed = sum(1 for a in self.attributions if a.kind == "unnamed")
        return list(named) + ([f"{unnamed} unnamed"] if unnamed else [])

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ArticleProvenance:
        prov = _from(cls, data)
        prov.attributions = [_from(Attribution, a) for a in data.get("attributions", [])]
        for a in prov.attributions:
            a.chain = list(a.chain)
        prov.signals = [_from(OriginSignal, s) for s in data.get("signals", [])]
        prov.derived_from = [_from(DerivationEdge, e) for e in data.get("derived_from", [])]
        return prov


@dataclass
class PairAnalysis:
    """A relay compared with its reference (the English version)."""

    reference_id: str
    relay_id: str
    alignment: Alignment
    findings: list[Finding] = field(default_factory=list)

    @property
    def drift_score(self) -> int:
        return sum(f.weight for f in self.findings)

    def to_dict(self) -> dict[str, Any]:
        return {
            "reference_id": self.reference_id,
            "relay_id": self.relay_id,
            "alignment": self.alignment.to_dict(),
            "findings": [f.to_dict() for f in self.findings],
            "drift_score": self.drift_score,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> PairAnalysis:
        return cls(
            data["reference_id"],
            data["relay_id"],
            Alignment.from_dict(data["alignment"]),
            [Finding.from_dict(f) for f in data.get("findings", [])],
        )


@dataclass
class Reading:
    """One witness's form of a claim: the sentences of one article that state it, and
    what they state slot by slot (``forms``: slot -> the witness's words for it)."""

    article_id: str
    sentences: tuple[int, ...]
    text: str
    group: int  # the independent witness group: copies of one text share a group
    forms: dict[str, list[str]] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {"article_id": self.article_id, "sentences": list(self.sentences),
                "text": self.text, "group": self.group, "forms": self.forms}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Reading:
        return cls(data["article_id"], tuple(data["sentences"]), data["text"],
                   int(data["group"]), {k: list(v) for k, v in data.get("forms", {}).items()})


@dataclass
class SlotConsensus:
    """What the independent witnesses of a claim agree on for one slot: ``form`` is
    stated by ``support`` of the ``voters`` witness groups that state the slot at all."""

    slot: str  # numbers | dates | names | relation | certainty | negation | sources
    form: str
    support: int
    voters: int


@dataclass
class Departure:
    """A witness that states a claim otherwise than the consensus of the independent
    witnesses. ``finding`` is the drift detector's finding, restated against the
    consensus: its ``tgt`` sentences and spans are the departing article's own, its
    ``src`` side is empty (the consensus is not one article's text; the reading it was
    compared with is ``consensus_article``/``consensus_sentences``)."""

    claim: str
    article_id: str
    finding: Finding
    slot: str
    consensus: str  # the consensus form ("spoke")
    reading: str  # this witness's form ("met"; "" when it drops the consensus form)
    support: int  # independent witnesses stating the consensus form
    voters: int  # independent witnesses stating the slot, this one included
    consensus_article: str
    consensus_sentences: tuple[int, ...]
    shared_with: list[str] = field(default_factory=list)  # other groups' articles, same form
    duplicate: bool = False  # its pair finding, or another claim, already says the same

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["finding"] = self.finding.to_dict()
        data["consensus_sentences"] = list(self.consensus_sentences)
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Departure:
        departure = _from(cls, data)
        departure.finding = Finding.from_dict(data["finding"])
        departure.consensus_sentences = tuple(data["consensus_sentences"])
        departure.shared_with = list(data.get("shared_with", []))
        return departure


@dataclass
class Claim:
    """What one source sentence asserts, as every witness of a story carries it.

    ``text`` is the consensus reading (the witness reading that agrees most with the
    others), written by ``article_id``; ``readings`` holds every witness's form, the
    best-agreeing first, and ``consensus`` the forms the independent witnesses agree
    on, slot by slot.
    """

    id: str
    story: int
    text: str
    article_id: str
    sentences: tuple[int, ...]
    witnesses: int  # independent witness groups that carry the claim
    readings: list[Reading] = field(default_factory=list)
    consensus: list[SlotConsensus] = field(default_factory=list)

    def reading_of(self, article_id: str) -> Reading | None:
        return next((r for r in self.readings if r.article_id == article_id), None)

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "story": self.story, "text": self.text,
                "article_id": self.article_id, "sentences": list(self.sentences),
                "witnesses": self.witnesses,
                "readings": [r.to_dict() for r in self.readings],
                "consensus": [asdict(c) for c in self.consensus]}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Claim:
        return cls(data["id"], int(data["story"]), data["text"], data["article_id"],
                   tuple(data["sentences"]), int(data["witnesses"]),
                   [Reading.from_dict(r) for r in data.get("readings", [])],
                   [_from(SlotConsensus, c) for c in data.get("consensus", [])])


@dataclass
class ReferenceChoice:
    """Why a story's relays are compared with ``article_id``: how it was chosen
    (``requested``, ``stored``, ``cited original``, ``best witness``, ``only
    candidate``), the reasons a reader can check, and the runner-up with its own."""

    story: int
    article_id: str
    how: str
    reasons: list[str] = field(default_factory=list)
    runner_up: str | None = None
    runner_up_reasons: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ReferenceChoice:
        choice = _from(cls, data)
        choice.reasons = list(choice.reasons)
        choice.runner_up_reasons = list(choice.runner_up_reasons)
        return choice


@dataclass
class Collation:
    """Every story's claims with each witness's reading, and the departures from the
    consensus of independent witnesses (``groups``: article id -> witness group)."""

    claims: list[Claim] = field(default_factory=list)
    departures: list[Departure] = field(default_factory=list)
    groups: dict[str, int] = field(default_factory=dict)

    def departures_of(self, article_id: str, *, duplicates: bool = False) -> list[Departure]:
        """The article's departures; without ``duplicates``, those its pair findings
        do not already report."""
        return [d for d in self.departures if d.article_id == article_id
                and (duplicates or not d.duplicate)]

    def to_dict(self) -> dict[str, Any]:
        return {"claims": [c.to_dict() for c in self.claims],
                "departures": [d.to_dict() for d in self.departures],
                "groups": self.groups}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Collation:
        return cls([Claim.from_dict(c) for c in data.get("claims", [])],
                   [Departure.from_dict(d) for d in data.get("departures", [])],
                   {k: int(v) for k, v in data.get("groups", {}).items()})


@dataclass(frozen=True)
class InputIssue:
    """A corpus file, or one article in it, that was left out (``skipped``) or used after
    a repair (stray bytes replaced). ``message`` names the file and says why, in one line."""

    path: str
    message: str
    skipped: bool = True

    def __str__(self) -> str:
        return self.message + ("; skipped" if self.skipped else "")

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class CorpusAnalysis:
    """Everything ``provenance analyze`` computes for a corpus, stamped with its signature."""

    signature: Signature
    articles: list[Article]
    provenance: dict[str, ArticleProvenance]
    pairs: list[PairAnalysis]
    reference_id: str | None = None
    roots: list[str] = field(default_factory=list)  # external root sources, e.g. ["WSJ"]
    issues: list[InputIssue] = field(default_factory=list)  # files skipped or repaired
    #: why each story's reference was chosen (one per story, biggest story first)
    references: list[ReferenceChoice] = field(default_factory=list)
    #: the claims of every story of three or more articles, and who departs from them
    collation: Collation | None = None

    def article(self, article_id: str) -> Article:
        for a in self.articles:
            if a.id == article_id:
                return a
        raise KeyError(article_id)

    def pair_for(self, relay_id: str) -> PairAnalysis | None:
        return next((p for p in self.pairs if p.relay_id == relay_id), None)

    def to_dict(self) -> dict[str, Any]:
        return {
            "signature": str(self.signature),
            "settings": self.signature.to_dict(),
            "reference_id": self.reference_id,
            "roots": self.roots,
            "articles": [a.to_dict() for a in self.articles],
            "provenance": {k: v.to_dict() for k, v in self.provenance.items()},
            "pairs": [p.to_dict() for p in self.pairs],
            # Only when there were any, so a clean corpus stores what it always stored.
            **({"issues": [i.to_dict() for i in self.issues]} if self.issues else {}),
            **({"references": [r.to_dict() for r in self.references]}
               if self.references else {}),
            **({"collation": self.collation.to_dict()} if self.collation else {}),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> CorpusAnalysis:
        settings = {k: v for k, v in data.get("settings", {}).items() if k != "version"}
        return cls(
            signature=Signature(settings),
            articles=[Article.from_dict(a) for a in data["articles"]],
            provenance={k: ArticleProvenance.from_dict(v) for k, v in data["provenance"].items()},
            pairs=[PairAnalysis.from_dict(p) for p in data["pairs"]],
            reference_id=data.get("reference_id"),
            roots=list(data.get("roots", [])),
            issues=[InputIssue(**i) for i in data.get("issues", [])],
            references=[ReferenceChoice.from_dict(r) for r in data.get("references", [])],
            collation=Collation.from_dict(data["collation"]) if data.get("collation") else None,
        )
