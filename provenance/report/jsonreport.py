"""The JSON report: one document, described by ``provenance/schemas/report.schema.json``.

Written item by item (articles, then pairs, then claims) so that a 10,000-article report never holds
the whole document in memory. An article has one JSON shape (:func:`article_json`,
``$defs/article`` in the schema), here and in ``provenance analyze --format json``
(:func:`analysis_json`). Bump :data:`SCHEMA_VERSION` (and the schema file) whenever
a field is removed or changes meaning; adding optional fields keeps the major version.
"""

from __future__ import annotations

import json
from importlib import resources
from typing import Any, TextIO

from provenance import __version__
from provenance.drift.kinds import kind_order
from provenance.lang import omissions, tier_of
from provenance.model import CorpusAnalysis, Departure
from provenance.report.claims import ClaimEntry
from provenance.report.contents import (
    ArticleEntry,
    PairReport,
    ReportContents,
    build_contents,
)

SCHEMA_VERSION = "1.5"
SCHEMA_ID = f"https://provenance.local/schemas/report/{SCHEMA_VERSION}"


def load_schema() -> dict[str, Any]:
    """The JSON Schema of the report, to validate a report with any JSON Schema tool."""
    text = resources.files("provenance").joinpath("schemas/report.schema.json").read_text("utf-8")
    return json.loads(text)  # type: ignore[no-any-return]


def write_json(contents: ReportContents, out: TextIO) -> None:
    """Write the whole report as one JSON document to ``out``."""
    analysis = contents.analysis
    head: dict[str, Any] = {
        "$schema": SCHEMA_ID,
        "schema_version": SCHEMA_VERSION,
        "generator": {"name": "provenance", "version": __version__},
        "signature": contents.signature,
        "settings": analysis.signature.to_dict(),
        "report": contents.settings,
        "reference_id": analysis.reference_id,
        "references": [r.to_dict() for r in analysis.references],
        "roots": list(analysis.roots),
        # files left out or repaired: a reader must know what the figures do not cover
        "input_issues": [i.to_dict() for i in analysis.issues],
        "totals": contents.totals(),
        "edges": [
            {"source": s, "target": t, "score": round(score, 4), "external": ext}
            for s, t, score, ext in contents.edges()
        ],
    }
    out.write(_dumps(head)[:-1])  # reopen the object to stream the two big arrays
    out.write(',\n"articles": [')
    for n, entry in enumerate(contents.entries):
        out.write(("," if n else "") + "\n" + _dumps(article_json(entry)))
    out.write('\n],\n"pairs": [')
    for n, pair in enumerate(contents.pairs):
        out.write(("," if n else "") + "\n" + _dumps(pair_json(pair)))
    out.write('\n],\n"claims": [')
    for n, claim in enumerate(contents.claims.claims if contents.claims else []):
        out.write(("," if n else "") + "\n" + _dumps(claim_json(claim)))
    out.write("\n]}\n")


def _dumps(obj: Any) -> str:
    # default=str: detector evidence may hold dates or other non-JSON values
    return json.dumps(obj, ensure_ascii=False, default=str)


def analysis_json(analysis: CorpusAnalysis) -> dict[str, Any]:
    """What ``provenance analyze --format json`` prints: the signature, the reference,
    the root sources, every article as the report writes it (all findings counted) and
    the derivation graph."""
    contents = build_contents(analysis)
    edges = [vars(e) for p in analysis.provenance.values() for e in p.derived_from]
    nodes = [a.id for a in analysis.articles]
    nodes += sorted({e["source"] for e in edges if e["source"] not in nodes} | set(analysis.roots))
    return {
        "signature": str(analysis.signature),
        "reference": analysis.reference_id,
        "references": [r.to_dict() for r in analysis.references],
        "roots": analysis.roots,
        "articles": [article_json(entry) for entry in contents.entries],
        "graph": {"nodes": nodes, "edges": edges},
    }


