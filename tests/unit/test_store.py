"""The analysis store: round-trips, resume keys, a busy file and a damaged one."""

from __future__ import annotations

import sqlite3
import warnings

import pytest
from click.testing import CliRunner
from support.analysis_factory import article_from_lines

from provenance import paths
from provenance.cli import main
from provenance.dbfile import FileBusy, FileReplaced
from provenance.model import (
    Alignment,
    ArticleProvenance,
    Attribution,
    CorpusAnalysis,
    DerivationEdge,
    Finding,
    Link,
    PairAnalysis,
)
from provenance.signature import Signature
from provenance.store import Store


def _analysis() -> CorpusAnalysis:
    ref = article_from_lines("ref", ["Bezos spoke with Trump."], "en")
    relay = article_from_lines("relay", ["贝索斯会见了特朗普。"], "zh-cn")
    finding = Finding("relation", "major", (0,), (0,), "spoke with -> met",
                      src_spans=[(0, 6, 16)], tgt_spans=[(0, 3, 6)], evidence={"a": "spoke"})
    pair = PairAnalysis("ref", "relay",
                        Alignment("en", "zh-cn", "monotonic", [Link((0,), (0,), 0.9)],
                                  Signature({"translator": "gloss"})), [finding])
    prov = ArticleProvenance(
        "relay", "translation", 0.8, "en",
        attributions=[Attribution("WSJ", "outlet", "据", 0, 0, 5, "wsj", chain=["WSJ"])],
        derived_from=[DerivationEdge("ref", "relay", 0.7)])
    return CorpusAnalysis(Signature({"translator": "auto"}), [ref, relay],
                          {"relay": prov}, [pair], "ref", ["WSJ"])


def test_analysis_round_trips_through_the_store(tmp_path):
    store = Store(tmp_path / "s.sqlite")
    analysis = _analysis()
    store.put_analysis("k1", "/corpus", "fp1", analysis)
    back = store.get_analysis("k1")
    assert back is not None
    assert back.to_dict() == analysis.to_dict()
    assert back.pairs[0].findings[0].weight == 5
    assert back.provenance["relay"].attributions[0].chain == ["WSJ"]
    assert str(back.signature) == str(analysis.signature)


def test_latest_analysis_requires_unchanged_files(tmp_path):
    store = Store(tmp_path / "s.sqlite")
    store.put_analysis("k1", "/corpus", "fp1", _analysis())
    assert store.latest_analysis("/corpus", "fp1") is not None
    assert store.latest_analysis("/corpus", "fp-changed") is None
    assert store.latest_analysis("/elsewhere", "fp1") is None


def test_pairs_are_stored_one_by_one(tmp_path):
    store = Store(tmp_path / "s.sqlite")
    pair = _analysis().pairs[0]
    assert store.get_pair("p") is None
    store.put_pair("p", pair)
    assert store.get_pair("p").to_dict() == pair.to_dict()


def test_damaged_store_is_moved_aside_and_rebuilt(tmp_path):
    path = tmp_path / "s.sqlite"
    path.write_bytes(b"this is not a database" * 100)
    with pytest.warns(FileReplaced, match=r"moved it to s\.sqlite\.corrupt-"):
        store = Store(path)
    (aside,) = tmp_path.glob("s.sqlite.corrupt-*")
    assert aside.read_bytes().startswith(b"this is not a database")
    store.put_pair("p", _analysis().pairs[0])
    assert store.get_pair("p") is not None


def test_locked_store_is_busy_not_damaged(tmp_path):
    path = tmp_path / "s.sqlite"
    Store(path).put_pair("kept", _analysis().pairs[0])
    # Another process holds an exclusive lock on a store in rollback-journal mode (as an
    # older version, or a user's sqlite3 shell, may leave it): opening must wait, then fail.
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("PRAGMA journal_mode=DELETE")
    other.execute("BEGIN EXCLUSIVE")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error")  # no "moved aside" warning either
            with pytest.raises(FileBusy, match="analysis store .* is busy"):
                Store(path, timeout=0.2)
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert not list(tmp_path.glob("s.sqlite.corrupt-*"))
    assert Store(path).get_pair("kept") is not None


def test_cli_says_in_one_line_that_a_damaged_store_was_replaced(tmp_path):
    paths.store_path().write_bytes(b"\x00garbage" * 1000)
    article = tmp_path / "a.txt"
    article.write_text("SpaceX won a $5.9 billion contract. NASA said so on Monday.\n",
                       encoding="utf-8")
    result = CliRunner().invoke(main, ["analyze", str(article), "--format", "json"])
    assert result.exit_code == 0, result.output
    (line,) = result.stderr.strip().splitlines()
    assert line.startswith("warning: analysis store ") and "UserWarning" not in line
    assert "moved it to store.sqlite.corrupt-" in line and line.endswith("started afresh")
    assert list(paths.store_path().parent.glob("store.sqlite.corrupt-*"))
