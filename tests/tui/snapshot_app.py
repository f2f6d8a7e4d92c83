"""The app under snapshot: the real ``ProvenanceApp`` over a frozen analysis.

``tests/fixtures/tui/seeds-analysis.json`` is a ``CorpusAnalysis`` of the seeds,
``tests/fixtures/tui/seeds-collation.json`` its claims and reference choice (collated
from that analysis without sentence vectors) and ``tests/fixtures/tui/glossary.yaml``
the glossary concepts found in them, all written once by this module and committed.
Nothing here runs the pipeline, so a version bump, a glossary edit or a detector change
moves no pixel of the snapshots: only a change to the UI does. The app is built by the
same constructor the CLI uses (``tui.app.run``).

Rewrite the fixture only when the analysis model itself changes (then look at every
snapshot before ``--snapshot-update``)::

    PYTHONPATH=. python tests/tui/snapshot_app.py               # everything
    PYTHONPATH=. python tests/tui/snapshot_app.py --collation   # the claims only
"""

from __future__ import annotations

import json
import tempfile
from dataclasses import dataclass
from pathlib import Path

from provenance.model import CorpusAnalysis
from provenance.signature import Signature
from tui.app import ProvenanceApp

TESTS = Path(__file__).resolve().parents[1]
REPO = TESTS.parent
FIXTURE = TESTS / "fixtures" / "tui"
ANALYSIS = FIXTURE / "seeds-analysis.json"
COLLATION = FIXTURE / "seeds-collation.json"
GLOSSARY = FIXTURE / "glossary.yaml"
SEEDS = REPO / "seeds"


@dataclass(frozen=True)
class RecordedSignature(Signature):
    """Prints the tool version the fixture was written with, not the running one."""

    version: str = "?"

    def __str__(self) -> str:
        return "|".join(f"{k}:{v}" for k, v in [*sorted(self.settings.items()),
                                                ("version", self.version)])


def frozen_analysis() -> CorpusAnalysis:
    data = json.loads(ANALYSIS.read_text(encoding="utf-8"))
    if COLLATION.exists():
        data.update(json.loads(COLLATION.read_text(encoding="utf-8")))
    analysis = CorpusAnalysis.from_dict(data)
    analysis.signature = RecordedSignature(analysis.signature.settings,
                                           data["settings"]["version"])
    return analysis


def snapshot_app() -> ProvenanceApp:
    """The app on the seeds, showing the frozen analysis with the frozen glossary."""
    return ProvenanceApp([SEEDS], glossary_paths=[GLOSSARY], analysis=frozen_analysis())


# -- writing the fixture ------------------------------------------------------------------
def _write_glossary() -> None:
    """The bundled glossary concepts that occur in the seeds, in one file."""
    from ruamel.yaml.comments import CommentedSeq

    from provenance.corpus import load_corpus
    from provenance.glossary import default_glossary
    from provenance.glossary.fileformat import yaml_round_trip
    from provenance.paths import bundled_glossaries_dir

    glossary = default_glossary()
    used = {m.concept_id for article in load_corpus([SEEDS]) for s in article.sentences
            for m in glossary.match(s.text, s.lang or article.lang)}
    yaml = yaml_round_trip()
    kept = CommentedSeq()
    for path in sorted(bundled_glossaries_dir().glob("*.yaml")):
        kept += [c for c in yaml.load(path)["concepts"] if c["id"] in used]
    FIXTURE.mkdir(parents=True, exist_ok=True)
    with GLOSSARY.open("w", encoding="utf-8") as out:
        out.write("# The bundled concepts found in the seeds, frozen for the TUI snapshots\n"
                  "# (written by tests/tui/snapshot_app.py).\n")
        yaml.dump({"concepts": kept}, out)


def _write_analysis() -> None:
    from provenance.pipeline import analyze_corpus
    from provenance.store import Store

    with tempfile.TemporaryDirectory() as home:
        analysis = analyze_corpus([SEEDS], glossary_paths=[GLOSSARY],
                                  store=Store(Path(home) / "store.sqlite"), reuse=False)
    data = analysis.to_dict()
    for article in data["articles"]:  # no checkout path in a committed file
        if article.get("source_path"):
            article["source_path"] = Path(article["source_path"]).relative_to(REPO).as_posix()
    ANALYSIS.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n",
                        encoding="utf-8")


def _write_collation() -> None:
    """The frozen analysis's claims and reference choice, collated without sentence
    vectors (the fixture must not depend on a model being installed)."""
    from provenance.collation import collate
    from provenance.facts import corpus_facts
    from provenance.glossary import Glossary
    from provenance.reference import choose_reference

    data = json.loads(ANALYSIS.read_text(encoding="utf-8"))
    analysis = CorpusAnalysis.from_dict(data)
    glossary = Glossary.load([GLOSSARY])
    articles = analysis.articles
    collation = collate([articles], glossary, pairs=analysis.pairs,
                        provenance=analysis.provenance, references=[analysis.reference_id],
                        vectors=False)
    choice = choose_reference(0, articles, facts=corpus_facts(articles, glossary),
                              provenance=analysis.provenance, collation=collation,
                              glossary=glossary, requested=analysis.reference_id)
    COLLATION.write_text(json.dumps({"references": [choice.to_dict()],
                                     "collation": collation.to_dict()},
                                    ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    import sys

    if sys.argv[1:] != ["--collation"]:  # the collation alone leaves the analysis as it is
        _write_glossary()
        _write_analysis()
    _write_collation()
    print(f"wrote {GLOSSARY.relative_to(REPO)}, {ANALYSIS.relative_to(REPO)} and "
          f"{COLLATION.relative_to(REPO)}")
