"""The bundled glossary on the seeds: each article's actors found, and `glossary suggest`
proposing what the glossary does not cover yet."""

from __future__ import annotations

import json

from conftest import SEEDS
from support.cli import run_cli

from provenance.glossary import default_glossary


def run(*args: str):
    return run_cli("glossary", *args, catch_exceptions=False)


def test_seed_articles_find_their_actors() -> None:
    g = default_glossary()
    for path in sorted(SEEDS.glob("*.md")):
        ids = {m.concept_id for m in g.match(path.read_text(encoding="utf-8"), "en")}
        assert {"jeff-bezos", "blue-origin", "donald-trump"} <= ids, path.name


def test_suggest_on_seeds_proposes_uncovered_terms() -> None:
    g = default_glossary()
    result = run("suggest", str(SEEDS), "--format", "json")
    assert result.exit_code == 0, result.output
    suggestions = json.loads(result.output)["suggestions"]
    texts = {s["text"]: s for s in suggestions}
    assert texts["$5.9 billion"]["count"] >= 3 and texts["$5.9 billion"]["kind"] == "quantity"
    assert any(s["kind"] in ("name", "quoted") for s in suggestions)
    for s in suggestions:  # nothing proposed is already a concept
        assert not any(m.start == 0 and m.end == len(s["text"]) for m in g.match(s["text"], "en"))