def article_json(entry: ArticleEntry) -> dict[str, Any]:
    """One article: metadata, origin, cited sources, derivation and drift by kind."""
    a, prov = entry.article, entry.provenance
    weights, counts = entry.weight_by_kind(), entry.count_by_kind()
    return {
        "id": a.id,
        "title": a.title,
        "outlet": a.outlet,
        "url": a.url,
        "published": a.published,
        "language": a.lang,
        "language_confidence": round(a.language_confidence, 4),
        # how well the tool reads that language, and what it leaves out there
        "support": tier_of(a.lang),
        "support_omits": omissions(a.lang),
        "source_path": a.source_path,
        "sentence_count": len(a.sentences),
        "is_reference": entry.is_reference,
        "origin": entry.origin,
        "origin_confidence": round(prov.confidence, 4) if prov else 0.0,
        "origin_language": prov.origin_language if prov else None,
        # the article of the corpus it translates or copies ("a translation of <that>")
        "origin_article": prov.origin_article if prov else None,
        # why the origin was judged so: named, weighted traces with where they were found
        "origin_evidence": [
            {"signal": s.name, "weight": round(s.weight, 4), "sentence": s.sentence,
             "start": s.start, "end": s.end, "text": s.text, "language_hint": s.language_hint}
            for s in (prov.signals if prov else [])
        ],
        "story": prov.story if prov else 0,
        "cited_sources": entry.cited_sources,
        "attributions": [
            {"source": x.source, "kind": x.kind, "cue": x.cue, "sentence": x.sentence,
             "start": x.start, "end": x.end, "chain": list(x.chain), "negated": x.negated}
            for x in (prov.attributions if prov else [])
        ],
        "derived_from": [
            {"source": e.source, "score": round(e.score, 4), "external": e.external,
             "evidence": e.evidence}
            for e in (prov.derived_from if prov else [])
        ],
        "compared_with": entry.pair.reference.id if entry.pair else None,
        "drift_score": entry.drift_score,
        "finding_count": len(entry.findings),
        # departures from the consensus of the story's witnesses its pair does not report
        "departure_count": entry.departure_count,
        "drift_by_kind": {
            k: {"count": counts[k], "score": weights[k]} for k in kind_order(list(counts))
        },
    }


def pair_json(pair: PairReport) -> dict[str, Any]:
    alignment = pair.pair.alignment
    rows = []
    for row in pair.rows():
        rows.append({
            "src": list(row.link.src),
            "tgt": list(row.link.tgt),
            "score": round(row.link.score, 4),
            "src_text": " ".join(s.text for s in row.src),
            "tgt_text": " ".join(s.text for s in row.tgt),
            "findings": [nf.number for nf in row.findings],
        })
    return {
        "reference_id": pair.reference.id,
        "relay_id": pair.relay.id,
        "src_lang": alignment.src_lang,
        "tgt_lang": alignment.tgt_lang,
        "alignment_mode": alignment.mode,
        "alignment_signature": str(alignment.signature),
        "drift_score": pair.drift_score,
        "rows": rows,
        "findings": [
            {
                "number": nf.number,
                "kind": nf.finding.kind,
                "severity": nf.finding.severity,
                "weight": nf.finding.weight,
                "src": list(nf.finding.src),
                "tgt": list(nf.finding.tgt),
                "src_spans": [list(s) for s in nf.finding.src_spans],
                "tgt_spans": [list(s) for s in nf.finding.tgt_spans],
                "src_text": pair.sentence_text("src", nf.finding.src),
                "tgt_text": pair.sentence_text("tgt", nf.finding.tgt),
                "message": nf.finding.message,
                "evidence": nf.finding.evidence,
                "detector": nf.finding.detector,
            }
            for nf in pair.findings
        ],
    }


def claim_json(entry: ClaimEntry) -> dict[str, Any]:
    """One claim (``$defs/claim``): the consensus of its independent witnesses and every
    witness's reading, with its departures from that consensus and the drift its
    comparison with the reference found in the same sentences."""
    claim = entry.claim
    return {
        "id": claim.id,
        "story": claim.story,
        "witnesses": claim.witnesses,
        "text": claim.text,
        "article_id": claim.article_id,
        "sentences": list(claim.sentences),
        "consensus": [{"slot": c.slot, "form": c.form, "support": c.support,
                       "voters": c.voters} for c in claim.consensus],
        "readings": [
            {"article_id": r.reading.article_id, "sentences": list(r.reading.sentences),
             "text": r.reading.text, "group": r.reading.group, "forms": r.reading.forms,
             "status": r.status,
             "departures": [departure_json(d) for d in r.departures],
             "reference_drift": [{"kind": f.kind, "severity": f.severity,
                                  "message": f.message, "tgt": list(f.tgt),
                                  "detector": f.detector} for f in r.drift]}
            for r in entry.readings
        ],
    }


def departure_json(d: Departure) -> dict[str, Any]:
    f = d.finding
    return {"kind": f.kind, "severity": f.severity, "weight": f.weight, "slot": d.slot,
            "consensus": d.consensus, "reading": d.reading, "support": d.support,
            "voters": d.voters, "message": f.message, "tgt": list(f.tgt),
            "tgt_spans": [list(s) for s in f.tgt_spans],
            "consensus_article": d.consensus_article,
            "consensus_sentences": list(d.consensus_sentences),
            "shared_with": list(d.shared_with), "duplicate": d.duplicate,
            "detector": f.detector}
