"""The analysis store: round-trips, resume keys, and a damaged file."""

from __future__ import annotations

import warnings

from support.analysis_factory import article_from_lines

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
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        store = Store(path)
    assert any("moved to" in str(w.message) for w in caught)
    assert list(tmp_path.glob("s.sqlite.corrupt-*"))
    store.put_pair("p", _analysis().pairs[0])
    assert store.get_pair("p") is not None
