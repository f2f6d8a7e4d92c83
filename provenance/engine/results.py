"""The Parquet result set: a run too large to print, as tables a report can summarise.

    OUT/manifest.json            what made it (signature, counts, tables, partitions)
    OUT/articles/part-NNNNN.parquet   one row per article (story, language, origin...)
    OUT/pairs/part-NNNNN.parquet      one row per compared relay (drift score, findings)
    OUT/findings/part-NNNNN.parquet   one row per drift finding
    OUT/claims/part-NNNNN.parquet     one row per claim, when the analysis has claims

Rows are partitioned by story (story number modulo the partitions), so a story's
articles, pairs and findings share a part number and a reader (pandas, DuckDB, Spark,
``pyarrow.dataset``) can take one part at a time. The set is written by one writer (the
client of the run) into a folder beside the target and renamed into place, so a reader
never sees half of one. :func:`summarise` reads only the columns it needs: the top
stories by drift and the most severe findings, never every row at once.
"""

from __future__ import annotations

import json
import shutil
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from provenance.errors import BadInput
from provenance.model import SEVERITIES, CorpusAnalysis

FORMAT = "provenance-results/1"
MANIFEST = "manifest.json"
#: Articles per partition: a part of this size holds some tens of MB of findings.
ARTICLES_PER_PART = 50_000
TABLES = ("articles", "pairs", "findings", "claims")


def _pyarrow() -> Any:
    try:
        import pyarrow
        import pyarrow.parquet  # noqa: F401
    except ImportError:
        raise BadInput("the Parquet result set needs pyarrow: "
                       "pip install 'provenance[dask]'") from None
    return pyarrow


def is_result_set(path: str | Path) -> bool:
    """Whether ``path`` is a folder written by :func:`write_result_set`."""
    manifest = Path(path) / MANIFEST
    try:
        return json.loads(manifest.read_text(encoding="utf-8")).get("format") == FORMAT
    except (OSError, ValueError, AttributeError):
        return False


def _rows(analysis: CorpusAnalysis) -> dict[str, list[dict[str, Any]]]:
    story_of = {k: v.story for k, v in analysis.provenance.items()}
    articles = []
    pair_of = {p.relay_id: p for p in analysis.pairs}
    for article in analysis.articles:
        prov = analysis.provenance.get(article.id)
        pair = pair_of.get(article.id)
        articles.append({
            "id": article.id, "story": story_of.get(article.id, -1), "lang": article.lang,
            "outlet": article.outlet, "url": article.url, "published": article.published,
            "sentences": len(article.sentences),
            "origin": prov.origin if prov else "unknown",
            "confidence": prov.confidence if prov else 0.0,
            "origin_language": prov.origin_language if prov else None,
            "cites": prov.cited_sources() if prov else [],
            "derived_from": [e.source for e in prov.derived_from] if prov else [],
            "reference": pair.reference_id if pair else None,
            "drift_score": pair.drift_score if pair else None,
        })
    pairs, findings = [], []
    for pair in analysis.pairs:
        story = story_of.get(pair.relay_id, -1)
        pairs.append({"story": story, "reference_id": pair.reference_id,
                      "relay_id": pair.relay_id, "drift_score": pair.drift_score,
                      "findings": len(pair.findings), "links": len(pair.alignment.links)})
        findings += [{"story": story, "reference_id": pair.reference_id,
                      "relay_id": pair.relay_id, "kind": f.kind, "severity": f.severity,
                      "weight": f.weight, "message": f.message, "src": list(f.src),
                      "tgt": list(f.tgt), "detector": f.detector} for f in pair.findings]
    claims = []
    if analysis.collation is not None:
        departing: dict[str, list[str]] = {}
        for d in analysis.collation.departures:
            departing.setdefault(d.claim, []).append(d.article_id)
        claims = [{"story": c.story, "id": c.id, "text": c.text, "article_id": c.article_id,
                   "witnesses": c.witnesses, "readings": len(c.readings),
                   "departing": sorted(set(departing.get(c.id, []))),
                   "data": json.dumps(c.to_dict(), ensure_ascii=False, sort_keys=True)}
                  for c in analysis.collation.claims]
    return {"articles": articles, "pairs": pairs, "findings": findings, "claims": claims}


