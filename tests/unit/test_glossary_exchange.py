"""TBX (2008 martif and v3) and CSV: read, write, round-trip without loss, import."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import FIXTURES

from provenance.errors import GlossaryError
from provenance.glossary import default_glossary
from provenance.glossary.edit import import_concepts
from provenance.glossary.exchange import read_csv, read_exchange, read_tbx, write_exchange
from provenance.glossary.model import Concept
from provenance.glossary.termbase import Glossary

FIXTURES = FIXTURES / "glossary"


def _plain(concepts: list[Concept]) -> list[dict]:
    return [c.to_dict() for c in concepts]


@pytest.mark.parametrize("suffix", [".tbx", ".csv"])
def test_round_trip_of_the_bundled_glossary_is_lossless(tmp_path: Path, suffix: str) -> None:
    concepts = list(default_glossary().concepts.values())
    target = tmp_path / f"all{suffix}"
    write_exchange(concepts, target)
    back = read_exchange(target)
    assert _plain(back) == _plain(concepts)
    # statuses, case-sensitivity and a non-default canonical survive
    wsj = next(c for c in back if c.id == "wsj")
    assert wsj.canonical == "The Wall Street Journal"
    assert any(f.case_sensitive and f.text == "the Journal" for f in wsj.forms["en"])
    force = next(c for c in back if c.id == "us-space-force")
    assert any(f.status == "deprecated" for f in force.forms["en"])
    # an outlet's publication language survives
    assert next(c for c in back if c.id == "yonhap").language == "ko"


def test_tbx_v3_layout(tmp_path: Path) -> None:
    write_exchange(list(default_glossary().concepts.values())[:2], tmp_path / "x.tbx")
    text = (tmp_path / "x.tbx").read_text(encoding="utf-8")
    assert 'xmlns="urn:iso:std:iso:30042:ed-2"' in text and 'type="TBX-Basic"' in text
    assert "<conceptEntry" in text and "<langSec" in text and "<termSec>" in text
    assert "preferredTerm-admn-sts" in text


def test_publication_language_in_tbx_and_csv(tmp_path: Path) -> None:
    yonhap = default_glossary().get("yonhap")
    write_exchange([yonhap], tmp_path / "y.tbx")
    assert '<descrip type="publicationLanguage">ko</descrip>' in \
        (tmp_path / "y.tbx").read_text(encoding="utf-8")
    write_exchange([yonhap], tmp_path / "y.csv")
    header, row = (tmp_path / "y.csv").read_text(encoding="utf-8").splitlines()[:2]
    assert header.startswith("id,category,canonical,notes,language,")
    assert row.startswith("yonhap,outlet,,,ko,Yonhap")
    # files written before the field existed still read, without a language
    assert read_tbx(FIXTURES / "martif-2008.tbx")[0].language is None
    old = tmp_path / "old.csv"
    old.write_text("id,category,notes,en\nwire,outlet,,Wire\n", encoding="utf-8")
    assert read_csv(old)[0].language is None
    bad = tmp_path / "bad.csv"
    bad.write_text("id,language,en\nwire,ko,Wire\nother,klingon,Other\n", encoding="utf-8")
    with pytest.raises(GlossaryError, match=r"bad\.csv:3: unknown publication language 'klingon'"):
        read_csv(bad)
    tbx = (tmp_path / "y.tbx").read_text(encoding="utf-8").replace(">ko</descrip>", ">xx</descrip>")
    (tmp_path / "bad.tbx").write_text(tbx, encoding="utf-8")
    with pytest.raises(GlossaryError, match=r"bad\.tbx: yonhap: unknown publication language"):
        read_tbx(tmp_path / "bad.tbx")


def test_import_adds_a_missing_language_and_reports_a_different_one(tmp_path: Path) -> None:
    target = tmp_path / "mine.yaml"
    source = tmp_path / "in.csv"
    source.write_text("id,category,en\nwire,outlet,Wire\n", encoding="utf-8")
    import_concepts(target, read_csv(source))
    assert Glossary.load([target]).get("wire").language is None
    source.write_text("id,category,language,en\nwire,outlet,ko,Wire\n", encoding="utf-8")
    import_concepts(target, read_csv(source))
    assert Glossary.load([target]).get("wire").language == "ko"
    source.write_text("id,category,language,en\nwire,outlet,ja,Wire\n", encoding="utf-8")
    summary = import_concepts(target, read_csv(source))
    assert Glossary.load([target]).get("wire").language == "ko"  # never overwritten
    assert any("language 'ja' differs from 'ko'" in s for s in summary.skipped)


def test_reads_2008_martif() -> None:
    (concept,) = read_tbx(FIXTURES / "martif-2008.tbx")
    assert concept.id == "roscosmos" and concept.category == "agency"
    assert concept.canonical == "Roscosmos"
    assert [f.text for f in concept.forms["ru"]] == ["Роскосмос"]
    assert [(f.text, f.status) for f in concept.forms["zh-Hans"]] == [
        ("俄罗斯国家航天集团", "preferred"), ("俄航天局", "deprecated")]


def test_csv_with_language_header_only(tmp_path: Path) -> None:
    path = tmp_path / "terms.csv"
    path.write_text("en,uk,ko\nRoscosmos,Роскосмос,로스코스모스\n"
                    "Space Force | Space Force Command [deprecated],Космічні сили,우주군\n",
                    encoding="utf-8")
    first, second = read_csv(path)
    assert (first.id, first.category, first.canonical) == ("roscosmos", "other", "Roscosmos")
    assert [(f.text, f.status) for f in second.forms["en"]] == [
        ("Space Force", "preferred"), ("Space Force Command", "deprecated")]
    path.write_text("en,klingon\nX,Y\n", encoding="utf-8")
    with pytest.raises(GlossaryError, match=r"terms\.csv:1: header must name language codes"):
        read_csv(path)


def test_malformed_tbx_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.tbx"
    path.write_text("<tbx>\n<text>\n<body>\n</tbx>\n", encoding="utf-8")
    with pytest.raises(GlossaryError, match=r"bad\.tbx:4: malformed TBX"):
        read_tbx(path)


def test_import_merges_and_skips_clashes(tmp_path: Path) -> None:
    target = tmp_path / "imported.yaml"
    summary = import_concepts(target, read_tbx(FIXTURES / "martif-2008.tbx"))
    assert summary.added == ["roscosmos"]
    csv_path = tmp_path / "more.csv"
    csv_path.write_text("id,category,en,ru\nroscosmos,agency,Roskosmos,Роскосмос\n"
                        "nasa-copy,agency,NASA,\n", encoding="utf-8")
    summary = import_concepts(target, read_csv(csv_path), context=[tmp_path])
    assert summary.extended == {"roscosmos": 1}
    g = Glossary.load([target])
    assert [f.text for f in g.get("roscosmos").forms["en"]] == ["Roscosmos", "Roskosmos"]
    # NASA is claimed by the bundled glossary when that is the context
    summary = import_concepts(tmp_path / "x.yaml", read_csv(csv_path),
                              context=[default_glossary().paths[0].parent])
    assert any("belongs to nasa" in s for s in summary.skipped)


# -- spreadsheet formulas and file modes -------------------------------------------------

HOSTILE_GLOSSARY = """\
concepts:
  - id: formula-outlet
    category: outlet
    notes: '=HYPERLINK("http://evil.invalid","click")'
    forms:
      en: ["=cmd|' /c calc'!A1", "@SUM(1+1)", "+1 800 555", "-2 dollars"]
      uk: ["'=already quoted", "Звичайна назва"]
  - id: plain-outlet
    category: outlet
    forms:
      en: [Plain Outlet]
