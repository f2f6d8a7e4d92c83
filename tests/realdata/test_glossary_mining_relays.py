"""`glossary suggest --concepts` on a real relay cluster (../shared/data/relays): the
concepts any correct miner finds, with their forms, and nothing the glossary knows."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from conftest import SHARED_DATA
from support.cli import run_cli

from provenance.glossary import Glossary
from provenance.glossary.edit import remove_concept
from provenance.paths import bundled_glossaries_dir

CLUSTER = SHARED_DATA / "relays" / "wsj-musk-putin-2024-10"


def _articles() -> list[str]:
    if not CLUSTER.is_dir():
        pytest.skip(f"relay cluster not found at {CLUSTER}")
    return [str(p) for p in sorted(CLUSTER.glob("*.md")) if p.name not in ("TRUTH.md",
                                                                              "README.md")]


def _suggest(*glossary: Path) -> list[dict]:
    args = [a for g in glossary for a in ("--glossary", str(g))]
    result = run_cli("glossary", "suggest", "--concepts", "--format", "json", *args,
                     *_articles(), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)["concepts"]


@pytest.fixture(scope="module")
def without_the_wsj(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[dict]]:
    """The bundled glossary without the outlet every relay names and without the
    Kremlin's spokesman, and what is mined."""
    folder = tmp_path_factory.mktemp("glossary") / "glossaries"
    shutil.copytree(bundled_glossaries_dir(), folder)
    remove_concept(folder / "outlets.yaml", "wsj")
    remove_concept(folder / "people.yaml", "dmitry-peskov")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("PROVENANCE_HOME", str(tmp_path_factory.mktemp("home")))
        return folder, _suggest(folder)


def _by_english(proposals: list[dict], name: str) -> dict:
    found = [p for p in proposals if name in p["en"]]
    assert found, f"{name} not proposed: {[p['en'] for p in proposals]}"
    return found[0]


def test_the_outlet_most_relays_name_is_found_with_its_forms(without_the_wsj) -> None:
    _, proposals = without_the_wsj
    wsj = _by_english(proposals, "Wall Street Journal")
    assert wsj["kind"] == "concept" and wsj["category"] == "outlet"
    assert "WSJ" in wsj["en"]
    assert "华尔街日报" in wsj["forms"]["zh-Hans"] and "華爾街日報" in wsj["forms"]["zh-Hant"]
    assert "월스트리트저널" in wsj["forms"]["ko"]
    assert wsj["articles"] >= 5
    assert proposals.index(wsj) < 5  # among the first: most relays name it


def test_the_kremlin_and_the_kremlin_spokesman_are_found(without_the_wsj) -> None:
    _, proposals = without_the_wsj
    kremlin = _by_english(proposals, "Kremlin")
    assert "克里姆林宫" in kremlin["forms"]["zh-Hans"] and "Кремль" in kremlin["forms"]["ru"]
    assert "Кремль" in kremlin["forms"]["uk"]  # "Кремля" put back in the nominative
    peskov = _by_english(proposals, "Dmitry Peskov")
    assert "培斯科夫" in peskov["forms"]["zh-Hant"]
    for p in (kremlin, peskov):
        assert p["support"] and p["command"].startswith("provenance glossary add ")


def test_nothing_already_in_the_glossary_is_proposed(without_the_wsj) -> None:
    folder, proposals = without_the_wsj
    glossary = Glossary.load([folder])
    for p in proposals:
        if p["kind"] == "concept":
            for name in p["en"]:
                assert glossary.lookup(name, "en") is None, name
        for lang, forms in p["forms"].items():
            for form in forms:  # no form a concept already matches whole
                assert not any(m.start == 0 and m.end == len(form)
                               for m in glossary.match(form, lang)), (lang, form)
    assert not any(p["id"] in ("elon-musk", "taiwan", "starlink") and p["kind"] == "concept"
                   for p in proposals)