def write_result_set(analysis: CorpusAnalysis, folder: str | Path,
                     articles_per_part: int = ARTICLES_PER_PART) -> Path:
    """Write ``analysis`` as a result set in ``folder`` (replaced if it is one)."""
    pa = _pyarrow()
    target = Path(folder)
    if target.exists() and not is_result_set(target) and any(target.iterdir()):
        raise BadInput(f"{target}: exists and is not a result set; choose another folder")
    parts = max(1, -(-len(analysis.articles) // articles_per_part))
    partial = target.with_name(target.name + ".partial")
    shutil.rmtree(partial, ignore_errors=True)
    counts = {}
    for table, rows in _rows(analysis).items():
        counts[table] = len(rows)
        if not rows:
            continue
        (partial / table).mkdir(parents=True)
        by_part: dict[int, list[dict[str, Any]]] = {}
        for row in rows:
            by_part.setdefault(row["story"] % parts, []).append(row)
        for part, chunk in sorted(by_part.items()):
            pa.parquet.write_table(pa.Table.from_pylist(chunk),
                                   partial / table / f"part-{part:05d}.parquet")
    manifest = {"format": FORMAT, "signature": str(analysis.signature),
                "settings": analysis.signature.to_dict(), "reference_id": analysis.reference_id,
                "partitions": parts, "rows": counts,
                "stories": len({p.story for p in analysis.provenance.values()}),
                "issues": len(analysis.issues)}
    (partial / MANIFEST).write_text(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n",
                                    encoding="utf-8")
    if target.exists():
        shutil.rmtree(target)
    partial.rename(target)
    return target


# --- reading ---------------------------------------------------------------------------

@dataclass
class StoryLine:
    story: int
    articles: int
    languages: list[str]
    reference: str | None
    drift: int
    findings: int


@dataclass
class FindingLine:
    story: int
    relay_id: str
    reference_id: str
    kind: str
    severity: str
    message: str


@dataclass
class Summary:
    """What a report prints of a large run: totals, the top stories, the top findings."""

    signature: str
    articles: int
    pairs: int
    stories: int
    findings_by_severity: dict[str, int]
    findings_by_kind: dict[str, int]
    top_stories: list[StoryLine] = field(default_factory=list)
    top_findings: list[FindingLine] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def findings_at_or_above(self, severity: str) -> int:
        floor = SEVERITIES.index(severity)
        return sum(n for s, n in self.findings_by_severity.items()
                   if s in SEVERITIES and SEVERITIES.index(s) >= floor)


def _table(folder: Path, name: str, columns: list[str]) -> Any:
    pa = _pyarrow()
    import pyarrow.dataset as ds

    if not (folder / name).is_dir():
        return pa.table({c: [] for c in columns})
    return ds.dataset(folder / name, format="parquet").to_table(columns=columns)


def summarise(folder: str | Path, top: int = 20, min_severity: str = "minor") -> Summary:
    """The totals of a result set, its ``top`` stories by drift (then size) and its
    ``top`` most severe findings at or above ``min_severity``."""
    root = Path(folder)
    if not is_result_set(root):
        raise BadInput(f"{root}: not a provenance result set (no {MANIFEST})")
    import pyarrow.compute as pc

    manifest = json.loads((root / MANIFEST).read_text(encoding="utf-8"))
    articles = _table(root, "articles", ["id", "story", "lang"])
    pairs = _table(root, "pairs", ["story", "reference_id", "drift_score", "findings"])
    findings = _table(root, "findings", ["story", "relay_id", "reference_id", "kind",
                                         "severity", "weight", "message"])
    sizes = {row["story"]: row for row in articles.group_by("story").aggregate(
        [("id", "count"), ("lang", "distinct")]).to_pylist()}
    drift = {row["story"]: row for row in pairs.group_by("story").aggregate(
        [("drift_score", "sum"), ("findings", "sum"), ("reference_id", "min")]).to_pylist()}

    def story_line(story: int) -> StoryLine:
        d = drift.get(story, {})
        return StoryLine(story, sizes[story]["id_count"],
                         sorted(sizes[story]["lang_distinct"]), d.get("reference_id_min"),
                         d.get("drift_score_sum") or 0, d.get("findings_sum") or 0)

    order = sorted(sizes, key=lambda s: (-(drift.get(s, {}).get("drift_score_sum") or 0),
                                         -sizes[s]["id_count"], s))
    floor = SEVERITIES.index(min_severity)
    kept = findings.filter(pc.is_in(findings["severity"],
                                    value_set=_pyarrow().array(SEVERITIES[floor:])))
    best = []
    if kept.num_rows:
        chosen = pc.select_k_unstable(kept, k=min(top * 4, kept.num_rows),
                                      sort_keys=[("weight", "descending")]).to_pylist()
        rows = kept.take(chosen).to_pylist()
        rows.sort(key=lambda r: (-r["weight"], r["story"], r["relay_id"], r["message"]))
        best = [FindingLine(r["story"], r["relay_id"], r["reference_id"], r["kind"],
                            r["severity"], r["message"]) for r in rows[:top]]

    def counts(column: str) -> dict[str, int]:
        return {row[column]: row["count_all"] for row in
                findings.group_by(column).aggregate([([], "count_all")]).to_pylist()}

    return Summary(manifest["signature"], articles.num_rows, pairs.num_rows, len(sizes),
                   dict(sorted(counts("severity").items())), dict(sorted(counts("kind").items())),
                   [story_line(s) for s in order[:top]], best)


@dataclass
class StoryDetail:
    """One story of a result set, read from its part alone: its articles, its findings
    (most severe first) and its claims, as the tables' rows."""

    story: int
    articles: list[dict[str, Any]]
    findings: list[dict[str, Any]]
    claims: list[dict[str, Any]]


def story_detail(folder: str | Path, story: int) -> StoryDetail:
    """The rows of ``story``: only the part files that hold it are read."""
    root = Path(folder)
    if not is_result_set(root):
        raise BadInput(f"{root}: not a provenance result set (no {MANIFEST})")
    pa = _pyarrow()
    manifest = json.loads((root / MANIFEST).read_text(encoding="utf-8"))
    part = f"part-{story % manifest['partitions']:05d}.parquet"

    def rows(table: str) -> list[dict[str, Any]]:
        path = root / table / part
        if not path.is_file():
            return []
        found = pa.parquet.read_table(path, filters=[("story", "=", story)])
        return [{k: v for k, v in row.items() if k != "data"} for row in found.to_pylist()]

    findings = rows("findings")
    findings.sort(key=lambda f: (-SEVERITIES.index(f["severity"])
                                 if f["severity"] in SEVERITIES else 0, -f["weight"],
                                 f["relay_id"], f["message"]))
    return StoryDetail(story, sorted(rows("articles"), key=lambda a: a["id"]), findings,
                       rows("claims"))


def summary_markdown(summary: Summary) -> str:
    """The summary as Markdown: totals, then two tables."""
    lines = [f"# Provenance run: {summary.articles:,} articles in {summary.stories:,} stories",
             "", f"{summary.pairs:,} relays compared; findings by severity: "
             + (", ".join(f"{s} {n:,}" for s, n in summary.findings_by_severity.items())
                or "none") + ".", "", "## Top stories by drift", "",
             "| story | articles | languages | reference | drift | findings |",
             "|---:|---:|---|---|---:|---:|"]
    # stories numbered from 1 for readers, as in the other reports (the tables' ``story``
    # column counts from 0)
    lines += [f"| {s.story + 1} | {s.articles} | {', '.join(s.languages)} | {_cell(s.reference)} "
              f"| {s.drift} | {s.findings} |" for s in summary.top_stories]
    lines += ["", "## Top findings", "", "| severity | kind | story | relay | finding |",
              "|---|---|---:|---|---|"]
    lines += [f"| {f.severity} | {f.kind} | {f.story + 1} | {_cell(f.relay_id)} "
              f"| {_cell(f.message)} |" for f in summary.top_findings]
    lines += ["", f"signature: `{summary.signature}`", ""]
    return "\n".join(lines)


def _cell(text: str | None) -> str:
    return (text or "").replace("|", "\\|").replace("\n", " ")


def write_summary(summary: Summary, fmt: str) -> str:
    if fmt == "json":
        return json.dumps(summary.to_dict(), ensure_ascii=False, indent=2) + "\n"
    if fmt == "md":
        return summary_markdown(summary)
    raise BadInput(f"a result set is summarised as md or json, not {fmt}")