"""


def test_glossary_csv_export_neutralises_formulas_and_reads_back_unchanged(
        tmp_path: Path) -> None:
    import csv

    from support.cli import run_cli

    source = tmp_path / "hostile.yaml"
    source.write_text(HOSTILE_GLOSSARY, encoding="utf-8")
    out = tmp_path / "out.csv"
    result = run_cli("glossary", "export", out, "--glossary", source)
    assert result.exit_code == 0, result.output
    rows = list(csv.reader(out.open(encoding="utf-8", newline="")))
    cells = [cell for row in rows[1:] for cell in row if cell]
    assert not [c for c in cells if c.startswith(("=", "+", "-", "@", "\t", "\r"))], cells
    header, formula = rows[0], rows[1]
    assert formula[header.index("notes")] == "'=HYPERLINK(\"http://evil.invalid\",\"click\")"
    assert formula[header.index("en")].startswith("'=cmd|' /c calc'!A1 | @SUM(1+1)")
    assert formula[header.index("uk")].startswith("''=already quoted")
    # read back: the text the glossary holds, apostrophes and all
    back = {c.id: c for c in read_exchange(out)}
    original = Glossary.load([source])
    for concept_id in ("formula-outlet", "plain-outlet"):
        assert back[concept_id].notes == original.get(concept_id).notes
        assert back[concept_id].forms == original.get(concept_id).forms


def test_report_csv_and_glossary_csv_share_one_neutraliser() -> None:
    from provenance.glossary import exchange
    from provenance.report import csvreport
    from provenance.spreadsheet import read_cell, safe_cell

    assert csvreport.cell is safe_cell and exchange.safe_cell is safe_cell
    for text in ("=1+1", "+1", "-1", "@x", "\tx", "\rx", "'=x", "''@x", "'plain", "plain", ""):
        assert read_cell(safe_cell(text)) == text
        assert not safe_cell(text).startswith(("=", "+", "-", "@", "\t", "\r"))


@pytest.mark.parametrize("umask, mode", [(0o022, 0o644), (0o027, 0o640), (0o077, 0o600)])
def test_exported_glossaries_get_the_users_umask(tmp_path: Path, umask: int, mode: int) -> None:
    import os
    import stat

    from support.cli import run_cli

    old = os.umask(umask)
    try:
        for name in ("out.csv", "out.tbx"):
            result = run_cli("glossary", "export", tmp_path / name, "--category", "outlet")
            assert result.exit_code == 0, result.output
            assert stat.S_IMODE((tmp_path / name).stat().st_mode) == mode, name
    finally:
        os.umask(old)
