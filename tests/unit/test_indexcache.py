"""Derived indexes built once per key and reused across processes; never stale, never
half-written, and never a reason for a command to fail."""

from __future__ import annotations

import pytest

from provenance import indexcache
from provenance.errors import GlossaryError
from provenance.glossary import Glossary, default_glossary
from provenance.glossary.matcher import Matcher
from provenance.indexcache import cached_index, index_dir


def _counting_build(value: object) -> tuple[list[int], object]:
    calls: list[int] = []

    def build() -> object:
        calls.append(1)
        return value

    return calls, build


def test_built_once_per_key_then_loaded() -> None:
    calls, build = _counting_build({"table": [1, 2, 3]})
    assert cached_index("demo", "k1", build) == {"table": [1, 2, 3]}
    assert cached_index("demo", "k1", build) == {"table": [1, 2, 3]}
    assert len(calls) == 1
    cached_index("demo", "k2", build)  # another key (other inputs or other code) rebuilds
    assert len(calls) == 2
    assert len(list(index_dir().glob("demo-*.pickle"))) == 2
    assert not [p for p in index_dir().iterdir() if p.name.startswith(".")]  # no temp files


def test_a_damaged_file_is_rebuilt_and_replaced() -> None:
    calls, build = _counting_build([4, 5])
    cached_index("demo", "k", build)
    (path,) = index_dir().glob("demo-*.pickle")
    path.write_bytes(b"\x80\x05 truncated")
    assert cached_index("demo", "k", build) == [4, 5]
    assert cached_index("demo", "k", build) == [4, 5]
    assert len(calls) == 2


def test_an_unwritable_home_only_costs_the_rebuild(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(path: object, data: bytes) -> None:
        raise PermissionError(f"{path}: read-only")

    monkeypatch.setattr(indexcache, "write_atomic_bytes", refuse)
    calls, build = _counting_build("v")
    assert cached_index("demo", "k", build) == "v"
    assert cached_index("demo", "k", build) == "v"
    assert len(calls) == 2
    assert not list(index_dir().iterdir())


def test_old_files_of_a_kind_are_pruned(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(indexcache, "KEEP_PER_KIND", 3)
    for k in range(6):
        cached_index("demo", f"k{k}", lambda k=k: k)
    cached_index("other", "k", lambda: 0)
    assert len(list(index_dir().glob("demo-*.pickle"))) == 3
    assert len(list(index_dir().glob("other-*.pickle"))) == 1


def test_matcher_compiles_only_the_families_it_is_asked_for() -> None:
    glossary = Glossary(default_glossary().concepts.values())
    matcher = glossary.matcher
    glossary.match("Elon Musk spoke with Vladimir Putin.", "en")
    glossary.match("머스크는 푸틴과 대화했다", "ko")
    # No Ukrainian lemma index (the costly one) for an English-Korean pair.
    assert set(matcher._families) == {("en",), ("ko",)}
    assert len(list(index_dir().glob("matcher-*.pickle"))) == 2


def test_a_cached_matcher_matches_exactly_as_a_fresh_one() -> None:
    concepts = list(default_glossary().concepts.values())
    texts = [("Маск розмовляв з Путіним, пише The Wall Street Journal.", "uk"),
             ("Маска и Путина обсуждали в Белом доме.", "ru"),
             ("据《华尔街日报》报道，马斯克与普京通话。", "zh-cn"),
             ("SpaceX and Blue Origin; the Journal reported.", "en")]
    fresh = [Matcher(concepts).match(t, lang) for t, lang in texts]
    first = [Matcher(concepts, cache_key="digest").match(t, lang) for t, lang in texts]
    assert len(list(index_dir().glob("matcher-*.pickle"))) == 4
    # A new process would find the files: a new matcher with the same key loads them.
    loaded = Matcher(concepts, cache_key="digest")
    again = [loaded.match(t, lang) for t, lang in texts]
    assert fresh == first == again
    assert any(m.concept_id == "vladimir-putin" for m in again[0])


def test_concept_order_is_part_of_the_key() -> None:
    concepts = list(default_glossary().concepts.values())
    Matcher(concepts, cache_key="d").match("Musk", "en")
    Matcher(list(reversed(concepts)), cache_key="d").match("Musk", "en")
    assert len(list(index_dir().glob("matcher-*.pickle"))) == 2


def test_langdetect_reads_the_cached_profiles_with_identical_results() -> None:
    from langdetect import DetectorFactory, detector_factory

    from provenance.langprofiles import ProfileTable, install

    texts = ["Elon Musk has been in regular contact with Vladimir Putin since late 2022.",
             "Ілон Маск підтримує постійний зв'язок із Путіним, пише WSJ.",
             "Илон Маск поддерживает регулярный контакт с Путиным.",
             "马斯克自2022年底以来一直与普京保持定期联系。", "Le patron de SpaceX parle à Poutine.",
             "12345 !!!"]
    stock = detector_factory.DetectorFactory()
    stock.load_profile(detector_factory.PROFILES_DIRECTORY)
    DetectorFactory.seed = 0
    saved = detector_factory._factory
    detector_factory._factory = None
    try:
        install()
        ours = detector_factory._factory
        assert isinstance(ours.word_lang_prob_map, ProfileTable)
        assert list(index_dir().glob("langdetect-*.pickle"))
        for text in texts:
            results = []
            for factory in (stock, ours):
                detector = factory.create()
                detector.append(text)
                try:
                    results.append([(r.lang, r.prob) for r in detector.get_probabilities()])
                except Exception as exc:  # noqa: BLE001 - "no features" must match too
                    results.append(type(exc).__name__)
            assert results[0] == results[1], text
        assert len(ours.word_lang_prob_map) == len(stock.word_lang_prob_map)
        assert "zz-not-an-ngram" not in ours.word_lang_prob_map
    finally:
        detector_factory._factory = saved


def test_a_loaded_glossary_is_kept_until_one_of_its_files_changes(tmp_path) -> None:
    folder = tmp_path / "glossaries"
    folder.mkdir()
    entry = ("concepts:\n  - id: {id}\n    category: company\n    canonical: {name}\n"
             "    forms:\n      en: [{name}]\n")
    (folder / "a.yaml").write_text(entry.format(id="acme", name="Acme"), encoding="utf-8")
    first = Glossary.load([folder])
    again = Glossary.load([folder])
    assert list(again.concepts) == ["acme"] and again.digest == first.digest
    assert again.digest == Glossary(again.concepts.values()).digest  # the same digest
    assert len(list(index_dir().glob("glossary-*.pickle"))) == 1
    (folder / "b.yaml").write_text(entry.format(id="globex", name="Globex"), encoding="utf-8")
    assert list(Glossary.load([folder]).concepts) == ["acme", "globex"]
    (folder / "a.yaml").write_text(entry.format(id="acme", name="Acme Corp"), encoding="utf-8")
    edited = Glossary.load([folder])
    assert edited.get("acme").canonical == "Acme Corp" and edited.digest != first.digest
    assert [m.concept_id for m in edited.match("Acme Corp and Globex", "en")] == \
        ["acme", "globex"]


def test_a_glossary_with_errors_raises_every_time(tmp_path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("concepts:\n  - id: x\n    category: spaceship\n    canonical: X\n"
                   "    forms:\n      en: [X]\n", encoding="utf-8")
    for _ in range(2):
        with pytest.raises(GlossaryError, match="unknown category"):
            Glossary.load([bad])
    assert not list(index_dir().glob("glossary-*.pickle"))
