"""Glossary files: validator line numbers, malformed YAML, locked atomic edits."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import FIXTURES, REPO

from provenance.errors import BadInput, GlossaryError
from provenance.glossary import Glossary
from provenance.glossary.edit import add_concept, add_variant, remove_concept
from provenance.glossary.model import Form
from provenance.glossary.validate import validate_paths

FIXTURES = FIXTURES / "glossary"


def test_validator_names_file_and_line_for_every_problem() -> None:
    _, problems = validate_paths([FIXTURES / "problems.yaml"])
    located = {(p.line, p.severity): p.message for p in problems}
    assert all(p.path.endswith("problems.yaml") for p in problems)
    assert "unknown language code 'xx'" in located[(7, "error")]
    assert "unknown category 'spaceship'" in located[(9, "error")]
    assert "empty en form" in located[(15, "error")]
    assert "duplicate concept id 'alpha'" in located[(16, "error")]
    assert "'Alpha Person' is already claimed by 'alpha'" in located[(23, "error")]
    assert "unknown status 'dubious'" in located[(27, "error")]
    assert len(problems) == 6


def test_malformed_yaml_raises_with_line() -> None:
    with pytest.raises(GlossaryError, match=r"broken\.yaml:6: malformed YAML"):
        Glossary.load([FIXTURES / "broken.yaml"])
    with pytest.raises(GlossaryError, match=r"problems\.yaml:7: alpha: unknown language"):
        Glossary.load([FIXTURES / "problems.yaml"])
    _, problems = validate_paths([FIXTURES / "broken.yaml"])
    assert [(p.line, p.severity) for p in problems] == [(6, "error")]


def test_duplicate_id_across_files(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text("concepts:\n  - id: x\n    category: person\n"
                                     "    forms: {en: [Ex]}\n", encoding="utf-8")
    (tmp_path / "b.yaml").write_text("# b\nconcepts:\n  - id: x\n    category: person\n"
                                     "    forms: {en: [Other]}\n", encoding="utf-8")
    with pytest.raises(GlossaryError, match=r"b\.yaml:3: duplicate concept id 'x'.*a\.yaml:2"):
        Glossary.load([tmp_path])


@pytest.fixture
def outlets(tmp_path: Path) -> Path:
    folder = tmp_path / "g"
    folder.mkdir()
    for name in ("outlets.yaml", "people.yaml"):
        shutil.copy(REPO / "glossaries" / name, folder / name)
    return folder / "outlets.yaml"


def test_edits_keep_comments_and_order_and_refuse_clashes(outlets: Path) -> None:
    before = outlets.read_text(encoding="utf-8")
    add_variant(outlets, "wsj", "uk", "Волстріт Джорнал", "deprecated")
    add_concept(outlets, "the-times", "outlet",
                {"en": [Form("The Times", case_sensitive=True)], "ko": [Form("더타임스")]})
    text = outlets.read_text(encoding="utf-8")
    assert text.startswith(before.splitlines()[0])  # the header comment survives
    assert "# Chinese names are listed without" in text
    assert text.index("id: wsj") < text.index("id: reuters") < text.index("id: the-times")
    g = Glossary.load([outlets])
    assert [(m.concept_id, m.status) for m in g.match("пише Волстріт Джорнал", "uk")] == [
        ("wsj", "deprecated")]
    assert g.get("the-times").forms["en"][0].case_sensitive
    with pytest.raises(BadInput, match=r"'WSJ' is already claimed by 'wsj' \(.*outlets\.yaml:6\)"):
        add_concept(outlets, "other", "outlet", {"en": [Form("WSJ", case_sensitive=True)]})
    with pytest.raises(BadInput, match="already exists"):
        add_concept(outlets, "reuters", "outlet", {"en": [Form("Reuters 2")]})
    with pytest.raises(BadInput, match="claimed by 'elon-musk'"):  # clash with a sibling file
        add_concept(outlets, "musk-news", "outlet", {"en": [Form("Musk")]})
    with pytest.raises(BadInput, match="already has"):
        add_variant(outlets, "wsj", "en", "wsj")
    remove_concept(outlets, "kyodo")
    assert "kyodo" not in Glossary.load([outlets])
    with pytest.raises(BadInput, match="no concept"):
        remove_concept(outlets, "kyodo")


def _writer(path: Path, concept_id: str, name: str, delay: float | None = None) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    extra = [str(delay)] if delay is not None else []
    return subprocess.Popen([sys.executable, str(FIXTURES / "writer.py"), str(path), concept_id,
                             name, *extra], env=env)


def test_killed_writer_leaves_the_old_file_intact(outlets: Path) -> None:
    before = outlets.read_bytes()
    proc = _writer(outlets, "killed", "Killed Name", delay=30)
    deadline = time.time() + 20
    # wait until the temp file exists: the writer is between write and rename
    while time.time() < deadline and not list(outlets.parent.glob(".outlets.yaml.*.tmp")):
        time.sleep(0.05)
    assert list(outlets.parent.glob(".outlets.yaml.*.tmp")), "writer never reached the rename"
    proc.kill()
    proc.wait()
    assert outlets.read_bytes() == before
    assert "killed" not in Glossary.load([outlets])
    # the lock died with the process: the next writer is not blocked
    add_concept(outlets, "after", "person", {"en": [Form("After Kill")]})
    assert "after" in Glossary.load([outlets])


def test_concurrent_writers_both_land(outlets: Path) -> None:
    procs = [_writer(outlets, "first-writer", "First Writer", delay=0.5),
             _writer(outlets, "second-writer", "Second Writer", delay=0.5)]
    assert [p.wait(timeout=60) for p in procs] == [0, 0]
    g = Glossary.load([outlets])
    assert "first-writer" in g and "second-writer" in g


def test_bundled_files_follow_the_schema_and_validate_cleanly() -> None:
    import json

    import jsonschema
    from ruamel.yaml import YAML

    schema = json.loads((REPO / "glossaries" / "schema.json").read_text(encoding="utf-8"))
    files = sorted((REPO / "glossaries").glob("*.yaml"))
    assert len(files) >= 5
    for path in files:
        jsonschema.validate(YAML(typ="safe").load(path.read_text(encoding="utf-8")), schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(YAML(typ="safe").load((FIXTURES / "problems.yaml").read_text(
            encoding="utf-8")), schema)
    _, problems = validate_paths([REPO / "glossaries"])
    assert problems == []


def test_cached_parse_equals_a_fresh_parse(outlets: Path) -> None:
    from provenance.glossary.fileformat import load_file, parse_concepts, read_document

    fresh, _ = parse_concepts(read_document(outlets), outlets)
    first, _ = load_file(outlets)
    cached, _ = load_file(outlets)  # second read comes from the cache
    assert [c.to_dict() for c in cached] == [c.to_dict() for c in fresh]
    assert [(c.line, [f.line for _, f in c.all_forms()]) for c in cached] == \
        [(c.line, [f.line for _, f in c.all_forms()]) for c in fresh]
    add_variant(outlets, "reuters", "es", "agencia Reuters")  # an edit changes the content hash
    assert "es" in {lang for c, _ in [load_file(outlets)] for x in c if x.id == "reuters"
                    for lang in x.forms}


def test_language_field_parses_and_a_bad_code_is_an_error_on_its_line(tmp_path: Path) -> None:
    path = tmp_path / "o.yaml"
    path.write_text("concepts:\n"
                    "  - id: wire\n"
                    "    category: outlet\n"
                    "    language: KO\n"
                    "    forms: {en: [Wire]}\n"
                    "  - id: other\n"
                    "    category: outlet\n"
                    "    forms: {en: [Other]}\n", encoding="utf-8")
    g = Glossary.load([path])
    assert (g.get("wire").language, g.get("other").language) == ("ko", None)  # case-folded
    digest = g.digest
    path.write_text(path.read_text(encoding="utf-8").replace("KO", "zh-Hant"), encoding="utf-8")
    assert Glossary.load([path]).get("wire").language == "zh-Hant"
    assert Glossary.load([path]).digest != digest  # the field is part of the content hash
    path.write_text(path.read_text(encoding="utf-8").replace("zh-Hant", "klingon")
                    + "    language: [en]\n", encoding="utf-8")
    _, problems = validate_paths([path])
    assert [(p.line, p.message) for p in problems] == [
        (4, "wire: unknown publication language 'klingon' "
            "(known: en, zh, zh-Hans, zh-Hant, ko, uk, ru, ja, de, fr, es, bg, ar)"),
        (9, "other: unknown publication language ['en'] "
            "(known: en, zh, zh-Hans, zh-Hant, ko, uk, ru, ja, de, fr, es, bg, ar)")]
    with pytest.raises(GlossaryError, match=r"o\.yaml:4: wire: unknown publication language"):
        Glossary.load([path])


def test_every_bundled_outlet_says_its_language() -> None:
    from provenance.glossary import default_glossary

    outlets = default_glossary().by_category("outlet")
    assert len(outlets) > 40
    assert [c.id for c in outlets if not c.language] == []
    languages = {c.id: c.language for c in outlets}
    assert (languages["yonhap"], languages["xinhua"], languages["ria-novosti"]) == \
        ("ko", "zh", "ru")
    assert (languages["kommersant-ukrainian"], languages["kommersant"]) == ("uk", "ru")


def test_add_concept_writes_the_language_before_the_forms(outlets: Path) -> None:
    concept = add_concept(outlets, "maeil", "outlet", {"en": [Form("Maeil Business Newspaper")]},
                          language="ko")
    assert concept.language == "ko"
    text = outlets.read_text(encoding="utf-8")
    block = text[text.index("id: maeil"):]
    assert block.index("language: ko") < block.index("forms:")
    assert Glossary.load([outlets.parent]).get("maeil").language == "ko"
    with pytest.raises(BadInput, match="unknown publication language 'xx'"):
        add_concept(outlets, "x-wire", "outlet", {"en": [Form("X Wire")]}, language="xx")
